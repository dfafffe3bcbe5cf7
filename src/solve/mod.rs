//! Provides the planner: bundles of tasks, regret construction, and a parallel, reproducible
//! large neighbourhood search over routes and days.
//!
//! # Algorithm
//!
//! 1. **Bundles.** The merge graph ([`crate::graph::visit_bounds`]) partitions each firm's
//!    tasks into the fewest groups that can each be one visit; each group becomes a bundle,
//!    the unit the planner moves around. A bundle that no team can do alone on any day once
//!    driving is counted is regrouped first-fit. Tasks that can never be scheduled are set
//!    aside with the graph's reason.
//! 2. **Construction.** Regret insertion of the bundles into (team, day, position), mandatory
//!    bundles first: a bundle goes either in as a new visit or into the route's visit at the
//!    same firm. A bundle that fits nowhere is split into tasks; a task that fits nowhere is
//!    unscheduled for lack of capacity. Each route is then shortened by 2-opt, or-opt and
//!    exchange moves. Timing starts every visit as early as possible and caches latest starts,
//!    so a check is O(1) per position.
//! 3. **Search.** Each round builds a fixed number of neighbours in parallel — remove visits
//!    (random, related by distance, worst detour, whole team-days, regroup a firm entered
//!    twice, split a bundle), reinsert them by regret together with every unassigned bundle,
//!    shorten the changed routes — and accepts the round's best by record-to-record travel.
//!    Every random choice comes from a generator seeded by (seed, round, neighbour), and
//!    neighbours are compared in a fixed order, so the plan is byte-identical for any thread
//!    count. Only a wall-clock limit makes a run irreproducible.
//!
//!    Where a team-day weighs at least a visit (the vehicles of VRPTW), the search starts by
//!    emptying routes one after another through a pool of ejected visits
//!    ([`route_elimination`]), for a share of its time or an amount of work per round, since
//!    repair alone seldom closes a route whose visits each fit nowhere as the routes stand.
//!    With routes that few, regret repair mostly put the removed visits back where they were
//!    or needed a route more, so there a share of the neighbours is repaired through the same
//!    pool and half the other repairs are greedy with blinks; and everywhere a round passes
//!    over neighbours that are the current plan back.
//!
//!    Where a team-day weighs less than a visit (traded against kilometres, as in a county),
//!    the first plan and the first half of the search weigh team-days at zero, and the rest
//!    weighs them in full with one more operator, which sends a visit out on a day nobody
//!    works yet for repair to fill ([`search::WARM_UP_SHARE`] says why). The best plan at the
//!    full weights met in the first half is kept as the rest's incumbent.
//!
//! **Deadline.** In wall-clock mode construction, search and set partitioning share one
//! deadline (the command sets it from its own start, so reading the workspace counts too).
//! The search stops early enough to leave set partitioning a share of what is left
//! ([`stop::search_deadline`]); construction that reaches the deadline stops, and the bundles
//! it had not yet tried are unscheduled with the reason [`Reason::TimeLimit`].
//!
//! The objective is lexicographic in practice through its weights
//! ([`crate::model::ObjectiveWeights`]): unscheduled tasks by priority, then visits, then road
//! kilometres, then the spread between the busiest and the idlest team's working minutes
//! (driving plus on site, over the horizon, among teams that work at least one day).
//!
//! **Rules.** What a plan must respect (task windows and working days, shifts and their lunch
//! breaks, opening hours, department coverage, daily capacity) is checked through [`rules`],
//! one file per rule with its reason, and the weights above are applied by
//! [`rules::weights::weigh`] alone; construction, search and the MILP all go through them.

mod bundle;
mod construct;
mod context;
mod insert;
mod keep;
mod local;
pub mod milp;
mod objective;
pub(crate) mod parallel;
mod pool;
mod route;
mod route_elimination;
mod rules;
mod search;
mod solution;
mod stop;

pub use keep::{Keep, KeptRoute};
pub use parallel::with_threads;

use crate::model::{Instance, Plan, Reason, Unscheduled};
use std::time::{Duration, Instant};

