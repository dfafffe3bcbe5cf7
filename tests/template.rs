//! `chayici template`: the workbook it writes, filled in by a clerk, is a plan `check` reads
//! without a diagnostic, with the tasks the clerk entered.

mod common;

use chayici::ingest::load_workspace;
use chrono::NaiveDate;
use common::{chayici, code, copy_workspace};
use std::io::{Cursor, Read, Write};
use std::path::Path;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The workbook's parts, by name.
fn parts(bytes: &[u8]) -> Vec<(String, Vec<u8>)> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    (0..zip.len())
        .map(|i| {
            let mut f = zip.by_index(i).unwrap();
            let mut data = Vec::new();
            f.read_to_end(&mut data).unwrap();
            (f.name().unwrap().to_string(), data)
        })
        .collect()
}

fn part<'a>(parts: &'a [(String, Vec<u8>)], name: &str) -> &'a str {
    let (_, data) = parts.iter().find(|(n, _)| n == name).unwrap();
    std::str::from_utf8(data).unwrap()
}

/// The style a column of the plan sheet gives cells typed into it, as Excel applies it.
fn column_style(sheet: &str, col: u32) -> String {
    let at = sheet
        .find(&format!("<col min=\"{col}\""))
        .expect("the column has a format");
    let tail = &sheet[at..];
    let style = &tail[tail.find("style=\"").unwrap() + 7..];
    style[..style.find('"').unwrap()].to_string()
}

fn text(cell: &str, s: &str) -> String {
    format!("<c r=\"{cell}\" t=\"inlineStr\"><is><t>{s}</t></is></c>")
}

/// The Excel serial of a date.
fn serial(d: NaiveDate) -> i64 {
    (d - NaiveDate::from_ymd_opt(1899, 12, 30).unwrap()).num_days()
}

/// The template with rows typed into its plan sheet as Excel stores them: text as text,
/// minutes as numbers, dates as serials in the date-formatted columns.
fn fill(template: &[u8], rows: &[[&str; 9]]) -> Vec<u8> {
    let parts = parts(template);
    let sheet = part(&parts, "xl/worksheets/sheet1.xml");
    let date_style = column_style(sheet, 5);
    let mut xml = String::new();
    for (i, row) in rows.iter().enumerate() {
        let r = i + 2;
        xml.push_str(&format!("<row r=\"{r}\">"));
        for (c, v) in row.iter().enumerate() {
            if v.is_empty() {
                continue;
            }
            let cell = format!("{}{r}", (b'A' + c as u8) as char);
            xml.push_str(&match c {
                4 | 5 => {
                    let d = NaiveDate::parse_from_str(v, "%Y-%m-%d").unwrap();
                    format!(
                        "<c r=\"{cell}\" s=\"{date_style}\"><v>{}</v></c>",
                        serial(d)
                    )
                }
                6 => format!("<c r=\"{cell}\"><v>{v}</v></c>"),
                _ => text(&cell, v),
            });
        }
        xml.push_str("</row>");
    }
    let filled = sheet.replacen("</row></sheetData>", &format!("</row>{xml}</sheetData>"), 1);
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (name, data) in &parts {
        out.start_file(name.as_str(), zip::write::SimpleFileOptions::default())
            .unwrap();
        if name == "xl/worksheets/sheet1.xml" {
            out.write_all(filled.as_bytes()).unwrap();
        } else {
            out.write_all(data).unwrap();
        }
    }
    out.finish().unwrap().into_inner()
}

