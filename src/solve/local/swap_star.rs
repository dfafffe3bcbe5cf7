//! Provides SWAP* (Vidal, 2022): two visits of different routes change routes, each going to
//! its cheapest place in the other route rather than to the place the other one left.
//!
//! **Why.** A plain swap puts each visit exactly where the other was, and a relocation alone
//! often cannot make room in a full day: a visit that belongs at the other end of the other
//! route is then out of reach of both. SWAP* finds such exchanges without trying every pair
//! of places: for each visit and the other route it keeps the [`TOP`] cheapest places by
//! kilometres; once the other route loses a visit, the cheapest place left is either the gap
//! that visit leaves or one of those kept that was not next to it.
//!
//! **Exactness.** The kilometres of every exchange are exact (they depend on the order only);
//! the clock, the departments, the task windows and every other rule are not priced, so the
//! few exchanges that save the most kilometres are replayed in full ([`MAX_REPLAYS`]) and the
//! first whose exact objective improves is made.

use super::{MIN_GAIN, Search, may_join};
use crate::solve::bundle::Bundle;
use crate::solve::context::Ctx;
use crate::solve::route::RouteSt;
use crate::solve::solution::visits_at;

/// Cheapest places kept per visit and route: three are enough for the cheapest place left
/// after any one visit goes, since only two places touch that visit.
const TOP: usize = 3;

/// Nearest firms of each visit whose routes are paired with the visit's route. The whole
/// neighbour list (24) pairs a county's route with most routes of the month; on generated
/// counties 8 drove as little for about a tenth less time, and 4 drove more (BENCHMARKS.md).
const NEAREST: usize = 8;

/// Most exchanges of one route pair replayed through every rule: most that save kilometres
/// fit, and those that do not are usually refused for the same visit's hours.
const MAX_REPLAYS: usize = 4;

/// A place in a route: before visit `at` (`at` = the number of visits: before the way back),
/// costing `km` more than the route without it.
#[derive(Debug, Clone, Copy)]
struct Place {
    km: f64,
    at: usize,
}

/// One exchange: visit `i` of route `a` goes before visit `into_b` of `b` without its visit
/// `j`, which goes before visit `into_a` of `a` without `i`; `km` is the change of both
/// routes' kilometres.
#[derive(Debug, Clone, Copy)]
struct Exchange {
    km: f64,
    i: usize,
    j: usize,
    into_a: usize,
    into_b: usize,
}

/// A route's stops as points (the team's base, its visits, the base again), the kilometres of
/// each leg and of each shortcut past one visit: what every place of every visit priced
/// against the route needs.
struct Stops {
    points: Vec<usize>,
    /// `legs[k]`: stop `k` to stop `k + 1`.
    legs: Vec<f64>,
    /// `skips[k]`: stop `k` to stop `k + 2`, past visit `k`.
    skips: Vec<f64>,
}

impl Stops {
    fn of(ctx: &Ctx, r: &RouteSt) -> Self {
        let base = ctx.base_point(r.team);
        let points: Vec<usize> = std::iter::once(base)
            .chain(r.visits.iter().map(|v| ctx.firm_point(v.firm)))
            .chain(std::iter::once(base))
            .collect();
        Self::through(ctx, points)
    }

    /// The stops `points`, base to base.
    fn through(ctx: &Ctx, points: Vec<usize>) -> Self {
        let legs = points.windows(2).map(|w| ctx.km(w[0], w[1])).collect();
        let skips = points.windows(3).map(|w| ctx.km(w[0], w[2])).collect();
        Self {
            points,
            legs,
            skips,
        }
    }

    /// Kilometres the route saves without visit `k`.
    fn removal(&self, k: usize) -> f64 {
        self.legs[k] + self.legs[k + 1] - self.skips[k]
    }
}

/// The [`TOP`] cheapest places of point `x` in the route of stops `s`, cheapest first, ties to
/// the earlier place.
fn cheapest(ctx: &Ctx, s: &Stops, x: usize) -> Vec<Place> {
    let mut top: Vec<Place> = Vec::with_capacity(TOP + 1);
    let p = &s.points;
    for (at, leg) in s.legs.iter().enumerate() {
        let km = ctx.km(p[at], x) + ctx.km(x, p[at + 1]) - leg;
        let k = top.partition_point(|p| p.km <= km);
        if k < TOP {
            top.insert(k, Place { km, at });
            top.truncate(TOP);
        }
    }
    top
}

