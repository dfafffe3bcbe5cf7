//! Provides the working-day calendar: weekends, China's statutory holidays and make-up working
//! days (调休) for the years shipped, and a workspace's own overrides.
//!
//! Inspections only happen on working days, so a wrong calendar silently moves a month's plan;
//! the holiday data therefore lives in one small table per year, and years without a table are
//! reported by [`years_without_table`] so the caller can warn instead of guessing.

mod holidays;

use crate::model::Calendar;
use chrono::{Datelike, NaiveDate, Weekday};
use holidays::TABLES;

/// The years whose holiday notice is built in.
pub fn shipped_years() -> impl Iterator<Item = i32> {
    TABLES.iter().map(|t| t.year)
}

/// The years touched by `start..=end` that have no built-in holiday table.
pub fn years_without_table(start: NaiveDate, end: NaiveDate) -> Vec<i32> {
    (start.year()..=end.year())
        .filter(|y| !TABLES.iter().any(|t| t.year == *y))
        .collect()
}

/// True when `date` is a statutory day off in the built-in tables.
pub fn is_statutory_holiday(date: NaiveDate) -> bool {
    let md = (date.month(), date.day());
    TABLES
        .iter()
        .filter(|t| t.year == date.year())
        .flat_map(|t| t.days_off)
        .any(|&(from, to)| from <= md && md <= to)
}

/// True when `date` is a weekend day worked to make up for a holiday (调休上班).
pub fn is_make_up_workday(date: NaiveDate) -> bool {
    let md = (date.month(), date.day());
    TABLES
        .iter()
        .filter(|t| t.year == date.year())
        .any(|t| t.make_up_workdays.contains(&md))
}

/// True when `date` is a working day by the built-in rules alone.
pub fn is_statutory_workday(date: NaiveDate) -> bool {
    if is_make_up_workday(date) {
        return true;
    }
    let weekend = matches!(date.weekday(), Weekday::Sat | Weekday::Sun);
    !weekend && !is_statutory_holiday(date)
}

/// Builds the calendar of `start..=end` (empty when `end < start`).
///
/// The workspace's lists win over the built-in rules, because a county may close for a local
/// event or work a weekend; a date in both lists is a day off, the safer reading.
pub fn build_calendar(
    start: NaiveDate,
    end: NaiveDate,
    extra_holidays: &[NaiveDate],
    extra_workdays: &[NaiveDate],
) -> Calendar {
    let dates: Vec<NaiveDate> = start.iter_days().take_while(|d| *d <= end).collect();
    let working = dates
        .iter()
        .map(|d| {
            if extra_holidays.contains(d) {
                false
            } else if extra_workdays.contains(d) {
                true
            } else {
                is_statutory_workday(*d)
            }
        })
        .collect();
    Calendar { dates, working }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn make_up_saturday_is_worked_and_bridge_day_is_off() {
        assert!(is_statutory_workday(d(2026, 10, 10)));
        assert!(!is_statutory_workday(d(2026, 1, 2)));
        assert!(is_statutory_workday(d(2026, 1, 4)));
        assert!(!is_statutory_workday(d(2025, 10, 8)));
        assert!(is_statutory_workday(d(2025, 9, 28)));
    }

    #[test]
    fn december_2026_has_23_working_days() {
        // Dec 1 2026 is a Tuesday: 31 days minus 4 Saturdays and 4 Sundays, no holiday.
        let c = build_calendar(d(2026, 12, 1), d(2026, 12, 31), &[], &[]);
        assert_eq!(c.len(), 31);
        assert_eq!(c.working_days().count(), 23);
    }

    #[test]
    fn october_2026_golden_week() {
        let c = build_calendar(d(2026, 10, 1), d(2026, 10, 31), &[], &[]);
        // 22 weekdays, minus Oct 1, 2, 5, 6, 7 off, plus Saturday Oct 10 worked.
        assert_eq!(c.working_days().count(), 18);
    }

    #[test]
    fn overrides_win_and_holiday_beats_workday() {
        let c = build_calendar(
            d(2026, 12, 1),
            d(2026, 12, 31),
            &[d(2026, 12, 1), d(2026, 12, 6)],
            &[d(2026, 12, 5), d(2026, 12, 6)],
        );
        assert!(!c.is_working(0));
        assert!(c.is_working(4));
        assert!(!c.is_working(5));
    }

    #[test]
    fn reports_years_without_a_table() {
        assert_eq!(
            years_without_table(d(2026, 12, 1), d(2027, 1, 31)),
            vec![2027]
        );
        assert!(years_without_table(d(2025, 1, 1), d(2026, 12, 31)).is_empty());
        assert!(shipped_years().any(|y| y == 2026));
    }

    #[test]
    fn reversed_horizon_is_empty() {
        assert!(build_calendar(d(2026, 12, 2), d(2026, 12, 1), &[], &[]).is_empty());
    }
}
