//! Provides the replan's starting point (`chayici plan --keep OLD --from DATE`): what of the
//! published plan is fixed, what goes back to be planned, and the instance the planner sees.
//!
//! Decisions, in the README's words ("During the month"):
//! - a visit before the replanning date happened as published: it is fixed with the tasks
//!   done there, and keeps its times unless tasks left it, when it is timed again;
//! - a task of such a visit goes back to be planned from the date on when `done.csv` marks it
//!   `not_done`, `firm_closed` or `postponed`, when `absences.csv` (or `teams.csv`) now keeps
//!   its team home that day, or when its team or firm left the register;
//! - a task id the workspace no longer has is dropped and listed ([`ReplanNotes::vanished`]);
//! - a `done` row for a task the plan had not sent a team to before the date changes
//!   nothing: the task is planned as usual, and the row is listed
//!   ([`ReplanNotes::done_ignored`]);
//! - from the date on, nothing is fixed: the old visits are where the planner starts, and
//!   each change costs its stability weight ([`crate::solve::Keep`]).
//!
//! The planner sees a copy of the instance in which no team works before the date and no
//! window starts before it: nothing new can land in the past, and a task whose window has
//! passed is left out with `no_working_day_in_window`.

use crate::model::{
    DayIndex, DoneStatus, Instance, PlanSnapshot, Route, RouteSnap, TaskIndex, TeamIndex, Visit,
};
use crate::solve::{Keep, KeptRoute};
use std::collections::HashMap;

/// Why a task of a visit before the replanning date is planned again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Freed {
    /// `done.csv` says it was not done, with this status.
    NotDone(DoneStatus),
    /// Its team does not work that day any more (an absence recorded since).
    TeamAbsent,
    /// Its team or firm is no longer in the register, or the task now belongs to another firm.
    NoLongerMatches,
}

impl Freed {
    /// The code the summary and plan.json use.
    pub fn code(&self) -> &'static str {
        match self {
            Freed::NotDone(s) => s.code(),
            Freed::TeamAbsent => "team_absent",
            Freed::NoLongerMatches => "no_longer_matches",
        }
    }
}

/// What the replan did with the published plan, for the summary and plan.json.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ReplanNotes {
    /// The replanning date.
    pub from: DayIndex,
    /// Visits and tasks fixed before the date.
    pub fixed_visits: usize,
    /// Tasks in the fixed visits.
    pub fixed_tasks: usize,
    /// Tasks of visits before the date planned again, with why, in task order.
    pub freed: Vec<(TaskIndex, Freed)>,
    /// Task ids the published plan names that the workspace no longer has.
    pub vanished: Vec<String>,
    /// `done.csv` rows saying `done` for tasks the plan had not visited before the date.
    pub done_ignored: Vec<TaskIndex>,
    /// Tasks the published plan neither scheduled nor left out: new since.
    pub new_tasks: Vec<TaskIndex>,
    /// Visits of the published plan from the date on, where the planner starts.
    pub previous_visits: usize,
}

/// What [`prepare`] hands the planner.
#[derive(Debug, Clone)]
pub struct Replan {
    /// The instance the planner sees: no team works, and no window starts, before the date.
    pub planning: Instance,
    /// What the planner keeps.
    pub keep: Keep,
    /// What was done with the published plan.
    pub notes: ReplanNotes,
}

