//! Drives `chayici check` on hostile and careless workspaces: control characters and huge cells
//! in the input, files named in chayici.toml that lie outside the workspace, settings out of
//! range, ids that cannot be told apart or written in a list, and warnings that must point at
//! the cell that causes them.

use assert_cmd::Command;
use std::path::{Path, PathBuf};

mod common;
use common::copy_workspace;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Runs the binary; exit code and stdout followed by stderr.
fn chayici(args: &[&str]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_chayici"))
        .env("LC_ALL", "C")
        .args(args)
        .output()
        .unwrap();
    let mut text = out.stdout;
    text.extend(out.stderr);
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&text).into_owned(),
    )
}

fn check(dir: &Path) -> (i32, String) {
    chayici(&["check", dir.to_str().unwrap()])
}

fn tiny() -> tempfile::TempDir {
    copy_workspace(&root().join("data/tiny"))
}

fn edit(dir: &Path, file: &str, from: &str, to: &str) {
    let path = dir.join(file);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "`{from}` not in {file}");
    std::fs::write(path, text.replacen(from, to, 1)).unwrap();
}

fn append(dir: &Path, file: &str, line: &str) {
    let path = dir.join(file);
    let mut text = std::fs::read_to_string(&path).unwrap();
    text.push_str(line);
    std::fs::write(path, text).unwrap();
}

const FAKE_CLEAN: &str = "\x1b[2J\x1b[H0 errors, 0 warnings";

#[test]
fn control_characters_from_the_input_never_reach_the_terminal() {
    let ws = tiny();
    let dir = ws.path();
    edit(
        dir,
        "firms.csv",
        "常山县天马示例餐饮店,",
        &format!("\"{FAKE_CLEAN}\","),
    );
    edit(
        dir,
        "firms.csv",
        "天马街道,118",
        "天马\u{202e}街道\u{9b}2J,118",
    );
    edit(dir, "chayici.toml", "示例\"", "示例\\u001b]0;x\\u0007\"");
    let d = dir.to_str().unwrap();
    for args in [
        vec!["check", d],
        vec!["check", d, "--format", "json"],
        vec!["merge", d],
    ] {
        let (code, out) = chayici(&args);
        assert_eq!(code, 0, "{args:?}\n{out}");
        for bad in ['\x1b', '\u{7}', '\u{9b}', '\u{202e}'] {
            assert!(!out.contains(bad), "{args:?} prints {bad:?} raw:\n{out}");
        }
    }
    let (_, out) = check(dir);
    assert!(
        out.contains("warning[W1403]: firm name `常山县天马示例餐饮店` differs from the register's `\\x1b[2J\\x1b[H0 errors, 0 warnings`"),
        "{out}"
    );
    assert!(
        out.contains("workspace: 常山县 2026年12月 示例\\x1b]0;x\\x07"),
        "{out}"
    );
    let (_, out) = chayici(&["check", d, "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let message = v["diagnostics"][0]["message"].as_str().unwrap();
    assert!(message.contains("`\\x1b[2J\\x1b[H0 errors"), "{message}");
    let (_, out) = chayici(&["merge", d]);
    assert!(out.contains("天马\\u{202e}街道\\x9b2J"), "{out}");
}

#[test]
fn a_huge_cell_is_cut_in_its_diagnostic() {
    let ws = tiny();
    let huge = "A".repeat(100_000);
    edit(
        ws.path(),
        "firms.csv",
        "91330822MA2E0A1B7U,",
        &format!("{huge},"),
    );
    let (code, out) = check(ws.path());
    assert_eq!(code, 1, "{out}");
    let line = out
        .lines()
        .find(|l| l.contains("error[E1001]"))
        .unwrap_or_else(|| panic!("no E1001 in\n{out}"));
    assert!(line.chars().count() < 200, "{line}");
    assert!(line.contains(&format!("`{}…`", "A".repeat(60))), "{line}");
    assert!(out.len() < 5_000, "{} bytes of output", out.len());
}

/// A workspace whose travel matrix is the path `setup` returns (given the workspace and a
/// folder outside it that holds a secret table); the output must name the setting and never
/// show the secret.
fn refuses_matrix(setup: impl Fn(&Path, &Path) -> String) {
    let ws = copy_workspace(&root().join("tests/fixtures/travel_matrix"));
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(
        outside.path().join("secret.csv"),
        "from,to,km,minutes\nTOPSECRET-7f3a,T1,1,1\n",
    )
    .unwrap();
    let written = setup(ws.path(), outside.path());
    edit(
        ws.path(),
        "chayici.toml",
        "matrix = \"travel.csv\"",
        &format!("matrix = {}", toml::Value::String(written.clone())),
    );
    let (code, out) = check(ws.path());
    assert_eq!(code, 1, "{written}\n{out}");
    assert!(!out.contains("TOPSECRET"), "{written}\n{out}");
    assert!(
        out.contains("chayici.toml:19:1: error[E0209]"),
        "{written}\n{out}"
    );
}

#[test]
fn a_travel_matrix_outside_the_workspace_is_refused() {
    refuses_matrix(|_, outside| format!("{}/secret.csv", outside.display()));
    // A relative path that climbs out into the folder beside the workspace.
    refuses_matrix(|ws, outside| {
        let up = "../".repeat(ws.components().count());
        let down = outside.strip_prefix("/").unwrap_or(outside);
        format!("plans/{up}{}/secret.csv", down.display())
    });
    #[cfg(unix)]
    refuses_matrix(|ws, outside| {
        std::os::unix::fs::symlink(outside.join("secret.csv"), ws.join("inside.csv")).unwrap();
        "inside.csv".into()
    });
    #[cfg(unix)]
    refuses_matrix(|ws, outside| {
        std::os::unix::fs::symlink(outside, ws.join("linked")).unwrap();
        "linked/secret.csv".into()
    });
}

#[test]
fn a_travel_matrix_in_a_subfolder_or_through_an_inner_link_is_read() {
    let ws = copy_workspace(&root().join("tests/fixtures/travel_matrix"));
    let dir = ws.path();
    std::fs::create_dir(dir.join("roads")).unwrap();
    std::fs::rename(dir.join("travel.csv"), dir.join("roads/travel.csv")).unwrap();
    edit(
        dir,
        "chayici.toml",
        "\"travel.csv\"",
        "\"./roads/../roads/travel.csv\"",
    );
    let (code, out) = check(dir);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("travel:   matrix"), "{out}");
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink("roads/travel.csv", dir.join("link.csv")).unwrap();
        edit(
            dir,
            "chayici.toml",
            "\"./roads/../roads/travel.csv\"",
            "\"link.csv\"",
        );
        let (code, out) = check(dir);
        assert_eq!(code, 0, "{out}");
    }
}

