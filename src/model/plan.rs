//! Provides the plan: routes of visits per team and day, and what could not be scheduled.

use super::{DayIndex, FirmIndex, Minute, TaskIndex, TeamIndex};
use serde::{Deserialize, Serialize};
use std::fmt;

/// One team at one firm on one day, doing one or more tasks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Visit {
    /// The firm visited.
    pub firm: FirmIndex,
    /// Tasks done at this visit, in increasing index order.
    pub tasks: Vec<TaskIndex>,
    /// When the team arrives at the firm.
    pub arrive: Minute,
    /// When on-site work starts (after any wait for the firm to open).
    pub start: Minute,
    /// When on-site work ends.
    pub end: Minute,
    /// When the team drives off.
    pub depart: Minute,
}

/// One team's ordered visits on one day, from its base and back.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Route {
    /// The team driving the route.
    pub team: TeamIndex,
    /// The day of the route.
    pub day: DayIndex,
    /// When the team leaves its base.
    pub leave_base: Minute,
    /// Visits in driving order.
    pub visits: Vec<Visit>,
    /// When the team is back at its base.
    pub return_base: Minute,
}

/// Why a task is not in any route.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Reason {
    /// No team covers the task's department.
    NoTeamCoversDepartment,
    /// The task's window holds no working day.
    NoWorkingDayInWindow,
    /// The firm is closed on every working day of the window.
    FirmClosed,
    /// The on-site time fits in no shift window, or in no opening window of the firm.
    LongerThanAnyShift,
    /// No covering team works on a day the firm is open within the window.
    NoTeamAvailable,
    /// Feasible alone, but the teams' time was spent on more important work.
    NoCapacity,
    /// The run's time limit (`--time-limit`) ran out before the planner tried to place it.
    TimeLimit,
    /// `pins.csv` fixes the task to a team that does not cover its department, or to a day
    /// outside its window, on which the team does not work or the firm is closed.
    PinNotPossible,
}

impl Reason {
    /// Every reason, in report order.
    pub const ALL: [Reason; 8] = [
        Reason::NoTeamCoversDepartment,
        Reason::NoWorkingDayInWindow,
        Reason::FirmClosed,
        Reason::LongerThanAnyShift,
        Reason::NoTeamAvailable,
        Reason::NoCapacity,
        Reason::TimeLimit,
        Reason::PinNotPossible,
    ];

    /// The code written in `unscheduled.csv` and JSON.
    pub fn code(&self) -> &'static str {
        match self {
            Reason::NoTeamCoversDepartment => "no_team_covers_department",
            Reason::NoWorkingDayInWindow => "no_working_day_in_window",
            Reason::FirmClosed => "firm_closed",
            Reason::LongerThanAnyShift => "longer_than_any_shift",
            Reason::NoTeamAvailable => "no_team_available",
            Reason::NoCapacity => "no_capacity",
            Reason::TimeLimit => "time_limit",
            Reason::PinNotPossible => "pin_not_possible",
        }
    }

    /// Reads a code written by [`Reason::code`].
    pub fn from_code(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.code() == s)
    }

    /// True for reasons that hold whatever the planner does (the task can never be scheduled).
    pub fn is_structural(&self) -> bool {
        !matches!(self, Reason::NoCapacity | Reason::TimeLimit)
    }
}

impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// A task left out of the plan, with its reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Unscheduled {
    /// The task.
    pub task: TaskIndex,
    /// Why it is not scheduled.
    pub reason: Reason,
}

/// All routes of the horizon, plus every task that could not be scheduled.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Plan {
    /// Routes, sorted by (day, team); routes without visits are left out.
    pub routes: Vec<Route>,
    /// Unscheduled tasks, sorted by task index.
    pub unscheduled: Vec<Unscheduled>,
}

impl Plan {
    /// Number of visits over all routes.
    pub fn visit_count(&self) -> usize {
        self.routes.iter().map(|r| r.visits.len()).sum()
    }

    /// Number of scheduled tasks.
    pub fn scheduled_count(&self) -> usize {
        self.routes
            .iter()
            .flat_map(|r| &r.visits)
            .map(|v| v.tasks.len())
            .sum()
    }
}
