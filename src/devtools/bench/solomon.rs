//! Solomon VRPTW rows of the bench: a sample of the classic instances, solved by the county
//! planner's routing engine through [`crate::devtools::solomon`], against their best known solutions.
//!
//! They run at a round budget like the workspaces, not at a time limit, so a row can be
//! reproduced exactly; the 60-second figure is `chayici solomon --time-limit 60`.

use super::measure::RunParams;
use super::memory::peak_memory_mb;
use super::row::SolomonRow;
use std::path::Path;

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
    let r = crate::devtools::solomon::solve_file(&path, &params.solve_params())?;
    Ok(SolomonRow {
        instance: r.name,
        seed: params.seed,
        iterations: params.iterations,
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
}
