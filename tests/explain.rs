//! Explanations: why a firm gets more than one visit, in plan.json, explanations.csv and the
//! report, each with its facts; the plans they explain are checked by `verify`.

mod common;

use chayici::explain::{ExplanationKind, why_apart};
use chayici::model::{Instance, TimeWindow};
use common::{chayici, code};
use std::path::Path;

const FIXTURE: &str = "tests/fixtures/apart_windows";

fn fixture() -> Instance {
    chayici::ingest::load_workspace(Path::new(FIXTURE))
        .unwrap()
        .instance
        .unwrap()
}

fn task(inst: &Instance, id: &str) -> usize {
    inst.tasks.iter().position(|t| t.id == id).unwrap()
}

#[test]
fn explanations_name_the_windows_that_do_not_overlap() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("plan");
    let out_s = out.to_str().unwrap();
    assert_eq!(code(&chayici(&["plan", FIXTURE, "--out", out_s, "-q"])), 0);
    let v = chayici(&["verify", FIXTURE, out_s]);
    assert_eq!(code(&v), 0, "{}", String::from_utf8_lossy(&v.stdout));
    assert!(!String::from_utf8_lossy(&v.stdout).contains("unexpected_file"));

    let csv = std::fs::read_to_string(out.join("explanations.csv")).unwrap();
    assert!(csv.starts_with('\u{feff}'), "Excel needs the BOM");
    let rows: Vec<&str> = csv.lines().collect();
    assert_eq!(rows.len(), 2, "{csv}");
    assert!(rows[0].contains("统一社会信用代码,企业名称,任务编号"));
    let row = rows[1];
    for fact in [
        "91330822MA2E0A1B7U",
        "SC-01;XF-01",
        "windows_apart",
        "2026-12-01..2026-12-04",
        "2026-12-07..2026-12-13",
        ",3,",
        "12-01至12-04",
        "12-07至12-13",
    ] {
        assert!(row.contains(fact), "{fact} missing in {row}");
    }

    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("plan.json")).unwrap()).unwrap();
    let list = json["explanations"].as_array().unwrap();
    assert_eq!(list.len(), 1);
    let e = &list[0];
    assert_eq!(e["kind"], "windows_apart");
    assert_eq!(e["visits"], 2);
    assert_eq!(e["task_ids"], serde_json::json!(["SC-01", "XF-01"]));
    assert_eq!(e["facts"]["window_a"]["last"], "2026-12-04");
    assert_eq!(e["facts"]["window_b"]["first"], "2026-12-07");
    assert_eq!(e["facts"]["gap_days"], 3);
    assert!(e["text_zh"].as_str().unwrap().contains("相隔 3 天"));

    let html = std::fs::read_to_string(out.join("report.html")).unwrap();
    assert!(html.contains(r##"href="#explanations""##));
    assert!(html.contains(r#"<tr data-kind="windows_apart">"#));
}

#[test]
fn each_reason_comes_with_its_facts() {
    let base = fixture();
    let (sc, xf) = (task(&base, "SC-01"), task(&base, "XF-01"));
    let (k, f) = why_apart(&base, &[sc], &[xf]);
    assert_eq!(k, ExplanationKind::WindowsApart);
    assert_eq!((f.task_a.as_deref(), f.gap_days), (Some("SC-01"), Some(3)));

    // Windows that meet: nothing stops one visit but the plan's choice.
    let mut inst = base.clone();
    inst.tasks[xf].first_day = 3;
    assert_eq!(
        why_apart(&inst, &[sc], &[xf]).0,
        ExplanationKind::CapacitySpent
    );

    // A team per department, none for both.
    let mut split = inst.clone();
    let mut second = split.teams[0].clone();
    second.id = "T2".into();
    split.teams[0].departments = chayici::model::DeptSet::single(split.tasks[sc].department);
    second.departments = chayici::model::DeptSet::single(split.tasks[xf].department);
    split.teams.push(second);
    let (k, f) = why_apart(&split, &[sc], &[xf]);
    assert_eq!(k, ExplanationKind::NoTeamCovers);
    assert_eq!(f.departments, ["scjg", "xfjy"]);
    assert_eq!(f.teams.len(), 2);
    assert_eq!(f.teams[1].departments, ["xfjy"]);

    // 40 + 200 minutes side by side take 210 with setup; the restaurant's mornings are 3 h
    // within the team's shift (09:00-12:00).
    let mut long = inst.clone();
    long.tasks[xf].minutes = 200;
    let (k, f) = why_apart(&long, &[sc], &[xf]);
    assert_eq!(k, ExplanationKind::TooLongForHours);
    assert_eq!(
        (f.minutes_needed, f.minutes_available),
        (Some(210), Some(180))
    );

    // The one shared day (12-04, a Friday) the restaurant is closed.
    let mut closed = inst.clone();
    let firm = closed.tasks[sc].firm;
    closed.firms[firm].hours.closed_weekdays[4] = true;
    let (k, f) = why_apart(&closed, &[sc], &[xf]);
    assert_eq!(k, ExplanationKind::FirmClosed);
    assert_eq!(f.shared.unwrap().first.to_string(), "2026-12-04");

    // Open all day, but the team is off on that day.
    let mut away = inst.clone();
    away.firms[firm].hours.windows = vec![TimeWindow::new(480, 1080)];
    away.teams[0].available[3] = false;
    assert_eq!(why_apart(&away, &[sc], &[xf]).0, ExplanationKind::TeamsAway);
}
