//! Provides what passes between reading a workspace's files ([`super::workspace`]) and
//! assembling them into an instance ([`super::load_sources`]): the files in memory and what
//! ingest makes of them. Kept apart so that each side imports it and neither the other.

use crate::diag::Diagnostic;
use crate::model::Instance;
use chrono::NaiveDate;
use serde::Serialize;

/// One input file: its path relative to the workspace, with `/` separators, and its bytes.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SourceFile {
    /// Path relative to the workspace, e.g. `plans/xfjy.csv`.
    pub path: String,
    /// The file's content.
    pub bytes: Vec<u8>,
}

/// A workspace's files in memory, so ingest can run on generated data without a disk.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Sources {
    /// Display name when chayici.toml gives none (the folder's name).
    pub name: String,
    /// `chayici.toml`.
    pub config: SourceFile,
    /// `firms.csv` (or `.xlsx`).
    pub firms: SourceFile,
    /// `teams.csv` (or `.xlsx`), when present.
    pub teams: Option<SourceFile>,
    /// `departments.csv`, when present.
    pub departments: Option<SourceFile>,
    /// The plans, sorted by path.
    pub plans: Vec<SourceFile>,
    /// `done.csv` (or `.xlsx`), when present: what became of the tasks planned.
    pub done: Option<SourceFile>,
    /// `pins.csv` (or `.xlsx`), when present: tasks fixed to a team or a day.
    pub pins: Option<SourceFile>,
    /// `absences.csv` (or `.xlsx`), when present: days a team is out.
    pub absences: Option<SourceFile>,
    /// Problems found while collecting the files (missing teams, ignored files).
    pub problems: Vec<Diagnostic>,
}

impl Sources {
    /// Every file, config first, then firms, teams, departments, plans and the month's
    /// records.
    pub fn files(&self) -> impl Iterator<Item = &SourceFile> {
        [
            Some(&self.config),
            Some(&self.firms),
            self.teams.as_ref(),
            self.departments.as_ref(),
        ]
        .into_iter()
        .flatten()
        .chain(&self.plans)
        .chain(
            [&self.done, &self.pins, &self.absences]
                .into_iter()
                .flatten(),
        )
    }
}

/// An input file's path and SHA-256, recorded in `plan.json` so a plan names what it was
/// made from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct InputFile {
    /// Path relative to the workspace.
    pub path: String,
    /// Lower-case hex SHA-256 of the bytes read.
    pub sha256: String,
}

/// One department's line of the summary.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DepartmentSummary {
    /// Code as written in plans and teams.
    pub code: String,
    /// Display name.
    pub name: String,
    /// Task rows naming it.
    pub tasks: usize,
    /// True when some team covers it.
    pub covered: bool,
}

/// What a workspace holds, for `check`'s report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Summary {
    /// Display name.
    pub name: String,
    /// Firms in the register.
    pub firms: usize,
    /// Teams.
    pub teams: usize,
    /// Task rows in all plans, valid or not.
    pub tasks: usize,
    /// Departments in index order.
    pub departments: Vec<DepartmentSummary>,
    /// The horizon's first and last date, when valid.
    pub horizon: Option<(NaiveDate, NaiveDate)>,
    /// Dates in the horizon.
    pub days: usize,
    /// Working days in the horizon.
    pub working_days: usize,
    /// The travel matrix read, when `chayici.toml` names one that was found.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub travel: Option<TravelSummary>,
    /// Errors found.
    pub errors: usize,
    /// Warnings found.
    pub warnings: usize,
}

/// What the travel matrix gave, for `check`'s report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TravelSummary {
    /// The matrix file, relative to the workspace.
    pub file: String,
    /// Ordered pairs of places it lists.
    pub pairs: usize,
    /// Pairs a route can drive that it leaves to the great-circle model.
    pub fallback: usize,
}

impl std::fmt::Display for TravelSummary {
    /// `matrix travel.csv read: 38 pairs (2 more by great circle)`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let s = if self.pairs == 1 { "" } else { "s" };
        write!(f, "matrix {} read: {} pair{s}", self.file, self.pairs)?;
        if self.fallback > 0 {
            write!(f, " ({} more by great circle)", self.fallback)?;
        }
        Ok(())
    }
}

/// A workspace read and checked.
#[derive(Debug, Clone)]
pub struct Loaded {
    /// The instance; `None` when errors prevent building it.
    pub instance: Option<Instance>,
    /// Every problem, sorted by file, line and column.
    pub diagnostics: Vec<Diagnostic>,
    /// Counts for the report.
    pub summary: Summary,
    /// Every file read, with its SHA-256.
    pub inputs: Vec<InputFile>,
}

impl Loaded {
    /// True when some diagnostic is an error.
    pub fn has_errors(&self) -> bool {
        self.summary.errors > 0
    }
}

/// The lower-cased extension of a path.
pub(super) fn extension(path: &str) -> String {
    path.rsplit_once('.')
        .map(|(_, e)| e.to_lowercase())
        .unwrap_or_default()
}
