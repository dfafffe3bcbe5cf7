//! Writes a workspace as a VROOM problem (VROOM's JSON input, also what pyvroom is fed).
//!
//! The bundling is the planner's: one job per group of the bounds' witness partition, the
//! tasks of one firm that can share a visit, so that VROOM only routes and the comparison is
//! about kilometres, not about how tasks were merged. The mapping:
//!
//! - a job per bundle: `skills` its departments (and its pinned team, if any), `service` the
//!   visit's on-site minutes, `delivery` its demand when some team has a daily capacity,
//!   `time_windows` the firm's opening windows on every day some team could do the visit,
//!   each cut so that the work ends inside the window (VROOM's windows bound the start);
//! - a vehicle per team and working day: start and end at the team's base, the day's shift as
//!   its window, each lunch gap as a break (a break blocks both work and driving, so VROOM's
//!   routes are feasible in chayici's model, where driving may cross lunch);
//! - times in seconds from midnight of the horizon's first day; the matrices from the
//!   instance's travel model (its table when it has one): durations in seconds, distances
//!   in metres, and costs equal to the distances, with a team-day's weight as the vehicle's
//!   fixed cost, so that VROOM minimises what the planner minimises with `balance_minute = 0`.
//!
//! Not expressible, and left to `chayici verify` to judge on the way back: a team's
//! `max_days` (VROOM knows no link between the vehicles of one team).

use crate::graph::{GroupNeeds, VisitBounds, slots};
use crate::model::{DayIndex, FirmIndex, Instance, Place, Priority, Reason, TaskIndex, TeamIndex};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Seconds in a day: day `d` of the horizon starts at `d * SECONDS_PER_DAY`.
pub const SECONDS_PER_DAY: u64 = 86_400;

/// The one routing profile of the problem.
pub const PROFILE: &str = "car";

/// A VROOM problem, as VROOM's JSON input spells it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Problem {
    /// One per team and working day.
    pub vehicles: Vec<Vehicle>,
    /// One per bundle of tasks.
    pub jobs: Vec<Job>,
    /// The matrices of [`PROFILE`].
    pub matrices: BTreeMap<String, Matrices>,
}

/// Square matrices over the problem's locations (firms with jobs, then the teams' bases).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Matrices {
    /// Driving seconds.
    pub durations: Vec<Vec<u64>>,
    /// Road metres.
    pub distances: Vec<Vec<u64>>,
    /// What VROOM minimises: the metres.
    pub costs: Vec<Vec<u64>>,
}

/// One team on one day.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Vehicle {
    /// 1-based; vehicle `i` is [`VroomExport::team_days`]`[i - 1]`.
    pub id: u64,
    /// `TEAM_ID DATE`, for people reading the file.
    pub description: String,
    /// [`PROFILE`].
    pub profile: String,
    /// The team's base.
    pub start_index: usize,
    /// The team's base.
    pub end_index: usize,
    /// Departments covered, and the team's own skill for pinned tasks.
    pub skills: Vec<u32>,
    /// The day's shift, from its first start to its last end.
    pub time_window: [u64; 2],
    /// The team's daily capacity, when some team has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub capacity: Option<Vec<u64>>,
    /// The gaps of the shift (lunch).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub breaks: Vec<Break>,
    /// A team-day's weight, in metres.
    pub costs: VehicleCosts,
}

/// A gap of a shift: no work, no driving.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Break {
    /// 1-based within its vehicle.
    pub id: u64,
    /// `lunch` or `break`.
    pub description: String,
    /// The gap's start, exactly.
    pub time_windows: Vec<[u64; 2]>,
    /// The gap's length in seconds.
    pub service: u64,
}

/// A vehicle's costs beside the matrix.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct VehicleCosts {
    /// Cost of using the vehicle at all.
    pub fixed: u64,
}

/// One bundle of a firm's tasks, done in one visit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Job {
    /// 1-based; job `i` is [`VroomExport::bundles`]`[i - 1]`.
    pub id: u64,
    /// `FIRM_ID: TASK_ID TASK_ID …`, for people reading the file.
    pub description: String,
    /// The firm's row of the matrices.
    pub location_index: usize,
    /// On-site seconds, setup included.
    pub service: u64,
    /// Departments, and the pinned team's skill.
    pub skills: Vec<u32>,
    /// 100 for a mandatory task, 10 normal, 1 low, summed over the bundle up to 100.
    pub priority: u32,
    /// Allowed starts of service, sorted.
    pub time_windows: Vec<[u64; 2]>,
    /// The bundle's demand, when some team has a daily capacity.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delivery: Option<Vec<u64>>,
}

