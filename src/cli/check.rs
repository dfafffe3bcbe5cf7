//! Provides `chayici check WORKSPACE`: reads a workspace and lists every problem, grouped by
//! file, then what the workspace holds. Exit 0 clean (warnings allowed), 1 with errors, 2 when
//! the workspace cannot be read at all.

use super::Format;
use crate::cli::check_report::{json_report, write_text};
use crate::cli::{Outcome, workspace};
use std::io::Write;
use std::path::PathBuf;

/// Arguments of `chayici check`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The workspace folder (chayici.toml, firms.csv, teams.csv, plans/).
    pub workspace: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

/// Runs the subcommand.
pub fn run(args: &Args) -> anyhow::Result<Outcome> {
    let mut loaded = workspace::read(&args.workspace)?;
    chayici::ingest::draw::add_draw_diagnostics(&args.workspace, &mut loaded)?;
    let mut out = std::io::stdout().lock();
    match args.format {
        Format::Text => write_text(&mut out, &loaded)?,
        Format::Json => {
            serde_json::to_writer_pretty(&mut out, &json_report(&loaded))?;
            writeln!(out)?;
        }
    }
    out.flush()?;
    Ok(if loaded.has_errors() {
        Outcome::Invalid
    } else {
        Outcome::Done
    })
}
