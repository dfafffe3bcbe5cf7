//! Provides the large neighbourhood search that improves the first plan.
//!
//! Each iteration is one round of [`CANDIDATES`] neighbours: destroy some visits with one
//! operator, reinsert them and every unassigned bundle by regret, then shorten the changed
//! routes, each neighbour with its own random generator seeded from (seed, round, neighbour).
//!
//! On a county of 128 routes or more the round is split into parts ([`parts`]): disjoint
//! sectors of the map's routes, each taking its share of the round's neighbours one after
//! another as a walk of its own, within its routes, and the parts' plans are merged into the
//! round's plan ([`parts_round`]). Every part's gain is kept, and repair in a part weighs only
//! its routes, so a round also costs less: on generated counties 1–3 (`balance_minute = 0`,
//! seeds 1–4, 2,000 rounds, one thread) the mean of km + 20 × team-days went from 7,121 to
//! 6,971, and county 1's whole run took about three quarters of the CPU time (BENCHMARKS.md).
//! Where routes come first (VRPTW) the routes are long and few, and the round's neighbours all
//! start from the current plan, built in parallel and compared in neighbour order, best
//! objective first, ties to the lower neighbour; so they do on a replan, whose late tasks must
//! reach the visit at their firm wherever it lies, and on a plan too small for two parts.
//!
//! Either way the parts or neighbours are fixed in number, so the result is the same for any
//! thread count.
//!
//! Acceptance is record-to-record travel ([`walk`]): the round's plan (the parts merged, or the
//! best neighbour that is not the current plan back, [`round_pick`]) replaces the current plan
//! when it is better, or within a threshold of the best found so far, and after
//! [`walk::RETURN_AFTER`] rounds without a new best (fewer where routes come first and are
//! long, [`walk::stall_after`]) the walk starts again from the best, or where routes come
//! first from a kicked copy of it ([`kick`]). The threshold starts at a share of the best
//! plan's travel cost ([`THRESHOLD`], or [`ROUTES_FIRST_THRESHOLD`] where routes come first)
//! and falls linearly to zero at the end of the budget, so early rounds may lengthen routes to
//! escape a local optimum while the visit count, worth far more, practically never gets worse.

mod firm_merge;
mod firm_split;
mod kick;
mod parts;
mod random_removal;
mod related_removal;
mod route_open;
mod route_pair_removal;
mod route_removal;
mod string_removal;
mod walk;
mod worst_removal;

use super::bundle::Bundle;
use super::context::Ctx;
use super::insert::insert;
use super::objective::evaluate;
use super::parallel::Workers;
use super::pool::RoutePool;
use super::route::RouteSt;
use super::route_elimination;
use super::rules::max_days::MaxDays;
use super::rules::weights::{Terms, weigh};
use super::solution::Solution;
pub(super) use super::solution::{random_visit, visits_at, visits_by_firm};
use super::stop::Stop;
use super::{ObjectiveParts, Phase, Progress, SolveParams};
use crate::model::ObjectiveWeights;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use std::sync::Arc;
use std::time::Instant;
use walk::{Walk, round_pick};

/// Neighbours built per round; fixed so that results do not depend on the thread count.
pub(crate) const CANDIDATES: usize = 8;

/// Starting acceptance threshold, as a share of the best plan's travel cost.
const THRESHOLD: f64 = 0.01;

/// Starting acceptance threshold where routes come first ([`route_elimination::applies`]).
///
/// Why wider: once elimination has the routes as few as they can be, the routes are long and
/// tight, and a neighbour within 1 % of the best is rare; the search then stays in the first
/// local optimum it meets. On Solomon's R2, RC1 and RC2 at 10 s, side by side with 1 %, 3 %
/// brought the mean gap where vehicles match from +2.13 % to +1.71 %, and 5 % to +1.39 %
/// (8 % and 12 % did less well). On counties 5 % raised the objective in five runs of six, so
/// they keep [`THRESHOLD`] (BENCHMARKS.md).
const ROUTES_FIRST_THRESHOLD: f64 = 0.05;

