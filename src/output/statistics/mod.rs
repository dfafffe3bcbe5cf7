//! Provides the statistics as the office pastes them into its monthly report: the tables of
//! `statistics.xlsx` (总体, 部门, 乡镇, 检查组, 周) and `statistics/*.csv`, and plan.json's
//! `statistics` section. Every figure comes from [`crate::stats`], so these files, the report
//! and the summary cannot disagree.

mod json;
mod tables;
mod write;

pub use json::statistics_json;
pub use tables::{Cell, StatTable, statistics_tables};
pub use write::{write_statistics_csv, write_statistics_workbook};

/// The workbook's file name in the plan folder.
pub const STATISTICS_XLSX: &str = "statistics.xlsx";
/// The folder of the CSV files in the plan folder.
pub const STATISTICS_DIR: &str = "statistics";
/// The CSV files in [`STATISTICS_DIR`], one per sheet, in sheet order.
pub const STATISTICS_CSVS: [&str; 5] = [
    "overall.csv",
    "department.csv",
    "township.csv",
    "team.csv",
    "week.csv",
];
