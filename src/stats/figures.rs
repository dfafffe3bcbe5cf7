//! Provides the counts every breakdown of the statistics is made of, and the shares and
//! targets judged from them. Counts add up (over departments' firms, over counties); shares are
//! only ever computed from summed counts, never averaged.

use crate::model::Targets;
use serde::Serialize;
use std::ops::AddAssign;

/// Visits and tasks of one row: the county, a department, a township, a team or a week.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Figures {
    /// Visits the row's departments would make alone (0 for teams and weeks, where it means
    /// nothing).
    pub naive_visits: usize,
    /// Visits (入企) the row takes part in.
    pub visits: usize,
    /// Visits charged to the row, the door-knocks it is measured by: for a department, the
    /// visits it leads (one lead per visit, see [`crate::stats`]); for the county, a
    /// township, a team or a week, every visit. Adds up over departments to the county's
    /// visits.
    pub led_visits: usize,
    /// Those with officers of at least two departments.
    pub joint_visits: usize,
    /// Tasks done in the row's visits (a department's: its own tasks only).
    pub scheduled_tasks: usize,
    /// Those done in joint visits.
    pub joint_tasks: usize,
}

impl AddAssign for Figures {
    fn add_assign(&mut self, o: Self) {
        self.naive_visits += o.naive_visits;
        self.visits += o.visits;
        self.led_visits += o.led_visits;
        self.joint_visits += o.joint_visits;
        self.scheduled_tasks += o.scheduled_tasks;
        self.joint_tasks += o.joint_tasks;
    }
}

impl Figures {
    /// Joint visits among the visits.
    pub fn joint_share(&self) -> Share {
        Share::new(self.joint_visits as i64, self.visits as u64)
    }

    /// Tasks done in joint visits among the tasks done.
    pub fn joint_task_share(&self) -> Share {
        Share::new(self.joint_tasks as i64, self.scheduled_tasks as u64)
    }

    /// Naive visits saved: naive visits less the visits charged to the row (negative when it
    /// knocks more often than alone).
    pub fn visits_saved(&self) -> i64 {
        self.naive_visits as i64 - self.led_visits as i64
    }

    /// Visits saved among the naive visits.
    pub fn reduction(&self) -> Share {
        Share::new(self.visits_saved(), self.naive_visits as u64)
    }

    /// The row against the targets: joint share, then reduction; `None` where the share has
    /// no denominator.
    pub fn against(&self, t: &Targets) -> (Option<bool>, Option<bool>) {
        (
            self.joint_share().reaches(t.joint_share),
            self.reduction().reaches(t.reduction),
        )
    }
}

/// Driving and working time of a team, a week or the county.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Work {
    /// Team-days with a route.
    pub routes: usize,
    /// Road kilometres driven, base to base.
    pub travel_km: f64,
    /// Minutes driven.
    pub travel_minutes: u64,
    /// Minutes on site, setup included.
    pub onsite_minutes: u64,
}

impl AddAssign for Work {
    fn add_assign(&mut self, o: Self) {
        self.routes += o.routes;
        self.travel_km += o.travel_km;
        self.travel_minutes += o.travel_minutes;
        self.onsite_minutes += o.onsite_minutes;
    }
}

/// A share as the two whole numbers it is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Share {
    /// The part (visits saved may be negative).
    pub part: i64,
    /// The whole; 0 means there is no share.
    pub whole: u64,
}

impl Share {
    /// `part / whole`.
    pub fn new(part: i64, whole: u64) -> Self {
        Self { part, whole }
    }

    /// Percent with one decimal, as every output writes it; `None` without a whole.
    pub fn percent(&self) -> Option<f64> {
        (self.whole > 0).then(|| (self.part as f64 * 1000.0 / self.whole as f64).round() / 10.0)
    }

    /// Whether the share reaches `target` (hundredths of a percent), decided in whole numbers;
    /// `None` without a whole.
    pub fn reaches(&self, target: u32) -> Option<bool> {
        (self.whole > 0)
            .then(|| i128::from(self.part) * 10_000 >= i128::from(target) * i128::from(self.whole))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shares_are_judged_in_whole_numbers() {
        assert_eq!(Share::new(3, 5).reaches(6000), Some(true));
        assert_eq!(Share::new(2, 5).reaches(6000), Some(false));
        assert_eq!(Share::new(-1, 5).reaches(0), Some(false));
        assert_eq!(Share::new(0, 0).reaches(0), None);
        assert_eq!(Share::new(2, 3).percent(), Some(66.7));
    }
}
