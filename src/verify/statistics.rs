//! Checks plan.json's `statistics` section: every figure recounted from the routes, the
//! workspace's targets and the bounds' naive counts, with the definitions of the README
//! ("Reform statistics") written out here again rather than borrowed from the code that wrote
//! them, so a mistake there is not repeated here.

use super::plan_figures::{FILE, ReferenceBounds, figure};
use super::{Violation, ViolationKind as K};
use crate::model::{Instance, Place, Plan};
use chrono::Datelike;
use serde_json::{Map, Value, json};
use std::collections::BTreeMap;

/// Counts of one row, as the README defines them.
#[derive(Default, Clone, Copy)]
struct Row {
    naive: Option<usize>,
    visits: usize,
    led: usize,
    joint: usize,
    tasks: usize,
    joint_tasks: usize,
    routes: usize,
    km: f64,
    drive: u64,
    onsite: u64,
}

fn percent(part: i64, whole: usize) -> Value {
    if whole == 0 {
        Value::Null
    } else {
        json!((part as f64 * 1000.0 / whole as f64).round() / 10.0)
    }
}

fn met(part: i64, whole: usize, target: u32) -> Value {
    if whole == 0 {
        Value::Null
    } else {
        json!(i128::from(part) * 10_000 >= i128::from(target) * whole as i128)
    }
}

/// The figures a row of `statistics` must hold.
fn expected(r: &Row, targets: Option<(u32, u32)>, work: bool) -> Map<String, Value> {
    let mut m = Map::new();
    m.insert("visits".into(), json!(r.visits));
    m.insert("joint_visits".into(), json!(r.joint));
    m.insert("scheduled_tasks".into(), json!(r.tasks));
    m.insert("joint_tasks".into(), json!(r.joint_tasks));
    m.insert(
        "joint_share_percent".into(),
        percent(r.joint as i64, r.visits),
    );
    m.insert(
        "joint_task_share_percent".into(),
        percent(r.joint_tasks as i64, r.tasks),
    );
    if let Some(t) = targets {
        m.insert("joint_share_met".into(), met(r.joint as i64, r.visits, t.0));
    }
    if let Some(naive) = r.naive {
        let saved = naive as i64 - r.led as i64;
        m.insert("naive_visits".into(), json!(naive));
        m.insert("led_visits".into(), json!(r.led));
        m.insert("visits_saved".into(), json!(saved));
        m.insert("reduction_percent".into(), percent(saved, naive));
        if let Some(t) = targets {
            m.insert("reduction_met".into(), met(saved, naive, t.1));
        }
    }
    if work {
        m.insert("routes".into(), json!(r.routes));
        m.insert("travel_km".into(), json!((r.km * 1000.0).round() / 1000.0));
        m.insert("travel_minutes".into(), json!(r.drive));
        m.insert("onsite_minutes".into(), json!(r.onsite));
    }
    m
}

fn compare(out: &mut Vec<Violation>, have: &Value, path: &str, want: Map<String, Value>) {
    let why = "the routes give";
    for (key, value) in want {
        figure(out, have, path, &key, value, why);
    }
}

