//! Provides `plan.json`: the whole plan with the ids and dates a clerk knows, the parameters
//! and input hashes that reproduce it, and its figures.
//!
//! Everything that may differ between two runs producing the same plan (elapsed time, thread
//! count, iterations reached in wall-clock mode) goes to `run.json` instead, so that the same
//! workspace, seed and iteration budget give a byte-identical plan.json on any machine.

use super::legs::{Leg, route_legs};
use super::round3;
pub use crate::ingest::InputFile;
use crate::model::{Instance, Plan, fmt_minute};
use crate::solve::ObjectiveParts;
use crate::solve::milp::{BACKEND, MilpReport};
use crate::verify::Kpis;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::io::Write;
use std::path::{Component, Path, PathBuf};

/// The value of `format`, so `verify` can tell a chayici plan from any other JSON.
pub const PLAN_FORMAT: &str = "chayici-plan";
/// Bumped when a reader of an older plan would misread a newer one.
pub const PLAN_FORMAT_VERSION: u32 = 1;

/// What the planner was asked to do.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Parameters {
    /// Seed of every random choice.
    pub seed: u64,
    /// Iteration budget.
    pub iterations: u64,
    /// Wall-clock limit in seconds; set means the run is not reproducible.
    pub time_limit_seconds: Option<f64>,
    /// Crate version and MILP backend compiled in.
    pub chayici_version: String,
}

/// How the run went: nothing here changes the plan when it is reproducible.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Timing {
    /// Wall-clock seconds of the whole `plan` command.
    pub elapsed_seconds: f64,
    /// Worker threads asked for (0 = one per core).
    pub threads: usize,
    /// Improvement iterations the planner did.
    pub iterations_done: u64,
    /// Seconds the MILP step took, when it ran.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub milp_seconds: Option<f64>,
    /// When `--time-limit` said the run must end, in seconds from its start.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub deadline_seconds: Option<f64>,
    /// Each phase of the command, in order, up to checking the plan (writing follows); a
    /// phase the deadline left no time for is absent.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub phases: Vec<PhaseTiming>,
    /// Tasks the deadline stopped construction before it tried (reason `time_limit`).
    pub timed_out_tasks: usize,
}

/// One phase of a `plan` run, as run.json records it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PhaseTiming {
    /// `reading`, `bounds`, `construction`, `search`, `set_partitioning` or `checking`.
    pub phase: &'static str,
    /// Seconds from the start of the run to when the phase ended.
    pub ended_seconds: f64,
    /// Seconds the phase took.
    pub seconds: f64,
}

/// The MILP step as plan.json records it: how it was asked to run and what it did.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MilpMeta {
    /// `off`, `set_partitioning` or `exact`.
    pub mode: &'static str,
    /// The MILP solver compiled in.
    pub backend: &'static str,
    /// The solver's time limit; a run that reaches it is not reproducible.
    pub time_limit_seconds: Option<f64>,
    /// What the MILP did, when it ran.
    #[serde(flatten)]
    pub report: Option<MilpReport>,
}

impl Default for MilpMeta {
    fn default() -> Self {
        Self {
            mode: "off",
            backend: BACKEND,
            time_limit_seconds: None,
            report: None,
        }
    }
}

/// Visits bounds the plan is measured against (from the merge graph).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Bounds {
    /// Fewest visits any plan scheduling every schedulable task needs.
    pub visits_lower_bound: usize,
    /// Visits if each department went alone.
    pub visits_naive: usize,
    /// True when `--time-limit` ran out while the bounds were computed, so large firms got a
    /// quick bound: the lower bound may then be lower, and the naive count higher, than
    /// `chayici merge` says.
    pub cut_by_time_limit: bool,
}

/// Everything about a plan that is not in [`Plan`] itself.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanMeta {
    /// The workspace, as [`workspace_ref`] records it, for `chayici report PLAN_DIR`.
    pub workspace: Option<String>,
    /// Planner parameters.
    pub parameters: Parameters,
    /// Input files and their hashes.
    pub inputs: Vec<InputFile>,
    /// Bounds on visits.
    pub bounds: Bounds,
    /// The planner's objective, part by part.
    pub objective: ObjectiveParts,
    /// The MILP step.
    pub milp: MilpMeta,
    /// How the run went (written to run.json, not plan.json).
    pub timing: Timing,
    /// What a replan started from; `None` for a plan made from scratch.
    pub replan: Option<ReplanMeta>,
    /// The bounds' naive counts per department and firm, for the `statistics` section;
    /// `None` leaves the section out.
    pub naive_counts: Option<crate::stats::NaiveCounts>,
}

