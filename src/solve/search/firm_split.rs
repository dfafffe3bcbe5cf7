//! Provides firm split: a visit with several tasks is broken into single tasks, with its
//! neighbours freed as well, so repair can regroup them differently (the tasks rejoin in one
//! visit whenever they land on the same team-day), or spread them when no day holds them all.

use super::{random_visit, visits_near};
use crate::solve::bundle::Bundle;
use crate::solve::context::Ctx;
use crate::solve::solution::Solution;
use rand::seq::SliceRandom;
use rand_chacha::ChaCha8Rng;

/// Splits the bundles at the firm of a random multi-task visit and frees nearby visits, up to `q` in all.
pub(super) fn destroy(
    ctx: &Ctx,
    sol: &mut Solution,
    rng: &mut ChaCha8Rng,
    q: usize,
    touched: &mut [bool],
) -> Vec<Bundle> {
    let multi: Vec<usize> = sol
        .routes
        .iter()
        .flat_map(|r| &r.visits)
        .filter(|v| v.tasks.len() > 1)
        .map(|v| v.firm)
        .collect();
    let firm = match multi.choose(rng) {
        Some(&f) => f,
        None => {
            let (r, i) = random_visit(sol, rng);
            sol.routes[r].visits[i].firm
        }
    };
    let picks = visits_near(ctx, sol, firm, q);
    let taken = sol.take(ctx, &picks, touched);
    taken
        .into_iter()
        .flat_map(|b| {
            if b.firm == firm && b.tasks.len() > 1 {
                b.singletons(ctx.inst)
            } else {
                vec![b]
            }
        })
        .collect()
}
