//! Provides the month's records: the workspace's optional `done.csv`, `pins.csv` and
//! `absences.csv`, read like the other tables, checked against the plans, the teams and the
//! horizon (E1701–E1707, W1708–W1712), and applied to the tasks and teams the instance is
//! built from.
//!
//! A record that names something the workspace does not have is an error, not a row passed
//! over: a pin or an absence silently lost would give the office a plan it did not ask for.

mod absences;
mod done;
mod pins;

pub use absences::{apply_absences, read_absences};
pub use done::read_done;
pub use pins::{PinContext, PinRead, apply_pins, pin_warnings, read_pins};

use super::codes;
use super::dates::parse_date;
use super::table::Cell;
use super::validate::ids::{Seen, e0107_empty_required};
use crate::diag::Diagnostic;
use crate::i18n::{Key, Msg};
use crate::model::{Calendar, DayIndex, Loc, Task, TaskIndex, TeamIndex};
use crate::msg;
use chrono::NaiveDate;
use std::collections::HashMap;

/// What the records may refer to: the tasks and teams read, by id ignoring case (ids are
/// unique ignoring case), and the horizon.
pub struct Refs<'a> {
    tasks: HashMap<String, TaskIndex>,
    teams: HashMap<String, TeamIndex>,
    /// Every task id a plan holds, valid or not: a record of a task whose row has an error is
    /// left out without a second error, the plan's own already says what is wrong.
    task_ids: &'a Seen,
    /// The horizon; `None` when chayici.toml gives none, and then no date can be checked.
    pub calendar: Option<&'a Calendar>,
}

impl<'a> Refs<'a> {
    /// The references of a workspace: its valid tasks, every task id its plans hold, its
    /// teams' ids in index order, and its horizon.
    pub fn new<'t>(
        tasks: &[Task],
        task_ids: &'a Seen,
        team_ids: impl IntoIterator<Item = &'t str>,
        calendar: Option<&'a Calendar>,
    ) -> Self {
        Self {
            tasks: by_id(tasks.iter().map(|t| t.id.as_str())),
            teams: by_id(team_ids),
            task_ids,
            calendar,
        }
    }

    /// The task a cell names; `Ok(None)` for a task whose plan row has an error; E0107 for an
    /// empty cell and E1701 for an id no plan has.
    pub fn task(&self, cell: Option<&Cell>, row: &Loc) -> Result<Option<TaskIndex>, Diagnostic> {
        let Some(cell) = cell else {
            return Err(e0107_empty_required("", Key::WordTaskId, row).expect("empty"));
        };
        if let Some(&t) = self.tasks.get(&cell.text.to_lowercase()) {
            return Ok(Some(t));
        }
        if self.task_ids.contains(&cell.text) {
            return Ok(None);
        }
        Err(Diagnostic::error(
            codes::UNKNOWN_MONTH_TASK,
            cell.loc.clone(),
            msg!(E1701UnknownTask, task = &cell.text),
        )
        .with_help(Key::E1701Help))
    }

    /// The team a cell names: E0107 for an empty cell, E1702 for an id teams.csv lacks.
    pub fn team(&self, cell: Option<&Cell>, row: &Loc) -> Result<TeamIndex, Diagnostic> {
        let Some(cell) = cell else {
            return Err(e0107_empty_required("", Key::WordTeamId, row).expect("empty"));
        };
        self.teams
            .get(&cell.text.to_lowercase())
            .copied()
            .ok_or_else(|| {
                Diagnostic::error(
                    codes::UNKNOWN_MONTH_TEAM,
                    cell.loc.clone(),
                    msg!(E1702UnknownTeam, team = &cell.text),
                )
                .with_help(Key::E1702Help)
            })
    }

    /// The day a cell's date falls on: E1703 when it is not a date, E1704 when it lies
    /// outside the horizon; `Ok(None)` when there is no horizon to place it in.
    pub fn day(&self, cell: &Cell) -> Result<Option<DayIndex>, Diagnostic> {
        let date = parse_date(&cell.text).ok_or_else(|| e1703_not_a_date(cell, None))?;
        self.day_of(date, cell)
    }

    /// The date a cell holds, checked as [`Refs::day`] checks it.
    pub fn date(&self, cell: &Cell) -> Result<NaiveDate, Diagnostic> {
        let date = parse_date(&cell.text).ok_or_else(|| e1703_not_a_date(cell, None))?;
        self.day_of(date, cell).map(|_| date)
    }

    /// The day of `date`, read from `cell`, as [`Refs::day`].
    pub fn day_of(&self, date: NaiveDate, cell: &Cell) -> Result<Option<DayIndex>, Diagnostic> {
        let Some(cal) = self.calendar.filter(|c| !c.is_empty()) else {
            return Ok(None);
        };
        match cal.index_of(date) {
            Some(d) => Ok(Some(d)),
            None => Err(Diagnostic::error(
                codes::MONTH_DATE_OUTSIDE,
                cell.loc.clone(),
                msg!(
                    E1704Outside,
                    date = date,
                    first = cal.dates[0],
                    last = cal.dates[cal.len() - 1]
                ),
            )
            .with_help(Key::E1704Help)),
        }
    }
}

/// Each id, lower-cased, with its index.
fn by_id<'t>(ids: impl IntoIterator<Item = &'t str>) -> HashMap<String, usize> {
    ids.into_iter()
        .enumerate()
        .map(|(i, id)| (id.to_lowercase(), i))
        .collect()
}

/// E1703: a cell that is not a date; `more` says what else the cell may hold.
fn e1703_not_a_date(cell: &Cell, more: Option<Msg>) -> Diagnostic {
    Diagnostic::error(
        codes::BAD_MONTH_DATE,
        cell.loc.clone(),
        msg!(E1703NotADate, text = &cell.text),
    )
    .with_help(msg!(DatesHelp, more = crate::i18n::optional(more)))
}
