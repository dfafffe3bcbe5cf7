//! The month's record files, `done.csv`, `pins.csv` and `absences.csv`: bad rows stop `check`
//! and `plan` at their line, good ones are read with Chinese headers, and an absence or a day
//! pin changes the demo county's plan the way the clerk meant, as the checker confirms.

mod common;

use chayici::ingest::load_workspace;
use chayici::model::{DoneStatus, Instance, Plan};
use chayici::solve::{SolveParams, solve};
use chayici::verify::verify_plan;
use std::path::Path;
use std::process::Command;

const DEMO: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/data/demo-changshan");
const TINY: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/data/tiny");
const INVALID: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/invalid");

/// Each fixture whose month file has an error, with the line `plan` must name.
const BAD_ROWS: &[(&str, &str)] = &[
    ("E0102_done_without_status", "done.csv:1: error[E0102]"),
    (
        "E1701_unknown_task_in_done",
        "done.csv:3:1 (A3): error[E1701]",
    ),
    (
        "E1702_unknown_team_in_absences",
        "absences.csv:3:1 (A3): error[E1702]",
    ),
    ("E1703_bad_date_in_pins", "pins.csv:2:3 (C2): error[E1703]"),
    (
        "E1704_absence_outside_horizon",
        "absences.csv:2:2 (B2): error[E1704]",
    ),
    ("E1705_unknown_status", "done.csv:3:2 (B3): error[E1705]"),
    ("E1706_pin_without_team_or_date", "pins.csv:2: error[E1706]"),
    ("E1707_second_pin", "pins.csv:4:1 (A4): error[E1707]"),
];

#[test]
fn plan_stops_at_the_line_of_a_bad_month_row() {
    for (fixture, at) in BAD_ROWS {
        let out = tempfile::tempdir().unwrap();
        let o = Command::new(env!("CARGO_BIN_EXE_chayici"))
            .env("LC_ALL", "C")
            .args(["plan", fixture, "--quiet", "--iterations", "5", "--out"])
            .arg(out.path().join("plan"))
            .current_dir(INVALID)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(1), "{fixture}: {stderr}");
        assert!(
            stderr.lines().any(|l| l.starts_with(at)),
            "{fixture}: no line starting `{at}` in\n{stderr}"
        );
        assert!(
            !out.path().join("plan").exists(),
            "{fixture}: a plan was written"
        );
    }
}

fn load(dir: &Path) -> Instance {
    let loaded = load_workspace(dir).unwrap();
    let shown: Vec<String> = loaded.diagnostics.iter().map(|d| d.to_string()).collect();
    loaded
        .instance
        .unwrap_or_else(|| panic!("the workspace has errors:\n{}", shown.join("\n")))
}

fn task_index(inst: &Instance, id: &str) -> usize {
    inst.tasks.iter().position(|t| t.id == id).unwrap()
}

fn day_of(inst: &Instance, date: &str) -> usize {
    inst.calendar
        .index_of(date.parse().unwrap())
        .expect("the date is in the horizon")
}

