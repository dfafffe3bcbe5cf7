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

use super::enumerate::{self, TooMany};
use super::set_partition::{self, Options};
use super::{BACKEND, MilpReport, rebuild, round3};
use crate::model::Instance;
use crate::solve::SolveOutcome;
use crate::solve::bundle::initial_bundles;
use crate::solve::context::Ctx;
use crate::solve::objective::evaluate;
use crate::solve::parallel::Workers;
use crate::solve::pool::PooledRoute;
use std::fmt;
use std::time::Instant;

/// Most firms with tasks the exact model accepts.
pub const EXACT_MAX_FIRMS: usize = 8;
/// Most teams the exact model accepts.
pub const EXACT_MAX_TEAMS: usize = 2;
/// Most working days the exact model accepts.
pub const EXACT_MAX_DAYS: usize = 5;

/// Partial routes one team-day may grow before the enumeration gives up.
const MAX_LABELS: usize = 2_000_000;

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
    /// The enumeration of routes grew past its limit.
    TooManyRoutes(String),
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
            ExactError::TooManyRoutes(why) => write!(
                f,
                "the exact model gave up enumerating routes ({why}); plan it without --exact"
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

/// Every feasible route of every team-day of `ctx`.
fn all_routes(ctx: &Ctx) -> Result<Vec<PooledRoute>, ExactError> {
    let inst = ctx.inst;
    let mut fixed = vec![false; inst.tasks.len()];
    ctx.fixed.iter().for_each(|u| fixed[u.task] = true);
    let mut cols = Vec::new();
    for (slot, &(day, team)) in ctx.slots.iter().enumerate() {
        let covers = &inst.teams[team].departments;
        let tasks: Vec<usize> = (0..inst.tasks.len())
            .filter(|&t| !fixed[t])
            .filter(|&t| {
                let task = &inst.tasks[t];
                task.first_day <= day
                    && day <= task.last_day
                    && covers.contains(task.department)
                    && ctx.open(task.firm, day)
            })
            .collect();
        let routes = enumerate::routes(ctx, slot, &tasks, MAX_LABELS).map_err(|e| {
            ExactError::TooManyRoutes(match e {
                TooMany::Tasks(n) => format!("{n} tasks possible on one team-day"),
                TooMany::Labels(n) => format!("over {n} partial routes on one team-day"),
            })
        })?;
        cols.extend(routes);
    }
    Ok(cols)
}

/// The optimal plan of a small instance, with a report whose `lp_bound` is the LP relaxation
/// over every route.
pub fn solve_exact(inst: &Instance) -> Result<SolveOutcome, ExactError> {
    let started = Instant::now();
    let (firms, teams, days) = size(inst);
    if firms > EXACT_MAX_FIRMS || teams > EXACT_MAX_TEAMS || days > EXACT_MAX_DAYS {
        return Err(ExactError::TooLarge { firms, teams, days });
    }
    let mut ctx = Ctx::new(inst);
    let (_, fixed) = initial_bundles(&ctx);
    ctx.fixed = fixed;
    let cols = all_routes(&ctx)?;
    let opts = Options {
        balance: true,
        time_limit: None,
        lp_bound: true,
    };
    let p = set_partition::partition(&ctx, &cols, None, &[], opts)
        .map_err(|e| ExactError::Solver(e.to_string()))?;
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
            &Workers::new(1),
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
    })
}
