//! `chayici diff` end to end on the demo county: a plan against itself, a hand-made move of
//! one visit, the JSON shape, plans of different workspaces, and a folder without a plan.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Output;

mod common;
use common::{chayici, code};

const DEMO: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/data/demo-changshan");
const TINY: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/data/tiny");

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn plan(workspace: &str, out: &Path) {
    let o = chayici(&[
        "plan",
        workspace,
        "--out",
        out.to_str().unwrap(),
        "--quiet",
        "--iterations",
        "50",
    ]);
    assert_eq!(code(&o), 0, "{}", String::from_utf8_lossy(&o.stderr));
}

fn diff_json(old: &Path, new: &Path) -> Value {
    let o = chayici(&[
        "diff",
        old.to_str().unwrap(),
        new.to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert_eq!(code(&o), 0, "{}", String::from_utf8_lossy(&o.stderr));
    serde_json::from_slice(&o.stdout).expect("diff --format json prints JSON")
}

/// A copy of `dir`'s plan.json in a new plan folder, edited by `edit`.
fn edited_copy(dir: &Path, to: PathBuf, edit: impl FnOnce(&mut Value)) -> PathBuf {
    let mut v: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("plan.json")).unwrap()).unwrap();
    edit(&mut v);
    std::fs::create_dir_all(&to).unwrap();
    std::fs::write(
        to.join("plan.json"),
        serde_json::to_string_pretty(&v).unwrap(),
    )
    .unwrap();
    to
}

#[test]
fn a_plan_against_itself_is_unchanged() {
    let tmp = tempfile::tempdir().unwrap();
    let month = tmp.path().join("month");
    plan(DEMO, &month);
    let o = chayici(&["diff", month.to_str().unwrap(), month.to_str().unwrap()]);
    assert_eq!(code(&o), 0);
    let text = stdout(&o);
    assert!(
        text.contains(chayici::diff::text::NOTHING_CHANGED),
        "{text}"
    );
    assert!(text.contains("100.0%"), "{text}");
    let v = diff_json(&month, &month);
    assert_eq!(v["unchanged"], true);
    assert_eq!(v["totals"]["visits_changed"], 0);
    assert_eq!(v["totals"]["visits_added"], 0);
    assert_eq!(v["totals"]["tasks_moved"], 0);
    assert_eq!(v["totals"]["stability_percent"], 100.0);
    assert_eq!(v["days"].as_array().unwrap().len(), 0);
}

#[test]
fn one_visit_moved_to_another_day_is_reported_with_its_tasks() {
    let tmp = tempfile::tempdir().unwrap();
    let month = tmp.path().join("month");
    plan(DEMO, &month);
    let mut moved = (
        String::new(),
        Vec::<String>::new(),
        String::new(),
        String::new(),
    );
    let copy = edited_copy(&month, tmp.path().join("edited"), |v| {
        let routes = v["routes"].as_array_mut().unwrap();
        // The first team's first route gives its last visit to that team's next route.
        let team = routes[0]["team_id"].clone();
        let next = routes
            .iter()
            .skip(1)
            .position(|r| r["team_id"] == team)
            .expect("the team works another day")
            + 1;
        let visit = routes[0]["visits"].as_array_mut().unwrap().pop().unwrap();
        moved = (
            visit["firm_id"].as_str().unwrap().to_owned(),
            visit["task_ids"]
                .as_array()
                .unwrap()
                .iter()
                .map(|t| t.as_str().unwrap().to_owned())
                .collect(),
            routes[0]["date"].as_str().unwrap().to_owned(),
            routes[next]["date"].as_str().unwrap().to_owned(),
        );
        routes[next]["visits"].as_array_mut().unwrap().push(visit);
    });
    let (firm, tasks, old_date, new_date) = moved;
    let v = diff_json(&month, &copy);
    let t = &v["totals"];
    let visits = t["old_visits"].as_u64().unwrap();
    assert_eq!(t["new_visits"].as_u64().unwrap(), visits);
    assert_eq!(t["visits_added"], 1);
    assert_eq!(t["visits_removed"], 1);
    assert_eq!(t["visits_changed"], 0);
    assert_eq!(t["visits_kept"].as_u64().unwrap(), visits - 1);
    assert_eq!(t["tasks_moved"].as_u64().unwrap(), tasks.len() as u64);
    assert_eq!(t["stability_kept"].as_u64().unwrap(), visits - 1);
    let days = v["days"].as_array().unwrap();
    assert_eq!(days.len(), 2, "the day it left and the day it joined");
    assert_eq!(days[0]["date"], old_date.as_str());
    assert_eq!(days[0]["removed"][0]["firm_id"], firm.as_str());
    assert_eq!(days[1]["date"], new_date.as_str());
    assert_eq!(days[1]["added"][0]["firm_id"], firm.as_str());
    for m in v["moved_tasks"].as_array().unwrap() {
        assert!(tasks.iter().any(|t| m["task_id"] == t.as_str()));
        assert_eq!(m["old"]["date"], old_date.as_str());
        assert_eq!(m["new"]["date"], new_date.as_str());
        assert_eq!(m["old"]["team_id"], m["new"]["team_id"]);
    }
    // The text names the firm under both days and the stability below 100%.
    let o = chayici(&["diff", month.to_str().unwrap(), copy.to_str().unwrap()]);
    assert_eq!(code(&o), 0, "changes are not errors");
    let text = stdout(&o);
    assert_eq!(text.matches(firm.as_str()).count(), 2, "{text}");
    assert!(text.contains(tasks[0].as_str()), "{text}");
    assert!(!text.contains("100.0%"), "{text}");
}