/// `replan` of plan.json: the plan a replan started from, and what it did with it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReplanMeta {
    /// The replanning date: visits before it were fixed.
    pub from: NaiveDate,
    /// The plan folder it started from, relative to the new plan folder when it can be, as
    /// `workspace` is; `chayici verify` reads it to check the fixed visits.
    pub old_plan: Option<String>,
    /// Visits before `from` kept as they were done.
    pub fixed_visits: usize,
    /// Tasks in them.
    pub fixed_tasks: usize,
    /// Tasks of visits before `from` planned again, with why (`not_done`, `firm_closed`,
    /// `postponed`, `team_absent`, `no_longer_matches`).
    pub freed: Vec<FreedTask>,
    /// Task ids the old plan names that the workspace no longer has.
    pub vanished_task_ids: Vec<String>,
    /// Tasks new since the old plan (neither scheduled nor left out there).
    pub new_tasks: usize,
}

/// A task a replan planned again, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FreedTask {
    /// The task.
    pub task_id: String,
    /// Why.
    pub why: String,
}

/// `kpis` of plan.json: the checker's figures plus the bounds and the saving.
#[derive(Debug, Serialize)]
struct KpisJson<'a> {
    tasks: usize,
    scheduled: usize,
    unscheduled: usize,
    visits: usize,
    visits_lower_bound: usize,
    visits_naive: usize,
    /// Written only when true, so plans whose bounds are exact keep their bytes.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    bounds_cut_by_time_limit: bool,
    /// Visits saved against the naive count.
    visits_saved: i64,
    /// Percent of the naive visits saved.
    reduction_percent: f64,
    travel_km: f64,
    travel_minutes: u64,
    onsite_minutes: u64,
    routes: usize,
    firms_visited: usize,
    firms_visited_more_than_once: usize,
    unscheduled_by_reason: &'a std::collections::BTreeMap<String, usize>,
    unscheduled_by_priority: &'a std::collections::BTreeMap<String, usize>,
    visits_by_department: &'a std::collections::BTreeMap<String, usize>,
    visits_by_township: &'a std::collections::BTreeMap<String, usize>,
    team_workload: &'a [crate::verify::TeamWorkload],
}

/// Percent of naive visits saved, one decimal; 0 when there is nothing to save.
pub fn reduction_percent(visits: usize, naive: usize) -> f64 {
    if naive == 0 {
        return 0.0;
    }
    ((naive as f64 - visits as f64) / naive as f64 * 1000.0).round() / 10.0
}

/// A visit as written in plan.json.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct VisitJson {
    /// 1-based position in the route.
    #[serde(default)]
    pub seq: usize,
    /// The firm's unified social credit code.
    pub firm_id: String,
    /// The firm's name, for readers.
    #[serde(default)]
    pub firm_name: String,
    /// Whom to ask for at the firm, from the register (empty when it has none).
    #[serde(default)]
    pub contact: String,
    /// The contact's phone, as the register writes it.
    #[serde(default)]
    pub phone: String,
    /// The register's remark on the firm.
    #[serde(default)]
    pub notes: String,
    /// The register's other columns, `[header, value]`, in header order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub extra: Vec<(String, String)>,
    /// Tasks done, by task id.
    pub task_ids: Vec<String>,
    /// Inspection items, aligned with `task_ids`.
    #[serde(default)]
    pub items: Vec<String>,
    /// Department codes inspecting, sorted.
    #[serde(default)]
    pub departments: Vec<String>,
    /// Arrival, `HH:MM`.
    pub arrive: String,
    /// Start of on-site work, `HH:MM`.
    pub start: String,
    /// End of on-site work, `HH:MM`.
    pub end: String,
    /// Departure, `HH:MM`.
    pub depart: String,
    /// Road kilometres of the leg reaching this firm.
    #[serde(default)]
    pub travel_km: f64,
    /// Driving minutes of the leg reaching this firm.
    #[serde(default)]
    pub travel_minutes: u32,
}

/// A team-day route as written in plan.json.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RouteJson {
    /// The team.
    pub team_id: String,
    /// The day.
    pub date: NaiveDate,
    /// Leaving the base, `HH:MM`.
    pub leave_base: String,
    /// Back at the base, `HH:MM`.
    pub return_base: String,
    /// Visits in driving order.
    pub visits: Vec<VisitJson>,
    /// Road kilometres of the leg back to base.
    #[serde(default)]
    pub return_travel_km: f64,
    /// Driving minutes of the leg back to base.
    #[serde(default)]
    pub return_travel_minutes: u32,
    /// Road kilometres of the whole route.
    #[serde(default)]
    pub travel_km: f64,
    /// Driving minutes of the whole route.
    #[serde(default)]
    pub travel_minutes: u32,
}

