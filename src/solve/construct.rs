//! Provides the first plan: every bundle inserted by regret into empty routes, then each route
//! shortened by intra-route moves.

use super::bundle::Bundle;
use super::context::Ctx;
use super::insert::insert_until;
use super::parallel::Workers;
use super::solution::Solution;
use std::sync::Arc;
use std::time::Instant;

/// Routes shortened in one job of the pool.
const ROUTES_PER_JOB: usize = 64;

/// Builds the first solution from `bundles`, stopping at `deadline` when one is given; returns
/// it with the bundles the deadline left untried (none when construction finished).
///
/// Stopping keeps what is built: every route is valid at any point of regret insertion, so the
/// plan is a plan, only with more left out.
///
/// `sol` is empty, or holds the visits a replan kept where they were. Pricing the bundles'
/// options and shortening the routes run on `workers`' pool; each route and each bundle is
/// worked on alone, so the plan does not depend on the thread count.
pub(crate) fn construct(
    ctx: &Ctx,
    mut sol: Solution,
    bundles: Vec<Bundle>,
    deadline: Option<Instant>,
    workers: &Workers,
) -> (Solution, Vec<Bundle>) {
    let mut touched = vec![false; sol.routes.len()];
    let untried = insert_until(ctx, &mut sol, bundles, &mut touched, deadline, workers);
    let late = || deadline.is_some_and(|d| Instant::now() >= d);
    let routes = &sol.routes;
    let shortened = workers.map(routes.len().div_ceil(ROUTES_PER_JOB), |j| {
        let end = ((j + 1) * ROUTES_PER_JOB).min(routes.len());
        (j * ROUTES_PER_JOB..end)
            .filter(|&r| routes[r].visits.len() >= 2)
            .map_while(|r| {
                (!late()).then(|| {
                    let mut route = (*routes[r]).clone();
                    route.improve(ctx);
                    (r, route)
                })
            })
            .collect::<Vec<_>>()
    });
    for (r, route) in shortened.into_iter().flatten() {
        sol.routes[r] = Arc::new(route);
    }
    if !late() {
        super::local::educate(ctx, &mut sol, &mut vec![true; touched.len()]);
    }
    (sol, untried)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::solve::bundle;
    use crate::synth::{SynthParams, random_instance};

    #[test]
    fn the_first_plan_does_not_depend_on_the_thread_count_and_verifies() {
        let params = SynthParams {
            firms: 900,
            max_tasks_per_firm: 3,
            departments: 4,
            teams: 8,
            days: 12,
            spread_deg: 0.15,
        };
        let inst = random_instance(5, &params);
        let mut ctx = Ctx::new(&inst);
        let (bundles, fixed) = bundle::initial_bundles(&ctx);
        ctx.fixed = fixed;
        let ctx = &ctx;
        // Enough bundles for several batches priced on the pool, and routes listed by enough
        // of them that an insertion there shares its re-evaluations out.
        assert!(bundles.len() > super::super::insert::OPTIONS_BATCH);
        let mut listed = vec![0usize; ctx.slots.len()];
        for b in &bundles {
            for r in b.candidate_routes(ctx) {
                listed[r] += 1;
            }
        }
        let plans = [Workers::inline(), Workers::new(2), Workers::new(3)].map(|workers| {
            let (sol, untried) =
                construct(ctx, Solution::empty(ctx), bundles.clone(), None, &workers);
            assert!(untried.is_empty());
            sol
        });
        let shared = plans[0].routes.iter().enumerate().filter(|(r, route)| {
            !route.visits.is_empty() && listed[*r] >= super::super::insert::SHARED_UPDATES_FROM
        });
        assert!(
            shared.count() > 0,
            "no insertion shared its re-evaluations out"
        );
        let plan = plans[0].to_plan(ctx);
        assert_eq!(plan, plans[1].to_plan(ctx), "1 and 2 threads");
        assert_eq!(plan, plans[2].to_plan(ctx), "1 and 3 threads");
        let report = crate::verify::verify_plan(&inst, &plan);
        assert!(report.is_ok(), "{report:?}");
    }
}
