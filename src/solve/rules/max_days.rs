//! Provides the days rule: a team goes out on at most `max_days` working days of the month
//! (teams.csv), counting the days a replan keeps.
//!
//! Unlike the other rules this is a cap over a team's days, not a check of one route: no
//! route alone breaks it. The planner respects it where a team's day is opened — an insertion
//! never offers a team's empty route once the team has its days ([`MaxDays::may_open`]); the
//! search rejects any neighbour that exceeds a cap ([`MaxDays::holds`]), so operators that fill
//! a route whole (route-pair removal) cannot slip past it; and the set-partitioning MILP has
//! one row per capped team ([`MaxDays::caps`]).
//!
//! Cost: none. Reason: [`Reason::NoCapacity`]: a task left out because its teams' days ran
//! out found no room, like one left out for a full day.

use super::Rule;
use crate::model::{Reason, TeamIndex};
use crate::solve::context::Ctx;
use crate::solve::solution::Solution;

/// The days rule.
pub(crate) struct MaxDays;

impl Rule for MaxDays {
    const REASON: Reason = Reason::NoCapacity;
}

impl MaxDays {
    /// The days each team may still be sent out on, `None` without a cap: `max_days` less the
    /// days of the routes a replan keeps.
    pub fn caps(ctx: &Ctx) -> Vec<Option<usize>> {
        let mut caps: Vec<Option<usize>> = ctx
            .inst
            .teams
            .iter()
            .map(|t| t.max_days.map(|d| d as usize))
            .collect();
        if let Some(l) = &ctx.locks {
            for r in l.fixed_routes.iter().filter(|r| !r.visits.is_empty()) {
                if let Some(Some(c)) = caps.get_mut(r.team) {
                    *c = c.saturating_sub(1);
                }
            }
        }
        caps
    }

    /// True when some team has a cap: without one, nothing here needs counting, which spares
    /// every repair of the search a pass over all routes.
    #[inline]
    pub fn any(ctx: &Ctx) -> bool {
        ctx.inst.teams.iter().any(|t| t.max_days.is_some())
    }

    /// True when a team with `used` days out may open one more, against `caps`.
    #[inline]
    pub fn may_open(caps: &[Option<usize>], team: TeamIndex, used: usize) -> bool {
        caps[team].is_none_or(|c| used < c)
    }

    /// The days each team is out on in `sol`.
    pub fn used(ctx: &Ctx, sol: &Solution) -> Vec<usize> {
        let mut used = vec![0; ctx.inst.teams.len()];
        for r in sol.routes.iter().filter(|r| !r.visits.is_empty()) {
            used[r.team] += 1;
        }
        used
    }

    /// True when no team of `sol` is out on more days than its cap.
    pub fn holds(ctx: &Ctx, sol: &Solution) -> bool {
        if !Self::any(ctx) {
            return true;
        }
        let caps = Self::caps(ctx);
        Self::used(ctx, sol)
            .iter()
            .enumerate()
            .all(|(t, &u)| caps[t].is_none_or(|c| u <= c))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::solve::bundle::Bundle;
    use std::sync::Arc;

    #[test]
    fn a_team_at_its_days_may_not_open_another() {
        let mut inst = super::super::tests::one_firm();
        inst.teams[0].max_days = Some(1);
        let ctx = Ctx::new(&inst);
        let caps = MaxDays::caps(&ctx);
        assert!(MaxDays::may_open(&caps, 0, 0));
        assert!(!MaxDays::may_open(&caps, 0, 1));
        let mut sol = Solution::empty(&ctx);
        assert!(MaxDays::holds(&ctx, &sol));
        for r in 0..2 {
            let route = Arc::make_mut(&mut sol.routes[r]);
            let b = Bundle::new(&inst, 0, vec![0]);
            let ins = route.best_insertion(&ctx, &b).expect("fits");
            route.apply(&ctx, b, ins.place);
        }
        assert_eq!(MaxDays::used(&ctx, &sol)[0], 2);
        assert!(!MaxDays::holds(&ctx, &sol));
    }
}
