//! Provides or-opt: moving a run of one to three consecutive visits elsewhere in the route.
//!
//! The change in kilometres is the three legs broken and the three made; only a shortening
//! move is replayed for feasibility.

use super::{MIN_GAIN_KM, RouteSt};
use crate::solve::context::Ctx;

/// Longest run moved at once.
const MAX_RUN: usize = 3;

/// Applies the first feasible move that shortens the route; true when one did.
pub(super) fn step(route: &mut RouteSt, ctx: &Ctx) -> bool {
    let n = route.visits.len();
    let p = route.stops(ctx);
    let d = |a: usize, b: usize| ctx.km(p[a], p[b]);
    for len in 1..=MAX_RUN.min(n - 1) {
        for from in 0..=n - len {
            // The run is stops first..=last; taking it out joins first - 1 to last + 1.
            let (first, last) = (from + 1, from + len);
            let out = d(first - 1, last + 1) - d(first - 1, first) - d(last, last + 1);
            // The visits left, in order: the k-th of them is `rest(k)`, so that the scan over
            // every gap allocates nothing until a move shortens the route.
            let rest = |k: usize| if k < from { k } else { k + len };
            let left = n - len;
            for to in 0..=left {
                if to == from {
                    continue;
                }
                // Stops around the gap the run goes into, the base at both ends.
                let before = if to == 0 { 0 } else { rest(to - 1) + 1 };
                let after = if to < left { rest(to) + 1 } else { n + 1 };
                let delta = out + d(before, first) + d(last, after) - d(before, after);
                if delta >= -MIN_GAIN_KM {
                    continue;
                }
                let order: Vec<usize> = (0..to)
                    .map(rest)
                    .chain(from..from + len)
                    .chain((to..left).map(rest))
                    .collect();
                if route.try_order(ctx, &order) {
                    return true;
                }
            }
        }
    }
    false
}
