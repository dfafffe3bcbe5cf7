//! Provides the command line: clap subcommands, each a thin file over the library.
//!
//! Every command ends in an [`Outcome`] or an error, and [`exit_code`] alone turns that into
//! the exit code and prints the error.

pub mod advise;
#[cfg(feature = "devtools")]
pub mod bench;
pub mod check;
pub mod check_report;
pub mod diff;
pub mod draw;
pub mod draw_officers;
#[cfg(feature = "devtools")]
pub mod generate;
pub mod merge;
pub mod plan;
pub mod replan;
pub mod report;
pub mod rollup;
#[cfg(feature = "devtools")]
pub mod solomon;
pub mod verify;
pub mod workspace;

use clap::{Parser, Subcommand};
use std::process::ExitCode;

/// How a command ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// It did what was asked.
    Done,
    /// The input or the plan has errors; the command has said which.
    Invalid,
    /// A file could not be read or written, or something failed inside; the command has said
    /// what in its own words.
    Failed,
}

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
    /// The smallest changes that would save visits, checked by planning; a letter per
    /// department.
    Advise(advise::Args),
    /// Draw the firms each department inspects (双随机), coordinated so that their samples
    /// overlap; or replay a recorded draw.
    Draw(draw::Args),
    /// Draw two credentialed officers per department for every visit of a plan, with recusal.
    #[command(name = "draw-officers")]
    DrawOfficers(draw_officers::Args),
    /// Check a written plan against its workspace from first principles.
    Verify(verify::Args),
    /// Compare two plan folders: visits added, removed and changed, tasks moved, stability.
    Diff(diff::Args),
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
        chayici::output::remove_staging_on_interrupt();
        std::process::exit(130);
    });
    exit_code(match &cli.command {
        Command::Check(a) => check::run(a),
        Command::Merge(a) => merge::run(a),
        Command::Plan(a) => plan::run(a),
        Command::Advise(a) => advise::run(a),
        Command::Verify(a) => verify::run(a),
        Command::Draw(a) => draw::run(a),
        Command::DrawOfficers(a) => draw_officers::run(a),
        Command::Report(a) => report::run(a),
        Command::Diff(a) => diff::run(a),
        #[cfg(feature = "devtools")]
        Command::Gen(a) => generate::run(a),
        #[cfg(feature = "devtools")]
        Command::Bench(a) => bench::run(a),
        #[cfg(feature = "devtools")]
        Command::Solomon(a) => solomon::run(a),
    })
}

/// The exit-code policy (the README's "Exit codes"): 0 done, 1 the input or the plan has
/// errors, 2 a file could not be read or written, or something failed inside. An error is
/// printed here, once; a closed stdout (`chayici check … | head`) is not an error.
fn exit_code(result: anyhow::Result<Outcome>) -> ExitCode {
    ExitCode::from(match result {
        Ok(Outcome::Done) => 0,
        Ok(Outcome::Invalid) => 1,
        Ok(Outcome::Failed) => 2,
        Err(e) if is_broken_pipe(&e) => 0,
        Err(e) => {
            eprintln!("chayici: error: {e:#}");
            2
        }
    })
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

/// The `--format` of the commands that report: text for people (the default), or one JSON
/// object for tools, whose shape the README gives per command.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// For people: the command's tables and lists.
    #[default]
    Text,
    /// For tools: the same figures as one JSON object.
    Json,
}

/// Parses a `--time-limit`-like value: a positive, finite number of seconds.
pub fn parse_seconds(s: &str) -> Result<f64, String> {
    match s.parse::<f64>() {
        Ok(x) if x.is_finite() && x > 0.0 && x < 1e9 => Ok(x),
        _ => Err(format!("`{s}` is not a positive number of seconds")),
    }
}
