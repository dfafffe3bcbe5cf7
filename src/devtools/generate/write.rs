//! Provides writing a generated workspace to disk without leaving a half-written folder.
//!
//! Everything is rendered in memory first, then written into a staging folder inside the
//! output folder, then moved into place entry by entry. With `force`, only the entries the
//! generator writes (`plans/`, `firms.csv`, `county-07/` …) are replaced: other files a user
//! keeps in the folder survive, and stale plan files from an earlier run do not.

use super::render::{RenderError, render};
use super::{Generated, Workspace};
use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

/// What was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    /// Files written.
    pub files: usize,
    /// Bytes written.
    pub bytes: u64,
    /// Workspaces (one, or one per county).
    pub workspaces: usize,
    /// Firms over all workspaces.
    pub firms: usize,
    /// Teams over all workspaces.
    pub teams: usize,
    /// Departments of the first workspace.
    pub departments: usize,
    /// Tasks over all workspaces.
    pub tasks: usize,
}

/// Why a workspace could not be written.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    /// The folder holds files and overwriting was not asked for.
    #[error("{0} is not empty (use --force to replace the generated files in it)")]
    NotEmpty(PathBuf),
    /// A file could not be rendered.
    #[error(transparent)]
    Render(#[from] RenderError),
    /// A file or folder could not be created, moved or removed.
    #[error("{path}: {source}")]
    Io {
        /// The path involved.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> WriteError + '_ {
    move |source| WriteError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// Writes `generated` into `out`, creating it when missing.
pub fn write(generated: &Generated, out: &Path, force: bool) -> Result<Summary, WriteError> {
    let files = render(generated)?;
    if out.exists() {
        let non_empty = fs::read_dir(out).map_err(io(out))?.next().is_some();
        if non_empty && !force {
            return Err(WriteError::NotEmpty(out.to_path_buf()));
        }
    }
    fs::create_dir_all(out).map_err(io(out))?;
    let stage = tempfile::Builder::new()
        .prefix(".chayici-gen-")
        .tempdir_in(out)
        .map_err(io(out))?;
    let mut top = BTreeSet::new();
    let mut bytes = 0u64;
    for f in &files {
        let path = stage.path().join(&f.path);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).map_err(io(parent))?;
        }
        fs::write(&path, &f.bytes).map_err(io(&path))?;
        bytes += f.bytes.len() as u64;
        top.insert(f.path.split('/').next().unwrap_or_default().to_string());
    }
    for entry in &top {
        let target = out.join(entry);
        if target.is_dir() {
            fs::remove_dir_all(&target).map_err(io(&target))?;
        } else if target.exists() {
            fs::remove_file(&target).map_err(io(&target))?;
        }
        let from = stage.path().join(entry);
        fs::rename(&from, &target).map_err(io(&from))?;
    }
    let all = &generated.workspaces;
    Ok(Summary {
        files: files.len(),
        bytes,
        workspaces: all.len(),
        firms: all.iter().map(|w| w.firms.len()).sum(),
        teams: all.iter().map(|w| w.teams.len()).sum(),
        departments: all.first().map_or(0, |w| w.departments.len()),
        tasks: all.iter().map(Workspace::task_count).sum(),
    })
}
