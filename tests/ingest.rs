//! Drives `chayici check` and `load_workspace` on fixture workspaces: a clean one, one with a
//! GBK plan and Chinese headers, one with an XLSX plan, and one with every common mistake.

use assert_cmd::Command;
use chayici::ingest::load_workspace;
use std::path::{Path, PathBuf};

mod common;
use common::copy_workspace;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn check(dir: &Path, extra: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_chayici"))
        .env("LC_ALL", "C")
        .arg("check")
        .arg(dir)
        .args(extra)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn tiny_workspace_is_clean() {
    let (code, out, _) = check(&root().join("data/tiny"), &[]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("0 errors, 0 warnings"), "{out}");
    assert!(out.contains("(31 days, 23 working days)"), "{out}");
}

#[test]
fn tiny_workspace_builds_the_instance() {
    let loaded = load_workspace(&root().join("data/tiny")).unwrap();
    let inst = loaded.instance.expect("instance");
    assert_eq!(inst.firms.len(), 5);
    assert_eq!(inst.tasks.len(), 8);
    assert_eq!(inst.teams.len(), 2);
    let codes: Vec<_> = inst.departments.iter().map(|d| d.code.as_str()).collect();
    assert_eq!(codes, ["scjg", "xfjy", "sthj"]);
    assert_eq!(inst.departments[0].name, "市场监管");
    assert_eq!(inst.calendar.working_days().count(), 23);
    let hb02 = inst.tasks.iter().find(|t| t.id == "HB-02").unwrap();
    assert_eq!((hb02.first_day, hb02.last_day), (13, 30));
    assert_eq!(hb02.loc.to_string(), "plans/sthj.csv:3");
    assert_eq!(inst.teams[0].shift.windows.len(), 2);
    assert_eq!(loaded.inputs.len(), 7);
    assert!(loaded.inputs.iter().all(|f| f.sha256.len() == 64));
}

#[test]
fn good_fixture_reads_aliases_gcj02_and_names() {
    let dir = root().join("tests/fixtures/good");
    let (code, out, _) = check(&dir, &[]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("0 errors, 0 warnings"), "{out}");
    let inst = load_workspace(&dir).unwrap().instance.unwrap();
    // 市场监管 in teams.csv is scjg through departments.csv.
    assert_eq!(inst.departments.len(), 3);
    assert!(inst.teams[0].departments.contains(0));
    // GCJ-02 118.5099, 28.9009 is about WGS-84 118.505, 28.904.
    let p = inst.firms[0].point;
    assert!((p.lon - 118.505).abs() < 0.001 && (p.lat - 28.904).abs() < 0.001);
    assert_eq!(inst.firms[1].id, "91330822MA2E1C2D04");
    assert!(inst.firms[3].hours.closed_weekdays[5]);
    // Dec 12 (Saturday) is an extra workday, Dec 31 an extra holiday.
    assert!(inst.calendar.is_working(11) && !inst.calendar.is_working(30));
    assert!(!inst.teams[0].works_on(11) && inst.teams[1].works_on(11));
    assert_eq!(inst.settings.visit_setup_minutes, 15);
    assert_eq!(inst.settings.weights.visit, 2000.0);
}

#[test]
fn bad_fixture_lists_every_error_with_file_and_line() {
    let (code, out, _) = check(&root().join("tests/fixtures/bad"), &[]);
    assert_eq!(code, 1, "{out}");
    for expected in [
        "firms.csv:3:1 (A3): error[E1003]",
        "firms.csv:4:5 (E4): error[E1105]",
        "plans/scjg.csv:3:1 (A3): error[E1401]: task `SC-01` appears again; first at plans/scjg.csv:2:1 (A2)",
        "plans/scjg.csv:4:2 (B4): error[E1402]",
        "plans/scjg.csv:5:6 (F5): error[E1405]",
        "help: swap the columns",
        "5 errors",
    ] {
        assert!(out.contains(expected), "missing `{expected}` in\n{out}");
    }
}

#[test]
fn bad_fixture_as_json() {
    let (code, out, _) = check(&root().join("tests/fixtures/bad"), &["--format", "json"]);
    assert_eq!(code, 1);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["summary"]["errors"], 5);
    let first = &v["diagnostics"][0];
    assert_eq!(first["code"], "E1003");
    assert_eq!(first["location"], "firms.csv:3:1 (A3)");
    assert_eq!(first["loc"]["line"], 3);
}

#[test]
fn gbk_plan_with_chinese_headers() {
    let tmp = copy_workspace(&root().join("data/tiny"));
    let text = std::fs::read_to_string(tmp.path().join("plans/scjg.csv")).unwrap();
    let text = text
        .replace("2026-12-07", "2026年12月7日")
        .replace("2026-12-15", "2026/12/15");
    let (gbk, _, unmappable) = encoding_rs::GBK.encode(&text);
    assert!(!unmappable);
    std::fs::write(tmp.path().join("plans/scjg.csv"), &gbk).unwrap();
    let (code, out, _) = check(tmp.path(), &[]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("scjg (市场监管): 3"), "{out}");
    let inst = load_workspace(tmp.path()).unwrap().instance.unwrap();
    let sc03 = inst.tasks.iter().find(|t| t.id == "SC-03").unwrap();
    assert_eq!(sc03.first_day, 6);
    assert_eq!(sc03.item, "加油机计量检查");
}

