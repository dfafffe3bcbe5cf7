//! Provides the two clock rules of a route: the earliest and the latest start of on-site work
//! inside a list of windows.
//!
//! Starting every visit as early as possible is optimal for feasibility: a later arrival never
//! allows an earlier start, so the set of arrivals from which the rest of a route can still be
//! done is "everything up to some minute". That minute is the latest start computed backwards
//! from the shift end, which makes an insertion check O(1) in the route length.

use crate::model::{Minute, TimeWindow};

/// The earliest `s >= arrive` such that `[s, s + dur]` lies inside one of `windows` (sorted).
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
pub(crate) fn latest_start(windows: &[TimeWindow], end_by: Minute, dur: Minute) -> Option<Minute> {
    windows.iter().rev().find_map(|w| {
        let e = end_by.min(w.end);
        (e >= w.start + dur).then(|| e - dur)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
