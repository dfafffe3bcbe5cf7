//! Solves Solomon VRPTW instances with the county planner's routing engine, so that the engine
//! is measured against the classic literature.
//!
//! [`parse`] reads the file, [`to_instance`] maps it onto the model (one day, vehicles as
//! teams with a daily capacity, customers as firms), [`crate::solve::solve`] plans it with
//! vehicles weighted far above distance, and [`check`] confirms the result in double
//! precision from the file alone. The best-known solutions come from `bks.csv` beside the
//! instance when it is there.

mod bks;
mod check;
mod mapping;
mod parse;

pub use bks::{Bks, bks_beside, gap_percent, parse_bks};
pub use check::{CheckReport, check};
pub use mapping::{TIME_SCALE, VEHICLE_WEIGHT, to_instance};
pub use parse::{Customer, ParseError, SolomonInstance, parse};

use crate::solve::SolveParams;
use anyhow::Context;
use serde::Serialize;
use std::path::Path;
use std::time::Instant;

/// What one run on one instance gives.
#[derive(Debug, Clone, Serialize)]
pub struct SolomonResult {
    /// Instance name.
    pub name: String,
    /// Number of customers.
    pub customers: usize,
    /// Vehicles used.
    pub vehicles: usize,
    /// Total distance in double precision, as the checker summed it.
    pub distance: f64,
    /// The best-known solution, when known.
    pub bks: Option<Bks>,
    /// Distance over the best known, in percent.
    pub gap_percent: Option<f64>,
    /// True when the double-precision checker found nothing wrong.
    pub feasible: bool,
    /// What the checker found wrong.
    pub violations: Vec<String>,
    /// Each vehicle's customers (the file's numbers), in driving order.
    pub routes: Vec<Vec<u32>>,
    /// Wall-clock seconds of the solve.
    pub seconds: f64,
    /// Improvement rounds done.
    pub iterations: u64,
    /// Seed used.
    pub seed: u64,
}

/// Reads a Solomon file.
pub fn read(path: &Path) -> anyhow::Result<SolomonInstance> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
    parse(&text).with_context(|| format!("{} is not a Solomon instance", path.display()))
}

/// Solves `s` and checks the result; `bks`, when given, sets the gap.
pub fn solve(s: &SolomonInstance, params: &SolveParams, bks: Option<Bks>) -> SolomonResult {
    let started = Instant::now();
    let inst = to_instance(s);
    let outcome = crate::solve::solve(&inst, params, &|_| {});
    let seconds = started.elapsed().as_secs_f64();
    let routes: Vec<Vec<usize>> = outcome
        .plan
        .routes
        .iter()
        .map(|r| r.visits.iter().map(|v| v.firm).collect())
        .filter(|r: &Vec<usize>| !r.is_empty())
        .collect();
    let report = check(s, &routes);
    SolomonResult {
        name: s.name.clone(),
        customers: s.customers.len(),
        vehicles: report.vehicles,
        distance: report.distance,
        bks,
        gap_percent: bks.map(|b| gap_percent(report.distance, &b)),
        feasible: report.is_feasible(),
        violations: report.violations,
        routes: routes
            .iter()
            .map(|r| r.iter().map(|&i| s.customers[i].id).collect())
            .collect(),
        seconds,
        iterations: outcome.iterations,
        seed: params.seed,
    }
}

/// Reads and solves a Solomon file, with the best-known solution from `bks.csv` beside it.
pub fn solve_file(path: &Path, params: &SolveParams) -> anyhow::Result<SolomonResult> {
    let s = read(path)?;
    let bks = bks_beside(path, &s.name);
    Ok(solve(&s, params, bks))
}
