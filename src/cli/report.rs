//! Provides `chayici report`: rewrites what people read for a plan already written, after a
//! hand edit of `plan.json` or an upgrade of the report, without planning again.

use crate::cli::Outcome;
use crate::cli::workspace::{self, Show};
use anyhow::{Context, bail};
use chayici::output::report::{
    PreviousPlan, ReportHeadline, read_previous_plan, write_people_outputs, write_report_file,
};
use chayici::output::sheets::Lang;
use chayici::output::{PlanRecord, read_plan_json_with_info};
use std::path::{Path, PathBuf};

/// Arguments of `chayici report`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The folder holding plan.json (the `--out` of `chayici plan`).
    pub plan_dir: PathBuf,
    /// The workspace the plan was made from (default: the one plan.json names, if any).
    #[arg(long)]
    pub workspace: Option<PathBuf>,
    /// Also rewrite route_sheets.xlsx, sheets/*.csv and calendars/*.ics.
    #[arg(long)]
    pub all: bool,
}

/// The language of the route sheets' column headers: the global `--lang` when given, else
/// Chinese, since the sheets are printed for the teams whatever the machine's locale.
fn sheet_lang() -> Lang {
    match super::lang_flag() {
        Some(chayici::i18n::Lang::En) => Lang::En,
        _ => Lang::Zh,
    }
}

/// Runs the subcommand.
pub fn run(args: &Args) -> anyhow::Result<Outcome> {
    let plan_path = args.plan_dir.join("plan.json");
    let text = std::fs::read_to_string(&plan_path).with_context(|| {
        format!(
            "cannot read {} (run `chayici plan WORKSPACE --out {}` first)",
            plan_path.display(),
            args.plan_dir.display()
        )
    })?;
    let rec = PlanRecord::read(&text);
    let workspace = match (&args.workspace, &rec.workspace) {
        (Some(w), _) => w.clone(),
        // plan.json names its workspace relative to the plan folder, not to where `report`
        // runs, so that the two can move together.
        (None, Some(w)) if w.is_relative() => args.plan_dir.join(w),
        (None, Some(w)) => w.clone(),
        (None, None) => bail!(
            "{} does not name its workspace; give it with --workspace DIR",
            plan_path.display()
        ),
    };
    // A report of a plan over a broken workspace would mislead.
    let Some(ws) = workspace::load(&workspace, Show::Errors)? else {
        eprintln!(
            "chayici: {} has errors; fix them (`chayici check {}`) before reporting",
            workspace.display(),
            workspace.display()
        );
        return Ok(Outcome::Invalid);
    };
    let (inst, inputs) = (ws.instance, ws.inputs);
    let plan = match read_plan_json_with_info(&text, &inst) {
        Ok((p, info)) => {
            let now: std::collections::BTreeSet<(&str, &str)> = inputs
                .iter()
                .map(|i| (i.path.as_str(), i.sha256.as_str()))
                .collect();
            let then: std::collections::BTreeSet<(&str, &str)> = info
                .inputs
                .iter()
                .map(|i| (i.path.as_str(), i.sha256.as_str()))
                .collect();
            if !then.is_empty() && then != now {
                eprintln!(
                    "chayici: warning: {} changed since the plan was made; the report uses \
                     the workspace as it is now",
                    workspace.display()
                );
            }
            p
        }
        Err(e) if e.is_mismatch() => {
            eprintln!(
                "chayici: {e} (is {} the workspace of this plan?)",
                workspace.display()
            );
            return Ok(Outcome::Invalid);
        }
        Err(e) => return Err(e).context(format!("cannot read {}", plan_path.display())),
    };
    let check = chayici::verify::verify_plan(&inst, &plan);
    if !check.is_ok() {
        eprintln!(
            "chayici: warning: the plan breaks {} rule(s); the report shows it as written \
             (run `chayici verify` for the list)",
            check.violations.len()
        );
    }
    // The statistics need the naive count per department and firm, which plan.json holds only
    // summed; the bounds are computed again, as `merge` and `verify` do.
    let bounds = chayici::graph::visit_bounds(&inst);
    let (lower, naive) = match (rec.visits_lower_bound, rec.visits_naive) {
        (Some(l), Some(n)) => (l, n),
        _ => (bounds.lower_bound, bounds.naive),
    };
    let headline = ReportHeadline::from_kpis(&check.kpis, lower, naive, rec.seed)
        .with_naive_counts(chayici::stats::NaiveCounts::of(&inst, &bounds));
    let previous = previous_plan(&args.plan_dir, &rec);
    if args.all {
        let out = write_people_outputs(
            &args.plan_dir,
            &inst,
            &plan,
            &headline,
            sheet_lang(),
            previous.as_ref(),
        )?;
        let written = || {
            std::iter::once(&out.day_sheets)
                .chain(&out.statistics)
                .chain(&out.team_csvs)
                .chain(&out.calendars)
                .chain(&out.calendar_changes)
        };
        record_written(&args.plan_dir, written())?;
        println!("wrote {}", out.report.display());
        println!("wrote {}", out.workbook.display());
        for p in written() {
            println!("wrote {}", p.display());
        }
    } else {
        let path = write_report_file(&args.plan_dir, &inst, &plan, &headline, previous.as_ref())?;
        println!("wrote {}", path.display());
    }
    Ok(Outcome::Done)
}

/// The plan a replanned plan was made from (`replan.old_plan`, relative to the plan folder),
/// for the report's changes section; `None` for a plan made from scratch, or, said on
/// stderr, when the old plan cannot be read any more (the report goes on without it).
fn previous_plan(plan_dir: &Path, rec: &PlanRecord) -> Option<PreviousPlan> {
    let old = rec.replan_old_plan.as_ref()?;
    let old = if old.is_relative() {
        plan_dir.join(old)
    } else {
        old.clone()
    };
    match read_previous_plan(&old, rec.replan_from) {
        Ok(p) => Some(p),
        Err(e) => {
            eprintln!(
                "chayici: warning: could not find the previous plan ({e:#}); the report \
                 leaves out the changes since it"
            );
            None
        }
    }
}

/// Adds files `report --all` wrote (a team new to the workspace gets new sheets) to the plan
/// folder's manifest, so that the next `plan` into it replaces them instead of keeping them as
/// a user's files.
fn record_written<'a>(
    plan_dir: &Path,
    written: impl Iterator<Item = &'a PathBuf>,
) -> anyhow::Result<()> {
    let Some(mut manifest) = chayici::output::Manifest::read(plan_dir)? else {
        return Ok(());
    };
    for path in written {
        if let Ok(rel) = path.strip_prefix(plan_dir) {
            manifest.insert(rel.to_string_lossy().replace('\\', "/"));
        }
    }
    manifest
        .write(plan_dir)
        .with_context(|| format!("cannot update the file list in {}", plan_dir.display()))
}
