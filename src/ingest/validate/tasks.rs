//! Provides the rules on tasks (E1403–E1413 except the single-value ones in `values`).

use super::firm_ref::same_name;
use crate::diag::Diagnostic;
use crate::ingest::codes;
use crate::model::{Calendar, Loc};
use chrono::NaiveDate;

/// W1403: the plan's firm name matches the register's.
pub fn w1403_firm_name_mismatch(given: &str, registered: &str, loc: &Loc) -> Option<Diagnostic> {
    (!given.is_empty() && !same_name(given, registered)).then(|| {
        Diagnostic::warning(
            codes::FIRM_NAME_MISMATCH,
            loc.clone(),
            format!("firm name `{given}` differs from the register's `{registered}`"),
        )
        .with_help("check that the credit code belongs to the firm meant")
    })
}

/// E1405: the window does not end before it starts.
pub fn e1405_window_reversed(
    earliest: NaiveDate,
    latest: NaiveDate,
    loc: &Loc,
) -> Option<Diagnostic> {
    (latest < earliest).then(|| {
        Diagnostic::error(
            codes::WINDOW_REVERSED,
            loc.clone(),
            format!("the window ends on {latest}, before it starts on {earliest}"),
        )
        .with_help("swap the earliest and latest dates")
    })
}

/// E1407: the window overlaps the horizon.
pub fn e1407_window_outside(
    earliest: NaiveDate,
    latest: NaiveDate,
    calendar: &Calendar,
    loc: &Loc,
) -> Option<Diagnostic> {
    let (first, last) = (*calendar.dates.first()?, *calendar.dates.last()?);
    (latest < first || earliest > last).then(|| {
        Diagnostic::error(
            codes::WINDOW_OUTSIDE,
            loc.clone(),
            format!("the window {earliest}..{latest} lies outside the horizon {first}..{last}"),
        )
        .with_help("move the task to the month it belongs to, or widen the horizon")
    })
}

/// W1406: a window reaching outside the horizon is cut to it.
pub fn w1406_window_clamped(
    earliest: NaiveDate,
    latest: NaiveDate,
    calendar: &Calendar,
    loc: &Loc,
) -> Option<Diagnostic> {
    let (first, last) = (*calendar.dates.first()?, *calendar.dates.last()?);
    (earliest < first || latest > last).then(|| {
        Diagnostic::warning(
            codes::WINDOW_CLAMPED,
            loc.clone(),
            format!(
                "the window {earliest}..{latest} reaches outside the horizon; it is cut to {}..{}",
                earliest.max(first),
                latest.min(last)
            ),
        )
    })
}

/// W1408: the window holds a working day.
pub fn w1408_window_no_working_day(
    first: usize,
    last: usize,
    calendar: &Calendar,
    loc: &Loc,
) -> Option<Diagnostic> {
    (!(first..=last).any(|d| calendar.is_working(d))).then(|| {
        Diagnostic::warning(
            codes::WINDOW_NO_WORKING_DAY,
            loc.clone(),
            format!(
                "the window {}..{} holds no working day; the task cannot be scheduled",
                calendar.date(first),
                calendar.date(last)
            ),
        )
        .with_help("widen the window, or add a date to extra_workdays in chayici.toml")
    })
}

/// W1411: some team covers each department that has tasks.
pub fn w1411_department_uncovered(
    covered: bool,
    dept: &str,
    tasks: usize,
    loc: &Loc,
) -> Option<Diagnostic> {
    (!covered).then(|| {
        Diagnostic::warning(
            codes::DEPARTMENT_UNCOVERED,
            loc.clone(),
            format!("no team covers department `{dept}`; its {tasks} task(s) cannot be scheduled"),
        )
        .with_help("add the department to a team in teams.csv, spelled the same way")
    })
}

/// E1412: the task has a department, from its column or its file.
pub fn e1412_no_department(dept: &str, loc: &Loc) -> Option<Diagnostic> {
    dept.is_empty().then(|| {
        Diagnostic::error(
            codes::NO_DEPARTMENT,
            loc.clone(),
            "the task names no department",
        )
        .with_help("fill the `department` column, or name the file after the department")
    })
}

/// W1413: the task fits in the longest on-site window of some team that covers it.
pub fn w1413_task_too_long(
    onsite: u32,
    longest_window: u32,
    id: &str,
    loc: &Loc,
) -> Option<Diagnostic> {
    (onsite > longest_window).then(|| {
        Diagnostic::warning(
            codes::TASK_TOO_LONG,
            loc.clone(),
            format!(
                "task `{id}` needs {onsite} minutes on site with setup, but no covering team's \
                 shift has a window longer than {longest_window} minutes"
            ),
        )
        .with_help("split the task, or lengthen the shift")
    })
}
