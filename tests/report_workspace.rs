//! `chayici report PLAN_DIR`, as the README writes it, finds the workspace that plan.json
//! names, also after the workspace and the plan folder are moved together; `verify` of a
//! workspace with errors exits 1, like every other command.

mod common;

use assert_cmd::Command;
use std::path::Path;

const TINY: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/data/tiny");

fn chayici() -> Command {
    let mut c = Command::cargo_bin("chayici").unwrap();
    c.env("LC_ALL", "C");
    c
}

fn plan(ws: &Path, out: &Path, threads: &str) {
    chayici()
        .args(["plan", ws.to_str().unwrap(), "--out", out.to_str().unwrap()])
        .args(["--quiet", "--iterations", "40", "--threads", threads])
        .assert()
        .success();
}

fn recorded_workspace(out: &Path) -> serde_json::Value {
    let text = std::fs::read_to_string(out.join("plan.json")).unwrap();
    serde_json::from_str::<serde_json::Value>(&text).unwrap()["workspace"].clone()
}

#[test]
fn report_finds_the_workspace_plan_json_names_even_after_a_move() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("office");
    common::copy_workspace_into(Path::new(TINY), &root.join("ws"));
    let out = root.join("plans/2026-12");
    plan(&root.join("ws"), &out, "1");
    assert_eq!(recorded_workspace(&out), "../../ws");

    std::fs::remove_file(out.join("report.html")).unwrap();
    chayici()
        .args(["report", out.to_str().unwrap()])
        .assert()
        .success();
    assert!(out.join("report.html").is_file());

    // Moved together, and named relative to another working folder: still found.
    let moved = tmp.path().join("archive");
    std::fs::rename(&root, &moved).unwrap();
    std::fs::remove_file(moved.join("plans/2026-12/report.html")).unwrap();
    chayici()
        .current_dir(tmp.path())
        .args(["report", "archive/plans/2026-12"])
        .assert()
        .success();
    assert!(moved.join("plans/2026-12/report.html").is_file());
}

#[test]
fn the_recorded_workspace_keeps_plan_json_byte_identical() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("month");
    plan(Path::new(TINY), &out, "1");
    let first = std::fs::read(out.join("plan.json")).unwrap();
    plan(Path::new(TINY), &out, "4");
    assert_eq!(first, std::fs::read(out.join("plan.json")).unwrap());
    let ws = recorded_workspace(&out);
    let ws = ws.as_str().expect("plan.json names its workspace");
    assert!(ws.starts_with("../") && ws.ends_with("data/tiny"), "{ws}");
}

#[test]
fn verify_of_a_workspace_with_errors_exits_1() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("month");
    plan(Path::new(TINY), &out, "1");
    let ws = tmp.path().join("ws");
    common::copy_workspace_into(Path::new(TINY), &ws);
    let firms = std::fs::read_to_string(ws.join("firms.csv")).unwrap();
    let broken = firms.replacen("118.505,28.904", "not-a-longitude,28.904", 1);
    assert_ne!(firms, broken);
    std::fs::write(ws.join("firms.csv"), broken).unwrap();
    chayici()
        .args(["verify", ws.to_str().unwrap(), out.to_str().unwrap()])
        .assert()
        .code(1);
    // A workspace that is not there cannot be read: 2, as for `check` and `plan`.
    chayici()
        .args(["verify", tmp.path().join("nowhere").to_str().unwrap()])
        .arg(out.to_str().unwrap())
        .assert()
        .code(2);
}
