//! Provides ingest: reads a workspace folder into a validated [`crate::model::Instance`], with
//! a [`crate::diag::Diagnostic`] for every problem found, all collected in one pass.
//!
//! Readers turn CSV, XLSX and JSON into [`table::Table`]s; the firm, team and plan readers work
//! on tables only, and only [`workspace`] touches the file system.

// Readers and rules return a `Diagnostic` as their error: it is built once per bad value, on
// the slow path of reading a file, so its size costs nothing worth a `Box` at every call site.
#![allow(clippy::result_large_err)]

mod assemble;
pub mod codes;
pub mod credit_code;
pub mod csv_source;
pub mod dates;
pub mod departments;
pub mod draw;
pub mod firms;
pub mod header_row;
pub mod headers;
pub mod json_source;
pub mod limits;
pub mod loaded;
pub mod month;
pub mod plans;
pub mod table;
pub mod teams;
pub mod toml_config;
pub mod travel_matrix;
pub mod validate;
pub mod workspace;
pub mod xlsx_source;

pub use assemble::{load_sources, load_sources_with};
pub use loaded::{
    DepartmentSummary, InputFile, Loaded, SourceFile, Sources, Summary, TravelSummary,
};
pub use workspace::{WorkspaceError, collect_named, collect_sources, load_workspace};