/// Share of the neighbours repaired through a pool of ejected visits first
/// ([`route_elimination::repair`]), where routes come first ([`route_elimination::applies`]);
/// the rest, and whatever that repair leaves, go to regret insertion. On Solomon's R2, RC1 and
/// RC2 at 10 s (with [`round_pick`]), 0.3 brought the mean gap where vehicles match from
/// +2.55 % to +2.14 %, better on 13 instances and worse on 7; 0.5 and all neighbours did
/// less well (BENCHMARKS.md).
const EJECTION_REPAIR_SHARE: f64 = 0.3;

/// Share of the repairs that are greedy insertion with blinks
/// ([`super::insert::insert_blinking`]) instead of regret, where routes come first. On
/// Solomon's 56 at 10 s the mean gap where vehicles match was +1.35 % with regret alone,
/// +1.25 % with blinks alone (RC2 better, R1 worse) and +1.10 % with half each (median +0.10 %).
/// On counties blinks did not help (in half the repairs the mean objective stayed the same; in
/// all of them it rose), so counties keep regret.
const BLINK_SHARE: f64 = 0.5;

/// Work that repair may spend per visit of the plan, in visits timed: a removal of a few
/// visits is placed in a few hundred, while a whole route of R2 that cannot be placed gives up
/// after a few ejections instead of stalling the round.
const EJECTION_REPAIR_WORK: u64 = 20;

/// Fewest and most visits one neighbour removes.
const MIN_REMOVE: usize = 2;
const MAX_REMOVE: usize = 30;

/// Rounds between progress reports in wall-clock mode.
const TIMED_REPORT_EVERY: u64 = 10;

/// A destroy operator: takes visits out of `sol` (marking their routes in `touched`) and
/// returns the bundles to reinsert, at most about `q` of them.
type Destroy = fn(&Ctx, &mut Solution, &mut ChaCha8Rng, usize, &mut [bool]) -> Vec<Bundle>;

/// Destroy operators with their relative weights.
const OPERATORS: [(Destroy, u32); 8] = [
    (random_removal::destroy, 3),
    (related_removal::destroy, 5),
    (string_removal::destroy, 3),
    (worst_removal::destroy, 3),
    (route_removal::destroy, 3),
    (route_pair_removal::destroy, 2),
    (firm_merge::destroy, 2),
    (firm_split::destroy, 1),
];

/// The operator that opens a team-day, with its weight beside [`OPERATORS`]; only where
/// team-days are traded against kilometres ([`team_days_traded`], [`Stage::open_days`]), since
/// a day opened where they come first (the vehicles of VRPTW) is never kept.
const OPEN_A_DAY: (Destroy, u32) = (route_open::destroy, 2);

/// Share of the search's rounds (or of its time) spent first with team-days weighed at zero,
/// when they are weighed against kilometres ([`warm_up_weights`]).
///
/// Why: repair inserts one bundle at a time, and a team-day not yet out must pay its whole
/// weight for the first visit it takes, so repair almost never opens one, while the
/// operators that empty days work well; a search at the full weight drifts to too few,
/// too long days and stays there. Searched first with free team-days, the plan spreads over
/// the days that shorten the drives, and the rest of the search closes the days that do not
/// pay for themselves. On generated counties (seeds 1–3, two search seeds each, 2,000 rounds)
/// this and [`OPEN_A_DAY`] drove 8 % fewer kilometres (4,753 → 4,366 on average) for a lower
/// objective at the full weights in every run; a free first plan alone gained less than half
/// of it, and a third, a half or two thirds of the rounds free came within 25 of one another.
pub(crate) const WARM_UP_SHARE: f64 = 0.5;

