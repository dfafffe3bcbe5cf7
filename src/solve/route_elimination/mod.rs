//! Provides route elimination, for plans in which a route out weighs at least as much as a
//! visit (the vehicles of VRPTW, or a county that prices a team-day that high): it empties a
//! route and finds its visits room in the routes left through a pool of ejected visits, after
//! the guided ejection search of Nagata and Bräysy (2009).
//!
//! Why: the search's repair puts a bundle only where room already is, so on tightly windowed
//! instances a route whose visits each fit nowhere else stays out, even where moving a few
//! other visits would make room for all of them. Before this step, `chayici solomon` at 10 s
//! kept one vehicle more than the best known on 20 of the 56 Solomon instances, most of them
//! in R1 and RC1 (BENCHMARKS.md).
//!
//! How: the emptied route's visits go into a pool. One at a time, last in first out, a visit
//! goes to its cheapest feasible place in a route still out. Where there is none, the visit's
//! failure count rises, and it goes in where taking out at most two other visits makes room,
//! choosing the visits with the smallest sum of failure counts (those that were seldom
//! trouble), shortest drive first among equals; those visits join the pool. A few random
//! relocations then shake the routes. When the pool is empty the route is gone and another is
//! tried. A route whose pool the budget leaves non-empty is given up, so the plan returned is
//! always one the plan started from or one with fewer routes, complete and feasible.
//!
//! It never opens a route or leaves a visit out, so a team's days never grow (`max_days`
//! holds) and nothing it returns is less scheduled. Every choice comes from one generator
//! seeded by the run's seed, so with a step budget the result is reproducible.
//!
//! The same pool also repairs some of the search's neighbours ([`repair`]): once the routes
//! are as few as elimination leaves them, regret insertion of the visits a neighbour removed
//! often finds no room for the last of them but a route of its own, and a neighbour with a
//! route more is never kept, so the search stood still on the long routes of R2 and RC2.

mod ejection;

use super::bundle::Bundle;
use super::context::Ctx;
use super::objective::evaluate;
use super::solution::Solution;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use std::sync::Arc;
use std::time::Instant;

/// Random relocations tried after each ejection: enough to change which visits block one
/// another, few enough that a route's work is not undone.
const SHAKES: usize = 20;

/// Work of elimination per search round in an iteration budget, in visits timed (a route of n
/// visits checked for one more, or timed without one or two of them, counts n); see
/// [`Budget::work`]. At the default 2,000 rounds this is about a fifth of a Solomon R1 or RC1
/// run's time (0.6 of 3 s) and a twentieth of an R2 run's, whose steps are slower.
pub(crate) const WORK_PER_ROUND: u64 = 50_000;

/// Share of the search's time that elimination may use in wall-clock mode: the rest shortens
/// the routes it leaves. On Solomon's 56 at 10 s, 0.2 and 0.4 reached the best-known vehicles
/// on the same 53, and 0.2 left a mean gap of 1.98 % against 2.13 % (BENCHMARKS.md).
pub(crate) const TIME_SHARE: f64 = 0.2;

/// Distinguishes elimination's random stream from the search rounds' streams.
const STREAM: u64 = 0x6572_6164_6963_6174;

/// True when routes come first: a route out weighs at least a visit, and the plan is made from
/// scratch (a replan's stability weights price every move, and it keeps its routes).
pub(crate) fn applies(ctx: &Ctx) -> bool {
    let w = &ctx.weights;
    ctx.locks.is_none() && w.route > 0.0 && w.route >= w.visit
}

/// How long elimination may run.
pub(crate) struct Budget {
    /// Visits timed, all routes together: a count of the work that does not depend on the
    /// machine, so that a budget of rounds gives the same plan everywhere, and that grows with
    /// the routes' length as the time does (a count of visits placed would take twenty times
    /// longer on the long routes of R2 than on those of R1).
    pub work: u64,
    /// When it must stop, if by the clock.
    pub deadline: Option<Instant>,
}

impl Budget {
    fn spent(&self, work: u64) -> bool {
        work >= self.work || self.deadline.is_some_and(|d| Instant::now() >= d)
    }
}

