//! Peers' rows of the bench: VROOM on the same workspaces (exported with the planner's bundles
//! and judged by the same checker), VROOM and PyVRP on the classic VRPTW files.
//!
//! The solvers run in Python (`benches/peers/peers.py`); this module holds what does not need
//! them: the rows, turning VROOM's answer into a row through [`crate::export`] and
//! [`crate::verify::verify_plan`], and where the script lies. The command line starts the
//! processes.

use crate::export::{VroomExport, VroomSolution, plan_from_vroom};
use crate::model::Instance;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// The script, relative to the source tree.
pub const SCRIPT: &str = "benches/peers/peers.py";

/// One peer on one workspace, in the workspace table's terms.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PeerRow {
    /// The workspace's name in the suite.
    pub instance: String,
    /// `vroom`.
    pub solver: String,
    /// How it ran (`level 5, 2 threads`).
    pub setting: String,
    /// Visits of the plan it made.
    pub visits: usize,
    /// Tasks it left unscheduled (those no plan can schedule included).
    pub unscheduled: usize,
    /// Road kilometres, as the checker counts them.
    pub travel_km: f64,
    /// Team-days out.
    pub routes: usize,
    /// Seconds the solver took (loading its problem included, exporting not).
    pub seconds: f64,
    /// True when the checker found no broken rule.
    pub verified: bool,
    /// Broken rules found, or why the answer could not be read as a plan.
    pub problems: Vec<String>,
}

/// One peer on one classic VRPTW file, as the script prints it with `--json`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PeerClassicRow {
    /// `vroom` or `pyvrp`.
    pub solver: String,
    /// The file's instance name.
    pub instance: String,
    /// Customers.
    pub customers: usize,
    /// Vehicles used.
    pub vehicles: usize,
    /// Distance in double precision.
    pub distance: f64,
    /// Seconds of the solve.
    pub seconds: f64,
    /// Vehicles of the best known.
    pub bks_vehicles: Option<usize>,
    /// Distance of the best known.
    pub bks_distance: Option<f64>,
    /// Distance over the best known, in percent.
    pub gap_percent: Option<f64>,
    /// True when the script's double-precision checker found nothing wrong.
    pub feasible: bool,
}

/// The row of VROOM's `solution` to the problem `export` made of the workspace `inst`.
pub fn vroom_row(
    name: &str,
    setting: &str,
    inst: &Instance,
    export: &VroomExport,
    solution: &VroomSolution,
    seconds: f64,
) -> PeerRow {
    let mut row = PeerRow {
        instance: name.to_string(),
        solver: "vroom".into(),
        setting: setting.to_string(),
        visits: 0,
        unscheduled: inst.tasks.len(),
        travel_km: 0.0,
        routes: 0,
        seconds,
        verified: false,
        problems: Vec::new(),
    };
    match plan_from_vroom(inst, export, solution) {
        Ok(plan) => {
            let report = crate::verify::verify_plan(inst, &plan);
            let k = &report.kpis;
            row.visits = k.visits;
            row.unscheduled = k.unscheduled;
            row.travel_km = k.travel_km;
            row.routes = k.routes;
            row.verified = report.is_ok();
            row.problems = report.violations.iter().map(|v| v.to_string()).collect();
        }
        Err(e) => row.problems.push(e.to_string()),
    }
    row
}

/// Reads the classic rows the script printed, one JSON object a line; other lines (warnings)
/// are skipped.
pub fn parse_classic_rows(stdout: &str) -> Vec<PeerClassicRow> {
    stdout
        .lines()
        .filter(|l| l.starts_with('{'))
        .filter_map(|l| serde_json::from_str(l).ok())
        .collect()
}

/// The script: `given`, else `benches/peers/peers.py` here, else the source tree's.
pub fn script(given: Option<&Path>) -> PathBuf {
    if let Some(p) = given {
        return p.to_path_buf();
    }
    let here = PathBuf::from(SCRIPT);
    if here.is_file() {
        return here;
    }
    Path::new(env!("CARGO_MANIFEST_DIR")).join(SCRIPT)
}

/// What the bench says when the peers cannot run, `zh` and `en` saying why: Chinese first,
/// English beside.
pub fn missing_note(zh: &str, en: &str) -> String {
    format!(
        "对照求解器未运行：{zh}；请安装 pyvroom 与 pyvrp（见 BENCHMARKS.md）。\
         Peers not run: {en}; install pyvroom and pyvrp (see BENCHMARKS.md)."
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::vroom_problem;
    use crate::graph::visit_bounds;

    #[test]
    fn an_empty_answer_leaves_every_task_unscheduled_and_still_verifies() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/tiny");
        let inst = crate::ingest::load_workspace(&dir)
            .unwrap()
            .instance
            .unwrap();
        let export = vroom_problem(&inst, &visit_bounds(&inst));
        let solution: VroomSolution =
            serde_json::from_str(r#"{"code":0,"routes":[],"unassigned":[]}"#).unwrap();
        let row = vroom_row("tiny", "level 0", &inst, &export, &solution, 0.1);
        assert_eq!((row.visits, row.unscheduled), (0, inst.tasks.len()));
        assert!(row.verified, "{:?}", row.problems);
        let bad: VroomSolution =
            serde_json::from_str(r#"{"code":2,"error":"no vehicle"}"#).unwrap();
        let row = vroom_row("tiny", "level 0", &inst, &export, &bad, 0.1);
        assert!(!row.verified);
        assert!(row.problems[0].contains("no vehicle"), "{:?}", row.problems);
    }

    #[test]
    fn classic_rows_are_read_past_warnings() {
        let out = "UserWarning: something\n{\"solver\":\"pyvrp\",\"instance\":\"C101\",\
                   \"customers\":100,\"vehicles\":10,\"distance\":828.94,\"seconds\":1.0,\
                   \"bks_vehicles\":10,\"bks_distance\":828.94,\"gap_percent\":0.0,\
                   \"feasible\":true,\"violations\":[]}\n";
        let rows = parse_classic_rows(out);
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].vehicles, 10);
    }
}
