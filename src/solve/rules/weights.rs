//! Provides the objective's weights, applied in one place: every cost the planner compares —
//! a plan's total, an insertion, a set-partitioning column, a task left out — is [`weigh`] of
//! the [`Terms`] it counts.
//!
//! The terms are added in one fixed order, so the same terms always give the same bits (the
//! parallel search and the MILP compare totals exactly). The weights are finite and not
//! negative (`chayici.toml` accepts 0 to 1e9), so a term left at zero adds an exact zero: a
//! cost of few terms has the bits of the sum of just those terms, in the same order.

use crate::model::{ObjectiveWeights, Priority};

/// What a plan, a route or a change of one counts, before weighting: one field per weight.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(crate) struct Terms {
    /// Mandatory tasks left unscheduled (negative for tasks a route does, in the MILP).
    pub unscheduled_mandatory: f64,
    /// Normal-priority tasks left unscheduled.
    pub unscheduled_normal: f64,
    /// Low-priority tasks left unscheduled.
    pub unscheduled_low: f64,
    /// Visits (firms entered).
    pub visits: f64,
    /// Team-day routes used.
    pub routes: f64,
    /// Road kilometres.
    pub travel_km: f64,
    /// Minutes of workload away from the teams' mean, summed over teams.
    pub balance_minutes: f64,
    /// Tasks a replan gives another team or day than the plan it starts from.
    pub moved_tasks: f64,
    /// Visits of a replan that are not exactly a visit of the plan it starts from.
    pub changed_visits: f64,
    /// Visits team-days out lack below `min_visits_per_day`, summed over the days.
    pub missing_visits: f64,
}

impl Terms {
    /// One task of priority `p` left unscheduled.
    pub fn unscheduled(p: Priority) -> Self {
        let mut t = Terms::default();
        match p {
            Priority::Mandatory => t.unscheduled_mandatory = 1.0,
            Priority::Normal => t.unscheduled_normal = 1.0,
            Priority::Low => t.unscheduled_low = 1.0,
        }
        t
    }
}

/// The weighted sum of `t`: the only place the objective's weights are applied.
#[inline]
pub(crate) fn weigh(w: &ObjectiveWeights, t: &Terms) -> f64 {
    t.unscheduled_mandatory * w.unscheduled_mandatory
        + t.unscheduled_normal * w.unscheduled_normal
        + t.unscheduled_low * w.unscheduled_low
        + t.visits * w.visit
        + t.routes * w.route
        + t.travel_km * w.travel_km
        + t.balance_minutes * w.balance_minute
        + t.moved_tasks * w.moved_task
        + t.changed_visits * w.changed_visit
        + t.missing_visits * w.missing_visit
}

/// Visits a team-day with `visits` visits lacks below `min_visits_per_day`: none for a day
/// the team stays in, so the minimum never sends a team out.
#[inline]
pub(crate) fn missing_visits(w: &ObjectiveWeights, visits: usize) -> f64 {
    if visits == 0 {
        0.0
    } else {
        (w.min_visits_per_day - visits as f64).max(0.0)
    }
}

/// What leaving one task of priority `p` unscheduled costs.
pub(crate) fn penalty(w: &ObjectiveWeights, p: Priority) -> f64 {
    weigh(w, &Terms::unscheduled(p))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Weights whose sums round differently in different orders.
    fn odd() -> ObjectiveWeights {
        ObjectiveWeights {
            unscheduled_mandatory: 1e9,
            unscheduled_normal: 1.1e5,
            unscheduled_low: 0.3,
            visit: 0.7,
            route: 0.1,
            travel_km: 1.3,
            balance_minute: 0.2,
            moved_task: 0.9,
            changed_visit: 1.7,
            min_visits_per_day: 3.0,
            missing_visit: 2.3,
        }
    }

    #[test]
    fn a_term_at_zero_adds_an_exact_zero() {
        let w = odd();
        let km = 0.1 + 0.2;
        let some = Terms {
            visits: 3.0,
            routes: 1.0,
            travel_km: km,
            ..Terms::default()
        };
        assert_eq!(weigh(&w, &some), 3.0 * w.visit + w.route + km * w.travel_km);
        assert_eq!(penalty(&w, Priority::Low), w.unscheduled_low);
        assert_eq!(penalty(&w, Priority::Normal), w.unscheduled_normal);
        assert_eq!(penalty(&w, Priority::Mandatory), w.unscheduled_mandatory);
    }

    #[test]
    fn only_a_day_out_below_the_minimum_lacks_visits() {
        let w = odd();
        let lacks: Vec<f64> = (0..5).map(|n| missing_visits(&w, n)).collect();
        assert_eq!(lacks, [0.0, 2.0, 1.0, 0.0, 0.0]);
        let off = ObjectiveWeights::default();
        assert_eq!(missing_visits(&off, 1), 0.0);
    }

    #[test]
    fn every_weight_is_applied_to_its_own_term() {
        let w = odd();
        let t = Terms {
            unscheduled_mandatory: 1.0,
            unscheduled_normal: 2.0,
            unscheduled_low: 3.0,
            visits: 4.0,
            routes: 5.0,
            travel_km: 6.0,
            balance_minutes: 7.0,
            moved_tasks: 8.0,
            changed_visits: 9.0,
            missing_visits: 10.0,
        };
        let expected = w.unscheduled_mandatory
            + 2.0 * w.unscheduled_normal
            + 3.0 * w.unscheduled_low
            + 4.0 * w.visit
            + 5.0 * w.route
            + 6.0 * w.travel_km
            + 7.0 * w.balance_minute
            + 8.0 * w.moved_task
            + 9.0 * w.changed_visit
            + 10.0 * w.missing_visit;
        assert_eq!(weigh(&w, &t), expected);
    }
}
