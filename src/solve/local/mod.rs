//! Provides the local search between routes that every neighbour gets after repair, and the
//! first plan after construction (the "education" step of hybrid genetic search): relocate a
//! visit or a chain of two or three consecutive visits, swap two visits, and exchange the
//! tails of two routes of the same day (2-opt*), between routes of the same day or of
//! different days, first improvement, until no move improves the plan or [`MAX_PASSES`]
//! sweeps are done. Where team-days are traded against kilometres rather than put first, each
//! route's sweep ends with SWAP* ([`swap_star`]): two visits change routes, each to its
//! cheapest place in the other.
//!
//! **Granular.** A visit at firm `f` is only moved next to, swapped with or joined to visits at
//! the firms of `f`'s neighbour list ([`Ctx::neighbours`], the 24 nearest firms with tasks,
//! computed once per solve): a good move almost always brings a visit near one of its nearest
//! firms, and the list keeps a sweep linear in the visits.
//!
//! **Evaluation.** Each move rebuilds two routes as a prefix, at most three moved visits and a
//! suffix; [`segment`] prices them in O(1) from the routes' cached timing and cumulative sums,
//! exactly also with split opening hours and a lunch break (its module doc says how). A move
//! whose priced kilometres and route terms do not improve is dropped there; one that does is
//! replayed through the route timing and every rule ([`segment::checked`]) and kept only when
//! the exact objective (kilometres, routes, days below the minimum of visits, workload
//! balance) improves. So no move ever yields a plan a rule rejects.
//!
//! **What it never does.** It does not open a route (every move goes next to a visit already
//! out), so a team's days never grow and `max_days` holds; it does not touch unassigned
//! bundles (repair does); and it does not run on a replan, whose stability weights price moves
//! per task and visit of the plan kept.
//!
//! Only a share of the search's neighbours is educated ([`NEIGHBOUR_SHARE`]), chosen by each
//! neighbour's own generator; the first plan always is.
//!
//! Everything is scanned in route, position and neighbour-list order with no hashing, so the
//! result depends only on the solution it starts from.

pub(crate) mod segment;
mod swap_star;

use super::bundle::Bundle;
use super::context::Ctx;
use super::objective::balance;
use super::route::RouteSt;
use super::rules::weights::{Terms, missing_visits, weigh};
use super::solution::Solution;
use rand::Rng;
use rand_chacha::ChaCha8Rng;
use segment::{Priced, Segments, Splice, checked};
use std::sync::Arc;

/// Most sweeps over the routes left to improve: each sweep after the first only revisits the
/// routes the previous one changed, and the cap keeps the step cheap next to repair.
const MAX_PASSES: usize = 3;

/// Longest chain of consecutive visits relocated at once.
const MAX_CHAIN: usize = 3;

/// Smallest improvement of the objective a move must bring, so float noise never loops.
const MIN_GAIN: f64 = 1e-7;

/// Share of the search's neighbours educated. Educating every one pulls them all back into
/// the local optimum the round started from, and the search stalls there: on the small
/// instances compared with the exact model, one stayed 1.1 % above the optimum kilometres at
/// every seed with all neighbours educated and reached it with a quarter. On generated counties
/// a quarter drives 3–7 % fewer kilometres than none for about 1.7 times the search's CPU time;
/// fewer educated neighbours save time but give back most of the kilometres.
const NEIGHBOUR_SHARE: f64 = 0.25;

/// Educates a neighbour of the search with probability [`NEIGHBOUR_SHARE`], drawn from its
/// generator so the choice is reproducible.
pub(crate) fn educate_neighbour(
    ctx: &Ctx,
    sol: &mut Solution,
    rng: &mut ChaCha8Rng,
    touched: &mut [bool],
) {
    if rng.gen_bool(NEIGHBOUR_SHARE) {
        educate(ctx, sol, touched);
    }
}

/// Improves `sol` by moves between routes, starting from the visits of the routes marked in
/// `touched`, and marks every route it changes there.
pub(crate) fn educate(ctx: &Ctx, sol: &mut Solution, touched: &mut [bool]) {
    if ctx.locks.is_some() {
        return;
    }
    // Where routes come first, SWAP* cost more rounds than it gained on Solomon's 56 at 10 s
    // (BENCHMARKS.md): there the long routes are paired with every other one.
    let swap_star = !super::route_elimination::applies(ctx);
    let mut search = Search::new(ctx, sol);
    let mut dirty: Vec<usize> = (0..touched.len()).filter(|&r| touched[r]).collect();
    for _ in 0..MAX_PASSES {
        let mut changed = vec![false; touched.len()];
        for &a in &dirty {
            let mut i = 0;
            while i < search.sol.routes[a].visits.len() {
                match search.improve_at(a, i) {
                    Some(b) => {
                        changed[a] = true;
                        changed[b] = true;
                    }
                    None => i += 1,
                }
            }
            if let Some(b) = swap_star.then(|| search.swap_star(a)).flatten() {
                changed[a] = true;
                changed[b] = true;
            }
        }
        dirty = (0..changed.len()).filter(|&r| changed[r]).collect();
        for &r in &dirty {
            touched[r] = true;
        }
        if dirty.is_empty() {
            break;
        }
    }
}

