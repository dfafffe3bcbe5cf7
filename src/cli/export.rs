//! Provides `chayici export`: writes the workspace as another solver's problem, bundled and
//! timed as the planner sees it, so that a peer can be measured on the same work.

use super::Outcome;
use super::workspace::{self, Show};
use anyhow::Context;
use chayici::export::vroom_problem;
use std::io::Write;
use std::path::PathBuf;

/// Arguments of `chayici export`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The workspace folder.
    pub workspace: PathBuf,
    /// The solver's format.
    #[arg(long, value_enum)]
    pub format: PeerFormat,
    /// The file to write.
    #[arg(long, short, value_name = "FILE.json")]
    pub out: PathBuf,
}

/// Formats of other solvers that `export` writes and `import` reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum PeerFormat {
    /// VROOM's JSON problem and solution (also what pyvroom reads and writes).
    Vroom,
}

/// Runs the subcommand.
pub fn run(args: &Args) -> anyhow::Result<Outcome> {
    let Some(ws) = workspace::load(&args.workspace, Show::Errors)
        .with_context(|| format!("cannot read workspace {}", args.workspace.display()))?
    else {
        eprintln!(
            "chayici: {}: the workspace has errors; nothing exported",
            args.workspace.display()
        );
        return Ok(Outcome::Invalid);
    };
    let inst = &ws.instance;
    let bounds = chayici::graph::visit_bounds(inst);
    let export = match args.format {
        PeerFormat::Vroom => vroom_problem(inst, &bounds),
    };
    chayici::output::write_atomically(&args.out, |w| {
        serde_json::to_writer(&mut *w, &export.problem)?;
        writeln!(w)?;
        Ok(())
    })?;
    for team in inst.teams.iter().filter(|t| t.max_days.is_some()) {
        eprintln!(
            "chayici: warning: team {} has max_days, which VROOM cannot express; \
             `chayici verify` will judge it on the way back",
            team.id
        );
    }
    let tasks: usize = export.bundles.iter().map(Vec::len).sum();
    println!(
        "{} jobs ({tasks} tasks), {} vehicles (team-days), {} tasks left out; written to {}",
        export.problem.jobs.len(),
        export.problem.vehicles.len(),
        export.left_out.len(),
        args.out.display()
    );
    Ok(Outcome::Done)
}
