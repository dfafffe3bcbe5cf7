//! chayici (查一次) plans a month of joint administrative inspections for a county.
//!
//! Data flows one way: [`ingest`] reads a workspace into a validated [`model::Instance`]
//! (with [`diag::Diagnostic`]s for everything wrong), [`graph`] finds which tasks may share a
//! visit and bounds the number of visits, [`solve`] builds the plan, [`verify`] checks any
//! plan from first principles, and [`output`] writes it. The `chayici` binary's command line
//! is a thin layer over these, and the only code that parses arguments.
#![warn(missing_docs)]
#![forbid(unsafe_code)]

pub mod bench;
pub mod calendar;
pub mod diag;
pub mod generate;
pub mod graph;
pub mod ingest;
pub mod model;
pub mod output;
pub mod solomon;
pub mod solve;
pub mod spatial;
pub mod synth;
pub mod verify;
