//! Groups the horizon's days into ISO weeks (Monday to Sunday), the unit offices report
//! progress in.

use crate::model::DayIndex;
use chrono::{Datelike, NaiveDate};

/// An ISO week as the horizon covers it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IsoWeek {
    /// ISO week-numbering year (the year of the week's Thursday).
    pub year: i32,
    /// Week number, 1 to 53.
    pub number: u32,
    /// The horizon's first date in the week (a Monday unless the horizon starts later).
    pub first: NaiveDate,
    /// The horizon's last date in the week (a Sunday unless the horizon ends earlier).
    pub last: NaiveDate,
    /// The horizon's days in it.
    pub days: Vec<DayIndex>,
}

impl IsoWeek {
    /// `2026-W49`, as ISO 8601 writes it.
    pub fn label(&self) -> String {
        format!("{}-W{:02}", self.year, self.number)
    }
}

/// The ISO weeks of `dates` (the horizon's consecutive dates), in order.
pub fn iso_weeks(dates: &[NaiveDate]) -> Vec<IsoWeek> {
    let mut out: Vec<IsoWeek> = Vec::new();
    for (day, &date) in dates.iter().enumerate() {
        let w = date.iso_week();
        match out.last_mut() {
            Some(last) if (last.year, last.number) == (w.year(), w.week()) => {
                last.last = date;
                last.days.push(day);
            }
            _ => out.push(IsoWeek {
                year: w.year(),
                number: w.week(),
                first: date,
                last: date,
                days: vec![day],
            }),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn december_2026_spans_five_weeks_from_monday() {
        let start = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        let dates: Vec<NaiveDate> = start.iter_days().take(31).collect();
        let w = iso_weeks(&dates);
        let shown: Vec<String> = w
            .iter()
            .map(|w| format!("{} {}~{}", w.label(), w.first, w.last))
            .collect();
        assert_eq!(
            shown,
            [
                "2026-W49 2026-12-01~2026-12-06",
                "2026-W50 2026-12-07~2026-12-13",
                "2026-W51 2026-12-14~2026-12-20",
                "2026-W52 2026-12-21~2026-12-27",
                "2026-W53 2026-12-28~2026-12-31",
            ]
        );
    }
}
