//! Provides what a replan keeps of the plan it starts from (`plan --keep OLD --from DATE`):
//! the routes before the replanning date, fixed as they were, and where the old plan had each
//! later task, so that the planner starts from there and pays for every change.
//!
//! **Fixed routes** are outside the search: their days have no route the planner may fill
//! (the replan's instance lets no team work before the date), their tasks are neither bundled
//! nor left unscheduled, and they are added to the plan and to every figure of the objective as
//! constants. A fixed route whose visits are those the old plan published keeps its published
//! times; one that lost tasks (not done, vanished from the plans) is timed again in the same
//! order.
//!
//! **Stability.** A task on another team or day than before costs
//! [`ObjectiveWeights::moved_task`](crate::model::ObjectiveWeights), and a visit whose tasks are
//! not exactly those of one old visit of the same team and day costs
//! [`ObjectiveWeights::changed_visit`](crate::model::ObjectiveWeights). Both are sums over
//! routes, so insertion, the search's objective and the MILP's columns count them alike. The
//! order of a route and its times cost nothing: instead, a route that ends with the same visits
//! as before gets its old order back ([`restore_orders`]), so a team whose day did not change
//! gets the same sheet.

use super::bundle::Bundle;
use super::context::Ctx;
use super::route::{RouteSt, fits};
use super::rules::max_days::MaxDays;
use super::solution::{Solution, route_of};
use crate::model::{DayIndex, Instance, Route, TaskIndex, TeamIndex};
use std::sync::Arc;

/// One team-day of the plan a replan starts from, in the replan's indices.
#[derive(Debug, Clone, PartialEq)]
pub struct KeptRoute {
    /// The team.
    pub team: TeamIndex,
    /// The day.
    pub day: DayIndex,
    /// Each visit's tasks (all of one firm), in driving order; visits left empty are skipped.
    pub visits: Vec<Vec<TaskIndex>>,
    /// The route as the old plan published it, when its visits are exactly `visits`: kept with
    /// its times.
    pub as_was: Option<Route>,
}

/// What a replan keeps of the plan it starts from.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Keep {
    /// Routes before the replanning date: fixed.
    pub fixed: Vec<KeptRoute>,
    /// Routes on and after it: where the planner starts, paying for each change.
    pub previous: Vec<KeptRoute>,
}

/// Where the old plan had a task: its team, day and visit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Was {
    team: u32,
    day: u32,
    visit: u32,
}

/// The planner's view of a [`Keep`].
#[derive(Debug, Clone)]
pub(crate) struct Locks {
    /// Tasks done in a fixed route.
    fixed_task: Vec<bool>,
    /// The fixed routes with their times, sorted by (day, team).
    pub fixed_routes: Vec<Route>,
    /// Visits, routes, kilometres and driving minutes of the fixed routes.
    pub past_visits: usize,
    pub past_routes: usize,
    pub past_km: f64,
    pub past_drive: u32,
    /// Each team's workload (driving plus on site) in the fixed routes.
    pub past_load: Vec<u32>,
    /// Where the old plan had each task from the replanning date on.
    was: Vec<Option<Was>>,
    /// Tasks of each old visit.
    visit_size: Vec<u32>,
    /// The old routes from the replanning date on.
    pub previous: Vec<KeptRoute>,
}

impl Locks {
    /// The locks of `keep` for the instance `ctx` plans.
    pub fn new(ctx: &Ctx, keep: Keep) -> Self {
        let inst = ctx.inst;
        let mut fixed_task = vec![false; inst.tasks.len()];
        let mut fixed_routes: Vec<Route> = keep
            .fixed
            .iter()
            .filter_map(|k| {
                k.visits
                    .iter()
                    .flatten()
                    .for_each(|&t| fixed_task[t] = true);
                timed(ctx, k)
            })
            .collect();
        fixed_routes.sort_by_key(|r| (r.day, r.team));
        let mut past_load = vec![0u32; inst.teams.len()];
        let (mut past_km, mut past_drive) = (0.0, 0u32);
        for r in &fixed_routes {
            let (km, drive) = driven(inst, r);
            past_km += km;
            past_drive += drive;
            let onsite: u32 = r.visits.iter().map(|v| v.end - v.start).sum();
            past_load[r.team] += drive + onsite;
        }
        let mut was = vec![None; inst.tasks.len()];
        let mut visit_size = Vec::new();
        for k in &keep.previous {
            for tasks in &k.visits {
                let visit = visit_size.len() as u32;
                visit_size.push(tasks.len() as u32);
                for &t in tasks {
                    was[t] = Some(Was {
                        team: k.team as u32,
                        day: k.day as u32,
                        visit,
                    });
                }
            }
        }
        Self {
            fixed_task,
            past_visits: fixed_routes.iter().map(|r| r.visits.len()).sum(),
            past_routes: fixed_routes.len(),
            fixed_routes,
            past_km,
            past_drive,
            past_load,
            was,
            visit_size,
            previous: keep.previous,
        }
    }

