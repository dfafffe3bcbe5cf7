//! Provides regret insertion, which both builds the first plan and repairs destroyed ones.
//!
//! Bundles are inserted one at a time. Each pending bundle knows its cheapest feasible
//! insertion in every route that could take it (a new visit at the best position, or a merge
//! into the route's visit at the same firm, which costs no visit); the bundle whose second-best
//! route is worst compared with its best (highest regret; one with a single route has infinite
//! regret) goes first, because waiting would cost it most. After each insertion only the
//! changed route is re-evaluated for the others, keeping best and second best up to date.
//!
//! Mandatory bundles are inserted before normal ones, and those before low ones, so that when
//! capacity runs out it is the least important work that is left out. A bundle no route takes
//! is split into single tasks, each tried again; a single task no route takes is left
//! unassigned.

mod blinks;

pub(crate) use blinks::insert_blinking;

use super::bundle::Bundle;
use super::context::Ctx;
use super::parallel::Workers;
use super::route::Insertion;
use super::rules::max_days::MaxDays;
use super::solution::Solution;
use std::sync::Arc;
use std::time::Instant;

/// Bundles above which an insertion indexes pending bundles by candidate route.
const INDEX_FROM: usize = 64;

/// Bundles whose options are priced at once on the pool when an indexed insertion starts. The
/// deadline is still looked at bundle by bundle as they are added, so it stops the adding
/// where it did before; what the batch priced beyond that is dropped.
pub(super) const OPTIONS_BATCH: usize = 512;

/// Pending bundles an insertion re-evaluates, from which the pool shares them out. A city's
/// construction re-evaluates about a thousand after each of its first insertions; a repair's
/// few dozen stay on the calling thread.
pub(super) const SHARED_UPDATES_FROM: usize = 256;

/// Bundles (or re-evaluations) in one job of the pool.
const JOB: usize = 128;

/// A bundle waiting to be inserted, with its options.
struct Pending {
    bundle: Bundle,
    /// Routes that could take it, increasing.
    routes: Vec<usize>,
    /// Its cheapest insertion in each of `routes`.
    options: Vec<Option<Insertion>>,
    /// Index into `routes` of the cheapest option, and its cost.
    best: Option<(usize, f64)>,
    /// Index and cost of the second cheapest option.
    second: Option<(usize, f64)>,
}

impl Pending {
    fn new(ctx: &Ctx, sol: &Solution, bundle: Bundle, may_open: &[bool]) -> Self {
        let (routes, options) = Self::options(ctx, sol, &bundle, may_open);
        Self::with(bundle, routes, options)
    }

    /// The routes that could take `bundle`, increasing, and its cheapest insertion in each.
    fn options(
        ctx: &Ctx,
        sol: &Solution,
        bundle: &Bundle,
        may_open: &[bool],
    ) -> (Vec<usize>, Vec<Option<Insertion>>) {
        let mut routes = bundle.candidate_routes(ctx);
        routes.retain(|&r| sol.is_open(r));
        // An empty route offers the same insertion on every day its team works (nothing in it
        // depends on the day), so each team's empty routes are evaluated once.
        let mut empty: Vec<(usize, Option<Insertion>)> = Vec::new();
        let options = routes
            .iter()
            .map(|&r| {
                let route = &sol.routes[r];
                if !route.visits.is_empty() {
                    return route.best_insertion(ctx, bundle);
                }
                if !may_open[route.team] {
                    return None;
                }
                if let Some(&(_, o)) = empty.iter().find(|(t, _)| *t == route.team) {
                    return o;
                }
                let o = route.best_insertion(ctx, bundle);
                empty.push((route.team, o));
                o
            })
            .collect();
        (routes, options)
    }

    /// A pending `bundle` with its `options` in `routes` ([`Pending::options`]).
    fn with(bundle: Bundle, routes: Vec<usize>, options: Vec<Option<Insertion>>) -> Self {
        let mut p = Self {
            bundle,
            routes,
            options,
            best: None,
            second: None,
        };
        p.rescan();
        p
    }

    /// Finds best and second best again from all options.
    fn rescan(&mut self) {
        self.best = None;
        self.second = None;
        for i in 0..self.options.len() {
            if let Some(o) = self.options[i] {
                self.offer(i, o.cost);
            }
        }
    }

