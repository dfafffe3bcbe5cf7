//! Provides the ejection step of route elimination: where a visit fits no route as it is, the
//! route, position and at most two other visits to take out that make room for it, cheapest
//! by the taken visits' failure counts, then by the kilometres added.
//!
//! For each set of visits taken out, the rest of the route is timed once forwards (earliest
//! starts) and once backwards (latest starts from which the rest still fits), and every
//! position for the new visit is then checked in O(1), as [`RouteSt::best_insertion`] does on
//! a whole route: a route of n visits costs O(n³) rather than the O(n⁴) of replaying every
//! candidate, which matters on the long routes of R2 and RC2. A set whose failure sum is
//! already above the best found is never timed, and failure counts are at least one, so pairs
//! are timed only while no single visit made room.
//!
//! [`RouteSt::best_insertion`]: crate::solve::route::RouteSt::best_insertion

use crate::model::Minute;
use crate::solve::bundle::Bundle;
use crate::solve::context::Ctx;
use crate::solve::route::RouteSt;
use crate::solve::rules::{
    self,
    shift::{Shift, earliest_start, latest_start},
};
use crate::solve::solution::Solution;
use std::sync::Arc;

/// A way to make room for a visit in a route.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Ejection {
    /// The route.
    pub route: usize,
    /// The visit goes before the route's visit now at this position (or at the end).
    pub at: usize,
    /// Position of the visit taken out, and of a second one after it, if any.
    pub out: (usize, Option<usize>),
}

/// True when `route` is out and may take `b` as a visit of its own: one team never enters a
/// firm twice a day, so a route already there takes `b` only by a merge.
pub(super) fn open_to(route: &RouteSt, b: &Bundle) -> bool {
    !route.visits.is_empty() && route.position_of(b.firm).is_none()
}

/// The cheapest ejection that makes room for `b` in one of `routes` (its candidate routes)
/// already out, or `None`.
pub(super) fn cheapest(
    ctx: &Ctx,
    sol: &Solution,
    b: &Bundle,
    routes: &[usize],
    failures: &[u32],
    work: &mut u64,
) -> Option<Ejection> {
    let mut best: Option<((u32, f64), Ejection)> = None;
    let mut timing = Timing::default();
    for &r in routes {
        let route = &sol.routes[r];
        if !open_to(route, b) {
            continue;
        }
        let n = route.visits.len();
        let fail = |i: usize| failures[route.visits[i].firm];
        let demand = |i: usize| route.visits[i].demand;
        for i in 0..n {
            for j in std::iter::once(None).chain((i + 1..n).map(Some)) {
                let sum = fail(i) + j.map_or(0, fail);
                if best.as_ref().is_some_and(|((s, _), _)| sum > *s) {
                    continue;
                }
                let load = route.load - demand(i) - j.map_or(0, demand);
                if !rules::load_fits(ctx, route.team, load, b) {
                    continue;
                }
                let out = (i, j);
                *work += 2 * n as u64;
                timing.time(ctx, route, out);
                if let Some((at, km)) = timing.cheapest_place(ctx, route, b) {
                    let key = (sum, km - route.km);
                    if best.as_ref().is_none_or(|(k, _)| key < *k) {
                        best = Some((key, Ejection { route: r, at, out }));
                    }
                }
            }
        }
    }
    best.map(|(_, e)| e)
}

/// The timing of a route with one or two visits taken out; buffers reused between sets.
#[derive(Default)]
struct Timing {
    /// Positions in the route of the visits kept, in order.
    kept: Vec<usize>,
    /// Earliest start at each kept visit.
    starts: Vec<Minute>,
    /// Latest start at each kept visit from which the rest of the route still fits.
    latest: Vec<Minute>,
    /// Kilometres of the kept visits, base to base.
    km: f64,
}

