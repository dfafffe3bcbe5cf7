//! Provides random removal: any `q` visits, for diversity.

use crate::solve::bundle::Bundle;
use crate::solve::context::Ctx;
use crate::solve::solution::Solution;
use rand::seq::index::sample;
use rand_chacha::ChaCha8Rng;

/// Removes `q` visits chosen uniformly.
pub(super) fn destroy(
    ctx: &Ctx,
    sol: &mut Solution,
    rng: &mut ChaCha8Rng,
    q: usize,
    touched: &mut [bool],
) -> Vec<Bundle> {
    let all = sol.all_visits();
    let picks: Vec<(usize, usize)> = sample(rng, all.len(), q.min(all.len()))
        .into_iter()
        .map(|i| all[i])
        .collect();
    sol.take(ctx, &picks, touched)
}