/// An unscheduled task as written in plan.json.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnscheduledJson {
    /// The task.
    pub task_id: String,
    /// Its department's code.
    #[serde(default)]
    pub department: String,
    /// Its firm.
    #[serde(default)]
    pub firm_id: String,
    /// Its priority.
    #[serde(default)]
    pub priority: String,
    /// The reason code.
    pub reason: String,
}

#[derive(Serialize)]
struct PlanJson<'a> {
    format: &'static str,
    format_version: u32,
    instance: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    workspace: Option<&'a str>,
    horizon: Horizon,
    parameters: &'a Parameters,
    inputs: &'a [InputFile],
    kpis: KpisJson<'a>,
    objective: &'a ObjectiveParts,
    milp: &'a MilpMeta,
    #[serde(skip_serializing_if = "Option::is_none")]
    replan: Option<&'a ReplanMeta>,
    /// Written when the bounds' naive counts are known (as `plan` knows them).
    #[serde(skip_serializing_if = "Option::is_none")]
    statistics: Option<serde_json::Value>,
    routes: Vec<RouteJson>,
    unscheduled: Vec<UnscheduledJson>,
    explanations: Vec<crate::explain::Explanation>,
}

#[derive(Serialize)]
struct Horizon {
    start: Option<NaiveDate>,
    end: Option<NaiveDate>,
    working_days: usize,
}

/// The route in plan.json's shape.
pub fn route_json(inst: &Instance, r: &crate::model::Route) -> RouteJson {
    let legs = route_legs(inst, r);
    let visits = r
        .visits
        .iter()
        .zip(&legs)
        .enumerate()
        .map(|(i, (v, leg))| {
            let firm = &inst.firms[v.firm];
            let mut departments: Vec<String> = inst
                .departments_of(&v.tasks)
                .iter()
                .map(|d| inst.departments[d].code.clone())
                .collect();
            departments.sort();
            VisitJson {
                seq: i + 1,
                firm_id: firm.id.clone(),
                firm_name: firm.name.clone(),
                contact: firm.contact.clone(),
                phone: firm.phone.clone(),
                notes: firm.notes.clone(),
                extra: firm.extra.clone(),
                task_ids: v.tasks.iter().map(|&t| inst.tasks[t].id.clone()).collect(),
                items: v
                    .tasks
                    .iter()
                    .map(|&t| inst.tasks[t].item.clone())
                    .collect(),
                departments,
                arrive: fmt_minute(v.arrive),
                start: fmt_minute(v.start),
                end: fmt_minute(v.end),
                depart: fmt_minute(v.depart),
                travel_km: round3(leg.km),
                travel_minutes: leg.minutes,
            }
        })
        .collect();
    let back = legs.last().copied().unwrap_or(Leg::default());
    RouteJson {
        team_id: inst.teams[r.team].id.clone(),
        date: inst.calendar.date(r.day),
        leave_base: fmt_minute(r.leave_base),
        return_base: fmt_minute(r.return_base),
        visits,
        return_travel_km: round3(back.km),
        return_travel_minutes: back.minutes,
        travel_km: round3(legs.iter().map(|l| l.km).sum()),
        travel_minutes: legs.iter().map(|l| l.minutes).sum(),
    }
}

/// Writes plan.json, pretty-printed with a final newline (it is read by people and diffed).
///
/// The plan must index into `inst` (as a verified plan does); the figures are recounted from
/// the plan by [`Kpis::of`] rather than taken from the planner.
pub fn write_plan_json<W: Write>(
    mut w: W,
    inst: &Instance,
    plan: &Plan,
    meta: &PlanMeta,
) -> std::io::Result<()> {
    let k = Kpis::of(inst, plan);
    let kpis = KpisJson {
        tasks: k.tasks,
        scheduled: k.scheduled,
        unscheduled: k.unscheduled,
        visits: k.visits,
        visits_lower_bound: meta.bounds.visits_lower_bound,
        visits_naive: meta.bounds.visits_naive,
        bounds_cut_by_time_limit: meta.bounds.cut_by_time_limit,
        visits_saved: meta.bounds.visits_naive as i64 - k.visits as i64,
        reduction_percent: reduction_percent(k.visits, meta.bounds.visits_naive),
        travel_km: round3(k.travel_km),
        travel_minutes: k.travel_minutes,
        onsite_minutes: k.onsite_minutes,
        routes: k.routes,
        firms_visited: k.firms_visited,
        firms_visited_more_than_once: k.firms_visited_more_than_once,
        unscheduled_by_reason: &k.unscheduled_by_reason,
        unscheduled_by_priority: &k.unscheduled_by_priority,
        visits_by_department: &k.visits_by_department,
        visits_by_township: &k.visits_by_township,
        team_workload: &k.team_workload,
    };
    let doc = PlanJson {
        format: PLAN_FORMAT,
        format_version: PLAN_FORMAT_VERSION,
        instance: &inst.name,
        workspace: meta.workspace.as_deref(),
        horizon: Horizon {
            start: inst.calendar.dates.first().copied(),
            end: inst.calendar.dates.last().copied(),
            working_days: inst.calendar.working_days().count(),
        },
        parameters: &meta.parameters,
        inputs: &meta.inputs,
        kpis,
        objective: &meta.objective,
        milp: &meta.milp,
        replan: meta.replan.as_ref(),
        statistics: meta
            .naive_counts
            .as_ref()
            .map(|n| super::statistics::statistics_json(&crate::stats::statistics(inst, plan, n))),
        routes: plan.routes.iter().map(|r| route_json(inst, r)).collect(),
        unscheduled: plan
            .unscheduled
            .iter()
            .map(|u| {
                let task = &inst.tasks[u.task];
                UnscheduledJson {
                    task_id: task.id.clone(),
                    department: inst.departments[task.department].code.clone(),
                    firm_id: inst.firms[task.firm].id.clone(),
                    priority: task.priority.as_str().to_owned(),
                    reason: u.reason.code().to_owned(),
                }
            })
            .collect(),
        explanations: crate::explain::explain_plan(inst, plan),
    };
    serde_json::to_writer_pretty(&mut w, &doc)?;
    w.write_all(b"\n")
}

