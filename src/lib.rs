//! chayici (查一次) plans a month of joint administrative inspections for a county.
//!
//! Data flows one way: [`ingest`] reads a workspace into a validated [`model::Instance`]
//! (with [`diag::Diagnostic`]s for everything wrong), [`graph`] finds which tasks may share a
//! visit and bounds the number of visits, [`solve`] builds the plan, [`verify`] checks any
//! plan from first principles, and [`output`] writes it. [`stats`] holds the one set of
//! definitions of the reform's figures (joint share, reduction) every output shows. The `chayici` binary's command line
//! is a thin layer over these, and the only code that parses arguments.
//!
//! The developer tools (synthetic workspaces and instances, the benchmark report, the Solomon
//! runner) live apart in `devtools`, behind the feature of that name, and the modules above
//! never import them.
#![warn(missing_docs)]
#![forbid(unsafe_code)]

pub mod advise;
pub mod calendar;
#[cfg(any(feature = "devtools", test))]
pub mod devtools;
pub mod diag;
pub mod diff;
pub mod draw;
pub mod explain;
pub mod export;
pub mod graph;
pub mod i18n;
pub mod ingest;
pub mod model;
pub mod output;
pub mod replan;
pub mod safe_text;
pub mod solve;
pub mod spatial;
pub mod stats;
pub mod verify;

// The unit tests of `solve` name the instance generator by its short path.
#[cfg(test)]
use devtools::synth;
