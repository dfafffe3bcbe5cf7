//! Provides `chayici plan`: load the workspace, plan, check the plan independently, and write
//! the plan folder all at once.
//!
//! The checker runs before anything is written: a plan that fails it is a bug in the planner,
//! and printing route sheets from it would send teams to closed doors.

use super::workspace::{self, Show};
use super::{Outcome, parse_seconds};
use anyhow::Context;
use chayici::output::report::{ReportHeadline, read_previous_plan, write_people_outputs};
use chayici::output::sheets::Lang;
use chayici::output::{
    Bounds, MilpMeta, Parameters, PhaseTiming, PlanMeta, Timing, check_out_dir, round3,
    write_milp_summary, write_out_dir, write_plan_files, write_summary,
};
use chayici::solve::milp::{ExactError, ExactParams, MilpParams, solve_exact};
use chayici::solve::{Phase, Progress, SolveParams, solve_keeping, solve_with_bounds};
use chayici::stats::NaiveCounts;
use chayici::verify::{verify_plan, verify_replan};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
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
    /// Longest the MILP solver may run; a run that reaches it is not reproducible. With
    /// --exact, longest the whole exact solve may take.
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
    /// Replan from a published plan: keep its visits before --from as they were done, and the
    /// later ones where they still fit (see "During the month" in the README).
    #[arg(
        long,
        value_name = "OLD_PLAN_DIR",
        requires = "from",
        conflicts_with = "exact"
    )]
    pub keep: Option<PathBuf>,
    /// The replanning date: the first day the new plan may change (with --keep).
    #[arg(long, value_name = "DATE", value_parser = super::replan::parse_date, requires = "keep")]
    pub from: Option<chrono::NaiveDate>,
}

/// The phases of a run: each one timed for run.json and, when stderr is a terminal and the
/// run is not quiet, named on a progress line so that a long run shows where it is.
struct Phases {
    started: Instant,
    last: Instant,
    done: Vec<PhaseTiming>,
    bar: ProgressBar,
}

impl Phases {
    fn new(started: Instant, quiet: bool) -> Self {
        let bar = if quiet || !std::io::stderr().is_terminal() {
            ProgressBar::hidden()
        } else {
            let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
            if let Ok(style) =
                ProgressStyle::with_template("{spinner} {prefix:16} [{elapsed_precise}] {msg}")
            {
                bar.set_style(style);
            }
            bar.enable_steady_tick(Duration::from_millis(200));
            bar
        };
        Self {
            started,
            last: started,
            done: Vec::new(),
            bar,
        }
    }

    /// Shows `phase` as the one running.
    fn show(&self, phase: &str) {
        self.bar.set_prefix(phase.replace('_', " "));
        self.bar.set_message("");
    }

    /// Records `phase` as ended now.
    fn end(&mut self, phase: &'static str) {
        let now = Instant::now();
        self.push(phase, now - self.last);
        self.last = now;
    }

    /// Records `phase` as having taken `took`, ending at `self.last + took`.
    fn push(&mut self, phase: &'static str, took: Duration) {
        let ended = self.last + took;
        self.done.push(PhaseTiming {
            phase,
            ended_seconds: round3((ended - self.started).as_secs_f64()),
            seconds: round3(took.as_secs_f64()),
        });
        self.last = ended;
    }
}

/// The progress line's message for a planner report.
fn progress_message(p: &Progress) -> String {
    match (p.phase, p.budget) {
        (Phase::Search, 0) => format!("{} iterations, best {:.1}", p.iteration, p.best_objective),
        (Phase::Search, b) => format!(
            "{}/{b} iterations, best {:.1}",
            p.iteration, p.best_objective
        ),
        _ => String::new(),
    }
}

