//! Provides the set-partitioning model: choose at most one route per team-day so that every
//! task is done at most once, the rest being left unscheduled at their priority's penalty.
//!
//! Each column is a route of the pool. Its cost is what it adds to the heuristics' objective:
//! a visit's weight per firm entered, a route's weight, plus its kilometres, minus the penalty of every task it
//! does, since the model starts from "everything unscheduled" (a constant). Covering rows are
//! `≤ 1` rather than `= 1` with a slack per task, which keeps the model smaller and means the
//! same. A row is written only for a task or team-day that two columns share: with one column
//! it could never bind.
//!
//! Workload balance is kept exactly as the objective weighs it, as the sum of each team's
//! distance from the mean workload: one mean variable, and per team a deviation variable
//! bounded below by `load − mean` and `mean − load`. A team's load is a sum over its own
//! columns only, so the balance rows add about two non-zeros per column. When only some
//! team-days are being chosen, the work of the others enters each team's load as a constant.

use super::backend::{self, Ended};
use crate::solve::context::Ctx;
use crate::solve::pool::PooledRoute;
use crate::solve::rules::max_days::MaxDays;
use crate::solve::rules::weights::{Terms, missing_visits, penalty, weigh};
use good_lp::solvers::ResolutionError;
use good_lp::{Constraint, Expression, ProblemVariables, Variable, variable};

/// What to solve and how.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Options {
    /// Model workload balance (otherwise it is left out of the model's objective).
    pub balance: bool,
    /// Seconds the whole solve may take, the LP bound's and the integer solve's together.
    pub time_limit: Option<f64>,
    /// Also solve the LP relaxation, for a bound.
    pub lp_bound: bool,
}

/// The model's answer.
#[derive(Debug, Clone)]
pub(crate) struct Partition {
    /// Indices of the chosen columns, increasing.
    pub chosen: Vec<usize>,
    /// How the integer solve ended.
    pub ended: Ended,
    /// The model's objective at the chosen columns (the heuristics' objective when balance is
    /// modelled and every team-day is being chosen).
    #[allow(dead_code)]
    pub objective: f64,
    /// Optimum of the LP relaxation: no combination of these columns does better.
    pub lp_bound: Option<f64>,
    /// Constraints written.
    pub rows: usize,
}

/// The objective with no column chosen: every task the columns may cover counted
/// unscheduled, and a replan's fixed routes, which no column holds.
pub(crate) fn constant(ctx: &Ctx) -> f64 {
    let mut constant: f64 = ctx
        .inst
        .tasks
        .iter()
        .enumerate()
        .filter(|&(t, _)| ctx.locks.as_ref().is_none_or(|l| !l.is_fixed(t)))
        .map(|(_, t)| penalty(&ctx.weights, t.priority))
        .sum();
    if let Some(l) = &ctx.locks {
        let past = Terms {
            visits: l.past_visits as f64,
            routes: l.past_routes as f64,
            travel_km: l.past_km,
            ..Terms::default()
        };
        constant += weigh(&ctx.weights, &past);
    }
    constant
}

/// Objective contribution of one column, the all-unscheduled constant aside.
pub(crate) fn column_cost(ctx: &Ctx, c: &PooledRoute) -> f64 {
    let done: f64 = c
        .tasks
        .iter()
        .map(|&t| penalty(&ctx.weights, ctx.inst.tasks[t].priority))
        .sum();
    let (day, team) = ctx.slots[c.slot];
    let (moved, changed) = ctx.locks.as_ref().map_or((0, 0), |l| {
        l.route_changes(team, day, c.visits.iter().map(|v| &v.tasks[..]))
    });
    let route = Terms {
        visits: c.visits.len() as f64,
        routes: 1.0,
        travel_km: c.km,
        moved_tasks: moved as f64,
        changed_visits: changed as f64,
        missing_visits: missing_visits(&ctx.weights, c.visits.len()),
        ..Terms::default()
    };
    weigh(&ctx.weights, &route) - done
}

/// The model built once, in its integer or relaxed form.
struct Built {
    vars: ProblemVariables,
    objective: Expression,
    constraints: Vec<Constraint>,
    /// One per column.
    x: Vec<Variable>,
    /// The mean workload and each balanced team's deviation from it, with the team.
    balance: Option<(Variable, Vec<(usize, Variable)>)>,
}

/// Teams whose workload the balance counts: those with a working day in the horizon.
fn balanced_teams(ctx: &Ctx) -> Vec<usize> {
    let mut teams: Vec<usize> = ctx.slots.iter().map(|&(_, t)| t).collect();
    teams.sort_unstable();
    teams.dedup();
    teams
}

