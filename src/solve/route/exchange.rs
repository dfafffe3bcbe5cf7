//! Provides exchange: swapping two visits of a route.

use super::RouteSt;
use crate::solve::context::Ctx;

/// Applies the first feasible swap that shortens the route; true when one did.
pub(super) fn step(route: &mut RouteSt, ctx: &Ctx) -> bool {
    let n = route.visits.len();
    for i in 0..n {
        for j in i + 2..n {
            let mut order: Vec<usize> = (0..n).collect();
            order.swap(i, j);
            if route.try_order(ctx, &order) {
                return true;
            }
        }
    }
    false
}
