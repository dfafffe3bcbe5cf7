//! `chayici bench` end to end: the quick suite at a tiny budget plans at least the demo
//! county, prints the markdown table with its columns, checks every plan, and writes the same
//! rows as JSON; the set-partitioning MILP runs as `chayici plan` runs it unless `--no-milp`
//! says otherwise. Nothing here looks at times: benchmarks report them, tests do not judge them.

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

const MILP_COLUMNS: [&str; 10] = [
    "instance",
    "backend",
    "mode",
    "columns",
    "objective before",
    "objective after",
    "bound",
    "gap %",
    "MILP s",
    "status",
];

/// Runs the quick suite at two rounds on one thread with `extra` arguments; returns stdout,
/// stderr and the JSON report.
fn quick_suite(extra: &[&str]) -> (String, String, Value) {
    let tmp = tempfile::tempdir().expect("temp dir");
    let json_path = tmp.path().join("bench.json");
    let out = Command::new(env!("CARGO_BIN_EXE_chayici"))
        .env("LC_ALL", "C")
        .args([
            "bench",
            "--suite",
            "quick",
            "--iterations",
            "2",
            "--threads",
            "1",
        ])
        .args(extra)
        .arg("--out")
        .arg(&json_path)
        .output()
        .expect("the binary runs");
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(out.status.success(), "stdout:\n{stdout}\nstderr:\n{stderr}");
    let report: Value =
        serde_json::from_str(&std::fs::read_to_string(&json_path).expect("json written"))
            .expect("valid json");
    (stdout, stderr, report)
}

/// The cells of a markdown table line.
fn cells(line: &str) -> Vec<&str> {
    line.trim_matches('|').split('|').map(str::trim).collect()
}

#[test]
fn quick_suite_prints_the_table_and_writes_json() {
    let (stdout, stderr, report) = quick_suite(&[]);

    let header = stdout
        .lines()
        .find(|l| l.starts_with("| instance |"))
        .unwrap_or_else(|| panic!("no table header in:\n{stdout}"));
    let header_cells = cells(header);
    for c in COLUMNS {
        assert!(
            header_cells.contains(&c),
            "column `{c}` missing from `{header}`"
        );
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
fn the_milp_runs_by_default_and_gets_its_own_table() {
    let (stdout, stderr, report) = quick_suite(&[]);
    let (_, milp) = stdout
        .split_once("\nset partitioning\n")
        .unwrap_or_else(|| panic!("no MILP table in:\n{stdout}"));
    let mut lines = milp.lines().filter(|l| l.starts_with('|'));
    let header = lines.next().expect("a MILP header");
    assert_eq!(cells(header), MILP_COLUMNS, "{header}");
    let demo = lines
        .find(|l| l.starts_with("| demo-changshan |"))
        .unwrap_or_else(|| panic!("no demo row in the MILP table:\n{milp}"));
    let demo = cells(demo);
    assert_eq!(demo.len(), MILP_COLUMNS.len(), "{demo:?}");
    let number = |i: usize| -> f64 {
        demo[i]
            .parse()
            .unwrap_or_else(|_| panic!("`{}` is not a number in {demo:?}", demo[i]))
    };
    let (before, after) = (number(4), number(5));
    assert!(after <= before, "the MILP made the plan worse: {demo:?}");
    assert!(demo[1..3].iter().all(|c| !c.is_empty()), "{demo:?}");
    assert!(
        stderr.contains("(MILP "),
        "no MILP figures in the progress lines: {stderr}"
    );

    let rows = report["rows"].as_array().expect("rows");
    let demo = rows
        .iter()
        .find(|r| r["instance"] == "demo-changshan")
        .expect("a demo row");
    let milp = &demo["milp"];
    let before = milp["objective_before"].as_f64().expect("objective before");
    let after = milp["objective_after"].as_f64().expect("objective after");
    assert!(after <= before, "{milp}");
    assert!(milp["seconds"].as_f64().expect("MILP seconds") >= 0.0);
    assert!(milp["columns"].as_u64().unwrap_or(0) > 0, "{milp}");
}

#[test]
fn no_milp_leaves_the_milp_out() {
    let (stdout, stderr, report) = quick_suite(&["--no-milp"]);
    assert!(
        !stdout.contains("set partitioning"),
        "a MILP table with --no-milp:\n{stdout}"
    );
    assert!(stdout.contains("| demo-changshan |"), "{stdout}");
    assert!(!stderr.contains("(MILP "), "{stderr}");
    let rows = report["rows"].as_array().expect("rows");
    assert!(!rows.is_empty());
    for r in rows {
        assert!(r["milp"].is_null(), "{r}");
        assert!(r.as_object().is_some_and(|o| o.contains_key("milp")), "{r}");
    }
}

#[test]
fn scaling_suite_prints_the_improvement_time() {
    let out = Command::new(env!("CARGO_BIN_EXE_chayici"))
        .env("LC_ALL", "C")
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