/// Empties routes of `sol` one after another until the budget is spent; returns the plan with
/// the routes emptied, which is `sol` itself when none could be. A plan with bundles left out
/// is returned as it is: room for those comes before fewer routes.
pub(crate) fn eliminate(ctx: &Ctx, sol: Solution, seed: u64, budget: &Budget) -> Solution {
    eliminate_until(ctx, sol, seed, budget, 1)
}

/// As [`eliminate`], but stops as soon as no more than `enough` routes are out: a kicked plan
/// ([`crate::solve::search`]) only needs to come back to the routes of the best plan, and
/// trying for fewer would spend the whole budget on every kick.
pub(crate) fn eliminate_until(
    ctx: &Ctx,
    sol: Solution,
    seed: u64,
    budget: &Budget,
    enough: usize,
) -> Solution {
    let mut best = sol;
    if !best.unassigned.is_empty() {
        return best;
    }
    let mut rng = ChaCha8Rng::seed_from_u64(seed ^ STREAM);
    let first_total = evaluate(ctx, &best).total;
    let mut best_total = first_total;
    let mut failures = vec![0u32; ctx.inst.firms.len()];
    let mut work = 0;
    // Routes with a visit that no other route out may take at all: never emptied.
    let mut hopeless = vec![false; best.routes.len()];
    while !budget.spent(work) {
        if best.routes.iter().filter(|r| !r.visits.is_empty()).count() <= enough {
            break;
        }
        let used: Vec<usize> = (0..best.routes.len())
            .filter(|&r| !best.routes[r].visits.is_empty() && !hopeless[r])
            .collect();
        if used.len() < 2 {
            break;
        }
        let r = used[rng.gen_range(0..used.len())];
        let mut trial = best.clone();
        let picks: Vec<(usize, usize)> =
            (0..trial.routes[r].visits.len()).map(|i| (r, i)).collect();
        let mut touched = vec![false; trial.routes.len()];
        let mut pool = trial.take(ctx, &picks, &mut touched);
        failures.fill(1);
        let mut run = Run {
            ctx,
            sol: &mut trial,
            failures: &mut failures,
            rng: &mut rng,
            work: &mut work,
            touched: &mut touched,
        };
        match run.empty_pool(&mut pool, budget) {
            Emptied::Yes => {}
            Emptied::OutOfBudget => break,
            Emptied::Never => {
                hopeless[r] = true;
                continue;
            }
        }
        let total = evaluate(ctx, &trial).total;
        if total < best_total {
            (best, best_total) = (trial, total);
        }
    }
    if best_total < first_total {
        let mut touched = vec![true; best.routes.len()];
        for route in &mut best.routes {
            Arc::make_mut(route).improve(ctx);
        }
        super::local::educate(ctx, &mut best, &mut touched);
    }
    best
}

/// Puts `bundles` into the routes of `sol` already out, making room by ejections as
/// elimination does, until `work` visits are timed (see [`Budget::work`]); marks the routes
/// it changes in `touched` and returns the bundles still to place, for regret insertion.
///
/// It never opens a route, so it keeps the routes as few as they are; a neighbour that needs
/// one more gets it from regret insertion afterwards, as before.
pub(crate) fn repair(
    ctx: &Ctx,
    sol: &mut Solution,
    mut pool: Vec<Bundle>,
    rng: &mut ChaCha8Rng,
    touched: &mut [bool],
    work: u64,
) -> Vec<Bundle> {
    let mut failures = vec![1u32; ctx.inst.firms.len()];
    let mut spent = 0;
    let budget = Budget {
        work,
        deadline: None,
    };
    let mut run = Run {
        ctx,
        sol,
        failures: &mut failures,
        rng,
        work: &mut spent,
        touched,
    };
    match run.empty_pool(&mut pool, &budget) {
        Emptied::Yes => Vec::new(),
        Emptied::OutOfBudget | Emptied::Never => pool,
    }
}

/// How one route's elimination ended.
enum Emptied {
    /// Every visit found room elsewhere.
    Yes,
    /// The budget ran out first.
    OutOfBudget,
    /// A visit has no route out but its own that may take it, whatever moves.
    Never,
}

/// The state of one route's elimination.
struct Run<'a, 'c> {
    ctx: &'a Ctx<'c>,
    sol: &'a mut Solution,
    /// Per firm, how often a visit there found no room since this route was emptied.
    failures: &'a mut [u32],
    rng: &'a mut ChaCha8Rng,
    /// Visits timed so far ([`Budget::work`]).
    work: &'a mut u64,
    /// Marks the routes changed.
    touched: &'a mut [bool],
}