/// The weights of the search's first stretch: the team-day at zero, when a team-day weighs
/// less than a visit (it is then traded against kilometres, as in a county, rather than put
/// first like the vehicles of VRPTW benchmarks, whose count a free stretch would only
/// scatter); `None` otherwise, and for a replan, whose stability weights price every move.
pub(crate) fn warm_up_weights(ctx: &Ctx) -> Option<ObjectiveWeights> {
    team_days_traded(ctx).then(|| ObjectiveWeights {
        route: 0.0,
        ..ctx.weights.clone()
    })
}

/// True when a team-day costs something but less than a visit, so that the search trades
/// team-days against kilometres, and the plan is made from scratch: then the search starts
/// with free team-days, and opens days ([`route_open`]) in both stretches (in the free one it
/// moves a cluster to a day of its own, which repair alone does not either).
fn team_days_traded(ctx: &Ctx) -> bool {
    let w = &ctx.weights;
    ctx.locks.is_none() && w.route > 0.0 && w.route < w.visit
}

/// One stretch of the search.
pub(crate) struct Stage {
    /// The round it starts at: rounds are numbered across stretches, so each draws its own
    /// random streams and the acceptance threshold falls over the whole budget.
    pub first_round: u64,
    /// The round before which it stops, if before the budget's end. The acceptance threshold
    /// then falls to zero by that round, so the stretch hands on a local optimum: on generated
    /// counties this beat a threshold falling over the whole budget in four seeds of five.
    pub end_round: Option<u64>,
    /// When it must stop, if by the clock.
    pub deadline: Option<Instant>,
    /// The team-day weight of the plan's own objective. A stretch searched at other weights
    /// also keeps the best plan at this one, and its progress reports that plan's objective.
    pub shown_team_day: f64,
    /// The best plan at the plan's own weights an earlier stretch met: the stretch returns it
    /// unless it finds a better one.
    pub incumbent: Option<Solution>,
    /// Whether neighbours may open a team-day ([`OPEN_A_DAY`]).
    pub open_days: bool,
}

impl Stage {
    /// The first stretch, with free team-days: the first [`WARM_UP_SHARE`] of the rounds, or of
    /// the time left before `deadline`; `team_day` is the plan's own weight.
    pub fn free(params: &SolveParams, deadline: Option<Instant>, team_day: f64) -> Self {
        let (end_round, deadline) = match deadline {
            Some(d) => {
                let left = d.saturating_duration_since(Instant::now());
                (None, Some(d - left.mul_f64(1.0 - WARM_UP_SHARE)))
            }
            None => {
                let share = params.iterations as f64 * WARM_UP_SHARE;
                (Some(share.round() as u64), None)
            }
        };
        Self {
            first_round: 0,
            end_round,
            deadline,
            shown_team_day: team_day,
            incumbent: None,
            open_days: true,
        }
    }
}

/// What one stretch of the search found.
pub(crate) struct Searched {
    /// The best plan at the weights searched with.
    pub best: Solution,
    /// The best plan at the plan's own weights ([`Stage::shown_team_day`]).
    pub best_shown: Solution,
    /// The round reached.
    pub rounds: u64,
}