impl Timing {
    /// Times `route` without the visits at `out`, which leaves it feasible: a route that drops
    /// visits arrives everywhere no later.
    fn time(&mut self, ctx: &Ctx, route: &RouteSt, out: (usize, Option<usize>)) {
        let team = route.team;
        self.kept.clear();
        self.kept
            .extend((0..route.visits.len()).filter(|&k| k != out.0 && Some(k) != out.1));
        let base = ctx.base_point(team);
        let (mut t, mut at) = (Shift::start(ctx, team), base);
        self.km = 0.0;
        self.starts.clear();
        for &k in &self.kept {
            let v = &route.visits[k];
            let p = ctx.firm_point(v.firm);
            self.km += ctx.km(at, p);
            let s = earliest_start(ctx.windows(team, v.firm), t + ctx.minutes(at, p), v.dur)
                .expect("a route without some visits stays feasible");
            self.starts.push(s);
            t = s + v.dur;
            at = p;
        }
        self.km += ctx.km(at, base);
        self.latest.clear();
        self.latest.resize(self.kept.len(), 0);
        let (mut next_latest, mut next_point) = (Shift::end(ctx, team), base);
        for q in (0..self.kept.len()).rev() {
            let v = &route.visits[self.kept[q]];
            let p = ctx.firm_point(v.firm);
            let end_by = next_latest.saturating_sub(ctx.minutes(p, next_point));
            let l = latest_start(ctx.windows(team, v.firm), end_by, v.dur)
                .expect("a route without some visits has latest starts");
            self.latest[q] = l;
            (next_latest, next_point) = (l, p);
        }
    }

    /// The cheapest place for `b` among the kept visits, as the route position it goes before
    /// and the kilometres of the route then.
    fn cheapest_place(&self, ctx: &Ctx, route: &RouteSt, b: &Bundle) -> Option<(usize, f64)> {
        let team = route.team;
        let base = ctx.base_point(team);
        let f = ctx.firm_point(b.firm);
        let ww = ctx.windows(team, b.firm);
        let point = |q: usize| ctx.firm_point(route.visits[self.kept[q]].firm);
        let mut best: Option<(usize, f64)> = None;
        for q in 0..=self.kept.len() {
            let (dep, prev) = match q {
                0 => (Shift::start(ctx, team), base),
                _ => {
                    let v = &route.visits[self.kept[q - 1]];
                    (self.starts[q - 1] + v.dur, point(q - 1))
                }
            };
            let (late, next) = match self.kept.get(q) {
                Some(_) => (self.latest[q], point(q)),
                None => (Shift::end(ctx, team), base),
            };
            let Some(s) = earliest_start(ww, dep + ctx.minutes(prev, f), b.dur) else {
                continue;
            };
            if s + b.dur + ctx.minutes(f, next) > late {
                continue;
            }
            let km = self.km + ctx.km(prev, f) + ctx.km(f, next) - ctx.km(prev, next);
            if best.is_none_or(|(_, k)| km < k) {
                let at = self.kept.get(q).copied().unwrap_or(route.visits.len());
                best = Some((at, km));
            }
        }
        best
    }
}