impl Run<'_, '_> {
    /// Places the pool's visits; what is not placed when it stops is left in the pool.
    fn empty_pool(&mut self, pool: &mut Vec<Bundle>, budget: &Budget) -> Emptied {
        while let Some(b) = pool.pop() {
            if budget.spent(*self.work) {
                pool.push(b);
                return Emptied::OutOfBudget;
            }
            // At least one unit a step, so that a visit no route can take spends the budget.
            *self.work += 1;
            // The bundle's candidates depend on its tasks alone, so one list serves every try.
            let routes = b.candidate_routes(self.ctx);
            let Some(b) = self.insert_cheapest(b, &routes) else {
                continue;
            };
            self.failures[b.firm] += 1;
            let ejection =
                ejection::cheapest(self.ctx, self.sol, &b, &routes, self.failures, self.work);
            match ejection {
                Some(e) => {
                    self.touched[e.route] = true;
                    pool.extend(e.apply(self.ctx, self.sol, b));
                    self.shake();
                }
                None if !self.may_go_anywhere(&b, &routes) => {
                    pool.push(b);
                    return Emptied::Never;
                }
                // Tried again once the rest of the pool has moved the routes.
                None => pool.insert(0, b),
            }
        }
        Emptied::Yes
    }

    /// True when one of `routes` (`b`'s candidates) is out and not at `b`'s firm.
    fn may_go_anywhere(&self, b: &Bundle, routes: &[usize]) -> bool {
        routes
            .iter()
            .any(|&r| ejection::open_to(&self.sol.routes[r], b))
    }

    /// Puts `b` at its cheapest feasible place in one of `routes` (its candidates) already
    /// out, or gives it back.
    fn insert_cheapest(&mut self, b: Bundle, routes: &[usize]) -> Option<Bundle> {
        let best = routes
            .iter()
            .copied()
            .filter(|&r| !self.sol.routes[r].visits.is_empty())
            .filter_map(|r| {
                *self.work += self.sol.routes[r].visits.len() as u64 + 1;
                Some((r, self.sol.routes[r].best_insertion(self.ctx, &b)?))
            })
            .reduce(|a, c| if c.1.cost < a.1.cost { c } else { a });
        match best {
            Some((r, ins)) => {
                Arc::make_mut(&mut self.sol.routes[r]).apply(self.ctx, b, ins.place);
                self.touched[r] = true;
                None
            }
            None => Some(b),
        }
    }

