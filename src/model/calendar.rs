//! Provides the horizon's calendar: every date, and which of them are working days.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Index of a date in [`Calendar::dates`] (0 = first day of the horizon).
pub type DayIndex = usize;

/// Every date of the horizon, with its working-day flag.
///
/// Built by [`crate::calendar`] from the statutory holidays and the workspace's overrides.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Calendar {
    /// Consecutive dates from the horizon's start to its end, inclusive.
    pub dates: Vec<NaiveDate>,
    /// `working[d]` is true when `dates[d]` is a working day.
    pub working: Vec<bool>,
}

impl Calendar {
    /// Number of dates in the horizon.
    pub fn len(&self) -> usize {
        self.dates.len()
    }

    /// True when the horizon has no date.
    pub fn is_empty(&self) -> bool {
        self.dates.is_empty()
    }

    /// The date of day `d`.
    pub fn date(&self, d: DayIndex) -> NaiveDate {
        self.dates[d]
    }

    /// The index of `date`, when it lies in the horizon.
    pub fn index_of(&self, date: NaiveDate) -> Option<DayIndex> {
        let first = *self.dates.first()?;
        let d = (date - first).num_days();
        (d >= 0 && (d as usize) < self.dates.len()).then_some(d as usize)
    }

    /// True when day `d` is a working day.
    pub fn is_working(&self, d: DayIndex) -> bool {
        self.working.get(d).copied().unwrap_or(false)
    }

    /// Indices of the working days, in order.
    pub fn working_days(&self) -> impl Iterator<Item = DayIndex> + '_ {
        (0..self.dates.len()).filter(|&d| self.working[d])
    }
}
