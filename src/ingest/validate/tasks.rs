//! Provides the rules on tasks (E1403–E1413 except the single-value ones in `values`).

use super::firm_ref::same_name;
use crate::diag::Diagnostic;
use crate::i18n::Key;
use crate::ingest::codes;
use crate::model::{Calendar, Loc};
use crate::msg;
use chrono::NaiveDate;

/// W1403: the plan's firm name matches the register's.
pub fn w1403_firm_name_mismatch(given: &str, registered: &str, loc: &Loc) -> Option<Diagnostic> {
    (!given.is_empty() && !same_name(given, registered)).then(|| {
        Diagnostic::warning(
            codes::FIRM_NAME_MISMATCH,
            loc.clone(),
            msg!(W1403Mismatch, given = given, registered = registered),
        )
        .with_help(Key::W1403Help)
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
            msg!(E1405Reversed, latest = latest, earliest = earliest),
        )
        .with_help(Key::E1405Help)
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
            msg!(
                E1407Outside,
                earliest = earliest,
                latest = latest,
                first = first,
                last = last
            ),
        )
        .with_help(Key::E1407Help)
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
            msg!(
                W1406Clamped,
                earliest = earliest,
                latest = latest,
                from = earliest.max(first),
                to = latest.min(last)
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
            msg!(
                W1408NoWorkingDay,
                first = calendar.date(first),
                last = calendar.date(last)
            ),
        )
        .with_help(Key::W1408Help)
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
            msg!(W1411Uncovered, department = dept, tasks = tasks),
        )
        .with_help(Key::W1411Help)
    })
}

/// E1412: the task has a department, from its column or its file.
pub fn e1412_no_department(dept: &str, loc: &Loc) -> Option<Diagnostic> {
    dept.is_empty().then(|| {
        Diagnostic::error(codes::NO_DEPARTMENT, loc.clone(), msg!(E1412NoDepartment))
            .with_help(Key::E1412Help)
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
            msg!(
                W1413TooLong,
                task = id,
                onsite = onsite,
                longest = longest_window
            ),
        )
        .with_help(Key::W1413Help)
    })
}
