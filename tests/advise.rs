//! `chayici advise`: on two windows of one restaurant three days apart it finds the three-day
//! change that merges them, and the workspace changed that way, planned and checked by
//! `verify`, has one visit fewer. Also its JSON, its letters and its exit codes.

mod common;

use common::{chayici, code, copy_workspace};
use serde_json::Value;
use std::path::Path;

const FIXTURE: &str = "tests/fixtures/apart_windows";

fn advise_json(args: &[&str]) -> Value {
    let mut all = vec!["advise", FIXTURE, "--format", "json"];
    all.extend_from_slice(args);
    let o = chayici(&all);
    assert_eq!(code(&o), 0, "{}", String::from_utf8_lossy(&o.stderr));
    serde_json::from_slice(&o.stdout).unwrap()
}

/// Plans `ws` into `out`, checks it with `verify`, and returns its visits.
fn planned_visits(ws: &Path, out: &Path) -> u64 {
    let (ws, out) = (ws.to_str().unwrap(), out.to_str().unwrap());
    assert_eq!(code(&chayici(&["plan", ws, "--out", out, "-q"])), 0);
    let v = chayici(&["verify", ws, out]);
    assert_eq!(code(&v), 0, "{}", String::from_utf8_lossy(&v.stdout));
    let plan: Value =
        serde_json::from_str(&std::fs::read_to_string(Path::new(out).join("plan.json")).unwrap())
            .unwrap();
    plan["kpis"]["visits"].as_u64().unwrap()
}

#[test]
fn finds_the_three_day_change_and_the_replanned_workspace_has_one_visit_fewer() {
    let doc = advise_json(&["--check", "1"]);
    let top = &doc["advice"][0];
    assert_eq!(top["kind"], "shift_window");
    assert_eq!(top["days"], 3);
    assert_eq!(top["task_id"], "SC-01");
    assert_eq!(top["current"], "2026-12-01..2026-12-04");
    assert_eq!(top["proposed"], "2026-12-04..2026-12-07");
    assert_eq!(top["visits_saved_predicted"], 1);
    assert_eq!(top["what_if"]["visits_saved"], 1);
    assert_eq!(top["what_if"]["verified"], true);
    // The other department's task, moved the other way, is the other way to merge them.
    let second = &doc["advice"][1];
    assert_eq!(
        (&second["task_id"], &second["proposed"]),
        (&"XF-01".into(), &"2026-12-04..2026-12-10".into())
    );

    // The change made by hand in the department's file, planned and verified.
    let tmp = tempfile::tempdir().unwrap();
    let changed = copy_workspace(Path::new(FIXTURE));
    let file = changed.path().join("plans/scjg.csv");
    let text = std::fs::read_to_string(&file).unwrap();
    let edited = text.replace("2026-12-01,2026-12-04", "2026-12-04,2026-12-07");
    assert_ne!(text, edited);
    std::fs::write(&file, edited).unwrap();
    let before = planned_visits(Path::new(FIXTURE), &tmp.path().join("before"));
    let after = planned_visits(changed.path(), &tmp.path().join("after"));
    assert_eq!((before, after), (3, 2));
}

#[test]
fn json_has_the_documented_shape() {
    let doc = advise_json(&["--check", "0"]);
    for key in [
        "workspace",
        "visits_lower_bound",
        "visits_naive",
        "what_if_seed",
        "what_if_iterations",
        "advice",
    ] {
        assert!(doc.get(key).is_some(), "{key}");
    }
    assert_eq!(doc["visits_lower_bound"], 3);
    let list = doc["advice"].as_array().unwrap();
    assert!(!list.is_empty());
    for (i, a) in list.iter().enumerate() {
        assert_eq!(a["rank"], i + 1);
        for key in [
            "kind",
            "departments",
            "firm_ids",
            "firm_names",
            "current",
            "proposed",
            "visits_saved_predicted",
            "text_zh",
            "text_en",
        ] {
            assert!(a.get(key).is_some(), "{key} in {a}");
        }
        assert!(a.get("what_if").is_none(), "--check 0 plans nothing");
    }
}

#[test]
fn letters_go_to_each_department_with_its_advice() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("advice");
    let o = chayici(&[
        "advise",
        FIXTURE,
        "--check",
        "0",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code(&o), 0);
    let html = std::fs::read_to_string(out.join("letters/scjg.html")).unwrap();
    assert!(html.contains("致市场监管局"));
    assert!(html.contains("SC-01") && html.contains("2026-12-04..2026-12-07"));
    assert!(
        !html.contains("XF-01"),
        "each letter lists only its department's advice"
    );
    let xlsx = std::fs::read(out.join("letters/xfjy.xlsx")).unwrap();
    assert!(xlsx.starts_with(b"PK"), "an XLSX is a zip");
    let json: Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("advice.json")).unwrap()).unwrap();
    assert_eq!(json["advice"][0]["task_id"], "SC-01");
}

#[test]
fn exit_codes_say_what_went_wrong() {
    // A plan of this workspace: each firm's visits now.
    let tmp = tempfile::tempdir().unwrap();
    let plan = tmp.path().join("plan");
    planned_visits(Path::new(FIXTURE), &plan);
    let o = chayici(&[
        "advise",
        FIXTURE,
        plan.to_str().unwrap(),
        "--check",
        "0",
        "--format",
        "json",
    ]);
    assert_eq!(code(&o), 0);
    let doc: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(doc["advice"][0]["visits_now"], 2);

    // Workspace errors: 1.
    assert_eq!(code(&chayici(&["advise", "tests/fixtures/bad"])), 1);
    // A plan of another workspace: 1.
    let other = tmp.path().join("other");
    planned_visits(Path::new("data/tiny"), &other);
    let o = chayici(&["advise", FIXTURE, other.to_str().unwrap()]);
    assert_eq!(code(&o), 1, "{}", String::from_utf8_lossy(&o.stderr));
    // Nothing to read: 2.
    assert_eq!(code(&chayici(&["advise", "tests/fixtures/no_such"])), 2);
    let empty = tmp.path().join("empty");
    std::fs::create_dir(&empty).unwrap();
    assert_eq!(
        code(&chayici(&["advise", FIXTURE, empty.to_str().unwrap()])),
        2
    );
}

#[test]
fn lang_zh_prints_the_advice_in_chinese() {
    let o = chayici(&["advise", FIXTURE, "--check", "0", "--lang", "zh"]);
    assert_eq!(code(&o), 0);
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(
        text.contains("入企至少 3 次；各部门单独检查则为 4 次"),
        "{text}"
    );
    assert!(
        text.contains("  1. [shift_window] 预计减少入企 1 次\n     任务 SC-01"),
        "{text}"
    );
    assert!(!text.contains("visits at least"), "{text}");
}
