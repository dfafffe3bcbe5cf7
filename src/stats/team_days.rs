//! Provides how a plan spreads its work over the teams' days: whether a team-day out is worth
//! it, and whether the month is used or piled onto a few days. One function for the terminal
//! summary and the report, so both print the same figures.
//!
//! Definitions: a **team-day out** is a route with at least one visit; a **short day** one
//! with one or two visits; an **idle working day** a working day of the calendar on which no
//! team goes out; a team's **hours** run from leaving its base to coming back, summed over the
//! month, and the **spread** is the busiest team's hours less the idlest's, over the teams
//! that may work some day of the month (a team with no working day cannot be idle).

use crate::model::{Instance, Plan};

/// Visits a team-day out holds at most to count as short.
pub const SHORT_DAY_VISITS: usize = 2;

/// The distribution of a plan's team-days.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TeamDays {
    /// Team-days with at least one visit.
    pub out: usize,
    /// Fewest, median and most visits on a team-day out; `None` when no team goes out.
    pub visits_min_median_max: Option<(usize, usize, usize)>,
    /// Team-days out with one or two visits.
    pub short: usize,
    /// Working days of the calendar.
    pub working_days: usize,
    /// Working days on which no team goes out.
    pub idle_working_days: usize,
    /// Busiest team's minutes out less the idlest team's.
    pub spread_minutes: u64,
}

impl TeamDays {
    /// The figures of `plan`.
    pub fn of(inst: &Instance, plan: &Plan) -> Self {
        let mut visits: Vec<usize> = Vec::new();
        let mut day_out = vec![false; inst.calendar.len()];
        let mut minutes = vec![0u64; inst.teams.len()];
        for r in plan.routes.iter().filter(|r| !r.visits.is_empty()) {
            visits.push(r.visits.len());
            if let Some(d) = day_out.get_mut(r.day) {
                *d = true;
            }
            if let Some(m) = minutes.get_mut(r.team) {
                *m += u64::from(r.return_base.saturating_sub(r.leave_base));
            }
        }
        visits.sort_unstable();
        let working: Vec<usize> = (0..inst.calendar.len())
            .filter(|&d| inst.calendar.is_working(d))
            .collect();
        let may_work: Vec<u64> = inst
            .teams
            .iter()
            .zip(&minutes)
            .filter(|(t, _)| t.available.contains(&true))
            .map(|(_, &m)| m)
            .collect();
        let spread = match (may_work.iter().max(), may_work.iter().min()) {
            (Some(hi), Some(lo)) => hi - lo,
            _ => 0,
        };
        TeamDays {
            out: visits.len(),
            visits_min_median_max: visits
                .first()
                .map(|&lo| (lo, visits[visits.len() / 2], visits[visits.len() - 1])),
            short: visits.iter().filter(|&&n| n <= SHORT_DAY_VISITS).count(),
            working_days: working.len(),
            idle_working_days: working.iter().filter(|&&d| !day_out[d]).count(),
            spread_minutes: spread,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::devtools::synth::{SynthParams, random_instance};
    use crate::model::{Route, Visit};

    fn route(team: usize, day: usize, n: usize, minutes: u32) -> Route {
        let visit = Visit {
            firm: 0,
            tasks: vec![0],
            arrive: 540,
            start: 540,
            end: 560,
            depart: 560,
        };
        Route {
            team,
            day,
            leave_base: 510,
            visits: vec![visit; n],
            return_base: 510 + minutes,
        }
    }

    #[test]
    fn counts_days_out_short_days_idle_days_and_the_spread() {
        let inst = random_instance(
            1,
            &SynthParams {
                teams: 3,
                days: 5,
                ..SynthParams::default()
            },
        );
        let working = (0..5).filter(|&d| inst.calendar.is_working(d)).count();
        assert!(working >= 3);
        let plan = Plan {
            routes: vec![
                route(0, 0, 1, 60),
                route(0, 1, 4, 400),
                route(1, 0, 2, 120),
                route(1, 1, 0, 0),
            ],
            unscheduled: Vec::new(),
        };
        let t = TeamDays::of(&inst, &plan);
        assert_eq!(t.out, 3);
        assert_eq!(t.visits_min_median_max, Some((1, 2, 4)));
        assert_eq!(t.short, 2);
        assert_eq!(t.working_days, working);
        assert_eq!(t.idle_working_days, working - 2);
        assert_eq!(
            t.spread_minutes, 460,
            "team 0's 460 minutes against team 2's none"
        );
        let none = TeamDays::of(&inst, &Plan::default());
        assert_eq!((none.out, none.visits_min_median_max), (0, None));
    }
}
