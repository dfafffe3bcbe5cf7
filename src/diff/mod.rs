//! Provides the comparison of two plans: which visits and tasks a replan kept, changed, moved,
//! added or dropped, and how stable it was. Pure: plans come in as [`PlanSnapshot`]s, built
//! from a plan in memory ([`PlanSnapshot::of`]) or read from a plan folder's plan.json by
//! [`crate::output::read_plan_snapshot`], and the diff goes out as text or JSON to any writer.

mod compare;
mod json;
pub mod text;

pub use crate::model::{PlanSnapshot, RouteSnap, VisitSnap, sorted};
pub use compare::{DayDiff, PlanDiff, Slot, TaskMove, TaskPlace, Totals, VisitChange, diff};
pub use json::{DIFF_FORMAT, DIFF_FORMAT_VERSION, write_diff_json};
pub use text::write_diff_text;

#[cfg(test)]
mod tests;