    /// Takes option `i` of cost `cost` into best / second best (strictly better wins, so the
    /// earlier route keeps ties).
    fn offer(&mut self, i: usize, cost: f64) {
        if self.best.is_none_or(|(_, c)| cost < c) {
            self.second = self.best;
            self.best = Some((i, cost));
        } else if self.second.is_none_or(|(_, c)| cost < c) {
            self.second = Some((i, cost));
        }
    }

    /// Route `route` changed: the index of `route` among this bundle's routes and its cheapest
    /// insertion there now, or `None` when the route is not one of them.
    fn reevaluated(
        &self,
        ctx: &Ctx,
        sol: &Solution,
        route: usize,
    ) -> Option<(usize, Option<Insertion>)> {
        let i = self.routes.binary_search(&route).ok()?;
        Some((i, sol.routes[route].best_insertion(ctx, &self.bundle)))
    }

    /// Team `team` has its `max_days`: its empty routes are no option any more.
    fn close_team(&mut self, sol: &Solution, team: usize) {
        for i in 0..self.routes.len() {
            let r = &sol.routes[self.routes[i]];
            if r.team == team && r.visits.is_empty() {
                self.set(i, None);
            }
        }
    }

    /// Sets option `i` to `new`, keeping best and second best.
    fn set(&mut self, i: usize, new: Option<Insertion>) {
        let old = std::mem::replace(&mut self.options[i], new);
        if old == new {
            return;
        }
        let was_top =
            self.best.is_some_and(|(j, _)| j == i) || self.second.is_some_and(|(j, _)| j == i);
        if was_top {
            self.rescan();
        } else if let Some(o) = new {
            self.offer(i, o.cost);
        }
    }

    /// Second best minus best; infinite with a single option.
    fn regret(&self) -> f64 {
        match (self.best, self.second) {
            (Some((_, b)), Some((_, s))) => s - b,
            _ => f64::INFINITY,
        }
    }
}

/// Inserts `bundles` into `sol` by regret, most important first, marking changed routes in
/// `touched`; what does not fit ends in `sol.unassigned`.
pub(crate) fn insert(ctx: &Ctx, sol: &mut Solution, bundles: Vec<Bundle>, touched: &mut [bool]) {
    let untried = insert_until(ctx, sol, bundles, touched, None, &Workers::inline());
    debug_assert!(
        untried.is_empty(),
        "without a deadline every bundle is tried"
    );
}

/// Bundles placed between two looks at the clock: a look costs little, but a city's
/// construction places tens of thousands.
const CLOCK_EVERY: usize = 16;

/// [`insert`] that stops at `deadline` when one is given; returns the bundles not yet tried
/// then (pending ones and every one of a lower priority class), in their arrival order.
///
/// The options of many bundles are priced on `workers`' pool; each bundle's are its own, and
/// they are taken in the same order, so the plan does not depend on the thread count.
pub(crate) fn insert_until(
    ctx: &Ctx,
    sol: &mut Solution,
    bundles: Vec<Bundle>,
    touched: &mut [bool],
    deadline: Option<Instant>,
    workers: &Workers,
) -> Vec<Bundle> {
    // Split by priority class once, moving the bundles: construction hands over tens of
    // thousands on a city. A rank above 2 does not exist and is dropped, as before.
    let mut classes: [Vec<Bundle>; 3] = Default::default();
    for b in bundles {
        if let Some(class) = classes.get_mut(usize::from(b.rank)) {
            class.push(b);
        }
    }
    let mut untried = Vec::new();
    for phase in classes {
        if untried.is_empty() {
            untried = insert_phase(ctx, sol, phase, touched, deadline, workers);
        } else {
            untried.extend(phase);
        }
    }
    untried
}

