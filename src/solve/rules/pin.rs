//! Provides the pin rule: a task `pins.csv` fixes to a team is done by that team only.
//!
//! A pinned day needs no hook: ingest narrows the task's window to it, so [`super::task_window`]
//! keeps it there. Cost: none. Reason: [`Reason::PinNotPossible`], decided by
//! [`crate::graph::unschedulable_reason`] when the pinned team cannot do the task at all.

use super::{Rule, Tables, VisitNeeds};
use crate::model::{Instance, Reason, TaskIndex, TeamIndex};

/// The team a visit's pins allow.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PinnedTeam {
    /// No task of the visit is pinned to a team.
    Any,
    /// Every pinned task names this team.
    Only(TeamIndex),
    /// Two tasks are pinned to different teams: no team may do the visit.
    None,
}

impl PinnedTeam {
    /// What the pins of `tasks` allow together.
    pub fn of(inst: &Instance, tasks: &[TaskIndex]) -> Self {
        let mut out = PinnedTeam::Any;
        for team in tasks
            .iter()
            .filter_map(|&t| inst.tasks[t].pin.as_ref().and_then(|p| p.team))
        {
            out = match out {
                PinnedTeam::Any => PinnedTeam::Only(team),
                PinnedTeam::Only(t) if t == team => out,
                _ => return PinnedTeam::None,
            };
        }
        out
    }

    /// True when `team` may do the visit.
    #[inline]
    pub fn allows(self, team: TeamIndex) -> bool {
        match self {
            PinnedTeam::Any => true,
            PinnedTeam::Only(t) => t == team,
            PinnedTeam::None => false,
        }
    }
}

/// The pin rule.
pub(crate) struct Pin;

impl Rule for Pin {
    const REASON: Reason = Reason::PinNotPossible;

    #[inline]
    fn team_may(_ctx: &impl Tables, team: TeamIndex, b: &impl VisitNeeds) -> bool {
        b.pinned_team().allows(team)
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::one_firm;
    use super::*;
    use crate::model::{Loc, TaskPin};
    use crate::solve::bundle::Bundle;
    use crate::solve::context::Ctx;

    fn pin(team: Option<TeamIndex>) -> Option<TaskPin> {
        Some(TaskPin {
            team,
            day: None,
            loc: Loc::line("pins.csv", 2, None),
        })
    }

    #[test]
    fn a_task_pinned_to_a_team_goes_to_that_team_only() {
        let mut inst = one_firm();
        inst.teams.push(inst.teams[0].clone());
        let free = Bundle::new(&inst, 0, vec![0]);
        let ctx = Ctx::new(&inst);
        assert!(Pin::team_may(&ctx, 0, &free) && Pin::team_may(&ctx, 1, &free));
        inst.tasks[0].pin = pin(Some(1));
        let pinned = Bundle::new(&inst, 0, vec![0]);
        let ctx = Ctx::new(&inst);
        assert!(!Pin::team_may(&ctx, 0, &pinned));
        assert!(Pin::team_may(&ctx, 1, &pinned));
        assert!(!super::super::team_may(&ctx, 0, &pinned));
    }

    #[test]
    fn tasks_pinned_to_two_teams_never_share_a_visit() {
        let mut inst = one_firm();
        inst.tasks.push(inst.tasks[0].clone());
        inst.tasks[0].pin = pin(Some(0));
        inst.tasks[1].pin = pin(Some(1));
        assert_eq!(PinnedTeam::of(&inst, &[0, 1]), PinnedTeam::None);
        assert_eq!(PinnedTeam::of(&inst, &[1]), PinnedTeam::Only(1));
        inst.tasks[1].pin = pin(None);
        assert_eq!(PinnedTeam::of(&inst, &[0, 1]), PinnedTeam::Only(0));
    }
}