/// Improves `initial` until `params`' budget (rounds numbered from `stage.first_round`), or
/// until the stage's deadline when one is given.
///
/// With a `pool`, every route a neighbour changed is offered to it after the round, in
/// candidate order, so the pool does not depend on the thread count either.
pub(crate) fn run(
    ctx: &Ctx,
    initial: Solution,
    params: &SolveParams,
    stage: &Stage,
    progress: &(dyn Fn(Progress) + Sync),
    workers: &Workers,
    mut pool: Option<&mut RoutePool>,
) -> Searched {
    let stop = Stop::new(params, stage.deadline);
    let first_cost = evaluate(ctx, &initial);
    let mut best_shown = initial.clone();
    let mut shown_cost = shown_total(ctx, &first_cost, stage.shown_team_day);
    // The incumbent is only a fallback, returned if nothing better is found: as the best of
    // the acceptance rule it would make the stretch accept less than from its own start.
    let incumbent = stage.incumbent.as_ref().map(|s| {
        let cost = evaluate(ctx, s);
        let shown = shown_total(ctx, &cost, stage.shown_team_day);
        (cost.total, shown, s)
    });
    let reported = |shown_cost: f64| {
        incumbent
            .as_ref()
            .map_or(shown_cost, |i| i.1.min(shown_cost))
    };
    // Where routes come first the walk is wider, stalls sooner on long routes, and a stalled
    // walk is kicked.
    let routes_first = route_elimination::applies(ctx);
    let stall_after = walk::stall_after(routes_first, initial.visits(), first_cost.routes);
    let mut walk = Walk::new(initial, first_cost, stage.first_round, stall_after);
    // Where routes come first the round's neighbours start from the same plan and the best is
    // kept: there a part of the long routes would hold too few of them to move a visit to. A
    // replan does so too: a late task must reach the visit at its firm wherever it lies, to
    // share it rather than knock at the door again.
    let by_parts = (!routes_first && ctx.locks.is_none()).then(|| Solution::empty(ctx).routes);
    let report_every = match stop.budget() {
        0 => TIMED_REPORT_EVERY,
        b => (b / 100).max(1),
    };
    let mut round = stage.first_round;
    let threshold_share = if routes_first {
        ROUTES_FIRST_THRESHOLD
    } else {
        THRESHOLD
    };
    let fraction = |round: u64| match stage.end_round {
        Some(end) if end > 0 => (round as f64 / end as f64).min(1.0),
        _ => stop.fraction(round),
    };
    while !stop.reached(round) && stage.end_round.is_none_or(|end| round < end) {
        let slack = weigh(
            &ctx.weights,
            &Terms {
                travel_km: threshold_share * (1.0 - fraction(round)) * walk.best_cost().travel_km,
                ..Terms::default()
            },
        );
        // A plan too small for two parts searches whole, as where routes come first.
        let n = by_parts.as_ref().map_or(1, |_| {
            let out = walk.current().routes.iter();
            parts::count(out.filter(|r| !r.visits.is_empty()).count())
        });
        if let Some(empty) = by_parts.as_ref().filter(|_| n > 1) {
            let (merged, cost, tried) = parts_round(
                ctx,
                &walk,
                (params.seed, round),
                stage.open_days,
                slack,
                workers,
                empty,
                n,
            );
            if let Some(pool) = pool.as_deref_mut() {
                for (slot, route) in &tried {
                    pool.offer(*slot, route, false);
                }
            }
            let shown = shown_total(ctx, &cost, stage.shown_team_day);
            if shown < shown_cost {
                (best_shown, shown_cost) = (merged.clone(), shown);
            }
            if cost.total != walk.current_cost().total {
                walk.offer(merged, cost, slack, round);
            }
        } else {
            let neighbours = workers.map(CANDIDATES, |k| {
                super::parallel::note_work("search", &ctx.inst.name);
                let mut rng = ChaCha8Rng::seed_from_u64(mix(params.seed, round, k as u64));
                let mut s = walk.current().clone();
                let touched = neighbour(ctx, &mut s, &mut rng, stage.open_days);
                let mut cost = evaluate(ctx, &s);
                // A team out on more days than `max_days` allows is no plan at all.
                if !MaxDays::holds(ctx, &s) {
                    cost.total = f64::INFINITY;
                }
                (s, cost, touched)
            });
            if let Some(pool) = pool.as_deref_mut() {
                for (s, _, touched) in &neighbours {
                    pool.offer_touched(s, touched);
                }
            }
            for (s, cost, _) in &neighbours {
                let shown = shown_total(ctx, cost, stage.shown_team_day);
                if shown < shown_cost {
                    (best_shown, shown_cost) = (s.clone(), shown);
                }
            }
            if let Some((s, cost, _)) = round_pick(neighbours, walk.current_cost().total) {
                walk.offer(s, cost, slack, round);
            }
        }
        walk.end_round(round, |best, cost| {
            let budget = route_elimination::Budget {
                work: kick::WORK,
                deadline: stop.deadline(),
            };
            routes_first
                .then(|| kick::kick(ctx, best, cost, params.seed, round, &budget))
                .flatten()
        });
        round += 1;
        if round.is_multiple_of(report_every) {
            progress(Progress {
                phase: Phase::Search,
                iteration: round,
                budget: stop.budget(),
                best_objective: reported(shown_cost),
            });
        }
    }
    let (mut best, best_cost) = walk.into_best();
    if let Some((total, shown, s)) = incumbent {
        if shown < shown_cost {
            best_shown = s.clone();
        }
        if total < best_cost.total {
            best = s.clone();
        }
    }
    Searched {
        best,
        best_shown,
        rounds: round,
    }
}

