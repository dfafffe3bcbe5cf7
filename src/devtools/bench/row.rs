//! Provides the figures of one benchmark run and the report that gathers them.
//!
//! Rows travel as JSON from the child process that measured them to the parent that prints
//! the table, so they are plain serde structs; the same JSON is the `--out` file, which lets
//! two runs be compared by a script rather than by eye.

use serde::{Deserialize, Serialize};

/// Quality and cost of planning one workspace.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Row {
    /// Name in the suite (`demo-changshan`, `county-s1` …).
    pub instance: String,
    /// Where the workspace came from: a shipped folder or a profile and generator seed.
    pub source: String,
    /// Planner seed.
    pub seed: u64,
    /// Improvement rounds asked for (the budget).
    pub iterations: u64,
    /// Improvement rounds done.
    pub iterations_done: u64,
    /// Tasks in the workspace.
    pub tasks: usize,
    /// Tasks left unscheduled (those no plan can schedule included).
    pub unscheduled: usize,
    /// Visits in the plan.
    pub visits: usize,
    /// Lower bound on visits from the merge graph.
    pub lower_bound: usize,
    /// Visits the departments would make alone.
    pub naive: usize,
    /// `(visits - lower_bound) / lower_bound`, in percent.
    pub visit_gap_percent: f64,
    /// Road kilometres of the plan.
    pub travel_km: f64,
    /// Seconds the planner took, construction, improvement and the MILP together: the figure
    /// the targets name, and what a user of `chayici plan` waits for.
    pub seconds: f64,
    /// Seconds to read and validate the workspace.
    pub load_seconds: f64,
    /// Seconds to compute the visit bounds.
    pub bounds_seconds: f64,
    /// Seconds the independent checker took.
    pub verify_seconds: f64,
    /// Worker threads the planner ran with.
    pub threads: usize,
    /// Peak resident memory of the process that planned it, in MiB (`None` off Linux).
    pub peak_memory_mb: Option<f64>,
    /// True when `verify_plan` found no broken rule.
    pub verified: bool,
    /// Broken rules found by the checker.
    pub violations: usize,
    /// What the set-partitioning stage did; `None` when it was off (`--no-milp`) and in reports
    /// written before the bench ran it.
    #[serde(default)]
    pub milp: Option<MilpRow>,
    /// Team-days out (routes with a visit); `None` in reports written before it was counted.
    #[serde(default)]
    pub team_days: Option<usize>,
}

/// The set-partitioning stage of one workspace's plan, kept apart from [`Row::seconds`] so a
/// table can say whether the stage earns its time.
///
/// A copy of [`crate::solve::milp::MilpReport`] with owned strings: the report borrows static
/// names and skips its seconds when serialised, and a row must make the round trip through the
/// child's JSON whole.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MilpRow {
    /// The solver compiled in.
    pub backend: String,
    /// The model solved: `set_partitioning`, `set_partitioning_windows` or `exact`.
    pub mode: String,
    /// Columns (routes) of the model.
    pub columns: usize,
    /// Objective of the heuristic plan handed to the MILP.
    pub objective_before: f64,
    /// Objective of the plan kept; never above `objective_before`.
    pub objective_after: f64,
    /// Optimum of the LP relaxation, when the whole horizon was one model.
    pub lp_bound: Option<f64>,
    /// Lagrangian bound over the whole route pool, present in every mode.
    pub pool_bound: Option<f64>,
    /// Distance of `objective_after` above the higher bound, in percent.
    pub gap_percent: Option<f64>,
    /// Wall-clock seconds of the stage, part of [`Row::seconds`].
    pub seconds: f64,
    /// `optimal`, `limit` or `error: …`.
    pub status: String,
    /// True when the MILP's plan replaced the heuristic one.
    pub improved: bool,
}

impl MilpRow {
    /// The bound the table shows: the higher of the two, the one the gap is taken from.
    pub fn bound(&self) -> Option<f64> {
        crate::solve::milp::higher_bound(self.lp_bound, self.pool_bound)
    }
}

