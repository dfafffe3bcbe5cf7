//! Provides a month-wide lower bound for set partitioning over the whole pool, without an LP
//! solver: the Lagrangian relaxation of the "each task at most once" rows, tightened by
//! subgradient steps.
//!
//! The windowed MILP never sees the whole month at once, so it proves nothing about it, and
//! the LP relaxation of the month takes either backend longer than a plan run may. With a
//! price `λ_t ≥ 0` on each task's row, the rest of the model falls apart by team-day: each
//! one takes its route of least reduced cost `cost − Σ λ_t` or none. That value, less the
//! sum of the prices, is below every combination of pooled routes for any prices (weak
//! duality), so any step of the search gives a valid bound and the steps only make it
//! tighter. Workload balance, never negative, is left out of it, which keeps it a bound.
//!
//! The steps are fixed by the data alone and every sum runs in a fixed order, so the bound is
//! the same bits on every run and for any number of threads.

use super::set_partition::column_cost;
use crate::solve::context::Ctx;
use crate::solve::parallel::Workers;
use crate::solve::pool::PooledRoute;
use crate::solve::rules::weights::penalty;

/// Subgradient steps: on the demo county the bound stops moving well before this.
const STEPS: usize = 300;

/// Steps without a better bound after which the step size is halved.
const PATIENCE: usize = 15;

/// Step scale below which further steps no longer move the bound.
const MIN_SCALE: f64 = 1.0 / 64.0;

/// Pieces the team-days are cut into for the workers: fixed, so the result is too.
const CHUNKS: usize = 64;

/// Prices at which no column has a negative reduced cost and the bound is already
/// `Σ_t share_t`: each task's penalty less its share, the least over the columns doing it of
/// the column's own cost split evenly over its tasks (a task no column does keeps its whole
/// penalty in the bound, at price zero). Starting from zero prices instead, with penalties a
/// thousand times a visit, the first hundreds of steps would only climb back to here.
fn starting_prices(ctx: &Ctx, cols: &[PooledRoute], cost: &[f64]) -> Vec<f64> {
    let tasks = &ctx.inst.tasks;
    let mut share: Vec<Option<f64>> = vec![None; tasks.len()];
    for (c, &reduced) in cols.iter().zip(cost) {
        let own = reduced
            + c.tasks
                .iter()
                .map(|&t| penalty(&ctx.weights, tasks[t].priority))
                .sum::<f64>();
        let each = own / c.tasks.len().max(1) as f64;
        for &t in &c.tasks {
            share[t] = Some(share[t].map_or(each, |s: f64| s.min(each)));
        }
    }
    tasks
        .iter()
        .zip(share)
        .map(|(t, s)| s.map_or(0.0, |s| (penalty(&ctx.weights, t.priority) - s).max(0.0)))
        .collect()
}

/// A lower bound on the objective (balance left out) of every combination of `cols`, at
/// most one per team-day; `upper` is the objective of a known combination, which steers the
/// step size.
pub(crate) fn pool_bound(ctx: &Ctx, cols: &[PooledRoute], upper: f64, workers: &Workers) -> f64 {
    let n_tasks = ctx.inst.tasks.len();
    let constant = super::set_partition::constant(ctx);
    let cost: Vec<f64> = cols.iter().map(|c| column_cost(ctx, c)).collect();
    let mut by_slot: Vec<Vec<usize>> = vec![Vec::new(); ctx.slots.len()];
    for (i, c) in cols.iter().enumerate() {
        by_slot[c.slot].push(i);
    }
    // The columns' tasks in one flat array: the inner loop reads them all every step.
    let mut starts = Vec::with_capacity(cols.len() + 1);
    let mut flat: Vec<u32> = Vec::new();
    for c in cols {
        starts.push(flat.len());
        flat.extend(c.tasks.iter().map(|&t| t as u32));
    }
    starts.push(flat.len());
    let tasks_of = |i: usize| &flat[starts[i]..starts[i + 1]];
    let chunk = by_slot.len().div_ceil(CHUNKS).max(1);
    let chunks: Vec<&[Vec<usize>]> = by_slot.chunks(chunk).collect();
    let mut price = starting_prices(ctx, cols, &cost);
    let mut best = f64::NEG_INFINITY;
    let mut scale = 2.0;
    let mut since_better = 0;
    let mut covered = vec![0u32; n_tasks];
    for _ in 0..STEPS {
        // Each team-day's cheapest route by reduced cost, chunk by chunk; parts are added in
        // chunk order, so the sum has the same bits for any number of threads.
        let parts = workers.map(chunks.len(), |k| {
            crate::solve::parallel::note_work("set partitioning", &ctx.inst.name);
            let mut value = 0.0;
            let mut picks = Vec::new();
            for cols_here in chunks[k] {
                let pick = cols_here
                    .iter()
                    .map(|&i| {
                        let reduced =
                            cost[i] + tasks_of(i).iter().map(|&t| price[t as usize]).sum::<f64>();
                        (reduced, i)
                    })
                    .filter(|&(reduced, _)| reduced < 0.0)
                    .min_by(|a, b| a.0.total_cmp(&b.0));
                if let Some((reduced, i)) = pick {
                    value += reduced;
                    picks.push(i);
                }
            }
            (value, picks)
        });
        covered.iter_mut().for_each(|c| *c = 0);
        let mut value = constant - price.iter().sum::<f64>();
        for (part, picks) in &parts {
            value += part;
            for &i in picks {
                tasks_of(i).iter().for_each(|&t| covered[t as usize] += 1);
            }
        }
        if value > best + 1e-9 {
            best = value;
            since_better = 0;
        } else {
            since_better += 1;
            if since_better >= PATIENCE {
                scale /= 2.0;
                since_better = 0;
            }
        }
        // Subgradient of the rows `covered ≤ 1`, projected on λ ≥ 0.
        let grad: Vec<f64> = (0..n_tasks)
            .map(|t| {
                let g = f64::from(covered[t]) - 1.0;
                if price[t] <= 0.0 && g < 0.0 { 0.0 } else { g }
            })
            .collect();
        let norm: f64 = grad.iter().map(|g| g * g).sum();
        if norm == 0.0 || upper <= value || scale < MIN_SCALE {
            break;
        }
        let step = scale * (upper - value) / norm;
        for (p, g) in price.iter_mut().zip(&grad) {
            *p = (*p + step * g).max(0.0);
        }
    }
    best
}
