//! Provides the objective: unscheduled tasks by priority, then visits, then travel, then the
//! spread of the teams' workloads, each part reported apart.
//!
//! A team's workload is its driving plus on-site minutes over the horizon; the spread is the
//! busiest team's workload minus the idlest one's, over the teams that work at least one day.
//! Parts are summed in route order, so the same solution always gives the same bits, which the
//! parallel search relies on to pick the same candidate whatever the thread count.

use super::ObjectiveParts;
use super::context::Ctx;
use super::solution::Solution;
use crate::model::Priority;

/// Evaluates every part of the objective and their weighted total.
pub(crate) fn evaluate(ctx: &Ctx, sol: &Solution) -> ObjectiveParts {
    let inst = ctx.inst;
    let w = &ctx.weights;
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
    let mut works = vec![false; inst.teams.len()];
    for r in &sol.routes {
        parts.visits += r.visits.len();
        parts.travel_km += r.km;
        parts.travel_minutes += r.drive;
        load[r.team] += r.workload();
        works[r.team] = true;
    }
    let loads = load
        .iter()
        .zip(&works)
        .filter(|(_, w)| **w)
        .map(|(l, _)| *l);
    let (lo, hi) = loads.fold((u32::MAX, 0), |(lo, hi), l| (lo.min(l), hi.max(l)));
    parts.workload_spread_minutes = hi.saturating_sub(lo);
    parts.total = parts.unscheduled_mandatory as f64 * w.unscheduled_mandatory
        + parts.unscheduled_normal as f64 * w.unscheduled_normal
        + parts.unscheduled_low as f64 * w.unscheduled_low
        + parts.visits as f64 * w.visit
        + parts.travel_km * w.travel_km
        + parts.workload_spread_minutes as f64 * w.balance_minute;
    parts
}
