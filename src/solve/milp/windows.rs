//! Provides set partitioning a few working days at a time, for solvers that cannot take the
//! whole month at once.
//!
//! The pure-Rust default solver proves optimality slowly once a model has more than a few
//! hundred columns that share tasks, while one window of consecutive working days is small.
//! Each window frees the tasks its routes do (and every unscheduled task), and chooses, among
//! the pooled routes of its team-days that do only freed tasks, the best combination, the
//! rest of the plan staying as it is (its work enters the balance as a constant). Windows
//! overlap by half, so a task can move across a window's edge in the next one. A window's
//! answer is kept only when the whole plan's objective improves, so the plan never gets
//! worse.

use super::backend::Ended;
use super::set_partition::{self, Options};
use crate::model::TaskIndex;
use crate::solve::bundle::Bundle;
use crate::solve::context::Ctx;
use crate::solve::objective::evaluate;
use crate::solve::pool::{PooledRoute, RoutePool};
use crate::solve::route::RouteSt;
use crate::solve::rules::weights::{Terms, weigh};
use crate::solve::solution::Solution;
use std::collections::HashSet;
use std::sync::Arc;
use std::time::Instant;

/// Most pooled routes a window's model takes besides the plan's own, so that the pure-Rust
/// solver proves each window optimal in about a second; the cheapest per task are kept.
const MAX_EXTRA_COLUMNS: usize = 800;

/// What the windows did.
pub(crate) struct WindowsDone {
    /// The plan after the last window.
    pub sol: Solution,
    /// `Limit` when the deadline cut the pass short or stopped a solve.
    pub ended: Ended,
    /// Largest window model: columns and rows.
    pub columns: usize,
    /// Largest window model's rows.
    pub rows: usize,
    /// Windows whose answer improved the plan.
    pub improved: usize,
}

/// The pooled route a route of the plan is.
fn as_column(slot: usize, r: &RouteSt) -> PooledRoute {
    let mut tasks: Vec<TaskIndex> = r.visits.iter().flat_map(|v| v.tasks.clone()).collect();
    tasks.sort_unstable();
    PooledRoute {
        slot,
        visits: r.visits.clone(),
        tasks,
        km: r.km,
        workload: r.workload(),
    }
}

/// Runs the windows of `days` working days over `start`.
pub(crate) fn by_windows(
    ctx: &Ctx,
    start: Solution,
    pool: &RoutePool,
    days: usize,
    balance: bool,
    deadline: Instant,
) -> WindowsDone {
    let mut work_days: Vec<usize> = ctx.slots.iter().map(|&(d, _)| d).collect();
    work_days.dedup();
    let n_tasks = ctx.inst.tasks.len();
    let mut done = WindowsDone {
        sol: start,
        ended: Ended::Optimal,
        columns: 0,
        rows: 0,
        improved: 0,
    };
    let mut cost = evaluate(ctx, &done.sol).total;
    let days = days.max(1);
    let step = days.div_ceil(2);
    let mut first = 0;
    while first < work_days.len() {
        let window = &work_days[first..(first + days).min(work_days.len())];
        first += step;
        let inw: Vec<bool> = ctx.slots.iter().map(|(d, _)| window.contains(d)).collect();
        let sol = &done.sol;
        let mut free = vec![false; n_tasks];
        let freed = sol
            .routes
            .iter()
            .zip(&inw)
            .filter(|(_, w)| **w)
            .flat_map(|(r, _)| r.visits.iter())
            .chain(&sol.unassigned)
            .flat_map(|b| b.tasks.iter().copied());
        freed.for_each(|t| free[t] = true);

        let mut cols: Vec<PooledRoute> = Vec::new();
        let mut seen: HashSet<(usize, Vec<TaskIndex>)> = HashSet::new();
        for (slot, r) in sol.routes.iter().enumerate() {
            if inw[slot] && !r.visits.is_empty() {
                let c = as_column(slot, r);
                seen.insert((slot, c.tasks.clone()));
                cols.push(c);
            }
        }
        let warm: Vec<usize> = (0..cols.len()).collect();
        let mut extra: Vec<&PooledRoute> = pool
            .routes()
            .iter()
            .filter(|c| inw[c.slot] && c.tasks.iter().all(|&t| free[t]))
            .filter(|c| !seen.contains(&(c.slot, c.tasks.clone())))
            .collect();
        if extra.len() > MAX_EXTRA_COLUMNS {
            // Cheapest per task first; the sort is stable, so ties keep the pool's order.
            let per_task = |c: &PooledRoute| {
                let route = Terms {
                    visits: c.visits.len() as f64,
                    travel_km: c.km,
                    ..Terms::default()
                };
                weigh(&ctx.weights, &route) / c.tasks.len() as f64
            };
            extra.sort_by(|a, b| per_task(a).total_cmp(&per_task(b)));
            extra.truncate(MAX_EXTRA_COLUMNS);
        }
        cols.extend(extra.into_iter().cloned());
        let mut fixed_load = vec![0.0; ctx.inst.teams.len()];
        for (r, _) in sol.routes.iter().zip(&inw).filter(|(_, w)| !**w) {
            fixed_load[r.team] += f64::from(r.workload());
        }
        let left = deadline
            .saturating_duration_since(Instant::now())
            .as_secs_f64();
        if left <= 0.0 {
            done.ended = Ended::Limit;
            break;
        }
        let opts = Options {
            balance,
            time_limit: Some(left),
            lp_bound: false,
        };
        let Ok(p) = set_partition::partition(ctx, &cols, Some(&warm), &fixed_load, opts) else {
            done.ended = Ended::Limit;
            continue;
        };
        done.columns = done.columns.max(cols.len());
        done.rows = done.rows.max(p.rows);
        if p.ended == Ended::Limit {
            done.ended = Ended::Limit;
        }
        let mut cand = sol.clone();
        for (slot, r) in cand.routes.iter_mut().enumerate() {
            if inw[slot] {
                *r = Arc::new(RouteSt::new(r.team, r.day));
            }
        }
        for &i in &p.chosen {
            let c = &cols[i];
            let r = Arc::make_mut(&mut cand.routes[c.slot]);
            r.visits = c.visits.clone();
            r.refresh(ctx);
            c.tasks.iter().for_each(|&t| free[t] = false);
        }
        cand.unassigned = (0..n_tasks)
            .filter(|&t| free[t])
            .map(|t| Bundle::new(ctx.inst, ctx.inst.tasks[t].firm, vec![t]))
            .collect();
        let c = evaluate(ctx, &cand).total;
        if c < cost - 1e-6 {
            cost = c;
            done.sol = cand;
            done.improved += 1;
        }
    }
    done
}
