//! Provides `chayici solomon`: solves a Solomon VRPTW instance with the planner's routing
//! engine, checks the solution in double precision and prints it against the best known.
//!
//! Exit codes: 0 a feasible solution, 1 the checker rejected it, 2 the file cannot be read.

use super::{Outcome, parse_seconds};
use chayici::devtools::solomon::{self, SolomonResult};
use chayici::solve::SolveParams;
use std::io::Write;
use std::path::PathBuf;
use std::time::Duration;

/// Arguments of `chayici solomon`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// A Solomon instance file (C101.txt …); `bks.csv` beside it gives the best known.
    pub file: PathBuf,
    /// Stop after this many seconds (the result is then not reproducible).
    #[arg(long, value_name = "SECONDS", value_parser = parse_seconds)]
    pub time_limit: Option<f64>,
    /// Improvement iterations; the same seed and iterations give the same solution.
    #[arg(long, default_value_t = SolveParams::default().iterations)]
    pub iterations: u64,
    /// Seed of every random choice.
    #[arg(long, default_value_t = SolveParams::default().seed)]
    pub seed: u64,
    /// Worker threads (0 = one per core); the solution does not depend on it.
    #[arg(long, default_value_t = 0)]
    pub threads: usize,
    /// Print the result as JSON, routes included.
    #[arg(long)]
    pub json: bool,
    /// Print each vehicle's route.
    #[arg(long)]
    pub routes: bool,
}

/// Runs the subcommand.
pub fn run(args: &Args) -> anyhow::Result<Outcome> {
    let params = SolveParams {
        seed: args.seed,
        iterations: args.iterations,
        time_limit: args.time_limit.map(Duration::from_secs_f64),
        deadline: None,
        threads: args.threads,
    };
    let r = match solomon::solve_file(&args.file, &params) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("chayici: {e:#}");
            return Ok(Outcome::Failed);
        }
    };
    let mut out = std::io::stdout().lock();
    if args.json {
        serde_json::to_writer_pretty(&mut out, &r)?;
        writeln!(out)?;
    } else {
        print_text(&mut out, &r, args.routes)?;
    }
    Ok(if r.feasible {
        Outcome::Done
    } else {
        Outcome::Invalid
    })
}

/// The human-readable result.
fn print_text(out: &mut impl Write, r: &SolomonResult, routes: bool) -> std::io::Result<()> {
    let (bv, bd, gap) = match (r.bks, r.gap_percent) {
        (Some(b), Some(g)) => (
            b.vehicles.to_string(),
            format!("{:.2}", b.distance),
            // Within rounding of the best known is no gap, not a negative one.
            format!("{:+.2}%", if g.abs() < 0.005 { 0.0 } else { g }),
        ),
        _ => ("?".into(), "?".into(), "?".into()),
    };
    writeln!(out, "{}: {} customers", r.name, r.customers)?;
    writeln!(out, "vehicles  {:>10}   best known {bv}", r.vehicles)?;
    writeln!(
        out,
        "distance  {:>10.2}   best known {bd}   gap {gap}",
        r.distance
    )?;
    writeln!(
        out,
        "seconds   {:>10.2}   iterations {}   seed {}",
        r.seconds, r.iterations, r.seed
    )?;
    if routes {
        for (k, route) in r.routes.iter().enumerate() {
            let ids: Vec<String> = route.iter().map(u32::to_string).collect();
            writeln!(out, "route {}: {}", k + 1, ids.join(" "))?;
        }
    }
    if r.feasible {
        writeln!(
            out,
            "checked in double precision: time windows, capacity, every customer once: feasible"
        )
    } else {
        for v in &r.violations {
            writeln!(out, "violation: {v}")?;
        }
        writeln!(out, "checked in double precision: INFEASIBLE")
    }
}
