//! Provides the split of a round into parts: disjoint groups of routes that are searched at
//! the same time, each by its own short walk, and merged back into one plan.
//!
//! Why: a round that builds its neighbours from the same plan keeps only the best of them, so
//! most of the work of a round is thrown away, and the round's neighbours are its only pieces
//! of parallel work. Parts change disjoint routes, so every part's gain is kept, and their
//! number does not depend on the thread count. A part is a sector of the map around the
//! middle of the routes (their visits' centre of gravity) with a random start angle each
//! round, so that routes side by side fall into one part in most rounds, and the team-days
//! no team works yet are dealt to the parts at random.
//!
//! A part is searched on a copy of the whole plan in which the other parts' routes are empty
//! and closed ([`Solution::closed`]): destroy operators find nothing there and repair and
//! education put nothing there, while the objective of a step is still taken on the whole
//! plan, with the other parts as the round found them.

use crate::solve::context::Ctx;
use crate::solve::route::RouteSt;
use crate::solve::solution::Solution;
use rand::Rng;
use rand_chacha::ChaCha8Rng;
use std::f64::consts::TAU;
use std::sync::Arc;

/// Most parts a round is split into; a power of two that divides the round's neighbours
/// ([`super::CANDIDATES`]), so each part takes the same number of steps.
pub(super) const MOST: usize = 8;

/// Fewest routes out a part should hold: fewer leave a part too few places to move a visit
/// to, and a plan with fewer than twice as many (the demo, a few teams over a week) is
/// searched whole, its round's neighbours all from the same plan. On generated counties
/// (150-odd routes) two parts did better than four at the same rounds, and four better than
/// eight.
const FEWEST_ROUTES: usize = 64;

/// The number of parts for a plan with `routes` routes out: the largest power of two up to
/// [`MOST`] that leaves each part [`FEWEST_ROUTES`], and 1 for a small plan.
pub(super) fn count(routes: usize) -> usize {
    let mut n = MOST;
    while n > 1 && routes < n * FEWEST_ROUTES {
        n /= 2;
    }
    n
}

/// For each route of `sol`, which of `n` parts it falls into: the routes out in sectors of
/// about the same number of routes, from an angle drawn by `rng`; empty routes at random.
pub(super) fn split(ctx: &Ctx, sol: &Solution, n: usize, rng: &mut ChaCha8Rng) -> Vec<usize> {
    let mut part = vec![0; sol.routes.len()];
    if n <= 1 {
        return part;
    }
    let centres: Vec<(usize, (f64, f64))> = sol
        .routes
        .iter()
        .enumerate()
        .filter(|(_, r)| !r.visits.is_empty())
        .map(|(i, r)| (i, centre(ctx, r)))
        .collect();
    let out = centres.len().max(1) as f64;
    let (mx, my) = centres
        .iter()
        .fold((0.0, 0.0), |(x, y), (_, (a, b))| (x + a / out, y + b / out));
    let start = rng.gen_range(0.0..TAU);
    let mut around: Vec<(f64, usize)> = centres
        .iter()
        .map(|&(i, (x, y))| (((y - my).atan2(x - mx) - start).rem_euclid(TAU), i))
        .collect();
    around.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
    let per = around.len().div_ceil(n).max(1);
    for (k, &(_, i)) in around.iter().enumerate() {
        part[i] = (k / per).min(n - 1);
    }
    for (i, r) in sol.routes.iter().enumerate() {
        if r.visits.is_empty() {
            part[i] = rng.gen_range(0..n);
        }
    }
    part
}

/// The mean position (longitude, latitude) of a route's visits.
fn centre(ctx: &Ctx, r: &RouteSt) -> (f64, f64) {
    let n = r.visits.len() as f64;
    r.visits.iter().fold((0.0, 0.0), |(x, y), v| {
        let p = &ctx.inst.firms[v.firm].point;
        (x + p.lon / n, y + p.lat / n)
    })
}

/// One part's view of a plan: the other parts' routes, taken out while the part is destroyed
/// and repaired.
pub(super) struct Hidden(Vec<(usize, Arc<RouteSt>)>);

/// Closes every route not in part `k` of `part` and empties it, so that destroy operators
/// find no visit there; returns what was taken, for [`restore`].
pub(super) fn hide(
    sol: &mut Solution,
    part: &[usize],
    k: usize,
    closed: &Arc<Vec<bool>>,
    empty: &[Arc<RouteSt>],
) -> Hidden {
    sol.closed = Some(Arc::clone(closed));
    let mut taken = Vec::new();
    for (i, &p) in part.iter().enumerate() {
        if p != k && !sol.routes[i].visits.is_empty() {
            let route = std::mem::replace(&mut sol.routes[i], Arc::clone(&empty[i]));
            taken.push((i, route));
        }
    }
    Hidden(taken)
}

/// Puts back what [`hide`] took out; the routes stay closed until the caller clears
/// [`Solution::closed`].
pub(super) fn restore(sol: &mut Solution, hidden: Hidden) {
    for (i, route) in hidden.0 {
        sol.routes[i] = route;
    }
}

/// The closed routes of part `k`: every route of another part.
pub(super) fn closed(part: &[usize], k: usize) -> Arc<Vec<bool>> {
    Arc::new(part.iter().map(|&p| p != k).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_plans_are_one_part_and_large_ones_up_to_eight() {
        assert_eq!(count(0), 1);
        assert_eq!(count(2 * FEWEST_ROUTES - 1), 1);
        assert_eq!(count(2 * FEWEST_ROUTES), 2);
        assert_eq!(count(5 * FEWEST_ROUTES), 4);
        assert_eq!(count(8 * FEWEST_ROUTES), 8);
        assert_eq!(count(10_000), MOST);
    }
}
