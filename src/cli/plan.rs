//! Provides `chayici plan`: load the workspace, plan, check the plan independently, and write
//! the plan folder all at once.
//!
//! The checker runs before anything is written: a plan that fails it is a bug in the planner,
//! and printing route sheets from it would send teams to closed doors.

use super::workspace::{self, Show};
use super::{Outcome, parse_seconds};
use anyhow::Context;
use chayici::model::{Instance, PlanSnapshot};
use chayici::output::report::{
    PreviousPlan, ReportHeadline, read_previous_plan, write_people_outputs,
};
use chayici::output::sheets::Lang;
use chayici::output::{
    Bounds, MilpMeta, Parameters, PhaseTiming, PlanMeta, Timing, check_out_dir, round3,
    write_milp_summary, write_out_dir, write_plan_files, write_summary,
};
use chayici::replan::Replan;
use chayici::solve::milp::{ExactError, ExactParams, MilpParams, solve_exact};
use chayici::solve::{
    Phase, Progress, SolveOutcome, SolveParams, solve_keeping, solve_with_bounds,
};
use chayici::stats::NaiveCounts;
use chayici::verify::{VerifyReport, verify_plan, verify_replan};
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
pub struct Phases {
    started: Instant,
    last: Instant,
    done: Vec<PhaseTiming>,
    pub bar: ProgressBar,
}

impl Phases {
    pub fn new(started: Instant, quiet: bool) -> Self {
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
        self.bar.set_prefix(phase_label(phase));
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
    let best = format!("{:.1}", p.best_objective);
    match (p.phase, p.budget) {
        (Phase::Search, 0) => chayici::msg!(ProgIterations, n = p.iteration, best = best),
        (Phase::Search, b) => {
            chayici::msg!(ProgIterationsOf, n = p.iteration, budget = b, best = best)
        }
        _ => return String::new(),
    }
    .render(super::lang())
}

/// A phase's name (as run.json records it) in words of the run's language, for the
/// progress line.
fn phase_label(phase: &str) -> String {
    use chayici::i18n::Key;
    let key = match phase {
        "reading" => Key::ProgReading,
        "bounds" => Key::ProgBounds,
        "exact" => Key::ProgExact,
        "checking" => Key::ProgChecking,
        "writing" => Key::ProgWriting,
        "construction" => Key::ProgConstruction,
        "search" => Key::ProgSearch,
        "set_partitioning" => Key::ProgSetPartitioning,
        other => return other.replace('_', " "),
    };
    super::lang().text(key).to_owned()
}

/// Runs the subcommand.
pub fn run(args: &Args) -> anyhow::Result<Outcome> {
    if super::rollup::holds_workspaces(&args.workspace) {
        return super::rollup::run(args);
    }
    let started = Instant::now();
    check_out_dir(&args.out, args.force, Some(&args.workspace))?;
    let mut phases = Phases::new(started, args.quiet);
    let place = Place {
        workspace: &args.workspace,
        out: &args.out,
        keep: args.keep.as_deref(),
    };
    let planned = match plan_workspace(&place, args, started, &mut phases)? {
        Ok(p) => p,
        Err(outcome) => {
            phases.bar.finish_and_clear();
            return Ok(outcome);
        }
    };
    write_out_dir(&args.out, args.force, Some(&args.workspace), |dir| {
        planned.write(dir)
    })?;
    phases.bar.finish_and_clear();
    if !args.quiet {
        let mut w = std::io::stdout().lock();
        planned.write_summary(&mut w)?;
        let written = chayici::msg!(PlanWrittenTo, dir = args.out.display());
        writeln!(w, "{}", written.render(super::lang()))?;
    }
    Ok(Outcome::Done)
}

/// Where one workspace is planned from and to.
pub struct Place<'a> {
    /// The workspace folder.
    pub workspace: &'a Path,
    /// The plan folder it will be written to (for the relative paths plan.json records).
    pub out: &'a Path,
    /// The plan folder a replan starts from.
    pub keep: Option<&'a Path>,
}

/// A workspace planned and checked, ready to be written.
pub struct Planned {
    inst: Instance,
    outcome: SolveOutcome,
    report: VerifyReport,
    meta: PlanMeta,
    headline: ReportHeadline,
    replan: Option<(Replan, PlanSnapshot, PreviousPlan)>,
}

