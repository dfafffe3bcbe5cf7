//! Provides the checker's own reading of how the plan files write values: kilometres to the
//! metre, times as `HH:MM`, lists joined with `;`, and text cells that a spreadsheet would
//! run as a formula prefixed with `'`.
//!
//! The rules come from DESIGN.md and the README, not from the writers' code, so that a writer
//! that drifts from the format is caught rather than agreed with.

use crate::model::{DeptIndex, Instance, TaskIndex};
use std::collections::BTreeSet;

/// Columns of routes.csv, in order.
pub(super) const ROUTES_COLUMNS: [&str; 16] = [
    "team_id",
    "date",
    "seq",
    "firm_id",
    "firm_name",
    "arrive",
    "start",
    "end",
    "depart",
    "task_ids",
    "departments",
    "travel_km",
    "travel_minutes",
    "contact",
    "phone",
    "notes",
];

/// Columns of unscheduled.csv, in order, without `reason_text` (what files written before it
/// hold, and what the rows are compared on).
pub(super) const UNSCHEDULED_COLUMNS: [&str; 4] = ["task_id", "department", "firm_id", "reason"];

/// Columns of unscheduled.csv as `plan` writes it now: `reason_text` last, the reason in words
/// in the language of the run.
pub(super) const UNSCHEDULED_TEXT_COLUMNS: [&str; 5] =
    ["task_id", "department", "firm_id", "reason", "reason_text"];

/// Kilometres rounded to the metre, as plan.json holds them.
pub(super) fn km3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

/// Kilometres as routes.csv writes them: three decimals.
pub(super) fn km_cell(x: f64) -> String {
    format!("{:.3}", km3(x))
}

/// A text cell as the CSV files write it: a leading `=`, `+`, `-`, `@`, tab or carriage
/// return gets a `'` so that a spreadsheet shows it instead of running it.
pub(super) fn cell(s: &str) -> String {
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_owned()
    }
}

/// The text a cell written by [`cell`] stands for.
pub(super) fn uncell(s: &str) -> &str {
    match s.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@', '\t', '\r']) => rest,
        _ => s,
    }
}

/// The department codes of a visit's tasks, sorted, each once.
pub(super) fn department_codes(inst: &Instance, tasks: &[TaskIndex]) -> Vec<String> {
    let depts: BTreeSet<DeptIndex> = tasks
        .iter()
        .filter_map(|&t| inst.tasks.get(t))
        .map(|t| t.department)
        .collect();
    let mut codes: Vec<String> = depts
        .into_iter()
        .filter_map(|d| inst.departments.get(d))
        .map(|d| d.code.clone())
        .collect();
    codes.sort();
    codes
}

/// The ids of tasks, in the visit's order.
pub(super) fn task_ids(inst: &Instance, tasks: &[TaskIndex]) -> Vec<String> {
    tasks
        .iter()
        .map(|&t| {
            inst.tasks
                .get(t)
                .map_or_else(|| format!("#{t}"), |x| x.id.clone())
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_round_trip_and_kilometres_keep_three_decimals() {
        for s in ["=1+1", "-3", "@x", "常山", "", "'quoted"] {
            assert_eq!(uncell(&cell(s)), s, "{s:?}");
        }
        assert_eq!(km_cell(2.9525), "2.953");
        assert_eq!(km_cell(0.0), "0.000");
        assert_eq!(km3(12.88449), 12.884);
    }
}
