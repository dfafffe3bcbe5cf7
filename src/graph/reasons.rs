//! Explains why a task can never be scheduled, whatever the planner does.
//!
//! The checks run from the coarsest cause to the finest, so that a clerk fixing the first
//! reason reported is fixing the real obstacle: a task nobody may inspect is reported as such
//! even when its window is also empty.
//!
//! A pin that cannot be kept comes right after coverage: when no team at all covers the
//! department, moving the pin would not help, so that is the real obstacle; but a pinned day
//! inside the window has become the window, so a pin to a holiday or to a day the team is out
//! would otherwise read as the department's window or the firm's hours, and the clerk would
//! ask the wrong office to change.

use super::feasibility::{GroupNeeds, fits, longest_common_window, slots};
use crate::model::{DayIndex, Instance, Reason, TaskIndex};

/// Why `task` can never be scheduled, or `None` when some team on some day could do it alone.
///
/// [`Reason::PinNotPossible`] when its pin names a team not covering its department, a day
/// outside its window, or a day that is not a working day, on which the pinned team does not
/// work or on which the firm is closed. A pin to a team alone that fits no day of the window
/// gives the finer reasons below, counted over that team only.
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
    if pin_not_possible(inst, task) {
        return Some(Reason::PinNotPossible);
    }
    // From here on, only the team a pin names counts.
    let covering = || {
        inst.teams
            .iter()
            .enumerate()
            .filter(move |&(i, team)| {
                needs.team.allows(i) && team.departments.contains(t.department)
            })
            .map(|(_, team)| team)
    };
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

/// True when the task's pin, on its own, rules the task out (see [`unschedulable_reason`]).
fn pin_not_possible(inst: &Instance, task: TaskIndex) -> bool {
    let t = &inst.tasks[task];
    let Some(pin) = &t.pin else {
        return false;
    };
    let team = pin.team.map(|i| inst.teams.get(i));
    if let Some(team) = team
        && team.is_none_or(|team| !team.departments.contains(t.department))
    {
        return true;
    }
    let Some(day) = pin.day else {
        return false;
    };
    !(t.first_day..=t.last_day).contains(&day)
        || day >= inst.calendar.len()
        || !inst.firm_open_on(t.firm, day)
        || team.flatten().is_some_and(|team| !team.works_on(day))
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

    fn pin(inst: &mut Instance, team: Option<usize>, day: Option<usize>) {
        inst.tasks[0].pin = Some(crate::model::TaskPin {
            team,
            day,
            loc: crate::model::Loc::line("pins.csv", 2, None),
        });
    }

    #[test]
    fn pin_to_a_team_without_the_department() {
        let mut inst = base();
        inst.teams[0].departments = DeptSet::single(0);
        inst.teams.push(inst.teams[0].clone());
        inst.teams[1].departments = DeptSet::single(1);
        pin(&mut inst, Some(1), None);
        assert_eq!(unschedulable_reason(&inst, 0), Some(Reason::PinNotPossible));
        assert!(!can_share_visit(&inst, &[0]));
        pin(&mut inst, Some(0), None);
        assert_eq!(unschedulable_reason(&inst, 0), None);
    }

    #[test]
    fn pin_to_a_day_outside_the_window() {
        let mut inst = base();
        inst.tasks[0].last_day = 2;
        pin(&mut inst, None, Some(3));
        assert_eq!(unschedulable_reason(&inst, 0), Some(Reason::PinNotPossible));
        assert!(!can_share_visit(&inst, &[0]));
    }

    #[test]
    fn pin_to_a_day_the_team_is_out_or_the_firm_closed() {
        let mut inst = base();
        inst.tasks[0].first_day = 1;
        inst.tasks[0].last_day = 1;
        pin(&mut inst, Some(0), Some(1));
        assert_eq!(unschedulable_reason(&inst, 0), None);
        inst.teams[0].available[1] = false;
        assert_eq!(unschedulable_reason(&inst, 0), Some(Reason::PinNotPossible));
        inst.teams[0].available[1] = true;
        inst.firms[0].hours.closed_weekdays[1] = true;
        assert_eq!(unschedulable_reason(&inst, 0), Some(Reason::PinNotPossible));
    }

    #[test]
    fn coverage_is_checked_before_the_pin() {
        let mut inst = base();
        inst.teams[0].departments = DeptSet::single(1);
        pin(&mut inst, Some(0), None);
        assert_eq!(
            unschedulable_reason(&inst, 0),
            Some(Reason::NoTeamCoversDepartment)
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
            let mut inst = inst;
            for (t, task) in inst.tasks.iter_mut().enumerate() {
                // Every third task pinned to a team, every fifth to a day, some of them
                // impossible.
                let team = (t % 3 == 0).then_some(t % 3);
                let day = (t % 5 == 0).then_some(t % 9);
                if team.is_some() || day.is_some() {
                    if let Some(d) = day.filter(|d| (task.first_day..=task.last_day).contains(d)) {
                        task.first_day = d;
                        task.last_day = d;
                    }
                    task.pin = Some(crate::model::TaskPin {
                        team,
                        day,
                        loc: task.loc.clone(),
                    });
                }
            }
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
