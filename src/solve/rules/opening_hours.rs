//! Provides the opening-hours rule: a firm receives visits only on the working days it is
//! open, and on-site work lies inside its opening windows (work does not straddle the firm's
//! own lunch closure either).
//!
//! Cost: none. Reason: [`Reason::FirmClosed`], decided by
//! [`crate::graph::unschedulable_reason`] when the firm is closed on every working day of a
//! task's window; hours too short for the work count as [`Reason::LongerThanAnyShift`].

use super::{Rule, Tables, VisitNeeds};
use crate::model::{DayIndex, FirmIndex, Instance, Reason, TimeWindow};

/// The opening-hours rule.
pub(crate) struct OpeningHours;

impl Rule for OpeningHours {
    const REASON: Reason = Reason::FirmClosed;

    #[inline]
    fn day_may(ctx: &impl Tables, day: DayIndex, b: &impl VisitNeeds) -> bool {
        ctx.open(b.firm(), day)
    }
}

impl OpeningHours {
    /// True when `firm` can receive a visit on `day`: a working day on which it has opening
    /// hours. [`Ctx`] asks once per firm and day.
    pub fn firm_open(inst: &Instance, firm: FirmIndex, day: DayIndex) -> bool {
        inst.firm_open_on(firm, day)
    }
}

/// Where on-site work may lie for a team with `shift` windows at a firm with `opening`
/// windows, sorted: each shift window intersected with each opening window. [`Ctx`] computes
/// it once per pair of patterns.
pub(crate) fn on_site_windows(shift: &[TimeWindow], opening: &[TimeWindow]) -> Vec<TimeWindow> {
    let mut w: Vec<TimeWindow> = Vec::new();
    for s in shift {
        for o in opening {
            w.extend(s.intersect(o));
        }
    }
    w.sort();
    w
}

#[cfg(test)]
mod tests {
    use super::super::tests::{one_firm, one_task_bundle};
    use super::*;
    use crate::solve::context::Ctx;

    #[test]
    fn a_firm_is_visited_on_its_open_days_and_not_on_its_closed_ones() {
        let mut inst = one_firm();
        inst.firms[0].hours.closed_weekdays[1] = true;
        let ctx = Ctx::new(&inst);
        let b = one_task_bundle(&inst);
        assert!(OpeningHours::day_may(&ctx, 0, &b));
        assert!(!OpeningHours::day_may(&ctx, 1, &b));
    }

    #[test]
    fn work_lies_inside_both_the_shift_and_the_opening_windows() {
        let shift = [TimeWindow::new(510, 720), TimeWindow::new(780, 1050)];
        let opening = [TimeWindow::new(480, 690), TimeWindow::new(840, 1080)];
        assert_eq!(
            on_site_windows(&shift, &opening),
            vec![TimeWindow::new(510, 690), TimeWindow::new(840, 1050)]
        );
        assert!(on_site_windows(&shift, &[]).is_empty());
        let inst = one_firm();
        let ctx = Ctx::new(&inst);
        assert_eq!(
            ctx.windows(0, 0),
            on_site_windows(&inst.teams[0].shift.windows, &inst.firms[0].hours.windows).as_slice()
        );
    }
}