/// The replan of `inst` from day `from` on, starting from the published plan `prev`.
pub fn prepare(inst: &Instance, prev: &PlanSnapshot, from: DayIndex) -> Replan {
    let index = |ids: Vec<&str>| -> HashMap<String, usize> {
        ids.into_iter()
            .enumerate()
            .map(|(i, s)| (s.to_owned(), i))
            .collect()
    };
    let tasks = index(inst.tasks.iter().map(|t| t.id.as_str()).collect());
    let firms = index(inst.firms.iter().map(|f| f.id.as_str()).collect());
    let teams = index(inst.teams.iter().map(|t| t.id.as_str()).collect());
    let mut notes = ReplanNotes {
        from,
        ..ReplanNotes::default()
    };
    let mut seen = vec![false; inst.tasks.len()];
    let mut keep = Keep::default();
    let mut fixed_seen = vec![false; inst.tasks.len()];
    for r in &prev.routes {
        let team = teams.get(&r.team).copied();
        let day = inst.calendar.index_of(r.date);
        let past = r.date < date_of(inst, from);
        let mut visits: Vec<(Vec<TaskIndex>, usize)> = Vec::new();
        let mut changed = false;
        for (i, v) in r.visits.iter().enumerate() {
            let firm = firms.get(&v.firm).copied();
            let mut kept = Vec::new();
            for id in &v.tasks {
                let Some(&t) = tasks.get(id) else {
                    if !notes.vanished.contains(id) {
                        notes.vanished.push(id.clone());
                    }
                    changed = true;
                    continue;
                };
                if std::mem::replace(&mut seen[t], true) {
                    changed = true;
                    continue;
                }
                let why = if team.is_none() || firm != Some(inst.tasks[t].firm) {
                    Some(Freed::NoLongerMatches)
                } else if past && !day.is_some_and(|d| inst.teams[team.unwrap_or(0)].works_on(d)) {
                    Some(Freed::TeamAbsent)
                } else if past {
                    inst.month
                        .status_of(t)
                        .filter(DoneStatus::needs_visit)
                        .map(Freed::NotDone)
                } else {
                    None
                };
                match why {
                    Some(why) if past => {
                        notes.freed.push((t, why));
                        changed = true;
                    }
                    Some(_) => changed = true,
                    None => kept.push(t),
                }
            }
            kept.sort_unstable();
            if !kept.is_empty() {
                visits.push((kept, i));
            }
        }
        let (Some(team), Some(day)) = (team, day) else {
            continue;
        };
        if past {
            visits
                .iter()
                .flat_map(|(v, _)| v)
                .for_each(|&t| fixed_seen[t] = true);
            notes.fixed_visits += visits.len();
            notes.fixed_tasks += visits.iter().map(|(v, _)| v.len()).sum::<usize>();
            let as_was = (!changed && visits.len() == r.visits.len())
                .then(|| published(inst, r, team, day, &visits));
            keep.fixed.push(KeptRoute {
                team,
                day,
                visits: visits.into_iter().map(|(v, _)| v).collect(),
                as_was,
            });
        } else {
            notes.previous_visits += visits.len();
            keep.previous.push(KeptRoute {
                team,
                day,
                visits: visits.into_iter().map(|(v, _)| v).collect(),
                as_was: None,
            });
        }
    }
    notes.freed.sort_by_key(|&(t, _)| t);
    for d in &inst.month.done {
        if d.status == DoneStatus::Done
            && !fixed_seen[d.task]
            && !notes.done_ignored.contains(&d.task)
        {
            notes.done_ignored.push(d.task);
        }
    }
    for id in &prev.unscheduled {
        if let Some(&t) = tasks.get(id) {
            seen[t] = true;
        }
    }
    notes.new_tasks = (0..inst.tasks.len()).filter(|&t| !seen[t]).collect();
    Replan {
        planning: planning_instance(inst, from),
        keep,
        notes,
    }
}

fn date_of(inst: &Instance, day: DayIndex) -> chrono::NaiveDate {
    inst.calendar
        .date(day.min(inst.calendar.len().saturating_sub(1)))
}

/// The published route with its times, in the instance's indices; `visits` are its visits
/// (by position), each with all its tasks.
fn published(
    inst: &Instance,
    r: &RouteSnap,
    team: TeamIndex,
    day: DayIndex,
    visits: &[(Vec<TaskIndex>, usize)],
) -> Route {
    Route {
        team,
        day,
        leave_base: r.leave_base,
        visits: visits
            .iter()
            .map(|(tasks, i)| {
                let v = &r.visits[*i];
                Visit {
                    firm: inst.tasks[tasks[0]].firm,
                    tasks: tasks.clone(),
                    arrive: v.arrive,
                    start: v.start,
                    end: v.end,
                    depart: v.depart,
                }
            })
            .collect(),
        return_base: r.return_base,
    }
}

/// The instance the planner sees from day `from` on: no team works before it, and no task's
/// window starts before it.
pub fn planning_instance(inst: &Instance, from: DayIndex) -> Instance {
    let mut planning = inst.clone();
    for team in &mut planning.teams {
        for d in 0..from.min(team.available.len()) {
            team.available[d] = false;
        }
    }
    for task in &mut planning.tasks {
        task.first_day = task.first_day.max(from);
    }
    planning
}

/// How many of the old visits from the replanning date on (`previous`) the plan has exactly:
/// the same team, day and tasks.
pub fn kept_visits(previous: &[KeptRoute], plan: &crate::model::Plan) -> usize {
    let now: std::collections::HashSet<(TeamIndex, DayIndex, &[TaskIndex])> = plan
        .routes
        .iter()
        .flat_map(|r| r.visits.iter().map(move |v| (r.team, r.day, &v.tasks[..])))
        .collect();
    previous
        .iter()
        .flat_map(|k| k.visits.iter().map(move |v| (k.team, k.day, &v[..])))
        .filter(|key| now.contains(key))
        .count()
}
