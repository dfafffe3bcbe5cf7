//! Provides the one place that knows which MILP solver is compiled in.
//!
//! The pure-Rust `microlp` is the default, so a machine with only a Rust toolchain builds and
//! runs everything; HiGHS comes with the `highs` feature for county-scale speed. Everything
//! else in the MILP stage is written once against good_lp's traits, and [`model`] is the only
//! function that differs between the builds.

use good_lp::solvers::{ResolutionError, WithMipGap};
use good_lp::variable::UnsolvedProblem;
use good_lp::{
    Constraint, Expression, Solution, SolutionStatus, SolverModel, Variable, WithInitialSolution,
    WithTimeLimit,
};

/// Name of the MILP solver compiled in, as `--version` and plan.json report it.
#[cfg(feature = "highs")]
pub const BACKEND: &str = "highs";
/// Name of the MILP solver compiled in, as `--version` and plan.json report it.
#[cfg(not(feature = "highs"))]
pub const BACKEND: &str = "microlp";

/// HiGHS, quiet, proving optimality rather than stopping at its default 0.01 % gap (which on a
/// county's objective is tens of kilometres).
#[cfg(feature = "highs")]
fn model(p: UnsolvedProblem) -> good_lp::solvers::highs::HighsProblem {
    good_lp::highs(p)
        .set_option("output_flag", false)
        .set_option("mip_abs_gap", 1e-6)
}

/// microlp, which proves optimality unless told a gap.
#[cfg(not(feature = "highs"))]
fn model(p: UnsolvedProblem) -> good_lp::solvers::microlp::MicroLpProblem {
    good_lp::microlp(p)
}

/// How a solve ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Ended {
    /// Proven optimal.
    Optimal,
    /// Stopped by the time limit (or another limit) with a feasible solution.
    Limit,
}

/// A solved problem: the value of each variable asked for, and how the solve ended.
pub(crate) struct Solved {
    /// Values of the variables passed to [`solve`], in that order.
    pub values: Vec<f64>,
    /// The objective at the solution.
    pub objective: f64,
    /// How it ended.
    pub ended: Ended,
}

/// Solves `problem` under `constraints`, starting from `initial` when given, for at most
/// `time_limit` seconds when given, and reads back `read` and the value of `objective` (the
/// problem's own, which good_lp does not hand back).
pub(crate) fn solve(
    problem: UnsolvedProblem,
    objective: &Expression,
    constraints: Vec<Constraint>,
    initial: Option<Vec<(Variable, f64)>>,
    time_limit: Option<f64>,
    read: &[Variable],
) -> Result<Solved, ResolutionError> {
    solve_generic(
        model(problem),
        objective,
        constraints,
        initial,
        time_limit,
        read,
    )
}

/// The solve, written once for every backend.
fn solve_generic<M>(
    mut m: M,
    objective: &Expression,
    constraints: Vec<Constraint>,
    initial: Option<Vec<(Variable, f64)>>,
    time_limit: Option<f64>,
    read: &[Variable],
) -> Result<Solved, ResolutionError>
where
    M: SolverModel<Error = ResolutionError> + WithInitialSolution + WithTimeLimit + WithMipGap,
{
    for c in constraints {
        m.add_constraint(c);
    }
    if let Some(init) = initial {
        m = m.with_initial_solution(init);
    }
    if let Some(t) = time_limit {
        m = m.with_time_limit(t);
    }
    let m = m
        .with_mip_gap(0.0)
        .map_err(|e| ResolutionError::Str(format!("{e:?}")))?;
    let s = m.solve()?;
    let ended = match s.status() {
        SolutionStatus::Optimal => Ended::Optimal,
        _ => Ended::Limit,
    };
    Ok(Solved {
        values: read.iter().map(|&v| s.value(v)).collect(),
        objective: objective.eval_with(&s),
        ended,
    })
}
