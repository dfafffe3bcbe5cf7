//! Provides route opening: takes out the visits around a random firm and sends one of them
//! out on a team-day nobody works yet, so repair can fill that new day with its neighbours.
//!
//! Why: repair inserts one bundle at a time, and a day not yet out must pay its whole cost
//! (the team-day and the drive from the base) for the first visit it takes, so repair almost
//! never opens one; every other operator can only empty days. Left alone the search drifts to
//! too few, too long days: on a generated county, weighing team-days at zero gave a plan
//! cheaper *at the default weight* than the plan searched at that weight. Here the first visit
//! is placed by force, and the neighbour is kept only if the filled day pays for itself.
//! Beside the search's free first half ([`super::WARM_UP_SHARE`]), it lowered the objective by
//! a further 190 on average over six county runs (three workspaces, two seeds).

use super::related_removal::around_a_random_visit;
use crate::solve::bundle::Bundle;
use crate::solve::context::Ctx;
use crate::solve::rules::max_days::MaxDays;
use crate::solve::solution::Solution;
use rand::Rng;
use rand_chacha::ChaCha8Rng;
use std::sync::Arc;

/// Empty team-days whose bases lie nearest the firm, among which one is drawn.
const NEAREST_DAYS: usize = 3;

/// Removes up to `q` visits at and near a random visit's firm and puts that visit alone into
/// an empty team-day whose team and day it allows, drawn among the [`NEAREST_DAYS`] whose
/// bases are nearest; the other visits are returned for repair.
pub(super) fn destroy(
    ctx: &Ctx,
    sol: &mut Solution,
    rng: &mut ChaCha8Rng,
    q: usize,
    touched: &mut [bool],
) -> Vec<Bundle> {
    let (firm, mut bundles) = around_a_random_visit(ctx, sol, rng, q.max(1), touched);
    // The firm's first visit taken: `visits_near` lists the firm's own visits first.
    let Some(k) = bundles.iter().position(|b| b.firm == firm) else {
        return bundles;
    };
    let seed = &bundles[k];
    let capped = MaxDays::any(ctx).then(|| (MaxDays::caps(ctx), MaxDays::used(ctx, sol)));
    let at = ctx.firm_point(firm);
    // The routes repair would offer the visit (its teams and days), where none is out yet.
    let mut empty: Vec<(f64, usize)> = seed
        .candidate_routes(ctx)
        .into_iter()
        .filter(|&e| {
            let route = &sol.routes[e];
            route.visits.is_empty()
                && sol.is_open(e)
                && capped.as_ref().is_none_or(|(caps, used)| {
                    MaxDays::may_open(caps, route.team, used[route.team])
                })
        })
        .map(|e| (ctx.km(ctx.base_point(sol.routes[e].team), at), e))
        .collect();
    if empty.is_empty() {
        return bundles;
    }
    empty.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
    empty.truncate(NEAREST_DAYS);
    let day = empty[rng.gen_range(0..empty.len())].1;
    if let Some(ins) = sol.routes[day].best_insertion(ctx, seed) {
        let b = bundles.remove(k);
        Arc::make_mut(&mut sol.routes[day]).apply(ctx, b, ins.place);
        touched[day] = true;
    }
    bundles
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::solve::insert::{first_plan, insert};
    use crate::synth::{SynthParams, random_instance};
    use rand::SeedableRng;

    /// Tasks in the routes, unassigned and in `out`.
    fn tasks(sol: &Solution, out: &[Bundle]) -> usize {
        sol.routes
            .iter()
            .flat_map(|r| &r.visits)
            .chain(&sol.unassigned)
            .chain(out)
            .map(|b| b.tasks.len())
            .sum()
    }

    #[test]
    fn the_day_opened_takes_one_visit_nothing_is_lost_and_repair_leaves_a_plan_that_verifies() {
        let mut opened = 0;
        for seed in 0..8 {
            let inst = random_instance(seed, &SynthParams::town());
            let mut ctx = Ctx::new(&inst);
            let mut sol = first_plan(&mut ctx);
            let before = tasks(&sol, &[]);
            let was_empty: Vec<bool> = sol.routes.iter().map(|r| r.visits.is_empty()).collect();
            let mut rng = ChaCha8Rng::seed_from_u64(seed);
            let mut touched = vec![false; sol.routes.len()];
            let out = destroy(&ctx, &mut sol, &mut rng, 10, &mut touched);
            assert_eq!(tasks(&sol, &out), before, "seed {seed}: a task was lost");
            let new: Vec<usize> = (0..sol.routes.len())
                .filter(|&r| was_empty[r] && !sol.routes[r].visits.is_empty())
                .collect();
            assert!(new.len() <= 1, "seed {seed}: {new:?}");
            for &r in &new {
                assert_eq!(sol.routes[r].visits.len(), 1, "seed {seed}");
                assert!(touched[r], "seed {seed}");
                opened += 1;
            }
            insert(&ctx, &mut sol, out, &mut touched);
            let report = crate::verify::verify_plan(&inst, &sol.to_plan(&ctx));
            assert!(report.is_ok(), "seed {seed}: {report:?}");
        }
        assert!(opened >= 4, "a day was opened for only {opened} of 8 seeds");
    }
}