/// The cheapest place of point `x` in the route of stops `s` once its visit `j` is out, as a
/// place of that shorter route: the gap `j` leaves, or the cheapest of `top` not next to `j`.
fn cheapest_without(ctx: &Ctx, s: &Stops, x: usize, j: usize, top: &[Place]) -> Place {
    let p = &s.points;
    let gap = Place {
        km: ctx.km(p[j], x) + ctx.km(x, p[j + 2]) - s.skips[j],
        at: j,
    };
    match top.iter().find(|p| p.at != j && p.at != j + 1) {
        Some(p) if p.km < gap.km => Place {
            km: p.km,
            at: if p.at < j { p.at } else { p.at - 1 },
        },
        _ => gap,
    }
}

/// `visits` without visit `out`, with `moved` put in before visit `at` of what is left.
fn exchanged<'v>(
    visits: &'v [Bundle],
    out: usize,
    moved: &'v Bundle,
    at: usize,
) -> Vec<&'v Bundle> {
    let mut rest: Vec<&Bundle> = visits
        .iter()
        .enumerate()
        .filter(|&(k, _)| k != out)
        .map(|(_, v)| v)
        .collect();
    rest.insert(at, moved);
    rest
}

impl Search<'_, '_, '_> {
    /// Makes the first improving SWAP* between route `a` and a route holding a visit at one of
    /// the [`NEAREST`] firms of `a`'s visits, those routes taken in index order; returns the
    /// other route it changed.
    pub(super) fn swap_star(&mut self, a: usize) -> Option<usize> {
        let ctx = self.ctx;
        let mut others: Vec<usize> = Vec::new();
        for u in &self.sol.routes[a].visits {
            for &g in ctx.neighbours[u.firm].iter().take(NEAREST) {
                others.extend(visits_at(&self.by_firm, g).map(|(r, _)| r));
            }
        }
        others.retain(|&r| r != a);
        others.sort_unstable();
        others.dedup();
        let sa = Stops::of(ctx, &self.sol.routes[a]);
        others.into_iter().find(|&b| self.swap_star_pair(a, &sa, b))
    }

    /// Makes the best SWAP* between routes `a` (of stops `sa`) and `b` whose exact objective
    /// improves, of the [`MAX_REPLAYS`] that save the most kilometres; true when one was made.
    fn swap_star_pair(&mut self, a: usize, sa: &Stops, b: usize) -> bool {
        let ctx = self.ctx;
        let (ra, rb) = (&*self.sol.routes[a], &*self.sol.routes[b]);
        let joins = |from: &RouteSt, to: &RouteSt| -> Vec<bool> {
            from.visits.iter().map(|u| may_join(ctx, to, u)).collect()
        };
        let (a_joins_b, b_joins_a) = (joins(ra, rb), joins(rb, ra));
        if !a_joins_b.contains(&true) || !b_joins_a.contains(&true) {
            return false;
        }
        let sb = Stops::of(ctx, rb);
        let places = |from: &RouteSt, may: &[bool], s: &Stops| -> Vec<Option<Vec<Place>>> {
            from.visits
                .iter()
                .zip(may)
                .map(|(u, &may)| may.then(|| cheapest(ctx, s, ctx.firm_point(u.firm))))
                .collect()
        };
        let (into_b, into_a) = (places(ra, &a_joins_b, &sb), places(rb, &b_joins_a, sa));
        let mut found: Vec<Exchange> = Vec::new();
        for (i, top_u) in into_b.iter().enumerate() {
            let Some(top_u) = top_u else { continue };
            let (u, out_a) = (ctx.firm_point(ra.visits[i].firm), sa.removal(i));
            for (j, top_v) in into_a.iter().enumerate() {
                let Some(top_v) = top_v else { continue };
                let v = ctx.firm_point(rb.visits[j].firm);
                let pu = cheapest_without(ctx, &sb, u, j, top_u);
                let pv = cheapest_without(ctx, sa, v, i, top_v);
                let km = pu.km + pv.km - out_a - sb.removal(j);
                if km * ctx.weights.travel_km < -MIN_GAIN {
                    found.push(Exchange {
                        km,
                        i,
                        j,
                        into_a: pv.at,
                        into_b: pu.at,
                    });
                }
            }
        }
        found.sort_by(|x, y| x.km.total_cmp(&y.km).then((x.i, x.j).cmp(&(y.i, y.j))));
        for e in found.into_iter().take(MAX_REPLAYS) {
            let va = exchanged(&ra.visits, e.i, &rb.visits[e.j], e.into_a);
            let vb = exchanged(&rb.visits, e.j, &ra.visits[e.i], e.into_b);
            if self.lists_gain(ra, &va, rb, &vb) < -MIN_GAIN {
                let owned = |l: Vec<&Bundle>| l.into_iter().cloned().collect::<Vec<Bundle>>();
                let (va, vb) = (owned(va), owned(vb));
                self.replace(a, va, b, vb);
                return true;
            }
        }
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::solve::local::tests::first_plan;
    use crate::solve::objective::evaluate;
    use crate::synth::{SynthParams, random_instance};

    /// SWAP* alone, from every route of first plans: each exchange it makes lowers the exact
    /// objective, keeps every visit, and the plan it leaves passes the independent checker.
    #[test]
    fn every_exchange_improves_and_the_plan_verifies() {
        let mut made = 0;
        for seed in 0..10 {
            let inst = random_instance(seed, &SynthParams::town());
            let mut ctx = Ctx::new(&inst);
            let mut sol = first_plan(&mut ctx);
            let ctx = &ctx;
            let mut before = evaluate(ctx, &sol);
            for a in 0..sol.routes.len() {
                let mut search = Search::new(ctx, &mut sol);
                if search.swap_star(a).is_none() {
                    continue;
                }
                made += 1;
                let after = evaluate(ctx, &sol);
                assert!(
                    after.total < before.total,
                    "seed {seed}: {after:?} vs {before:?}"
                );
                assert_eq!(after.visits, before.visits, "seed {seed}");
                before = after;
            }
            let report = crate::verify::verify_plan(&inst, &sol.to_plan(ctx));
            assert!(report.is_ok(), "seed {seed}: {report:?}");
        }
        assert!(made >= 5, "only {made} exchanges made on 10 first plans");
    }

    /// Every place `cheapest_without` picks costs what inserting there costs, and none of the
    /// places of the shorter route is cheaper (a brute force over every place); a removal
    /// saves what the two routes' lengths differ by.
    #[test]
    fn the_cheapest_place_without_a_visit_is_the_cheapest_of_all() {
        use rand::{Rng, SeedableRng};
        use rand_chacha::ChaCha8Rng;
        let inst = random_instance(5, &SynthParams::town());
        let ctx = Ctx::new(&inst);
        let points = ctx.inst.firms.len();
        let mut rng = ChaCha8Rng::seed_from_u64(7);
        let mut checked = 0;
        for _ in 0..300 {
            let n = rng.gen_range(1..12);
            let base = ctx.base_point(0);
            let mut s = vec![base];
            s.extend((0..n).map(|_| ctx.firm_point(rng.gen_range(0..points))));
            s.push(base);
            let x = ctx.firm_point(rng.gen_range(0..points));
            let j = rng.gen_range(0..n);
            let stops = Stops::through(&ctx, s.clone());
            let got = cheapest_without(&ctx, &stops, x, j, &cheapest(&ctx, &stops, x));
            let mut short = s.clone();
            short.remove(j + 1);
            let length = |p: &[usize]| p.windows(2).map(|w| ctx.km(w[0], w[1])).sum::<f64>();
            assert!((stops.removal(j) - (length(&s) - length(&short))).abs() < 1e-9);
            let cost = |at: usize| {
                ctx.km(short[at], x) + ctx.km(x, short[at + 1]) - ctx.km(short[at], short[at + 1])
            };
            let best = (0..short.len() - 1).map(cost).fold(f64::INFINITY, f64::min);
            assert!((got.km - cost(got.at)).abs() < 1e-9, "priced as placed");
            assert!((got.km - best).abs() < 1e-9, "{} vs best {best}", got.km);
            checked += 1;
        }
        assert_eq!(checked, 300);
    }
}
