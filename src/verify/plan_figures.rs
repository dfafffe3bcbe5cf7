//! Checks the figures plan.json writes beside the plan: each leg's and route's kilometres and
//! minutes, the names, items and departments of each visit, the horizon, and every `kpis`
//! figure, all recounted from the routes and the instance.
//!
//! A figure absent from the file is not checked (plans from other tools may leave them out);
//! a figure present must be right to the precision it is written with.

use super::kpis::Kpis;
use super::written::{department_codes, km3, task_ids};
use super::{Violation, ViolationKind as K};
use crate::model::{Instance, Place, Plan};
use serde_json::{Value, json};

/// The file's name in the plan folder.
pub(crate) const FILE: &str = "plan.json";

/// The visit bounds of the workspace, from the merge graph (`chayici merge` prints them), to
/// check `kpis.visits_lower_bound` and `kpis.visits_naive` against.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReferenceBounds {
    /// Fewest visits any plan scheduling every schedulable task needs.
    pub visits_lower_bound: usize,
    /// Visits if each department went alone.
    pub visits_naive: usize,
    /// The same per department index, to check `statistics`' naive counts against; empty
    /// leaves them unchecked.
    pub naive_by_department: Vec<usize>,
    /// The same per firm index (summed per township).
    pub naive_by_firm: Vec<usize>,
}

/// True when two JSON values say the same: numbers by value (`1` and `1.0` agree), the rest
/// exactly.
fn same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => match (x.as_u64(), y.as_u64()) {
            (Some(x), Some(y)) => x == y,
            _ => x.as_f64() == y.as_f64(),
        },
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(x, y)| same(x, y))
        }
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len() && x.iter().all(|(k, v)| y.get(k).is_some_and(|w| same(v, w)))
        }
        _ => a == b,
    }
}

/// Pushes a violation when `doc[key]` is present and differs from `want`.
pub(super) fn figure(
    out: &mut Vec<Violation>,
    doc: &Value,
    path: &str,
    key: &str,
    want: Value,
    why: &str,
) {
    let Some(have) = doc.get(key) else {
        return;
    };
    if !same(have, &want) {
        out.push(
            Violation::new(
                K::WrongFigure,
                format!("{path}.{key} is {have}, but {why} {want}"),
            )
            .in_file(FILE),
        );
    }
}

/// Pushes a violation for every figure of `doc` (plan.json, already read into `plan`) that
/// the routes and the instance do not give, and a warning for each `kpis` key it does not
/// know.
pub(super) fn check(
    inst: &Instance,
    doc: &Value,
    plan: &Plan,
    bounds: Option<ReferenceBounds>,
    out: &mut Vec<Violation>,
    warnings: &mut Vec<Violation>,
) {
    check_horizon(inst, doc, out);
    check_routes(inst, doc, plan, out);
    check_unscheduled(inst, doc, plan, out);
    super::statistics::check(inst, doc, plan, bounds.as_ref(), out);
    check_kpis(inst, doc, plan, bounds, out, warnings);
}

fn check_horizon(inst: &Instance, doc: &Value, out: &mut Vec<Violation>) {
    let h = &doc["horizon"];
    let date = |d: Option<&chrono::NaiveDate>| d.map_or(Value::Null, |d| json!(d.to_string()));
    let why = "the workspace says";
    figure(
        out,
        h,
        "horizon",
        "start",
        date(inst.calendar.dates.first()),
        why,
    );
    figure(
        out,
        h,
        "horizon",
        "end",
        date(inst.calendar.dates.last()),
        why,
    );
    let working = inst.calendar.working_days().count();
    figure(out, h, "horizon", "working_days", json!(working), why);
}