/// The empty route of every slot, shared by the parts' views.
type Empty = Vec<Arc<RouteSt>>;

/// What one part of a round sees: which part every route falls into, the part's number, its
/// closed routes and the empty routes that stand in for them.
struct PartView<'p> {
    part: &'p [usize],
    k: usize,
    closed: Arc<Vec<bool>>,
    empty: &'p Empty,
}

/// The stream of the random split of a round into parts, apart from the neighbours' streams.
const SPLIT_STREAM: u64 = u64::MAX;

/// One round, (seed, round), split into `n` parts ([`parts`]): each part takes
/// [`CANDIDATES`] / `n` steps of its own walk from the current plan, within its routes, and
/// the parts' plans are merged into one. Returns the merged plan with its objective, and every route a step changed, as
/// (slot, route) in part, step and slot order, for the route pool.
///
/// A part keeps a step that is better than the part's plan so far, or that takes the whole
/// plan no further above the round's start than its share of the room the walk's threshold
/// leaves (`slack` above the best): so the merged plan, whose parts add up, is one the walk
/// accepts. A merge that puts a team out on more days than `max_days` allows is made again
/// part by part, skipping the parts that would.
#[allow(clippy::too_many_arguments)]
fn parts_round(
    ctx: &Ctx,
    walk: &Walk<Solution>,
    (seed, round): (u64, u64),
    open_days: bool,
    slack: f64,
    workers: &Workers,
    empty: &Empty,
    n: usize,
) -> (Solution, ObjectiveParts, Vec<(usize, Arc<RouteSt>)>) {
    let current = walk.current();
    let steps = (CANDIDATES / n).max(1);
    let mut split_rng = ChaCha8Rng::seed_from_u64(mix(seed, round, SPLIT_STREAM));
    let part = parts::split(ctx, current, n, &mut split_rng);
    let room = (walk.best_cost().total + slack - walk.current_cost().total).max(0.0) / n as f64;
    let results = workers.map(n, |k| {
        super::parallel::note_work("search", &ctx.inst.name);
        let view = PartView {
            part: &part,
            k,
            closed: parts::closed(&part, k),
            empty,
        };
        // The bundles left out go to the first part alone, so that no merge holds one twice.
        let mut at = current.clone();
        if k > 0 {
            at.unassigned.clear();
        }
        let start = evaluate(ctx, &at).total;
        let mut at_rise = 0.0;
        let mut tried = Vec::new();
        for step in 0..steps {
            let stream = (k * steps + step) as u64;
            let mut rng = ChaCha8Rng::seed_from_u64(mix(seed, round, stream));
            let mut s = at.clone();
            let touched = part_neighbour(ctx, &mut s, &mut rng, open_days, &view);
            tried.extend(
                (0..touched.len())
                    .filter(|&r| touched[r])
                    .map(|r| (r, Arc::clone(&s.routes[r]))),
            );
            let rise = if MaxDays::holds(ctx, &s) {
                evaluate(ctx, &s).total - start
            } else {
                f64::INFINITY
            };
            if rise < at_rise || rise <= room {
                (at, at_rise) = (s, rise);
            }
        }
        (at, tried)
    });
    let merge = |take: &dyn Fn(usize) -> bool| {
        let mut merged = current.clone();
        merged.unassigned.clear();
        for (k, (at, _)) in results.iter().enumerate() {
            if !take(k) {
                merged
                    .unassigned
                    .extend(current.unassigned.iter().filter(|_| k == 0).cloned());
                continue;
            }
            for (r, _) in part.iter().enumerate().filter(|&(_, &p)| p == k) {
                merged.routes[r] = Arc::clone(&at.routes[r]);
            }
            merged.unassigned.extend(at.unassigned.iter().cloned());
        }
        merged
    };
    let mut merged = merge(&|_| true);
    if !MaxDays::holds(ctx, &merged) {
        let mut taken = vec![false; n];
        for k in 0..n {
            taken[k] = true;
            if !MaxDays::holds(ctx, &merge(&|j| taken[j])) {
                taken[k] = false;
            }
        }
        merged = merge(&|j| taken[j]);
    }
    let cost = evaluate(ctx, &merged);
    let tried = results.into_iter().flat_map(|(_, t)| t).collect();
    (merged, cost, tried)
}

