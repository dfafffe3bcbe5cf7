//! Provides 2-opt: reversing a stretch of a route removes crossing legs.
//!
//! The change in kilometres is computed before any order is built, incrementally as the
//! stretch grows (travel may be asymmetric, so the reversed inner legs count too); only a
//! shortening reversal is replayed for feasibility.

use super::{MIN_GAIN_KM, RouteSt};
use crate::solve::context::Ctx;

/// Applies the first feasible reversal that shortens the route; true when one did.
pub(super) fn step(route: &mut RouteSt, ctx: &Ctx) -> bool {
    let n = route.visits.len();
    let p = route.stops(ctx);
    for i in 0..n {
        // Inner legs of visits i..=j, reversed minus forward.
        let mut inner = 0.0;
        for j in i + 1..n {
            inner += ctx.km(p[j + 1], p[j]) - ctx.km(p[j], p[j + 1]);
            let delta = ctx.km(p[i], p[j + 1]) + ctx.km(p[i + 1], p[j + 2])
                - ctx.km(p[i], p[i + 1])
                - ctx.km(p[j + 1], p[j + 2])
                + inner;
            if delta >= -MIN_GAIN_KM {
                continue;
            }
            let mut order: Vec<usize> = (0..n).collect();
            order[i..=j].reverse();
            if route.try_order(ctx, &order) {
                return true;
            }
        }
    }
    false
}