    /// Moves [`SHAKES`] random visits, each to its cheapest place in a random other route out
    /// that can take it; a route this empties is one fewer.
    fn shake(&mut self) {
        for _ in 0..SHAKES {
            if self.sol.visits() == 0 {
                return;
            }
            let (from, i) = super::solution::random_visit(self.sol, self.rng);
            let b = &self.sol.routes[from].visits[i];
            let targets: Vec<usize> = b
                .candidate_routes(self.ctx)
                .into_iter()
                .filter(|&r| r != from && !self.sol.routes[r].visits.is_empty())
                .collect();
            if targets.is_empty() {
                continue;
            }
            let to = targets[self.rng.gen_range(0..targets.len())];
            *self.work += self.sol.routes[to].visits.len() as u64 + 1;
            let Some(ins) = self.sol.routes[to].best_insertion(self.ctx, b) else {
                continue;
            };
            let b = Arc::make_mut(&mut self.sol.routes[from]).remove(self.ctx, i);
            Arc::make_mut(&mut self.sol.routes[to]).apply(self.ctx, b, ins.place);
            self.touched[from] = true;
            self.touched[to] = true;
        }
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::model::Instance;
    use crate::solve::insert::first_plan;
    use crate::synth::{SynthParams, random_instance};

    /// A town whose team-days weigh like a visit, so routes come first.
    pub(crate) fn town(seed: u64) -> Instance {
        let mut inst = random_instance(seed, &SynthParams::town());
        inst.settings.weights.route = inst.settings.weights.visit;
        inst
    }

    fn used(sol: &Solution) -> usize {
        sol.routes.iter().filter(|r| !r.visits.is_empty()).count()
    }

    #[test]
    fn elimination_empties_routes_loses_nothing_verifies_and_repeats_itself() {
        let mut emptied = 0;
        for seed in 0..6 {
            let inst = town(seed);
            let mut ctx = Ctx::new(&inst);
            assert!(applies(&ctx));
            let sol = first_plan(&mut ctx);
            let budget = Budget {
                work: 300_000,
                deadline: None,
            };
            let done = eliminate(&ctx, sol.clone(), 7, &budget);
            assert_eq!(
                done.sorted_tasks(),
                sol.sorted_tasks(),
                "seed {seed}: tasks changed"
            );
            let removed = used(&sol) - used(&done);
            if sol.unassigned.is_empty() {
                assert!(evaluate(&ctx, &done).total <= evaluate(&ctx, &sol).total);
            } else {
                assert_eq!(removed, 0, "seed {seed}: routes before room");
            }
            let report = crate::verify::verify_plan(&inst, &done.to_plan(&ctx));
            assert!(report.is_ok(), "seed {seed}: {report:?}");
            let again = eliminate(&ctx, sol.clone(), 7, &budget);
            assert_eq!(
                format!("{:?}", again.to_plan(&ctx)),
                format!("{:?}", done.to_plan(&ctx)),
                "seed {seed}: not reproducible"
            );
            emptied += removed;
        }
        assert!(emptied >= 3, "only {emptied} routes emptied over 6 towns");
    }

    fn firms(sol: &Solution, r: usize) -> Vec<usize> {
        sol.routes[r].visits.iter().map(|v| v.firm).collect()
    }

    /// Removes up to ten random visits of the first plan and repairs them through the pool.
    fn removed_and_repaired(
        ctx: &Ctx,
        sol: &Solution,
        seed: u64,
    ) -> (Solution, Vec<Bundle>, Vec<bool>, usize) {
        let mut rng = ChaCha8Rng::seed_from_u64(seed);
        let mut trial = sol.clone();
        let picks: Vec<(usize, usize)> = (0..10)
            .map(|_| crate::solve::solution::random_visit(&trial, &mut rng))
            .collect();
        let mut touched = vec![false; trial.routes.len()];
        let removed = trial.take(ctx, &picks, &mut touched);
        let out = used(&trial);
        let rest = repair(ctx, &mut trial, removed, &mut rng, &mut touched, 1_000_000);
        (trial, rest, touched, out)
    }

    #[test]
    fn repair_never_opens_a_route_loses_nothing_marks_what_it_changes_and_verifies() {
        let mut placed_all = 0;
        for seed in 0..6 {
            let inst = town(seed);
            let mut ctx = Ctx::new(&inst);
            let sol = first_plan(&mut ctx);
            let (mut trial, rest, mut touched, out) = removed_and_repaired(&ctx, &sol, seed);
            assert!(used(&trial) <= out, "seed {seed}: a route opened");
            let mut after = trial.sorted_tasks();
            after.extend(rest.iter().flat_map(|b| b.tasks.iter().copied()));
            after.sort_unstable();
            assert_eq!(after, sol.sorted_tasks(), "seed {seed}: tasks changed");
            for r in (0..sol.routes.len()).filter(|&r| !touched[r]) {
                assert_eq!(
                    firms(&trial, r),
                    firms(&sol, r),
                    "seed {seed}: route {r} unmarked"
                );
            }
            placed_all += usize::from(rest.is_empty());
            let (again, rest_again, _, _) = removed_and_repaired(&ctx, &sol, seed);
            assert_eq!(
                format!("{:?}", again.to_plan(&ctx)),
                format!("{:?}", trial.to_plan(&ctx)),
                "seed {seed}: not reproducible"
            );
            assert_eq!(rest_again.len(), rest.len());
            crate::solve::insert::insert(&ctx, &mut trial, rest, &mut touched);
            let report = crate::verify::verify_plan(&inst, &trial.to_plan(&ctx));
            assert!(report.is_ok(), "seed {seed}: {report:?}");
        }
        assert!(
            placed_all >= 3,
            "the pool placed every removed visit in only {placed_all} of 6"
        );
    }

    #[test]
    fn elimination_does_not_apply_where_team_days_are_traded_against_kilometres() {
        let inst = random_instance(1, &SynthParams::town());
        assert!(!applies(&Ctx::new(&inst)));
    }
}