#[test]
fn the_replan_day_of_the_new_plan_limits_stability_to_the_days_after_it() {
    let tmp = tempfile::tempdir().unwrap();
    let month = tmp.path().join("month");
    plan(DEMO, &month);
    let mut last_date = String::new();
    let copy = edited_copy(&month, tmp.path().join("replanned"), |v| {
        let routes = v["routes"].as_array().unwrap();
        last_date = routes
            .iter()
            .map(|r| r["date"].as_str().unwrap().to_owned())
            .max()
            .unwrap();
        v["replan"] = serde_json::json!({ "from": last_date, "old_plan": "../month" });
    });
    let on_last_day: u64 = {
        let v: Value =
            serde_json::from_str(&std::fs::read_to_string(month.join("plan.json")).unwrap())
                .unwrap();
        v["routes"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|r| r["date"] == last_date.as_str())
            .map(|r| r["visits"].as_array().unwrap().len() as u64)
            .sum()
    };
    let v = diff_json(&month, &copy);
    assert_eq!(v["from"], last_date.as_str());
    assert_eq!(v["totals"]["stability_base"].as_u64().unwrap(), on_last_day);
    let o = chayici(&[
        "diff",
        month.to_str().unwrap(),
        copy.to_str().unwrap(),
        "--from",
        "2026-12-01",
        "--format",
        "json",
    ]);
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["from"], "2026-12-01", "--from overrides the plan's day");
}

#[test]
fn the_json_has_the_documented_shape() {
    let tmp = tempfile::tempdir().unwrap();
    let month = tmp.path().join("month");
    plan(DEMO, &month);
    let copy = edited_copy(&month, tmp.path().join("edited"), |v| {
        let visit = &mut v["routes"][0]["visits"][0];
        visit["start"] = Value::from("06:00");
    });
    let v = diff_json(&month, &copy);
    assert_eq!(v["format"], "chayici-diff");
    assert_eq!(v["format_version"], 1);
    assert_eq!(v["unchanged"], false);
    assert!(v["from"].is_null());
    for key in [
        "old_visits",
        "new_visits",
        "visits_kept",
        "visits_changed",
        "visits_added",
        "visits_removed",
        "tasks_moved",
        "tasks_added",
        "tasks_dropped",
        "stability_base",
        "stability_kept",
        "stability_percent",
        "changes_before_from",
    ] {
        assert!(v["totals"][key].is_number(), "totals.{key}");
    }
    let day = &v["days"][0];
    for key in ["team_id", "date", "kept", "changed", "added", "removed"] {
        assert!(!day[key].is_null(), "days[].{key}");
    }
    let change = &day["changed"][0];
    assert_eq!(
        change["old"]["start"],
        v["days"][0]["changed"][0]["old"]["start"]
    );
    assert_eq!(change["new"]["start"], "06:00");
    assert!(change["new"]["task_ids"].is_array());
    assert!(change["firm_name"].is_string());
    assert_eq!(
        v["totals"]["stability_percent"], 100.0,
        "other times keep the visit"
    );
}

