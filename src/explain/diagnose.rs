//! Finds why two groups of one firm's tasks are not one visit, in the order a clerk would
//! check it: pins, dates, teams, the firm's days, the teams' days, the minutes on site.
//!
//! It asks the merge graph's own tests ([`crate::graph::GroupNeeds`],
//! [`crate::graph::team_can_visit_on`], [`crate::graph::can_share_visit`]), so an explanation
//! never disagrees with what the planner and the bounds were allowed to do.

use super::{DayRange, ExplanationKind as K, Facts, TeamCoverage};
use crate::graph::{GroupNeeds, TeamChoice, can_share_visit, fits, longest_common_window};
use crate::model::{DeptSet, Instance, TaskIndex};

/// Why `a` and `b` (tasks of one firm, each group one visit or one task) are not one visit,
/// with the facts that show it.
pub fn why_apart(inst: &Instance, a: &[TaskIndex], b: &[TaskIndex]) -> (K, Facts) {
    let mut union: Vec<TaskIndex> = a.iter().chain(b).copied().collect();
    union.sort_unstable();
    union.dedup();
    let (Some(na), Some(nb), Some(nu)) = (
        GroupNeeds::of(inst, a),
        GroupNeeds::of(inst, b),
        GroupNeeds::of(inst, &union),
    ) else {
        return (K::CapacitySpent, Facts::default());
    };
    let mut facts = Facts::default();
    let pinned: Vec<&TaskIndex> = union
        .iter()
        .filter(|&&t| inst.tasks[t].pin.is_some())
        .collect();
    if nu.team == TeamChoice::Clash
        || (!nu.has_common_day() && pinned.iter().any(|&&t| day_pinned(inst, t)))
    {
        facts.pins = pinned
            .iter()
            .map(|&&t| {
                let task = &inst.tasks[t];
                let pin = task.pin.as_ref();
                let team = pin
                    .and_then(|p| p.team)
                    .map(|i| inst.teams[i].id.clone())
                    .unwrap_or_default();
                let day = pin
                    .and_then(|p| p.day)
                    .map(|d| inst.calendar.date(d).to_string())
                    .unwrap_or_default();
                format!("{}:{}@{}", task.id, team, day)
            })
            .collect();
        return (K::PinnedApart, facts);
    }
    if !nu.has_common_day() {
        let (early, late, early_tasks, late_tasks) = if na.first_day <= nb.first_day {
            (na, nb, a, b)
        } else {
            (nb, na, b, a)
        };
        // The two tasks whose windows end and start the gap.
        let first_ending = early_tasks
            .iter()
            .copied()
            .find(|&t| crate::graph::task_window(&inst.tasks[t]).1 == early.last_day);
        let last_starting = late_tasks
            .iter()
            .copied()
            .find(|&t| crate::graph::task_window(&inst.tasks[t]).0 == late.first_day);
        let range = |n: &GroupNeeds| DayRange::of(inst, n.first_day, n.last_day);
        facts.window_a = Some(range(&early));
        facts.window_b = Some(range(&late));
        facts.task_a = first_ending.map(|t| inst.tasks[t].id.clone());
        facts.task_b = last_starting.map(|t| inst.tasks[t].id.clone());
        facts.gap_days = Some(late.first_day as i64 - early.last_day as i64);
        return (K::WindowsApart, facts);
    }
    let covering: Vec<usize> = (0..inst.teams.len())
        .filter(|&t| nu.team.allows(t) && inst.teams[t].departments.covers(nu.departments))
        .collect();
    if covering.is_empty() {
        facts.departments = codes(inst, nu.departments);
        facts.teams = inst
            .teams
            .iter()
            .map(|t| TeamCoverage {
                team: t.id.clone(),
                departments: codes(inst, t.departments),
            })
            .collect();
        return (K::NoTeamCovers, facts);
    }
    let last = nu.last_day.min(inst.calendar.len().saturating_sub(1));
    facts.shared = Some(DayRange::of(inst, nu.first_day, last));
    let open: Vec<usize> = (nu.first_day..=last)
        .filter(|&d| inst.firm_open_on(nu.firm, d))
        .collect();
    if open.is_empty() {
        return (K::FirmClosed, facts);
    }
    let firm = &inst.firms[nu.firm];
    let fit = open
        .iter()
        .flat_map(|&d| covering.iter().map(move |&t| (d, t)))
        .filter(|&(d, t)| inst.teams[t].works_on(d))
        .map(|(d, t)| {
            longest_common_window(
                &inst.teams[t].shift.windows,
                firm.hours.windows_on(inst.calendar.date(d)),
            )
        })
        .max();
    let Some(fit) = fit else {
        facts.teams = covering
            .iter()
            .map(|&t| TeamCoverage {
                team: inst.teams[t].id.clone(),
                departments: codes(inst, inst.teams[t].departments),
            })
            .collect();
        return (K::TeamsAway, facts);
    };
    if !fits(fit, nu.minutes) {
        facts.minutes_needed = Some(nu.minutes);
        facts.minutes_available = Some(fit);
        return (K::TooLongForHours, facts);
    }
    debug_assert!(can_share_visit(inst, &union));
    (K::CapacitySpent, facts)
}

fn day_pinned(inst: &Instance, t: TaskIndex) -> bool {
    inst.tasks[t].pin.as_ref().is_some_and(|p| p.day.is_some())
}

/// The departments' codes, in index order.
pub fn codes(inst: &Instance, set: DeptSet) -> Vec<String> {
    set.iter()
        .filter(|&d| d < inst.departments.len())
        .map(|d| inst.departments[d].code.clone())
        .collect()
}
