//! Provides the joint inspection team (检查组) and its daily shift.

use super::{DayIndex, DeptSet, Minute, Point, TimeWindow};
use serde::{Deserialize, Serialize};

/// Index of a team in [`crate::model::Instance::teams`].
pub type TeamIndex = usize;

/// A joint inspection group.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Team {
    /// Team id (检查组编号), unique.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Departments the team may inspect for (at least two credentialed officers each).
    pub departments: DeptSet,
    /// Where the team starts and ends each day, WGS-84.
    pub base: Point,
    /// The team's working hours.
    pub shift: Shift,
    /// Days the team works, indexed like the calendar; `false` on non-working days.
    pub available: Vec<bool>,
    /// Most total task demand ([`crate::model::Task::demand`]) the team takes on one day:
    /// sampling kits, a cap on checks a day, a vehicle's load; `None` for no limit.
    #[serde(default)]
    pub capacity_per_day: Option<u32>,
    /// Most working days of the month the team may go out (`max_days` in teams.csv): officers
    /// lent part-time by their department; `None` for every working day it is available.
    #[serde(default)]
    pub max_days: Option<u32>,
}

impl Team {
    /// True when the team works on `day`.
    pub fn works_on(&self, day: DayIndex) -> bool {
        self.available.get(day).copied().unwrap_or(false)
    }
}

/// A team's working hours on one day.
///
/// A lunch break is a gap between windows (`08:30-12:00;13:00-17:30`): on-site work must fit
/// inside one window, while driving may use the whole span from the first start to the last end.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Shift {
    /// Windows in which on-site work may happen, sorted and disjoint.
    pub windows: Vec<TimeWindow>,
}

impl Shift {
    /// When the team may leave its base.
    pub fn start(&self) -> Minute {
        self.windows.first().map_or(0, |w| w.start)
    }

    /// When the team must be back at its base.
    pub fn end(&self) -> Minute {
        self.windows.last().map_or(0, |w| w.end)
    }

    /// The longest stretch of on-site work the shift allows.
    pub fn longest_window(&self) -> Minute {
        self.windows.iter().map(TimeWindow::len).max().unwrap_or(0)
    }
}