/// A problem and what its ids stand for, for the way back.
#[derive(Debug, Clone, PartialEq)]
pub struct VroomExport {
    /// The problem.
    pub problem: Problem,
    /// Tasks of each job, by job id minus one, each in task order.
    pub bundles: Vec<Vec<TaskIndex>>,
    /// Team and day of each vehicle, by vehicle id minus one.
    pub team_days: Vec<(TeamIndex, DayIndex)>,
    /// Tasks no job holds, with why: those no plan can schedule.
    pub left_out: Vec<(TaskIndex, Reason)>,
}

/// The workspace `inst` as a VROOM problem, bundled as `bounds` (from
/// [`crate::graph::visit_bounds`] on `inst`) partitions each firm's tasks.
pub fn vroom_problem(inst: &Instance, bounds: &VisitBounds) -> VroomExport {
    let mut left_out = bounds.unschedulable.clone();
    let mut bundles = Vec::new();
    let mut windows = Vec::new();
    for group in bounds.per_firm.iter().flat_map(|f| &f.groups) {
        let mut tasks = group.clone();
        tasks.sort_unstable();
        match GroupNeeds::of(inst, &tasks).map(|n| (n, job_windows(inst, &n))) {
            Some((needs, w)) if !w.is_empty() => {
                bundles.push((needs, tasks));
                windows.push(w);
            }
            // A witness group always has a slot; should one not, its tasks are reported as
            // left out rather than sent to VROOM with no window at all.
            _ => left_out.extend(tasks.iter().map(|&t| (t, Reason::NoTeamAvailable))),
        }
    }
    left_out.sort_unstable();

    let mut firms: Vec<FirmIndex> = bundles.iter().map(|(n, _)| n.firm).collect();
    firms.sort_unstable();
    firms.dedup();
    let firm_row: BTreeMap<FirmIndex, usize> =
        firms.iter().enumerate().map(|(i, &f)| (f, i)).collect();
    let places: Vec<Place> = firms
        .iter()
        .map(|&f| Place::Firm(f))
        .chain((0..inst.teams.len()).map(Place::Base))
        .collect();
    let base_row = |t: TeamIndex| firms.len() + t;

    let departments = inst.departments.len() as u32;
    let capacity = inst.teams.iter().any(|t| t.capacity_per_day.is_some());
    let jobs = bundles
        .iter()
        .zip(windows)
        .enumerate()
        .map(|(i, ((needs, tasks), time_windows))| {
            let mut skills: Vec<u32> = needs.departments.iter().map(|d| d as u32).collect();
            if let crate::graph::TeamChoice::Only(t) = needs.team {
                skills.push(departments + t as u32);
            }
            Job {
                id: i as u64 + 1,
                description: job_description(inst, needs.firm, tasks),
                location_index: firm_row[&needs.firm],
                service: u64::from(needs.minutes) * 60,
                skills,
                priority: priority(inst, tasks),
                time_windows,
                delivery: capacity
                    .then(|| vec![tasks.iter().map(|&t| u64::from(inst.tasks[t].demand)).sum()]),
            }
        })
        .collect();

    let fixed = team_day_metres(inst);
    let mut team_days = Vec::new();
    let mut vehicles = Vec::new();
    for day in inst.calendar.working_days() {
        for (t, team) in inst.teams.iter().enumerate() {
            if !team.works_on(day) || team.shift.windows.is_empty() {
                continue;
            }
            team_days.push((t, day));
            let at = |m: u32| day_start(day) + u64::from(m) * 60;
            let mut skills: Vec<u32> = team.departments.iter().map(|d| d as u32).collect();
            skills.push(departments + t as u32);
            vehicles.push(Vehicle {
                id: team_days.len() as u64,
                description: format!("{} {}", team.id, inst.calendar.date(day)),
                profile: PROFILE.into(),
                start_index: base_row(t),
                end_index: base_row(t),
                skills,
                time_window: [at(team.shift.start()), at(team.shift.end())],
                capacity: capacity
                    .then(|| vec![team.capacity_per_day.map_or(u64::from(u32::MAX), u64::from)]),
                breaks: team
                    .shift
                    .windows
                    .windows(2)
                    .enumerate()
                    .map(|(k, w)| Break {
                        id: k as u64 + 1,
                        description: if k == 0 { "lunch" } else { "break" }.into(),
                        time_windows: vec![[at(w[0].end), at(w[0].end)]],
                        service: u64::from(w[1].start - w[0].end) * 60,
                    })
                    .collect(),
                costs: VehicleCosts { fixed },
            });
        }
    }

    let durations = matrix(&places, |a, b| u64::from(inst.travel_minutes(a, b)) * 60);
    let distances = matrix(&places, |a, b| metres(inst.travel_km(a, b)));
    let matrices = Matrices {
        costs: distances.clone(),
        durations,
        distances,
    };
    VroomExport {
        problem: Problem {
            vehicles,
            jobs,
            matrices: BTreeMap::from([(PROFILE.to_string(), matrices)]),
        },
        bundles: bundles.into_iter().map(|(_, t)| t).collect(),
        team_days,
        left_out,
    }
}