/// How long and how the planner searches.
#[derive(Debug, Clone, PartialEq)]
pub struct SolveParams {
    /// Seed of every random choice.
    pub seed: u64,
    /// Improvement rounds (each builds a fixed number of neighbours); the default budget keeps a
    /// plain run reproducible.
    pub iterations: u64,
    /// Wall-clock limit, counted from the call when `deadline` is not set; when set the run
    /// stops at the limit, ignores `iterations` and is not reproducible.
    pub time_limit: Option<Duration>,
    /// The instant by which construction, search and set partitioning must all end; it
    /// overrides `time_limit`, so a caller can count the time spent before the call.
    pub deadline: Option<Instant>,
    /// Worker threads; 0 means one per core. The plan does not depend on it.
    pub threads: usize,
}

impl Default for SolveParams {
    fn default() -> Self {
        Self {
            seed: 1,
            iterations: 2_000,
            time_limit: None,
            deadline: None,
            threads: 0,
        }
    }
}

/// A stage of the planner, for progress reports and timings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    /// Bundles and the first plan.
    Construction,
    /// The large neighbourhood search.
    Search,
    /// Set partitioning over the routes met.
    SetPartitioning,
}

impl Phase {
    /// The name run.json records.
    pub fn name(self) -> &'static str {
        match self {
            Phase::Construction => "construction",
            Phase::Search => "search",
            Phase::SetPartitioning => "set_partitioning",
        }
    }
}

/// How long one stage took.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PhaseTime {
    /// The stage.
    pub phase: Phase,
    /// Wall-clock seconds it took.
    pub seconds: f64,
}

/// What the planner reports while it runs, for a progress bar.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Progress {
    /// The stage running.
    pub phase: Phase,
    /// Iterations done.
    pub iteration: u64,
    /// Iteration budget (0 in wall-clock mode).
    pub budget: u64,
    /// Objective of the best plan so far.
    pub best_objective: f64,
}

