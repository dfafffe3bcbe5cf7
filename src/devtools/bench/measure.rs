//! Plans one workspace the way `chayici plan` does and measures every stage.
//!
//! The stages are timed apart (reading, bounds, planning, checking) so that a slow row says
//! where its time went; only planning is the figure the targets name. Planning includes the
//! set-partitioning MILP unless it is turned off, because `chayici plan` runs it by default and
//! a bench that skipped it would time a planner nobody uses. Every plan goes through the
//! independent checker: a fast plan that breaks a rule is not a result.

use super::memory::peak_memory_mb;
use super::row::{MilpRow, Row, gap_percent};
use crate::graph::visit_bounds;
use crate::solve::milp::MilpParams;
use crate::solve::{SolveParams, solve_with_bounds};
use crate::verify::verify_plan;
use anyhow::{Context, bail};
use std::path::Path;
use std::time::Instant;

/// How the planner runs in a bench.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RunParams {
    /// Planner seed.
    pub seed: u64,
    /// Improvement rounds.
    pub iterations: u64,
    /// Worker threads (0: one per core).
    pub threads: usize,
    /// Run the set-partitioning MILP after the search, with `chayici plan`'s defaults. Off,
    /// the row shows what the search alone reaches, and what the MILP's time buys.
    pub milp: bool,
}

impl RunParams {
    /// The planner's parameters; never a time limit, so that runs are comparable.
    pub fn solve_params(&self) -> SolveParams {
        SolveParams {
            seed: self.seed,
            iterations: self.iterations,
            time_limit: None,
            deadline: None,
            threads: self.threads,
        }
    }

    /// Threads the planner really uses: 0 means rayon's default pool size.
    pub fn effective_threads(&self) -> usize {
        match self.threads {
            0 => rayon::current_num_threads(),
            n => n,
        }
    }
}

/// Reads, bounds, plans and checks the workspace in `dir`; `name` and `source` label the row.
pub fn run_instance(
    name: &str,
    source: &str,
    dir: &Path,
    params: &RunParams,
) -> anyhow::Result<Row> {
    let t = Instant::now();
    let loaded = crate::ingest::load_workspace(dir)
        .with_context(|| format!("cannot read workspace {}", dir.display()))?;
    let errors = loaded.summary.errors;
    let inst = match loaded.instance {
        Some(inst) if !loaded.has_errors() => inst,
        _ => bail!(
            "{} has {errors} error(s); run `chayici check` on it",
            dir.display()
        ),
    };
    let load_seconds = t.elapsed().as_secs_f64();

    let t = Instant::now();
    let bounds = visit_bounds(&inst);
    let bounds_seconds = t.elapsed().as_secs_f64();

    let milp = params.milp.then(MilpParams::default);
    let t = Instant::now();
    let outcome = solve_with_bounds(
        &inst,
        &bounds,
        &params.solve_params(),
        milp.as_ref(),
        &|_| {},
    );
    let seconds = t.elapsed().as_secs_f64();

    let t = Instant::now();
    let report = verify_plan(&inst, &outcome.plan);
    let verify_seconds = t.elapsed().as_secs_f64();

    let k = &report.kpis;
    Ok(Row {
        instance: name.to_string(),
        source: source.to_string(),
        seed: params.seed,
        iterations: params.iterations,
        iterations_done: outcome.iterations,
        tasks: k.tasks,
        unscheduled: k.unscheduled,
        visits: k.visits,
        lower_bound: bounds.lower_bound,
        naive: bounds.naive,
        visit_gap_percent: gap_percent(k.visits, bounds.lower_bound),
        travel_km: k.travel_km,
        seconds,
        load_seconds,
        bounds_seconds,
        verify_seconds,
        threads: params.effective_threads(),
        peak_memory_mb: peak_memory_mb(),
        verified: report.is_ok(),
        violations: report.violations.len(),
        milp: outcome.milp.as_ref().map(MilpRow::from),
        team_days: Some(k.routes),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tiny() -> std::path::PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("data/tiny")
    }

    #[test]
    fn plans_and_checks_the_tiny_workspace() {
        let params = RunParams {
            seed: 1,
            iterations: 5,
            threads: 1,
            milp: true,
        };
        let row = run_instance("tiny", "data/tiny", &tiny(), &params).expect("runs");
        assert!(row.verified, "{row:?}");
        assert!(row.tasks > 0);
        assert!(row.visits >= row.lower_bound);
        assert_eq!(row.iterations_done, 5);
        assert_eq!(row.threads, 1);
        let milp = row.milp.expect("the MILP runs by default");
        assert!(milp.objective_after <= milp.objective_before, "{milp:?}");
        assert!(milp.columns > 0);
        assert!(milp.seconds <= row.seconds);
    }

    #[test]
    fn without_the_milp_the_row_has_none() {
        let params = RunParams {
            seed: 1,
            iterations: 5,
            threads: 1,
            milp: false,
        };
        let row = run_instance("tiny", "data/tiny", &tiny(), &params).expect("runs");
        assert!(row.verified, "{row:?}");
        assert_eq!(row.milp, None);
    }
}
