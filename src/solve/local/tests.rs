use super::segment::{Segments, Splice};
use super::*;
use crate::solve::route::{Place, replay};
use crate::solve::rules::{capacity::Capacity, shift::Shift};
use crate::synth::{SynthParams, random_instance};
use proptest::prelude::*;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// A crowded fortnight: firms open in one or two windows a day, shifts with a lunch break,
/// so that routes are tight and splices often do not fit.
fn crowded() -> SynthParams {
    SynthParams {
        firms: 40,
        max_tasks_per_firm: 2,
        departments: 2,
        teams: 3,
        days: 5,
        spread_deg: 0.15,
    }
}

/// A route of the slot `r` filled by cheapest insertion of single-task bundles in `order`;
/// the bundles it did not take are returned.
fn fill(ctx: &Ctx, r: usize, order: &[usize]) -> (RouteSt, Vec<Bundle>) {
    let (day, team) = ctx.slots[r];
    let mut route = RouteSt::new(team, day);
    let mut spare = Vec::new();
    for &t in order {
        let b = Bundle::new(ctx.inst, ctx.inst.tasks[t].firm, vec![t]);
        let may = crate::solve::rules::team_may(ctx, team, &b)
            && crate::solve::rules::day_may(ctx, day, &b)
            && route.position_of(b.firm).is_none();
        match route.best_insertion(ctx, &b).filter(|_| may) {
            Some(ins) if matches!(ins.place, Place::At(_)) => route.apply(ctx, b, ins.place),
            _ => spare.push(b),
        }
    }
    (route, spare)
}

/// The outcome of one random splice priced fast and replayed in full: `None` when the
/// instance gave no route to splice, else whether the splice fits.
fn fast_matches_replay(seed: u64) -> Option<(bool, bool)> {
    let inst = random_instance(seed, &crowded());
    let ctx = Ctx::new(&inst);
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    if ctx.slots.is_empty() {
        return None;
    }
    let mut order: Vec<usize> = (0..inst.tasks.len()).collect();
    for k in (1..order.len()).rev() {
        order.swap(k, rng.gen_range(0..=k));
    }
    let r1 = rng.gen_range(0..ctx.slots.len());
    let r2 = rng.gen_range(0..ctx.slots.len());
    let half = order.len() / 2;
    let (head, mut spare) = fill(&ctx, r1, &order[..half]);
    let (other, more) = fill(&ctx, r2, &order[half..]);
    spare.extend(more);
    if head.visits.is_empty() {
        return None;
    }
    let (hs, os) = (Segments::of(&ctx, &head), Segments::of(&ctx, &other));
    let from_other = rng.gen_bool(0.5) && !other.visits.is_empty();
    let (tail, ts) = if from_other {
        (&other, &os)
    } else {
        (&head, &hs)
    };
    let keep = rng.gen_range(0..=head.visits.len());
    let from = if from_other {
        rng.gen_range(0..=tail.visits.len())
    } else {
        rng.gen_range(keep..=tail.visits.len())
    };
    let n_mid = rng.gen_range(0..=3.min(spare.len()));
    let mid: Vec<&Bundle> = (0..n_mid)
        .map(|_| &spare[rng.gen_range(0..spare.len())])
        .collect();
    let splice = Splice {
        head: &head,
        head_sums: &hs,
        keep,
        mid: &mid,
        tail,
        tail_sums: ts,
        from,
    };
    let fast = splice.price(&ctx);
    let visits = splice.visits();
    let team = head.team;
    let full = replay(&ctx, team, &visits).filter(|r| {
        let onsite: u32 = visits.iter().map(|v| v.dur).sum();
        let load: u32 = visits.iter().map(|v| v.demand).sum();
        Capacity::holds(&ctx, team, load) && Shift::has_room(&ctx, team, 0, r.drive + onsite)
    });
    assert_eq!(fast.is_some(), full.is_some(), "seed {seed}: fits");
    let (km, n) = splice.km(&ctx);
    assert_eq!(n, visits.len());
    if let Some(r) = &full {
        assert!(
            (km - r.km).abs() < 1e-6,
            "seed {seed}: km alone {km} vs {}",
            r.km
        );
    }
    if let (Some(f), Some(r)) = (fast, &full) {
        assert!(
            (f.km - r.km).abs() < 1e-6,
            "seed {seed}: km {} vs {}",
            f.km,
            r.km
        );
        assert_eq!(f.drive, r.drive, "seed {seed}: drive");
        assert_eq!(f.onsite, visits.iter().map(|v| v.dur).sum::<u32>());
        assert_eq!(f.visits, visits.len());
    }
    Some((full.is_some(), from_other && tail.team != team))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// The O(1) price of a splice (prefix, moved visits, suffix of the same or another route)
    /// agrees with a full replay of the rebuilt route, with split opening hours and a lunch
    /// break.
    #[test]
    fn a_splice_is_priced_as_a_full_replay_prices_it(seed in 0u64..1_000_000) {
        fast_matches_replay(seed);
    }
}

