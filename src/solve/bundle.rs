//! Provides the bundle, the planner's unit of work: tasks of one firm that are meant to be done
//! in one visit, and the first bundles, taken from the merge graph's minimum partition.
//!
//! A placed bundle *is* a visit, so removing a visit from a route gives back a bundle and
//! reinserting it keeps the tasks together; the search changes bundles only on purpose (merging
//! a firm's visits, splitting a bundle no route can take).

use super::context::{Ctx, NEAREST_TEAMS};
use super::rules::capacity::Capacity;
use super::rules::pin::PinnedTeam;
use super::rules::shift::{Shift, earliest_start};
use super::rules::task_window::TaskWindow;
use super::rules::{self, Rule};
use crate::graph;
use crate::model::{
    DayIndex, DeptSet, FirmIndex, Instance, Minute, Priority, TaskIndex, TeamIndex, Unscheduled,
};

/// Tasks of one firm to be done in one visit.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Bundle {
    /// The firm.
    pub firm: FirmIndex,
    /// The tasks, in increasing index order.
    pub tasks: Vec<TaskIndex>,
    /// Departments a team must cover.
    pub depts: DeptSet,
    /// On-site minutes of the visit.
    pub dur: Minute,
    /// First day every task's window allows.
    pub first_day: DayIndex,
    /// Last day every task's window allows (before `first_day` when there is none).
    pub last_day: DayIndex,
    /// Priority class of its most important task: 0 mandatory, 1 normal, 2 low.
    pub rank: u8,
    /// What its tasks use of the team's daily capacity, together.
    pub demand: u32,
    /// The team its tasks' pins allow.
    pub pinned: PinnedTeam,
}

impl Bundle {
    /// A bundle of `tasks`, which must all belong to `firm`.
    pub fn new(inst: &Instance, firm: FirmIndex, mut tasks: Vec<TaskIndex>) -> Self {
        tasks.sort_unstable();
        debug_assert!(tasks.iter().all(|&t| inst.tasks[t].firm == firm));
        let first_day = tasks
            .iter()
            .map(|&t| inst.tasks[t].first_day)
            .max()
            .unwrap_or(0);
        let last_day = tasks
            .iter()
            .map(|&t| inst.tasks[t].last_day)
            .min()
            .unwrap_or(0);
        let rank = tasks
            .iter()
            .map(|&t| rank_of(inst.tasks[t].priority))
            .min()
            .unwrap_or(2);
        let demand = tasks.iter().map(|&t| inst.tasks[t].demand).sum();
        Self {
            firm,
            demand,
            pinned: PinnedTeam::of(inst, &tasks),
            depts: inst.departments_of(&tasks),
            dur: inst.onsite_minutes(&tasks),
            tasks,
            first_day,
            last_day,
            rank,
        }
    }

    /// The bundle doing the tasks of both.
    pub fn merged(&self, other: &Bundle, inst: &Instance) -> Bundle {
        let mut tasks = self.tasks.clone();
        tasks.extend_from_slice(&other.tasks);
        Bundle::new(inst, self.firm, tasks)
    }

    /// One bundle per task.
    pub fn singletons(&self, inst: &Instance) -> Vec<Bundle> {
        self.tasks
            .iter()
            .map(|&t| Bundle::new(inst, self.firm, vec![t]))
            .collect()
    }

    /// Routes (indices into [`Ctx::slots`]) on a day the bundle allows of the
    /// [`NEAREST_TEAMS`] covering teams based nearest its firm, in increasing order.
    pub fn candidate_routes(&self, ctx: &Ctx) -> Vec<usize> {
        let mut out = Vec::new();
        if !TaskWindow::has_common_day(self) {
            return out;
        }
        let mut covering = ctx.teams_by_distance[self.firm]
            .iter()
            .map(|&t| t as TeamIndex)
            .filter(|&t| rules::team_may(ctx, t, self) && self.works_for(ctx, t));
        let mut near: Vec<TeamIndex> = covering.by_ref().take(NEAREST_TEAMS).collect();
        // Teams based as near as the last one kept stay candidates too: a fleet at one depot
        // (VRPTW's vehicles) is not cut at an arbitrary index, which left Gehring and
        // Homberger's 1000-customer instances 32 of their 250 vehicles.
        if let (Some(&last), NEAREST_TEAMS) = (near.last(), near.len()) {
            let f = ctx.firm_point(self.firm);
            let km = |t: TeamIndex| ctx.km(ctx.base_point(t), f);
            let edge = km(last);
            near.extend(covering.take_while(|&t| km(t) <= edge));
        }
        near.sort_unstable();
        for day in self.days(ctx) {
            out.extend(near.iter().filter_map(|&team| ctx.slot(day, team)));
        }
        out
    }

    /// True when `team` works on some day the bundle allows.
    fn works_for(&self, ctx: &Ctx, team: TeamIndex) -> bool {
        self.days(ctx).any(|day| ctx.slot(day, team).is_some())
    }

    /// Days of the horizon every rule allows, increasing.
    fn days<'c>(&'c self, ctx: &'c Ctx) -> impl Iterator<Item = DayIndex> + 'c {
        TaskWindow::days(ctx, self).filter(move |&day| rules::day_may(ctx, day, self))
    }

