//! Provides the departments' tasks read from the files under `plans/`.

use super::credit_code::normalize;
use super::departments::Departments;
use super::firms::Register;
use super::headers::{PLAN_FIELDS, map_headers};
use super::table::{Row, Table};
use super::validate::{firm_ref, ids, tasks as rules, values};
use crate::diag::Diagnostic;
use crate::model::{Calendar, DeptIndex, Loc, Task};
use chrono::NaiveDate;

/// A plan file's columns by their canonical names, in the order chayici writes them (the
/// lottery's drawn plans, generated workspaces), so a file chayici writes reads back as is.
pub const CANONICAL_COLUMNS: [&str; 10] = [
    "task_id",
    "department",
    "firm_id",
    "firm_name",
    "item",
    "earliest",
    "latest",
    "minutes",
    "priority",
    "source",
];

/// Shared state while reading every plan of a workspace.
pub struct PlanReader<'a> {
    /// The horizon's calendar; `None` when chayici.toml gives no valid horizon.
    pub calendar: Option<&'a Calendar>,
    /// The register tasks refer to.
    pub firms: &'a Register,
    /// Departments, extended by new names.
    pub depts: &'a mut Departments,
    /// Task ids seen so far in the workspace.
    pub seen: ids::Seen,
    /// Every problem found.
    pub diags: &'a mut Vec<Diagnostic>,
    /// The department of every row read, valid or not, and where the row names it (its
    /// department cell, else the row), for the summary and the coverage checks.
    pub rows: Vec<(DeptIndex, Loc)>,
}

impl PlanReader<'_> {
    /// Reads one table of a plan; `file_department` is the department the file itself names
    /// (a JSON plan's `department`, else the file's stem).
    pub fn read_table(&mut self, table: &Table, file_department: &str) -> Vec<Task> {
        let (cols, d) = map_headers(table, PLAN_FIELDS);
        self.diags.extend(d);
        if cols.get("task_id").is_none() || cols.get("firm_id").is_none() {
            return Vec::new();
        }
        let minutes_col = cols.get("minutes");
        table
            .rows
            .iter()
            .filter_map(|row| self.read_row(row, &cols, file_department, minutes_col.is_some()))
            .collect()
    }

    fn read_row(
        &mut self,
        row: &Row,
        cols: &super::headers::Columns,
        file_department: &str,
        has_minutes: bool,
    ) -> Option<Task> {
        let c = |name: &str| cols.get(name);
        let before = self.diags.len();
        let id_loc = row.loc_of(c("task_id"));
        let id = row.text(c("task_id")).to_string();
        if let Some(d) = ids::e0107_empty_required(&id, crate::i18n::Key::WordTaskId, &id_loc) {
            self.diags.push(d);
        } else if let Some(d) = ids::e1415_task_id(&id, &id_loc)
            .or_else(|| ids::e1401_duplicate_task(&mut self.seen, &id, &id_loc))
        {
            self.diags.push(d);
        }
        let dept_text = match row.text(c("department")) {
            "" => file_department,
            t => t,
        };
        let department = match rules::e1412_no_department(dept_text, &row.loc)
            .or_else(|| ids::e1416_department(dept_text, &row.loc_of(c("department"))))
        {
            Some(d) => {
                self.diags.push(d);
                0
            }
            None => {
                let loc = row.loc_of(c("department"));
                let (d, said) = self.depts.resolve_listed(dept_text, &loc);
                self.diags.extend(said);
                self.rows.push((d, loc));
                d
            }
        };
        let firm_loc = row.loc_of(c("firm_id"));
        let firm_id = normalize(row.text(c("firm_id")));
        let firm = if let Some(d) =
            ids::e0107_empty_required(&firm_id, crate::i18n::Key::WordFirmId, &firm_loc)
        {
            self.diags.push(d);
            None
        } else {
            let found = self.firms.index.get(&firm_id).copied();
            if found.is_none() {
                self.diags.push(firm_ref::unknown_firm(
                    self.firms,
                    &firm_id,
                    row.text(c("firm_name")),
                    &firm_loc,
                ));
            }
            found
        };
        if let Some(f) = firm {
            let name_loc = row.loc_of(c("firm_name"));
            let registered = &self.firms.firms[f].name;
            let given = row.text(c("firm_name"));
            self.diags.extend(rules::w1403_firm_name_mismatch(
                given, registered, &name_loc,
            ));
        }
        let minutes = if has_minutes {
            values::e1409_minutes(row.get(c("minutes")), &row.loc_of(c("minutes")))
                .map_err(|d| self.diags.push(d))
                .ok()
        } else {
            None
        };
        let priority = values::e1410_priority(row.get(c("priority")))
            .map_err(|d| self.diags.push(d))
            .ok();
        let demand = values::e1414_demand(row.get(c("demand")))
            .map_err(|d| self.diags.push(d))
            .unwrap_or(0);
        let (first_day, last_day) = self.window(row, c("earliest"), c("latest"));
        let errors = self.diags[before..].iter().any(Diagnostic::is_error);
        if errors {
            return None;
        }
        Some(Task {
            id,
            department,
            firm: firm?,
            item: row.text(c("item")).to_string(),
            first_day,
            last_day,
            minutes: minutes?,
            priority: priority?,
            demand,
            source: row.text(c("source")).to_string(),
            loc: row.loc.clone(),
            pin: None,
        })
    }

    /// The window as calendar indices; empty dates mean the horizon's bounds.
    fn window(&mut self, row: &Row, e_col: Option<usize>, l_col: Option<usize>) -> (usize, usize) {
        let mut date =
            |col: Option<usize>, what: crate::i18n::Key| -> Result<Option<NaiveDate>, ()> {
                match row.get(col) {
                    None => Ok(None),
                    Some(cell) => values::e1404_date(cell, what)
                        .map(Some)
                        .map_err(|d| self.diags.push(d)),
                }
            };
        let (earliest, latest) = (
            date(e_col, crate::i18n::Key::WordEarliest),
            date(l_col, crate::i18n::Key::WordLatest),
        );
        let (Ok(earliest), Ok(latest)) = (earliest, latest) else {
            return (0, 0);
        };
        let Some(cal) = self.calendar.filter(|c| !c.is_empty()) else {
            if let (Some(e), Some(l)) = (earliest, latest) {
                self.diags
                    .extend(rules::e1405_window_reversed(e, l, &row.loc_of(l_col)));
            }
            return (0, 0);
        };
        let (start, end) = (cal.dates[0], cal.dates[cal.len() - 1]);
        let (e, l) = (earliest.unwrap_or(start), latest.unwrap_or(end));
        let loc = row.loc_of(if earliest.is_some() { e_col } else { l_col });
        if let Some(d) = rules::e1405_window_reversed(e, l, &row.loc_of(l_col))
            .or_else(|| rules::e1407_window_outside(e, l, cal, &loc))
        {
            self.diags.push(d);
            return (0, 0);
        }
        self.diags
            .extend(rules::w1406_window_clamped(e, l, cal, &loc));
        let first = cal.index_of(e.max(start)).unwrap_or(0);
        let last = cal.index_of(l.min(end)).unwrap_or(0);
        self.diags
            .extend(rules::w1408_window_no_working_day(first, last, cal, &loc));
        (first, last)
    }
}