    /// True when `task` is done in a fixed route.
    pub fn is_fixed(&self, task: TaskIndex) -> bool {
        self.fixed_task[task]
    }

    /// Tasks of `tasks` the old plan had on another team or day than (`team`, `day`).
    pub fn moved(&self, tasks: &[TaskIndex], team: TeamIndex, day: DayIndex) -> usize {
        tasks
            .iter()
            .filter(|&&t| {
                self.was[t].is_some_and(|w| (w.team as usize, w.day as usize) != (team, day))
            })
            .count()
    }

    /// True when `tasks` are exactly the tasks of one old visit of (`team`, `day`).
    pub fn unchanged(&self, tasks: &[TaskIndex], team: TeamIndex, day: DayIndex) -> bool {
        let Some(w) = tasks.first().and_then(|&t| self.was[t]) else {
            return false;
        };
        (w.team as usize, w.day as usize) == (team, day)
            && self.visit_size[w.visit as usize] as usize == tasks.len()
            && tasks.iter().all(|&t| self.was[t] == Some(w))
    }

    /// Moved tasks and changed visits of a route of `team` on `day` holding `visits`.
    pub fn route_changes<'v>(
        &self,
        team: TeamIndex,
        day: DayIndex,
        visits: impl IntoIterator<Item = &'v [TaskIndex]>,
    ) -> (usize, usize) {
        let (mut moved, mut changed) = (0, 0);
        for tasks in visits {
            moved += self.moved(tasks, team, day);
            changed += usize::from(!self.unchanged(tasks, team, day));
        }
        (moved, changed)
    }
}

/// Road kilometres and driving minutes of a route, base to base.
fn driven(inst: &Instance, r: &Route) -> (f64, u32) {
    use crate::model::Place;
    let mut at = Place::Base(r.team);
    let (mut km, mut minutes) = (0.0, 0);
    for p in r
        .visits
        .iter()
        .map(|v| Place::Firm(v.firm))
        .chain(std::iter::once(Place::Base(r.team)))
    {
        km += inst.travel_km(at, p);
        minutes += inst.travel_minutes(at, p);
        at = p;
    }
    (km, minutes)
}

/// A fixed route with its times: as published when it is unchanged, else timed again in the
/// same order. A route that can no longer be timed (the workspace changed under it) keeps its
/// published times for the visits left, so that the checker reports what no longer holds.
fn timed(ctx: &Ctx, k: &KeptRoute) -> Option<Route> {
    if k.visits.is_empty() {
        return None;
    }
    if let Some(r) = &k.as_was {
        return Some(r.clone());
    }
    let bundles: Vec<Bundle> = k
        .visits
        .iter()
        .map(|tasks| Bundle::new(ctx.inst, ctx.inst.tasks[tasks[0]].firm, tasks.clone()))
        .collect();
    if !fits(ctx, k.team, bundles.iter()) {
        return None;
    }
    let mut r = RouteSt::new(k.team, k.day);
    r.visits = bundles;
    r.refresh(ctx);
    Some(route_of(ctx, &r))
}