/// Reads, plans and checks the workspace of `place`; `Ok(Err(outcome))` when there is nothing
/// to write, the reason already said on stderr.
pub fn plan_workspace(
    place: &Place,
    args: &Args,
    started: Instant,
    phases: &mut Phases,
) -> anyhow::Result<Result<Planned, Outcome>> {
    // The deadline counts from the start: reading and bounds spend the same budget as the
    // planner, so --time-limit bounds the run, not only the search.
    let deadline = args
        .time_limit
        .map(|s| started + Duration::from_secs_f64(s));
    phases.show("reading");
    let Some(ws) = workspace::load(place.workspace, Show::Each(&phases.bar))
        .with_context(|| format!("cannot read workspace {}", place.workspace.display()))?
    else {
        phases.bar.suspend(|| {
            eprintln!(
                "chayici: {}: the workspace has errors; nothing planned",
                place.workspace.display()
            )
        });
        return Ok(Err(Outcome::Invalid));
    };
    phases.end("reading");
    let inst = &ws.instance;
    let replan = match (place.keep, args.from) {
        (Some(dir), Some(from)) => {
            if same_folder(dir, place.out) {
                eprintln!(
                    "chayici: --out is the plan to keep; write the new plan beside it (the \
                     old one is what `verify` checks the fixed visits against)"
                );
                return Ok(Err(Outcome::Invalid));
            }
            let from = match super::replan::day_in(inst, from) {
                Ok(d) => d,
                Err(e) => {
                    eprintln!("chayici: {e}");
                    return Ok(Err(Outcome::Invalid));
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
    // On a pool of --threads, as the planner's own work is.
    let bounds = chayici::solve::with_threads(args.threads, || {
        chayici::graph::visit_bounds_until(inst, deadline)
    });
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
                bar.suspend(|| eprintln!("chayici: {e}"));
                return Ok(Err(match e {
                    ExactError::Solver(_) => Outcome::Failed,
                    _ => Outcome::Invalid,
                }));
            }
        }
    } else {
        let milp = (!args.no_milp).then_some(&milp);
        let show = |p: Progress| {
            bar.set_prefix(phase_label(p.phase.name()));
            bar.set_message(progress_message(&p));
        };
        let o = match &replan {
            Some((r, ..)) => {
                // The planner bundles by the bounds of what it may still plan; plan.json
                // reports the month's, which `merge` and `verify` compute.
                let planning = chayici::solve::with_threads(args.threads, || {
                    chayici::graph::visit_bounds_until(&r.planning, deadline)
                });
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
        bar.suspend(|| {
            for v in &report.violations {
                eprintln!("  {}", v.render(super::lang()));
            }
            eprintln!(
                "chayici: internal error: the planner's plan breaks {} rule(s) (listed above); \
                 nothing written. Please report this with the workspace and the seed.",
                report.violations.len()
            )
        });
        return Ok(Err(Outcome::Failed));
    }
    let meta = PlanMeta {
        workspace: chayici::output::workspace_ref(place.workspace, place.out),
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
        replan: replan.as_ref().zip(place.keep).map(|((r, ..), dir)| {
            super::replan::meta(
                inst,
                &r.notes,
                chayici::output::workspace_ref(dir, place.out),
            )
        }),
        naive_counts: Some(NaiveCounts::of(inst, &bounds)),
    };
    let k = &report.kpis;
    let headline =
        ReportHeadline::from_kpis(k, bounds.lower_bound, bounds.naive, Some(params.seed))
            .with_naive_counts(meta.naive_counts.clone().unwrap_or_default());
    Ok(Ok(Planned {
        inst: ws.instance,
        outcome,
        report,
        meta,
        headline,
        replan,
    }))
}

impl Planned {
    /// Writes the plan folder's files into `dir`, an empty folder.
    pub fn write(&self, dir: &Path) -> anyhow::Result<()> {
        let (inst, plan) = (&self.inst, &self.outcome.plan);
        write_plan_files(dir, inst, plan, &self.meta, super::lang())?;
        let previous = self.replan.as_ref().map(|(.., people)| people);
        write_people_outputs(dir, inst, plan, &self.headline, Lang::Zh, previous)?;
        Ok(())
    }

    /// The terminal summary, without the line saying where the plan went.
    pub fn write_summary(&self, w: &mut impl Write) -> std::io::Result<()> {
        let inst = &self.inst;
        let lang = super::lang();
        write_summary(
            &mut *w,
            &inst.name,
            &self.report.kpis,
            self.meta.bounds,
            lang,
        )?;
        let days = chayici::stats::TeamDays::of(inst, &self.outcome.plan);
        chayici::output::write_team_days_summary(&mut *w, &days, lang)?;
        let stats =
            chayici::stats::statistics(inst, &self.outcome.plan, &self.headline.naive_counts);
        chayici::output::write_statistics_summary(&mut *w, &stats, lang)?;
        if let Some(r) = &self.outcome.milp {
            write_milp_summary(&mut *w, r)?;
        }
        if let Some((r, ..)) = &self.replan {
            let kept = chayici::replan::kept_visits(&r.keep.previous, &self.outcome.plan);
            super::replan::write_notes(
                w,
                inst,
                &r.notes,
                kept,
                self.outcome.objective.moved_tasks,
            )?;
        }
        Ok(())
    }

    /// The plan's reform statistics.
    pub fn statistics(&self) -> chayici::stats::Statistics {
        chayici::stats::statistics(&self.inst, &self.outcome.plan, &self.headline.naive_counts)
    }

    /// The instance planned.
    pub fn instance(&self) -> &Instance {
        &self.inst
    }

    /// What the checker counted of the plan.
    pub fn kpis(&self) -> &chayici::verify::Kpis {
        &self.report.kpis
    }

    /// The visit bounds the plan is measured against.
    pub fn bounds(&self) -> &Bounds {
        &self.meta.bounds
    }
}

/// True when `a` and `b` name the same folder (after links and `..`).
fn same_folder(a: &std::path::Path, b: &std::path::Path) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}