#[test]
fn plans_of_different_workspaces_still_compare_by_ids() {
    let tmp = tempfile::tempdir().unwrap();
    let (demo, tiny) = (tmp.path().join("demo"), tmp.path().join("tiny"));
    plan(DEMO, &demo);
    plan(TINY, &tiny);
    let v = diff_json(&demo, &tiny);
    let t = &v["totals"];
    assert_eq!(t["visits_kept"], 0);
    assert_eq!(t["visits_removed"], t["old_visits"]);
    assert_eq!(t["visits_added"], t["new_visits"]);
    assert_eq!(t["stability_percent"], 0.0);
}

#[test]
fn a_folder_without_a_plan_is_an_error() {
    let tmp = tempfile::tempdir().unwrap();
    let month = tmp.path().join("month");
    plan(TINY, &month);
    let empty = tmp.path().join("empty");
    std::fs::create_dir(&empty).unwrap();
    let o = chayici(&["diff", month.to_str().unwrap(), empty.to_str().unwrap()]);
    assert_eq!(code(&o), 2);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("plan.json") && err.contains("plan folder"),
        "{err}"
    );
    assert!(o.stdout.is_empty(), "nothing printed half-way");
}

/// Marks `dir`'s plan.json as replanned from `old_plan` (relative to `dir`) on `from`, as
/// `plan --keep` writes it.
fn mark_replanned(dir: &Path, old_plan: &str, from: &str) {
    let path = dir.join("plan.json");
    let mut v: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    v["replan"] = serde_json::json!({ "from": from, "old_plan": old_plan });
    std::fs::write(&path, serde_json::to_string_pretty(&v).unwrap()).unwrap();
}

#[test]
fn report_of_a_replanned_plan_shows_the_changes_and_writes_calendar_updates() {
    let tmp = tempfile::tempdir().unwrap();
    let (month, next) = (tmp.path().join("month"), tmp.path().join("next"));
    plan(DEMO, &month);
    let o = chayici(&[
        "plan",
        DEMO,
        "--out",
        next.to_str().unwrap(),
        "--quiet",
        "--iterations",
        "50",
        "--seed",
        "7",
    ]);
    assert_eq!(code(&o), 0);
    mark_replanned(&next, "../month", "2026-12-10");
    let o = chayici(&["report", next.to_str().unwrap(), "--all"]);
    assert_eq!(code(&o), 0, "{}", String::from_utf8_lossy(&o.stderr));
    let html = std::fs::read_to_string(next.join("report.html")).unwrap();
    assert!(html.contains(r#"<section id="changes">"#));
    assert!(
        html.contains("on or after 2026-12-10"),
        "stability counts from the replan day"
    );
    let changes: Vec<PathBuf> = std::fs::read_dir(next.join("calendars/changes"))
        .expect("calendars/changes written")
        .map(|e| e.unwrap().path())
        .collect();
    assert!(!changes.is_empty());
    let all: String = changes
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect();
    assert!(all.contains("SEQUENCE:1"));
    assert!(
        all.contains("STATUS:CANCELLED"),
        "another seed drops some visits"
    );
    assert!(
        stdout(&o).contains("calendars/changes/"),
        "listed as written"
    );
    // The next plan into that folder replaces them: they are in its file list.
    let manifest = std::fs::read_to_string(next.join(".chayici-files")).unwrap();
    assert!(manifest.contains("calendars/changes/"), "{manifest}");

    // Without the old plan the report says so and goes on.
    mark_replanned(&next, "../gone", "2026-12-10");
    let o = chayici(&["report", next.to_str().unwrap()]);
    assert_eq!(code(&o), 0);
    assert!(
        String::from_utf8_lossy(&o.stderr).contains("could not find the previous plan"),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let html = std::fs::read_to_string(next.join("report.html")).unwrap();
    assert!(!html.contains(r#"<section id="changes">"#));
}
