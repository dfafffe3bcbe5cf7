//! Turns VROOM's answer to a problem of [`super::vroom`] back into a chayici plan, so that
//! `chayici verify` judges it like any plan.
//!
//! The times are VROOM's, not recomputed: arrival and start of work from each job step, the
//! departure from a firm as the next arrival less the drive (so a wait or a lunch break taken
//! at the firm counts as time there), the return from the end step. A VROOM route that breaks
//! one of chayici's rules therefore shows up in the checker, not hidden by the conversion.
//! Jobs VROOM left unassigned are unscheduled with `no_capacity`; tasks the export left out
//! keep their reason.

use super::vroom::{SECONDS_PER_DAY, VroomExport, day_start};
use crate::i18n::Msg;
use crate::model::{Instance, Minute, Place, Plan, Reason, Route, TaskIndex, Unscheduled, Visit};
use crate::msg;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::fmt;

/// VROOM's solution, the parts the way back reads.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct VroomSolution {
    /// 0 when VROOM solved the problem.
    #[serde(default)]
    pub code: i64,
    /// VROOM's message when `code` is not 0.
    #[serde(default)]
    pub error: Option<String>,
    /// One per vehicle used.
    #[serde(default)]
    pub routes: Vec<SolutionRoute>,
    /// Jobs left out.
    #[serde(default)]
    pub unassigned: Vec<Unassigned>,
}

/// One vehicle's route.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct SolutionRoute {
    /// The vehicle's id.
    pub vehicle: u64,
    /// `start`, then jobs and breaks, then `end`.
    pub steps: Vec<Step>,
}

/// One step of a route.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Step {
    /// `start`, `job`, `break` or `end`.
    #[serde(rename = "type")]
    pub kind: String,
    /// The job's or break's id.
    #[serde(default)]
    pub id: Option<u64>,
    /// Second of arrival.
    pub arrival: u64,
    /// Seconds waited before service.
    #[serde(default)]
    pub waiting_time: u64,
    /// Seconds of service.
    #[serde(default)]
    pub service: u64,
}

/// A job VROOM did not place.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Unassigned {
    /// The job's id.
    pub id: u64,
}

/// Why a VROOM solution cannot be read as a plan of the workspace.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportError {
    /// VROOM reported an error instead of a solution.
    Solver(i64, String),
    /// A route names a vehicle the problem does not have.
    UnknownVehicle(u64),
    /// A step names a job the problem does not have.
    UnknownJob(u64),
    /// A job is placed twice (or placed and unassigned).
    JobTwice(u64),
    /// A vehicle has two routes.
    VehicleTwice(u64),
    /// A route has no start or end step.
    NoEnd(u64),
    /// A time lies outside the vehicle's day.
    OffDay(u64, u64),
}

impl ImportError {
    /// What is wrong, in the catalogue's words.
    pub fn msg(&self) -> Msg {
        match *self {
            Self::Solver(code, ref message) => msg!(ImportSolver, code = code, message = message),
            Self::UnknownVehicle(v) => msg!(ImportUnknownVehicle, vehicle = v),
            Self::UnknownJob(j) => msg!(ImportUnknownJob, job = j),
            Self::JobTwice(j) => msg!(ImportJobTwice, job = j),
            Self::VehicleTwice(v) => msg!(ImportVehicleTwice, vehicle = v),
            Self::NoEnd(v) => msg!(ImportNoEnd, vehicle = v),
            Self::OffDay(v, t) => msg!(ImportOffDay, vehicle = v, time = t),
        }
    }
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.msg().en())
    }
}

impl std::error::Error for ImportError {}

/// The plan `solution` describes, for the problem `export` made of `inst`.
pub fn plan_from_vroom(
    inst: &Instance,
    export: &VroomExport,
    solution: &VroomSolution,
) -> Result<Plan, ImportError> {
    if solution.code != 0 {
        let msg = solution.error.clone().unwrap_or_default();
        return Err(ImportError::Solver(solution.code, msg));
    }
    let mut placed = vec![false; export.bundles.len()];
    let mut place = |id: u64| -> Result<&[TaskIndex], ImportError> {
        let i = usize::try_from(id)
            .ok()
            .and_then(|i| i.checked_sub(1))
            .filter(|&i| i < placed.len())
            .ok_or(ImportError::UnknownJob(id))?;
        if std::mem::replace(&mut placed[i], true) {
            return Err(ImportError::JobTwice(id));
        }
        Ok(&export.bundles[i])
    };
    let mut routes = Vec::new();
    let mut vehicles_seen = BTreeMap::new();
    for r in &solution.routes {
        let (team, day) = usize::try_from(r.vehicle)
            .ok()
            .and_then(|i| i.checked_sub(1))
            .and_then(|i| export.team_days.get(i))
            .copied()
            .ok_or(ImportError::UnknownVehicle(r.vehicle))?;
        if vehicles_seen.insert(r.vehicle, ()).is_some() {
            return Err(ImportError::VehicleTwice(r.vehicle));
        }
        let minute = |s: u64| -> Result<Minute, ImportError> {
            s.checked_sub(day_start(day))
                .filter(|&x| x < SECONDS_PER_DAY)
                .map(|x| x.div_ceil(60) as Minute)
                .ok_or(ImportError::OffDay(r.vehicle, s))
        };
        let mut visits: Vec<Visit> = Vec::new();
        for step in r.steps.iter().filter(|s| s.kind == "job") {
            let tasks = place(step.id.unwrap_or(0))?.to_vec();
            let firm = inst.tasks[tasks[0]].firm;
            let arrive = minute(step.arrival)?;
            let start = minute(step.arrival + step.waiting_time)?;
            visits.push(Visit {
                firm,
                tasks,
                arrive,
                start,
                end: start + (step.service / 60) as Minute,
                depart: 0,
            });
        }
        let end = r
            .steps
            .iter()
            .rfind(|s| s.kind == "end")
            .ok_or(ImportError::NoEnd(r.vehicle))?;
        let return_base = minute(end.arrival)?;
        let Some(first) = visits.first() else {
            continue;
        };
        let drive = |a: Place, b: Place| inst.travel_minutes(a, b);
        let leave_base = first
            .arrive
            .saturating_sub(drive(Place::Base(team), Place::Firm(first.firm)));
        for i in 0..visits.len() {
            let (next_arrive, next) = match visits.get(i + 1) {
                Some(n) => (n.arrive, Place::Firm(n.firm)),
                None => (return_base, Place::Base(team)),
            };
            let d = drive(Place::Firm(visits[i].firm), next);
            visits[i].depart = next_arrive.saturating_sub(d);
        }
        routes.push(Route {
            team,
            day,
            leave_base,
            visits,
            return_base,
        });
    }
    for u in &solution.unassigned {
        place(u.id)?;
    }
    routes.sort_by_key(|r| (r.day, r.team));
    let reasons: BTreeMap<TaskIndex, Reason> = export.left_out.iter().copied().collect();
    let mut scheduled = vec![false; inst.tasks.len()];
    for t in routes.iter().flat_map(|r| &r.visits).flat_map(|v| &v.tasks) {
        scheduled[*t] = true;
    }
    let unscheduled = (0..inst.tasks.len())
        .filter(|&t| !scheduled[t])
        .map(|task| Unscheduled {
            task,
            reason: reasons.get(&task).copied().unwrap_or(Reason::NoCapacity),
        })
        .collect();
    Ok(Plan {
        routes,
        unscheduled,
    })
}
