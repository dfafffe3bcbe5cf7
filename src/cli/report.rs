//! Provides `chayici report`: rewrites what people read for a plan already written, after a
//! hand edit of `plan.json` or an upgrade of the report, without planning again.

use crate::cli::Outcome;
use crate::cli::workspace::{self, Show};
use anyhow::{Context, bail};
use chayici::ingest::draw::{collect_draw_files, read_officers};
use chayici::model::{Instance, Plan};
use chayici::output::draw::officers::{OFFICERS_JSON, OfficersRecord, visit_officers};
use chayici::output::report::{
    PreviousPlan, ReportHeadline, read_previous_plan, write_people_outputs_with_officers,
    write_report_file,
};
use chayici::output::sheets::{Lang, VisitOfficers};
use chayici::output::{PLAN_JSON, PlanRecord, read_plan_json_with_info};
use chayici::verify::Kpis;
use std::path::{Path, PathBuf};

/// Arguments of `chayici report`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The folder holding plan.json (the `--out` of `chayici plan`).
    pub plan_dir: PathBuf,
    /// The workspace the plan was made from (default: the one plan.json names, if any).
    #[arg(long)]
    pub workspace: Option<PathBuf>,
    /// Also rewrite route_sheets.xlsx, day_sheets.html, sheets/*.csv and calendars/*.ics
    /// (naming the officers drawn, when the folder has officers.json).
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
    if args.all {
        let officers = drawn_officers(&args.plan_dir, &workspace, &inst, &text);
        let written = write_all(
            &args.plan_dir,
            &rec,
            &inst,
            &plan,
            &check.kpis,
            sheet_lang(),
            &officers,
        )?;
        for p in written {
            println!("wrote {}", p.display());
        }
    } else {
        let headline = headline(&rec, &inst, &check.kpis);
        let previous = previous_plan(&args.plan_dir, &rec);
        let path = write_report_file(&args.plan_dir, &inst, &plan, &headline, previous.as_ref())?;
        println!("wrote {}", path.display());
    }
    Ok(Outcome::Done)
}

/// The report's headline for `plan`, whose figures are `kpis`.
fn headline(rec: &PlanRecord, inst: &Instance, kpis: &Kpis) -> ReportHeadline {
    // The statistics need the naive count per department and firm, which plan.json holds only
    // summed; the bounds are computed again, as `merge` and `verify` do.
    let bounds = chayici::graph::visit_bounds(inst);
    let (lower, naive) = match (rec.visits_lower_bound, rec.visits_naive) {
        (Some(l), Some(n)) => (l, n),
        _ => (bounds.lower_bound, bounds.naive),
    };
    ReportHeadline::from_kpis(kpis, lower, naive, rec.seed)
        .with_naive_counts(chayici::stats::NaiveCounts::of(inst, &bounds))
}

/// Writes everything people read for the plan in `plan_dir` (`report --all`): the report,
/// the route sheets, day sheets, statistics and calendars, the visits naming `officers`,
/// and adds the files to the folder's manifest. Returns the files written, the report first.
pub(crate) fn write_all(
    plan_dir: &Path,
    rec: &PlanRecord,
    inst: &Instance,
    plan: &Plan,
    kpis: &Kpis,
    lang: Lang,
    officers: &VisitOfficers,
) -> anyhow::Result<Vec<PathBuf>> {
    let headline = headline(rec, inst, kpis);
    let previous = previous_plan(plan_dir, rec);
    let out = write_people_outputs_with_officers(
        plan_dir,
        inst,
        plan,
        &headline,
        lang,
        previous.as_ref(),
        officers,
    )?;
    let written: Vec<PathBuf> = std::iter::once(&out.day_sheets)
        .chain(&out.statistics)
        .chain(&out.team_csvs)
        .chain(&out.calendars)
        .chain(&out.calendar_changes)
        .cloned()
        .collect();
    record_written(plan_dir, written.iter())?;
    Ok([out.report, out.workbook]
        .into_iter()
        .chain(written)
        .collect())
}

/// The officers `chayici draw-officers` drew for the plan in `plan_dir` (its officers.json),
/// named from the workspace's officers.csv; none when the folder has no officers.json, or,
/// said on stderr, when it cannot be read or was drawn for another plan.json.
fn drawn_officers(
    plan_dir: &Path,
    workspace: &Path,
    inst: &Instance,
    plan_text: &str,
) -> VisitOfficers {
    let path = plan_dir.join(OFFICERS_JSON);
    let Ok(bytes) = std::fs::read(&path) else {
        return VisitOfficers::default();
    };
    let record: OfficersRecord = match serde_json::from_slice(&bytes) {
        Ok(r) => r,
        Err(e) => {
            eprintln!(
                "chayici: warning: {} is not a record of officers ({e}); the sheets leave the \
                 officers out",
                path.display()
            );
            return VisitOfficers::default();
        }
    };
    let plan_hash = super::draw_officers::sha256_hex(plan_text.as_bytes());
    if record
        .inputs
        .iter()
        .any(|i| i.path == PLAN_JSON && i.sha256 != plan_hash)
    {
        eprintln!(
            "chayici: warning: plan.json changed since the officers were drawn ({}); the \
             sheets leave the officers out",
            path.display()
        );
        return VisitOfficers::default();
    }
    let roster = match collect_draw_files(workspace).ok().and_then(|f| f.officers) {
        Some(file) => {
            let recorded = record.inputs.iter().find(|i| i.path == file.path);
            if recorded.is_some_and(|i| i.sha256 != super::draw_officers::sha256_hex(&file.bytes)) {
                eprintln!(
                    "chayici: warning: {} changed since the officers were drawn; the sheets \
                     name them as it has them now",
                    file.path
                );
            }
            let codes = inst.firms.iter().map(|f| f.id.to_uppercase()).collect();
            read_officers(&file, Some(&codes), &mut Vec::new())
        }
        None => {
            eprintln!(
                "chayici: warning: {} has no officers.csv; the sheets name the officers by id",
                workspace.display()
            );
            Vec::new()
        }
    };
    visit_officers(&record, &roster)
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
pub(crate) fn record_written<'a>(
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
