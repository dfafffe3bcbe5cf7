//! Times the improvement phase alone, at a fixed budget, for the thread-scaling table.
//!
//! The planner has no public seam between construction and search, so the search is timed
//! from the planner's own progress reports: the first comes a few rounds in, the last at the
//! final round, and the rounds between them are pure search. The time per round times the
//! budget is the figure; construction is timed by a run with no rounds, shown apart.
//! The budget is rounds, not seconds, so every thread count does exactly the same work and
//! produces the same plan.

use super::measure::RunParams;
use super::row::ScalingRow;
use crate::model::Instance;
use crate::solve::{Progress, solve};
use std::sync::Mutex;
use std::time::Instant;

/// Improvement rounds of the scaling run when the command line does not say.
pub const DEFAULT_ITERATIONS: u64 = 300;

/// Times construction and `params.iterations` improvement rounds on `inst`.
pub fn time_improvement(name: &str, inst: &Instance, params: &RunParams) -> ScalingRow {
    let construct_params = RunParams {
        iterations: 0,
        ..*params
    };
    let t = Instant::now();
    solve(inst, &construct_params.solve_params(), &|_| {});
    let construct_seconds = t.elapsed().as_secs_f64();

    let reports: Mutex<Vec<(u64, Instant)>> = Mutex::new(Vec::new());
    let start = Instant::now();
    let outcome = solve(inst, &params.solve_params(), &|p: Progress| {
        if let Ok(mut r) = reports.lock() {
            r.push((p.iteration, Instant::now()));
        }
    });
    let total = start.elapsed().as_secs_f64();
    let reports = reports.into_inner().unwrap_or_default();
    let rounds = outcome.iterations;
    let per_round = match (reports.first(), reports.last()) {
        (Some(&(a, ta)), Some(&(b, tb))) if b > a => (tb - ta).as_secs_f64() / (b - a) as f64,
        _ if rounds > 0 => (total - construct_seconds).max(0.0) / rounds as f64,
        _ => 0.0,
    };
    ScalingRow {
        instance: name.to_string(),
        seed: params.seed,
        iterations: rounds,
        threads: params.effective_threads(),
        construct_seconds,
        improve_seconds: per_round * rounds as f64,
        ms_per_round: per_round * 1000.0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::devtools::synth::{SynthParams, random_instance};

    #[test]
    fn times_the_rounds_asked_for() {
        let inst = random_instance(
            3,
            &SynthParams {
                firms: 20,
                ..SynthParams::default()
            },
        );
        let params = RunParams {
            seed: 1,
            iterations: 20,
            threads: 1,
            milp: false,
        };
        let row = time_improvement("synth", &inst, &params);
        assert_eq!(row.iterations, 20);
        assert_eq!(row.threads, 1);
        assert!(row.improve_seconds >= 0.0 && row.construct_seconds >= 0.0);
    }
}
