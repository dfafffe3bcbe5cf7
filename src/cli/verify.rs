//! Provides `chayici verify`: checks a written plan folder against its workspace from first
//! principles, whoever made or edited it: plan.json with every figure in it, routes.csv (what
//! the teams follow) and unscheduled.csv, each row against the workspace and against
//! plan.json.
//!
//! Exit codes: 0 the plan is valid, 1 it breaks rules, its files disagree or are missing, or
//! the workspace has errors, 2 a file cannot be read (permissions, a missing folder).

use super::Outcome;
use super::workspace::{self, Show};
use anyhow::Context;
use chayici::output::PLAN_JSON;
use chayici::verify::{
    FilesReport, PlanFiles, ReferenceBounds, ReplanBasis, Violation, verify_plan_files,
};
use indicatif::ProgressBar;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Arguments of `chayici verify`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The workspace folder the plan was made from.
    pub workspace: PathBuf,
    /// The plan folder written by `chayici plan` (or its plan.json, whose folder is checked).
    pub plan_dir: PathBuf,
}

/// Runs the subcommand.
pub fn run(args: &Args) -> anyhow::Result<Outcome> {
    let Some(ws) = workspace::load(&args.workspace, Show::Each(&ProgressBar::hidden()))
        .with_context(|| format!("cannot read workspace {}", args.workspace.display()))?
    else {
        eprintln!("chayici: the workspace has errors; the plan cannot be checked against it");
        return Ok(Outcome::Invalid);
    };
    let (dir, plan_json) = if args.plan_dir.is_dir() {
        (args.plan_dir.clone(), args.plan_dir.join(PLAN_JSON))
    } else if args.plan_dir.is_file() {
        let dir = match args.plan_dir.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_owned(),
            _ => PathBuf::from("."),
        };
        (dir, args.plan_dir.clone())
    } else {
        eprintln!(
            "chayici: cannot read {}: no such folder",
            args.plan_dir.display()
        );
        return Ok(Outcome::Failed);
    };
    let mut files = match read_plan_files(&dir, &plan_json) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("chayici: {e:#}");
            return Ok(Outcome::Failed);
        }
    };
    // A replan is checked against the plan it started from, as its plan.json names it.
    if let Some((old, from)) = files
        .plan_json
        .as_deref()
        .and_then(|text| super::replan::recorded_basis(&dir, text))
    {
        let from = match from.map(|d| super::replan::day_in(&ws.instance, d)) {
            Some(Ok(d)) => d,
            Some(Err(e)) => {
                eprintln!("chayici: plan.json's replan: {e}");
                return Ok(Outcome::Invalid);
            }
            None => {
                eprintln!(
                    "chayici: plan.json names the plan it started from but no `replan.from` date"
                );
                return Ok(Outcome::Invalid);
            }
        };
        match chayici::output::read_plan_folder(&old) {
            Ok(previous) => files.replan = Some(ReplanBasis { previous, from }),
            Err(e) => {
                eprintln!(
                    "chayici: {e:#}: this plan was replanned from it, and its fixed visits \
                     cannot be checked without it"
                );
                return Ok(Outcome::Failed);
            }
        }
    }
    let b = chayici::graph::visit_bounds(&ws.instance);
    let bounds = ReferenceBounds {
        visits_lower_bound: b.lower_bound,
        visits_naive: b.naive,
        naive_by_department: b.naive_per_department(ws.instance.departments.len()),
        naive_by_firm: {
            let mut by_firm = vec![0; ws.instance.firms.len()];
            for f in &b.per_firm {
                by_firm[f.firm] = f.naive;
            }
            by_firm
        },
    };
    let FilesReport {
        report,
        recorded_inputs,
    } = verify_plan_files(&ws.instance, &files, Some(bounds));
    if !recorded_inputs.is_empty() && recorded_inputs != ws.inputs {
        eprintln!(
            "chayici: warning: the workspace's files differ from those the plan was made from \
             (see `inputs` in plan.json); checking against the files as they are now"
        );
    }
    let mut out = std::io::stdout().lock();
    for v in &report.violations {
        writeln!(out, "{}error{}", prefix(&dir, v), v.render(super::lang()))?;
    }
    for v in &report.warnings {
        writeln!(out, "{}warning{}", prefix(&dir, v), v.render(super::lang()))?;
    }
    let k = &report.kpis;
    if report.is_ok() {
        let ok = chayici::msg!(
            VerifyOk,
            tasks = k.tasks,
            scheduled = k.scheduled,
            visits = k.visits,
            unscheduled = k.unscheduled,
            warnings = report.warnings.len()
        );
        writeln!(out, "{}", ok.render(super::lang()))?;
        Ok(Outcome::Done)
    } else {
        let invalid = chayici::msg!(
            VerifyInvalid,
            violations = report.violations.len(),
            warnings = report.warnings.len()
        );
        writeln!(out, "{}", invalid.render(super::lang()))?;
        Ok(Outcome::Invalid)
    }
}

/// `month/routes.csv:14: ` for a finding in a file, nothing for one about the plan.
fn prefix(dir: &Path, v: &Violation) -> String {
    v.location()
        .map_or_else(String::new, |l| format!("{}: ", dir.join(l).display()))
}

/// Reads the plan folder: the three plan files (absent when missing; an encoding error is
/// left to the checker to report) and the list of every file in it.
fn read_plan_files(dir: &Path, plan_json: &Path) -> anyhow::Result<PlanFiles> {
    let read = |path: &Path| -> anyhow::Result<Option<String>> {
        match std::fs::read(path) {
            Ok(bytes) => Ok(Some(String::from_utf8_lossy(&bytes).into_owned())),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(e).with_context(|| format!("cannot read {}", path.display())),
        }
    };
    let mut listing = Vec::new();
    list_files(dir, "", &mut listing)?;
    if let Some(name) = plan_json.file_name().and_then(|n| n.to_str()) {
        // A plan.json given by another name stands for the folder's plan.json.
        for f in &mut listing {
            if f == name {
                PLAN_JSON.clone_into(f);
            }
        }
    }
    let plan_json = read(plan_json)?;
    Ok(PlanFiles {
        replan: None,
        plan_json,
        routes_csv: read(&dir.join("routes.csv"))?,
        unscheduled_csv: read(&dir.join("unscheduled.csv"))?,
        listing,
    })
}

/// Every file below `dir`, as `/`-separated paths after `prefix`; links are listed, not
/// followed.
fn list_files(dir: &Path, prefix: &str, out: &mut Vec<String>) -> anyhow::Result<()> {
    let entries =
        std::fs::read_dir(dir).with_context(|| format!("cannot read {}", dir.display()))?;
    let mut names = Vec::new();
    for e in entries {
        let e = e.with_context(|| format!("cannot read {}", dir.display()))?;
        names.push((e.file_name().to_string_lossy().into_owned(), e.file_type()?));
    }
    names.sort_by(|a, b| a.0.cmp(&b.0));
    for (name, kind) in names {
        let rel = format!("{prefix}{name}");
        if kind.is_dir() {
            list_files(&dir.join(&name), &format!("{rel}/"), out)?;
        } else {
            out.push(rel);
        }
    }
    Ok(())
}
