//! Provides the rules on single values: hours, shifts, day lists, dates, minutes, priorities
//! (E1201, E1202, E1303, E1304, E1308, E1404, E1409, E1410, E1414). Each parses and validates
//! in one step.

use crate::diag::Diagnostic;
use crate::i18n::Key;
use crate::ingest::codes;
use crate::ingest::dates::{DayList, parse_date, parse_day_list};
use crate::ingest::table::Cell;
use crate::model::{Priority, TimeWindow, parse_windows};
use crate::msg;
use chrono::NaiveDate;

fn windows(code: &'static str, what: Key, cell: &Cell) -> Result<Vec<TimeWindow>, Diagnostic> {
    parse_windows(&cell.text).map_err(|e| {
        Diagnostic::error(
            code,
            cell.loc.clone(),
            msg!(BadWindows, what = what, text = &cell.text, error = e),
        )
        .with_help(Key::WindowsHelp)
    })
}

/// E1201: opening hours are time ranges.
pub fn e1201_hours(cell: &Cell) -> Result<Vec<TimeWindow>, Diagnostic> {
    windows(codes::BAD_HOURS, Key::WordOpeningHours, cell)
}

/// E1303: a shift is time ranges.
pub fn e1303_shift(cell: &Cell) -> Result<Vec<TimeWindow>, Diagnostic> {
    windows(codes::BAD_SHIFT, Key::WordShift, cell)
}

fn days(code: &'static str, what: Key, cell: &Cell) -> Result<DayList, Diagnostic> {
    parse_day_list(&cell.text).map_err(|e| {
        Diagnostic::error(
            code,
            cell.loc.clone(),
            msg!(BadDays, what = what, error = e),
        )
        .with_help(Key::DaysHelp)
    })
}

/// E1202: closed days are weekdays or dates.
pub fn e1202_closed(cell: &Cell) -> Result<DayList, Diagnostic> {
    days(codes::BAD_CLOSED, Key::WordClosedDays, cell)
}

/// E1304: a team's days are weekdays or dates.
pub fn e1304_team_days(cell: &Cell) -> Result<DayList, Diagnostic> {
    days(codes::BAD_TEAM_DAYS, Key::WordTeamDays, cell)
}

/// E1404: a date can be read.
pub fn e1404_date(cell: &Cell, what: Key) -> Result<NaiveDate, Diagnostic> {
    parse_date(&cell.text).ok_or_else(|| {
        Diagnostic::error(
            codes::BAD_DATE,
            cell.loc.clone(),
            msg!(NotADate, what = what, text = &cell.text),
        )
        .with_help(msg!(DatesHelp, more = ""))
    })
}

/// E1409: minutes are a positive whole number (`30`, `30.0`, `30分钟`, `30 min`).
pub fn e1409_minutes(cell: Option<&Cell>, row: &crate::model::Loc) -> Result<u32, Diagnostic> {
    let bad = |loc: crate::model::Loc, shown: &str| {
        Diagnostic::error(codes::BAD_MINUTES, loc, msg!(E1409Minutes, text = shown))
            .with_help(Key::E1409Help)
    };
    let Some(cell) = cell else {
        return Err(bad(row.clone(), ""));
    };
    let t = cell.text.trim();
    let t = ["分钟", "分", "mins", "min"]
        .iter()
        .find_map(|u| t.strip_suffix(u))
        .unwrap_or(t)
        .trim();
    let t = t.strip_suffix(".0").unwrap_or(t);
    match t.parse::<u32>() {
        Ok(m) if (1..=1440).contains(&m) => Ok(m),
        _ => Err(bad(cell.loc.clone(), &cell.text)),
    }
}

/// E1410: a priority is one of the known words (empty means normal).
pub fn e1410_priority(cell: Option<&Cell>) -> Result<Priority, Diagnostic> {
    let Some(cell) = cell else {
        return Ok(Priority::Normal);
    };
    Priority::parse(&cell.text).ok_or_else(|| {
        Diagnostic::error(
            codes::BAD_PRIORITY,
            cell.loc.clone(),
            msg!(E1410Priority, text = &cell.text),
        )
        .with_help(Key::E1410Help)
    })
}

