//! Provides route-pair merging: empties a route and the route, on any day and of any team,
//! that visits the firm nearest to one of its own, and tries to put all their visits into one
//! route of either team on either day.
//!
//! Removing a single route, or a day's routes, lets repair move work between teams on one day
//! but never bring two days' part-full routes together: each visit moved alone to the other
//! day costs more than it saves, and only moving them all pays. Regret repair does not find
//! that either, since to it every empty route of a team looks the same; so this operator
//! repairs first, into one chosen route, and hands the general repair only what it could not
//! place.

use super::{visits_at, visits_by_firm};
use crate::solve::bundle::Bundle;
use crate::solve::context::Ctx;
use crate::solve::route::{RouteSt, replay, sequence};
use crate::solve::rules;
use crate::solve::solution::Solution;
use rand::seq::SliceRandom;
use rand_chacha::ChaCha8Rng;
use std::sync::Arc;

/// Routes near the first one among which the second is drawn.
const CLOSEST: usize = 3;

/// Most visits two routes may hold together to be merged. County team-days hold a handful of
/// visits each; VRPTW routes of twenty and more never merge, and refilling them from scratch
/// would only slow the search down, so such a draw falls back to route removal.
const MAX_PAIR_VISITS: usize = 16;

/// Removes two nearby routes and merges their visits into one route as far as they fit there,
/// returning the rest for repair; the two routes go whole. When no short pair is drawn it
/// removes routes as [`super::route_removal`] does, with `q`.
pub(super) fn destroy(
    ctx: &Ctx,
    sol: &mut Solution,
    rng: &mut ChaCha8Rng,
    q: usize,
    touched: &mut [bool],
) -> Vec<Bundle> {
    let len = |r: usize| sol.routes[r].visits.len();
    let used: Vec<usize> = (0..sol.routes.len()).filter(|&r| len(r) > 0).collect();
    let short: Vec<usize> = used
        .iter()
        .copied()
        .filter(|&r| len(r) < MAX_PAIR_VISITS)
        .collect();
    let pair = short.choose(rng).and_then(|&first| {
        let second = nearest_other_route(ctx, sol, first, rng)?;
        (len(first) + len(second) <= MAX_PAIR_VISITS).then_some((first, second))
    });
    let Some((first, second)) = pair else {
        return super::route_removal::destroy(ctx, sol, rng, q, touched);
    };
    let (a, b) = (&sol.routes[first], &sol.routes[second]);
    let mut targets: Vec<usize> = [
        (a.day, a.team),
        (b.day, b.team),
        (a.day, b.team),
        (b.day, a.team),
    ]
    .into_iter()
    .filter_map(|(day, team)| ctx.slot(day, team))
    .collect();
    targets.dedup();
    targets.shuffle(rng);
    let whole = |sol: &Solution, r: usize| -> Vec<(usize, usize)> {
        (0..sol.routes[r].visits.len()).map(|i| (r, i)).collect()
    };
    let from_first = sol.take(ctx, &whole(sol, first), touched);
    let from_second = sol.take(ctx, &whole(sol, second), touched);
    // Which routes could take each bundle, once for all the targets tried.
    let routes_of = |bundles: &[Bundle]| -> Vec<Vec<usize>> {
        bundles.iter().map(|x| x.candidate_routes(ctx)).collect()
    };
    let (routes_first, routes_second) = (routes_of(&from_first), routes_of(&from_second));
    let tries = targets
        .into_iter()
        .filter(|&r| sol.routes[r].visits.is_empty() && sol.is_open(r))
        .filter_map(|r| {
            let a = Freed {
                bundles: &from_first,
                routes: &routes_first,
            };
            let b = Freed {
                bundles: &from_second,
                routes: &routes_second,
            };
            let (route, left) = fill(ctx, &sol.routes[r], r, a, b)?;
            Some(((r, route), left))
        });
    match fewest_left(tries) {
        Some(((r, route), left)) => {
            sol.routes[r] = Arc::new(route);
            touched[r] = true;
            left
        }
        None => {
            let mut bundles = from_first;
            bundles.extend(from_second);
            bundles
        }
    }
}

/// One of the [`CLOSEST`] other used routes that hold the firms nearest to a random firm of
/// `first`, at random: the very nearest may sit on a day that cannot take the rest.
fn nearest_other_route(
    ctx: &Ctx,
    sol: &Solution,
    first: usize,
    rng: &mut ChaCha8Rng,
) -> Option<usize> {
    let firm = sol.routes[first].visits.choose(rng)?.firm;
    let by_firm = visits_by_firm(sol, |r| r != first);
    let mut near: Vec<usize> = Vec::with_capacity(CLOSEST);
    for (r, _) in std::iter::once(firm)
        .chain(ctx.neighbours[firm].iter().copied())
        .flat_map(|f| visits_at(&by_firm, f))
    {
        if !near.contains(&r) {
            near.push(r);
            if near.len() == CLOSEST {
                break;
            }
        }
    }
    near.choose(rng).copied()
}

