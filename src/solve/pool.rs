//! Provides the route pool: distinct feasible team-day routes met during the search, from
//! which the set-partitioning MILP picks the best combination.
//!
//! A route is keyed by its team-day and the set of tasks it does. Within one route all tasks
//! at one firm are one visit, so the task set fixes the visits and only the driving order can
//! differ; the pool keeps the cheapest order met. The pool is filled from the calling thread
//! in the search's fixed candidate order, so it is the same for any thread count. Once full it
//! still improves the routes it holds but takes no new key: the first routes met are those of
//! the constructed plan and of the early rounds, which the later rounds only refine.

use super::bundle::Bundle;
use super::route::RouteSt;
use super::solution::Solution;
use crate::model::TaskIndex;
use std::collections::HashMap;

/// Routes kept by default: enough for a month of a county (a few tens of thousands are met),
/// few enough that the MILP stays quick.
pub(crate) const DEFAULT_CAPACITY: usize = 60_000;

/// One pooled route.
#[derive(Debug, Clone)]
pub(crate) struct PooledRoute {
    /// Index into [`super::context::Ctx::slots`].
    pub slot: usize,
    /// The visits in driving order.
    pub visits: Vec<Bundle>,
    /// Every task of the route, increasing.
    pub tasks: Vec<TaskIndex>,
    /// Road kilometres, base to base.
    pub km: f64,
    /// Driving plus on-site minutes.
    pub workload: u32,
}

/// Distinct routes, cheapest per (team-day, task set), in the order first met.
#[derive(Debug, Clone)]
pub(crate) struct RoutePool {
    routes: Vec<PooledRoute>,
    index: HashMap<(usize, Vec<TaskIndex>), usize>,
    capacity: usize,
    /// Routes offered, duplicates included.
    pub offered: u64,
}

impl RoutePool {
    /// An empty pool holding at most `capacity` routes.
    pub fn new(capacity: usize) -> Self {
        Self {
            routes: Vec::new(),
            index: HashMap::new(),
            capacity,
            offered: 0,
        }
    }

    /// The routes, in the order first met.
    pub fn routes(&self) -> &[PooledRoute] {
        &self.routes
    }

    /// Offers the route at `slot`; empty routes are ignored. `force` takes a new key even when
    /// the pool is full (for the routes of a plan the MILP must be able to reproduce).
    pub fn offer(&mut self, slot: usize, route: &RouteSt, force: bool) {
        if route.visits.is_empty() {
            return;
        }
        self.offered += 1;
        let mut tasks: Vec<TaskIndex> = route
            .visits
            .iter()
            .flat_map(|v| v.tasks.iter().copied())
            .collect();
        tasks.sort_unstable();
        let key = (slot, tasks);
        if let Some(&i) = self.index.get(&key) {
            let held = &mut self.routes[i];
            if route.km < held.km {
                held.visits.clone_from(&route.visits);
                held.km = route.km;
                held.workload = route.workload();
            }
            return;
        }
        if self.routes.len() >= self.capacity && !force {
            return;
        }
        self.index.insert(key.clone(), self.routes.len());
        self.routes.push(PooledRoute {
            slot,
            visits: route.visits.clone(),
            tasks: key.1,
            km: route.km,
            workload: route.workload(),
        });
    }

    /// Offers every route of `sol` (routes are indexed by slot).
    pub fn offer_solution(&mut self, sol: &Solution, force: bool) {
        for (slot, r) in sol.routes.iter().enumerate() {
            self.offer(slot, r, force);
        }
    }

    /// Offers the routes of `sol` marked in `touched`.
    pub fn offer_touched(&mut self, sol: &Solution, touched: &[bool]) {
        for (slot, r) in sol.routes.iter().enumerate() {
            if touched.get(slot).copied().unwrap_or(false) {
                self.offer(slot, r, false);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::solve::{bundle, construct, context::Ctx};
    use crate::synth::{SynthParams, random_instance};

    #[test]
    fn keeps_one_route_per_task_set_and_respects_the_capacity() {
        let inst = random_instance(3, &SynthParams::default());
        let mut ctx = Ctx::new(&inst);
        let (bundles, fixed) = bundle::initial_bundles(&ctx);
        ctx.fixed = fixed;
        let (sol, _) = construct::construct(
            &ctx,
            crate::solve::solution::Solution::empty(&ctx),
            bundles,
            None,
            &crate::solve::parallel::Workers::inline(),
        );
        let routes = sol.routes.iter().filter(|r| !r.visits.is_empty()).count();
        let mut pool = RoutePool::new(1);
        pool.offer_solution(&sol, false);
        pool.offer_solution(&sol, false);
        assert_eq!(pool.routes().len(), routes.min(1));
        pool.offer_solution(&sol, true);
        assert_eq!(pool.routes().len(), routes);
        assert_eq!(pool.offered, 3 * routes as u64);
    }
}
