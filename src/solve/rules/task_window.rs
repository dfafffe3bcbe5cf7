//! Provides the task-window and working-day rule: a task is done on a day inside its window,
//! and only on a working day of the calendar on which the team is available.
//!
//! The working day shapes which routes exist at all: [`Ctx`] builds one route per (day, team)
//! that [`Rule::works_on`] allows, so a later check of a day is a check of the window.
//!
//! Cost: none. Reason: [`Reason::NoWorkingDayInWindow`] when the window holds no working day,
//! [`Reason::NoTeamAvailable`] when no covering team works on a day the firm is open in it,
//! both decided by [`crate::graph::unschedulable_reason`].

use super::{Rule, Tables, VisitNeeds};
use crate::model::{DayIndex, Instance, Reason, TeamIndex};
use std::ops::RangeInclusive;

/// The task-window and working-day rule.
pub(crate) struct TaskWindow;

impl Rule for TaskWindow {
    const REASON: Reason = Reason::NoWorkingDayInWindow;

    #[inline]
    fn works_on(inst: &Instance, team: TeamIndex, day: DayIndex) -> bool {
        inst.teams[team].works_on(day) && inst.calendar.is_working(day)
    }

    #[inline]
    fn day_may(_ctx: &impl Tables, day: DayIndex, b: &impl VisitNeeds) -> bool {
        b.first_day() <= day && day <= b.last_day()
    }
}

impl TaskWindow {
    /// True when the windows of the bundle's tasks share a day.
    #[inline]
    pub fn has_common_day(b: &impl VisitNeeds) -> bool {
        b.first_day() <= b.last_day()
    }

    /// The days of the horizon inside every task's window (empty when they share none).
    #[inline]
    pub fn days(ctx: &impl Tables, b: &impl VisitNeeds) -> RangeInclusive<DayIndex> {
        b.first_day()..=b.last_day().min(ctx.n_days().saturating_sub(1))
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::{one_firm, one_task_bundle};
    use super::*;
    use crate::solve::context::Ctx;

    #[test]
    fn a_task_is_done_inside_its_window_and_not_outside() {
        let mut inst = one_firm();
        inst.tasks[0].first_day = 1;
        inst.tasks[0].last_day = 2;
        let ctx = Ctx::new(&inst);
        let b = one_task_bundle(&inst);
        assert!(TaskWindow::day_may(&ctx, 1, &b));
        assert!(TaskWindow::day_may(&ctx, 2, &b));
        assert!(!TaskWindow::day_may(&ctx, 0, &b));
        assert!(!TaskWindow::day_may(&ctx, 3, &b));
        assert_eq!(TaskWindow::days(&ctx, &b), 1..=2);
    }

    #[test]
    fn a_team_works_on_its_available_working_days_only() {
        let mut inst = one_firm();
        inst.teams[0].available[1] = false;
        assert!(TaskWindow::works_on(&inst, 0, 0));
        assert!(!TaskWindow::works_on(&inst, 0, 1));
        // Days 5 and 6 are the weekend of the fixture's calendar.
        assert!(!TaskWindow::works_on(&inst, 0, 5));
        inst.tasks[0].first_day = 5;
        inst.tasks[0].last_day = 6;
        assert_eq!(
            crate::graph::unschedulable_reason(&inst, 0),
            Some(TaskWindow::REASON)
        );
    }

    #[test]
    fn tasks_without_a_common_day_have_no_day() {
        let mut inst = one_firm();
        inst.tasks[0].first_day = 3;
        inst.tasks[0].last_day = 2;
        let ctx = Ctx::new(&inst);
        let b = one_task_bundle(&inst);
        assert!(!TaskWindow::has_common_day(&b));
        assert!(TaskWindow::days(&ctx, &b).is_empty());
    }
}
