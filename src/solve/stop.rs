//! Provides the stopping rule: an iteration budget (reproducible) or a deadline (not).

use super::SolveParams;
use std::time::{Duration, Instant};

/// When the search stops, and how far along it is.
#[derive(Debug, Clone)]
pub(crate) struct Stop {
    budget: u64,
    /// The instant the search must stop by, in wall-clock mode.
    deadline: Option<Instant>,
    started: Instant,
}

impl Stop {
    /// The rule of `params` for a search that must end by `deadline` when one is given (the
    /// run's deadline less what is kept for set partitioning); with a deadline the iteration
    /// budget is ignored.
    pub fn new(params: &SolveParams, deadline: Option<Instant>) -> Self {
        let started = Instant::now();
        Self {
            budget: params.iterations,
            deadline: deadline.or_else(|| params.time_limit.map(|l| started + l)),
            started,
        }
    }

    /// True when no further iteration should start after `done` iterations.
    pub fn reached(&self, done: u64) -> bool {
        match self.deadline {
            Some(d) => Instant::now() >= d,
            None => done >= self.budget,
        }
    }

    /// How far along the search is, from 0 to 1; the acceptance threshold shrinks with it.
    pub fn fraction(&self, done: u64) -> f64 {
        match self.deadline {
            Some(d) => {
                let span = d.saturating_duration_since(self.started);
                if span.is_zero() {
                    1.0
                } else {
                    (self.started.elapsed().as_secs_f64() / span.as_secs_f64()).min(1.0)
                }
            }
            None if self.budget == 0 => 1.0,
            None => (done as f64 / self.budget as f64).min(1.0),
        }
    }

    /// The instant the search must stop by, in wall-clock mode.
    pub fn deadline(&self) -> Option<Instant> {
        self.deadline
    }

    /// The budget to report: 0 in wall-clock mode.
    pub fn budget(&self) -> u64 {
        if self.deadline.is_some() {
            0
        } else {
            self.budget
        }
    }
}

/// The run's deadline in wall-clock mode: `params.deadline`, else `time_limit` from now.
pub(crate) fn run_deadline(params: &SolveParams) -> Option<Instant> {
    params
        .deadline
        .or_else(|| params.time_limit.map(|l| Instant::now() + l))
}

/// Share of the time left after construction that the search leaves to set partitioning,
/// when a deadline bounds both: the MILP then gets what is left, capped by its own limit.
const MILP_SHARE: f64 = 0.2;

/// When the search must stop so that set partitioning (limited to `milp_limit`, when it runs)
/// still has time before `deadline`.
pub(crate) fn search_deadline(deadline: Instant, milp_limit: Option<Duration>) -> Instant {
    let Some(limit) = milp_limit else {
        return deadline;
    };
    let left = deadline.saturating_duration_since(Instant::now());
    deadline - left.mul_f64(MILP_SHARE).min(limit)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iteration_budget_stops_exactly_at_the_budget() {
        let p = SolveParams {
            iterations: 3,
            ..SolveParams::default()
        };
        let s = Stop::new(&p, None);
        assert!(!s.reached(2));
        assert!(s.reached(3));
        assert_eq!(s.fraction(1), 1.0 / 3.0);
    }

    #[test]
    fn zero_time_limit_stops_at_once() {
        let p = SolveParams {
            time_limit: Some(Duration::ZERO),
            ..SolveParams::default()
        };
        let s = Stop::new(&p, None);
        assert!(s.reached(0));
        assert_eq!(s.budget(), 0);
    }

    #[test]
    fn a_past_deadline_stops_at_once_whatever_the_budget() {
        let p = SolveParams {
            iterations: 1_000,
            ..SolveParams::default()
        };
        let s = Stop::new(&p, Some(Instant::now()));
        assert!(s.reached(0));
        assert_eq!(s.fraction(0), 1.0);
    }

    #[test]
    fn the_search_leaves_set_partitioning_a_share_capped_by_its_limit() {
        let far = Instant::now() + Duration::from_secs(100);
        let cut = search_deadline(far, Some(Duration::from_secs(5)));
        assert_eq!(far - cut, Duration::from_secs(5));
        let near = Instant::now() + Duration::from_secs(10);
        let cut = search_deadline(near, Some(Duration::from_secs(5)));
        assert!(near - cut <= Duration::from_secs(2));
        assert_eq!(search_deadline(near, None), near);
    }
}
