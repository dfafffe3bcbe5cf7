//! Provides the stopping rule: an iteration budget (reproducible) or a wall-clock limit (not).

use super::SolveParams;
use std::time::{Duration, Instant};

/// When the search stops, and how far along it is.
#[derive(Debug, Clone)]
pub(crate) struct Stop {
    budget: u64,
    limit: Option<Duration>,
    started: Instant,
}

impl Stop {
    /// The rule of `params`: with a time limit the iteration budget is ignored.
    pub fn new(params: &SolveParams) -> Self {
        Self {
            budget: params.iterations,
            limit: params.time_limit,
            started: Instant::now(),
        }
    }

    /// True when no further iteration should start after `done` iterations.
    pub fn reached(&self, done: u64) -> bool {
        match self.limit {
            Some(limit) => self.started.elapsed() >= limit,
            None => done >= self.budget,
        }
    }

    /// How far along the search is, from 0 to 1; the acceptance threshold shrinks with it.
    pub fn fraction(&self, done: u64) -> f64 {
        match self.limit {
            Some(limit) if !limit.is_zero() => {
                (self.started.elapsed().as_secs_f64() / limit.as_secs_f64()).min(1.0)
            }
            Some(_) => 1.0,
            None if self.budget == 0 => 1.0,
            None => (done as f64 / self.budget as f64).min(1.0),
        }
    }

    /// The budget to report: 0 in wall-clock mode.
    pub fn budget(&self) -> u64 {
        if self.limit.is_some() { 0 } else { self.budget }
    }
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
        let s = Stop::new(&p);
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
        let s = Stop::new(&p);
        assert!(s.reached(0));
        assert_eq!(s.budget(), 0);
    }
}
