//! Provides the inspection task (检查任务): one line of a department's plan.

use super::{DayIndex, DeptIndex, FirmIndex, Loc, TaskPin};
use serde::{Deserialize, Serialize};
use std::fmt;

/// Index of a task in [`crate::model::Instance::tasks`].
pub type TaskIndex = usize;

/// How much it matters that a task is done this month.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Priority {
    /// Must be done (必查).
    Mandatory,
    /// Should be done (一般).
    Normal,
    /// Done when convenient (可选).
    Low,
}

impl Priority {
    /// Reads `mandatory`/`normal`/`low` or 必查/一般/可选 (and a few common synonyms).
    pub fn parse(s: &str) -> Option<Self> {
        match s.trim().to_lowercase().as_str() {
            "mandatory" | "must" | "high" | "必查" | "必须" | "高" | "1" => {
                Some(Self::Mandatory)
            }
            "normal" | "medium" | "" | "一般" | "中" | "2" => Some(Self::Normal),
            "low" | "optional" | "可选" | "低" | "3" => Some(Self::Low),
            _ => None,
        }
    }

    /// The canonical English word.
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::Mandatory => "mandatory",
            Self::Normal => "normal",
            Self::Low => "low",
        }
    }
}

impl fmt::Display for Priority {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One inspection item a department wants done at one firm within a date window.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Task {
    /// The department's own id for the task (任务编号), unique in the workspace.
    pub id: String,
    /// The inspecting department.
    pub department: DeptIndex,
    /// The firm to inspect.
    pub firm: FirmIndex,
    /// What is checked (检查事项).
    pub item: String,
    /// First day of the allowed window, as an index into the calendar.
    pub first_day: DayIndex,
    /// Last day of the allowed window (inclusive).
    pub last_day: DayIndex,
    /// On-site minutes this item needs.
    pub minutes: u32,
    /// Priority of the task.
    pub priority: Priority,
    /// What the task uses of its team's daily capacity ([`crate::model::Team::capacity_per_day`]);
    /// 0 for tasks that use none.
    #[serde(default)]
    pub demand: u32,
    /// Why it is inspected (双随机/重点/专项/投诉), free text.
    pub source: String,
    /// Where the task was read, so later stages can name the file and line.
    pub loc: Loc,
    /// The team and/or day `pins.csv` fixes the task to. A pinned day inside the task's
    /// window has already narrowed `first_day` and `last_day` to it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pin: Option<TaskPin>,
}