    /// True when `team` could do this bundle alone on `day`, driving out and back.
    pub fn fits_alone(&self, ctx: &Ctx, team: TeamIndex, day: DayIndex) -> bool {
        if !rules::team_may(ctx, team, self) || !rules::day_may(ctx, day, self) {
            return false;
        }
        if !rules::load_fits(ctx, team, 0, self) {
            return false;
        }
        if ctx.slot(day, team).is_none() {
            return false;
        }
        let (base, f) = (ctx.base_point(team), ctx.firm_point(self.firm));
        let arrive = Shift::start(ctx, team) + ctx.minutes(base, f);
        earliest_start(ctx.windows(team, self.firm), arrive, self.dur)
            .is_some_and(|s| Shift::back_in_time(ctx, team, s + self.dur + ctx.minutes(f, base)))
    }

    /// True when some team could do this bundle alone on some day; every covering team counts,
    /// not only the nearest, and the first that fits ends the search.
    pub fn has_option(&self, ctx: &Ctx) -> bool {
        TaskWindow::has_common_day(self)
            && self
                .days(ctx)
                .any(|day| (0..ctx.inst.teams.len()).any(|team| self.fits_alone(ctx, team, day)))
    }
}

/// 0 for mandatory, 1 normal, 2 low: lower is more important.
fn rank_of(p: Priority) -> u8 {
    match p {
        Priority::Mandatory => 0,
        Priority::Normal => 1,
        Priority::Low => 2,
    }
}

/// The first bundles, and the tasks that can never be scheduled.
///
/// The merge graph's per-firm groups are a minimum partition into visit-feasible groups, so
/// placing each group as one visit reaches the lower bound on visits. Each group is checked
/// again here with travel included (the graph's test ignores driving); a group that fails, and
/// any task no group holds, is bundled greedily instead.
pub(crate) fn initial_bundles(ctx: &Ctx) -> (Vec<Bundle>, Vec<Unscheduled>) {
    initial_bundles_from(ctx, &graph::visit_bounds(ctx.inst), &[])
}

/// [`initial_bundles`] from bounds already computed for the instance, leaving out the tasks
/// `taken` marks (a replan's fixed tasks and those it kept where they were); an empty `taken`
/// takes none.
pub(crate) fn initial_bundles_from(
    ctx: &Ctx,
    bounds: &graph::VisitBounds,
    taken: &[bool],
) -> (Vec<Bundle>, Vec<Unscheduled>) {
    let inst = ctx.inst;
    let mut unscheduled = Vec::new();
    let mut schedulable = vec![false; inst.tasks.len()];
    for (t, ok) in schedulable.iter_mut().enumerate() {
        if taken.get(t).copied().unwrap_or(false) {
            continue;
        }
        let alone = Bundle::new(inst, inst.tasks[t].firm, vec![t]);
        match graph::unschedulable_reason(inst, t) {
            Some(reason) => unscheduled.push(Unscheduled { task: t, reason }),
            None if !alone.has_option(ctx) => unscheduled.push(Unscheduled {
                task: t,
                reason: Capacity::REASON,
            }),
            None => *ok = true,
        }
    }

    let mut placed = vec![false; inst.tasks.len()];
    let mut bundles = Vec::new();
    let mut leftovers: Vec<Vec<TaskIndex>> = vec![Vec::new(); inst.firms.len()];
    for fb in &bounds.per_firm {
        for group in &fb.groups {
            let tasks: Vec<TaskIndex> = group
                .iter()
                .copied()
                .filter(|&t| t < inst.tasks.len() && schedulable[t] && !placed[t])
                .filter(|&t| inst.tasks[t].firm == fb.firm)
                .collect();
            if tasks.is_empty() {
                continue;
            }
            tasks.iter().for_each(|&t| placed[t] = true);
            let b = Bundle::new(inst, fb.firm, tasks);
            if b.has_option(ctx) {
                bundles.push(b);
            } else {
                leftovers[fb.firm].extend(b.tasks);
            }
        }
    }
    for t in (0..inst.tasks.len()).filter(|&t| schedulable[t] && !placed[t]) {
        leftovers[inst.tasks[t].firm].push(t);
    }
    for (firm, tasks) in leftovers.into_iter().enumerate() {
        bundles.extend(greedy_groups(ctx, firm, tasks));
    }
    bundles.sort_by(|a, b| a.tasks[0].cmp(&b.tasks[0]));
    (bundles, unscheduled)
}

/// Groups a firm's tasks first-fit: each task joins the first group it can share a visit with.
pub(crate) fn greedy_groups(ctx: &Ctx, firm: FirmIndex, mut tasks: Vec<TaskIndex>) -> Vec<Bundle> {
    let inst = ctx.inst;
    // Tight windows first, so that flexible tasks join them rather than the reverse.
    tasks.sort_by_key(|&t| {
        (
            inst.tasks[t]
                .last_day
                .saturating_sub(inst.tasks[t].first_day),
            t,
        )
    });
    let mut groups: Vec<Bundle> = Vec::new();
    for t in tasks {
        let alone = Bundle::new(inst, firm, vec![t]);
        let joined = groups.iter_mut().find_map(|g| {
            let m = g.merged(&alone, inst);
            m.has_option(ctx).then(|| *g = m)
        });
        if joined.is_none() {
            groups.push(alone);
        }
    }
    groups
}

impl rules::VisitNeeds for Bundle {
    #[inline]
    fn firm(&self) -> FirmIndex {
        self.firm
    }

    #[inline]
    fn depts(&self) -> DeptSet {
        self.depts
    }

    #[inline]
    fn demand(&self) -> u32 {
        self.demand
    }

    #[inline]
    fn first_day(&self) -> DayIndex {
        self.first_day
    }

    #[inline]
    fn last_day(&self) -> DayIndex {
        self.last_day
    }

    #[inline]
    fn pinned_team(&self) -> PinnedTeam {
        self.pinned
    }
}
