//! Provides `chayici plan`: load the workspace, plan, check the plan independently, and write
//! the plan folder all at once.
//!
//! The checker runs before anything is written: a plan that fails it is a bug in the planner,
//! and printing route sheets from it would send teams to closed doors.

use super::{EXIT_FAILURE, EXIT_INVALID, EXIT_OK};
use crate::model::Instance;
use crate::output::report::{ReportHeadline, write_people_outputs};
use crate::output::sheets::Lang;
use crate::output::{
    Bounds, InputFile, MilpMeta, Parameters, PlanMeta, Timing, check_out_dir, write_milp_summary,
    write_out_dir, write_plan_files, write_summary,
};
use crate::solve::milp::{MilpParams, solve_exact};
use crate::solve::{Progress, SolveParams, solve_with_bounds};
use crate::verify::verify_plan;
use anyhow::Context;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// Arguments of `chayici plan`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The workspace folder.
    pub workspace: PathBuf,
    /// Folder to write the plan into. A previous plan's files there are replaced; any other
    /// file is kept. It may not be, hold or lie inside the workspace.
    #[arg(long, short)]
    pub out: PathBuf,
    /// Seed of every random choice; publish it so anyone can reproduce the plan.
    #[arg(long, default_value_t = SolveParams::default().seed)]
    pub seed: u64,
    /// Improvement iterations; the same seed and iterations give the same plan.
    #[arg(long, default_value_t = SolveParams::default().iterations)]
    pub iterations: u64,
    /// Stop after this many seconds instead (the plan is then not reproducible).
    #[arg(long, value_name = "SECONDS", value_parser = parse_seconds)]
    pub time_limit: Option<f64>,
    /// Worker threads (0 = one per core); the plan does not depend on it.
    #[arg(long, default_value_t = 0)]
    pub threads: usize,
    /// After the search, pick the best combination of the routes it met by set partitioning
    /// (a MILP; the default).
    #[arg(long, overrides_with = "no_milp")]
    pub milp: bool,
    /// Skip the set-partitioning MILP.
    #[arg(long, overrides_with = "milp")]
    pub no_milp: bool,
    /// Longest the MILP solver may run; a run that reaches it is not reproducible.
    #[arg(long, value_name = "SECONDS", value_parser = parse_seconds,
          default_value_t = MilpParams::default().time_limit.as_secs_f64())]
    pub milp_time_limit: f64,
    /// Solve exactly instead of searching: every feasible route enumerated, then the MILP.
    /// Small workspaces only (8 firms with tasks, 2 teams, 5 working days).
    #[arg(long, conflicts_with_all = ["time_limit", "milp", "no_milp"])]
    pub exact: bool,
    /// Print no progress bar and no summary.
    #[arg(long, short)]
    pub quiet: bool,
    /// Write into an --out folder that holds other files and no plan; nothing in it is
    /// removed or overwritten.
    #[arg(long)]
    pub force: bool,
}

fn parse_seconds(s: &str) -> Result<f64, String> {
    match s.parse::<f64>() {
        Ok(x) if x.is_finite() && x > 0.0 && x < 1e9 => Ok(x),
        _ => Err(format!("`{s}` is not a positive number of seconds")),
    }
}

/// A loaded workspace: the instance and the files it came from.
pub(crate) struct Workspace {
    /// The validated instance.
    pub instance: Instance,
    /// Every input file with its SHA-256.
    pub inputs: Vec<InputFile>,
}

/// Loads `dir`, printing every diagnostic to stderr; `None` when the workspace has errors.
pub(crate) fn load_workspace(dir: &Path) -> anyhow::Result<Option<Workspace>> {
    let loaded = crate::ingest::load_workspace(dir)
        .with_context(|| format!("cannot read workspace {}", dir.display()))?;
    for d in &loaded.diagnostics {
        eprintln!("{d}");
    }
    match loaded.instance {
        Some(instance) if !loaded.has_errors() => Ok(Some(Workspace {
            instance,
            inputs: loaded.inputs,
        })),
        _ => Ok(None),
    }
}

/// A progress bar on stderr showing the best objective, or a hidden one.
fn progress_bar(quiet: bool, budget: u64) -> ProgressBar {
    if quiet || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(Some(budget), ProgressDrawTarget::stderr());
    let template = if budget > 0 {
        "{spinner} planning [{elapsed_precise}] {bar:30} {pos}/{len} iterations, best {msg}"
    } else {
        "{spinner} planning [{elapsed_precise}] {pos} iterations, best {msg}"
    };
    if let Ok(style) = ProgressStyle::with_template(template) {
        bar.set_style(style);
    }
    bar.enable_steady_tick(Duration::from_millis(200));
    bar
}