/// The workspace as plan.json records it: the path from the plan folder `out` to
/// `workspace`, with `/` (`../data/demo-changshan`), so that moving both together keeps
/// `chayici report PLAN_DIR` working; the absolute path where no relative one exists (another
/// drive). Both are resolved first (links, `..`), so the same workspace and `--out` always
/// give the same text. `None` when the workspace cannot be resolved.
pub fn workspace_ref(workspace: &Path, out: &Path) -> Option<String> {
    let ws = std::fs::canonicalize(workspace).ok()?;
    let absolute = || ws.to_string_lossy().into_owned();
    Some(
        resolve(out)
            .and_then(|out| relative_path(&ws, &out))
            .unwrap_or_else(absolute),
    )
}

/// `path` made absolute with its existing part resolved (links, `..`) and the rest, which
/// cannot hold links, normalised as written (the plan folder may not exist yet).
fn resolve(path: &Path) -> Option<PathBuf> {
    let abs = std::path::absolute(path).ok()?;
    let mut out = PathBuf::new();
    let mut exists = true;
    for c in abs.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir if !exists => {
                out.pop();
            }
            _ => {
                out.push(c);
                if exists {
                    match std::fs::canonicalize(&out) {
                        Ok(p) => out = p,
                        Err(_) => exists = false,
                    }
                }
            }
        }
    }
    Some(out)
}

/// The path from folder `from` to `to`, both absolute and resolved, with `/`; `None` when
/// they share no root.
fn relative_path(to: &Path, from: &Path) -> Option<String> {
    let to: Vec<Component> = to.components().collect();
    let from: Vec<Component> = from.components().collect();
    let common = to.iter().zip(&from).take_while(|(a, b)| a == b).count();
    if common == 0 {
        return None;
    }
    let parts: Vec<String> = std::iter::repeat_n("..".to_owned(), from.len() - common)
        .chain(
            to[common..]
                .iter()
                .map(|c| c.as_os_str().to_string_lossy().into_owned()),
        )
        .collect();
    Some(if parts.is_empty() {
        ".".to_owned()
    } else {
        parts.join("/")
    })
}

/// Writes run.json: how this run went (elapsed time, threads), kept out of plan.json because
/// it differs between runs that produce the same plan.
pub fn write_run_json<W: Write>(mut w: W, timing: &Timing) -> std::io::Result<()> {
    serde_json::to_writer_pretty(&mut w, timing)?;
    w.write_all(b"\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_paths_climb_then_descend() {
        let rel = |to: &str, from: &str| relative_path(Path::new(to), Path::new(from));
        assert_eq!(
            rel("/a/data/ws", "/a/plans/m").as_deref(),
            Some("../../data/ws")
        );
        assert_eq!(rel("/a/ws", "/a/ws/out").as_deref(), Some(".."));
        assert_eq!(rel("/a", "/a").as_deref(), Some("."));
        assert_eq!(rel("/ws", "/tmp/x").as_deref(), Some("../../ws"));
    }

    #[test]
    fn a_plan_folder_not_yet_made_is_resolved_through_its_parent() {
        let tmp = tempfile::tempdir().unwrap();
        let ws = tmp.path().join("ws");
        std::fs::create_dir(&ws).unwrap();
        let out = tmp.path().join("plans/./new/../2026-12");
        assert_eq!(workspace_ref(&ws, &out).as_deref(), Some("../../ws"));
    }
}