#[test]
fn good_files_are_read_with_chinese_headers_and_applied() {
    let ws = common::copy_workspace(Path::new(TINY));
    let dir = ws.path();
    std::fs::write(
        dir.join("done.csv"),
        "任务编号,完成情况,检查日期,备注\nSC-01,已完成,2026-12-02,上午\nSC-02,企业关门,,\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("pins.csv"),
        "任务编号,检查组,指定日期\nSC-03,T1,2026-12-10\nXF-01,,2026-12-09\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("absences.csv"),
        "检查组编号,日期,原因\nT2,2026-12-07~2026-12-08,培训\n",
    )
    .unwrap();
    let loaded = load_workspace(dir).unwrap();
    assert!(
        loaded
            .diagnostics
            .iter()
            .all(|d| !d.code.starts_with("E17")),
        "{:#?}",
        loaded.diagnostics
    );
    let inst = load(dir);

    let (sc01, sc02) = (task_index(&inst, "SC-01"), task_index(&inst, "SC-02"));
    assert_eq!(inst.month.done.len(), 2);
    assert_eq!(inst.month.status_of(sc01), Some(DoneStatus::Done));
    assert_eq!(inst.month.status_of(sc02), Some(DoneStatus::FirmClosed));
    assert_eq!(inst.month.done[0].note, "上午");
    assert_eq!(inst.month.done[0].date, Some("2026-12-02".parse().unwrap()));
    assert_eq!(inst.month.done[0].loc.to_string(), "done.csv:2");

    let t2 = inst.teams.iter().position(|t| t.id == "T2").unwrap();
    let (mon, tue) = (day_of(&inst, "2026-12-07"), day_of(&inst, "2026-12-08"));
    assert_eq!(inst.month.absences.len(), 2);
    assert!(
        inst.month
            .absences
            .iter()
            .all(|a| a.team == t2 && a.reason == "培训")
    );
    assert!(!inst.teams[t2].works_on(mon) && !inst.teams[t2].works_on(tue));
    assert!(inst.teams[t2].works_on(day_of(&inst, "2026-12-09")));

    let sc03 = &inst.tasks[task_index(&inst, "SC-03")];
    let pin = sc03.pin.as_ref().expect("SC-03 is pinned");
    let t1 = inst.teams.iter().position(|t| t.id == "T1").unwrap();
    let thu = day_of(&inst, "2026-12-10");
    assert_eq!((pin.team, pin.day), (Some(t1), Some(thu)));
    assert_eq!(pin.loc.to_string(), "pins.csv:2");
    assert_eq!((sc03.first_day, sc03.last_day), (thu, thu));
    let xf01 = &inst.tasks[task_index(&inst, "XF-01")];
    let wed = day_of(&inst, "2026-12-09");
    assert_eq!(
        xf01.pin.as_ref().map(|p| (p.team, p.day)),
        Some((None, Some(wed)))
    );
    assert_eq!((xf01.first_day, xf01.last_day), (wed, wed));
}

/// The demo county planned quickly: few iterations, one thread, checked by `verify`.
fn plan_checked(inst: &Instance) -> Plan {
    let params = SolveParams {
        seed: 1,
        iterations: 20,
        threads: 1,
        ..SolveParams::default()
    };
    let plan = solve(inst, &params, &|_| {}).plan;
    let report = verify_plan(inst, &plan);
    assert!(report.is_ok(), "{:#?}", report.violations);
    plan
}

#[test]
fn an_absence_removes_the_teams_routes_that_day() {
    let ws = common::copy_workspace(Path::new(DEMO));
    let before = load(ws.path());
    let team = |id: &str| before.teams.iter().position(|t| t.id == id).unwrap();
    let works =
        |plan: &Plan, (t, d): (usize, usize)| plan.routes.iter().any(|r| r.team == t && r.day == d);
    // Without the absences, T01 has a route on its first day out: the absence has something
    // to remove.
    let t01 = team("T01");
    let first = plan_checked(&before)
        .routes
        .iter()
        .find(|r| r.team == t01)
        .map(|r| r.day)
        .expect("T01 goes out some day");
    let out = [
        (t01, first),
        (team("T02"), day_of(&before, "2026-12-09")),
        (team("T02"), day_of(&before, "2026-12-10")),
    ];
    assert!(works(&plan_checked(&before), out[0]));

    std::fs::write(
        ws.path().join("absences.csv"),
        format!(
            "team_id,date,reason\nT01,{},病假\nT02,2026-12-09~2026-12-10,培训\n",
            before.calendar.date(first)
        ),
    )
    .unwrap();
    let inst = load(ws.path());
    let plan = plan_checked(&inst);
    for (t, d) in out {
        assert!(
            !works(&plan, (t, d)),
            "team {} has a route on {}",
            inst.teams[t].id,
            inst.calendar.date(d)
        );
    }
    assert_eq!(
        plan.scheduled_count() + plan.unscheduled.len(),
        inst.tasks.len()
    );
}

#[test]
fn a_day_pin_puts_the_task_on_that_day() {
    let ws = common::copy_workspace(Path::new(DEMO));
    // SC-2026-12-0002 may be done any day of the month; the office wants it on the 30th.
    std::fs::write(
        ws.path().join("pins.csv"),
        "task_id,team_id,date\nSC-2026-12-0002,,2026-12-30\n",
    )
    .unwrap();
    let inst = load(ws.path());
    let task = task_index(&inst, "SC-2026-12-0002");
    let day = day_of(&inst, "2026-12-30");
    let plan = plan_checked(&inst);
    let route = plan
        .routes
        .iter()
        .find(|r| r.visits.iter().any(|v| v.tasks.contains(&task)))
        .expect("the pinned task is scheduled");
    assert_eq!(route.day, day, "the pinned task is done on another day");
}