/// Regret insertion of bundles of one priority class.
///
/// Pending bundles keep their slot in `pending` for the whole phase (a placed one leaves
/// `None`), so their order, which breaks ties, is the order they arrived in; `by_route` lists
/// for every route the bundles that have it as a candidate, so that an insertion re-evaluates
/// only those instead of every pending bundle.
///
/// Past `deadline` the phase stops and returns the bundles still pending.
fn insert_phase(
    ctx: &Ctx,
    sol: &mut Solution,
    bundles: Vec<Bundle>,
    touched: &mut [bool],
    deadline: Option<Instant>,
    workers: &Workers,
) -> Vec<Bundle> {
    let mut pending: Vec<Option<Pending>> = Vec::with_capacity(bundles.len());
    // Few bundles (a repair) are cheaper to scan than to index.
    let mut by_route: Vec<Vec<u32>> = if bundles.len() > INDEX_FROM {
        vec![Vec::new(); sol.routes.len()]
    } else {
        Vec::new()
    };
    // Bundles with no option left, split or given up in increasing slot order.
    let mut stuck: std::collections::BTreeSet<usize> = Default::default();
    let late = |placed: usize| {
        placed.is_multiple_of(CLOCK_EVERY) && deadline.is_some_and(|d| Instant::now() >= d)
    };
    // Days each team is out and may still open, for `max_days` ([`MaxDays`]).
    let capped = MaxDays::any(ctx);
    let caps = MaxDays::caps(ctx);
    let mut used = if capped {
        MaxDays::used(ctx, sol)
    } else {
        vec![0; ctx.inst.teams.len()]
    };
    let mut may_open: Vec<bool> = (0..used.len())
        .map(|t| MaxDays::may_open(&caps, t, used[t]))
        .collect();
    let indexed = !by_route.is_empty();
    let mut bundles = bundles.into_iter();
    // Bundles of a batch the deadline left unadded, before the rest of `bundles`.
    let mut unadded: Vec<Bundle> = Vec::new();
    let mut placed = 0usize;
    'adding: while !bundles.as_slice().is_empty() {
        let batch: Vec<Bundle> = bundles
            .by_ref()
            .take(if indexed { OPTIONS_BATCH } else { usize::MAX })
            .collect();
        let (sol_now, may_open) = (&*sol, &may_open);
        let price = |bundles: &[Bundle]| -> Vec<_> {
            let priced = bundles.iter();
            priced
                .map(|b| Pending::options(ctx, sol_now, b, may_open))
                .collect()
        };
        let options = if indexed {
            shared(workers, &batch, price)
        } else {
            price(&batch)
        };
        let mut batch = batch.into_iter().zip(options);
        for (b, (routes, options)) in batch.by_ref() {
            let p = Pending::with(b, routes, options);
            register(p, &mut pending, &mut by_route, &mut stuck);
            placed += 1;
            if late(placed) {
                unadded.extend(batch.map(|(b, _)| b));
                break 'adding;
            }
        }
    }
    let mut placed = 0usize;
    loop {
        if late(placed) || !unadded.is_empty() || !bundles.as_slice().is_empty() {
            let mut left: Vec<Bundle> = pending.into_iter().flatten().map(|p| p.bundle).collect();
            left.extend(unadded);
            left.extend(bundles);
            return left;
        }
        placed += 1;
        while let Some(i) = stuck.pop_first() {
            let p = pending[i].take().expect("a stuck bundle is pending");
            if p.bundle.tasks.len() > 1 {
                for s in p.bundle.singletons(ctx.inst) {
                    add(
                        ctx,
                        sol,
                        s,
                        &mut pending,
                        &mut by_route,
                        &mut stuck,
                        &may_open,
                    );
                }
            } else {
                sol.unassigned.push(p.bundle);
            }
        }
        let Some(pick) = most_urgent(&pending) else {
            return Vec::new();
        };
        let p = pending[pick].take().expect("the pick is pending");
        let (i, _) = p.best.expect("only bundles with an option are picked");
        let route = p.routes[i];
        let place = p.options[i].expect("best is an option").place;
        let team = sol.routes[route].team;
        let opened = sol.routes[route].visits.is_empty();
        Arc::make_mut(&mut sol.routes[route]).apply(ctx, p.bundle, place);
        touched[route] = true;
        if capped && opened {
            used[team] += 1;
            if may_open[team] && !MaxDays::may_open(&caps, team, used[team]) {
                may_open[team] = false;
                for (q, pq) in pending.iter_mut().enumerate() {
                    if let Some(pq) = pq.as_mut() {
                        pq.close_team(sol, team);
                        if pq.best.is_none() {
                            stuck.insert(q);
                        }
                    }
                }
            }
        }
        let all: Vec<u32>;
        let listed = match by_route.get_mut(route) {
            // Bundles placed since leave the list, so that it holds only work.
            Some(list) => {
                list.retain(|&q| pending[q as usize].is_some());
                &*list
            }
            None => {
                all = (0..pending.len() as u32).collect();
                &all
            }
        };
        let (sol_now, pending_now) = (&*sol, &pending);
        let reprice = |qs: &[u32]| -> Vec<_> {
            let listed = qs.iter().map(|&q| pending_now[q as usize].as_ref());
            listed
                .map(|pq| pq.and_then(|pq| pq.reevaluated(ctx, sol_now, route)))
                .collect()
        };
        let repriced = if listed.len() >= SHARED_UPDATES_FROM {
            shared(workers, listed, reprice)
        } else {
            reprice(listed)
        };
        for (&q, new) in listed.iter().zip(repriced) {
            if let (Some(pq), Some((i, new))) = (pending[q as usize].as_mut(), new) {
                pq.set(i, new);
                if pq.best.is_none() {
                    stuck.insert(q as usize);
                }
            }
        }
    }
}