/// Places the old plan's visits from the replanning date on where they were, in their order,
/// each where it still fits; returns the tasks placed and, as bundles for regret insertion,
/// the old visits' tasks that no longer fit there.
pub(crate) fn warm_start(ctx: &Ctx, sol: &mut Solution) -> (Vec<bool>, Vec<Bundle>) {
    let inst = ctx.inst;
    let mut placed = vec![false; inst.tasks.len()];
    let mut left = Vec::new();
    let Some(locks) = &ctx.locks else {
        return (placed, left);
    };
    // A team's `max_days` holds here too: an old route is only opened while the team has days
    // left, the fixed routes counted.
    let caps = MaxDays::caps(ctx);
    let mut used = MaxDays::used(ctx, sol);
    for k in &locks.previous {
        let may_open = MaxDays::may_open(&caps, k.team, used[k.team]);
        let bundles: Vec<Bundle> = k
            .visits
            .iter()
            .filter_map(|tasks| {
                let tasks: Vec<TaskIndex> = tasks
                    .iter()
                    .copied()
                    .filter(|&t| !locks.is_fixed(t) && !placed[t])
                    .collect();
                let &first = tasks.first()?;
                Some(Bundle::new(inst, inst.tasks[first].firm, tasks))
            })
            .collect();
        // The whole route in its old order, when it still fits: placing its visits one by
        // one at their cheapest positions can block the last of a tight day.
        if let Some(r) = ctx.slot(k.day, k.team)
            && sol.routes[r].visits.is_empty()
            && may_open
            && !bundles.is_empty()
            && whole_route_fits(ctx, k.team, k.day, &bundles)
        {
            used[k.team] += 1;
            bundles
                .iter()
                .flat_map(|b| &b.tasks)
                .for_each(|&t| placed[t] = true);
            let route = Arc::make_mut(&mut sol.routes[r]);
            route.visits = bundles;
            route.refresh(ctx);
            continue;
        }
        for b in bundles {
            let fits = ctx.slot(k.day, k.team).and_then(|r| {
                let route = &sol.routes[r];
                if route.visits.is_empty() && !MaxDays::may_open(&caps, k.team, used[k.team]) {
                    return None;
                }
                let allowed = super::rules::team_may(ctx, k.team, &b)
                    && super::rules::day_may(ctx, k.day, &b);
                allowed
                    .then(|| route.best_insertion(ctx, &b))
                    .flatten()
                    .map(|ins| (r, ins.place))
            });
            match fits {
                Some((r, place)) => {
                    b.tasks.iter().for_each(|&t| placed[t] = true);
                    if sol.routes[r].visits.is_empty() {
                        used[k.team] += 1;
                    }
                    Arc::make_mut(&mut sol.routes[r]).apply(ctx, b, place);
                }
                None => left.push(b),
            }
        }
    }
    (placed, left)
}

/// True when one route of `team` on `day` may hold `visits` in this order: every rule allows
/// each visit, their loads fit together and the clock fits them.
fn whole_route_fits(ctx: &Ctx, team: TeamIndex, day: DayIndex, visits: &[Bundle]) -> bool {
    let mut firms: Vec<_> = visits.iter().map(|b| b.firm).collect();
    firms.sort_unstable();
    firms.dedup();
    firms.len() == visits.len()
        && visits
            .iter()
            .all(|b| super::rules::team_may(ctx, team, b) && super::rules::day_may(ctx, day, b))
        && super::rules::loads_fit(ctx, team, visits)
        && fits(ctx, team, visits.iter())
}

/// Gives each route whose visits are those of the old route of its team and day the old
/// order back, where that order still fits.
pub(crate) fn restore_orders(ctx: &Ctx, sol: &mut Solution) {
    let Some(locks) = &ctx.locks else {
        return;
    };
    for k in &locks.previous {
        let Some(r) = ctx.slot(k.day, k.team) else {
            continue;
        };
        let route = &sol.routes[r];
        if route.visits.len() != k.visits.len() {
            continue;
        }
        let order: Option<Vec<usize>> = k
            .visits
            .iter()
            .map(|tasks| route.visits.iter().position(|v| &v.tasks == tasks))
            .collect();
        if let Some(order) = order
            && order.iter().enumerate().any(|(i, &j)| i != j)
        {
            Arc::make_mut(&mut sol.routes[r]).set_order(ctx, &order);
        }
    }
}
