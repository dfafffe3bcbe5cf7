//! Provides the department-coverage rule: a team may do a visit only when it covers the
//! department of every task in it.
//!
//! Cost: none. Reason: [`Reason::NoTeamCoversDepartment`], decided by
//! [`crate::graph::unschedulable_reason`] when no team covers a task's department.

use super::{Rule, Tables, VisitNeeds};
use crate::model::{Reason, TeamIndex};

/// The department-coverage rule.
pub(crate) struct Coverage;

impl Rule for Coverage {
    const REASON: Reason = Reason::NoTeamCoversDepartment;

    #[inline]
    fn team_may(ctx: &impl Tables, team: TeamIndex, b: &impl VisitNeeds) -> bool {
        ctx.inst().teams[team].departments.covers(b.depts())
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::{one_firm, one_task_bundle};
    use super::*;
    use crate::model::DeptSet;
    use crate::solve::context::Ctx;

    #[test]
    fn a_team_covering_the_department_may_do_the_visit_and_another_may_not() {
        let mut inst = one_firm();
        let b = one_task_bundle(&inst);
        assert!(Coverage::team_may(&Ctx::new(&inst), 0, &b));
        inst.teams[0].departments = DeptSet::single(1);
        assert!(!Coverage::team_may(&Ctx::new(&inst), 0, &b));
        assert_eq!(
            crate::graph::unschedulable_reason(&inst, 0),
            Some(Coverage::REASON)
        );
    }
}