/// Pushes a violation for each figure of `statistics` the plan does not give.
pub(super) fn check(
    inst: &Instance,
    doc: &Value,
    plan: &Plan,
    bounds: Option<&ReferenceBounds>,
    out: &mut Vec<Violation>,
) {
    let Some(stats) = doc.get("statistics") else {
        return;
    };
    let n_depts = inst.departments.len();
    // The naive counts are checked only against the workspace's own, uncut bounds.
    let cut = doc["kpis"].get("bounds_cut_by_time_limit") == Some(&Value::Bool(true));
    let naive = bounds.filter(|b| !cut && b.naive_by_department.len() == n_depts);
    let t = inst.settings.targets;
    figure(
        out,
        stats,
        "statistics",
        "targets",
        json!({
            "joint_share": f64::from(t.joint_share) / 10_000.0,
            "reduction": f64::from(t.reduction) / 10_000.0,
        }),
        "chayici.toml's [targets] give",
    );
    let mut county = Row::default();
    let mut depts = vec![Row::default(); n_depts];
    let mut towns: BTreeMap<String, Row> = BTreeMap::new();
    let mut teams = vec![Row::default(); inst.teams.len()];
    let mut weeks: BTreeMap<String, Row> = BTreeMap::new();
    for r in &plan.routes {
        let (Some(_), Some(date)) = (inst.teams.get(r.team), inst.calendar.dates.get(r.day)) else {
            return;
        };
        let w = date.iso_week();
        let week = format!("{}-W{:02}", w.year(), w.week());
        let mut route = Row {
            routes: 1,
            ..Row::default()
        };
        let mut pos = Place::Base(r.team);
        for v in &r.visits {
            if v.firm >= inst.firms.len() || v.tasks.iter().any(|&t| t >= inst.tasks.len()) {
                return;
            }
            let at = Place::Firm(v.firm);
            route.km += inst.travel_km(pos, at);
            route.drive += u64::from(inst.travel_minutes(pos, at));
            route.onsite += u64::from(inst.onsite_minutes(&v.tasks));
            pos = at;
            // Tasks and minutes per department present.
            let mut per: BTreeMap<usize, (usize, u64)> = BTreeMap::new();
            for &t in &v.tasks {
                let e = per.entry(inst.tasks[t].department).or_default();
                e.0 += 1;
                e.1 += u64::from(inst.tasks[t].minutes);
            }
            let joint = per.len() >= 2;
            let n = v.tasks.len();
            let add = |row: &mut Row, tasks: usize, led: bool| {
                row.visits += 1;
                row.led += usize::from(led);
                row.tasks += tasks;
                if joint {
                    row.joint += 1;
                    row.joint_tasks += tasks;
                }
            };
            add(&mut county, n, true);
            add(&mut teams[r.team], n, true);
            add(weeks.entry(week.clone()).or_default(), n, true);
            let town = inst.firms[v.firm].township.clone();
            add(towns.entry(town).or_default(), n, true);
            let mut lead: Option<(usize, (usize, u64))> = None;
            for (&d, &key) in &per {
                if lead.is_none_or(|(_, best)| key > best) {
                    lead = Some((d, key));
                }
            }
            for (&d, &(tasks, _)) in &per {
                add(&mut depts[d], tasks, lead.map(|(l, _)| l) == Some(d));
            }
        }
        let base = Place::Base(r.team);
        route.km += inst.travel_km(pos, base);
        route.drive += u64::from(inst.travel_minutes(pos, base));
        for row in [
            &mut county,
            &mut teams[r.team],
            weeks.entry(week).or_default(),
        ] {
            row.routes += 1;
            row.km += route.km;
            row.drive += route.drive;
            row.onsite += route.onsite;
        }
    }
    if let Some(b) = naive {
        county.naive = Some(b.naive_by_department.iter().sum());
        for (d, row) in depts.iter_mut().enumerate() {
            row.naive = Some(b.naive_by_department[d]);
        }
        for (f, &n) in b.naive_by_firm.iter().enumerate() {
            if let Some(firm) = inst.firms.get(f) {
                let town = towns.entry(firm.township.clone()).or_default();
                town.naive = Some(town.naive.unwrap_or(0) + n);
            }
        }
        for town in towns.values_mut() {
            town.naive.get_or_insert(0);
        }
    }
    let targets = Some((t.joint_share, t.reduction));
    compare(
        out,
        &stats["overall"],
        "statistics.overall",
        expected(&county, targets, true),
    );
    let rows = |key: &str| stats[key].as_array().cloned().unwrap_or_default();
    for (i, row) in rows("departments").iter().enumerate() {
        let code = row["code"].as_str().unwrap_or_default();
        let path = format!("statistics.departments[{i}] ({code})");
        match inst.departments.iter().position(|d| d.code == code) {
            Some(d) => compare(out, row, &path, expected(&depts[d], targets, false)),
            None => unknown(out, &path, "department"),
        }
    }
    for (i, row) in rows("townships").iter().enumerate() {
        let name = row["township"].as_str().unwrap_or_default();
        let path = format!("statistics.townships[{i}] ({name})");
        let want = towns.get(name).copied().unwrap_or(Row {
            naive: naive.map(|_| 0),
            ..Row::default()
        });
        compare(out, row, &path, expected(&want, None, false));
    }
    for (i, row) in rows("teams").iter().enumerate() {
        let id = row["team_id"].as_str().unwrap_or_default();
        let path = format!("statistics.teams[{i}] ({id})");
        match inst.teams.iter().position(|t| t.id == id) {
            Some(t) => compare(out, row, &path, expected(&teams[t], None, true)),
            None => unknown(out, &path, "team"),
        }
    }
    for (i, row) in rows("weeks").iter().enumerate() {
        let label = row["week"].as_str().unwrap_or_default();
        let path = format!("statistics.weeks[{i}] ({label})");
        let want = weeks.get(label).copied().unwrap_or_default();
        compare(out, row, &path, expected(&want, None, true));
    }
}

fn unknown(out: &mut Vec<Violation>, path: &str, what: &str) {
    out.push(
        Violation::new(
            K::WrongFigure,
            format!("{path} names a {what} the workspace does not have"),
        )
        .in_file(FILE),
    );
}
