//! Provides the capacity rule: the tasks of a team's day together ask at most its daily
//! capacity, when it has one.
//!
//! Cost: none. Reason: [`Reason::NoCapacity`], also the reason of every task that each rule
//! allows on its own but that no plan found room for ([`super::unscheduled_reason`]).

use super::{Rule, Tables, VisitNeeds};
use crate::model::{Reason, TeamIndex};

/// The capacity rule.
pub(crate) struct Capacity;

impl Rule for Capacity {
    const REASON: Reason = Reason::NoCapacity;

    #[inline]
    fn load_fits(ctx: &impl Tables, team: TeamIndex, load: u32, b: &impl VisitNeeds) -> bool {
        Self::holds(ctx, team, load + b.demand())
    }
}

impl Capacity {
    /// True when a day of `team` may ask `load` of its capacity.
    #[inline]
    pub fn holds(ctx: &impl Tables, team: TeamIndex, load: u32) -> bool {
        ctx.inst().teams[team]
            .capacity_per_day
            .is_none_or(|c| load <= c)
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::{one_firm, one_task_bundle};
    use super::*;
    use crate::solve::context::Ctx;

    #[test]
    fn a_day_takes_work_up_to_its_capacity_and_not_beyond() {
        let mut inst = one_firm();
        inst.tasks[0].demand = 3;
        inst.teams[0].capacity_per_day = Some(5);
        let ctx = Ctx::new(&inst);
        let b = one_task_bundle(&inst);
        assert!(Capacity::load_fits(&ctx, 0, 2, &b));
        assert!(!Capacity::load_fits(&ctx, 0, 3, &b));
        assert!(Capacity::holds(&ctx, 0, 5));
        assert!(!Capacity::holds(&ctx, 0, 6));
    }

    #[test]
    fn a_team_without_a_capacity_takes_any_load() {
        let inst = one_firm();
        let ctx = Ctx::new(&inst);
        assert!(Capacity::holds(&ctx, 0, u32::MAX));
    }
}
