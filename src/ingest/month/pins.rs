//! Provides `pins.csv`: tasks fixed to a team, a day or both (a complaint that must be
//! visited on a set day, a firm one team knows).

use super::Refs;
use crate::diag::Diagnostic;
use crate::i18n::{Key, ToArg};
use crate::ingest::codes;
use crate::ingest::headers::{PIN_FIELDS, map_headers};
use crate::ingest::table::{Row, Table};
use crate::model::{Calendar, Department, Firm, Loc, Task, TaskIndex, TaskPin, Team};
use crate::msg;
use std::collections::HashMap;

/// One pin read, with where its team and date cells are, for the warnings that need the
/// tasks and teams to say whether it can be kept.
#[derive(Debug, Clone)]
pub struct PinRead {
    /// The task pinned.
    pub task: TaskIndex,
    /// The pin; its `loc` is the row.
    pub pin: TaskPin,
    /// The team cell, else the row.
    pub team_loc: Loc,
    /// The date cell, else the row.
    pub date_loc: Loc,
}

/// Reads `pins.csv`'s tables: a row names a team, a day or both (E1706 when neither), and a
/// task has one pin (E1707 at a second row, naming the first).
pub fn read_pins(tables: &[Table], refs: &Refs, diags: &mut Vec<Diagnostic>) -> Vec<PinRead> {
    let mut out = Vec::new();
    let mut first: HashMap<TaskIndex, Loc> = HashMap::new();
    for table in tables {
        let (cols, d) = map_headers(table, PIN_FIELDS);
        diags.extend(d);
        if cols.get("task_id").is_none() {
            continue;
        }
        for row in &table.rows {
            if let Some(p) = read_row(row, &cols, refs, &mut first, diags) {
                out.push(p);
            }
        }
    }
    out
}

fn read_row(
    row: &Row,
    cols: &crate::ingest::headers::Columns,
    refs: &Refs,
    first: &mut HashMap<TaskIndex, Loc>,
    diags: &mut Vec<Diagnostic>,
) -> Option<PinRead> {
    let c = |name: &str| cols.get(name);
    let before = diags.len();
    let task_cell = row.get(c("task_id"));
    let task = refs
        .task(task_cell, &row.loc_of(c("task_id")))
        .map_err(|d| diags.push(d))
        .ok()
        .flatten();
    let (team_cell, date_cell) = (row.get(c("team_id")), row.get(c("date")));
    if team_cell.is_none() && date_cell.is_none() {
        diags.push(
            Diagnostic::error(codes::EMPTY_PIN, row.loc.clone(), msg!(E1706EmptyPin))
                .with_help(Key::E1706Help),
        );
    }
    let team = team_cell.and_then(|cell| {
        refs.team(Some(cell), &cell.loc)
            .map_err(|d| diags.push(d))
            .ok()
    });
    let day = date_cell.and_then(|cell| refs.day(cell).map_err(|d| diags.push(d)).ok().flatten());
    if diags[before..].iter().any(Diagnostic::is_error) {
        return None;
    }
    let task = task?;
    if let Some(earlier) = first.get(&task) {
        let cell = task_cell?;
        diags.push(
            Diagnostic::error(
                codes::SECOND_PIN,
                cell.loc.clone(),
                msg!(E1707SecondPin, task = &cell.text, first = earlier),
            )
            .with_help(Key::E1707Help),
        );
        return None;
    }
    first.insert(task, row.loc.clone());
    Some(PinRead {
        task,
        pin: TaskPin {
            team,
            day,
            loc: row.loc.clone(),
        },
        team_loc: row.loc_of(c("team_id")),
        date_loc: row.loc_of(c("date")),
    })
}

/// What the pins are checked against: the tasks, the teams with their absences applied, the
/// firms, the departments' codes and the horizon.
pub struct PinContext<'a> {
    /// The tasks read.
    pub tasks: &'a [Task],
    /// The teams read, absences applied.
    pub teams: &'a [&'a Team],
    /// The register.
    pub firms: &'a [Firm],
    /// The departments, for their codes.
    pub departments: &'a [Department],
    /// The horizon.
    pub calendar: &'a Calendar,
}

/// W1710–W1712: a pin that cannot be kept is no error (the office may fix the team or the day
/// later in the month) but its task will be left unscheduled with `pin_not_possible`, which
/// is said at the pin's line. The causes are checked in that order and the first is said:
/// the team, the window, then the day itself.
pub fn pin_warnings(ctx: &PinContext, pins: &[PinRead]) -> Vec<Diagnostic> {
    pins.iter().filter_map(|p| pin_warning(ctx, p)).collect()
}

fn pin_warning(ctx: &PinContext, p: &PinRead) -> Option<Diagnostic> {
    let task = ctx.tasks.get(p.task)?;
    let cal = ctx.calendar;
    let left = Key::PinLeft;
    let dept = ctx
        .departments
        .get(task.department)
        .map_or(Key::W1710ItsDepartment.to_arg(), |d| d.code.to_arg());
    let team = p.pin.team.and_then(|t| ctx.teams.get(t));
    if let Some(team) = team.filter(|t| !t.departments.contains(task.department)) {
        return Some(
            Diagnostic::warning(
                codes::PIN_TEAM_UNCOVERED,
                p.team_loc.clone(),
                msg!(
                    W1710Uncovered,
                    task = &task.id,
                    department = dept.clone(),
                    team = &team.id,
                    left = left
                ),
            )
            .with_help(msg!(W1710Help, department = dept)),
        );
    }
    let day = p.pin.day?;
    if !(task.first_day..=task.last_day).contains(&day) {
        return Some(
            Diagnostic::warning(
                codes::PIN_OUTSIDE_WINDOW,
                p.date_loc.clone(),
                msg!(
                    W1711Outside,
                    task = &task.id,
                    date = cal.date(day),
                    first = cal.date(task.first_day),
                    last = cal.date(task.last_day),
                    left = left
                ),
            )
            .with_help(Key::W1711Help),
        );
    }
    let date = cal.date(day);
    let why = if !cal.is_working(day) {
        msg!(W1712NotWorking)
    } else if let Some(team) = team.filter(|t| !t.works_on(day)) {
        msg!(W1712TeamOff, team = &team.id)
    } else if ctx
        .firms
        .get(task.firm)
        .is_some_and(|f| f.hours.windows_on(date).is_empty())
    {
        msg!(W1712FirmClosed)
    } else {
        return None;
    };
    Some(
        Diagnostic::warning(
            codes::PIN_DAY_IMPOSSIBLE,
            p.date_loc.clone(),
            msg!(
                W1712Impossible,
                task = &task.id,
                date = date,
                why = why,
                left = left
            ),
        )
        .with_help(Key::W1712Help),
    )
}

/// Gives each pinned task its pin, and narrows the window of a task pinned to a day inside
/// it to that day, so the merge graph and the planner keep the day with no rule of their
/// own. A day outside the window leaves the window as it is: the task cannot be kept, and
/// [`crate::graph::unschedulable_reason`] says `pin_not_possible`.
pub fn apply_pins(tasks: &mut [Task], pins: Vec<PinRead>) {
    for p in pins {
        let Some(task) = tasks.get_mut(p.task) else {
            continue;
        };
        if let Some(d) = p
            .pin
            .day
            .filter(|d| (task.first_day..=task.last_day).contains(d))
        {
            task.first_day = d;
            task.last_day = d;
        }
        task.pin = Some(p.pin);
    }
}
