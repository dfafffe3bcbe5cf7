//! Provides `chayici verify`: checks a written plan against its workspace from first
//! principles, whoever made or edited the plan.
//!
//! Exit codes: 0 the plan is valid, 1 it breaks rules (or names things the workspace does not
//! have), 2 the workspace or the plan cannot be read.

use super::plan::load_workspace;
use super::{EXIT_FAILURE, EXIT_INVALID, EXIT_OK};
use crate::output::{PLAN_JSON, read_plan_json_with_info};
use crate::verify::verify_plan;
use std::io::Write;
use std::path::PathBuf;

/// Arguments of `chayici verify`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The workspace folder the plan was made from.
    pub workspace: PathBuf,
    /// The plan folder written by `chayici plan` (or its plan.json).
    pub plan_dir: PathBuf,
}

/// Runs the subcommand.
pub fn run(args: &Args) -> anyhow::Result<u8> {
    let Some(ws) = load_workspace(&args.workspace)? else {
        eprintln!("chayici: the workspace has errors; the plan cannot be checked against it");
        return Ok(EXIT_FAILURE);
    };
    let path = if args.plan_dir.is_dir() {
        args.plan_dir.join(PLAN_JSON)
    } else {
        args.plan_dir.clone()
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("chayici: cannot read {}: {e}", path.display());
            return Ok(EXIT_FAILURE);
        }
    };
    let (plan, info) = match read_plan_json_with_info(&text, &ws.instance) {
        Ok(x) => x,
        Err(e) => {
            let shown = crate::diag::printable(&e.to_string()).into_owned();
            eprintln!("chayici: {}: {shown}", path.display());
            return Ok(if e.is_mismatch() {
                EXIT_INVALID
            } else {
                EXIT_FAILURE
            });
        }
    };
    if !info.inputs.is_empty() && info.inputs != ws.inputs {
        eprintln!(
            "chayici: warning: the workspace's files differ from those the plan was made from \
             (see `inputs` in plan.json); checking against the files as they are now"
        );
    }
    let report = verify_plan(&ws.instance, &plan);
    let mut out = std::io::stdout().lock();
    for v in &report.violations {
        writeln!(out, "error{v}")?;
    }
    for v in &report.warnings {
        writeln!(out, "warning{v}")?;
    }
    let k = &report.kpis;
    if report.is_ok() {
        writeln!(
            out,
            "plan OK: {} tasks ({} scheduled in {} visits, {} unscheduled), {} warning(s)",
            k.tasks,
            k.scheduled,
            k.visits,
            k.unscheduled,
            report.warnings.len()
        )?;
        Ok(EXIT_OK)
    } else {
        writeln!(
            out,
            "plan INVALID: {} violation(s), {} warning(s)",
            report.violations.len(),
            report.warnings.len()
        )?;
        Ok(EXIT_INVALID)
    }
}