impl From<&crate::solve::milp::MilpReport> for MilpRow {
    fn from(r: &crate::solve::milp::MilpReport) -> Self {
        Self {
            backend: r.backend.to_string(),
            mode: r.model.to_string(),
            columns: r.columns,
            objective_before: r.objective_before,
            objective_after: r.objective_after,
            lp_bound: r.lp_bound,
            pool_bound: r.pool_bound,
            gap_percent: r.gap_percent,
            seconds: r.seconds,
            status: r.status.clone(),
            improved: r.improved,
        }
    }
}

/// Percent by which `visits` exceeds `bound`; zero for an empty bound, whose instance has
/// nothing to visit.
pub fn gap_percent(visits: usize, bound: usize) -> f64 {
    if bound == 0 {
        return 0.0;
    }
    crate::devtools::percent_above(visits as f64, bound as f64)
}

/// One Solomon VRPTW instance solved by the routing engine, against its best known solution.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SolomonRow {
    /// Instance name (`C101` …).
    pub instance: String,
    /// Planner seed.
    pub seed: u64,
    /// Improvement rounds (the budget).
    pub iterations: u64,
    /// The time limit per instance, when the budget was one (`--time-limit`).
    #[serde(default)]
    pub time_limit_seconds: Option<f64>,
    /// Customers.
    pub customers: usize,
    /// Vehicles used.
    pub vehicles: usize,
    /// Vehicles of the best known solution, when `bks.csv` knows it.
    pub bks_vehicles: Option<usize>,
    /// Total distance, summed in double precision by the Solomon checker.
    pub distance: f64,
    /// Distance of the best known solution.
    pub bks_distance: Option<f64>,
    /// `(distance - bks_distance) / bks_distance`, in percent; negative with more vehicles.
    pub gap_percent: Option<f64>,
    /// Seconds taken.
    pub seconds: f64,
    /// Worker threads.
    pub threads: usize,
    /// Peak resident memory of the process that solved it, in MiB.
    pub peak_memory_mb: Option<f64>,
    /// True when the solution met every time window and capacity.
    pub feasible: bool,
}

/// The improvement phase alone, timed at a fixed budget, for thread-scaling tables.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ScalingRow {
    /// Instance name.
    pub instance: String,
    /// Planner seed.
    pub seed: u64,
    /// Improvement rounds.
    pub iterations: u64,
    /// Worker threads.
    pub threads: usize,
    /// Seconds of the first plan (construction), not part of the figure.
    pub construct_seconds: f64,
    /// Seconds of the improvement phase at the whole budget.
    pub improve_seconds: f64,
    /// Milliseconds per improvement round.
    pub ms_per_round: f64,
}

/// Everything one `chayici bench` run measured, as written by `--out`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    /// `chayici --version`.
    pub chayici_version: String,
    /// When the run ended (UTC, RFC 3339).
    pub date: String,
    /// The suite run.
    pub suite: String,
    /// The machine it ran on.
    pub machine: super::Machine,
    /// Workspaces planned.
    pub rows: Vec<Row>,
    /// Solomon instances solved.
    pub solomon: Vec<SolomonRow>,
    /// Improvement-phase timing (the `scaling` suite).
    pub scaling: Vec<ScalingRow>,
    /// Peers on the same workspaces (`--peers`).
    #[serde(default)]
    pub peers: Vec<super::peers::PeerRow>,
    /// Peers on the classic VRPTW files (`--peers`).
    #[serde(default)]
    pub peers_classic: Vec<super::peers::PeerClassicRow>,
    /// Why the peers did not run, when they were asked for.
    #[serde(default)]
    pub peers_note: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_row_without_milp_still_reads() {
        let json = r#"{"instance":"demo","source":"data/demo","seed":1,"iterations":2,
            "iterations_done":2,"tasks":3,"unscheduled":0,"visits":2,"lower_bound":2,"naive":3,
            "visit_gap_percent":0.0,"travel_km":1.5,"seconds":0.1,"load_seconds":0.0,
            "bounds_seconds":0.0,"verify_seconds":0.0,"threads":1,"peak_memory_mb":null,
            "verified":true,"violations":0}"#;
        let row: Row = serde_json::from_str(json).expect("an older row reads");
        assert_eq!(row.milp, None);
    }

    #[test]
    fn gap_is_relative_to_the_bound() {
        assert_eq!(gap_percent(101, 100), 1.0);
        assert_eq!(gap_percent(100, 100), 0.0);
        assert_eq!(gap_percent(0, 0), 0.0);
    }
}
