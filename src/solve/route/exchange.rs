//! Provides exchange: swapping two visits of a route.
//!
//! Only non-adjacent visits are swapped (an adjacent swap is a 2-opt move), so the change in
//! kilometres is the four legs around each; only a shortening swap is replayed.

use super::{MIN_GAIN_KM, RouteSt};
use crate::solve::context::Ctx;

/// Applies the first feasible swap that shortens the route; true when one did.
pub(super) fn step(route: &mut RouteSt, ctx: &Ctx) -> bool {
    let n = route.visits.len();
    let p = route.stops(ctx);
    let d = |a: usize, b: usize| ctx.km(p[a], p[b]);
    for i in 0..n {
        for j in i + 2..n {
            // Visit k is stop k + 1.
            let (a, b) = (i + 1, j + 1);
            let old = d(a - 1, a) + d(a, a + 1) + d(b - 1, b) + d(b, b + 1);
            let new = d(a - 1, b) + d(b, a + 1) + d(b - 1, a) + d(a, b + 1);
            if new - old >= -MIN_GAIN_KM {
                continue;
            }
            let mut order: Vec<usize> = (0..n).collect();
            order.swap(i, j);
            if route.try_order(ctx, &order) {
                return true;
            }
        }
    }
    false
}
