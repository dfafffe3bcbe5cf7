//! Provides related removal: visits at firms close to one another, whatever their day, so that
//! repair can put neighbours into the same route.

use super::{random_visit, visits_near};
use crate::solve::bundle::Bundle;
use crate::solve::context::Ctx;
use crate::solve::solution::Solution;
use rand_chacha::ChaCha8Rng;

/// Removes the visits at a random visit's firm and its nearest neighbours, up to `q`.
pub(super) fn destroy(
    ctx: &Ctx,
    sol: &mut Solution,
    rng: &mut ChaCha8Rng,
    q: usize,
    touched: &mut [bool],
) -> Vec<Bundle> {
    let (r, i) = random_visit(sol, rng);
    let firm = sol.routes[r].visits[i].firm;
    let picks = visits_near(ctx, sol, firm, q);
    sol.take(ctx, &picks, touched)
}
