//! Provides the objective: unscheduled tasks by priority, then visits, then used routes (zero
//! weight for counties, the vehicles of VRPTW benchmarks), then travel, then the spread of the
//! teams' workloads, each part reported apart.
//!
//! A team's workload is its driving plus on-site minutes over the horizon. Balance is weighed
//! as the sum over teams of each team's distance from the mean workload: unlike the spread
//! between the busiest and the idlest team, every move of work from a busier to an idler team
//! lowers it, which gives the search a slope to follow. Teams with no working day in the
//! horizon are left out; idle teams that could work count, at zero.
//! Parts are summed in route order, so the same solution always gives the same bits, which the
//! parallel search relies on to pick the same candidate whatever the thread count.

use super::ObjectiveParts;
use super::context::Ctx;
use super::rules::weights::{Terms, missing_visits, weigh};
use super::solution::Solution;
use crate::model::Priority;

/// Evaluates every part of the objective and their weighted total.
pub(crate) fn evaluate(ctx: &Ctx, sol: &Solution) -> ObjectiveParts {
    let inst = ctx.inst;
    let mut parts = ObjectiveParts::default();
    let priorities = ctx
        .fixed
        .iter()
        .map(|u| u.task)
        .chain(sol.unassigned.iter().flat_map(|b| b.tasks.iter().copied()))
        .map(|t| inst.tasks[t].priority);
    for p in priorities {
        match p {
            Priority::Mandatory => parts.unscheduled_mandatory += 1,
            Priority::Normal => parts.unscheduled_normal += 1,
            Priority::Low => parts.unscheduled_low += 1,
        }
    }
    let mut load = vec![0u32; inst.teams.len()];
    let (mut moved, mut changed) = (0, 0);
    if let Some(l) = &ctx.locks {
        parts.visits += l.past_visits;
        parts.routes += l.past_routes;
        parts.travel_km += l.past_km;
        parts.travel_minutes += l.past_drive;
        load.copy_from_slice(&l.past_load);
        for r in &sol.routes {
            let (m, c) = l.route_changes(r.team, r.day, r.visits.iter().map(|v| &v.tasks[..]));
            moved += m;
            changed += c;
        }
    }
    parts.moved_tasks = moved;
    parts.changed_visits = changed;
    for r in &sol.routes {
        parts.visits += r.visits.len();
        parts.routes += usize::from(!r.visits.is_empty());
        parts.travel_km += r.km;
        parts.travel_minutes += r.drive;
        load[r.team] += r.workload();
    }
    let (spread, deviation) = balance(&load, &ctx.team_can_work);
    parts.workload_spread_minutes = spread;
    parts.workload_deviation_minutes = deviation;
    let terms = Terms {
        unscheduled_mandatory: parts.unscheduled_mandatory as f64,
        unscheduled_normal: parts.unscheduled_normal as f64,
        unscheduled_low: parts.unscheduled_low as f64,
        visits: parts.visits as f64,
        routes: parts.routes as f64,
        travel_km: parts.travel_km,
        balance_minutes: parts.workload_deviation_minutes as f64,
        moved_tasks: parts.moved_tasks as f64,
        changed_visits: parts.changed_visits as f64,
        missing_visits: sol
            .routes
            .iter()
            .map(|r| missing_visits(&ctx.weights, r.visits.len()))
            .sum(),
    };
    parts.total = weigh(&ctx.weights, &terms);
    parts
}

/// The spread (busiest minus idlest) and the sum of deviations from the mean of the teams'
/// workloads `load`, among the teams that `can_work`.
pub(crate) fn balance(load: &[u32], can_work: &[bool]) -> (u32, u32) {
    let loads: Vec<u32> = load
        .iter()
        .zip(can_work)
        .filter(|(_, can)| **can)
        .map(|(l, _)| *l)
        .collect();
    let lo = loads.iter().copied().min().unwrap_or(0);
    let hi = loads.iter().copied().max().unwrap_or(0);
    let n = loads.len().max(1) as u64;
    let sum: u64 = loads.iter().map(|&l| u64::from(l)).sum();
    // Deviations in units of 1/n minute keep the sum exact in integers.
    let deviation: u64 = loads
        .iter()
        .map(|&l| (u64::from(l) * n).abs_diff(sum))
        .sum::<u64>()
        / n;
    (hi - lo, deviation as u32)
}
