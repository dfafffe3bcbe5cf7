//! Provides the search's working solution: one route per (day, team) that can exist, and the
//! bundles no route could take; and its conversion into a [`Plan`].

use super::bundle::Bundle;
use super::context::Ctx;
use super::route::RouteSt;
use super::rules::unscheduled_reason;
use crate::model::{Plan, Route, Unscheduled, Visit};
use rand::Rng;
use rand_chacha::ChaCha8Rng;
use std::sync::Arc;

/// Routes and unplaced bundles.
#[derive(Debug, Clone)]
pub(crate) struct Solution {
    /// One route per entry of [`Ctx::slots`], in the same order (empty ones included).
    ///
    /// Shared until written ([`Arc::make_mut`]): every neighbour of the search starts as a
    /// copy of the current solution and changes a few routes, so copying only those saves
    /// most of the allocation a deep copy of a month's routes costs.
    pub routes: Vec<Arc<RouteSt>>,
    /// Bundles that found no room, to be tried again by every repair.
    pub unassigned: Vec<Bundle>,
    /// Routes no visit may be put into, while one part of a round is searched on its own
    /// ([`super::search`]'s parts): the other parts' routes, which their own searches change at
    /// the same time. `None` outside such a search.
    pub closed: Option<Arc<Vec<bool>>>,
}

/// A non-empty route with its clock times, leaving base just in time for the first visit.
pub(crate) fn route_of(ctx: &Ctx, r: &RouteSt) -> Route {
    let base = ctx.base_point(r.team);
    let starts = r.starts();
    let first = ctx.firm_point(r.visits[0].firm);
    let leave_base = starts[0] - ctx.minutes(base, first);
    let (mut t, mut at) = (leave_base, base);
    let mut visits = Vec::with_capacity(r.visits.len());
    for (v, &start) in r.visits.iter().zip(starts) {
        let p = ctx.firm_point(v.firm);
        let arrive = t + ctx.minutes(at, p);
        let end = start + v.dur;
        visits.push(Visit {
            firm: v.firm,
            tasks: v.tasks.clone(),
            arrive,
            start,
            end,
            depart: end,
        });
        t = end;
        at = p;
    }
    Route {
        team: r.team,
        day: r.day,
        leave_base,
        visits,
        return_base: t + ctx.minutes(at, base),
    }
}

impl Solution {
    /// Every route empty and nothing unassigned.
    pub fn empty(ctx: &Ctx) -> Self {
        Self {
            routes: ctx
                .slots
                .iter()
                .map(|&(day, team)| Arc::new(RouteSt::new(team, day)))
                .collect(),
            unassigned: Vec::new(),
            closed: None,
        }
    }

    /// True when a visit may be put into route `r` (see [`Solution::closed`]).
    pub fn is_open(&self, r: usize) -> bool {
        self.closed.as_ref().is_none_or(|c| !c[r])
    }

    /// Number of visits.
    pub fn visits(&self) -> usize {
        self.routes.iter().map(|r| r.visits.len()).sum()
    }

    /// Every visit as (route, position), in route order.
    pub fn all_visits(&self) -> Vec<(usize, usize)> {
        self.routes
            .iter()
            .enumerate()
            .flat_map(|(r, route)| (0..route.visits.len()).map(move |i| (r, i)))
            .collect()
    }

    /// Takes the visits at `picks` (route, position) out of their routes, marking the routes
    /// touched, and returns them as bundles in (route, position) order.
    pub fn take(
        &mut self,
        ctx: &Ctx,
        picks: &[(usize, usize)],
        touched: &mut [bool],
    ) -> Vec<Bundle> {
        let mut picks = picks.to_vec();
        picks.sort_unstable();
        picks.dedup();
        let mut out = Vec::with_capacity(picks.len());
        for &(r, i) in picks.iter().rev() {
            out.push(Arc::make_mut(&mut self.routes[r]).remove(ctx, i));
            touched[r] = true;
        }
        out.reverse();
        out
    }

    /// Every task in a route or unassigned, sorted: what a change of the plan must keep.
    #[cfg(test)]
    pub fn sorted_tasks(&self) -> Vec<usize> {
        let mut t: Vec<usize> = self
            .routes
            .iter()
            .flat_map(|r| &r.visits)
            .chain(&self.unassigned)
            .flat_map(|b| b.tasks.iter().copied())
            .collect();
        t.sort_unstable();
        t
    }

    /// The plan: routes with their clock times, and every task left out with its reason.
    ///
    /// Each route leaves its base just in time for the first visit, so no team waits at a
    /// firm's door before the day's first inspection.
    ///
    /// A replan's fixed routes come first: they lie before every day the planner fills.
    pub fn to_plan(&self, ctx: &Ctx) -> Plan {
        let mut routes: Vec<Route> = ctx
            .locks
            .as_ref()
            .map(|l| l.fixed_routes.clone())
            .unwrap_or_default();
        for r in self.routes.iter().filter(|r| !r.visits.is_empty()) {
            routes.push(route_of(ctx, r));
        }
        let mut unscheduled = ctx.fixed.clone();
        unscheduled.extend(self.unassigned.iter().flat_map(|b| &b.tasks).map(|&task| {
            Unscheduled {
                task,
                reason: unscheduled_reason(ctx.inst, task),
            }
        }));
        unscheduled.sort_by_key(|u| u.task);
        Plan {
            routes,
            unscheduled,
        }
    }
}

/// A uniformly random visit (route, position) of a solution with at least one visit.
pub(crate) fn random_visit(sol: &Solution, rng: &mut ChaCha8Rng) -> (usize, usize) {
    let mut k = rng.gen_range(0..sol.visits());
    for (r, route) in sol.routes.iter().enumerate() {
        if k < route.visits.len() {
            return (r, k);
        }
        k -= route.visits.len();
    }
    unreachable!("k is below the number of visits")
}

/// Every visit of the routes `keep` accepts as (firm, route, position), sorted: a lookup by
/// firm is then a binary search, with no allocation per firm as a map of lists would need.
pub(crate) fn visits_by_firm(
    sol: &Solution,
    keep: impl Fn(usize) -> bool,
) -> Vec<(usize, usize, usize)> {
    let mut out: Vec<(usize, usize, usize)> = sol
        .routes
        .iter()
        .enumerate()
        .filter(|&(r, _)| keep(r))
        .flat_map(|(r, route)| {
            route
                .visits
                .iter()
                .enumerate()
                .map(move |(i, v)| (v.firm, r, i))
        })
        .collect();
    out.sort_unstable();
    out
}

/// The visits at `firm` in a list from [`visits_by_firm`], as (route, position) in order.
pub(crate) fn visits_at(
    by_firm: &[(usize, usize, usize)],
    firm: usize,
) -> impl Iterator<Item = (usize, usize)> + '_ {
    let from = by_firm.partition_point(|&(f, _, _)| f < firm);
    by_firm[from..]
        .iter()
        .take_while(move |&&(f, _, _)| f == firm)
        .map(|&(_, r, i)| (r, i))
}
