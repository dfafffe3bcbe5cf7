//! Provides `chayici diff OLD_PLAN NEW_PLAN`: what a replan changed, for the office to check
//! before it publishes the new plan. Changes are not errors: the command exits 0 whenever it
//! could compare the two plans.

use super::{Format, Outcome};
use chayici::diff::{diff, write_diff_json, write_diff_text};
use chayici::output::read_plan_folder;
use chrono::NaiveDate;
use std::io::Write;
use std::path::PathBuf;

/// Arguments of `chayici diff`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The earlier plan folder.
    pub old_plan: PathBuf,
    /// The later plan folder.
    pub new_plan: PathBuf,
    /// Stability counts the old plan's visits on or after this day (default: the day the
    /// new plan was replanned from, else every visit).
    #[arg(long, value_name = "DATE")]
    pub from: Option<NaiveDate>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

/// Runs the subcommand.
pub fn run(args: &Args) -> anyhow::Result<Outcome> {
    let old = read_plan_folder(&args.old_plan)?;
    let new = read_plan_folder(&args.new_plan)?;
    let d = diff(&old, &new, args.from);
    let (o, n) = (
        args.old_plan.display().to_string(),
        args.new_plan.display().to_string(),
    );
    let mut w = std::io::stdout().lock();
    match args.format {
        Format::Text => write_diff_text(&mut w, &d, &o, &n)?,
        Format::Json => write_diff_json(&mut w, &d, &o, &n)?,
    }
    w.flush()?;
    Ok(Outcome::Done)
}
