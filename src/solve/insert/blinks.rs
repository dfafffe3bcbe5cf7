//! Provides greedy insertion with blinks, the repair of slack induction by string removals
//! (Christiaens and Vanden Berghe, 2020): the bundles are taken in one of a few orders drawn
//! at random, and each goes to its cheapest place, except that every place is passed over
//! with a small probability ([`BLINK`]).
//!
//! Why beside regret insertion: regret is deterministic given the bundles removed, and where
//! routes are few, long and tight (Solomon's R2 and RC2 once their routes are as few as the
//! best known) it mostly puts the visits back where they were, so the neighbour is the plan it
//! came from. The drawn order and the blinks make other plans out of the same removal.
//!
//! A bundle with no place goes on to regret insertion, which splits it or leaves it
//! unassigned as it always does, so this repair leaves out nothing that regret would place
//! from where it stops.

use super::insert;
use crate::solve::bundle::Bundle;
use crate::solve::context::Ctx;
use crate::solve::route::Insertion;
use crate::solve::rules::max_days::MaxDays;
use crate::solve::solution::Solution;
use rand::Rng;
use rand::seq::SliceRandom;
use rand_chacha::ChaCha8Rng;
use std::sync::Arc;

/// Probability that a place is passed over, the original method's.
const BLINK: f64 = 0.01;

/// The orders the bundles are taken in.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Order {
    /// Shuffled.
    Random,
    /// Largest load first, then longest on site: the hardest to place go while there is room.
    Largest,
    /// Farthest from the nearest team's base first.
    Far,
    /// Nearest to the nearest team's base first.
    Close,
}

/// The orders with their weights, the original method's.
const ORDERS: [(Order, u32); 4] = [
    (Order::Random, 4),
    (Order::Largest, 4),
    (Order::Far, 2),
    (Order::Close, 1),
];

/// Inserts `bundles` into `sol` greedily with blinks, the most important class first, marking
/// the routes it changes in `touched`; what finds no place goes on to regret insertion.
pub(crate) fn insert_blinking(
    ctx: &Ctx,
    sol: &mut Solution,
    mut bundles: Vec<Bundle>,
    rng: &mut ChaCha8Rng,
    touched: &mut [bool],
) {
    let order = draw_order(rng);
    sort(ctx, &mut bundles, order, rng);
    let caps = MaxDays::caps(ctx);
    let mut used = MaxDays::used(ctx, sol);
    let mut rest = Vec::new();
    for b in bundles {
        let mut best: Option<(usize, Insertion)> = None;
        for r in b.candidate_routes(ctx) {
            if !sol.is_open(r) {
                continue;
            }
            let route = &sol.routes[r];
            if route.visits.is_empty() && !MaxDays::may_open(&caps, route.team, used[route.team]) {
                continue;
            }
            let found = route.best_insertion_skipping(ctx, &b, &mut || rng.gen_bool(BLINK));
            if let Some(ins) = found
                && best.is_none_or(|(_, x)| ins.cost < x.cost)
            {
                best = Some((r, ins));
            }
        }
        let Some((r, ins)) = best else {
            rest.push(b);
            continue;
        };
        let route = Arc::make_mut(&mut sol.routes[r]);
        if route.visits.is_empty() {
            used[route.team] += 1;
        }
        route.apply(ctx, b, ins.place);
        touched[r] = true;
    }
    if !rest.is_empty() {
        insert(ctx, sol, rest, touched);
    }
}

/// One of [`ORDERS`], drawn by weight.
fn draw_order(rng: &mut ChaCha8Rng) -> Order {
    let total: u32 = ORDERS.iter().map(|(_, w)| w).sum();
    let mut pick = rng.gen_range(0..total);
    for (order, w) in ORDERS {
        if pick < w {
            return order;
        }
        pick -= w;
    }
    Order::Random
}

/// Puts `bundles` in `order`, then mandatory before normal before low (a stable sort, so the
/// order holds within each class).
fn sort(ctx: &Ctx, bundles: &mut [Bundle], order: Order, rng: &mut ChaCha8Rng) {
    let base_km = |b: &Bundle| {
        let f = ctx.firm_point(b.firm);
        ctx.teams_by_distance[b.firm]
            .first()
            .map_or(0.0, |&t| ctx.km(ctx.base_point(t as usize), f))
    };
    match order {
        Order::Random => bundles.shuffle(rng),
        Order::Largest => bundles.sort_by_key(|b| std::cmp::Reverse((b.demand, b.dur))),
        Order::Far => bundles.sort_by(|a, b| base_km(b).total_cmp(&base_km(a))),
        Order::Close => bundles.sort_by(|a, b| base_km(a).total_cmp(&base_km(b))),
    }
    bundles.sort_by_key(|b| b.rank);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::solve::insert::first_plan;
    use crate::synth::{SynthParams, random_instance};
    use rand::SeedableRng;

    #[test]
    fn every_order_is_drawn_and_classes_stay_first() {
        let mut rng = ChaCha8Rng::seed_from_u64(5);
        let drawn: Vec<Order> = (0..200).map(|_| draw_order(&mut rng)).collect();
        for (order, _) in ORDERS {
            assert!(drawn.contains(&order), "{order:?} never drawn");
        }
        let inst = random_instance(2, &SynthParams::town());
        let mut ctx = Ctx::new(&inst);
        let sol = first_plan(&mut ctx);
        let mut bundles: Vec<Bundle> = sol.routes.iter().flat_map(|r| r.visits.clone()).collect();
        for (order, _) in ORDERS {
            sort(&ctx, &mut bundles, order, &mut rng);
            assert!(
                bundles.windows(2).all(|w| w[0].rank <= w[1].rank),
                "{order:?}"
            );
        }
    }

    /// Empties a third of the routes of a town's first plan and repairs them with blinks: no
    /// task is lost, the plan verifies, and the same generator gives the same plan.
    #[test]
    fn repair_with_blinks_loses_nothing_verifies_and_repeats_itself() {
        let mut differs = 0;
        for seed in 0..6 {
            let inst = random_instance(seed, &SynthParams::town());
            let mut ctx = Ctx::new(&inst);
            let sol = first_plan(&mut ctx);
            let ctx = &ctx;
            let repaired = |stream: u64| {
                let mut s = sol.clone();
                let picks: Vec<(usize, usize)> = (0..s.routes.len())
                    .filter(|r| r % 3 == 0)
                    .flat_map(|r| (0..s.routes[r].visits.len()).map(move |i| (r, i)))
                    .collect();
                let mut touched = vec![false; s.routes.len()];
                let removed = s.take(ctx, &picks, &mut touched);
                let mut rng = ChaCha8Rng::seed_from_u64(stream);
                insert_blinking(ctx, &mut s, removed, &mut rng, &mut touched);
                s
            };
            let a = repaired(seed);
            assert_eq!(
                a.sorted_tasks(),
                sol.sorted_tasks(),
                "seed {seed}: tasks changed"
            );
            let report = crate::verify::verify_plan(&inst, &a.to_plan(ctx));
            assert!(report.is_ok(), "seed {seed}: {report:?}");
            let plan = |s: &Solution| format!("{:?}", s.to_plan(ctx));
            assert_eq!(plan(&repaired(seed)), plan(&a), "seed {seed}");
            differs += usize::from(plan(&repaired(seed + 100)) != plan(&a));
        }
        assert!(
            differs >= 3,
            "another stream changed only {differs} of 6 plans"
        );
    }
}