/// The parts of the objective, each reported apart.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize)]
pub struct ObjectiveParts {
    /// Unscheduled mandatory tasks (those that can never be scheduled included).
    pub unscheduled_mandatory: usize,
    /// Unscheduled normal-priority tasks.
    pub unscheduled_normal: usize,
    /// Unscheduled low-priority tasks.
    pub unscheduled_low: usize,
    /// Number of visits.
    pub visits: usize,
    /// Team-day routes with at least one visit (vehicles, in VRPTW terms).
    pub routes: usize,
    /// Road kilometres driven.
    pub travel_km: f64,
    /// Driving minutes (not weighted: travel is weighted by kilometres).
    pub travel_minutes: u32,
    /// Busiest minus idlest team's total working minutes (driving plus on site).
    pub workload_spread_minutes: u32,
    /// Sum over teams of each team's distance from the mean workload, in minutes: the part
    /// the balance weight applies to.
    pub workload_deviation_minutes: u32,
    /// Tasks a replan gives another team or day than the plan it starts from (written only
    /// for a replan).
    #[serde(skip_serializing_if = "is_zero")]
    pub moved_tasks: usize,
    /// Visits of a replan that are not exactly a visit of the plan it starts from.
    #[serde(skip_serializing_if = "is_zero")]
    pub changed_visits: usize,
    /// Weighted sum of the parts.
    pub total: f64,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

/// The planner's result.
#[derive(Debug, Clone)]
pub struct SolveOutcome {
    /// The best plan found.
    pub plan: Plan,
    /// Its objective, part by part.
    pub objective: ObjectiveParts,
    /// Improvement iterations done.
    pub iterations: u64,
    /// What the MILP did, when it ran.
    pub milp: Option<milp::MilpReport>,
    /// How long each stage took, in order; a stage the deadline left no time for is absent.
    pub phases: Vec<PhaseTime>,
    /// Tasks left unscheduled because the deadline stopped construction before it tried them
    /// (their reason is [`Reason::TimeLimit`]).
    pub timed_out: usize,
}

/// Plans the instance: every task ends in exactly one visit or in the unscheduled list.
///
/// `progress` is called from the calling thread now and then (not every iteration) with the
/// best objective so far.
pub fn solve(
    inst: &Instance,
    params: &SolveParams,
    progress: &(dyn Fn(Progress) + Sync),
) -> SolveOutcome {
    solve_with_milp(inst, params, None, progress)
}

/// Plans the instance like [`solve`], then, with `milp`, picks the best combination of the
/// routes the search met by set partitioning ([`milp`]); the plan is never worse for it.
pub fn solve_with_milp(
    inst: &Instance,
    params: &SolveParams,
    milp: Option<&milp::MilpParams>,
    progress: &(dyn Fn(Progress) + Sync),
) -> SolveOutcome {
    // The bounds run in the planner's pool too, so `threads` bounds all of the work.
    let workers = parallel::Workers::new(params.threads);
    let bounds = workers.install(|| crate::graph::visit_bounds(inst));
    plan_with(inst, &bounds, None, params, milp, progress, &workers)
}

/// Plans the instance like [`solve_with_milp`] from bounds the caller has already computed
/// with [`crate::graph::visit_bounds`] for this instance (seconds at city scale, and callers
/// report them anyway).
pub fn solve_with_bounds(
    inst: &Instance,
    bounds: &crate::graph::VisitBounds,
    params: &SolveParams,
    milp: Option<&milp::MilpParams>,
    progress: &(dyn Fn(Progress) + Sync),
) -> SolveOutcome {
    solve_inner(inst, bounds, None, params, milp, progress)
}

/// Replans the instance like [`solve_with_bounds`], keeping what `keep` says of the plan it
/// starts from ([`keep`]): the fixed routes as they are, and every other visit where it was
/// unless a change pays for its stability weights.
///
/// `inst` is the replan's instance, in which no team works before the replanning date and no
/// window starts before it; `bounds` are computed for it.
pub fn solve_keeping(
    inst: &Instance,
    bounds: &crate::graph::VisitBounds,
    keep: Keep,
    params: &SolveParams,
    milp: Option<&milp::MilpParams>,
    progress: &(dyn Fn(Progress) + Sync),
) -> SolveOutcome {
    solve_inner(inst, bounds, Some(keep), params, milp, progress)
}

fn solve_inner(
    inst: &Instance,
    bounds: &crate::graph::VisitBounds,
    keep: Option<Keep>,
    params: &SolveParams,
    milp: Option<&milp::MilpParams>,
    progress: &(dyn Fn(Progress) + Sync),
) -> SolveOutcome {
    let workers = parallel::Workers::new(params.threads);
    plan_with(inst, bounds, keep, params, milp, progress, &workers)
}

/// Empties what routes [`route_elimination`] can before the search: within its share of the
/// time left before `search_by`, or its work per round of the budget; the routes it leaves go
/// to the set-partitioning pool too.
fn eliminate_routes(
    ctx: &context::Ctx,
    initial: solution::Solution,
    params: &SolveParams,
    search_by: Option<Instant>,
    pool: Option<&mut pool::RoutePool>,
) -> solution::Solution {
    let budget = route_elimination::Budget {
        work: match search_by {
            Some(_) => u64::MAX,
            None => params
                .iterations
                .saturating_mul(route_elimination::WORK_PER_ROUND),
        },
        deadline: search_by.map(|d| {
            let now = Instant::now();
            now + d
                .saturating_duration_since(now)
                .mul_f64(route_elimination::TIME_SHARE)
        }),
    };
    let done = route_elimination::eliminate(ctx, initial, params.seed, &budget);
    if let Some(pool) = pool {
        pool.offer_solution(&done, false);
    }
    done
}

/// The planner proper: everything it runs in parallel (the planning context included) runs
/// on `workers`' pool, while the rounds are driven from the calling thread.
fn plan_with(
    inst: &Instance,
    bounds: &crate::graph::VisitBounds,
    keep: Option<Keep>,
    params: &SolveParams,
    milp: Option<&milp::MilpParams>,
    progress: &(dyn Fn(Progress) + Sync),
    workers: &parallel::Workers,
) -> SolveOutcome {
    let deadline = stop::run_deadline(params);
    let mut phases = Vec::new();
    let mut clock = Instant::now();
    let mut lap = |phase: Phase, phases: &mut Vec<PhaseTime>| {
        let now = Instant::now();
        phases.push(PhaseTime {
            phase,
            seconds: (now - clock).as_secs_f64(),
        });
        clock = now;
    };
    let budget = if deadline.is_some() {
        0
    } else {
        params.iterations
    };
    let at = |phase: Phase, iteration: u64, best_objective: f64| Progress {
        phase,
        iteration,
        budget,
        best_objective,
    };
    // No objective before the first plan: reports of the best objective never increase.
    progress(at(Phase::Construction, 0, f64::INFINITY));
    let mut ctx = workers.install(|| context::Ctx::new(inst));
    ctx.locks = keep.map(|k| keep::Locks::new(&ctx, k));
    let mut start = solution::Solution::empty(&ctx);
    let (mut taken, left) = keep::warm_start(&ctx, &mut start);
    if let Some(l) = &ctx.locks {
        left.iter()
            .flat_map(|b| &b.tasks)
            .for_each(|&t| taken[t] = true);
        for (t, x) in taken.iter_mut().enumerate() {
            *x |= l.is_fixed(t);
        }
    }
    let (mut bundles, fixed) = bundle::initial_bundles_from(&ctx, bounds, &taken);
    ctx.fixed = fixed;
    bundles.extend(left);
    // The first plan is built at the search's first weights: with team-days free, it spreads
    // over the days that shorten the drives (see `search::WARM_UP_SHARE`). Without a search
    // it is the plan, and is built at the plan's own weights.
    let full = ctx.weights.clone();
    let searches = deadline.is_some() || params.iterations > 0;
    let warm = search::warm_up_weights(&ctx).filter(|_| searches);
    if let Some(w) = &warm {
        ctx.weights = w.clone();
    }
    let (initial, untried) =
        workers.install(|| construct::construct(&ctx, start, bundles, deadline, workers));
    lap(Phase::Construction, &mut phases);
    let mut pool = milp.map(|m| {
        let mut pool = pool::RoutePool::new(m.pool_capacity);
        pool.offer_solution(&initial, false);
        pool
    });
    let passed = |d: Option<Instant>| d.is_some_and(|d| Instant::now() >= d);
    let (best, iterations) = if passed(deadline) {
        ctx.weights = full;
        (initial, 0)
    } else {
        let search_by = deadline.map(|d| stop::search_deadline(d, milp.map(|m| m.time_limit)));
        let first = objective::evaluate(&ctx, &initial);
        progress(at(
            Phase::Search,
            0,
            search::shown_total(&ctx, &first, full.route),
        ));
        let initial = if route_elimination::applies(&ctx) {
            eliminate_routes(&ctx, initial, params, search_by, pool.as_mut())
        } else {
            initial
        };
        let mut run = |ctx: &context::Ctx, initial, stage: &search::Stage| {
            search::run(
                ctx,
                initial,
                params,
                stage,
                progress,
                workers,
                pool.as_mut(),
            )
        };
        let (mut initial, mut first_round, mut incumbent) = (initial, 0, None);
        if warm.is_some() {
            let found = run(
                &ctx,
                initial,
                &search::Stage::free(params, search_by, full.route),
            );
            (initial, first_round, incumbent) = (found.best, found.rounds, Some(found.best_shown));
        }
        ctx.weights = full;
        let stage = search::Stage {
            first_round,
            end_round: None,
            deadline: search_by,
            shown_team_day: ctx.weights.route,
            incumbent,
            open_days: warm.is_some(),
        };
        let found = run(&ctx, initial, &stage);
        lap(Phase::Search, &mut phases);
        (found.best, found.rounds)
    };
    let mut cost = objective::evaluate(&ctx, &best);
    let (mut best, mut report) = (best, None);
    if let (Some(m), Some(pool)) = (milp, pool.as_mut())
        && !passed(deadline)
    {
        progress(at(Phase::SetPartitioning, iterations, cost.total));
        let (sol, c, r) = milp::improve(&ctx, best, cost, pool, m, deadline, workers);
        (best, cost, report) = (sol, c, Some(r));
        lap(Phase::SetPartitioning, &mut phases);
    }
    if ctx.locks.is_some() {
        keep::restore_orders(&ctx, &mut best);
        cost = objective::evaluate(&ctx, &best);
    }
    let mut plan = best.to_plan(&ctx);
    let timed_out = untried.iter().map(|b| b.tasks.len()).sum();
    if timed_out > 0 {
        // Counted like any unscheduled task of its priority, so the objective stays that of
        // the plan written.
        let mut with_untried = best.clone();
        with_untried.unassigned.extend(untried.iter().cloned());
        cost = objective::evaluate(&ctx, &with_untried);
        plan.unscheduled.extend(
            untried
                .iter()
                .flat_map(|b| &b.tasks)
                .map(|&task| Unscheduled {
                    task,
                    reason: Reason::TimeLimit,
                }),
        );
        plan.unscheduled.sort_by_key(|u| u.task);
    }
    SolveOutcome {
        objective: cost,
        plan,
        iterations,
        milp: report,
        phases,
        timed_out,
    }
}
