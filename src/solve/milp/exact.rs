//! Provides the exact solver for small instances, the yardstick of the heuristics' tests and
//! of `chayici plan --exact`.
//!
//! A compact MILP (task-team-day, visit and arc binaries, times with big-M, a binary per
//! opening window) is the textbook model, but its LP relaxation is weak and the pure-Rust
//! default backend would take minutes even on a handful of firms. Instead every feasible
//! team-day route is enumerated ([`super::enumerate`]) and the set-partitioning model is solved
//! over all of them. A plan is a choice of at most one route per team-day with no task done
//! twice, and every such route is a column, so this optimum is the optimum of the problem:
//! unscheduled tasks, visits and kilometres exactly. Balance is modelled too when its weight
//! is not zero; then only the cheapest order of each route's task set competes, which is exact
//! for kilometres but may miss an order that drives longer to balance the teams better.
//!
//! **Limits.** The size limits below let through instances whose routes still number in the
//! millions (a firm with five tasks offers 31 visits), so the enumeration also has a work
//! budget ([`MAX_ROUTES`], [`MAX_PARTIAL_ROUTES`]), sized so that reaching it takes seconds
//! and a few hundred megabytes, and the whole solve has a time limit
//! ([`ExactParams::time_limit`]). Past either, the answer is an error, never a plan: `--exact`
//! promises optimality, and a plan the solver did not prove optimal is what `plan` without
//! `--exact` already gives, better searched.

use super::backend::Ended;
use super::enumerate::{self, TooMany, Work};
use super::set_partition::{self, Options};
use super::{BACKEND, MilpReport, rebuild, round3};
use crate::model::Instance;
use crate::solve::SolveOutcome;
use crate::solve::bundle::{Bundle, initial_bundles};
use crate::solve::context::Ctx;
use crate::solve::objective::evaluate;
use crate::solve::parallel::Workers;
use crate::solve::pool::PooledRoute;
use crate::solve::rules;
use std::fmt;
use std::time::{Duration, Instant};

/// Most firms with tasks the exact model accepts.
pub const EXACT_MAX_FIRMS: usize = 8;
/// Most teams the exact model accepts.
pub const EXACT_MAX_TEAMS: usize = 2;
/// Most working days the exact model accepts.
pub const EXACT_MAX_DAYS: usize = 5;

/// Most routes (columns) the exact model enumerates over all team-days: a set-partitioning
/// model of this size still builds in a second, and most of the exact-sized instances of the
/// tests need a few hundred.
pub const MAX_ROUTES: usize = 20_000;

/// Most partial routes the enumeration grows over all team-days before it gives up: about a
/// second of work and a few hundred megabytes at most.
pub const MAX_PARTIAL_ROUTES: usize = 1_000_000;

/// What the exact model may spend.
#[derive(Debug, Clone, PartialEq)]
pub struct ExactParams {
    /// Longest the whole solve may take, enumeration and MILP together (`--milp-time-limit`).
    pub time_limit: Duration,
}

impl Default for ExactParams {
    fn default() -> Self {
        Self {
            time_limit: super::MilpParams::default().time_limit,
        }
    }
}

/// Why the exact model was not solved.
#[derive(Debug, Clone, PartialEq)]
pub enum ExactError {
    /// The instance is above the size the exact model is meant for.
    TooLarge {
        /// Firms with at least one task.
        firms: usize,
        /// Teams.
        teams: usize,
        /// Working days of the horizon.
        days: usize,
    },
    /// More tasks could be done on one team-day than the enumeration handles (64).
    TooManyTasks(usize),
    /// The enumeration of routes reached its work budget.
    TooManyRoutes {
        /// Routes enumerated before the budget ran out.
        routes: usize,
        /// Partial routes grown before the budget ran out.
        partial: usize,
    },
    /// The time limit ran out before optimality was proved.
    NotProved {
        /// The time limit, in seconds.
        limit_seconds: f64,
        /// Routes enumerated when time ran out.
        routes: usize,
    },
    /// The solver failed.
    Solver(String),
}

impl fmt::Display for ExactError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ExactError::TooLarge { firms, teams, days } => write!(
                f,
                "the exact model is for small workspaces (at most {EXACT_MAX_FIRMS} firms with \
                 tasks, {EXACT_MAX_TEAMS} teams and {EXACT_MAX_DAYS} working days); this one \
                 has {firms} firms, {teams} teams and {days} working days: plan it without \
                 --exact"
            ),
            ExactError::TooManyTasks(n) => write!(
                f,
                "too large for --exact: {n} tasks could be done on one team-day (at most 64); \
                 use plan without --exact"
            ),
            ExactError::TooManyRoutes { routes, partial } => write!(
                f,
                "too large for --exact: {routes} routes enumerated before the limit \
                 ({MAX_ROUTES} routes or {MAX_PARTIAL_ROUTES} partial routes; {partial} grown); \
                 use plan without --exact"
            ),
            ExactError::NotProved {
                limit_seconds,
                routes,
            } => write!(
                f,
                "--exact did not prove a plan optimal within {limit_seconds} s \
                 (--milp-time-limit) over {routes} routes; nothing planned: use plan without \
                 --exact, or allow more time"
            ),
            ExactError::Solver(e) => write!(f, "the MILP solver failed: {e}"),
        }
    }
}