fn check_routes(inst: &Instance, doc: &Value, plan: &Plan, out: &mut Vec<Violation>) {
    let Some(routes) = doc["routes"].as_array() else {
        return;
    };
    for (i, (rj, r)) in routes.iter().zip(&plan.routes).enumerate() {
        let (Some(team), Some(date)) = (inst.teams.get(r.team), inst.calendar.dates.get(r.day))
        else {
            continue;
        };
        let path = format!("routes[{i}] (team {}, {date})", team.id);
        let mut pos = Place::Base(r.team);
        let (mut km, mut minutes) = (0.0, 0u64);
        let visits = rj["visits"].as_array();
        for (j, v) in r.visits.iter().enumerate() {
            let Some(firm) = inst.firms.get(v.firm) else {
                continue;
            };
            let at = Place::Firm(v.firm);
            let leg_km = inst.travel_km(pos, at);
            let leg_min = inst.travel_minutes(pos, at);
            km += leg_km;
            minutes += u64::from(leg_min);
            if let Some(vj) = visits.and_then(|vs| vs.get(j)) {
                let p = format!("{path}.visits[{j}]");
                let leg = format!("the leg from {} to firm {} is", name(inst, pos), firm.id);
                figure(
                    out,
                    vj,
                    &p,
                    "seq",
                    json!(j + 1),
                    "its place in the route is",
                );
                figure(out, vj, &p, "firm_name", json!(firm.name), "the firm is");
                let register = "the register gives";
                figure(out, vj, &p, "contact", json!(firm.contact), register);
                figure(out, vj, &p, "phone", json!(firm.phone), register);
                figure(out, vj, &p, "notes", json!(firm.notes), register);
                figure(out, vj, &p, "extra", json!(firm.extra), register);
                let items: Vec<&str> = v
                    .tasks
                    .iter()
                    .filter_map(|&t| inst.tasks.get(t))
                    .map(|t| t.item.as_str())
                    .collect();
                figure(out, vj, &p, "items", json!(items), "its tasks are");
                let depts = department_codes(inst, &v.tasks);
                let why = format!("the tasks {} are of", task_ids(inst, &v.tasks).join(";"));
                figure(out, vj, &p, "departments", json!(depts), &why);
                figure(out, vj, &p, "travel_km", json!(km3(leg_km)), &leg);
                figure(out, vj, &p, "travel_minutes", json!(leg_min), &leg);
            }
            pos = at;
        }
        let base = Place::Base(r.team);
        let (back_km, back_min) = (inst.travel_km(pos, base), inst.travel_minutes(pos, base));
        km += back_km;
        minutes += u64::from(back_min);
        let leg = format!("the leg from {} back to base is", name(inst, pos));
        figure(
            out,
            rj,
            &path,
            "return_travel_km",
            json!(km3(back_km)),
            &leg,
        );
        figure(
            out,
            rj,
            &path,
            "return_travel_minutes",
            json!(back_min),
            &leg,
        );
        figure(
            out,
            rj,
            &path,
            "travel_km",
            json!(km3(km)),
            "its legs add up to",
        );
        figure(
            out,
            rj,
            &path,
            "travel_minutes",
            json!(minutes),
            "its legs add up to",
        );
    }
}

fn name(inst: &Instance, p: Place) -> String {
    match p {
        Place::Base(t) => format!("the base of team {}", inst.teams[t].id),
        Place::Firm(f) => format!("firm {}", inst.firms[f].id),
    }
}

fn check_unscheduled(inst: &Instance, doc: &Value, plan: &Plan, out: &mut Vec<Violation>) {
    let Some(list) = doc["unscheduled"].as_array() else {
        return;
    };
    for (i, (uj, u)) in list.iter().zip(&plan.unscheduled).enumerate() {
        let Some(task) = inst.tasks.get(u.task) else {
            continue;
        };
        let path = format!("unscheduled[{i}] (task {})", task.id);
        let why = "the workspace says";
        if let Some(d) = inst.departments.get(task.department) {
            figure(out, uj, &path, "department", json!(d.code), why);
        }
        if let Some(f) = inst.firms.get(task.firm) {
            figure(out, uj, &path, "firm_id", json!(f.id), why);
        }
        figure(
            out,
            uj,
            &path,
            "priority",
            json!(task.priority.as_str()),
            why,
        );
    }
}

/// The `kpis` keys chayici writes.
const KPI_KEYS: [&str; 20] = [
    "tasks",
    "bounds_cut_by_time_limit",
    "scheduled",
    "unscheduled",
    "visits",
    "visits_lower_bound",
    "visits_naive",
    "visits_saved",
    "reduction_percent",
    "travel_km",
    "travel_minutes",
    "onsite_minutes",
    "routes",
    "firms_visited",
    "firms_visited_more_than_once",
    "unscheduled_by_reason",
    "unscheduled_by_priority",
    "visits_by_department",
    "visits_by_township",
    "team_workload",
];

