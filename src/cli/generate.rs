//! Provides `chayici gen`: writes a synthetic workspace (the demo county or a benchmark
//! instance) from a profile and a seed.

use super::EXIT_OK;
use crate::devtools::generate::{Profile, generate, write};
use std::path::PathBuf;

/// Arguments of `chayici gen`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Size and shape: `changshan` is the shipped demo; the others are invented places.
    #[arg(long, value_enum)]
    pub profile: Profile,
    /// Seed of the random generator; the same seed gives byte-identical files.
    #[arg(long, default_value_t = 2026)]
    pub seed: u64,
    /// Folder to write (created when missing).
    #[arg(long)]
    pub out: PathBuf,
    /// Replace the generated files in a folder that is not empty.
    #[arg(long)]
    pub force: bool,
}

/// Runs the subcommand.
pub fn run(args: &Args) -> anyhow::Result<u8> {
    let generated = generate(args.profile, args.seed);
    let s = write(&generated, &args.out, args.force)?;
    let where_ = if s.workspaces > 1 {
        format!("{} workspaces", s.workspaces)
    } else {
        "1 workspace".to_string()
    };
    println!(
        "wrote {} ({where_}, profile {}, seed {}): {} firms, {} teams, {} departments, {} tasks, \
         {} files, {} KiB",
        args.out.display(),
        args.profile.as_str(),
        args.seed,
        s.firms,
        s.teams,
        s.departments,
        s.tasks,
        s.files,
        s.bytes.div_ceil(1024)
    );
    Ok(EXIT_OK)
}
