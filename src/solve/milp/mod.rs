//! Provides the MILP stage (good_lp): set partitioning over the routes the search met, and an
//! exact model for small instances.
//!
//! **Set partitioning.** The search offers every route it changes to a [`RoutePool`]; the
//! MILP then picks at most one pooled route per team-day so that no task is done twice,
//! minimising the heuristics' own objective (balance included, see [`set_partition`]). It
//! starts from the heuristic plan, so its answer is never worse than that plan; the answer is
//! rebuilt as a solution (timing replayed, tasks it leaves out offered once more to regret
//! insertion) and kept only when the heuristics' objective says it is strictly better.
//!
//! **Bounds.** A model of the whole horizon gives its LP relaxation's optimum. The windowed
//! model, the default, proves nothing about the month, so every run also computes a Lagrangian
//! bound over the whole pool ([`lagrange`]); the gap reported uses the higher of the two. Both
//! say how far the plan can be from the best combination of the routes met, not from the
//! best plan there is: only the exact model, over every route, says that.
//!
//! **Exact model.** For small instances ([`exact`]) every feasible team-day route is
//! enumerated, so the same set partitioning over all of them is a proof of optimality.
//!
//! **Reproducibility.** With no solver limit reached, both backends are deterministic, so the
//! plan is the same for any thread count. The time limit is a safety net sized far above what
//! the demo county needs; a run that reaches it says so in `status` and is, like any
//! wall-clock mode, not reproducible. good_lp exposes no node or iteration limit for microlp,
//! so a deterministic work limit is not available through the one code path.

mod backend;
mod enumerate;
mod exact;
mod lagrange;
mod set_partition;
mod windows;

pub use backend::BACKEND;
pub use exact::{
    EXACT_MAX_DAYS, EXACT_MAX_FIRMS, EXACT_MAX_TEAMS, ExactError, ExactParams, MAX_PARTIAL_ROUTES,
    MAX_ROUTES, solve_exact,
};

use super::ObjectiveParts;
use super::bundle::Bundle;
use super::context::Ctx;
use super::insert::insert;
use super::objective::evaluate;
use super::parallel::Workers;
use super::pool::{PooledRoute, RoutePool};
use super::route::{RouteSt, fits};
use super::rules;
use super::solution::Solution;
use crate::model::round3;
use backend::Ended;
use serde::Serialize;
use std::collections::HashMap;
use std::sync::Arc;
use std::time::{Duration, Instant};

/// Working days per window: on the demo county a window's model has
/// at most about a thousand columns and is solved to optimality in about a second.
const DEFAULT_WINDOW_DAYS: usize = 3;

/// Pools up to this size are solved in one model even with windows asked for: small enough
/// for any backend, and only the one model gives a bound.
const WHOLE_MAX_COLUMNS: usize = 400;

/// Pools up to this size get the variants of [`add_variants`] (which multiply a pool's size by
/// about the number of teams plus visits per route).
const VARIANTS_MAX_COLUMNS: usize = 100;

/// How the set-partitioning step runs.
#[derive(Debug, Clone, PartialEq)]
pub struct MilpParams {
    /// Longest the solver may take (LP bound and integer solve each); reaching it makes the
    /// run irreproducible, so the default is far above the demo county's need.
    pub time_limit: Duration,
    /// Most routes the pool keeps.
    pub pool_capacity: usize,
    /// Model the workload balance (otherwise only tasks, visits and kilometres).
    pub balance: bool,
    /// Choose the routes this many working days at a time ([`windows`]); 0 chooses the whole
    /// horizon in one model, which gives an LP bound but at county scale takes longer than the
    /// default time limit with either backend (measured on the demo county and `gen --profile
    /// county`), so both backends default to windows and give the same plans.
    pub window_days: usize,
}

impl Default for MilpParams {
    fn default() -> Self {
        Self {
            time_limit: Duration::from_secs(20),
            pool_capacity: super::pool::DEFAULT_CAPACITY,
            balance: true,
            window_days: DEFAULT_WINDOW_DAYS,
        }
    }
}

/// What the MILP did, for plan.json and benchmarks.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MilpReport {
    /// The solver compiled in.
    pub backend: &'static str,
    /// `set_partitioning` or `exact`.
    pub model: &'static str,
    /// Columns (routes) of the model.
    pub columns: usize,
    /// Constraints of the model.
    pub rows: usize,
    /// Routes offered to the pool, duplicates included.
    pub routes_offered: u64,
    /// Optimum of the LP relaxation: no combination of these routes does better. Only a model
    /// of the whole horizon has one.
    pub lp_bound: Option<f64>,
    /// Lagrangian bound over the whole pool ([`lagrange`]): no combination of the pooled
    /// routes, over the whole horizon, does better; computed in every mode.
    pub pool_bound: Option<f64>,
    /// Objective of the plan handed to the MILP (the heuristic plan).
    pub objective_before: f64,
    /// Objective of the plan kept.
    pub objective_after: f64,
    /// `(objective_after − bound) / objective_after`, in percent, with the higher of the two
    /// bounds.
    pub gap_percent: Option<f64>,
    /// `optimal`, `limit` (a solver limit stopped it), or `error: …`.
    pub status: String,
    /// True when the MILP's plan replaced the heuristic plan.
    pub improved: bool,
    /// Wall-clock seconds (not in plan.json's reproducible part).
    #[serde(skip)]
    pub seconds: f64,
}

