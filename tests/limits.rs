//! The limits that keep a run bounded: `--exact` refuses what it cannot prove in reasonable
//! work and time, and `--time-limit` bounds the whole run, construction included.

use chayici::devtools::synth::{SynthParams, random_instance};
use chayici::ingest::credit_code::check_character;
use chayici::model::Reason;
use chayici::solve::milp::{ExactError, ExactParams, solve_exact};
use chayici::solve::{SolveParams, solve};
use chayici::verify::verify_plan;
use serde_json::Value;
use std::path::Path;
use std::process::{Command, Output};
use std::time::{Duration, Instant};

const DEMO: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/data/demo-changshan");

fn chayici(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_chayici"))
        .env("LC_ALL", "C")
        .args(args)
        .output()
        .expect("the binary runs")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// Six firms, two teams, five working days, 17 tasks: the shape that ran for minutes and
/// gigabytes before the enumeration had a work budget.
fn six_firms_seventeen_tasks() -> chayici::model::Instance {
    let p = SynthParams {
        firms: 6,
        max_tasks_per_firm: 5,
        departments: 3,
        teams: 2,
        days: 5,
        spread_deg: 0.08,
    };
    let inst = random_instance(7, &p);
    assert_eq!(inst.tasks.len(), 17);
    inst
}

#[test]
fn exact_refuses_six_firms_and_seventeen_tasks_by_its_work_limit() {
    let inst = six_firms_seventeen_tasks();
    match solve_exact(&inst, &ExactParams::default()) {
        Err(e @ ExactError::TooManyRoutes { .. }) => {
            let msg = e.to_string();
            assert!(msg.starts_with("too large for --exact: "), "{msg}");
            assert!(msg.contains("routes enumerated before the limit"), "{msg}");
            assert!(msg.contains("use plan without --exact"), "{msg}");
        }
        other => panic!(
            "expected a refusal by the work limit, got {:?}",
            other.map(|o| o.objective)
        ),
    }
}

#[test]
fn exact_honours_its_time_limit_and_never_calls_an_unproved_plan_optimal() {
    // 12 tasks at 4 firms: a few thousand routes, optimal in about a second, not in 1 ms.
    let p = SynthParams {
        firms: 4,
        max_tasks_per_firm: 5,
        departments: 3,
        teams: 2,
        days: 5,
        spread_deg: 0.08,
    };
    let inst = random_instance(4, &p);
    assert_eq!(inst.tasks.len(), 12);
    let tight = ExactParams {
        time_limit: Duration::from_millis(1),
    };
    match solve_exact(&inst, &tight) {
        Err(e @ ExactError::NotProved { .. }) => {
            assert!(
                e.to_string().contains("did not prove a plan optimal"),
                "{e}"
            )
        }
        other => panic!(
            "expected not proved, got {:?}",
            other.map(|o| o.milp.map(|m| m.status))
        ),
    }
}

/// A credit code with a valid check character for the 17 characters given.
fn code(first17: &str) -> String {
    format!(
        "{first17}{}",
        check_character(first17).expect("valid characters")
    )
}

/// Writes a workspace of six firms, two teams covering everything, one week of December 2026
/// and 17 tasks, all doable any day.
fn write_exact_workspace(dir: &Path) {
    std::fs::create_dir_all(dir.join("plans")).unwrap();
    std::fs::write(
        dir.join("chayici.toml"),
        "[horizon]\nstart = \"2026-12-07\"\nend = \"2026-12-11\"\n",
    )
    .unwrap();
    let mut firms =
        String::from("firm_id,name,address,township,lon,lat,industry,risk,hours,closed\n");
    let ids: Vec<String> = (0..6)
        .map(|i| code(&format!("9133082200000{i}00X")))
        .collect();
    for (i, id) in ids.iter().enumerate() {
        let (lon, lat) = (118.50 + 0.01 * i as f64, 28.90 + 0.007 * (i % 3) as f64);
        firms.push_str(&format!(
            "{id},示例企业{i},地址{i},天马街道,{lon:.3},{lat:.3},餐饮,B,,\n"
        ));
    }
    std::fs::write(dir.join("firms.csv"), firms).unwrap();
    std::fs::write(
        dir.join("teams.csv"),
        "team_id,name,departments,base_lon,base_lat,shift,days\n\
         T1,一组,scjg;xfjy;sthj,118.505,28.904,08:30-17:30,\n\
         T2,二组,scjg;xfjy;sthj,118.535,28.905,08:30-17:30,\n",
    )
    .unwrap();
    let mut plan = String::from(
        "task_id,department,firm_id,firm_name,item,earliest,latest,minutes,priority,source\n",
    );
    let depts = ["scjg", "xfjy", "sthj"];
    for t in 0..17 {
        let f = t % 6;
        plan.push_str(&format!(
            "K{t:02},{},{},示例企业{f},检查{t},,,{},normal,双随机\n",
            depts[t % 3],
            ids[f],
            20 + 10 * (t % 3)
        ));
    }
    std::fs::write(dir.join("plans/all.csv"), plan).unwrap();
}

#[test]
fn plan_exact_refuses_a_workspace_too_large_for_it_with_exit_1() {
    let tmp = tempfile::tempdir().unwrap();
    let ws = tmp.path().join("ws");
    write_exact_workspace(&ws);
    let check = chayici(&["check", ws.to_str().unwrap()]);
    assert_eq!(check.status.code(), Some(0), "{}", stdout(&check));
    let out = tmp.path().join("out");
    let o = chayici(&[
        "plan",
        ws.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--exact",
        "--quiet",
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(err.contains("too large for --exact"), "{err}");
    assert!(err.contains("use plan without --exact"), "{err}");
    assert!(!out.join("plan.json").exists(), "nothing is written");
}

#[test]
fn a_passed_deadline_cuts_construction_and_the_plan_still_verifies() {
    let inst = random_instance(3, &SynthParams::town());
    let params = SolveParams {
        deadline: Some(Instant::now()),
        ..SolveParams::default()
    };
    let out = solve(&inst, &params, &|_| {});
    let report = verify_plan(&inst, &out.plan);
    assert!(report.is_ok(), "{:?}", report.violations);
    let cut: Vec<_> = out
        .plan
        .unscheduled
        .iter()
        .filter(|u| u.reason == Reason::TimeLimit)
        .collect();
    assert!(!cut.is_empty(), "construction was cut");
    assert_eq!(cut.len(), out.timed_out);
    assert_eq!(out.iterations, 0, "no search after the deadline");
    assert_eq!(
        out.plan.scheduled_count() + out.plan.unscheduled.len(),
        inst.tasks.len(),
        "every task is accounted for"
    );
}

#[test]
fn a_tiny_time_limit_on_the_demo_county_is_honoured_and_the_plan_verifies() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    let o = chayici(&[
        "plan",
        DEMO,
        "--out",
        out.to_str().unwrap(),
        "--time-limit",
        "0.001",
        "--quiet",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stderr(&o).contains("time limit ran out"), "{}", stderr(&o));
    let run: Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("run.json")).unwrap()).unwrap();
    let names: Vec<&str> = run["phases"]
        .as_array()
        .expect("run.json lists the phases")
        .iter()
        .map(|p| p["phase"].as_str().unwrap())
        .collect();
    // Reading alone outlasts a millisecond: construction stops at once, and neither search
    // nor set partitioning runs past the deadline.
    assert_eq!(names, ["reading", "bounds", "construction", "checking"]);
    assert_eq!(run["deadline_seconds"], 0.001);
    let cut = run["timed_out_tasks"].as_u64().unwrap();
    assert!(cut > 0, "construction was cut");
    let unscheduled = std::fs::read_to_string(out.join("unscheduled.csv")).unwrap();
    assert_eq!(
        unscheduled
            .lines()
            .filter(|l| l.contains("time_limit"))
            .count() as u64,
        cut
    );
    let v = chayici(&["verify", DEMO, out.to_str().unwrap()]);
    assert_eq!(v.status.code(), Some(0), "{}{}", stdout(&v), stderr(&v));
}

#[test]
fn bounds_past_the_deadline_stay_the_exact_bounds_for_ordinary_firms() {
    // Firms with at most a handful of tasks, as in a real county: the quick bounds a late run
    // gets are the very bounds `merge` and `verify` compute.
    let inst = random_instance(3, &SynthParams::town());
    let late = chayici::graph::visit_bounds_until(&inst, Some(Instant::now()));
    assert_eq!(late, chayici::graph::visit_bounds(&inst));
}
