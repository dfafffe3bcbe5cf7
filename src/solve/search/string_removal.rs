//! Provides string removal (the ruin of Christiaens and Vanden Berghe's SISR, 2020): strings of
//! consecutive visits cut from a few routes that pass near a random visit's firm.
//!
//! Why: related removal takes the visits nearest a firm wherever they lie, which frees points
//! but seldom a stretch of one route; cutting strings from several routes near one place lets
//! repair rebuild how those routes pass through it, what long routes (R2 and RC2 of Solomon, a
//! county's full days) need to shorten.

use super::{random_visit, visits_at, visits_by_firm};
use crate::solve::bundle::Bundle;
use crate::solve::context::Ctx;
use crate::solve::solution::Solution;
use rand::Rng;
use rand_chacha::ChaCha8Rng;

/// Longest string cut from one route.
const MAX_STRING: usize = 10;

/// Cuts strings from routes met in the order of a random visit's firm and its nearest
/// neighbours, one string a route, about `q` visits in all: strings of at most the routes'
/// mean length (and [`MAX_STRING`]), from as many routes as that takes.
pub(super) fn destroy(
    ctx: &Ctx,
    sol: &mut Solution,
    rng: &mut ChaCha8Rng,
    q: usize,
    touched: &mut [bool],
) -> Vec<Bundle> {
    let used = sol.routes.iter().filter(|r| !r.visits.is_empty()).count();
    if used == 0 {
        return Vec::new();
    }
    let longest = (sol.visits() / used).clamp(1, MAX_STRING);
    // As in SISR: with strings of mean length (1 + longest) / 2, about 2q / (1 + longest)
    // routes give q visits; drawn up to twice that.
    let most_routes = ((4 * q) / (1 + longest)).saturating_sub(1).max(1);
    let routes = rng.gen_range(1..=most_routes);
    let (r0, i0) = random_visit(sol, rng);
    let firm = sol.routes[r0].visits[i0].firm;
    let by_firm = visits_by_firm(sol, |_| true);
    let mut cut: Vec<usize> = Vec::with_capacity(routes);
    let mut picks = Vec::new();
    'firms: for f in std::iter::once(firm).chain(ctx.neighbours[firm].iter().copied()) {
        for (r, i) in visits_at(&by_firm, f) {
            if cut.len() >= routes {
                break 'firms;
            }
            if cut.contains(&r) {
                continue;
            }
            let n = sol.routes[r].visits.len();
            let len = rng.gen_range(1..=n.min(longest));
            let start = rng.gen_range(i.saturating_sub(len - 1)..=i.min(n - len));
            picks.extend((start..start + len).map(|k| (r, k)));
            cut.push(r);
        }
    }
    sol.take(ctx, &picks, touched)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::solve::insert::first_plan;
    use crate::synth::{SynthParams, random_instance};
    use rand::SeedableRng;

    #[test]
    fn strings_are_consecutive_one_a_route_and_nothing_is_lost() {
        for seed in 0..8 {
            let inst = random_instance(seed, &SynthParams::town());
            let mut ctx = Ctx::new(&inst);
            let mut sol = first_plan(&mut ctx);
            let before = sol.clone();
            let mut rng = ChaCha8Rng::seed_from_u64(seed);
            let mut touched = vec![false; sol.routes.len()];
            let out = destroy(&ctx, &mut sol, &mut rng, 12, &mut touched);
            assert!(!out.is_empty(), "seed {seed}");
            for (r, route) in before.routes.iter().enumerate() {
                let left = &sol.routes[r].visits;
                if !touched[r] {
                    assert_eq!(left.len(), route.visits.len(), "seed {seed}");
                    continue;
                }
                // What is left is the route less one run of consecutive visits.
                let cut = route.visits.len() - left.len();
                assert!((1..=MAX_STRING).contains(&cut), "seed {seed}: {cut}");
                let start = (0..=left.len()).find(|&s| {
                    left[..s] == route.visits[..s] && left[s..] == route.visits[s + cut..]
                });
                assert!(
                    start.is_some(),
                    "seed {seed}: route {r} lost more than a string"
                );
            }
            let after: usize = sol.routes.iter().map(|r| r.visits.len()).sum();
            assert_eq!(after + out.len(), before.visits(), "seed {seed}");
        }
    }
}