#[test]
fn settings_out_of_their_documented_range_are_refused() {
    for (section, setting, line) in [
        ("[defaults]", "[objective]\nvisit = 1e308", 12),
        ("[defaults]", "[objective]\ntravel_km = 1000000001", 12),
        ("[defaults]", "[objective]\nroute = inf", 12),
        ("speed_kmh = 40", "speed_kmh = 0.001", 15),
        ("road_factor = 1.3", "road_factor = 0.5", 14),
        ("visit_setup_minutes = 10", "visit_setup_minutes = 601", 13),
    ] {
        let ws = tiny();
        let to = if section == "[defaults]" {
            format!("{setting}\n[defaults]")
        } else {
            setting.to_string()
        };
        edit(ws.path(), "chayici.toml", section, &to);
        let (code, out) = check(ws.path());
        assert_eq!(code, 1, "{setting}\n{out}");
        assert!(
            out.contains(&format!("chayici.toml:{line}:1: error[E0205]")),
            "{setting}\n{out}"
        );
    }
    let ws = tiny();
    edit(
        ws.path(),
        "chayici.toml",
        "[defaults]",
        "[objective]\nvisit = 1000000000\nunscheduled_low = 0\n[defaults]",
    );
    let (code, out) = check(ws.path());
    assert_eq!(code, 0, "the bounds themselves are allowed\n{out}");
}

