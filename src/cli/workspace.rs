//! Loads a workspace for a command: one reading, and one place that decides how its
//! diagnostics are shown.

use chayici::ingest::{InputFile, Loaded};
use chayici::model::Instance;
use indicatif::ProgressBar;
use std::path::Path;

/// A workspace without errors: the instance and the files it came from.
pub struct Workspace {
    /// The validated instance.
    pub instance: Instance,
    /// Every input file with its SHA-256.
    pub inputs: Vec<InputFile>,
}

/// How a command shows a workspace's diagnostics on stderr.
#[derive(Clone, Copy)]
pub enum Show<'a> {
    /// Every diagnostic, warnings too, one after another, above the progress line `bar`: the
    /// command goes on after warnings, and they must not be lost (plan, verify).
    Each(&'a ProgressBar),
    /// `check`'s report, grouped by file with the summary, and only when there are errors:
    /// a command that only reports must not hide them in its own output (merge).
    CheckReport,
    /// Only the errors: a report of a plan already made has nothing to learn from warnings.
    Errors,
}

/// Reads the workspace in `dir`; an `Err` only when it cannot be read at all (no folder, no
/// chayici.toml or firms.csv, an unreadable file).
pub fn read(dir: &Path) -> anyhow::Result<Loaded> {
    // The error's message already names its cause; flattened so that it is printed once.
    chayici::ingest::load_workspace(dir).map_err(|e| anyhow::anyhow!("{e}"))
}

/// Reads the workspace in `dir` and shows its diagnostics as `show` says; `None` when it has
/// errors (shown), for the command to say what it did not do.
pub fn load(dir: &Path, show: Show) -> anyhow::Result<Option<Workspace>> {
    let loaded = read(dir)?;
    let usable = loaded.instance.is_some() && !loaded.has_errors();
    match show {
        Show::Each(bar) => bar.suspend(|| {
            for d in &loaded.diagnostics {
                eprintln!("{}", d.render(super::lang()));
            }
        }),
        Show::CheckReport if !usable => {
            super::check_report::write_text(&mut std::io::stderr().lock(), &loaded)?;
        }
        Show::CheckReport => {}
        Show::Errors => {
            for d in loaded.diagnostics.iter().filter(|d| d.is_error()) {
                eprintln!("{}", d.render(super::lang()));
            }
        }
    }
    Ok(match loaded.instance {
        Some(instance) if usable => Some(Workspace {
            instance,
            inputs: loaded.inputs,
        }),
        _ => None,
    })
}
