//! Provides the planner: construction, parallel large neighbourhood search, and (later) set
//! partitioning by MILP. (Contract stub; the real implementation replaces the bodies.)

use crate::model::{Instance, Plan, Reason, Unscheduled};
use std::time::Duration;

/// How long and how the planner searches.
#[derive(Debug, Clone, PartialEq)]
pub struct SolveParams {
    /// Seed of every random choice.
    pub seed: u64,
    /// Improvement iterations; the default budget keeps a plain run reproducible.
    pub iterations: u64,
    /// Wall-clock limit; when set the run stops at the limit and is not reproducible.
    pub time_limit: Option<Duration>,
    /// Worker threads; 0 means one per core. The plan does not depend on it.
    pub threads: usize,
}

impl Default for SolveParams {
    fn default() -> Self {
        Self {
            seed: 1,
            iterations: 2_000,
            time_limit: None,
            threads: 0,
        }
    }
}

/// What the planner reports while it runs, for a progress bar.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Progress {
    /// Iterations done.
    pub iteration: u64,
    /// Iteration budget (0 in wall-clock mode).
    pub budget: u64,
    /// Objective of the best plan so far.
    pub best_objective: f64,
}

/// The parts of the objective, each reported apart.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize)]
pub struct ObjectiveParts {
    /// Unscheduled mandatory, normal and low tasks.
    pub unscheduled_mandatory: usize,
    /// Unscheduled normal-priority tasks.
    pub unscheduled_normal: usize,
    /// Unscheduled low-priority tasks.
    pub unscheduled_low: usize,
    /// Number of visits.
    pub visits: usize,
    /// Road kilometres driven.
    pub travel_km: f64,
    /// Busiest minus idlest team's total working minutes.
    pub workload_spread_minutes: u32,
    /// Weighted sum of the parts.
    pub total: f64,
}

/// The planner's result.
#[derive(Debug, Clone)]
pub struct SolveOutcome {
    /// The best plan found.
    pub plan: Plan,
    /// Its objective, part by part.
    pub objective: ObjectiveParts,
    /// Improvement iterations done.
    pub iterations: u64,
}

/// Plans the instance.
pub fn solve(
    inst: &Instance,
    _params: &SolveParams,
    _progress: &(dyn Fn(Progress) + Sync),
) -> SolveOutcome {
    let unscheduled = (0..inst.tasks.len())
        .map(|task| Unscheduled {
            task,
            reason: Reason::NoCapacity,
        })
        .collect();
    SolveOutcome {
        plan: Plan {
            routes: Vec::new(),
            unscheduled,
        },
        objective: ObjectiveParts::default(),
        iterations: 0,
    }
}
