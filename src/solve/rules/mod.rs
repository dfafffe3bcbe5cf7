//! Provides the rules of a plan, each in one file with its feasibility checks, its cost and
//! the reason a task it excludes is left unscheduled with — the seam through which
//! construction, search, the MILP's columns and the reasons see them.
//!
//! | rule | file | checks | reason |
//! |---|---|---|---|
//! | task window, working day | [`task_window`] | [`Rule::works_on`], [`Rule::day_may`] | no working day in window, no team available |
//! | shift, lunch break | [`shift`] | the clock: [`shift::earliest_start`], [`shift::latest_start`], [`shift::Shift`] | longer than any shift |
//! | opening hours | [`opening_hours`] | [`Rule::day_may`], [`opening_hours::on_site_windows`] | firm closed |
//! | department coverage | [`coverage`] | [`Rule::team_may`] | no team covers department |
//! | capacity | [`capacity`] | [`Rule::load_fits`] | no capacity |
//! | pinned team (`pins.csv`) | [`pin`] | [`Rule::team_may`] | pin not possible |
//! | a team's days (`max_days`) | [`max_days`] | over the month, not a hook: [`max_days::MaxDays`] | no capacity |
//!
//! No rule has a cost of its own today: what a plan costs (tasks left out by priority,
//! visits, routes, kilometres, workload balance) is weighted in [`weights`], the one place the
//! objective's weights are applied.
//!
//! **Checks.** A rule is a unit struct implementing [`Rule`]; each method is a hook where the
//! planner asks, and defaults to "allowed". The functions below of the same names ask every
//! rule in turn, with static dispatch: each rule's method is inlined, so a rule that does not
//! override a hook costs nothing, and no check allocates. The planner asks:
//! - [`works_on`] when [`Ctx`] builds the routes that exist (one per team-day);
//! - [`team_may`] and [`day_may`] when it lists the routes a bundle may go into
//!   ([`Bundle::candidate_routes`]), checks that a team could do a bundle alone
//!   ([`Bundle::fits_alone`]), enumerates the exact model's routes and varies pooled ones;
//! - [`load_fits`] for every insertion into a route, and [`loads_fit`] for every route built
//!   whole (the exact model's, the MILP's variants, the search's merged routes).
//!
//! Timing (the shift, its lunch break, the firm's opening windows) is not a yes/no per hook but
//! a clock: routes place each visit at its earliest start inside the on-site windows and cache
//! latest starts ([`shift`]), which keeps an insertion check O(1).
//!
//! **Reasons.** Why a task can never be scheduled is decided by
//! [`crate::graph::unschedulable_reason`] before planning (the graph comes before the planner
//! and must not depend on it); each rule names the [`Reason`] it stands for in
//! [`Rule::REASON`], and [`unscheduled_reason`] gives every task the planner leaves out its
//! reason.
//!
//! # Adding a rule (a lock, a pin, an absence)
//!
//! 1. Add a file here, say `absence.rs`, with a unit struct and `impl Rule for Absence`: its
//!    `REASON` and the hooks it constrains — an absence overrides [`Rule::works_on`] (the
//!    team's route that day then never exists); a lock of a task to a team overrides
//!    [`Rule::team_may`], to a day [`Rule::day_may`]; a pin to a team-day overrides both. A
//!    pin to a time narrows the on-site windows the clock uses instead.
//! 2. Add the struct to `every_rule!` below: every hook of the planner picks it up from there.
//! 3. If the rule adds a cost, add a term to [`weights::Terms`] and its weight to
//!    [`crate::model::ObjectiveWeights`]; [`weights::weigh`] is the only function to change.
//! 4. If it adds a reason, add the variant to [`Reason`] and decide it in
//!    [`crate::graph::unschedulable_reason`].
//! 5. A cap over a team's days or the month is not a hook of one route: check it where a
//!    route is opened and where a neighbour is accepted, as [`max_days`] does.
//! 6. Test a feasible and an infeasible case of each hook it overrides, in its file.

pub(crate) mod capacity;
pub(crate) mod coverage;
pub(crate) mod max_days;
pub(crate) mod opening_hours;
pub(crate) mod pin;
pub(crate) mod shift;
pub(crate) mod task_window;
pub(crate) mod weights;

