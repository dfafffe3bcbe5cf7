//! Provides or-opt: moving a run of one to three consecutive visits elsewhere in the route.

use super::RouteSt;
use crate::solve::context::Ctx;

/// Longest run moved at once.
const MAX_RUN: usize = 3;

/// Applies the first feasible move that shortens the route; true when one did.
pub(super) fn step(route: &mut RouteSt, ctx: &Ctx) -> bool {
    let n = route.visits.len();
    for len in 1..=MAX_RUN.min(n - 1) {
        for from in 0..=n - len {
            let rest: Vec<usize> = (0..n).filter(|&k| k < from || k >= from + len).collect();
            for to in 0..=rest.len() {
                if to == from {
                    continue;
                }
                let mut order = rest[..to].to_vec();
                order.extend(from..from + len);
                order.extend_from_slice(&rest[to..]);
                if route.try_order(ctx, &order) {
                    return true;
                }
            }
        }
    }
    false
}