/// The solution being improved and what is cached about it.
struct Search<'c, 's, 'a> {
    ctx: &'c Ctx<'a>,
    sol: &'s mut Solution,
    /// Cumulative sums per route, computed when first needed.
    sums: Vec<Option<Segments>>,
    /// Every visit's (firm, route, position), sorted: the visits at a firm by binary search,
    /// with no scan of their routes.
    by_firm: Vec<(usize, usize, usize)>,
    /// Each team's workload (driving plus on site) over the month.
    load: Vec<u32>,
    /// Balance deviation of `load`.
    deviation: u32,
}

/// One move between the visit at (`a`, `i`) and the visit at (`b`, `j`).
#[derive(Debug, Clone, Copy)]
enum Move {
    /// The chain of `len` visits from `i` goes right after (`after`) or right before `j`.
    Relocate { len: usize, after: bool },
    /// The two visits change places.
    Swap,
    /// `a` keeps its visits up to `i` and takes `b`'s from `j`; `b` takes `a`'s after `i`.
    TwoOptStar,
}

impl<'c, 's, 'a> Search<'c, 's, 'a> {
    fn new(ctx: &'c Ctx<'a>, sol: &'s mut Solution) -> Self {
        // Closed routes belong to another part of the round: no move may reach them.
        let by_firm = super::solution::visits_by_firm(sol, |r| sol.is_open(r));
        let mut load = vec![0u32; ctx.inst.teams.len()];
        for r in &sol.routes {
            load[r.team] += r.workload();
        }
        let deviation = balance(&load, &ctx.team_can_work).1;
        Self {
            ctx,
            sums: vec![None; sol.routes.len()],
            sol,
            by_firm,
            load,
            deviation,
        }
    }

    fn sums(&mut self, r: usize) -> &Segments {
        let (ctx, route) = (self.ctx, &self.sol.routes[r]);
        self.sums[r].get_or_insert_with(|| Segments::of(ctx, route))
    }

    /// Applies the first improving move of the visit at (`a`, `i`) towards its neighbours;
    /// returns the other route it changed.
    fn improve_at(&mut self, a: usize, i: usize) -> Option<usize> {
        let ctx = self.ctx;
        let firm = self.sol.routes[a].visits[i].firm;
        for &g in &ctx.neighbours[firm] {
            let from = self.by_firm.partition_point(|&(f, _, _)| f < g);
            let mut k = from;
            while k < self.by_firm.len() && self.by_firm[k].0 == g {
                let (_, b, j) = self.by_firm[k];
                k += 1;
                if b == a {
                    continue;
                }
                self.sums(a);
                self.sums(b);
                if let Some(m) = self.first_improving(a, i, b, j) {
                    self.apply(a, i, b, j, m);
                    return Some(b);
                }
            }
        }
        None
    }

    /// True when route `r` has a visit at `firm`, other than the one at position `skip`: a
    /// binary search of [`Self::by_firm`] rather than a scan of a route that may be long.
    fn holds_firm(&self, r: usize, firm: usize, skip: Option<usize>) -> bool {
        let from = self
            .by_firm
            .partition_point(|&(f, x, _)| (f, x) < (firm, r));
        self.by_firm[from..]
            .iter()
            .take_while(|&&(f, x, _)| (f, x) == (firm, r))
            .any(|&(_, _, at)| Some(at) != skip)
    }