#[test]
fn a_filled_template_is_a_plan_check_reads_without_a_diagnostic() {
    let ws = copy_workspace(&root().join("data/tiny"));
    let dir = ws.path();
    let out = dir.join("模板.xlsx");
    let o = chayici(&[
        "template",
        dir.to_str().unwrap(),
        "--department",
        "scjg",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code(&o), 0, "{}", String::from_utf8_lossy(&o.stderr));
    let template = std::fs::read(&out).unwrap();

    // What a clerk sees: the month, Chinese headers, drop-downs, the instructions.
    let p = parts(&template);
    let book = part(&p, "xl/workbook.xml");
    assert!(book.contains("<sheet name=\"2026年12月\""), "{book}");
    assert!(book.contains("<sheet name=\"填表说明\""), "{book}");
    assert!(
        book.contains("name=\"选项\" sheetId=\"3\" state=\"hidden\""),
        "{book}"
    );
    let sheet = part(&p, "xl/worksheets/sheet1.xml");
    for list in [
        "'选项'!$A$2:$A$6",
        "'选项'!$B$2:$B$6",
        "'选项'!$C$2",
        "\"必查,一般,可选\"",
    ] {
        assert!(sheet.contains(list), "no drop-down `{list}` in {sheet}");
    }
    assert!(sheet.contains("type=\"date\""), "{sheet}");
    let styles = part(&p, "xl/styles.xml");
    assert!(styles.contains("formatCode=\"yyyy-mm-dd\""), "{styles}");

    // The department's plan is now the filled template.
    std::fs::remove_file(dir.join("plans/scjg.csv")).unwrap();
    let filled = fill(
        &template,
        &[
            [
                "SC-11",
                "91330822MA2E0A1B7U",
                "常山县天马示例餐饮店",
                "食品安全检查",
                "2026-12-07",
                "2026-12-18",
                "45",
                "必查",
                "双随机",
            ],
            ["SC-12", "91330822MA2E1C2D04", "", "", "", "", "30", "", ""],
        ],
    );
    std::fs::write(dir.join("plans/scjg.xlsx"), filled).unwrap();
    let o = chayici(&["check", dir.to_str().unwrap()]);
    let stdout = String::from_utf8_lossy(&o.stdout);
    assert_eq!(code(&o), 0, "{stdout}");
    assert!(stdout.contains("0 errors, 0 warnings"), "{stdout}");

    let inst = load_workspace(dir).unwrap().instance.unwrap();
    let task = |id: &str| inst.tasks.iter().find(|t| t.id == id).unwrap();
    let sc11 = task("SC-11");
    assert_eq!(inst.departments[sc11.department].code, "scjg");
    assert_eq!(
        inst.calendar.dates[sc11.first_day].to_string(),
        "2026-12-07"
    );
    assert_eq!(inst.calendar.dates[sc11.last_day].to_string(), "2026-12-18");
    assert_eq!((sc11.minutes, sc11.item.as_str()), (45, "食品安全检查"));
    assert_eq!(task("SC-12").minutes, 30);
}

#[test]
fn a_department_the_workspace_does_not_have_is_refused() {
    let ws = copy_workspace(&root().join("data/tiny"));
    let out = ws.path().join("x.xlsx");
    let o = chayici(&[
        "template",
        ws.path().to_str().unwrap(),
        "--department",
        "市场",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code(&o), 1);
    assert!(
        String::from_utf8_lossy(&o.stderr).contains("scjg (市场监管)"),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(!out.exists());
}

#[test]
fn says_what_it_did_in_the_language_asked() {
    let ws = copy_workspace(&root().join("data/tiny"));
    let dir = ws.path().to_str().unwrap();
    let out = ws.path().join("模板.xlsx");
    let run = |department: &str| {
        chayici(&[
            "template",
            dir,
            "--department",
            department,
            "--out",
            out.to_str().unwrap(),
            "--lang",
            "zh",
        ])
    };
    let o = run("scjg");
    assert_eq!(code(&o), 0, "{}", String::from_utf8_lossy(&o.stderr));
    let stdout = String::from_utf8_lossy(&o.stdout);
    assert!(stdout.starts_with("已写入 "), "{stdout}");
    assert!(
        stdout.contains("填好后请保存为 plans/scjg.xlsx"),
        "{stdout}"
    );
    let o = run("市场");
    assert_eq!(code(&o), 1);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(
        stderr.contains("chayici: 工作区中没有部门 `市场`；现有部门："),
        "{stderr}"
    );
}
