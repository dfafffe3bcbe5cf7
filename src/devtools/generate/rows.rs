//! Provides the rows of a generated workspace: what each file will say, as plain values, so
//! tests can inspect a workspace without parsing its files.

use super::{PlanFormat, Profile};
use crate::model::{Point, Priority};
use chrono::NaiveDate;

/// A township (乡镇/街道) of a generated county.
#[derive(Debug, Clone, PartialEq)]
pub struct Township {
    /// Full name, e.g. `天马街道`.
    pub name: String,
    /// Where its government sits; firms cluster here and teams are based here.
    pub seat: Point,
    /// Relative share of the county's firms.
    pub weight: u32,
    /// True for urban subdistricts (街道), which hold more shops and fewer farms.
    pub urban: bool,
    /// Six-digit administrative division code of its county or district.
    pub division: String,
}

/// One row of `departments.csv`.
#[derive(Debug, Clone, PartialEq)]
pub struct DepartmentRow {
    /// Short code, e.g. `scjg`.
    pub code: String,
    /// Display name, e.g. `市场监管`.
    pub name: String,
}

/// One row of `firms.csv`; coordinates are already rounded to the six decimals written.
#[derive(Debug, Clone, PartialEq)]
pub struct FirmRow {
    /// Unified social credit code.
    pub id: String,
    /// Registered name.
    pub name: String,
    /// Street address.
    pub address: String,
    /// Township name.
    pub township: String,
    /// WGS-84 longitude.
    pub lon: f64,
    /// WGS-84 latitude.
    pub lat: f64,
    /// Industry label.
    pub industry: String,
    /// Risk grade A–D.
    pub risk: char,
    /// Opening hours, e.g. `08:00-11:30;13:30-17:30`.
    pub hours: String,
    /// Rest days, e.g. `Sun` or `Sat;Sun`, empty when always open.
    pub closed: String,
}

/// One row of `teams.csv`.
#[derive(Debug, Clone, PartialEq)]
pub struct TeamRow {
    /// Team id, e.g. `T01`.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Department codes the team covers.
    pub departments: Vec<String>,
    /// Base longitude (WGS-84, six decimals).
    pub base_lon: f64,
    /// Base latitude.
    pub base_lat: f64,
    /// Shift, e.g. `08:30-17:30`.
    pub shift: String,
    /// Working dates; empty means every working day.
    pub days: String,
}

/// One task of a department's plan.
#[derive(Debug, Clone, PartialEq)]
pub struct TaskRow {
    /// Task id, unique in the workspace.
    pub task_id: String,
    /// Department code.
    pub department: String,
    /// Firm's credit code.
    pub firm_id: String,
    /// Firm's name, as the department typed it.
    pub firm_name: String,
    /// Inspection item.
    pub item: String,
    /// First allowed date; `None` with `latest` `None` means the whole horizon.
    pub earliest: Option<NaiveDate>,
    /// Last allowed date.
    pub latest: Option<NaiveDate>,
    /// On-site minutes.
    pub minutes: u32,
    /// Priority.
    pub priority: Priority,
    /// Why it is inspected: 双随机, 重点, 专项 or 投诉.
    pub source: String,
}

/// One department's plan file.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanFile {
    /// Department code.
    pub department: String,
    /// File name inside `plans/`.
    pub file_name: String,
    /// How the file is written.
    pub format: PlanFormat,
    /// Its tasks, in id order.
    pub tasks: Vec<TaskRow>,
}

/// Everything one workspace folder holds, before it is written.
#[derive(Debug, Clone, PartialEq)]
pub struct Workspace {
    /// Folder relative to the output folder (empty: the output folder itself).
    pub dir: String,
    /// Display name, written to `chayici.toml`.
    pub name: String,
    /// First day of the horizon.
    pub start: NaiveDate,
    /// Last day of the horizon.
    pub end: NaiveDate,
    /// Townships, for the README.
    pub townships: Vec<Township>,
    /// Departments, in file order.
    pub departments: Vec<DepartmentRow>,
    /// Firms.
    pub firms: Vec<FirmRow>,
    /// Teams.
    pub teams: Vec<TeamRow>,
    /// One plan per department.
    pub plans: Vec<PlanFile>,
}

impl Workspace {
    /// Number of tasks over all plans.
    pub fn task_count(&self) -> usize {
        self.plans.iter().map(|p| p.tasks.len()).sum()
    }
}

/// The result of a generation: one workspace, or one per county for the province profile.
#[derive(Debug, Clone, PartialEq)]
pub struct Generated {
    /// The profile generated.
    pub profile: Profile,
    /// The seed used.
    pub seed: u64,
    /// The workspaces.
    pub workspaces: Vec<Workspace>,
}