#[test]
fn splices_that_fit_and_splices_that_do_not_are_both_exercised() {
    let (mut fit, mut misfit, mut other_team) = (0, 0, 0);
    for seed in 0..300 {
        if let Some((fits, across)) = fast_matches_replay(seed) {
            if fits {
                fit += 1
            } else {
                misfit += 1
            }
            other_team += usize::from(across);
        }
    }
    assert!(
        fit > 20 && misfit > 20 && other_team > 20,
        "{fit} {misfit} {other_team}"
    );
}

/// The first plan of an instance, as construction leaves it before education; the tasks no
/// plan can schedule go to `ctx.fixed`.
fn first_plan(ctx: &mut Ctx) -> Solution {
    let bounds = crate::graph::visit_bounds(ctx.inst);
    let taken = vec![false; ctx.inst.tasks.len()];
    let (bundles, fixed) = crate::solve::bundle::initial_bundles_from(ctx, &bounds, &taken);
    ctx.fixed = fixed;
    let ctx = &*ctx;
    let mut sol = Solution::empty(ctx);
    let mut touched = vec![false; sol.routes.len()];
    crate::solve::insert::insert(ctx, &mut sol, bundles, &mut touched);
    for r in &mut sol.routes {
        Arc::make_mut(r).improve(ctx);
    }
    sol
}

#[test]
fn education_shortens_first_plans_and_every_plan_it_leaves_verifies() {
    let mut shorter = 0;
    for seed in 0..12 {
        let inst = random_instance(seed, &SynthParams::town());
        let mut ctx = Ctx::new(&inst);
        let mut sol = first_plan(&mut ctx);
        let before = crate::solve::objective::evaluate(&ctx, &sol);
        let mut touched = vec![true; sol.routes.len()];
        educate(&ctx, &mut sol, &mut touched);
        let after = crate::solve::objective::evaluate(&ctx, &sol);
        assert!(after.total <= before.total, "seed {seed}");
        assert_eq!(after.visits, before.visits, "seed {seed}");
        shorter += usize::from(after.travel_km < before.travel_km - 1e-6);
        let report = crate::verify::verify_plan(&inst, &sol.to_plan(&ctx));
        assert!(report.is_ok(), "seed {seed}: {report:?}");
    }
    assert!(shorter >= 6, "only {shorter} of 12 first plans shortened");
}

#[test]
fn education_is_deterministic() {
    let inst = random_instance(3, &SynthParams::town());
    let mut ctx = Ctx::new(&inst);
    let runs: Vec<String> = (0..2)
        .map(|_| {
            let mut sol = first_plan(&mut ctx);
            let mut touched = vec![true; sol.routes.len()];
            educate(&ctx, &mut sol, &mut touched);
            format!("{:?}", sol.to_plan(&ctx))
        })
        .collect();
    assert_eq!(runs[0], runs[1]);
}
