//! End-to-end tests of `chayici merge` on the hand-checkable workspace in `data/tiny`.

use assert_cmd::Command;
use predicates::prelude::*;
use std::path::{Path, PathBuf};

fn tiny() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("data/tiny")
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

#[test]
fn text_report_shows_the_saving() {
    Command::cargo_bin("chayici")
        .unwrap()
        .env("LC_ALL", "C")
        .arg("merge")
        .arg(tiny())
        .assert()
        .success()
        .stdout(predicate::str::contains("naive visits:       8"))
        .stdout(predicate::str::contains("lower bound:        5 (exact)"))
        .stdout(predicate::str::contains("possible reduction: 37.5%"))
        .stdout(predicate::str::contains("per township"))
        .stdout(predicate::str::contains("天马街道"));
}

#[test]
fn json_report_has_the_same_numbers() {
    let out = Command::cargo_bin("chayici")
        .unwrap()
        .env("LC_ALL", "C")
        .args(["merge", "--format", "json"])
        .arg(tiny())
        .output()
        .unwrap();
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["tasks"], 8);
    assert_eq!(v["naive_visits"], 8);
    assert_eq!(v["lower_bound"], 5);
    assert_eq!(v["exact"], true);
    assert!(v["lower_bound"].as_u64() <= v["naive_visits"].as_u64());
    let depts = v["departments"].as_array().unwrap();
    let naive: u64 = depts
        .iter()
        .map(|d| d["naive_visits"].as_u64().unwrap())
        .sum();
    assert_eq!(naive, 8);
    let towns = v["townships"].as_array().unwrap();
    let bound: u64 = towns
        .iter()
        .map(|t| t["lower_bound"].as_u64().unwrap())
        .sum();
    assert_eq!(bound, 5);
    assert_eq!(v["unschedulable"].as_array().unwrap().len(), 0);
}

#[test]
fn dot_file_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let dot = dir.path().join("merge.dot");
    Command::cargo_bin("chayici")
        .unwrap()
        .env("LC_ALL", "C")
        .arg("merge")
        .arg(tiny())
        .arg("--dot")
        .arg(&dot)
        .assert()
        .success();
    let text = std::fs::read_to_string(&dot).unwrap();
    assert!(text.starts_with("digraph "));
    assert!(text.contains("style=dashed"), "no may-share edge:\n{text}");
    assert!(text.trim_end().ends_with('}'));
}

#[test]
fn unschedulable_tasks_are_reported_by_reason() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("ws");
    copy_dir(&tiny(), &ws);
    // A window of one Saturday (2026-12-05): no working day in it.
    let plan = ws.join("plans/sthj.csv");
    let text = std::fs::read_to_string(&plan)
        .unwrap()
        .replace("2026-12-01,2026-12-31,60", "2026-12-05,2026-12-05,60");
    std::fs::write(&plan, text).unwrap();
    Command::cargo_bin("chayici")
        .unwrap()
        .env("LC_ALL", "C")
        .arg("merge")
        .arg(&ws)
        .assert()
        .success()
        .stdout(predicate::str::contains("unschedulable tasks: 1"))
        .stdout(predicate::str::contains("no_working_day_in_window"))
        .stdout(predicate::str::contains("HB-01"));
}

#[test]
fn a_workspace_with_errors_exits_1_and_points_to_check() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("ws");
    copy_dir(&tiny(), &ws);
    let plan = ws.join("plans/sthj.csv");
    let text = std::fs::read_to_string(&plan)
        .unwrap()
        .replace(",60,mandatory", ",sixty,mandatory");
    std::fs::write(&plan, text).unwrap();
    let dot = dir.path().join("merge.dot");
    Command::cargo_bin("chayici")
        .unwrap()
        .env("LC_ALL", "C")
        .arg("merge")
        .arg(&ws)
        .arg("--dot")
        .arg(&dot)
        .assert()
        .code(1)
        .stdout(predicate::str::is_empty())
        .stderr(predicate::str::contains("plans/sthj.csv"))
        .stderr(predicate::str::contains("chayici check"));
    assert!(!dot.exists());
}

#[test]
fn a_missing_workspace_exits_2() {
    Command::cargo_bin("chayici")
        .unwrap()
        .env("LC_ALL", "C")
        .args(["merge", "/nonexistent/chayici-workspace"])
        .assert()
        .code(2);
}

#[test]
fn lang_zh_prints_the_report_in_chinese() {
    Command::cargo_bin("chayici")
        .unwrap()
        .env("LC_ALL", "C")
        .args(["merge", "--lang", "zh"])
        .arg(tiny())
        .assert()
        .success()
        .stdout(predicate::str::contains("各部门单独检查：    入企 8 次"))
        .stdout(predicate::str::contains(
            "理论下界：          入企 5 次（精确值）",
        ))
        .stdout(predicate::str::contains("可减少：            37.5%"))
        .stdout(predicate::str::contains("\n按乡镇\n"))
        .stdout(predicate::str::contains("所有任务均可排期"))
        .stdout(predicate::str::contains("lower bound").not());
}