/// The objective of `parts` with team-days weighed at `team_day` instead of the context's
/// weight.
pub(crate) fn shown_total(ctx: &Ctx, parts: &ObjectiveParts, team_day: f64) -> f64 {
    parts.total + parts.routes as f64 * (team_day - ctx.weights.route)
}

/// Builds one neighbour of `sol` in place: destroy (by an operator that may open a team-day
/// when `open_days`), repair, then shorten changed routes; returns which routes changed.
///
/// Where routes come first ([`route_elimination::applies`]), a share of the repairs
/// ([`BLINK_SHARE`]) is greedy insertion with blinks rather than regret.
fn neighbour(ctx: &Ctx, sol: &mut Solution, rng: &mut ChaCha8Rng, open_days: bool) -> Vec<bool> {
    let mut touched = destroy_and_repair(ctx, sol, rng, open_days);
    polish(ctx, sol, rng, &mut touched);
    touched
}

/// Builds one neighbour of `sol` within part `k` of `part` (see [`parts`]): the other parts'
/// routes are hidden while it is destroyed and repaired, and closed while it is polished.
fn part_neighbour(
    ctx: &Ctx,
    sol: &mut Solution,
    rng: &mut ChaCha8Rng,
    open_days: bool,
    view: &PartView,
) -> Vec<bool> {
    let hidden = parts::hide(sol, view.part, view.k, &view.closed, view.empty);
    let mut touched = destroy_and_repair(ctx, sol, rng, open_days);
    parts::restore(sol, hidden);
    polish(ctx, sol, rng, &mut touched);
    sol.closed = None;
    touched
}

/// Destroys some visits of `sol` (by an operator that may open a team-day when `open_days`)
/// and repairs it; returns which routes changed.
fn destroy_and_repair(
    ctx: &Ctx,
    sol: &mut Solution,
    rng: &mut ChaCha8Rng,
    open_days: bool,
) -> Vec<bool> {
    let visits = sol.visits();
    let most = (visits / 8).clamp(MIN_REMOVE, MAX_REMOVE);
    let q = rng.gen_range(MIN_REMOVE.min(most)..=most);
    let opens = open_days.then_some(&OPEN_A_DAY);
    let operators = || OPERATORS.iter().chain(opens);
    let total: u32 = operators().map(|(_, w)| w).sum();
    let mut pick = rng.gen_range(0..total);
    let op = operators()
        .find(|(_, w)| {
            let hit = pick < *w;
            pick = pick.saturating_sub(*w);
            hit
        })
        .map_or(OPERATORS[0].0, |(op, _)| *op);
    let mut touched = vec![false; sol.routes.len()];
    let mut bundles = if visits == 0 {
        Vec::new()
    } else {
        op(ctx, sol, rng, q, &mut touched)
    };
    bundles.append(&mut sol.unassigned);
    let routes_first = route_elimination::applies(ctx);
    if routes_first && rng.gen_bool(EJECTION_REPAIR_SHARE) {
        let work = EJECTION_REPAIR_WORK * visits as u64;
        bundles = route_elimination::repair(ctx, sol, bundles, rng, &mut touched, work);
    }
    if routes_first && rng.gen_bool(BLINK_SHARE) {
        super::insert::insert_blinking(ctx, sol, bundles, rng, &mut touched);
    } else {
        insert(ctx, sol, bundles, &mut touched);
    }
    touched
}