#[test]
fn xlsx_plan_with_dates_and_a_bad_cell() {
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
    let tmp = copy_workspace(&root().join("data/tiny"));
    std::fs::remove_file(tmp.path().join("plans/sthj.csv")).unwrap();
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    let header = [
        "任务编号",
        "部门",
        "统一社会信用代码",
        "检查事项",
        "最早日期",
        "最晚日期",
        "检查时长（分钟）",
        "优先级",
    ];
    for (c, h) in header.iter().enumerate() {
        ws.write(0, c as u16, *h).unwrap();
    }
    let date = Format::new().set_num_format("yyyy/m/d");
    let rows = [
        ("HB-01", "91330822MA2E5H6J03", "60", (2026, 12, 1)),
        ("HB-02", "93330822MA2E7K8L94", "abc", (2026, 12, 14)),
    ];
    for (r, (id, firm, minutes, (y, m, d))) in rows.iter().enumerate() {
        let r = r as u32 + 1;
        ws.write(r, 0, *id).unwrap();
        ws.write(r, 1, "sthj").unwrap();
        ws.write(r, 2, *firm).unwrap();
        ws.write(r, 3, "废气排放检查").unwrap();
        let dt = ExcelDateTime::from_ymd(*y, *m, *d).unwrap();
        ws.write_datetime_with_format(r, 4, &dt, &date).unwrap();
        ws.write(r, 5, "2026-12-31").unwrap();
        match minutes.parse::<f64>() {
            Ok(n) => ws.write(r, 6, n).unwrap(),
            Err(_) => ws.write(r, 6, *minutes).unwrap(),
        };
        ws.write(r, 7, "必查").unwrap();
    }
    wb.save(tmp.path().join("plans/sthj.xlsx")).unwrap();
    let (code, out, _) = check(tmp.path(), &[]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("plans/sthj.xlsx:Sheet1!G3: error[E1409]"),
        "{out}"
    );
    assert!(out.contains("1 error,"), "{out}");

    // Fix the cell: the workbook then reads cleanly, dates and numbers included.
    let loaded = load_workspace(tmp.path()).unwrap();
    assert!(loaded.instance.is_none());
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.write_row(
        0,
        0,
        ["task_id", "department", "firm_id", "minutes", "earliest"],
    )
    .unwrap();
    ws.write_row(1, 0, ["HB-01", "sthj", "91330822MA2E5H6J03"])
        .unwrap();
    ws.write(1, 3, 60).unwrap();
    let dt = ExcelDateTime::from_ymd(2026, 12, 14).unwrap();
    ws.write_datetime_with_format(1, 4, &dt, &date).unwrap();
    wb.save(tmp.path().join("plans/sthj.xlsx")).unwrap();
    let inst = load_workspace(tmp.path()).unwrap().instance.unwrap();
    let hb01 = inst.tasks.iter().find(|t| t.id == "HB-01").unwrap();
    assert_eq!((hb01.minutes, hb01.first_day, hb01.last_day), (60, 13, 30));
}

#[test]
fn missing_workspace_exits_2() {
    let (code, _, err) = check(&root().join("tests/fixtures/no-such-folder"), &[]);
    assert_eq!(code, 2);
    assert!(err.starts_with("chayici: error:"), "{err}");
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join("chayici.toml"), "").unwrap();
    let (code, _, err) = check(tmp.path(), &[]);
    assert_eq!(code, 2);
    assert!(err.contains("firms.csv"), "{err}");
}

#[test]
fn warnings_keep_exit_zero() {
    let tmp = copy_workspace(&root().join("data/tiny"));
    let p = tmp.path();
    let toml = std::fs::read_to_string(p.join("chayici.toml")).unwrap();
    std::fs::write(
        p.join("chayici.toml"),
        toml.replace("[defaults]", "[defaults]\nlunch = 60"),
    )
    .unwrap();
    // A department of its own, listed so that it is known but covered by no team.
    let depts = std::fs::read_to_string(p.join("departments.csv")).unwrap();
    std::fs::write(p.join("departments.csv"), format!("{depts}wlj,文旅\n")).unwrap();
    std::fs::write(
        p.join("plans/wlj.csv"),
        "task_id,firm_id,firm_name,earliest,latest,minutes\n\
         WL-01,91330822MA2E0A1B7U,天马餐饮店,2026-11-20,2026-12-05,30\n",
    )
    .unwrap();
    let (code, out, _) = check(p, &[]);
    assert_eq!(code, 0, "{out}");
    for expected in [
        "chayici.toml:12:1: warning[W0204]: unknown key `defaults.lunch`",
        "plans/wlj.csv:2:3 (C2): warning[W1403]",
        "plans/wlj.csv:2:4 (D2): warning[W1406]",
        "plans/wlj.csv:2: warning[W1411]: no team covers department `wlj`",
        "0 errors, 4 warnings",
    ] {
        assert!(out.contains(expected), "missing `{expected}` in\n{out}");
    }
}
