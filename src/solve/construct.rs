//! Provides the first plan: every bundle inserted by regret into empty routes, then each route
//! shortened by intra-route moves.

use super::bundle::Bundle;
use super::context::Ctx;
use super::insert::insert_until;
use super::solution::Solution;
use std::sync::Arc;
use std::time::Instant;

/// Builds the first solution from `bundles`, stopping at `deadline` when one is given; returns
/// it with the bundles the deadline left untried (none when construction finished).
///
/// Stopping keeps what is built: every route is valid at any point of regret insertion, so the
/// plan is a plan, only with more left out.
///
/// `sol` is empty, or holds the visits a replan kept where they were.
pub(crate) fn construct(
    ctx: &Ctx,
    mut sol: Solution,
    bundles: Vec<Bundle>,
    deadline: Option<Instant>,
) -> (Solution, Vec<Bundle>) {
    let mut touched = vec![false; sol.routes.len()];
    let untried = insert_until(ctx, &mut sol, bundles, &mut touched, deadline);
    for route in &mut sol.routes {
        if deadline.is_some_and(|d| Instant::now() >= d) {
            break;
        }
        Arc::make_mut(route).improve(ctx);
    }
    if deadline.is_none_or(|d| Instant::now() < d) {
        super::local::educate(ctx, &mut sol, &mut vec![true; touched.len()]);
    }
    (sol, untried)
}
