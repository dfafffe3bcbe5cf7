//! Replanning mid-month (`plan --keep OLD --from DATE`) on the demo county: nothing new gives
//! the old plan back, a late task or an absent team moves only what it must, tasks not done
//! come back, and the checker rejects a replan that touches what was done.

mod common;

use chayici::ingest::load_workspace;
use chayici::model::{Instance, Plan};
use chayici::output::{read_plan_json, read_plan_snapshot};
use chayici::verify::{ViolationKind, verify_replan};
use serde_json::Value;
use std::path::Path;
use std::process::{Command, Output};

const DEMO: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/data/demo-changshan");
const FROM: &str = "2026-12-10";

fn chayici(args: &[&dyn AsRef<std::ffi::OsStr>]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_chayici"))
        .env("LC_ALL", "C")
        .args(args.iter().map(|a| a.as_ref()))
        .output()
        .unwrap()
}

fn ok(o: Output) -> String {
    assert!(
        o.status.success(),
        "failed: {}\n{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// The demo copied to `dir/ws` and planned into `dir/month` with a short budget.
fn planned(dir: &Path) -> (std::path::PathBuf, std::path::PathBuf) {
    let ws = dir.join("ws");
    common::copy_workspace_into(Path::new(DEMO), &ws);
    let month = dir.join("month");
    ok(chayici(&[
        &"plan",
        &ws,
        &"--out",
        &month,
        &"--iterations",
        &"50",
        &"--quiet",
    ]));
    (ws, month)
}

fn replan(ws: &Path, old: &Path, new: &Path) -> String {
    ok(chayici(&[
        &"plan",
        &ws,
        &"--keep",
        &old,
        &"--from",
        &FROM,
        &"--out",
        &new,
        &"--iterations",
        &"50",
    ]))
}

fn json(path: &Path) -> Value {
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// Visits as (team, date, sorted task ids), with the date.
fn visits(plan: &Value) -> Vec<(String, String, Vec<String>)> {
    let mut out = Vec::new();
    for r in plan["routes"].as_array().unwrap() {
        for v in r["visits"].as_array().unwrap() {
            let mut tasks: Vec<String> = v["task_ids"]
                .as_array()
                .unwrap()
                .iter()
                .map(|t| t.as_str().unwrap().to_owned())
                .collect();
            tasks.sort();
            out.push((
                r["team_id"].as_str().unwrap().to_owned(),
                r["date"].as_str().unwrap().to_owned(),
                tasks,
            ));
        }
    }
    out
}

fn moved_tasks(plan: &Value) -> u64 {
    plan["objective"]["moved_tasks"].as_u64().unwrap_or(0)
}

#[test]
fn a_replan_with_nothing_new_reproduces_the_old_plan_exactly() {
    let dir = tempfile::tempdir().unwrap();
    let (ws, month) = planned(dir.path());
    let week2 = dir.path().join("week2");
    let summary = replan(&ws, &month, &week2);
    assert!(summary.contains("0 task(s) moved"), "{summary}");
    for f in ["routes.csv", "unscheduled.csv", "routes.geojson"] {
        assert_eq!(
            std::fs::read(month.join(f)).unwrap(),
            std::fs::read(week2.join(f)).unwrap(),
            "{f} differs"
        );
    }
    let (a, b) = (
        json(&month.join("plan.json")),
        json(&week2.join("plan.json")),
    );
    assert_eq!(a["routes"], b["routes"]);
    assert_eq!(b["replan"]["from"], FROM);
    assert_eq!(b["replan"]["old_plan"], "../month");
    assert!(b["replan"]["fixed_visits"].as_u64().unwrap() > 100);
    ok(chayici(&[&"verify", &ws, &week2]));
}

/// A late plan of one task at `firm` (id, name), due 12-21 to 12-23.
fn late_plan(ws: &Path, firm: (&str, &str)) {
    std::fs::write(
        ws.join("plans/late.csv"),
        format!(
            "task_id,department,firm_id,firm_name,item,earliest,latest,minutes,priority,source\n\
             LATE-1,scjg,{},{},投诉核查,2026-12-21,2026-12-23,40,mandatory,投诉\n",
            firm.0, firm.1
        ),
    )
    .unwrap();
}

#[test]
fn a_late_task_at_a_firm_nobody_visits_is_added_without_moving_anything() {
    let dir = tempfile::tempdir().unwrap();
    let (ws, month) = planned(dir.path());
    let old = json(&month.join("plan.json"));
    let visited: Vec<&str> = old["routes"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|r| r["visits"].as_array().unwrap())
        .map(|v| v["firm_id"].as_str().unwrap())
        .collect();
    let firms = std::fs::read_to_string(ws.join("firms.csv")).unwrap();
    let firm = firms
        .lines()
        .skip(1)
        .map(|l| l.split(',').collect::<Vec<_>>())
        .find(|cells| !visited.contains(&cells[0]))
        .map(|cells| (cells[0].to_owned(), cells[1].to_owned()))
        .expect("the register has a firm without tasks");
    late_plan(&ws, (&firm.0, &firm.1));
    let week2 = dir.path().join("week2");
    let summary = replan(&ws, &month, &week2);
    assert!(summary.contains("1 new task(s)"), "{summary}");
    let new = json(&week2.join("plan.json"));
    assert_eq!(moved_tasks(&new), 0);
    let now = visits(&new);
    let later: Vec<_> = visits(&old)
        .into_iter()
        .filter(|v| v.1.as_str() >= FROM)
        .collect();
    // Every later visit is kept as it was, or gained the late task at its firm.
    let lost: Vec<_> = later
        .iter()
        .filter(|v| {
            !now.iter().any(|n| {
                n.0 == v.0
                    && n.1 == v.1
                    && (n.2 == v.2 || n.2.iter().filter(|t| *t != "LATE-1").eq(v.2.iter()))
            })
        })
        .collect();
    assert!(lost.is_empty(), "visits changed: {lost:?}");
    let late = now.iter().find(|v| v.2.contains(&"LATE-1".to_owned()));
    let late = late.expect("the late task is scheduled");
    assert!(("2026-12-21".."2026-12-24").contains(&late.1.as_str()));
    assert_eq!(
        new["kpis"]["visits"].as_u64(),
        old["kpis"]["visits"].as_u64().map(|v| v + 1)
    );
    ok(chayici(&[&"verify", &ws, &week2]));
}

/// A late task at a firm the plan visits later anyway may bring that visit to its own days:
/// moving the visit's tasks costs less than knocking at the door twice.
#[test]
fn a_late_task_at_a_firm_visited_later_shares_its_visit() {
    let dir = tempfile::tempdir().unwrap();
    let (ws, month) = planned(dir.path());
    let old = json(&month.join("plan.json"));
    let (firm_id, firm_name) = firm_visited_once_late(&ws, &old);
    let firm = (firm_id.as_str(), firm_name.as_str());
    let at_firm = |p: &Value| {
        visits_at(p, firm.0)
            .into_iter()
            .filter(|v| v.1.as_str() >= FROM)
            .collect::<Vec<_>>()
    };
    let before = at_firm(&old);
    assert_eq!(
        before.len(),
        1,
        "the month visits the firm once, after the date"
    );
    late_plan(&ws, firm);
    let week2 = dir.path().join("week2");
    replan(&ws, &month, &week2);
    let new = json(&week2.join("plan.json"));
    assert_eq!(
        new["kpis"]["visits"], old["kpis"]["visits"],
        "no door-knock added"
    );
    let after = at_firm(&new);
    assert_eq!(after.len(), before.len());
    assert!(after.iter().any(|v| v.2.contains(&"LATE-1".to_owned())));
    // Only the tasks of the visit it joined moved.
    let most: usize = before.iter().map(|v| v.2.len()).max().unwrap();
    assert!(moved_tasks(&new) as usize <= most, "{}", moved_tasks(&new));
    ok(chayici(&[&"verify", &ws, &week2]));
}

/// The first firm of `plan` (in route order) that it visits once, after [`FROM`], by a team
/// covering scjg, with tasks whose windows all hold the late task's days (21–23 December): the
/// late task can join that visit without moving any of its tasks out of their windows.
fn firm_visited_once_late(ws: &Path, plan: &Value) -> (String, String) {
    let inst = chayici::ingest::load_workspace(ws)
        .unwrap()
        .instance
        .unwrap();
    let day = |d: u32| {
        inst.calendar
            .index_of(chrono::NaiveDate::from_ymd_opt(2026, 12, d).unwrap())
            .unwrap()
    };
    let (first, last) = (day(21), day(23));
    let scjg = inst
        .departments
        .iter()
        .position(|d| d.code == "scjg")
        .unwrap();
    let team_covers = |id: &str| {
        inst.teams
            .iter()
            .any(|t| t.id == id && t.departments.contains(scjg))
    };
    let holds = |task: &str| {
        inst.tasks
            .iter()
            .find(|t| t.id == task)
            .is_some_and(|t| t.pin.is_none() && t.first_day <= first && t.last_day >= last)
    };
    let routes = plan["routes"].as_array().unwrap();
    routes
        .iter()
        .filter(|r| {
            r["date"].as_str().unwrap() >= FROM && team_covers(r["team_id"].as_str().unwrap())
        })
        .flat_map(|r| r["visits"].as_array().unwrap())
        .find(|v| {
            let id = v["firm_id"].as_str().unwrap();
            visits_at(plan, id).len() == 1
                && v["task_ids"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .all(|t| holds(t.as_str().unwrap()))
        })
        .map(|v| {
            (
                v["firm_id"].as_str().unwrap().to_owned(),
                v["firm_name"].as_str().unwrap().to_owned(),
            )
        })
        .expect("the month visits such a firm after the date")
}

/// Visits at one firm, as [`visits`] gives them.
fn visits_at(plan: &Value, firm: &str) -> Vec<(String, String, Vec<String>)> {
    let mut out = Vec::new();
    for r in plan["routes"].as_array().unwrap() {
        for v in r["visits"].as_array().unwrap() {
            if v["firm_id"] == firm {
                let one = serde_json::json!({"routes": [{"team_id": r["team_id"], "date": r["date"], "visits": [v]}]});
                out.extend(visits(&one));
            }
        }
    }
    out
}

#[test]
fn an_absent_team_frees_exactly_its_later_tasks() {
    let dir = tempfile::tempdir().unwrap();
    let (ws, month) = planned(dir.path());
    let old = json(&month.join("plan.json"));
    let busy = visits(&old)
        .into_iter()
        .filter(|v| v.1.as_str() > FROM)
        .max_by_key(|v| (v.2.len(), v.1.clone(), v.0.clone()))
        .unwrap();
    let (team, date) = (busy.0.clone(), busy.1.clone());
    let freed: usize = visits(&old)
        .iter()
        .filter(|v| v.0 == team && v.1 == date)
        .map(|v| v.2.len())
        .sum();
    std::fs::write(
        ws.join("absences.csv"),
        format!("检查组编号,日期,原因\n{team},{date},病假\n"),
    )
    .unwrap();
    let week2 = dir.path().join("week2");
    replan(&ws, &month, &week2);
    let new = json(&week2.join("plan.json"));
    assert_eq!(moved_tasks(&new) as usize, freed);
    assert!(!visits(&new).iter().any(|v| v.0 == team && v.1 == date));
    assert_eq!(new["kpis"]["unscheduled"], old["kpis"]["unscheduled"]);
    // The teams whose days changed get calendar updates, which the checker knows as the plan's.
    assert!(
        week2
            .join("calendars/changes")
            .join(format!("{team}.ics"))
            .is_file()
    );
    let checked = ok(chayici(&[&"verify", &ws, &week2]));
    assert!(checked.contains(", 0 warning(s)"), "{checked}");
}

#[test]
fn tasks_not_done_before_the_date_are_planned_again_after_it() {
    let dir = tempfile::tempdir().unwrap();
    let (ws, month) = planned(dir.path());
    let old = json(&month.join("plan.json"));
    let past: Vec<_> = visits(&old)
        .into_iter()
        .filter(|v| v.1.as_str() < FROM)
        .collect();
    let task = past[0].2[0].clone();
    std::fs::write(
        ws.join("done.csv"),
        format!(
            "任务编号,完成情况,日期,备注\n{task},企业关门,{},门店未营业\n",
            past[0].1
        ),
    )
    .unwrap();
    let week2 = dir.path().join("week2");
    let summary = replan(&ws, &month, &week2);
    assert!(
        summary.contains(&format!("{task} (firm_closed)")),
        "{summary}"
    );
    let new = json(&week2.join("plan.json"));
    assert_eq!(new["replan"]["freed"][0]["task_id"], task.as_str());
    let now = visits(&new);
    let at = now.iter().find(|v| v.2.contains(&task));
    let unscheduled = new["unscheduled"]
        .as_array()
        .unwrap()
        .iter()
        .any(|u| u["task_id"] == task.as_str());
    match at {
        Some(v) => assert!(v.1.as_str() >= FROM, "{task} stays before the date: {v:?}"),
        None => assert!(unscheduled, "{task} is lost"),
    }
    // The other past visits are all still there.
    for v in past.iter().filter(|v| !v.2.contains(&task)) {
        assert!(now.contains(v), "fixed visit moved: {v:?}");
    }
    ok(chayici(&[&"verify", &ws, &week2]));
}

/// The demo's instance and a replan of it read back, with the plan it started from.
fn replanned() -> (
    tempfile::TempDir,
    Instance,
    Plan,
    chayici::model::PlanSnapshot,
    usize,
) {
    let dir = tempfile::tempdir().unwrap();
    let (ws, month) = planned(dir.path());
    let week2 = dir.path().join("week2");
    replan(&ws, &month, &week2);
    let inst = load_workspace(&ws).unwrap().instance.unwrap();
    let text = std::fs::read_to_string(week2.join("plan.json")).unwrap();
    let plan = read_plan_json(&text, &inst).unwrap();
    let old =
        read_plan_snapshot(&std::fs::read_to_string(month.join("plan.json")).unwrap()).unwrap();
    let from = inst.calendar.index_of(FROM.parse().unwrap()).unwrap();
    (dir, inst, plan, old, from)
}

#[test]
fn verify_rejects_a_replan_that_moves_a_fixed_visit_or_adds_one_before_the_date() {
    let (_dir, inst, plan, old, from) = replanned();
    assert!(verify_replan(&inst, &plan, &old, from).is_ok());

    // A fixed visit dropped from its route and left unscheduled.
    let mut dropped = plan.clone();
    let r = dropped.routes.iter().position(|r| r.day < from).unwrap();
    let v = dropped.routes[r].visits.pop().unwrap();
    let report = verify_replan(&inst, &dropped, &old, from);
    assert!(
        report.has(ViolationKind::FixedVisitMoved),
        "{:?}",
        report.violations
    );

    // The same tasks moved into a route after the date.
    let mut moved = dropped.clone();
    let later = moved.routes.iter().position(|r| r.day >= from).unwrap();
    moved.routes[later].visits.push(v.clone());
    let report = verify_replan(&inst, &moved, &old, from);
    let found = report
        .violations
        .iter()
        .find(|x| x.kind == ViolationKind::FixedVisitMoved)
        .expect("a moved fixed visit is found");
    assert!(
        found.to_string().contains("(the plan it started from)"),
        "{found}"
    );

    // A later task put into a day before the date.
    let mut added = plan.clone();
    let later = added.routes.iter().position(|r| r.day >= from).unwrap();
    let v = added.routes[later].visits.remove(0);
    let past = added.routes.iter().position(|r| r.day < from).unwrap();
    added.routes[past].visits.push(v);
    let report = verify_replan(&inst, &added, &old, from);
    assert!(
        report.has(ViolationKind::ChangedBeforeFrom),
        "{:?}",
        report.violations
    );
}

#[test]
fn bad_replan_arguments_are_refused_before_planning() {
    let dir = tempfile::tempdir().unwrap();
    let (ws, month) = planned(dir.path());
    let outside = chayici(&[
        &"plan",
        &ws,
        &"--keep",
        &month,
        &"--from",
        &"2027-01-05",
        &"--out",
        &dir.path().join("x"),
    ]);
    assert_eq!(outside.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&outside.stderr).contains("outside the workspace's horizon"));
    let onto = chayici(&[
        &"plan", &ws, &"--keep", &month, &"--from", &FROM, &"--out", &month,
    ]);
    assert_eq!(onto.status.code(), Some(1));
    let empty = dir.path().join("empty");
    std::fs::create_dir(&empty).unwrap();
    let missing = chayici(&[
        &"plan",
        &ws,
        &"--keep",
        &empty,
        &"--from",
        &FROM,
        &"--out",
        &dir.path().join("y"),
    ]);
    assert_eq!(missing.status.code(), Some(2));
    let without_from = chayici(&[
        &"plan",
        &ws,
        &"--keep",
        &month,
        &"--out",
        &dir.path().join("z"),
    ]);
    assert_eq!(
        without_from.status.code(),
        Some(2),
        "clap refuses --keep alone"
    );
}

#[test]
fn verify_needs_the_plan_a_replan_started_from() {
    let dir = tempfile::tempdir().unwrap();
    let (ws, month) = planned(dir.path());
    let week2 = dir.path().join("week2");
    replan(&ws, &month, &week2);
    std::fs::rename(&month, dir.path().join("gone")).unwrap();
    let o = chayici(&[&"verify", &ws, &week2]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("fixed visits"));
}

#[test]
fn a_replan_keeps_a_team_within_a_max_days_added_since() {
    let dir = tempfile::tempdir().unwrap();
    let (ws, month) = planned(dir.path());
    let old = json(&month.join("plan.json"));
    let days = |plan: &Value, before: bool| {
        plan["routes"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|r| r["team_id"] == "T01" && (r["date"].as_str().unwrap() < FROM) == before)
            .count()
    };
    let (past, later) = (days(&old, true), days(&old, false));
    assert!(later >= 2, "T01 works after the date in the old plan");
    // One day left after the date: the old plan's later routes of T01 cannot all stay.
    let cap = past + 1;
    let teams = std::fs::read_to_string(ws.join("teams.csv")).unwrap();
    let mut lines = teams.lines();
    let mut out = format!("{},max_days\n", lines.next().unwrap());
    for l in lines {
        let cell = if l.starts_with("T01,") {
            cap.to_string()
        } else {
            String::new()
        };
        out.push_str(&format!("{l},{cell}\n"));
    }
    std::fs::write(ws.join("teams.csv"), out).unwrap();
    let week2 = dir.path().join("week2");
    replan(&ws, &month, &week2);
    let new = json(&week2.join("plan.json"));
    assert_eq!(days(&new, true), past, "the past stays");
    assert!(
        days(&new, false) <= 1,
        "{} days after the date",
        days(&new, false)
    );
    ok(chayici(&[&"verify", &ws, &week2]));
}