/// The bound a gap is taken from: the higher of the LP bound and the pool's Lagrangian bound,
/// both valid, so the higher is the tighter.
pub fn higher_bound(lp: Option<f64>, pool: Option<f64>) -> Option<f64> {
    match (lp, pool) {
        (Some(a), Some(b)) => Some(a.max(b)),
        (a, b) => a.or(b),
    }
}

impl MilpReport {
    /// The bound the gap is taken from ([`higher_bound`]).
    pub fn bound(&self) -> Option<f64> {
        higher_bound(self.lp_bound, self.pool_bound)
    }
}

/// The gap between an objective and a bound, in percent.
fn gap_percent(objective: f64, bound: Option<f64>) -> Option<f64> {
    bound.map(|b| round3(((objective - b) / objective.abs().max(1e-9) * 100.0).max(0.0)))
}

/// The solution doing exactly the columns `chosen`, timed afresh; every other task that some
/// plan could schedule is left unassigned, one bundle per task.
pub(crate) fn rebuild(ctx: &Ctx, cols: &[PooledRoute], chosen: &[usize]) -> Solution {
    let inst = ctx.inst;
    let mut sol = Solution::empty(ctx);
    let mut done = vec![false; inst.tasks.len()];
    ctx.fixed.iter().for_each(|u| done[u.task] = true);
    for &i in chosen {
        let c = &cols[i];
        let r = Arc::make_mut(&mut sol.routes[c.slot]);
        debug_assert!(r.visits.is_empty(), "two routes chosen for one team-day");
        r.visits = c.visits.clone();
        r.refresh(ctx);
        c.tasks.iter().for_each(|&t| done[t] = true);
    }
    sol.unassigned = (0..inst.tasks.len())
        .filter(|&t| !done[t])
        .map(|t| Bundle::new(inst, inst.tasks[t].firm, vec![t]))
        .collect();
    sol
}

/// Offers the unassigned tasks to regret insertion once more and shortens what changed: the
/// MILP could only choose among whole pooled routes.
fn repair(ctx: &Ctx, sol: &mut Solution) {
    if sol.unassigned.is_empty() {
        return;
    }
    let mut touched = vec![false; sol.routes.len()];
    let pending = std::mem::take(&mut sol.unassigned);
    insert(ctx, sol, pending, &mut touched);
    for (r, _) in sol.routes.iter_mut().zip(&touched).filter(|(_, t)| **t) {
        Arc::make_mut(r).improve(ctx);
    }
}

/// Pool indices of the routes of `sol`, which must all be pooled.
fn columns_of(pool: &RoutePool, sol: &Solution) -> Vec<usize> {
    let mut at: HashMap<(usize, Vec<usize>), usize> = HashMap::new();
    for (i, c) in pool.routes().iter().enumerate() {
        at.insert((c.slot, c.tasks.clone()), i);
    }
    let mut out: Vec<usize> = sol
        .routes
        .iter()
        .enumerate()
        .filter(|(_, r)| !r.visits.is_empty())
        .filter_map(|(slot, r)| {
            let mut tasks: Vec<usize> = r.visits.iter().flat_map(|v| v.tasks.clone()).collect();
            tasks.sort_unstable();
            at.get(&(slot, tasks)).copied()
        })
        .collect();
    out.sort_unstable();
    out
}

/// Offers `visits` as a route of the team-day `slot` when it fits, shortened first.
fn offer_variant(ctx: &Ctx, pool: &mut RoutePool, slot: usize, visits: Vec<Bundle>) {
    let (day, team) = ctx.slots[slot];
    if !visits.iter().all(|v| rules::team_may(ctx, team, v))
        || !rules::loads_fit(ctx, team, &visits)
    {
        return;
    }
    if !fits(ctx, team, visits.iter()) {
        return;
    }
    let mut r = RouteSt::new(team, day);
    r.visits = visits;
    r.refresh(ctx);
    r.improve(ctx);
    pool.offer(slot, &r, true);
}

