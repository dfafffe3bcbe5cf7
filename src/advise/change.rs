//! Provides the changes `advise` can propose, and how each is applied to a copy of the
//! instance for the what-if.

use crate::model::{DayIndex, DeptIndex, FirmIndex, Instance, TaskIndex, TeamIndex, TimeWindow};
use serde::Serialize;

/// Which way a window moves or grows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// Towards the start of the month.
    Earlier,
    /// Towards its end.
    Later,
}

/// One change to the workspace.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Change {
    /// Extend a task's window by `days` on one side; every day it had stays.
    WidenWindow {
        /// The task.
        task: TaskIndex,
        /// Which end moves.
        direction: Direction,
        /// By how many calendar days.
        days: usize,
    },
    /// Move a task's whole window by `days`, keeping its length.
    ShiftWindow {
        /// The task.
        task: TaskIndex,
        /// Which way.
        direction: Direction,
        /// By how many calendar days.
        days: usize,
    },
    /// Let a team inspect for one more department (its officers get the credentials).
    TeamCovers {
        /// The team.
        team: TeamIndex,
        /// The department added.
        department: DeptIndex,
    },
    /// Receive inspectors in these hours, on every day the firm is open.
    FirmHours {
        /// The firm.
        firm: FirmIndex,
        /// Its new opening windows.
        windows: Vec<TimeWindow>,
    },
    /// Receive inspectors on the weekdays the firm now closes.
    FirmOpenDays {
        /// The firm.
        firm: FirmIndex,
    },
}

impl Change {
    /// The stable code of its kind, for JSON and scripts.
    pub fn kind(&self) -> &'static str {
        match self {
            Self::WidenWindow { .. } => "widen_window",
            Self::ShiftWindow { .. } => "shift_window",
            Self::TeamCovers { .. } => "team_covers",
            Self::FirmHours { .. } => "firm_hours",
            Self::FirmOpenDays { .. } => "firm_open_days",
        }
    }

    /// How big the change is, for ranking equal savings: the days a window moves, else 1.
    pub fn size(&self) -> usize {
        match self {
            Self::WidenWindow { days, .. } | Self::ShiftWindow { days, .. } => *days,
            _ => 1,
        }
    }

    /// Applies the change to `inst`; `None` when it would leave the horizon.
    pub fn apply(&self, inst: &mut Instance) -> Option<()> {
        let last = inst.calendar.len().checked_sub(1)?;
        match *self {
            Self::WidenWindow {
                task,
                direction,
                days,
            } => {
                let t = &mut inst.tasks[task];
                match direction {
                    Direction::Earlier => t.first_day = t.first_day.checked_sub(days)?,
                    Direction::Later => t.last_day = moved_later(t.last_day, days, last)?,
                }
            }
            Self::ShiftWindow {
                task,
                direction,
                days,
            } => {
                let t = &mut inst.tasks[task];
                match direction {
                    Direction::Earlier => {
                        t.first_day = t.first_day.checked_sub(days)?;
                        t.last_day = t.last_day.checked_sub(days)?;
                    }
                    Direction::Later => {
                        t.first_day = moved_later(t.first_day, days, last)?;
                        t.last_day = moved_later(t.last_day, days, last)?;
                    }
                }
            }
            Self::TeamCovers { team, department } => {
                inst.teams[team].departments.insert(department);
            }
            Self::FirmHours { firm, ref windows } => {
                inst.firms[firm].hours.windows = windows.clone();
            }
            Self::FirmOpenDays { firm } => {
                inst.firms[firm].hours.closed_weekdays = [false; 7];
            }
        }
        Some(())
    }
}

fn moved_later(d: DayIndex, days: usize, last: DayIndex) -> Option<DayIndex> {
    let to = d.checked_add(days)?;
    (to <= last).then_some(to)
}
