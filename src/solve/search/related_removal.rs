//! Provides related removal: visits at firms close to one another, whatever their day, so that
//! repair can put neighbours into the same route.

use super::{random_visit, visits_near};
use crate::model::FirmIndex;
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
    around_a_random_visit(ctx, sol, rng, q, touched).1
}

/// The firm of a random visit, and the visits taken out at it and its nearest neighbours, up
/// to `q`, the firm's own first.
pub(super) fn around_a_random_visit(
    ctx: &Ctx,
    sol: &mut Solution,
    rng: &mut ChaCha8Rng,
    q: usize,
    touched: &mut [bool],
) -> (FirmIndex, Vec<Bundle>) {
    let (r, i) = random_visit(sol, rng);
    let firm = sol.routes[r].visits[i].firm;
    let picks = visits_near(ctx, sol, firm, q);
    (firm, sol.take(ctx, &picks, touched))
}