/// A whole number of at least 0 (`3`, `3.0`); empty means `empty`.
fn count(code: &'static str, what: Key, cell: &Cell, empty: u32) -> Result<u32, Diagnostic> {
    let t = cell.text.trim();
    if t.is_empty() {
        return Ok(empty);
    }
    t.strip_suffix(".0")
        .unwrap_or(t)
        .parse::<u32>()
        .map_err(|_| {
            Diagnostic::error(
                code,
                cell.loc.clone(),
                msg!(NotWholeNumber, what = what, text = &cell.text),
            )
            .with_help(Key::WholeNumberHelp)
        })
}

/// E1308: a team's daily capacity is a whole number; empty means no limit.
pub fn e1308_capacity(cell: Option<&Cell>) -> Result<Option<u32>, Diagnostic> {
    match cell {
        Some(c) if !c.text.trim().is_empty() => {
            count(codes::BAD_CAPACITY, Key::WordCapacity, c, 0).map(Some)
        }
        _ => Ok(None),
    }
}

/// E2101: a team's most working days out is a whole number up to 31 (a month has no more
/// days); empty means no limit. 0 is allowed: a team kept on the roll but not sent out.
pub fn e2101_max_days(cell: Option<&Cell>) -> Result<Option<u32>, Diagnostic> {
    match cell {
        Some(c) if !c.text.trim().is_empty() => count(codes::BAD_MAX_DAYS, Key::WordMaxDays, c, 0)
            .and_then(|n| {
                (n <= 31).then_some(Some(n)).ok_or_else(|| {
                    Diagnostic::error(
                        codes::BAD_MAX_DAYS,
                        c.loc.clone(),
                        msg!(E2101MaxDays, text = &c.text),
                    )
                    .with_help(Key::E2101Help)
                })
            }),
        _ => Ok(None),
    }
}

/// E1414: a task's demand on its team's daily capacity is a whole number; empty means 0.
pub fn e1414_demand(cell: Option<&Cell>) -> Result<u32, Diagnostic> {
    cell.map_or(Ok(0), |c| count(codes::BAD_DEMAND, Key::WordDemand, c, 0))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Loc;

    fn cell(t: &str) -> Cell {
        Cell {
            text: t.into(),
            loc: Loc::line("f.csv", 2, Some(3)),
        }
    }

    #[test]
    fn minutes_accept_units_and_reject_nonsense() {
        let row = Loc::line("f.csv", 2, None);
        for ok in ["30", "30.0", "30分钟", "45 min"] {
            assert!(e1409_minutes(Some(&cell(ok)), &row).is_ok(), "{ok}");
        }
        for bad in ["0", "-5", "30.5", "abc", "99999"] {
            assert!(e1409_minutes(Some(&cell(bad)), &row).is_err(), "{bad}");
        }
        assert!(e1409_minutes(None, &row).is_err());
    }

    #[test]
    fn capacity_and_demand_are_optional_whole_numbers() {
        assert_eq!(e1308_capacity(None), Ok(None));
        assert_eq!(e1308_capacity(Some(&cell(" "))), Ok(None));
        assert_eq!(e1308_capacity(Some(&cell("12"))), Ok(Some(12)));
        assert!(e1308_capacity(Some(&cell("-1"))).is_err());
        assert_eq!(e2101_max_days(None), Ok(None));
        assert_eq!(e2101_max_days(Some(&cell("8"))), Ok(Some(8)));
        assert_eq!(e2101_max_days(Some(&cell("0"))), Ok(Some(0)));
        for bad in ["32", "-1", "2.5", "八"] {
            let d = e2101_max_days(Some(&cell(bad))).unwrap_err();
            assert_eq!(d.code, "E2101", "{bad}");
        }
        assert_eq!(e1414_demand(None), Ok(0));
        assert_eq!(e1414_demand(Some(&cell("3.0"))), Ok(3));
        assert!(e1414_demand(Some(&cell("2.5"))).is_err());
    }

    #[test]
    fn priority_defaults_to_normal() {
        assert_eq!(e1410_priority(None), Ok(Priority::Normal));
        assert_eq!(e1410_priority(Some(&cell("必查"))), Ok(Priority::Mandatory));
        assert!(e1410_priority(Some(&cell("urgent"))).is_err());
    }
}
