//! `chayici bench --peers` where the peers cannot run: it says so, Chinese first and English
//! beside, on stderr and under the tables, still prints chayici's rows and exits 0.

mod common;

use common::code;
use serde_json::Value;
use std::process::Command;

fn bench_with_python(python: &str) -> (String, String, Value, i32) {
    let tmp = tempfile::tempdir().unwrap();
    let json = tmp.path().join("bench.json");
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
        .args(["--no-milp", "--peers", "--python", python, "--out"])
        .arg(&json)
        .output()
        .expect("the binary runs");
    let report = serde_json::from_str(&std::fs::read_to_string(&json).unwrap()).unwrap();
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
        report,
        code(&out),
    )
}

#[test]
fn without_python_the_peers_are_skipped_and_said_so() {
    let (stdout, stderr, report, code) = bench_with_python("/nonexistent/python3");
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stderr.starts_with("对照求解器未运行：找不到 Python（/nonexistent/python3）"),
        "{stderr}"
    );
    assert!(stderr.contains("Peers not run: no python at `/nonexistent/python3`"));
    assert!(stdout.contains("| demo-changshan |") && stdout.contains("| C101 |"));
    assert!(stdout.contains("Peers not run"), "{stdout}");
    assert!(!stdout.contains("peers on the same workspaces"));
    assert!(
        report["peers_note"]
            .as_str()
            .unwrap()
            .contains("对照求解器未运行")
    );
    assert_eq!(report["peers"].as_array().unwrap().len(), 0);
}

#[test]
fn without_pyvroom_the_peers_are_skipped_and_said_so() {
    // A python that starts but cannot import pyvroom: `false` exits 1 like the probe would.
    let (stdout, stderr, _, code) = bench_with_python("false");
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.contains("false 未安装 pyvroom"), "{stderr}");
    assert!(
        stderr.contains("pyvroom is not installed for false"),
        "{stderr}"
    );
    assert!(stdout.contains("| county-s1 |"), "{stdout}");
}
