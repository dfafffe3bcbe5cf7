//! Provides the shift and lunch-break rule: a team leaves its base at the start of its shift,
//! is back by its end, and works on site only inside its shift windows, so that no visit
//! straddles the lunch break between them.
//!
//! The windows a team may work in at a firm are its shift windows intersected with the firm's
//! opening hours ([`super::opening_hours::on_site_windows`]), precomputed per pair of patterns
//! in [`Ctx`]; the two clock functions below place work inside them.
//!
//! Starting every visit as early as possible is optimal for feasibility: a later arrival never
//! allows an earlier start, so the set of arrivals from which the rest of a route can still be
//! done is "everything up to some minute". That minute is the latest start computed backwards
//! from the shift end, which makes an insertion check O(1) in the route length.
//!
//! Cost: none of its own (driving and on-site minutes enter the balance, see
//! [`super::weights`]). Reason: [`Reason::LongerThanAnyShift`], decided by
//! [`crate::graph::unschedulable_reason`] when no shift window holds a task's work.

use super::{Rule, Tables};
use crate::model::{Minute, Reason, TeamIndex, TimeWindow};

/// The shift and lunch-break rule.
pub(crate) struct Shift;

impl Rule for Shift {
    const REASON: Reason = Reason::LongerThanAnyShift;
}

impl Shift {
    /// When `team` may leave its base.
    #[inline]
    pub fn start(ctx: &impl Tables, team: TeamIndex) -> Minute {
        ctx.inst().teams[team].shift.start()
    }

    /// When `team` must be back at its base.
    #[inline]
    pub fn end(ctx: &impl Tables, team: TeamIndex) -> Minute {
        ctx.inst().teams[team].shift.end()
    }

    /// True when `team`, back at its base at minute `t`, is back in time.
    #[inline]
    pub fn back_in_time(ctx: &impl Tables, team: TeamIndex, t: Minute) -> bool {
        t <= Self::end(ctx, team)
    }

    /// True when a day of `team` that already spends `used` minutes driving and on site has
    /// `more` minutes left: a quick bound that spares the timing of a hopeless insertion.
    #[inline]
    pub fn has_room(ctx: &impl Tables, team: TeamIndex, used: Minute, more: Minute) -> bool {
        let shift = &ctx.inst().teams[team].shift;
        more <= (shift.end() - shift.start()).saturating_sub(used)
    }
}

/// The earliest `s >= arrive` such that `[s, s + dur]` lies inside one of `windows` (sorted).
#[inline]
pub(crate) fn earliest_start(
    windows: &[TimeWindow],
    arrive: Minute,
    dur: Minute,
) -> Option<Minute> {
    windows.iter().find_map(|w| {
        let s = arrive.max(w.start);
        (s + dur <= w.end).then_some(s)
    })
}

/// The latest `s` such that `[s, s + dur]` lies inside one of `windows` (sorted) and
/// `s + dur <= end_by`.
#[inline]
pub(crate) fn latest_start(windows: &[TimeWindow], end_by: Minute, dur: Minute) -> Option<Minute> {
    windows.iter().rev().find_map(|w| {
        let e = end_by.min(w.end);
        (e >= w.start + dur).then(|| e - dur)
    })
}

#[cfg(test)]
mod tests {
    use super::super::tests::one_firm;
    use super::*;
    use crate::solve::context::Ctx;

    fn split_day() -> Vec<TimeWindow> {
        vec![TimeWindow::new(510, 720), TimeWindow::new(780, 1050)]
    }

    #[test]
    fn waits_for_the_next_window_when_work_does_not_fit_before_lunch() {
        let w = split_day();
        assert_eq!(earliest_start(&w, 500, 60), Some(510));
        assert_eq!(earliest_start(&w, 700, 60), Some(780));
        assert_eq!(earliest_start(&w, 1000, 60), None);
        assert_eq!(earliest_start(&w, 660, 60), Some(660));
    }

    #[test]
    fn latest_start_respects_deadline_and_windows() {
        let w = split_day();
        assert_eq!(latest_start(&w, 1440, 60), Some(990));
        assert_eq!(latest_start(&w, 800, 60), Some(660));
        assert_eq!(latest_start(&w, 500, 60), None);
    }

    #[test]
    fn a_team_is_back_in_time_up_to_the_shift_end_and_not_after() {
        let inst = one_firm();
        let ctx = Ctx::new(&inst);
        assert_eq!(Shift::start(&ctx, 0), 510);
        assert!(Shift::back_in_time(&ctx, 0, 1050));
        assert!(!Shift::back_in_time(&ctx, 0, 1051));
    }

    #[test]
    fn a_day_has_room_for_what_is_left_of_the_shift_only() {
        let inst = one_firm();
        let ctx = Ctx::new(&inst);
        // The shift of the fixture spans 540 minutes, lunch included.
        assert!(Shift::has_room(&ctx, 0, 500, 40));
        assert!(!Shift::has_room(&ctx, 0, 500, 41));
        assert!(!Shift::has_room(&ctx, 0, 600, 1));
    }
}