fn build(ctx: &Ctx, cols: &[PooledRoute], relax: bool, balance: bool, fixed_load: &[f64]) -> Built {
    let mut vars = ProblemVariables::new();
    let def = || {
        if relax {
            variable().clamp(0, 1)
        } else {
            variable().binary()
        }
    };
    let x: Vec<Variable> = cols.iter().map(|_| vars.add(def())).collect();
    let constant = constant(ctx);
    let mut objective = Expression::with_capacity(cols.len() + 1);
    objective += constant;
    for (c, &v) in cols.iter().zip(&x) {
        objective.add_mul(column_cost(ctx, c), v);
    }

    let mut by_task: Vec<Vec<usize>> = vec![Vec::new(); ctx.inst.tasks.len()];
    let mut by_slot: Vec<Vec<usize>> = vec![Vec::new(); ctx.slots.len()];
    for (i, c) in cols.iter().enumerate() {
        by_slot[c.slot].push(i);
        for &t in &c.tasks {
            by_task[t].push(i);
        }
    }
    let mut constraints = Vec::new();
    for group in by_task.iter().chain(&by_slot).filter(|g| g.len() > 1) {
        let sum: Expression = group.iter().map(|&i| x[i]).sum();
        constraints.push(sum.leq(1));
    }
    // A team goes out on at most its `max_days`: one row per capped team.
    let caps = MaxDays::caps(ctx);
    let mut by_team: Vec<Vec<usize>> = vec![Vec::new(); caps.len()];
    for (i, c) in cols.iter().enumerate() {
        by_team[ctx.slots[c.slot].1].push(i);
    }
    for (team, group) in by_team.iter().enumerate() {
        if let Some(cap) = caps[team].filter(|&cap| group.len() > cap) {
            let sum: Expression = group.iter().map(|&i| x[i]).sum();
            constraints.push(sum.leq(cap as f64));
        }
    }

    let teams = balanced_teams(ctx);
    let per_minute = Terms {
        balance_minutes: 1.0,
        ..Terms::default()
    };
    let w = weigh(&ctx.weights, &per_minute);
    let balance = (balance && w > 0.0 && teams.len() > 1).then(|| {
        let mean = vars.add(variable().min(0));
        let mut total = Expression::with_capacity(cols.len() + 1);
        let mut load: Vec<Expression> = (0..ctx.inst.teams.len())
            .map(|k| Expression::from(fixed_load.get(k).copied().unwrap_or(0.0)))
            .collect();
        for (c, &v) in cols.iter().zip(&x) {
            let team = ctx.slots[c.slot].1;
            total.add_mul(f64::from(c.workload), v);
            load[team].add_mul(f64::from(c.workload), v);
        }
        total.add_mul(-(teams.len() as f64), mean);
        let fixed: f64 = teams.iter().filter_map(|&k| fixed_load.get(k)).sum();
        constraints.push(total.eq(-fixed));
        let devs: Vec<(usize, Variable)> = teams
            .iter()
            .map(|&k| {
                let d = vars.add(variable().min(0));
                objective.add_mul(w, d);
                constraints.push((load[k].clone() - mean).leq(d));
                constraints.push((Expression::from(mean) - load[k].clone()).leq(d));
                (k, d)
            })
            .collect();
        (mean, devs)
    });
    Built {
        vars,
        objective,
        constraints,
        x,
        balance,
    }
}

/// Values of every variable for the columns `chosen`: the warm start.
fn warm_values(
    ctx: &Ctx,
    cols: &[PooledRoute],
    b: &Built,
    chosen: &[usize],
    fixed_load: &[f64],
) -> Vec<(Variable, f64)> {
    let mut on = vec![false; cols.len()];
    chosen.iter().for_each(|&i| on[i] = true);
    let mut values: Vec<(Variable, f64)> =
        b.x.iter()
            .zip(&on)
            .map(|(&v, &o)| (v, if o { 1.0 } else { 0.0 }))
            .collect();
    if let Some((mean, devs)) = &b.balance {
        let mut load: Vec<f64> = (0..ctx.inst.teams.len())
            .map(|k| fixed_load.get(k).copied().unwrap_or(0.0))
            .collect();
        for &i in chosen {
            load[ctx.slots[cols[i].slot].1] += f64::from(cols[i].workload);
        }
        let m = devs.iter().map(|&(k, _)| load[k]).sum::<f64>() / devs.len() as f64;
        values.push((*mean, m));
        values.extend(devs.iter().map(|&(k, d)| (d, (load[k] - m).abs())));
    }
    values
}

/// Solves the model over `cols`, warm-started from the columns `warm` when given;
/// `fixed_load[team]` is work of the team outside these columns (none when empty).
pub(crate) fn partition(
    ctx: &Ctx,
    cols: &[PooledRoute],
    warm: Option<&[usize]>,
    fixed_load: &[f64],
    opts: Options,
) -> Result<Partition, ResolutionError> {
    let started = std::time::Instant::now();
    let lp_bound = if opts.lp_bound {
        let b = build(ctx, cols, true, opts.balance, fixed_load);
        let objective = b.objective.clone();
        let problem = b.vars.minimise(b.objective);
        // A bound is a bonus: when the relaxation fails the integer solve still runs.
        backend::solve(
            problem,
            &objective,
            b.constraints,
            None,
            opts.time_limit,
            &[],
        )
        .ok()
        .filter(|s| s.ended == Ended::Optimal)
        .map(|s| s.objective)
    } else {
        None
    };
    let b = build(ctx, cols, false, opts.balance, fixed_load);
    let rows = b.constraints.len();
    let initial = warm.map(|w| warm_values(ctx, cols, &b, w, fixed_load));
    let objective = b.objective.clone();
    let problem = b.vars.minimise(b.objective);
    let left = opts
        .time_limit
        .map(|t| (t - started.elapsed().as_secs_f64()).max(0.0));
    let solved = backend::solve(problem, &objective, b.constraints, initial, left, &b.x)?;
    Ok(Partition {
        chosen: (0..cols.len())
            .filter(|&i| solved.values[i] > 0.5)
            .collect(),
        ended: solved.ended,
        objective: solved.objective,
        lp_bound,
        rows,
    })
}