/// Runs the subcommand.
pub fn run(args: &Args) -> anyhow::Result<u8> {
    let started = Instant::now();
    check_out_dir(&args.out, args.force, Some(&args.workspace))?;
    let Some(ws) = load_workspace(&args.workspace)? else {
        eprintln!("chayici: the workspace has errors; nothing planned");
        return Ok(EXIT_INVALID);
    };
    let inst = &ws.instance;
    let bounds = crate::graph::visit_bounds(inst);
    let params = SolveParams {
        seed: args.seed,
        iterations: args.iterations,
        time_limit: args.time_limit.map(Duration::from_secs_f64),
        threads: args.threads,
    };
    let bar = progress_bar(
        args.quiet,
        if params.time_limit.is_some() {
            0
        } else {
            params.iterations
        },
    );
    let milp = MilpParams {
        time_limit: Duration::from_secs_f64(args.milp_time_limit),
        ..MilpParams::default()
    };
    let outcome = if args.exact {
        match solve_exact(inst) {
            Ok(o) => o,
            Err(e) => {
                bar.finish_and_clear();
                eprintln!("chayici: {e}");
                return Ok(EXIT_INVALID);
            }
        }
    } else {
        let milp = (!args.no_milp).then_some(&milp);
        solve_with_bounds(inst, &bounds, &params, milp, &|p: Progress| {
            bar.set_position(p.iteration);
            bar.set_message(format!("{:.1}", p.best_objective));
        })
    };
    bar.finish_and_clear();

    let report = verify_plan(inst, &outcome.plan);
    if !report.is_ok() {
        for v in &report.violations {
            eprintln!("  {v}");
        }
        eprintln!(
            "chayici: internal error: the planner's plan breaks {} rule(s) (listed above); \
             nothing written. Please report this with the workspace and the seed.",
            report.violations.len()
        );
        return Ok(EXIT_FAILURE);
    }
    let meta = PlanMeta {
        workspace: crate::output::workspace_ref(&args.workspace, &args.out),
        parameters: Parameters {
            seed: params.seed,
            iterations: params.iterations,
            time_limit_seconds: args.time_limit,
            chayici_version: super::version_string().to_owned(),
        },
        inputs: ws.inputs.clone(),
        bounds: Bounds {
            visits_lower_bound: bounds.lower_bound,
            visits_naive: bounds.naive,
        },
        objective: outcome.objective.clone(),
        milp: MilpMeta {
            mode: outcome.milp.as_ref().map_or("off", |r| r.model),
            time_limit_seconds: (!args.exact && !args.no_milp).then_some(args.milp_time_limit),
            report: outcome.milp.clone(),
            ..MilpMeta::default()
        },
        timing: Timing {
            elapsed_seconds: (started.elapsed().as_secs_f64() * 1000.0).round() / 1000.0,
            threads: params.threads,
            iterations_done: outcome.iterations,
            milp_seconds: outcome
                .milp
                .as_ref()
                .map(|r| (r.seconds * 1000.0).round() / 1000.0),
        },
    };
    let k = &report.kpis;
    let headline = ReportHeadline {
        tasks: k.tasks,
        scheduled: k.scheduled,
        unscheduled: k.unscheduled,
        visits: k.visits,
        visits_lower_bound: bounds.lower_bound,
        visits_naive: bounds.naive,
        travel_km: k.travel_km,
        travel_minutes: k.travel_minutes,
        seed: Some(params.seed),
    };
    write_out_dir(&args.out, args.force, Some(&args.workspace), |dir| {
        write_plan_files(dir, inst, &outcome.plan, &meta)?;
        write_people_outputs(dir, inst, &outcome.plan, &headline, Lang::Zh)?;
        Ok(())
    })?;
    if !args.quiet {
        let mut w = std::io::stdout().lock();
        write_summary(&mut w, &inst.name, &report.kpis, meta.bounds)?;
        if let Some(r) = &outcome.milp {
            write_milp_summary(&mut w, r)?;
        }
        writeln!(w, "  written to   {}", args.out.display())?;
    }
    Ok(EXIT_OK)
}