/// Second of the horizon at which day `day` starts.
pub fn day_start(day: DayIndex) -> u64 {
    day as u64 * SECONDS_PER_DAY
}

/// Allowed starts of a visit with `needs`: on every day some team could do it, each opening
/// window of the firm long enough for the work, cut so that the work ends inside it.
fn job_windows(inst: &Instance, needs: &GroupNeeds) -> Vec<[u64; 2]> {
    let mut days: Vec<DayIndex> = slots(inst, *needs).map(|(d, _)| d).collect();
    days.dedup();
    let mut out = Vec::new();
    for day in days {
        let date = inst.calendar.date(day);
        for w in inst.firms[needs.firm].hours.windows_on(date) {
            if w.len() >= needs.minutes {
                let s = day_start(day);
                out.push([
                    s + u64::from(w.start) * 60,
                    s + u64::from(w.end - needs.minutes) * 60,
                ]);
            }
        }
    }
    out
}

/// A team-day's weight in metres of driving, the unit of the cost matrix.
fn team_day_metres(inst: &Instance) -> u64 {
    let w = &inst.settings.weights;
    if w.travel_km > 0.0 {
        metres(w.route / w.travel_km)
    } else {
        0
    }
}

fn metres(km: f64) -> u64 {
    (km * 1000.0).round().max(0.0) as u64
}

fn priority(inst: &Instance, tasks: &[TaskIndex]) -> u32 {
    let sum: u32 = tasks
        .iter()
        .map(|&t| match inst.tasks[t].priority {
            Priority::Mandatory => 100,
            Priority::Normal => 10,
            Priority::Low => 1,
        })
        .sum();
    sum.min(100)
}

fn job_description(inst: &Instance, firm: FirmIndex, tasks: &[TaskIndex]) -> String {
    let ids: Vec<&str> = tasks.iter().map(|&t| inst.tasks[t].id.as_str()).collect();
    format!("{}: {}", inst.firms[firm].id, ids.join(" "))
}

fn matrix(places: &[Place], f: impl Fn(Place, Place) -> u64) -> Vec<Vec<u64>> {
    places
        .iter()
        .map(|&a| places.iter().map(|&b| f(a, b)).collect())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::devtools::synth::{SynthParams, random_instance};
    use crate::graph::visit_bounds;

    #[test]
    fn every_schedulable_task_is_in_one_job_and_every_window_fits_the_service() {
        let inst = random_instance(7, &SynthParams::default());
        let bounds = visit_bounds(&inst);
        let e = vroom_problem(&inst, &bounds);
        let mut seen: Vec<TaskIndex> = e.bundles.iter().flatten().copied().collect();
        seen.extend(e.left_out.iter().map(|&(t, _)| t));
        seen.sort_unstable();
        assert_eq!(seen, (0..inst.tasks.len()).collect::<Vec<_>>());
        assert_eq!(e.problem.jobs.len(), e.bundles.len());
        for job in &e.problem.jobs {
            assert!(!job.time_windows.is_empty());
            for w in &job.time_windows {
                assert!(w[0] <= w[1], "{job:?}");
            }
        }
        let m = &e.problem.matrices[PROFILE];
        let n = m.durations.len();
        assert!(e.problem.jobs.iter().all(|j| j.location_index < n));
        assert!(
            e.problem
                .vehicles
                .iter()
                .all(|v| v.start_index < n && v.time_window[0] < v.time_window[1])
        );
    }
}