impl std::error::Error for ExactError {}

/// The size the exact model sees: firms with tasks, teams, working days.
fn size(inst: &Instance) -> (usize, usize, usize) {
    let mut firms: Vec<usize> = inst.tasks.iter().map(|t| t.firm).collect();
    firms.sort_unstable();
    firms.dedup();
    let days = (0..inst.calendar.len())
        .filter(|&d| inst.calendar.is_working(d))
        .count();
    (firms.len(), inst.teams.len(), days)
}

/// Every feasible route of every team-day of `ctx`, within the work budget and `deadline`.
fn all_routes(
    ctx: &Ctx,
    deadline: Instant,
    limit: Duration,
) -> Result<Vec<PooledRoute>, ExactError> {
    let inst = ctx.inst;
    let mut fixed = vec![false; inst.tasks.len()];
    ctx.fixed.iter().for_each(|u| fixed[u.task] = true);
    let alone: Vec<Bundle> = (0..inst.tasks.len())
        .map(|t| Bundle::new(inst, inst.tasks[t].firm, vec![t]))
        .collect();
    let mut cols = Vec::new();
    let mut work = Work::new(MAX_PARTIAL_ROUTES, MAX_ROUTES);
    for (slot, &(day, team)) in ctx.slots.iter().enumerate() {
        if Instant::now() >= deadline {
            return Err(ExactError::NotProved {
                limit_seconds: limit.as_secs_f64(),
                routes: cols.len(),
            });
        }
        let tasks: Vec<usize> = (0..inst.tasks.len())
            .filter(|&t| !fixed[t])
            .filter(|&t| {
                rules::day_may(ctx, day, &alone[t]) && rules::team_may(ctx, team, &alone[t])
            })
            .collect();
        let routes = enumerate::routes(ctx, slot, &tasks, &mut work).map_err(|e| match e {
            TooMany::Tasks(n) => ExactError::TooManyTasks(n),
            TooMany::Work { routes, labels } => ExactError::TooManyRoutes {
                routes,
                partial: labels,
            },
        })?;
        cols.extend(routes);
    }
    Ok(cols)
}

/// The optimal plan of a small instance, with a report whose `lp_bound` is the LP relaxation
/// over every route; an error when the instance is too large or optimality is not proved
/// within `params.time_limit`.
pub fn solve_exact(inst: &Instance, params: &ExactParams) -> Result<SolveOutcome, ExactError> {
    let started = Instant::now();
    let limit = params.time_limit;
    let deadline = started + limit;
    let not_proved = |routes| ExactError::NotProved {
        limit_seconds: limit.as_secs_f64(),
        routes,
    };
    let (firms, teams, days) = size(inst);
    if firms > EXACT_MAX_FIRMS || teams > EXACT_MAX_TEAMS || days > EXACT_MAX_DAYS {
        return Err(ExactError::TooLarge { firms, teams, days });
    }
    let mut ctx = Ctx::new(inst);
    let (_, fixed) = initial_bundles(&ctx);
    ctx.fixed = fixed;
    let cols = all_routes(&ctx, deadline, limit)?;
    let left = deadline.saturating_duration_since(Instant::now());
    if left.is_zero() {
        return Err(not_proved(cols.len()));
    }
    let opts = Options {
        balance: true,
        time_limit: Some(left.as_secs_f64()),
        lp_bound: true,
    };
    // Starting from no route at all (a feasible choice) means a solver stopped by the time
    // limit always has an answer to report as not proved, rather than an error.
    let p = set_partition::partition(&ctx, &cols, Some(&[]), &[], opts).map_err(|e| {
        if Instant::now() >= deadline {
            not_proved(cols.len())
        } else {
            ExactError::Solver(e.to_string())
        }
    })?;
    if p.ended != Ended::Optimal {
        return Err(not_proved(cols.len()));
    }
    let sol = rebuild(&ctx, &cols, &p.chosen);
    let objective = evaluate(&ctx, &sol);
    let report = MilpReport {
        backend: BACKEND,
        model: "exact",
        columns: cols.len(),
        rows: p.rows,
        routes_offered: cols.len() as u64,
        lp_bound: p.lp_bound.map(round3),
        pool_bound: Some(round3(super::lagrange::pool_bound(
            &ctx,
            &cols,
            objective.total,
            &Workers::inline(),
        ))),
        objective_before: round3(objective.total),
        objective_after: round3(objective.total),
        gap_percent: super::gap_percent(objective.total, p.lp_bound),
        status: "optimal".to_owned(),
        improved: false,
        seconds: started.elapsed().as_secs_f64(),
    };
    Ok(SolveOutcome {
        plan: sol.to_plan(&ctx),
        objective,
        iterations: 0,
        milp: Some(report),
        phases: Vec::new(),
        timed_out: 0,
    })
}
