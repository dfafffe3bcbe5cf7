//! Provides `chayici export`: writes the workspace as another solver's problem, bundled and
//! timed as the planner sees it, so that a peer can be measured on the same work.

use super::workspace::{self, Show};
use super::{Outcome, lang};
use anyhow::Context;
use chayici::export::vroom_problem;
use chayici::msg;
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
        let m = msg!(ExportWorkspaceErrors, workspace = args.workspace.display());
        eprintln!("chayici: {}", m.render(lang()));
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
        let m = msg!(ExportMaxDays, team = &team.id);
        eprintln!("chayici: warning: {}", m.render(lang()));
    }
    let tasks: usize = export.bundles.iter().map(Vec::len).sum();
    let m = msg!(
        ExportWritten,
        jobs = export.problem.jobs.len(),
        tasks = tasks,
        vehicles = export.problem.vehicles.len(),
        left_out = export.left_out.len(),
        file = args.out.display()
    );
    println!("{}", m.render(lang()));
    Ok(Outcome::Done)
}
