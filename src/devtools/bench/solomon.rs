//! Solomon VRPTW rows of the bench: a sample of the classic instances, solved by the county
//! planner's routing engine through [`crate::devtools::solomon`], against their best known solutions.
//!
//! They run at a round budget like the workspaces, not at a time limit, so a row can be
//! reproduced exactly; the 60-second figure is `chayici solomon --time-limit 60`.

use super::measure::RunParams;
use super::memory::peak_memory_mb;
use super::row::SolomonRow;
use std::path::{Path, PathBuf};

/// One instance of each class (clustered, random, mixed) with short horizons: quick to run.
const QUICK: [&str; 3] = ["C101", "R101", "RC101"];

/// Also the long-horizon instances, whose few long routes test other moves.
const FULL: [&str; 6] = ["C101", "R101", "RC101", "C201", "R201", "RC201"];

/// Solomon instances of a suite, looked up as `data/solomon/NAME.txt`.
pub fn sample(full: bool) -> &'static [&'static str] {
    if full { &FULL } else { &QUICK }
}

/// Solves `data_dir/solomon/NAME.txt` with the bench's seed, budget and threads, and checks
/// the result in double precision from the file alone.
pub fn run_solomon(name: &str, data_dir: &Path, params: &RunParams) -> anyhow::Result<SolomonRow> {
    let path = data_dir.join("solomon").join(format!("{name}.txt"));
    run_classic(&path, params, None)
}

/// Solves the classic file at `path` (Solomon or Gehring & Homberger, with `bks.csv` beside
/// it) like [`run_solomon`]; with `time_limit`, for at most that many seconds and as many
/// rounds as fit (the row is then not reproducible), the way the 1000-customer instances run.
pub fn run_classic(
    path: &Path,
    params: &RunParams,
    time_limit: Option<f64>,
) -> anyhow::Result<SolomonRow> {
    let mut solve = params.solve_params();
    if let Some(s) = time_limit {
        solve.time_limit = Some(std::time::Duration::from_secs_f64(s));
    }
    let r = crate::devtools::solomon::solve_file(path, &solve)?;
    Ok(SolomonRow {
        instance: r.name,
        seed: params.seed,
        iterations: params.iterations,
        time_limit_seconds: time_limit,
        customers: r.customers,
        vehicles: r.vehicles,
        bks_vehicles: r.bks.map(|b| b.vehicles),
        distance: r.distance,
        bks_distance: r.bks.map(|b| b.distance),
        gap_percent: r.gap_percent,
        seconds: r.seconds,
        threads: params.effective_threads(),
        peak_memory_mb: peak_memory_mb(),
        feasible: r.feasible,
    })
}

/// Where the Gehring & Homberger instances lie: `data_dir/gehring_homberger/`, else the
/// shared benchmark folder beside the source tree or the working directory.
pub fn homberger_dir(data_dir: Option<&Path>) -> Option<PathBuf> {
    let shared = Path::new("benchmarks").join("gehring_homberger");
    data_dir
        .map(|d| d.join("gehring_homberger"))
        .into_iter()
        .chain([
            Path::new("..").join("shared").join(&shared),
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("..")
                .join("shared")
                .join(&shared),
        ])
        .find(|d| d.join("bks.csv").is_file())
}

/// The Gehring & Homberger files of `customers` customers (200, 400 … 1000) in `dir`, class by
/// class (C1, C2, R1, R2, RC1, RC2) and in number order within a class, as the literature
/// lists them.
pub fn homberger_files(dir: &Path, customers: usize) -> Vec<PathBuf> {
    let size = customers / 100;
    let mut out = Vec::new();
    for class in ["c1", "c2", "r1", "r2", "rc1", "rc2"] {
        for k in 1..=10 {
            let p = dir.join(format!("{class}_{size}_{k}.txt"));
            if p.is_file() {
                out.push(p);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn solves_a_shipped_instance_feasibly() {
        let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
        if !data.join("solomon/C101.txt").is_file() {
            return;
        }
        let params = RunParams {
            seed: 1,
            iterations: 3,
            threads: 1,
            milp: false,
        };
        let row = run_solomon("C101", &data, &params).expect("solved");
        assert!(row.feasible);
        assert_eq!(row.customers, 100);
        assert_eq!(row.bks_vehicles, Some(10));
    }

    #[test]
    fn lists_a_homberger_set_class_by_class_in_number_order() {
        let dir = tempfile::tempdir().unwrap();
        for name in [
            "r1_2_10", "c1_2_2", "c1_2_10", "c1_2_1", "c1_4_1", "rc2_2_1",
        ] {
            std::fs::write(dir.path().join(format!("{name}.txt")), "").unwrap();
        }
        let names: Vec<String> = homberger_files(dir.path(), 200)
            .iter()
            .map(|p| p.file_stem().unwrap().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names, ["c1_2_1", "c1_2_2", "c1_2_10", "r1_2_10", "rc2_2_1"]);
    }
}
