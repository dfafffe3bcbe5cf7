//! Provides 2-opt: reversing a stretch of a route removes crossing legs.

use super::RouteSt;
use crate::solve::context::Ctx;

/// Applies the first feasible reversal that shortens the route; true when one did.
pub(super) fn step(route: &mut RouteSt, ctx: &Ctx) -> bool {
    let n = route.visits.len();
    for i in 0..n {
        for j in i + 1..n {
            let mut order: Vec<usize> = (0..n).collect();
            order[i..=j].reverse();
            if route.try_order(ctx, &order) {
                return true;
            }
        }
    }
    false
}