/// `work` over `items`, in jobs of [`JOB`] items on `workers`' pool, the results in order.
fn shared<T: Sync, R: Send>(
    workers: &Workers,
    items: &[T],
    work: impl Fn(&[T]) -> Vec<R> + Sync + Send,
) -> Vec<R> {
    let jobs = workers.map(items.len().div_ceil(JOB), |j| {
        work(&items[j * JOB..((j + 1) * JOB).min(items.len())])
    });
    jobs.into_iter().flatten().collect()
}

/// Makes `b` pending in the next slot, listing it under each of its candidate routes.
fn add(
    ctx: &Ctx,
    sol: &Solution,
    b: Bundle,
    pending: &mut Vec<Option<Pending>>,
    by_route: &mut [Vec<u32>],
    stuck: &mut std::collections::BTreeSet<usize>,
    may_open: &[bool],
) {
    register(
        Pending::new(ctx, sol, b, may_open),
        pending,
        by_route,
        stuck,
    );
}

/// Makes `p` pending in the next slot, listing it under each of its candidate routes.
fn register(
    p: Pending,
    pending: &mut Vec<Option<Pending>>,
    by_route: &mut [Vec<u32>],
    stuck: &mut std::collections::BTreeSet<usize>,
) {
    let slot = pending.len();
    if !by_route.is_empty() {
        for &r in &p.routes {
            by_route[r].push(slot as u32);
        }
    }
    if p.best.is_none() {
        stuck.insert(slot);
    }
    pending.push(Some(p));
}

/// The pending bundle with the highest regret, then the cheapest best option, then the first.
fn most_urgent(pending: &[Option<Pending>]) -> Option<usize> {
    let mut pick: Option<(usize, f64, f64)> = None;
    for (i, p) in pending.iter().enumerate() {
        let Some(p) = p else { continue };
        let Some((_, cost)) = p.best else { continue };
        let regret = p.regret();
        let better = match pick {
            None => true,
            Some((_, r, c)) => regret > r || (regret == r && cost < c),
        };
        if better {
            pick = Some((i, regret, cost));
        }
    }
    pick.map(|(i, _, _)| i)
}

/// The first plan of the context's instance by insertion alone, with the tasks no visit can
/// hold set aside in `ctx.fixed`: the starting point of the operators' unit tests.
#[cfg(test)]
pub(crate) fn first_plan(ctx: &mut Ctx) -> Solution {
    let inst = ctx.inst;
    let bounds = crate::graph::visit_bounds(inst);
    let taken = vec![false; inst.tasks.len()];
    let (bundles, fixed) = super::bundle::initial_bundles_from(ctx, &bounds, &taken);
    ctx.fixed = fixed;
    let mut sol = Solution::empty(ctx);
    let mut touched = vec![false; sol.routes.len()];
    insert(ctx, &mut sol, bundles, &mut touched);
    sol
}
