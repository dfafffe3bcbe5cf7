//! Checks a replan (`plan --keep OLD --from DATE`) against the plan it started from: what
//! was done before the replanning date stays exactly where it was, and nothing is added there.
//!
//! What counts as done is recomputed here from the published plan and the workspace, by the
//! README's definition, not taken from the replan: a task of a visit before the date is done
//! there unless `done.csv` marks it otherwise, its team does not work that day any more, or
//! its task, team or firm has left the workspace.

use super::{Violation, ViolationKind as K};
use crate::model::{DayIndex, Instance, Plan, PlanSnapshot};
use crate::msg;
use std::collections::HashMap;

/// Pushes a violation for every task done before `from` that the plan moved or dropped, and
/// for every task the plan puts before `from` that was not done there.
pub(super) fn check(
    inst: &Instance,
    plan: &Plan,
    prev: &PlanSnapshot,
    from: DayIndex,
    out: &mut Vec<Violation>,
) {
    let Some(&from_date) = inst.calendar.dates.get(from) else {
        out.push(Violation::from_msg(
            K::IndexOutOfRange,
            msg!(ViolationLockFromOutside, day = from),
        ));
        return;
    };
    let task_of: HashMap<&str, usize> = inst
        .tasks
        .iter()
        .enumerate()
        .map(|(i, t)| (t.id.as_str(), i))
        .collect();
    let team_of: HashMap<&str, usize> = inst
        .teams
        .iter()
        .enumerate()
        .map(|(i, t)| (t.id.as_str(), i))
        .collect();
    // Where the plan has each task: (team, day, firm).
    let mut now: HashMap<usize, (usize, usize, usize)> = HashMap::new();
    for r in &plan.routes {
        for v in &r.visits {
            for &t in &v.tasks {
                now.entry(t).or_insert((r.team, r.day, v.firm));
            }
        }
    }
    let done_before = |status: Option<crate::model::DoneStatus>| {
        status.is_none_or(|s| s == crate::model::DoneStatus::Done)
    };
    let mut expected: HashMap<usize, (usize, usize, usize)> = HashMap::new();
    for r in prev.routes.iter().filter(|r| r.date < from_date) {
        let (Some(&team), Some(day)) =
            (team_of.get(r.team.as_str()), inst.calendar.index_of(r.date))
        else {
            continue;
        };
        if !inst.teams[team].works_on(day) || !inst.calendar.is_working(day) {
            continue;
        }
        for v in &r.visits {
            for id in &v.tasks {
                let Some(&t) = task_of.get(id.as_str()) else {
                    continue;
                };
                let firm = inst.tasks[t].firm;
                if inst.firms[firm].id != v.firm || !done_before(inst.month.status_of(t)) {
                    continue;
                }
                expected.entry(t).or_insert((team, day, firm));
            }
        }
    }
    let mut tasks: Vec<_> = expected.iter().collect();
    tasks.sort();
    for (&t, &(team, day, _)) in tasks {
        let task = &inst.tasks[t];
        let was = msg!(
            ViolationLockWas,
            team = &inst.teams[team].id,
            date = inst.calendar.date(day)
        );
        let v = match now.get(&t) {
            Some(&(team2, day2, _)) if (team2, day2) == (team, day) => continue,
            Some(&(team2, day2, _)) => Violation::from_msg(
                K::FixedVisitMoved,
                msg!(
                    ViolationLockMoved,
                    was = was,
                    team = inst.teams.get(team2).map_or("?", |t| t.id.as_str()),
                    date = inst
                        .calendar
                        .dates
                        .get(day2)
                        .map_or_else(|| format!("day #{day2}"), |d| d.to_string())
                ),
            ),
            None => Violation::from_msg(K::FixedVisitMoved, msg!(ViolationLockDropped, was = was)),
        };
        out.push(v.task(&task.id));
    }
    let mut added: Vec<(usize, usize, usize)> = now
        .iter()
        .filter(|&(t, &(_, day, _))| day < from && !expected.contains_key(t))
        .map(|(&t, &(team, day, _))| (day, team, t))
        .collect();
    added.sort_unstable();
    for (day, team, t) in added {
        let (Some(task), Some(tm), Some(&date)) = (
            inst.tasks.get(t),
            inst.teams.get(team),
            inst.calendar.dates.get(day),
        ) else {
            continue;
        };
        out.push(
            Violation::from_msg(
                K::ChangedBeforeFrom,
                msg!(ViolationLockAdded, date = date, from = from_date),
            )
            .task(&task.id)
            .team(&tm.id)
            .date(date),
        );
    }
}

/// The instance whose reasons a replan's unscheduled tasks must meet: days before `from` have
/// passed, so no team works then and no window of a task the plan did not do then starts
/// before `from`.
pub(super) fn from_on(inst: &Instance, plan: &Plan, from: DayIndex) -> Instance {
    let mut on = inst.clone();
    for team in &mut on.teams {
        for d in 0..from.min(team.available.len()) {
            team.available[d] = false;
        }
    }
    let mut before = vec![false; inst.tasks.len()];
    for r in plan.routes.iter().filter(|r| r.day < from) {
        for &t in r.visits.iter().flat_map(|v| &v.tasks) {
            if let Some(b) = before.get_mut(t) {
                *b = true;
            }
        }
    }
    for (t, task) in on.tasks.iter_mut().enumerate() {
        if !before[t] {
            task.first_day = task.first_day.max(from);
        }
    }
    on
}
