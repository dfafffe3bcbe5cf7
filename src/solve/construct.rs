//! Provides the first plan: every bundle inserted by regret into empty routes, then each route
//! shortened by intra-route moves.

use super::bundle::Bundle;
use super::context::Ctx;
use super::insert::insert;
use super::solution::Solution;
use std::sync::Arc;

/// Builds the first solution from `bundles`.
pub(crate) fn construct(ctx: &Ctx, bundles: Vec<Bundle>) -> Solution {
    let mut sol = Solution::empty(ctx);
    let mut touched = vec![false; sol.routes.len()];
    insert(ctx, &mut sol, bundles, &mut touched);
    for route in &mut sol.routes {
        Arc::make_mut(route).improve(ctx);
    }
    sol
}