/// Runs the subcommand.
pub fn run(args: &Args) -> anyhow::Result<Outcome> {
    let started = Instant::now();
    // The deadline counts from the start: reading and bounds spend the same budget as the
    // planner, so --time-limit bounds the run, not only the search.
    let deadline = args
        .time_limit
        .map(|s| started + Duration::from_secs_f64(s));
    check_out_dir(&args.out, args.force, Some(&args.workspace))?;
    let mut phases = Phases::new(started, args.quiet);
    phases.show("reading");
    let Some(ws) = workspace::load(&args.workspace, Show::Each(&phases.bar))
        .with_context(|| format!("cannot read workspace {}", args.workspace.display()))?
    else {
        phases.bar.finish_and_clear();
        eprintln!("chayici: the workspace has errors; nothing planned");
        return Ok(Outcome::Invalid);
    };
    phases.end("reading");
    let inst = &ws.instance;
    let replan = match (&args.keep, args.from) {
        (Some(dir), Some(from)) => {
            if same_folder(dir, &args.out) {
                phases.bar.finish_and_clear();
                eprintln!(
                    "chayici: --out is the plan to keep; write the new plan beside it (the \
                     old one is what `verify` checks the fixed visits against)"
                );
                return Ok(Outcome::Invalid);
            }
            let from = match super::replan::day_in(inst, from) {
                Ok(d) => d,
                Err(e) => {
                    phases.bar.finish_and_clear();
                    eprintln!("chayici: {e}");
                    return Ok(Outcome::Invalid);
                }
            };
            // The calendars' published SEQUENCEs come along, so phones update their events.
            let people = read_previous_plan(dir, Some(inst.calendar.date(from)))?;
            let prev = people.calendars.snapshot.clone();
            Some((chayici::replan::prepare(inst, &prev, from), prev, people))
        }
        _ => None,
    };
    phases.show("bounds");
    let bounds = chayici::graph::visit_bounds_until(inst, deadline);
    // A firm gets the quick bound only once the deadline has passed.
    let bounds_cut = deadline.is_some_and(|d| Instant::now() >= d);
    phases.end("bounds");
    let params = SolveParams {
        seed: args.seed,
        iterations: args.iterations,
        time_limit: args.time_limit.map(Duration::from_secs_f64),
        deadline,
        threads: args.threads,
    };
    let bar = phases.bar.clone();
    let milp = MilpParams {
        time_limit: Duration::from_secs_f64(args.milp_time_limit),
        ..MilpParams::default()
    };
    let outcome = if args.exact {
        let exact = ExactParams {
            time_limit: milp.time_limit,
        };
        phases.show("exact");
        match solve_exact(inst, &exact) {
            Ok(o) => {
                phases.end("exact");
                o
            }
            Err(e) => {
                bar.finish_and_clear();
                eprintln!("chayici: {e}");
                return Ok(match e {
                    ExactError::Solver(_) => Outcome::Failed,
                    _ => Outcome::Invalid,
                });
            }
        }
    } else {
        let milp = (!args.no_milp).then_some(&milp);
        let show = |p: Progress| {
            bar.set_prefix(p.phase.name().replace('_', " "));
            bar.set_message(progress_message(&p));
        };
        let o = match &replan {
            Some((r, ..)) => {
                // The planner bundles by the bounds of what it may still plan; plan.json
                // reports the month's, which `merge` and `verify` compute.
                let planning = chayici::graph::visit_bounds_until(&r.planning, deadline);
                solve_keeping(&r.planning, &planning, r.keep.clone(), &params, milp, &show)
            }
            None => solve_with_bounds(inst, &bounds, &params, milp, &show),
        };
        for p in &o.phases {
            phases.push(p.phase.name(), Duration::from_secs_f64(p.seconds));
        }
        phases.last = Instant::now();
        o
    };
    if outcome.timed_out > 0 {
        bar.suspend(|| {
            eprintln!(
                "chayici: warning: the time limit ran out while building the first plan; {} \
                 tasks were not tried (reason `time_limit` in unscheduled.csv): allow more \
                 time with --time-limit",
                outcome.timed_out
            )
        });
    }

    phases.show("checking");
    let report = match &replan {
        Some((r, prev, _)) => verify_replan(inst, &outcome.plan, prev, r.notes.from),
        None => verify_plan(inst, &outcome.plan),
    };
    phases.end("checking");
    phases.show("writing");
    if !report.is_ok() {
        for v in &report.violations {
            eprintln!("  {v}");
        }
        bar.finish_and_clear();
        eprintln!(
            "chayici: internal error: the planner's plan breaks {} rule(s) (listed above); \
             nothing written. Please report this with the workspace and the seed.",
            report.violations.len()
        );
        return Ok(Outcome::Failed);
    }
    let meta = PlanMeta {
        workspace: chayici::output::workspace_ref(&args.workspace, &args.out),
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
            cut_by_time_limit: bounds_cut,
        },
        objective: outcome.objective.clone(),
        milp: MilpMeta {
            mode: outcome.milp.as_ref().map_or("off", |r| r.model),
            time_limit_seconds: (!args.exact && !args.no_milp).then_some(args.milp_time_limit),
            report: outcome.milp.clone(),
            ..MilpMeta::default()
        },
        timing: Timing {
            elapsed_seconds: round3(started.elapsed().as_secs_f64()),
            threads: params.threads,
            iterations_done: outcome.iterations,
            milp_seconds: outcome.milp.as_ref().map(|r| round3(r.seconds)),
            deadline_seconds: args.time_limit,
            phases: phases.done.clone(),
            timed_out_tasks: outcome.timed_out,
        },
        replan: replan
            .as_ref()
            .zip(args.keep.as_ref())
            .map(|((r, ..), dir)| {
                super::replan::meta(
                    inst,
                    &r.notes,
                    chayici::output::workspace_ref(dir, &args.out),
                )
            }),
        naive_counts: Some(NaiveCounts::of(inst, &bounds)),
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
        naive_counts: meta.naive_counts.clone().unwrap_or_default(),
    };
    write_out_dir(&args.out, args.force, Some(&args.workspace), |dir| {
        write_plan_files(dir, inst, &outcome.plan, &meta)?;
        let previous = replan.as_ref().map(|(.., people)| people);
        write_people_outputs(dir, inst, &outcome.plan, &headline, Lang::Zh, previous)?;
        Ok(())
    })?;
    bar.finish_and_clear();
    if !args.quiet {
        let mut w = std::io::stdout().lock();
        write_summary(&mut w, &inst.name, &report.kpis, meta.bounds)?;
        let stats = chayici::stats::statistics(inst, &outcome.plan, &headline.naive_counts);
        chayici::output::write_statistics_summary(&mut w, &stats)?;
        if let Some(r) = &outcome.milp {
            write_milp_summary(&mut w, r)?;
        }
        if let Some((r, ..)) = &replan {
            let kept = chayici::replan::kept_visits(&r.keep.previous, &outcome.plan);
            super::replan::write_notes(
                &mut w,
                inst,
                &r.notes,
                kept,
                outcome.objective.moved_tasks,
            )?;
        }
        writeln!(w, "  written to   {}", args.out.display())?;
    }
    Ok(Outcome::Done)
}

/// True when `a` and `b` name the same folder (after links and `..`).
fn same_folder(a: &std::path::Path, b: &std::path::Path) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}
