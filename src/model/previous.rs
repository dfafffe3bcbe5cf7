//! Provides the plan a replan starts from, by the ids its plan.json names: tasks may have
//! left the plans and teams the register since it was made, so it is read as published and
//! matched to the instance only by the replan and by the checker, each in its own way.

use super::Minute;
use chrono::NaiveDate;

/// A published plan's routes and unscheduled tasks, by ids.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PreviousPlan {
    /// Routes in the order published.
    pub routes: Vec<PreviousRoute>,
    /// Task ids the plan left unscheduled.
    pub unscheduled: Vec<String>,
}

/// One team-day of a published plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PreviousRoute {
    /// The team's id.
    pub team_id: String,
    /// The day.
    pub date: NaiveDate,
    /// When the team left its base.
    pub leave_base: Minute,
    /// When it was back.
    pub return_base: Minute,
    /// Visits in driving order.
    pub visits: Vec<PreviousVisit>,
}

/// One visit of a published plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PreviousVisit {
    /// The firm's id.
    pub firm_id: String,
    /// The tasks' ids.
    pub task_ids: Vec<String>,
    /// Arrival.
    pub arrive: Minute,
    /// Start of on-site work.
    pub start: Minute,
    /// End of on-site work.
    pub end: Minute,
    /// Departure.
    pub depart: Minute,
}
