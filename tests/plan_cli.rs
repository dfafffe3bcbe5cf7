//! `chayici plan` and `chayici verify` end to end on the tiny workspace: the plan verifies,
//! the files are there, the thread count does not change the plan, and a failed run writes
//! nothing.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const TINY: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/data/tiny");

fn chayici(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_chayici"))
        .env("LC_ALL", "C")
        .args(args)
        .output()
        .expect("the binary runs")
}

fn code(o: &Output) -> i32 {
    o.status.code().expect("exited normally")
}

fn plan(workspace: &str, out: &Path, extra: &[&str]) -> Output {
    let out = out.to_str().unwrap();
    let mut args = vec![
        "plan",
        workspace,
        "--out",
        out,
        "--quiet",
        "--iterations",
        "60",
    ];
    args.extend_from_slice(extra);
    chayici(&args)
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// plan.json as JSON; run timings live in run.json, so plan.json itself must be reproducible.
fn without_timing(dir: &Path) -> Value {
    let text = std::fs::read_to_string(dir.join("plan.json")).unwrap();
    let v: Value = serde_json::from_str(&text).unwrap();
    assert!(v.get("timing").is_none(), "plan.json holds no timing");
    let run: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("run.json")).unwrap()).unwrap();
    assert!(
        run["elapsed_seconds"].is_number(),
        "run.json has the timing"
    );
    v
}

/// A copy of the tiny workspace, to break on purpose.
fn tiny_copy(root: &Path) -> PathBuf {
    let ws = root.join("ws");
    std::fs::create_dir_all(ws.join("plans")).unwrap();
    for entry in walk(Path::new(TINY)) {
        let rel = entry.strip_prefix(TINY).unwrap();
        std::fs::copy(&entry, ws.join(rel)).unwrap();
    }
    ws
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p);
        }
    }
    out
}

#[test]
fn plan_writes_every_file_and_verify_accepts_it() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("month");
    let o = plan(TINY, &out, &["--threads", "1"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    for f in [
        "plan.json",
        "routes.csv",
        "unscheduled.csv",
        "routes.geojson",
    ] {
        assert!(out.join(f).is_file(), "{f} written");
    }
    let v = without_timing(&out);
    assert_eq!(
        v["kpis"]["tasks"], 8,
        "every task of the tiny workspace is accounted for"
    );
    assert!(
        v["inputs"].as_array().unwrap().len() >= 5,
        "input files hashed"
    );
    let o = chayici(&["verify", TINY, out.to_str().unwrap()]);
    assert_eq!(
        code(&o),
        0,
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        stderr(&o)
    );
    // Nothing but the plan folder is left beside it.
    assert_eq!(std::fs::read_dir(tmp.path()).unwrap().count(), 1);
}

#[test]
fn thread_count_does_not_change_the_plan() {
    let tmp = tempfile::tempdir().unwrap();
    let (one, four) = (tmp.path().join("one"), tmp.path().join("four"));
    let args = ["--seed", "11"];
    let o = plan(TINY, &one, &[&args[..], &["--threads", "1"]].concat());
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let o = plan(TINY, &four, &[&args[..], &["--threads", "4"]].concat());
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert_eq!(without_timing(&one), without_timing(&four));
    for f in [
        "plan.json",
        "routes.csv",
        "unscheduled.csv",
        "routes.geojson",
        "report.html",
        "route_sheets.xlsx",
    ] {
        assert_eq!(
            std::fs::read(one.join(f)).unwrap(),
            std::fs::read(four.join(f)).unwrap(),
            "{f}"
        );
    }
}

#[test]
fn a_workspace_with_errors_writes_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let ws = tiny_copy(tmp.path());
    let firms = std::fs::read_to_string(ws.join("firms.csv")).unwrap();
    let broken = firms.replacen("118.505,28.904", "not-a-longitude,28.904", 1);
    assert_ne!(firms, broken);
    std::fs::write(ws.join("firms.csv"), broken).unwrap();
    let out = tmp.path().join("nested/month");
    let o = plan(ws.to_str().unwrap(), &out, &[]);
    assert_eq!(code(&o), 1, "{}", stderr(&o));
    assert!(!out.exists() && !tmp.path().join("nested").exists());

    let o = plan(tmp.path().join("nowhere").to_str().unwrap(), &out, &[]);
    assert_eq!(code(&o), 2, "{}", stderr(&o));
    assert!(!out.exists());
}

#[test]
fn plan_refuses_to_replace_an_unrelated_folder() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("docs");
    std::fs::create_dir(&out).unwrap();
    std::fs::write(out.join("notes.txt"), "keep me").unwrap();
    let o = plan(TINY, &out, &[]);
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).contains("--force"), "{}", stderr(&o));
    assert!(out.join("notes.txt").exists());
    // A previous plan, on the other hand, is replaced without asking.
    let month = tmp.path().join("month");
    assert_eq!(code(&plan(TINY, &month, &[])), 0);
    assert_eq!(code(&plan(TINY, &month, &["--seed", "5"])), 0);
    assert_eq!(without_timing(&month)["parameters"]["seed"], 5);
}

#[test]
fn verify_rejects_a_tampered_plan_and_an_unreadable_one() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("month");
    assert_eq!(code(&plan(TINY, &out, &[])), 0);
    let mut v = without_timing(&out);
    let routes = v["routes"].as_array_mut().unwrap();
    if let Some(first) = routes.first().cloned() {
        routes.push(first);
    } else {
        let un = v["unscheduled"].as_array_mut().unwrap();
        let first = un[0].clone();
        un.push(first);
    }
    std::fs::write(out.join("plan.json"), v.to_string()).unwrap();
    let o = chayici(&["verify", TINY, out.to_str().unwrap()]);
    assert_eq!(code(&o), 1, "{}", String::from_utf8_lossy(&o.stdout));
    assert!(String::from_utf8_lossy(&o.stdout).contains("task_duplicated"));

    // A plan.json that is not JSON is a broken plan (1), not a failure to read files (2).
    std::fs::write(out.join("plan.json"), "{ not json").unwrap();
    assert_eq!(code(&chayici(&["verify", TINY, out.to_str().unwrap()])), 1);
}
