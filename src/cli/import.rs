//! Provides `chayici import`: reads another solver's answer to a problem `chayici export`
//! wrote and writes it as a plan folder, checked by the independent checker first, so that a
//! peer's plan is judged, printed and compared like the planner's own.

use super::export::PeerFormat;
use super::workspace::{self, Show};
use super::{Outcome, lang};
use anyhow::Context;
use chayici::export::{VroomSolution, plan_from_vroom, vroom_problem};
use chayici::model::{Instance, Plan, Priority};
use chayici::msg;
use chayici::output::report::{ReportHeadline, write_people_outputs};
use chayici::output::sheets::Lang;
use chayici::output::{
    Bounds, MilpMeta, Parameters, PlanMeta, Timing, check_out_dir, round3, write_out_dir,
    write_plan_files, write_summary,
};
use chayici::solve::ObjectiveParts;
use chayici::stats::NaiveCounts;
use chayici::verify::{Kpis, verify_plan};
use std::io::Write;
use std::path::PathBuf;
use std::time::Instant;

/// Arguments of `chayici import`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The solver's format.
    #[arg(long, value_enum)]
    pub format: PeerFormat,
    /// The workspace the problem was exported from.
    pub workspace: PathBuf,
    /// The solver's solution file.
    pub solution: PathBuf,
    /// Folder to write the plan into, as `chayici plan --out`.
    #[arg(long, short)]
    pub out: PathBuf,
    /// Write into an --out folder that holds other files and no plan.
    #[arg(long)]
    pub force: bool,
    /// Print no summary.
    #[arg(long, short)]
    pub quiet: bool,
}

/// Runs the subcommand.
pub fn run(args: &Args) -> anyhow::Result<Outcome> {
    let started = Instant::now();
    check_out_dir(&args.out, args.force, Some(&args.workspace))?;
    let Some(ws) = workspace::load(&args.workspace, Show::Errors)
        .with_context(|| format!("cannot read workspace {}", args.workspace.display()))?
    else {
        let m = msg!(ImportWorkspaceErrors, workspace = args.workspace.display());
        eprintln!("chayici: {}", m.render(lang()));
        return Ok(Outcome::Invalid);
    };
    let inst = &ws.instance;
    let text = std::fs::read_to_string(&args.solution)
        .with_context(|| format!("cannot read {}", args.solution.display()))?;
    let bounds = chayici::graph::visit_bounds(inst);
    let plan = match args.format {
        PeerFormat::Vroom => {
            let solution: VroomSolution = match serde_json::from_str(&text) {
                Ok(s) => s,
                Err(e) => {
                    let m = msg!(ImportNotVroom, file = args.solution.display(), error = e);
                    eprintln!("chayici: {}", m.render(lang()));
                    return Ok(Outcome::Invalid);
                }
            };
            match plan_from_vroom(inst, &vroom_problem(inst, &bounds), &solution) {
                Ok(p) => p,
                Err(e) => {
                    eprintln!(
                        "chayici: {}: {}",
                        args.solution.display(),
                        e.msg().render(lang())
                    );
                    return Ok(Outcome::Invalid);
                }
            }
        }
    };
    let report = verify_plan(inst, &plan);
    if !report.is_ok() {
        for v in &report.violations {
            eprintln!("  {}", v.render(lang()));
        }
        let m = msg!(ImportBroken, count = report.violations.len());
        eprintln!("chayici: {}", m.render(lang()));
        return Ok(Outcome::Invalid);
    }
    let k = &report.kpis;
    let naive_counts = NaiveCounts::of(inst, &bounds);
    let meta = PlanMeta {
        workspace: chayici::output::workspace_ref(&args.workspace, &args.out),
        parameters: Parameters {
            seed: 0,
            iterations: 0,
            time_limit_seconds: None,
            chayici_version: format!("{} (routes imported from VROOM)", super::version_string()),
        },
        inputs: ws.inputs.clone(),
        bounds: Bounds {
            visits_lower_bound: bounds.lower_bound,
            visits_naive: bounds.naive,
            cut_by_time_limit: false,
        },
        objective: objective(inst, &plan, k),
        milp: MilpMeta::default(),
        timing: Timing {
            elapsed_seconds: round3(started.elapsed().as_secs_f64()),
            threads: 1,
            iterations_done: 0,
            milp_seconds: None,
            deadline_seconds: None,
            phases: Vec::new(),
            timed_out_tasks: 0,
        },
        replan: None,
        naive_counts: Some(naive_counts.clone()),
    };
    let headline = ReportHeadline::from_kpis(k, bounds.lower_bound, bounds.naive, None)
        .with_naive_counts(naive_counts);
    write_out_dir(&args.out, args.force, Some(&args.workspace), |dir| {
        write_plan_files(dir, inst, &plan, &meta, lang())?;
        write_people_outputs(dir, inst, &plan, &headline, Lang::Zh, None)?;
        Ok(())
    })?;
    if !args.quiet {
        let mut w = std::io::stdout().lock();
        write_summary(&mut w, &inst.name, k, meta.bounds, lang())?;
        let written = msg!(PlanWrittenTo, dir = args.out.display());
        writeln!(w, "{}", written.render(lang()))?;
    }
    Ok(Outcome::Done)
}

/// The planner's objective of an imported plan, from the checker's figures, so that plan.json
/// compares with the planner's own.
fn objective(inst: &Instance, plan: &Plan, k: &Kpis) -> ObjectiveParts {
    let w = &inst.settings.weights;
    let mut parts = ObjectiveParts {
        visits: k.visits,
        routes: k.routes,
        travel_km: round3(k.travel_km),
        travel_minutes: u32::try_from(k.travel_minutes).unwrap_or(u32::MAX),
        ..ObjectiveParts::default()
    };
    for u in &plan.unscheduled {
        match inst.tasks[u.task].priority {
            Priority::Mandatory => parts.unscheduled_mandatory += 1,
            Priority::Normal => parts.unscheduled_normal += 1,
            Priority::Low => parts.unscheduled_low += 1,
        }
    }
    let load: Vec<f64> = k.team_workload.iter().map(|t| t.minutes as f64).collect();
    if !load.is_empty() {
        let mean = load.iter().sum::<f64>() / load.len() as f64;
        let max = load.iter().copied().fold(f64::MIN, f64::max);
        let min = load.iter().copied().fold(f64::MAX, f64::min);
        parts.workload_spread_minutes = (max - min) as u32;
        parts.workload_deviation_minutes =
            load.iter().map(|m| (m - mean).abs()).sum::<f64>().round() as u32;
    }
    parts.total = round3(
        parts.unscheduled_mandatory as f64 * w.unscheduled_mandatory
            + parts.unscheduled_normal as f64 * w.unscheduled_normal
            + parts.unscheduled_low as f64 * w.unscheduled_low
            + parts.visits as f64 * w.visit
            + parts.routes as f64 * w.route
            + parts.travel_km * w.travel_km
            + f64::from(parts.workload_deviation_minutes) * w.balance_minute,
    );
    parts
}
