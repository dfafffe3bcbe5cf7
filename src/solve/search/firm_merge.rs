//! Provides firm merge: a firm entered more than once is taken out entirely, its tasks
//! regrouped into as few visits as can be, with its neighbours' visits around it freed so the
//! merged visit finds room.

use super::visits_near;
use crate::solve::bundle::{Bundle, greedy_groups};
use crate::solve::context::Ctx;
use crate::solve::solution::Solution;
use rand::seq::SliceRandom;
use rand_chacha::ChaCha8Rng;

/// Regroups a random firm with two or more visits; falls back to related removal when every
/// firm is entered at most once.
pub(super) fn destroy(
    ctx: &Ctx,
    sol: &mut Solution,
    rng: &mut ChaCha8Rng,
    q: usize,
    touched: &mut [bool],
) -> Vec<Bundle> {
    let mut count = vec![0usize; ctx.inst.firms.len()];
    for v in sol.routes.iter().flat_map(|r| &r.visits) {
        count[v.firm] += 1;
    }
    for b in &sol.unassigned {
        count[b.firm] += 1;
    }
    let split: Vec<usize> = (0..count.len()).filter(|&f| count[f] >= 2).collect();
    let Some(&firm) = split.choose(rng) else {
        return super::related_removal::destroy(ctx, sol, rng, q, touched);
    };
    let picks = visits_near(ctx, sol, firm, q.max(count[firm]));
    let taken = sol.take(ctx, &picks, touched);
    let (mine, mut others): (Vec<Bundle>, Vec<Bundle>) =
        taken.into_iter().partition(|b| b.firm == firm);
    let (waiting, rest): (Vec<Bundle>, Vec<Bundle>) = std::mem::take(&mut sol.unassigned)
        .into_iter()
        .partition(|b| b.firm == firm);
    sol.unassigned = rest;
    let tasks: Vec<usize> = mine
        .iter()
        .chain(&waiting)
        .flat_map(|b| b.tasks.iter().copied())
        .collect();
    others.extend(greedy_groups(ctx, firm, tasks));
    others
}
