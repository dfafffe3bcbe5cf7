//! `day_sheets.html`, the paper a team takes out: one section per team-day, the print CSS
//! that puts each on its own A4 page without splitting a row, and the columns the firm and
//! the inspectors sign. When Chromium is installed its print to PDF must give one page per
//! team-day.

mod report_fixture;

use chayici::output::report::write_day_sheets;
use report_fixture::*;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const CHROMIUM: &str = "/usr/bin/chromium";

fn sheets(inst: &chayici::model::Instance, plan: &chayici::model::Plan) -> String {
    let mut out = Vec::new();
    write_day_sheets(&mut out, inst, plan).unwrap();
    String::from_utf8(out).unwrap()
}

#[test]
fn a_section_per_team_day_with_print_css_and_signature_columns() {
    let mut inst = hostile_instance();
    inst.firms[0].contact = "<b>王经理</b>".into();
    inst.firms[0].phone = "13912345678".into();
    let plan = hand_plan(&inst);
    let team_days = plan.routes.iter().filter(|r| !r.visits.is_empty()).count();
    assert!(team_days > 3, "the fixture has several team-days");
    let html = sheets(&inst, &plan);
    assert_eq!(html.matches("<section class=\"day\"").count(), team_days);
    assert_eq!(html.matches("<thead>").count(), team_days);
    for css in [
        "@page { size: A4 landscape;",
        "section.day { break-after: page;",
        "tr { break-inside: avoid;",
        "thead { display: table-header-group; }",
    ] {
        assert!(html.contains(css), "missing {css}");
    }
    for title in [
        "检查结果",
        "企业签字",
        "检查人员签字",
        "联系人",
        "联系电话",
        "检查事项",
    ] {
        assert!(
            html.contains(&format!("<th>{title}</th>")),
            "missing {title}"
        );
    }
    let visits: usize = plan.routes.iter().map(|r| r.visits.len()).sum();
    assert_eq!(html.matches("<td class=\"sign\"></td>").count(), 3 * visits);
    // Every team-day names its team, date, departure and return.
    for r in &plan.routes {
        let date = inst.calendar.date(r.day);
        let marker = format!("data-date=\"{date}\"");
        assert!(html.contains(&marker));
        assert!(html.contains(&format!(
            "出发：{}</span><span>返回：{}",
            chayici::model::fmt_minute(r.leave_base),
            chayici::model::fmt_minute(r.return_base)
        )));
    }
    // Hostile text is text.
    assert!(html.contains("&lt;b&gt;王经理&lt;/b&gt;"));
    assert!(!html.contains("<script>"));
    assert!(html.contains("13912345678"));
}

/// Pages in a PDF: its page objects (`/Type /Page`, not `/Pages`).
fn pdf_pages(pdf: &[u8]) -> usize {
    let text = String::from_utf8_lossy(pdf);
    let mut n = 0;
    for (i, _) in text.match_indices("/Type") {
        let rest = text[i + 5..].trim_start();
        if rest.starts_with("/Page") && !rest.starts_with("/Pages") {
            n += 1;
        }
    }
    n
}

#[test]
fn printed_by_chromium_each_team_day_is_one_page() {
    if !Path::new(CHROMIUM).exists() {
        eprintln!("note: {CHROMIUM} not found; skipping the print check of day_sheets.html");
        return;
    }
    let inst = hostile_instance();
    let plan = hand_plan(&inst);
    let team_days = plan.routes.iter().filter(|r| !r.visits.is_empty()).count();
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("day_sheets.html");
    std::fs::write(&page, sheets(&inst, &plan)).unwrap();
    let pdf = dir.path().join("day_sheets.pdf");
    let mut child = Command::new(CHROMIUM)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-extensions",
            "--no-first-run",
            "--no-pdf-header-footer",
        ])
        .arg(format!(
            "--user-data-dir={}",
            dir.path().join("profile").display()
        ))
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg(format!("file://{}", page.display()))
        .env("HOME", dir.path())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start chromium");
    let deadline = Instant::now() + Duration::from_secs(120);
    while child.try_wait().unwrap().is_none() {
        if Instant::now() > deadline {
            child.kill().ok();
            child.wait().ok();
            panic!("chromium did not finish within two minutes");
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    let bytes = std::fs::read(&pdf).expect("chromium wrote the PDF");
    assert_eq!(pdf_pages(&bytes), team_days);
}
