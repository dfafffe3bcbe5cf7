//! Provides the department registry: codes and display names from `departments.csv`, then
//! every other string plans and teams use, indexed in order of first appearance.
//!
//! Files are read in a fixed order (departments.csv, plans sorted by path, teams), so the
//! indices, and with them every later output, are deterministic.

use super::codes;
use super::headers::{DEPARTMENT_FIELDS, edit_distance, map_headers};
use super::table::Table;
use crate::diag::Diagnostic;
use crate::i18n::Key;
use crate::model::{Department, DeptIndex, Loc, MAX_DEPARTMENTS};
use crate::msg;
use std::collections::HashMap;

/// Departments known so far, findable by code or display name.
#[derive(Debug, Default)]
pub struct Departments {
    list: Vec<Department>,
    keys: HashMap<String, DeptIndex>,
    overflow: Option<Loc>,
    /// How many departments `departments.csv` lists: when it lists any, a plan's department
    /// must be one of them.
    registered: usize,
    /// Every code, name and alias of a listed department, as written, with its index.
    spellings: Vec<(String, DeptIndex)>,
    /// Full names already reported as read as a listed department: said once, not per row.
    mapped: std::collections::HashSet<String>,
}

/// Endings of a department's full name that its short name drops: `市场监管局` is
/// `市场监管`, `消防救援大队` is `消防救援`.
const NAME_ENDINGS: &[&str] = &[
    "委员会",
    "办公室",
    "大队",
    "支队",
    "中队",
    "分局",
    "局",
    "委",
    "办",
    "所",
    "站",
    "中心",
];

/// A spelling without spaces, case and one of [`NAME_ENDINGS`], for matching a name a clerk
/// writes in full against the short name the register lists.
fn loose(s: &str) -> String {
    let k: String = key(s).chars().filter(|c| !c.is_whitespace()).collect();
    NAME_ENDINGS
        .iter()
        .find_map(|e| k.strip_suffix(e).filter(|rest| !rest.is_empty()))
        .map_or_else(|| k.clone(), str::to_string)
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
            self.spellings.push((code.to_string(), idx));
            if !name.is_empty() {
                self.list[idx].name = name.to_string();
                self.keys.entry(key(name)).or_insert(idx);
                self.spellings.push((name.to_string(), idx));
            }
            for alias in split_list(row.text(cols.get("aliases"))) {
                self.keys.entry(key(alias)).or_insert(idx);
                self.spellings.push((alias.to_string(), idx));
            }
        }
        self.registered = self.list.len();
    }

    /// The index of the department a plan or team names as `s`, like [`Self::resolve`], and
    /// what to say about it when `departments.csv` lists departments and `s` is none of their
    /// codes, names or aliases: W1421 (once per spelling) when it is one of them written in full (`市场监管局`
    /// for `市场监管`), E1420 with the closest ones otherwise, so a task is never left to go
    /// unscheduled under a department no team covers.
    pub fn resolve_listed(&mut self, s: &str, loc: &Loc) -> (DeptIndex, Option<Diagnostic>) {
        if self.registered == 0 || self.keys.get(&key(s)).is_some_and(|&i| i < self.registered) {
            return (self.resolve(s, loc), None);
        }
        let wanted = loose(s);
        let mut matches: Vec<DeptIndex> = self
            .spellings
            .iter()
            .filter(|(sp, _)| loose(sp) == wanted)
            .map(|&(_, i)| i)
            .collect();
        matches.dedup();
        if let [i] = matches[..] {
            if !self.mapped.insert(key(s)) {
                return (i, None);
            }
            let d = &self.list[i];
            let w = Diagnostic::warning(
                codes::DEPARTMENT_NAME_MAPPED,
                loc.clone(),
                msg!(
                    W1421Mapped,
                    department = s.trim(),
                    code = &d.code,
                    name = &d.name
                ),
            )
            .with_help(msg!(W1421Help, code = &d.code, department = s.trim()));
            return (i, Some(w));
        }
        let e = Diagnostic::error(
            codes::UNKNOWN_DEPARTMENT,
            loc.clone(),
            msg!(
                E1420Unknown,
                department = s.trim(),
                closest = self.closest(s)
            ),
        )
        .with_help(Key::E1420Help);
        (self.resolve(s, loc), Some(e))
    }

    /// True when department `d` may be named: `departments.csv` lists it, or lists none.
    pub fn is_listed(&self, d: DeptIndex) -> bool {
        self.registered == 0 || d < self.registered
    }

    /// The three listed departments closest to `s` by the edit distance of their nearest
    /// spelling, as `` `scjg` (市场监管) ``, `, `-joined.
    fn closest(&self, s: &str) -> String {
        let wanted = loose(s);
        let mut best: Vec<(usize, DeptIndex)> = (0..self.registered)
            .map(|i| {
                let d = self
                    .spellings
                    .iter()
                    .filter(|&&(_, j)| j == i)
                    .map(|(sp, _)| edit_distance(&wanted, &loose(sp)))
                    .min()
                    .unwrap_or(usize::MAX);
                (d, i)
            })
            .collect();
        best.sort();
        best.iter()
            .take(3)
            .map(|&(_, i)| format!("`{}` ({})", self.list[i].code, self.list[i].name))
            .collect::<Vec<_>>()
            .join(", ")
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::csv_source::read_csv;

    fn listed() -> Departments {
        let csv =
            "department,name,aliases\nscjg,市场监管,市监\nxfjy,消防救援,\nsjj,市场监管稽查,\n";
        let (table, _) = read_csv(csv.as_bytes(), "departments.csv").unwrap();
        let mut d = Departments::default();
        let mut diags = Vec::new();
        d.read_table(&table, &mut diags);
        assert!(diags.is_empty(), "{diags:?}");
        d
    }

    #[test]
    fn codes_names_and_aliases_are_read_silently_full_names_with_a_warning() {
        let mut d = listed();
        let loc = Loc::file("plans/p.csv");
        for s in ["scjg", "市场监管", "市监", "SCJG"] {
            assert_eq!(d.resolve_listed(s, &loc), (0, None), "{s}");
        }
        let (i, w) = d.resolve_listed("消防救援大队", &loc);
        assert_eq!(i, 1);
        assert_eq!(w.unwrap().code, codes::DEPARTMENT_NAME_MAPPED);
        // Said once per spelling, not once per row.
        assert_eq!(d.resolve_listed("消防救援大队", &loc), (1, None));
    }

    #[test]
    fn an_unlisted_department_is_an_error_naming_the_closest_first() {
        let mut d = listed();
        let (_, e) = d.resolve_listed("市场监督管理局", &Loc::file("p.csv"));
        let e = e.unwrap();
        assert_eq!(e.code, codes::UNKNOWN_DEPARTMENT);
        let message = e.message.en();
        assert!(message.contains("closest: `scjg` (市场监管)"), "{message}");
    }

    #[test]
    fn without_a_list_any_name_is_a_department() {
        let mut d = Departments::default();
        assert_eq!(
            d.resolve_listed("市场监管局", &Loc::file("p.csv")),
            (0, None)
        );
    }
}
