//! Provides the command line: clap subcommands, each a thin file over the library.
//!
//! Exit codes: 0 success, 1 the input or the plan has errors, 2 the workspace could not be
//! read or something failed inside. A closed stdout (`chayici check … | head`) is not an error.

#[cfg(feature = "devtools")]
pub mod bench;
pub mod check;
#[cfg(feature = "devtools")]
pub mod generate;
pub mod merge;
pub mod plan;
pub mod report;
#[cfg(feature = "devtools")]
pub mod solomon;
pub mod verify;

use clap::{Parser, Subcommand};
use std::process::ExitCode;

/// Exit code for success.
pub const EXIT_OK: u8 = 0;
/// Exit code when the input (or a checked plan) has errors.
pub const EXIT_INVALID: u8 = 1;
/// Exit code when files cannot be read or written, or on an internal failure.
pub const EXIT_FAILURE: u8 = 2;

/// Plans a month of joint inspections (综合查一次) for a county.
#[derive(Debug, Parser)]
#[command(name = "chayici", version = crate::cli::version_string(), about, long_about = None)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Read and validate a workspace; list every problem with file and line.
    Check(check::Args),
    /// Build the merge graph and report naive visits, the lower bound and the possible saving.
    Merge(merge::Args),
    /// Plan the month: joint visits, team-day routes, unscheduled tasks.
    Plan(plan::Args),
    /// Check a written plan against its workspace from first principles.
    Verify(verify::Args),
    /// Rewrite report.html (and with --all the route sheets and calendars) of a written plan.
    Report(report::Args),
    /// Generate a synthetic workspace.
    #[cfg(feature = "devtools")]
    #[command(name = "gen")]
    Gen(generate::Args),
    /// Plan a suite of benchmark workspaces; print quality and cost as a markdown table.
    #[cfg(feature = "devtools")]
    Bench(bench::Args),
    /// Solve a Solomon VRPTW instance with the planner's routing engine and compare it with
    /// the best known.
    #[cfg(feature = "devtools")]
    Solomon(solomon::Args),
}

/// The version line, naming the MILP backend compiled in.
pub fn version_string() -> &'static str {
    #[cfg(feature = "highs")]
    const VERSION: &str = concat!(env!("CARGO_PKG_VERSION"), " (MILP backend: highs)");
    #[cfg(not(feature = "highs"))]
    const VERSION: &str = concat!(env!("CARGO_PKG_VERSION"), " (MILP backend: microlp)");
    VERSION
}

/// Parses the arguments, runs the subcommand and turns its result into an exit code.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    // Ctrl-C while a plan folder is being written must not leave its staging folder behind.
    let _ = ctrlc::set_handler(|| {
        crate::output::remove_staging_on_interrupt();
        std::process::exit(130);
    });
    let result = match &cli.command {
        Command::Check(a) => check::run(a),
        Command::Merge(a) => merge::run(a),
        Command::Plan(a) => plan::run(a),
        Command::Verify(a) => verify::run(a),
        Command::Report(a) => report::run(a),
        #[cfg(feature = "devtools")]
        Command::Gen(a) => generate::run(a),
        #[cfg(feature = "devtools")]
        Command::Bench(a) => bench::run(a),
        #[cfg(feature = "devtools")]
        Command::Solomon(a) => solomon::run(a),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(e) if is_broken_pipe(&e) => ExitCode::from(EXIT_OK),
        Err(e) => {
            eprintln!("chayici: error: {e:#}");
            ExitCode::from(EXIT_FAILURE)
        }
    }
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