use crate::graph;
use crate::model::{DayIndex, DeptSet, FirmIndex, Instance, Reason, TaskIndex, TeamIndex};
use capacity::Capacity;
use coverage::Coverage;
use opening_hours::OpeningHours;
use pin::{Pin, PinnedTeam};
use shift::Shift;
use task_window::TaskWindow;

/// What the rules read of the planner's precomputed tables. The planner's context implements
/// it; the rules name only this trait, so they sit below the context and the bundles that
/// call them instead of forming a circle with them.
pub(crate) trait Tables {
    /// The instance being planned.
    fn inst(&self) -> &Instance;
    /// Days in the horizon.
    fn n_days(&self) -> usize;
    /// True when `firm` can receive a visit on `day`.
    fn open(&self, firm: FirmIndex, day: DayIndex) -> bool;
}

/// What the rules read of a visit: the firm, the departments and demand of its tasks, and the
/// days all their windows share. The planner's bundles implement it.
pub(crate) trait VisitNeeds {
    /// The firm visited.
    fn firm(&self) -> FirmIndex;
    /// The departments the tasks belong to.
    fn depts(&self) -> DeptSet;
    /// What the tasks use of a team's daily capacity.
    fn demand(&self) -> u32;
    /// The first day inside every task's window.
    fn first_day(&self) -> DayIndex;
    /// The last day inside every task's window.
    fn last_day(&self) -> DayIndex;
    /// The team the tasks' pins allow.
    fn pinned_team(&self) -> PinnedTeam;
}

/// One rule of a plan: the hooks where it constrains the planner, each "allowed" unless the
/// rule overrides it, and the reason a task it excludes is left out with.
pub(crate) trait Rule {
    /// The reason of a task this rule alone keeps out of every plan.
    const REASON: Reason;

    /// True when `team` has a route on `day` at all.
    #[inline]
    fn works_on(_inst: &Instance, _team: TeamIndex, _day: DayIndex) -> bool {
        true
    }

    /// True when `team` may do the visit `b`, whatever the day.
    #[inline]
    fn team_may(_ctx: &impl Tables, _team: TeamIndex, _b: &impl VisitNeeds) -> bool {
        true
    }

    /// True when the visit `b` may be made on `day`, whatever the team.
    #[inline]
    fn day_may(_ctx: &impl Tables, _day: DayIndex, _b: &impl VisitNeeds) -> bool {
        true
    }

    /// True when a route of `team` already holding tasks of demand `load` may take `b` too.
    #[inline]
    fn load_fits(_ctx: &impl Tables, _team: TeamIndex, _load: u32, _b: &impl VisitNeeds) -> bool {
        true
    }
}

/// Asks one hook of every rule, cheapest first, stopping at the first that refuses.
macro_rules! every_rule {
    ($hook:ident($($arg:expr),*)) => {
        TaskWindow::$hook($($arg),*)
            && OpeningHours::$hook($($arg),*)
            && Coverage::$hook($($arg),*)
            && Shift::$hook($($arg),*)
            && Capacity::$hook($($arg),*)
            && Pin::$hook($($arg),*)
    };
}

/// True when every rule lets `team` work on `day` ([`Rule::works_on`]).
#[inline]
pub(crate) fn works_on(inst: &Instance, team: TeamIndex, day: DayIndex) -> bool {
    every_rule!(works_on(inst, team, day))
}

/// True when every rule lets `team` do `b` ([`Rule::team_may`]).
#[inline]
pub(crate) fn team_may(ctx: &impl Tables, team: TeamIndex, b: &impl VisitNeeds) -> bool {
    every_rule!(team_may(ctx, team, b))
}

/// True when every rule lets `b` be done on `day` ([`Rule::day_may`]).
#[inline]
pub(crate) fn day_may(ctx: &impl Tables, day: DayIndex, b: &impl VisitNeeds) -> bool {
    every_rule!(day_may(ctx, day, b))
}

/// True when every rule lets a route of `team` holding `load` take `b` ([`Rule::load_fits`]).
#[inline]
pub(crate) fn load_fits(
    ctx: &impl Tables,
    team: TeamIndex,
    load: u32,
    b: &impl VisitNeeds,
) -> bool {
    every_rule!(load_fits(ctx, team, load, b))
}