/// Percent of the naive visits saved, one decimal, as the README defines the reduction.
fn reduction_percent(visits: usize, naive: usize) -> f64 {
    if naive == 0 {
        return 0.0;
    }
    ((naive as f64 - visits as f64) / naive as f64 * 1000.0).round() / 10.0
}

fn check_kpis(
    inst: &Instance,
    doc: &Value,
    plan: &Plan,
    bounds: Option<ReferenceBounds>,
    out: &mut Vec<Violation>,
    warnings: &mut Vec<Violation>,
) {
    let Some(written) = doc.get("kpis") else {
        return;
    };
    let k = Kpis::of(inst, plan);
    let why = "the routes give";
    let mut f = |key: &str, want: Value| figure(out, written, "kpis", key, want, why);
    f("tasks", json!(k.tasks));
    f("scheduled", json!(k.scheduled));
    f("unscheduled", json!(k.unscheduled));
    f("visits", json!(k.visits));
    f("travel_km", json!(km3(k.travel_km)));
    f("travel_minutes", json!(k.travel_minutes));
    f("onsite_minutes", json!(k.onsite_minutes));
    f("routes", json!(k.routes));
    f("firms_visited", json!(k.firms_visited));
    f(
        "firms_visited_more_than_once",
        json!(k.firms_visited_more_than_once),
    );
    f("unscheduled_by_reason", json!(k.unscheduled_by_reason));
    f("unscheduled_by_priority", json!(k.unscheduled_by_priority));
    f("visits_by_department", json!(k.visits_by_department));
    f("visits_by_township", json!(k.visits_by_township));
    f("team_workload", json!(k.team_workload));
    let cut = written.get("bounds_cut_by_time_limit") == Some(&Value::Bool(true));
    let naive = match bounds {
        Some(b) if cut => {
            // Bounds cut by the time limit are still bounds: never above the exact lower
            // bound, never below the exact naive count.
            let count = |key: &str| written.get(key).and_then(Value::as_u64);
            let mut loose = |key: &str, ok: bool, want: String| {
                if !ok {
                    out.push(
                        Violation::new(
                            K::WrongFigure,
                            format!(
                                "kpis.{key} is {}, but with bounds cut by the time limit it \
                                 must be {want}",
                                written[key]
                            ),
                        )
                        .in_file(FILE),
                    );
                }
            };
            if let Some(lb) = count("visits_lower_bound") {
                let ok = lb as usize <= b.visits_lower_bound;
                loose(
                    "visits_lower_bound",
                    ok,
                    format!("at most {}", b.visits_lower_bound),
                );
            }
            if let Some(n) = count("visits_naive") {
                let ok = n as usize >= b.visits_naive;
                loose("visits_naive", ok, format!("at least {}", b.visits_naive));
            }
            count("visits_naive").map(|n| n as usize)
        }
        Some(b) => {
            let why = "the merge graph gives";
            let written_ = written;
            figure(
                out,
                written_,
                "kpis",
                "visits_lower_bound",
                json!(b.visits_lower_bound),
                why,
            );
            figure(
                out,
                written_,
                "kpis",
                "visits_naive",
                json!(b.visits_naive),
                why,
            );
            Some(b.visits_naive)
        }
        None => written["visits_naive"].as_u64().map(|n| n as usize),
    };
    if let Some(naive) = naive {
        let why = "the visits and the naive count give";
        let saved = naive as i64 - k.visits as i64;
        figure(out, written, "kpis", "visits_saved", json!(saved), why);
        let pct = reduction_percent(k.visits, naive);
        figure(out, written, "kpis", "reduction_percent", json!(pct), why);
    }
    if let Some(obj) = written.as_object() {
        for key in obj.keys().filter(|k| !KPI_KEYS.contains(&k.as_str())) {
            warnings.push(
                Violation::new(
                    K::WrongFigure,
                    format!("kpis.{key} is not a figure chayici writes; it was not checked"),
                )
                .in_file(FILE),
            );
        }
    }
}