/// Shortens the routes marked in `touched` and, for a share of the neighbours, improves them
/// by moves between routes, marking the routes that changes.
fn polish(ctx: &Ctx, sol: &mut Solution, rng: &mut ChaCha8Rng, touched: &mut [bool]) {
    for (route, _) in sol
        .routes
        .iter_mut()
        .zip(touched.iter())
        .filter(|(_, t)| **t)
    {
        Arc::make_mut(route).improve(ctx);
    }
    super::local::educate_neighbour(ctx, sol, rng, touched);
}

/// A 64-bit seed from the run's seed, the round and the candidate (SplitMix64 steps), so that
/// neighbouring rounds get unrelated streams.
fn mix(seed: u64, round: u64, k: u64) -> u64 {
    let mut z = seed;
    for v in [round, k] {
        z = splitmix(z ^ splitmix(v));
    }
    z
}

/// One step of SplitMix64.
fn splitmix(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// Visits at firms near `firm` (itself first, then its neighbours nearest first), at most `q`.
pub(super) fn visits_near(ctx: &Ctx, sol: &Solution, firm: usize, q: usize) -> Vec<(usize, usize)> {
    let by_firm = visits_by_firm(sol, |_| true);
    std::iter::once(firm)
        .chain(ctx.neighbours[firm].iter().copied())
        .flat_map(|f| visits_at(&by_firm, f))
        .take(q)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::solve::local::tests::first_plan;
    use crate::synth::{SynthParams, random_instance};

    /// Rounds in parts, from first plans: each merged plan holds every task once (a route two
    /// parts changed would lose or repeat some), the best plan passes the independent checker,
    /// and one and two threads give the same plan.
    #[test]
    fn rounds_in_parts_keep_every_task_verify_and_do_not_depend_on_threads() {
        let mut better = 0;
        for seed in 0..4 {
            let inst = random_instance(seed, &SynthParams::town());
            let mut ctx = Ctx::new(&inst);
            let first = first_plan(&mut ctx);
            let ctx = &ctx;
            let tasks = first.sorted_tasks();
            let empty = Solution::empty(ctx).routes;
            let start = evaluate(ctx, &first);
            let plans = [1, 2].map(|threads| {
                let workers = Workers::new(threads);
                let mut walk = Walk::new(first.clone(), start.clone(), 0, walk::RETURN_AFTER);
                for round in 0..30 {
                    let slack = 0.01 * walk.best_cost().travel_km;
                    let seeded = (seed, round);
                    let (merged, cost, _) =
                        parts_round(ctx, &walk, seeded, true, slack, &workers, &empty, 4);
                    assert_eq!(merged.sorted_tasks(), tasks, "seed {seed}, round {round}");
                    walk.offer(merged, cost, slack, round);
                }
                walk.into_best()
            });
            let (best, cost) = &plans[0];
            assert_eq!(best.to_plan(ctx), plans[1].0.to_plan(ctx), "seed {seed}");
            let report = crate::verify::verify_plan(&inst, &best.to_plan(ctx));
            assert!(report.is_ok(), "seed {seed}: {report:?}");
            better += usize::from(cost.total < start.total);
        }
        assert!(
            better >= 3,
            "rounds in parts improved {better} first plans of 4"
        );
    }
}
