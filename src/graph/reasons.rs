//! Explains why a task can never be scheduled, whatever the planner does.
//!
//! The checks run from the coarsest cause to the finest, so that a clerk fixing the first
//! reason reported is fixing the real obstacle: a task nobody may inspect is reported as such
//! even when its window is also empty.

use super::feasibility::{GroupNeeds, fits, longest_common_window, slots};
use crate::model::{DayIndex, Instance, Reason, TaskIndex};

/// Why `task` can never be scheduled, or `None` when some team on some day could do it alone.
///
/// `None` exactly when [`super::can_share_visit`] holds for the task alone. When every single
/// cause below is absent but the task still fits no (day, team) — say the only team whose
/// shift is long enough never works on an open day — the reason is
/// [`Reason::NoTeamAvailable`].
pub fn unschedulable_reason(inst: &Instance, task: TaskIndex) -> Option<Reason> {
    let t = &inst.tasks[task];
    let needs = GroupNeeds::of(inst, &[task])?;
    let covering = || {
        inst.teams
            .iter()
            .filter(move |team| team.departments.contains(t.department))
    };
    if covering().next().is_none() {
        return Some(Reason::NoTeamCoversDepartment);
    }
    let last = t.last_day.min(inst.calendar.len().saturating_sub(1));
    let working: Vec<DayIndex> = (t.first_day..=last)
        .filter(|&d| inst.calendar.is_working(d))
        .collect();
    if working.is_empty() {
        return Some(Reason::NoWorkingDayInWindow);
    }
    if !working.iter().any(|&d| inst.firm_open_on(t.firm, d)) {
        return Some(Reason::FirmClosed);
    }
    let opening = &inst.firms[t.firm].hours.windows;
    if !covering().any(|team| {
        fits(
            longest_common_window(&team.shift.windows, opening),
            needs.minutes,
        )
    }) {
        return Some(Reason::LongerThanAnyShift);
    }
    if slots(inst, needs).next().is_none() {
        return Some(Reason::NoTeamAvailable);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::devtools::synth::{SynthParams, random_instance};
    use crate::graph::can_share_visit;
    use crate::model::{DeptSet, TimeWindow};

    /// One firm open 08:00–18:00 every day, one task on it, teams covering everything and
    /// working every working day: schedulable, until a test breaks one thing.
    fn base() -> Instance {
        let mut inst = random_instance(
            1,
            &SynthParams {
                firms: 1,
                max_tasks_per_firm: 1,
                departments: 2,
                teams: 1,
                days: 7,
                ..SynthParams::default()
            },
        );
        let firm = &mut inst.firms[0];
        firm.hours.windows = vec![TimeWindow::new(480, 1080)];
        firm.hours.closed_weekdays = [false; 7];
        let task = &mut inst.tasks[0];
        task.department = 0;
        task.first_day = 0;
        task.last_day = 6;
        task.minutes = 30;
        inst.teams[0].shift.windows = vec![TimeWindow::new(510, 1050)];
        inst
    }

    #[test]
    fn a_plain_task_is_schedulable() {
        let inst = base();
        assert_eq!(unschedulable_reason(&inst, 0), None);
        assert!(can_share_visit(&inst, &[0]));
    }

    #[test]
    fn no_team_covers_department() {
        let mut inst = base();
        inst.teams[0].departments = DeptSet::single(1);
        assert_eq!(
            unschedulable_reason(&inst, 0),
            Some(Reason::NoTeamCoversDepartment)
        );
    }

    #[test]
    fn no_working_day_in_window() {
        let mut inst = base();
        // 2026-12-05 and 06 are the weekend of the synthetic calendar starting on a Monday.
        inst.tasks[0].first_day = 5;
        inst.tasks[0].last_day = 6;
        assert_eq!(
            unschedulable_reason(&inst, 0),
            Some(Reason::NoWorkingDayInWindow)
        );
        inst.tasks[0].first_day = 6;
        inst.tasks[0].last_day = 2;
        assert_eq!(
            unschedulable_reason(&inst, 0),
            Some(Reason::NoWorkingDayInWindow)
        );
    }

    #[test]
    fn coverage_is_checked_before_the_window() {
        let mut inst = base();
        inst.tasks[0].first_day = 5;
        inst.tasks[0].last_day = 6;
        inst.teams[0].departments = DeptSet::EMPTY;
        assert_eq!(
            unschedulable_reason(&inst, 0),
            Some(Reason::NoTeamCoversDepartment)
        );
    }

    #[test]
    fn firm_closed() {
        let mut inst = base();
        inst.tasks[0].first_day = 1;
        inst.tasks[0].last_day = 2;
        inst.firms[0].hours.closed_weekdays[1] = true;
        let wed = inst.calendar.date(2);
        inst.firms[0].hours.closed_dates.push(wed);
        assert_eq!(unschedulable_reason(&inst, 0), Some(Reason::FirmClosed));
    }

    #[test]
    fn longer_than_any_shift() {
        let mut inst = base();
        inst.firms[0].hours.windows = vec![TimeWindow::new(480, 690), TimeWindow::new(840, 1050)];
        // The afternoon, 14:00–17:30, is the longest common stretch: 210 minutes.
        inst.tasks[0].minutes = 201;
        assert_eq!(
            unschedulable_reason(&inst, 0),
            Some(Reason::LongerThanAnyShift)
        );
        inst.tasks[0].minutes = 200;
        assert_eq!(unschedulable_reason(&inst, 0), None);
    }

    #[test]
    fn no_team_available() {
        let mut inst = base();
        inst.tasks[0].first_day = 0;
        inst.tasks[0].last_day = 1;
        inst.teams[0].available[0] = false;
        inst.teams[0].available[1] = false;
        assert_eq!(
            unschedulable_reason(&inst, 0),
            Some(Reason::NoTeamAvailable)
        );
    }

    #[test]
    fn reason_is_none_exactly_when_the_task_fits_alone() {
        for seed in 0..20 {
            let inst = random_instance(
                seed,
                &SynthParams {
                    firms: 15,
                    teams: 3,
                    days: 9,
                    ..SynthParams::default()
                },
            );
            for t in 0..inst.tasks.len() {
                assert_eq!(
                    unschedulable_reason(&inst, t).is_none(),
                    can_share_visit(&inst, &[t]),
                    "seed {seed} task {t}"
                );
            }
        }
    }
}