/// Adds to a small pool the variants of its routes the search rarely meets: each route one
/// visit shorter, and each route driven by another team the same day. They let the model
/// hand a firm to another team-day, or a whole day to a team better placed for it.
fn add_variants(ctx: &Ctx, pool: &mut RoutePool) {
    let cols: Vec<PooledRoute> = pool.routes().to_vec();
    for c in &cols {
        let day = ctx.slots[c.slot].0;
        for team in 0..ctx.inst.teams.len() {
            match ctx.slot(day, team) {
                Some(slot) if slot != c.slot => offer_variant(ctx, pool, slot, c.visits.clone()),
                _ => {}
            }
        }
        for skip in (0..c.visits.len()).filter(|_| c.visits.len() > 1) {
            let mut visits = c.visits.clone();
            visits.remove(skip);
            offer_variant(ctx, pool, c.slot, visits);
        }
    }
}

/// The whole horizon in one model: the chosen routes, how it ended, rows, and the LP bound.
fn whole(
    ctx: &Ctx,
    best: &Solution,
    pool: &RoutePool,
    params: &MilpParams,
    stop_at: Instant,
) -> Result<(Solution, Ended, usize, Option<f64>), String> {
    let warm = columns_of(pool, best);
    let left = stop_at.saturating_duration_since(Instant::now());
    if left.is_zero() {
        return Ok((best.clone(), Ended::Limit, 0, None));
    }
    let opts = set_partition::Options {
        balance: params.balance,
        time_limit: Some(left.as_secs_f64()),
        lp_bound: true,
    };
    let p = set_partition::partition(ctx, pool.routes(), Some(&warm), &[], opts)
        .map_err(|e| e.to_string())?;
    let sol = rebuild(ctx, pool.routes(), &p.chosen);
    Ok((sol, p.ended, p.rows, p.lp_bound))
}

/// Set partitioning over `pool`, starting from `best`; returns the better of the two plans
/// (`best` unless the MILP's is strictly better) with its objective, and the report.
///
/// The solver stops at `params.time_limit`, or at the run's `deadline` when that comes first.
pub(crate) fn improve(
    ctx: &Ctx,
    best: Solution,
    best_cost: ObjectiveParts,
    pool: &mut RoutePool,
    params: &MilpParams,
    deadline: Option<Instant>,
    workers: &Workers,
) -> (Solution, ObjectiveParts, MilpReport) {
    let started = Instant::now();
    let stop_at = deadline.map_or(started + params.time_limit, |d| {
        d.min(started + params.time_limit)
    });
    pool.offer_solution(&best, true);
    let mut report = MilpReport {
        backend: BACKEND,
        model: "set_partitioning",
        columns: pool.routes().len(),
        rows: 0,
        routes_offered: pool.offered,
        lp_bound: None,
        pool_bound: None,
        objective_before: round3(best_cost.total),
        objective_after: round3(best_cost.total),
        gap_percent: None,
        status: String::new(),
        improved: false,
        seconds: 0.0,
    };
    if Instant::now() < stop_at {
        report.pool_bound = Some(round3(lagrange::pool_bound(
            ctx,
            pool.routes(),
            best_cost.total,
            workers,
        )));
    }
    let mut work_days: Vec<usize> = ctx.slots.iter().map(|&(d, _)| d).collect();
    work_days.dedup();
    let at_once = params.window_days == 0
        || params.window_days >= work_days.len()
        || pool.routes().len() <= WHOLE_MAX_COLUMNS;
    let outcome = if at_once {
        if pool.routes().len() <= VARIANTS_MAX_COLUMNS {
            add_variants(ctx, pool);
            report.columns = pool.routes().len();
        }
        whole(ctx, &best, pool, params, stop_at)
    } else {
        let w = windows::by_windows(
            ctx,
            best.clone(),
            pool,
            params.window_days,
            params.balance,
            stop_at,
        );
        report.model = "set_partitioning_windows";
        report.columns = w.columns;
        Ok((w.sol, w.ended, w.rows, None))
    };
    let (sol, cost) = match outcome {
        Ok((mut sol, ended, rows, bound)) => {
            report.rows = rows;
            report.lp_bound = bound.map(round3);
            report.status = match ended {
                Ended::Optimal => "optimal".to_owned(),
                Ended::Limit => "limit".to_owned(),
            };
            repair(ctx, &mut sol);
            let cost = evaluate(ctx, &sol);
            if cost.total < best_cost.total - 1e-6 {
                report.improved = true;
                (sol, cost)
            } else {
                (best, best_cost)
            }
        }
        Err(e) => {
            report.status = format!("error: {e}");
            (best, best_cost)
        }
    };
    report.objective_after = round3(cost.total);
    report.gap_percent = gap_percent(cost.total, report.bound());
    report.seconds = started.elapsed().as_secs_f64();
    (sol, cost, report)
}
