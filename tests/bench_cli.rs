//! `chayici bench` end to end: the quick suite at a tiny budget plans at least the demo
//! county, prints the markdown table with its columns, checks every plan, and writes the same
//! rows as JSON. Nothing here looks at times: benchmarks report them, tests do not judge them.

use serde_json::Value;
use std::process::Command;

const COLUMNS: [&str; 14] = [
    "instance",
    "seed",
    "budget",
    "tasks",
    "visits",
    "lower bound",
    "naive",
    "visit gap %",
    "km",
    "seconds",
    "threads",
    "peak MB",
    "unscheduled",
    "verified",
];

#[test]
fn quick_suite_prints_the_table_and_writes_json() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let json_path = tmp.path().join("bench.json");
    let out = Command::new(env!("CARGO_BIN_EXE_chayici"))
        .args([
            "bench",
            "--suite",
            "quick",
            "--iterations",
            "2",
            "--threads",
            "1",
        ])
        .arg("--out")
        .arg(&json_path)
        .output()
        .expect("the binary runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "stdout:\n{stdout}\nstderr:\n{stderr}");

    let header = stdout
        .lines()
        .find(|l| l.starts_with("| instance |"))
        .unwrap_or_else(|| panic!("no table header in:\n{stdout}"));
    let cells: Vec<&str> = header.trim_matches('|').split('|').map(str::trim).collect();
    for c in COLUMNS {
        assert!(cells.contains(&c), "column `{c}` missing from `{header}`");
    }
    let demo = stdout
        .lines()
        .find(|l| l.starts_with("| demo-changshan |"))
        .unwrap_or_else(|| panic!("no demo row in:\n{stdout}"));
    assert_eq!(demo.matches('|').count(), header.matches('|').count());
    assert!(demo.contains("| 2 rounds |"), "{demo}");
    assert!(
        demo.contains("| yes |"),
        "the demo plan does not verify: {demo}"
    );
    assert!(
        stderr.contains("demo-changshan"),
        "no progress line: {stderr}"
    );

    let report: Value =
        serde_json::from_str(&std::fs::read_to_string(&json_path).expect("json written"))
            .expect("valid json");
    let rows = report["rows"].as_array().expect("rows");
    let demo = rows
        .iter()
        .find(|r| r["instance"] == "demo-changshan")
        .expect("a demo row");
    assert_eq!(demo["verified"], true);
    assert_eq!(demo["iterations"], 2);
    assert_eq!(demo["threads"], 1);
    assert!(demo["tasks"].as_u64().unwrap_or(0) > 0);
    assert!(demo["visits"].as_u64() >= demo["lower_bound"].as_u64());
    assert!(report["machine"]["cores"].as_u64().unwrap_or(0) >= 1);
}

#[test]
fn scaling_suite_prints_the_improvement_time() {
    let out = Command::new(env!("CARGO_BIN_EXE_chayici"))
        .args([
            "bench",
            "--suite",
            "scaling",
            "--iterations",
            "2",
            "--threads",
            "1",
        ])
        .output()
        .expect("the binary runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.contains("| improvement s |"), "{stdout}");
    assert!(stdout.contains("| county-s1 | 1 | 2 | 1 |"), "{stdout}");
}
