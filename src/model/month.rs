//! Provides what the office records during the month and hands to the planner beside the
//! plans: which tasks were done (`done.csv`), which days a team is out (`absences.csv`) and
//! which tasks must go to a set team or day (`pins.csv`).

use super::{DayIndex, Loc, TaskIndex, TeamIndex};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::fmt;

/// What became of a task the plan sent a team to, as `done.csv` records it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DoneStatus {
    /// Inspected (已完成).
    Done,
    /// Not inspected, for any reason (未完成).
    NotDone,
    /// The team came and the firm was closed (企业关门).
    FirmClosed,
    /// Put off by the office or the department (延期).
    Postponed,
}

impl DoneStatus {
    /// Every status, in the order the README lists them.
    pub const ALL: [DoneStatus; 4] = [
        DoneStatus::Done,
        DoneStatus::NotDone,
        DoneStatus::FirmClosed,
        DoneStatus::Postponed,
    ];

    /// Reads `done`/`not_done`/`firm_closed`/`postponed` or their Chinese words.
    pub fn parse(s: &str) -> Option<Self> {
        let s = s.trim().to_lowercase().replace(['-', ' '], "_");
        Some(match s.as_str() {
            "done" | "完成" | "已完成" | "已查" | "已检查" | "是" => Self::Done,
            "not_done" | "未完成" | "未查" | "未检查" | "否" => Self::NotDone,
            "firm_closed" | "closed" | "企业关门" | "关门" | "未开门" | "停业" | "歇业" => {
                Self::FirmClosed
            }
            "postponed" | "延期" | "推迟" | "改期" => Self::Postponed,
            _ => return None,
        })
    }

    /// The code written in files.
    pub fn code(&self) -> &'static str {
        match self {
            Self::Done => "done",
            Self::NotDone => "not_done",
            Self::FirmClosed => "firm_closed",
            Self::Postponed => "postponed",
        }
    }

    /// True when the task still has to be done.
    pub fn needs_visit(&self) -> bool {
        !matches!(self, Self::Done)
    }
}

impl fmt::Display for DoneStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// One row of `done.csv`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DoneRecord {
    /// The task.
    pub task: TaskIndex,
    /// What became of it.
    pub status: DoneStatus,
    /// When, if the row says.
    pub date: Option<NaiveDate>,
    /// The clerk's note.
    pub note: String,
    /// Where the row was read.
    pub loc: Loc,
}

/// One row of `absences.csv`: a team out for a day.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Absence {
    /// The team.
    pub team: TeamIndex,
    /// The day, in the horizon.
    pub day: DayIndex,
    /// Why (sick, training …), free text.
    pub reason: String,
    /// Where the row was read.
    pub loc: Loc,
}

/// A task fixed to a team, a day or both (`pins.csv`): a complaint that must be visited on a
/// set day, a firm one team knows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TaskPin {
    /// The team that must do the task.
    pub team: Option<TeamIndex>,
    /// The day the task must be done.
    pub day: Option<DayIndex>,
    /// Where the pin was read.
    pub loc: Loc,
}

/// What the office recorded during the month, read from the workspace's optional files.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct MonthRecords {
    /// `done.csv`, in file order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub done: Vec<DoneRecord>,
    /// `absences.csv`, in file order; the teams' `available` already leave these days out.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub absences: Vec<Absence>,
}

impl MonthRecords {
    /// The status `done.csv` gives `task`, the last row winning.
    pub fn status_of(&self, task: TaskIndex) -> Option<DoneStatus> {
        self.done
            .iter()
            .rev()
            .find(|d| d.task == task)
            .map(|d| d.status)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_read_in_english_and_chinese() {
        assert_eq!(DoneStatus::parse("not done"), Some(DoneStatus::NotDone));
        assert_eq!(DoneStatus::parse("已完成"), Some(DoneStatus::Done));
        assert_eq!(DoneStatus::parse("企业关门"), Some(DoneStatus::FirmClosed));
        assert_eq!(DoneStatus::parse("延期"), Some(DoneStatus::Postponed));
        assert_eq!(DoneStatus::parse("maybe"), None);
        for s in DoneStatus::ALL {
            assert_eq!(DoneStatus::parse(s.code()), Some(s));
        }
    }
}
