//! Provides the plain domain types every stage shares: firms, tasks, teams, the calendar, the
//! instance and the plan. No I/O happens here.

mod calendar;
mod dept;
mod firm;
mod instance;
mod loc;
mod month;
mod plan;
mod point;
mod snapshot;
mod task;
mod team;
mod time;
mod travel;
mod travel_table;

pub use calendar::{Calendar, DayIndex};
pub use dept::{Department, DeptIndex, DeptSet, MAX_DEPARTMENTS};
pub use firm::{Firm, FirmIndex, OpeningHours, weekday_index};
pub use instance::{Instance, ObjectiveWeights, Settings, Targets};
pub use loc::{Loc, column_letters};
pub use month::{Absence, DoneRecord, DoneStatus, MonthRecords, TaskPin};
pub use plan::{Plan, Reason, Route, Unscheduled, Visit};
pub use point::Point;
pub use snapshot::{PlanSnapshot, RouteSnap, VisitSnap, sorted};
pub use task::{Priority, Task, TaskIndex};
pub use team::{Shift, Team, TeamIndex};
pub use time::{Minute, TimeWindow, fmt_minute, parse_minute, parse_windows};
pub use travel::{Travel, great_circle_km};
pub use travel_table::{Place, TravelTable};

/// Rounds to three decimals, kilometres to the metre and seconds to the millisecond: plans and
/// runs are diffed, and digits beyond that are noise that makes them flicker.
pub fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}