/// True when every rule lets one route of `team` hold all of `visits`: [`load_fits`] for each
/// visit on top of those before it.
pub(crate) fn loads_fit<'b, V: VisitNeeds + 'b>(
    ctx: &impl Tables,
    team: TeamIndex,
    visits: impl IntoIterator<Item = &'b V>,
) -> bool {
    let mut load = 0;
    for v in visits {
        if !load_fits(ctx, team, load, v) {
            return false;
        }
        load += v.demand();
    }
    true
}

/// Why a task the planner leaves out is left out: the graph's reason when no plan could
/// schedule it, else that the teams' time went to more important work.
pub(crate) fn unscheduled_reason(inst: &Instance, task: TaskIndex) -> Reason {
    graph::unschedulable_reason(inst, task).unwrap_or(Capacity::REASON)
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use crate::model::TimeWindow;
    use crate::solve::bundle::Bundle;
    use crate::solve::context::Ctx;
    use crate::synth::{SynthParams, random_instance};

    /// One firm open 08:00–18:00 every day with one 30-minute task of department 0 allowed all
    /// week, and one team covering it with a 08:30–17:30 shift broken for lunch 12:00–13:00:
    /// feasible in every way until a test breaks one rule.
    pub(crate) fn one_firm() -> Instance {
        let mut inst = random_instance(
            1,
            &SynthParams {
                firms: 1,
                max_tasks_per_firm: 1,
                departments: 2,
                teams: 1,
                days: 7,
                ..SynthParams::default()
            },
        );
        let firm = &mut inst.firms[0];
        firm.hours.windows = vec![TimeWindow::new(480, 1080)];
        firm.hours.closed_weekdays = [false; 7];
        firm.hours.closed_dates.clear();
        let task = &mut inst.tasks[0];
        task.department = 0;
        task.first_day = 0;
        task.last_day = 6;
        task.minutes = 30;
        task.demand = 1;
        let team = &mut inst.teams[0];
        team.shift.windows = vec![TimeWindow::new(510, 720), TimeWindow::new(780, 1050)];
        team.departments = crate::model::DeptSet::single(0);
        team.capacity_per_day = None;
        team.available = vec![true; 7];
        inst
    }

    /// The fixture's task as a bundle.
    pub(crate) fn one_task_bundle(inst: &Instance) -> Bundle {
        Bundle::new(inst, 0, vec![0])
    }

    #[test]
    fn the_fixture_breaks_no_rule() {
        let inst = one_firm();
        let ctx = Ctx::new(&inst);
        let b = one_task_bundle(&inst);
        assert!(works_on(&inst, 0, 0));
        assert!(team_may(&ctx, 0, &b));
        assert!(day_may(&ctx, 0, &b));
        assert!(load_fits(&ctx, 0, 0, &b));
        assert!(b.fits_alone(&ctx, 0, 0));
        assert_eq!(graph::unschedulable_reason(&inst, 0), None);
        assert_eq!(unscheduled_reason(&inst, 0), Capacity::REASON);
    }

    #[test]
    fn each_rule_alone_gives_the_graph_its_reason() {
        let mut closed = one_firm();
        closed.firms[0].hours.closed_weekdays = [true; 7];
        assert_eq!(
            unscheduled_reason(&closed, 0),
            <OpeningHours as Rule>::REASON
        );
        let mut long = one_firm();
        long.tasks[0].minutes = 300;
        assert_eq!(unscheduled_reason(&long, 0), <Shift as Rule>::REASON);
        let mut no_team = one_firm();
        no_team.teams[0].departments = crate::model::DeptSet::EMPTY;
        assert_eq!(unscheduled_reason(&no_team, 0), Coverage::REASON);
        let mut weekend = one_firm();
        weekend.tasks[0].first_day = 5;
        weekend.tasks[0].last_day = 6;
        assert_eq!(unscheduled_reason(&weekend, 0), TaskWindow::REASON);
    }

    #[test]
    fn a_rule_that_refuses_refuses_the_whole_hook() {
        let mut inst = one_firm();
        inst.teams[0].capacity_per_day = Some(0);
        inst.teams[0].available[2] = false;
        inst.tasks[0].last_day = 3;
        let ctx = Ctx::new(&inst);
        let b = one_task_bundle(&inst);
        assert!(!load_fits(&ctx, 0, 0, &b));
        assert!(!works_on(&inst, 0, 2));
        assert!(!day_may(&ctx, 4, &b));
        assert!(!b.fits_alone(&ctx, 0, 0));
    }
}
