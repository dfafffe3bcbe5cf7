//! A workspace over the size limits is refused with a diagnostic that names the limit: a file
//! too large before it is read, too many tasks before anything is planned.

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

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A copy of the tiny workspace.
fn tiny_copy(root: &Path) -> PathBuf {
    let ws = root.join("ws");
    std::fs::create_dir_all(ws.join("plans")).unwrap();
    for name in ["chayici.toml", "departments.csv", "firms.csv", "teams.csv"] {
        std::fs::copy(Path::new(TINY).join(name), ws.join(name)).unwrap();
    }
    for name in ["scjg.csv", "sthj.csv", "xfjy.json"] {
        std::fs::copy(
            Path::new(TINY).join("plans").join(name),
            ws.join("plans").join(name),
        )
        .unwrap();
    }
    ws
}

#[test]
fn a_plan_file_over_the_size_limit_is_refused_without_being_read() {
    let tmp = tempfile::tempdir().unwrap();
    let ws = tiny_copy(tmp.path());
    // Sparse: 65 MiB on paper, nothing on disk; reading it would fill memory with zeros.
    let big = std::fs::File::create(ws.join("plans/big.csv")).unwrap();
    big.set_len(65 << 20).unwrap();
    let o = chayici(&["check", ws.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1), "{}", stdout(&o));
    let text = stdout(&o);
    assert!(text.contains("plans/big.csv"), "{text}");
    assert!(text.contains("error[E0120]"), "{text}");
    assert!(text.contains("64.0 MiB"), "{text}");
    let p = chayici(&[
        "plan",
        ws.to_str().unwrap(),
        "--out",
        tmp.path().join("o").to_str().unwrap(),
    ]);
    assert_eq!(p.status.code(), Some(1), "{}", stderr(&p));
}

#[test]
fn a_workspace_over_the_task_limit_is_refused_with_the_code_and_the_limit() {
    let tmp = tempfile::tempdir().unwrap();
    let ws = tiny_copy(tmp.path());
    let firm = "91330822MA2E0A1B7U";
    let mut rows = String::with_capacity(45 * 200_100);
    rows.push_str("task_id,department,firm_id,minutes\n");
    for t in 0..=200_000 {
        rows.push_str(&format!("B{t},scjg,{firm},30\n"));
    }
    std::fs::write(ws.join("plans/bulk.csv"), rows).unwrap();
    let o = chayici(&["check", ws.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1), "{}", stdout(&o));
    let text = stdout(&o);
    assert!(text.contains("error[E0121]"), "{text}");
    assert!(text.contains("at most 200000"), "{text}");
}