impl Ejection {
    /// Makes the room and puts `b` in it; returns the visits taken out.
    pub fn apply(self, ctx: &Ctx, sol: &mut Solution, b: Bundle) -> Vec<Bundle> {
        let route = Arc::make_mut(&mut sol.routes[self.route]);
        let old = std::mem::take(&mut route.visits);
        let mut ejected = Vec::with_capacity(2);
        let mut b = Some(b);
        for (k, v) in old.into_iter().enumerate() {
            if k == self.at {
                route.visits.extend(b.take());
            }
            if k == self.out.0 || Some(k) == self.out.1 {
                ejected.push(v);
            } else {
                route.visits.push(v);
            }
        }
        route.visits.extend(b.take());
        route.refresh(ctx);
        ejected
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::solve::insert::first_plan;
    use crate::solve::route::replay;
    use crate::synth::{SynthParams, random_instance};
    use rand::{Rng, SeedableRng};
    use rand_chacha::ChaCha8Rng;

    /// Every (route, place, visits out) for `b`, each timed by a full replay: the cheapest key.
    fn by_replay(ctx: &Ctx, sol: &Solution, b: &Bundle, failures: &[u32]) -> Option<(u32, f64)> {
        let mut best: Option<(u32, f64)> = None;
        for r in b.candidate_routes(ctx) {
            let route = &sol.routes[r];
            if route.visits.is_empty() || route.position_of(b.firm).is_some() {
                continue;
            }
            let n = route.visits.len();
            for i in 0..n {
                for j in std::iter::once(None).chain((i + 1..n).map(Some)) {
                    let out = |k: usize| k == i || Some(k) == j;
                    let load: u32 = (0..n)
                        .filter(|&k| !out(k))
                        .map(|k| route.visits[k].demand)
                        .sum();
                    if !rules::load_fits(ctx, route.team, load, b) {
                        continue;
                    }
                    for at in 0..=n {
                        let mut seq: Vec<&Bundle> = Vec::new();
                        for k in 0..=n {
                            if k == at {
                                seq.push(b);
                            }
                            if k < n && !out(k) {
                                seq.push(&route.visits[k]);
                            }
                        }
                        let Some(timed) = replay(ctx, route.team, &seq) else {
                            continue;
                        };
                        let sum = failures[route.visits[i].firm]
                            + j.map_or(0, |j| failures[route.visits[j].firm]);
                        let key = (sum, timed.km - route.km);
                        if best.is_none_or(|k| key.0 < k.0 || key.0 == k.0 && key.1 < k.1 - 1e-9) {
                            best = Some(key);
                        }
                    }
                }
            }
        }
        best
    }

    #[test]
    fn the_cheapest_ejection_is_the_one_a_replay_of_every_candidate_finds_and_it_is_feasible() {
        let mut found = 0;
        for seed in 0..6 {
            let inst = random_instance(seed, &SynthParams::town());
            let mut ctx = Ctx::new(&inst);
            let mut sol = first_plan(&mut ctx);
            let mut touched = vec![false; sol.routes.len()];
            let mut rng = ChaCha8Rng::seed_from_u64(seed);
            let failures: Vec<u32> = (0..inst.firms.len()).map(|_| rng.gen_range(1..4)).collect();
            for _ in 0..10 {
                let (r, i) = crate::solve::solution::random_visit(&sol, &mut rng);
                let b = sol.take(&ctx, &[(r, i)], &mut touched).remove(0);
                let routes = b.candidate_routes(&ctx);
                let fast = cheapest(&ctx, &sol, &b, &routes, &failures, &mut 0);
                let slow = by_replay(&ctx, &sol, &b, &failures);
                assert_eq!(fast.is_some(), slow.is_some(), "seed {seed}");
                let Some(e) = fast else {
                    sol.unassigned.push(b);
                    continue;
                };
                let (sum, added) = slow.expect("both found one");
                let route = &sol.routes[e.route];
                let fast_sum = failures[route.visits[e.out.0].firm]
                    + e.out.1.map_or(0, |j| failures[route.visits[j].firm]);
                assert_eq!(fast_sum, sum, "seed {seed}");
                let km_before = route.km;
                let out = e.apply(&ctx, &mut sol, b);
                assert_eq!(out.len(), 1 + usize::from(e.out.1.is_some()));
                let route = &sol.routes[e.route];
                let refs: Vec<&Bundle> = route.visits.iter().collect();
                let timed = replay(&ctx, route.team, &refs).expect("the route stays feasible");
                assert!(
                    (timed.km - km_before - added).abs() < 1e-6,
                    "seed {seed}: {} against {added}",
                    timed.km - km_before
                );
                sol.unassigned.extend(out);
                found += 1;
            }
            let report = crate::verify::verify_plan(&inst, &sol.to_plan(&ctx));
            assert!(report.is_ok(), "seed {seed}: {report:?}");
        }
        assert!(found >= 20, "only {found} ejections found");
    }
}
