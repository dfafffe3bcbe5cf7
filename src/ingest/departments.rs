//! Provides the department registry: codes and display names from `departments.csv`, then
//! every other string plans and teams use, indexed in order of first appearance.
//!
//! Files are read in a fixed order (departments.csv, plans sorted by path, teams), so the
//! indices, and with them every later output, are deterministic.

use super::codes;
use super::headers::{DEPARTMENT_FIELDS, map_headers};
use super::table::Table;
use crate::diag::Diagnostic;
use crate::model::{Department, DeptIndex, Loc, MAX_DEPARTMENTS};
use crate::msg;
use std::collections::HashMap;

/// Departments known so far, findable by code or display name.
#[derive(Debug, Default)]
pub struct Departments {
    list: Vec<Department>,
    keys: HashMap<String, DeptIndex>,
    overflow: Option<Loc>,
}

fn key(s: &str) -> String {
    s.trim().to_lowercase()
}

/// Splits a team's department list on `;`, `；`, `,`, `，`, `、`, `/` and whitespace.
pub fn split_list(s: &str) -> impl Iterator<Item = &str> {
    s.split([';', '；', ',', '，', '、', '/', ' ', '\u{3000}'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
}

impl Departments {
    /// Reads `departments.csv` (`department`, `name`).
    pub fn read_table(&mut self, table: &Table, diags: &mut Vec<Diagnostic>) {
        let (cols, d) = map_headers(table, DEPARTMENT_FIELDS);
        diags.extend(d);
        let (code_col, name_col) = (cols.get("department"), cols.get("name"));
        if code_col.is_none() {
            return;
        }
        for row in &table.rows {
            let code = row.text(code_col);
            if code.is_empty() {
                diags.push(Diagnostic::error(
                    codes::EMPTY_REQUIRED,
                    row.loc_of(code_col),
                    msg!(E0107DepartmentCode),
                ));
                continue;
            }
            diags.extend(super::validate::ids::e1416_department(
                code,
                &row.loc_of(code_col),
            ));
            let name = row.text(name_col);
            let idx = self.resolve(code, &row.loc);
            if !name.is_empty() {
                self.list[idx].name = name.to_string();
                self.keys.entry(key(name)).or_insert(idx);
            }
        }
    }

    /// The index of the department named `s` (code or display name), adding it when new.
    /// `loc` is where it was named, for the error when there are too many.
    pub fn resolve(&mut self, s: &str, loc: &Loc) -> DeptIndex {
        if let Some(&i) = self.keys.get(&key(s)) {
            return i;
        }
        let i = self.list.len();
        if i == MAX_DEPARTMENTS && self.overflow.is_none() {
            self.overflow = Some(loc.clone());
        }
        self.list.push(Department {
            code: s.trim().to_string(),
            name: s.trim().to_string(),
        });
        self.keys.insert(key(s), i);
        i
    }

    /// E0106: the error when more than [`MAX_DEPARTMENTS`] were named.
    pub fn e0106_too_many_departments(&self) -> Option<Diagnostic> {
        let loc = self.overflow.clone()?;
        Some(
            Diagnostic::error(
                codes::TOO_MANY_DEPARTMENTS,
                loc,
                msg!(E0106TooMany, count = self.list.len(), max = MAX_DEPARTMENTS),
            )
            .with_help(crate::i18n::Key::E0106Help),
        )
    }

    /// The departments, by index.
    pub fn list(&self) -> &[Department] {
        &self.list
    }

    /// The departments, by index.
    pub fn into_vec(self) -> Vec<Department> {
        self.list
    }
}