    /// The first move between (`a`, `i`) and (`b`, `j`) that improves the objective.
    fn first_improving(&self, a: usize, i: usize, b: usize, j: usize) -> Option<Move> {
        let ctx = self.ctx;
        let (ra, rb) = (&*self.sol.routes[a], &*self.sol.routes[b]);
        let (sa, sb) = (
            self.sums[a].as_ref().expect("computed"),
            self.sums[b].as_ref().expect("computed"),
        );
        let u = &ra.visits[i];
        let v = &rb.visits[j];
        let relocations = (1..=MAX_CHAIN.min(ra.visits.len() - i))
            .flat_map(|len| [true, false].map(|after| Move::Relocate { len, after }));
        let others = [
            Some(Move::Swap),
            (ra.day == rb.day).then_some(Move::TwoOptStar),
        ];
        for m in relocations.chain(others.into_iter().flatten()) {
            let mut mid_a: [&Bundle; MAX_CHAIN] = [u; MAX_CHAIN];
            let mut mid_b: [&Bundle; MAX_CHAIN] = [u; MAX_CHAIN];
            // The rules that do not depend on the clock first, then the kilometres, then
            // whether a firm would be visited twice that day: that order rejects most moves of
            // a county at the departments, and most of a long VRPTW route at the kilometres,
            // with the least work. 2-opt* changes the team of whole tails, which `checked`
            // covers.
            let rules_allow = match m {
                Move::Relocate { len, .. } => {
                    ra.visits[i..i + len].iter().all(|w| may_join(ctx, rb, w))
                }
                Move::Swap => may_join(ctx, rb, u) && may_join(ctx, ra, v),
                Move::TwoOptStar => true,
            };
            if !rules_allow {
                continue;
            }
            // (kept prefix, moved visits, suffix start) of each route.
            let (pa, pb) = match m {
                Move::Relocate { len, after } => {
                    for (x, w) in ra.visits[i..i + len].iter().enumerate() {
                        mid_b[x] = w;
                    }
                    let at = if after { j + 1 } else { j };
                    ((i, 0, i + len), (at, len, at))
                }
                Move::Swap => {
                    mid_a[0] = v;
                    mid_b[0] = u;
                    ((i, 1, i + 1), (j, 1, j + 1))
                }
                Move::TwoOptStar => ((i + 1, 0, j), (j, 0, i + 1)),
            };
            let two_opt = matches!(m, Move::TwoOptStar);
            let new_a = Splice {
                head: ra,
                head_sums: sa,
                keep: pa.0,
                mid: &mid_a[..pa.1],
                tail: if two_opt { rb } else { ra },
                tail_sums: if two_opt { sb } else { sa },
                from: pa.2,
            };
            let new_b = Splice {
                head: rb,
                head_sums: sb,
                keep: pb.0,
                mid: &mid_b[..pb.1],
                tail: if two_opt { ra } else { rb },
                tail_sums: if two_opt { sa } else { sb },
                from: pb.2,
            };
            let ((ka, na), (kb, nb)) = (new_a.km(ctx), new_b.km(ctx));
            let rough = |km, visits| Priced {
                km,
                drive: 0,
                onsite: 0,
                visits,
            };
            if self.route_gain(ra, rb, &rough(ka, na), &rough(kb, nb)) > -MIN_GAIN {
                continue;
            }
            let twice = match m {
                Move::Relocate { len, .. } => ra.visits[i..i + len]
                    .iter()
                    .any(|w| self.holds_firm(b, w.firm, None)),
                Move::Swap => {
                    self.holds_firm(b, u.firm, Some(j)) || self.holds_firm(a, v.firm, Some(i))
                }
                Move::TwoOptStar => false,
            };
            if twice {
                continue;
            }
            let Some(qa) = new_a.price(ctx) else { continue };
            let Some(qb) = new_b.price(ctx) else { continue };
            if self.route_gain(ra, rb, &qa, &qb) > -MIN_GAIN {
                continue;
            }
            if self.exact_gain(&new_a, &new_b) < -MIN_GAIN {
                return Some(m);
            }
        }
        None
    }

    /// The change of the objective's per-route terms (kilometres, routes, days below the
    /// minimum of visits) when `ra` and `rb` become `qa` and `qb`.
    fn route_gain(&self, ra: &RouteSt, rb: &RouteSt, qa: &Priced, qb: &Priced) -> f64 {
        let w = &self.ctx.weights;
        let used = |n: usize| f64::from(u8::from(n > 0));
        let terms = Terms {
            travel_km: qa.km + qb.km - ra.km - rb.km,
            routes: used(qa.visits) + used(qb.visits)
                - used(ra.visits.len())
                - used(rb.visits.len()),
            missing_visits: missing_visits(w, qa.visits) + missing_visits(w, qb.visits)
                - missing_visits(w, ra.visits.len())
                - missing_visits(w, rb.visits.len()),
            ..Terms::default()
        };
        weigh(w, &terms)
    }

    /// The exact change of the objective when both splices are replayed through every rule;
    /// infinite when one is infeasible.
    fn exact_gain(&self, new_a: &Splice, new_b: &Splice) -> f64 {
        self.lists_gain(new_a.head, &new_a.visits(), new_b.head, &new_b.visits())
    }

