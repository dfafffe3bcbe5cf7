//! Provides `chayici check` (being built).

/// Arguments of `chayici check`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The workspace folder.
    pub workspace: std::path::PathBuf,
}

/// Runs the subcommand.
pub fn run(_args: &Args) -> anyhow::Result<u8> {
    anyhow::bail!("`check` is not available in this build yet")
}
