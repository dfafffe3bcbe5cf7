//! Provides `chayici gen`: writes a synthetic workspace (the demo county or a benchmark
//! instance) from a profile and a seed.

use super::Outcome;
use chayici::devtools::generate::{Profile, generate, write};
use std::path::PathBuf;

/// Arguments of `chayici gen`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Size and shape: `changshan` is the shipped demo; the others are invented places.
    #[arg(long, value_enum)]
    pub profile: ProfileArg,
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

/// The `--profile` values: [`Profile`]'s, spelled for the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ProfileArg {
    /// Four invented townships, ~200 tasks: quick to plan in tests and examples.
    Town,
    /// The shipped demo: Changshan County's 14 townships, ~400 firms, ~800 tasks, mixed formats.
    Changshan,
    /// An invented county, ~2,000 tasks.
    County,
    /// An invented city of eight districts, ~25,000 tasks, one workspace.
    City,
    /// 90 invented counties, ~2,000 tasks each, one workspace per county.
    Province,
}

impl From<ProfileArg> for Profile {
    fn from(p: ProfileArg) -> Self {
        match p {
            ProfileArg::Town => Self::Town,
            ProfileArg::Changshan => Self::Changshan,
            ProfileArg::County => Self::County,
            ProfileArg::City => Self::City,
            ProfileArg::Province => Self::Province,
        }
    }
}

/// Runs the subcommand.
pub fn run(args: &Args) -> anyhow::Result<Outcome> {
    let profile = Profile::from(args.profile);
    let generated = generate(profile, args.seed);
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
        profile.as_str(),
        args.seed,
        s.firms,
        s.teams,
        s.departments,
        s.tasks,
        s.files,
        s.bytes.div_ceil(1024)
    );
    Ok(Outcome::Done)
}