    /// The exact change of the objective when `ra` and `rb` (two routes of the plan) come to
    /// hold `va` and `vb`, replayed through every rule; infinite when one is infeasible.
    fn lists_gain(&self, ra: &RouteSt, va: &[&Bundle], rb: &RouteSt, vb: &[&Bundle]) -> f64 {
        let ctx = self.ctx;
        let Some((xa, onsite_a)) = checked(ctx, ra.team, ra.day, va) else {
            return f64::INFINITY;
        };
        let Some((xb, onsite_b)) = checked(ctx, rb.team, rb.day, vb) else {
            return f64::INFINITY;
        };
        let qa = Priced {
            km: xa.km,
            drive: xa.drive,
            onsite: onsite_a,
            visits: va.len(),
        };
        let qb = Priced {
            km: xb.km,
            drive: xb.drive,
            onsite: onsite_b,
            visits: vb.len(),
        };
        let mut gain = self.route_gain(ra, rb, &qa, &qb);
        if ctx.weights.balance_minute != 0.0 {
            let mut load = self.load.clone();
            load[ra.team] = load[ra.team] - ra.workload() + qa.drive + qa.onsite;
            load[rb.team] = load[rb.team] - rb.workload() + qb.drive + qb.onsite;
            let deviation = balance(&load, &ctx.team_can_work).1;
            let terms = Terms {
                balance_minutes: f64::from(deviation) - f64::from(self.deviation),
                ..Terms::default()
            };
            gain += weigh(&ctx.weights, &terms);
        }
        gain
    }

    /// Applies `m` between (`a`, `i`) and (`b`, `j`), shortens both routes and updates the
    /// caches.
    fn apply(&mut self, a: usize, i: usize, b: usize, j: usize, m: Move) {
        let (ra, rb) = (&*self.sol.routes[a], &*self.sol.routes[b]);
        let (va, vb): (Vec<Bundle>, Vec<Bundle>) = match m {
            Move::Relocate { len, after } => {
                let chain = &ra.visits[i..i + len];
                let at = if after { j + 1 } else { j };
                let mut va = ra.visits.clone();
                va.drain(i..i + len);
                let mut vb = rb.visits.clone();
                vb.splice(at..at, chain.iter().cloned());
                (va, vb)
            }
            Move::Swap => {
                let mut va = ra.visits.clone();
                let mut vb = rb.visits.clone();
                std::mem::swap(&mut va[i], &mut vb[j]);
                (va, vb)
            }
            Move::TwoOptStar => {
                let mut va = ra.visits[..=i].to_vec();
                va.extend_from_slice(&rb.visits[j..]);
                let mut vb = rb.visits[..j].to_vec();
                vb.extend_from_slice(&ra.visits[i + 1..]);
                (va, vb)
            }
        };
        self.replace(a, va, b, vb);
    }

    /// Gives routes `a` and `b` the visits `va` and `vb`, shortens both and updates the caches.
    fn replace(&mut self, a: usize, va: Vec<Bundle>, b: usize, vb: Vec<Bundle>) {
        let ctx = self.ctx;
        let mut moved = Vec::new();
        for (r, visits) in [(a, va), (b, vb)] {
            let team = self.sol.routes[r].team;
            self.load[team] -= self.sol.routes[r].workload();
            let route = Arc::make_mut(&mut self.sol.routes[r]);
            route.visits = visits;
            route.refresh(ctx);
            route.improve(ctx);
            self.load[team] += route.workload();
            moved.extend(route.visits.iter().enumerate().map(|(i, v)| (v.firm, r, i)));
            self.sums[r] = None;
        }
        // The few entries of the two routes merged into the rest, which stays sorted: a sweep
        // makes many moves, and sorting the whole month's visits after each was a tenth of a
        // county's search.
        moved.sort_unstable();
        let kept = std::mem::take(&mut self.by_firm)
            .into_iter()
            .filter(|&(_, x, _)| x != a && x != b);
        self.by_firm = merge_sorted(kept, moved);
        self.deviation = balance(&self.load, &ctx.team_can_work).1;
    }
}

/// The entries of two sorted sequences, sorted.
fn merge_sorted<T: Ord + Copy>(a: impl Iterator<Item = T>, b: Vec<T>) -> Vec<T> {
    let mut out = Vec::with_capacity(a.size_hint().0 + b.len());
    let mut b = b.into_iter().peekable();
    for x in a {
        while let Some(&y) = b.peek().filter(|&&y| y < x) {
            out.push(y);
            b.next();
        }
        out.push(x);
    }
    out.extend(b);
    out
}

/// True when the visit `w` of another route may go into `route` as far as the rules that do
/// not depend on the clock say.
fn may_join(ctx: &Ctx, route: &RouteSt, w: &Bundle) -> bool {
    super::rules::team_may(ctx, route.team, w) && super::rules::day_may(ctx, route.day, w)
}

#[cfg(test)]
pub(crate) mod tests {
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
    pub(crate) fn first_plan(ctx: &mut Ctx) -> Solution {
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
}