/// `empty` holding as many bundles of `a` and `b` as the ways tried fit, with those left
/// over; `None` when the route can take none of them.
///
/// Greedy cheapest insertion from scratch often strands a visit where a route's own order
/// would have left room, so each route's visits are first tried in their old order with the
/// other's inserted, then all of them from scratch, and last all of them in the order that
/// finishes earliest; the first way that fits everything wins, else the one that leaves
/// fewest out. What is left out goes to the general repair,
/// which lets a firm's visit split off a task whose window the chosen day misses.
fn fill(
    ctx: &Ctx,
    empty: &RouteSt,
    r: usize,
    a: Freed,
    b: Freed,
) -> Option<(RouteSt, Vec<Bundle>)> {
    let (fit_a, mut misfits) = a.split(r);
    let (fit_b, misfits_b) = b.split(r);
    misfits.extend(misfits_b);
    let fits: Vec<&Bundle> = fit_a.iter().chain(&fit_b).copied().collect();
    if fits.is_empty() {
        return None;
    }
    let tries = [(&fit_a, &fit_b), (&fit_b, &fit_a)]
        .into_iter()
        .filter_map(|(kept, rest)| Some((seeded(ctx, empty, kept)?, rest.clone())))
        .chain(std::iter::once((empty.clone(), fits.clone())))
        .map(|(route, rest)| insert_all(ctx, route, rest));
    let mut best = fewest_left(tries);
    if best.as_ref().is_some_and(|(_, l)| !l.is_empty())
        && let Some(route) = sequenced(ctx, empty, &fits)
    {
        best = Some((route, Vec::new()));
    }
    let (route, left) = best?;
    let out = left.into_iter().chain(misfits).cloned().collect();
    Some((route, out))
}

/// The bundles freed from one route, with the routes that could take each.
#[derive(Clone, Copy)]
struct Freed<'b> {
    bundles: &'b [Bundle],
    routes: &'b [Vec<usize>],
}

impl<'b> Freed<'b> {
    /// The bundles route `r` could take, and the others, each in their order.
    fn split(self, r: usize) -> (Vec<&'b Bundle>, Vec<&'b Bundle>) {
        let (fit, misfit): (Vec<_>, Vec<_>) = self
            .bundles
            .iter()
            .zip(self.routes)
            .partition(|(_, routes)| routes.contains(&r));
        let firsts = |v: Vec<(&'b Bundle, &'b Vec<usize>)>| v.into_iter().map(|(x, _)| x).collect();
        (firsts(fit), firsts(misfit))
    }
}

/// The first of `tries` that leaves nothing out, else the one that leaves fewest out (the
/// earliest among equals); tries after a complete one are never made.
fn fewest_left<T, L>(tries: impl Iterator<Item = (T, Vec<L>)>) -> Option<(T, Vec<L>)> {
    let mut best: Option<(T, Vec<L>)> = None;
    for (x, left) in tries {
        if best.as_ref().is_none_or(|(_, l)| left.len() < l.len()) {
            let done = left.is_empty();
            best = Some((x, left));
            if done {
                break;
            }
        }
    }
    best
}

/// `empty` with all of `visits` in the order that finishes earliest, shortened, when there is
/// one and the team's capacity allows.
fn sequenced(ctx: &Ctx, empty: &RouteSt, visits: &[&Bundle]) -> Option<RouteSt> {
    let order = sequence::fitting_order(ctx, empty.team, visits)?;
    let ordered: Vec<&Bundle> = order.iter().map(|&i| visits[i]).collect();
    let mut route = seeded(ctx, empty, &ordered)?;
    route.improve(ctx);
    Some(route)
}

/// `empty` with `kept` in their order, when that fits the team's day.
fn seeded(ctx: &Ctx, empty: &RouteSt, kept: &[&Bundle]) -> Option<RouteSt> {
    replay(ctx, empty.team, kept)?;
    if !rules::loads_fit(ctx, empty.team, kept.iter().copied()) {
        return None;
    }
    let mut route = empty.clone();
    route.visits = kept.iter().map(|&x| x.clone()).collect();
    route.refresh(ctx);
    Some(route)
}

/// `route` with `left` inserted, cheapest first, while any fits; and those that did not.
///
/// When none fits, the route is shortened once (which can also free time) and tried again.
fn insert_all<'b>(
    ctx: &Ctx,
    mut route: RouteSt,
    mut left: Vec<&'b Bundle>,
) -> (RouteSt, Vec<&'b Bundle>) {
    let mut improved = false;
    while !left.is_empty() {
        let cheapest = left
            .iter()
            .enumerate()
            .filter_map(|(i, x)| route.best_insertion(ctx, x).map(|ins| (i, ins)))
            .min_by(|x, y| x.1.cost.total_cmp(&y.1.cost));
        match cheapest {
            Some((i, ins)) => {
                let x = left.remove(i).clone();
                route.apply(ctx, x, ins.place);
            }
            None if !improved => {
                route.improve(ctx);
                improved = true;
            }
            None => break,
        }
    }
    (route, left)
}