#[test]
fn ids_that_a_list_cannot_hold_are_refused() {
    let ws = tiny();
    let dir = ws.path();
    edit(dir, "plans/sthj.csv", "HB-02,sthj,9", "HB-02,sthj；scjg,9");
    edit(dir, "plans/sthj.csv", "HB-01,", "HB-01;HB-02,");
    edit(dir, "teams.csv", "T2,", "T2;T3,");
    append(dir, "teams.csv", "T\u{7}4,第四组,sthj,118.5,28.9,,\n");
    let (code, out) = check(dir);
    assert_eq!(code, 1, "{out}");
    for expected in [
        "plans/sthj.csv:2:1 (A2): error[E1415]: task id `HB-01;HB-02` contains `;`",
        "plans/sthj.csv:3:2 (B3): error[E1416]: department `sthj；scjg` contains `；`",
        "teams.csv:3:1 (A3): error[E1309]: team id `T2;T3` contains `;`",
        "teams.csv:4:1 (A4): error[E1309]: team id `T\\x074` contains a control character",
    ] {
        assert!(out.contains(expected), "missing `{expected}` in\n{out}");
    }
}

#[test]
fn ids_that_differ_only_by_case_are_duplicates() {
    let ws = tiny();
    let dir = ws.path();
    append(dir, "teams.csv", "t1,第三组,sthj,118.5,28.9,,\n");
    edit(dir, "plans/sthj.csv", "HB-02,", "hb-01,");
    let (code, out) = check(dir);
    assert_eq!(code, 1, "{out}");
    for expected in [
        "teams.csv:4:1 (A4): error[E1301]: team `t1` differs from team `T1` only by case; first at teams.csv:2:1 (A2)",
        "plans/sthj.csv:3:1 (A3): error[E1401]: task `hb-01` differs from task `HB-01` only by case; first at plans/sthj.csv:2:1 (A2)",
    ] {
        assert!(out.contains(expected), "missing `{expected}` in\n{out}");
    }
}

#[test]
fn every_warning_points_at_the_cell_or_setting_behind_it() {
    let ws = tiny();
    let dir = ws.path();
    // HB-01 needs more than any shift; HB-02's window is one weekend; HB-03 has no team.
    edit(dir, "plans/sthj.csv", ",60,mandatory", ",1000,mandatory");
    edit(
        dir,
        "plans/sthj.csv",
        "2026-12-14,2026-12-31",
        "2026-12-05,2026-12-06",
    );
    append(
        dir,
        "plans/sthj.csv",
        "HB-03,zzjc,91330822MA2E5H6J03,,x,,,30,low,\n",
    );
    // zzjc is listed, so naming it is no error, but no team covers it.
    append(dir, "departments.csv", "zzjc,综合检查\n");
    std::fs::write(dir.join("plans/empty.csv"), "task_id,firm_id,minutes\n").unwrap();
    let (code, out) = check(dir);
    assert_eq!(code, 0, "{out}");
    for expected in [
        "plans/sthj.csv:2:8 (H2): warning[W1413]",
        "plans/sthj.csv:3:6 (F3): warning[W1408]",
        "plans/sthj.csv:4:2 (B4): warning[W1411]",
        "plans/empty.csv:1:1 (A1): warning[W0104]",
    ] {
        assert!(out.contains(expected), "missing `{expected}` in\n{out}");
    }

    // A horizon of one weekend in a year without built-in holidays.
    let ws = tiny();
    edit(ws.path(), "chayici.toml", "2026-12-01", "2040-12-01");
    edit(ws.path(), "chayici.toml", "2026-12-31", "2040-12-02");
    let (_, out) = check(ws.path());
    for expected in [
        "chayici.toml:5:1: warning[W0206]",
        "chayici.toml:5:1: warning[W0208]",
    ] {
        assert!(out.contains(expected), "missing `{expected}` in\n{out}");
    }

    // A travel matrix that leaves a pair out.
    let ws = copy_workspace(&root().join("tests/fixtures/travel_matrix"));
    edit(
        ws.path(),
        "travel.csv",
        "91330822MA2E0A1B7U,91330822MA2E1C2D04,6.3,13.5\n",
        "",
    );
    let (code, out) = check(ws.path());
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("chayici.toml:19:1: warning[W1505]"), "{out}");
}
