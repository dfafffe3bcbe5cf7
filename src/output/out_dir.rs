//! Provides the all-or-nothing write of a plan folder.
//!
//! Every file is written into a hidden temporary folder beside the target, and only when all
//! are complete is that folder renamed into place, so a failed or interrupted run never
//! leaves a half-written plan that someone might print. An existing target is replaced only
//! when it is empty, when it holds a previous chayici plan (its `plan.json` says so), or with
//! `--force`: rerunning `plan` each month into the same folder is the normal workflow, while
//! pointing `--out` at an unrelated folder by mistake must not delete it.

use super::plan_json::PLAN_FORMAT;
use std::io;
use std::path::{Path, PathBuf};

/// Why a plan folder cannot be written.
#[derive(Debug, thiserror::Error)]
pub enum OutDirError {
    /// The target is a file or something else that is not a folder.
    #[error("{} exists and is not a folder", .0.display())]
    NotADirectory(PathBuf),
    /// The target is a folder with other content.
    #[error(
        "{} exists and does not hold a chayici plan; choose another --out or pass --force to replace it",
        .0.display()
    )]
    Occupied(PathBuf),
    /// Writing the plan's files failed.
    #[error("cannot write the plan: {0:#}")]
    Fill(anyhow::Error),
    /// The file system refused.
    #[error("cannot write {}: {source}", path.display())]
    Io {
        /// What was being written.
        path: PathBuf,
        /// Why it failed.
        source: io::Error,
    },
}

fn io_at(path: &Path) -> impl FnOnce(io::Error) -> OutDirError + '_ {
    move |source| OutDirError::Io {
        path: path.to_owned(),
        source,
    }
}

/// True when `dir` holds a plan.json written by chayici.
pub fn holds_previous_plan(dir: &Path) -> bool {
    std::fs::read_to_string(dir.join("plan.json"))
        .ok()
        .and_then(|t| serde_json::from_str::<serde_json::Value>(&t).ok())
        .is_some_and(|v| v.get("format").and_then(|f| f.as_str()) == Some(PLAN_FORMAT))
}

/// Fails when writing to `out` would destroy something that is not a previous plan; run it
/// before planning, so a long run does not end in a refusal.
pub fn check_out_dir(out: &Path, force: bool) -> Result<(), OutDirError> {
    let meta = match std::fs::symlink_metadata(out) {
        Ok(m) => m,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(io_at(out)(e)),
    };
    if !meta.is_dir() {
        return Err(OutDirError::NotADirectory(out.to_owned()));
    }
    let empty = std::fs::read_dir(out).map_err(io_at(out))?.next().is_none();
    if empty || force || holds_previous_plan(out) {
        Ok(())
    } else {
        Err(OutDirError::Occupied(out.to_owned()))
    }
}

/// Calls `fill` on a fresh temporary folder beside `out`, then puts that folder at `out`,
/// replacing what [`check_out_dir`] allows. On any error nothing at `out` changes and the
/// temporary folder is removed.
pub fn write_out_dir(
    out: &Path,
    force: bool,
    fill: impl FnOnce(&Path) -> anyhow::Result<()>,
) -> Result<(), OutDirError> {
    check_out_dir(out, force)?;
    let parent = match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    std::fs::create_dir_all(parent).map_err(io_at(parent))?;
    let mut builder = tempfile::Builder::new();
    builder.prefix(".chayici-plan-");
    #[cfg(unix)]
    {
        // A temporary folder is private by default; the plan is an ordinary folder, so let the
        // umask decide as it does for any folder the user creates.
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o777));
    }
    let tmp = builder.tempdir_in(parent).map_err(io_at(parent))?;
    fill(tmp.path()).map_err(OutDirError::Fill)?;

    // A folder cannot be renamed over a non-empty one, so the old plan is first moved aside
    // into a holder that is deleted at the end, and moved back if the swap fails.
    let holder = if out.exists() {
        let holder = tempfile::Builder::new()
            .prefix(".chayici-old-")
            .tempdir_in(parent)
            .map_err(io_at(parent))?;
        std::fs::rename(out, holder.path().join("plan")).map_err(io_at(out))?;
        Some(holder)
    } else {
        None
    };
    if let Err(e) = std::fs::rename(tmp.path(), out) {
        if let Some(h) = &holder {
            let _ = std::fs::rename(h.path().join("plan"), out);
        }
        return Err(io_at(out)(e));
    }
    let _ = tmp.keep();
    drop(holder);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fill_ok(dir: &Path) -> anyhow::Result<()> {
        let json = format!("{{\"format\":\"{PLAN_FORMAT}\"}}");
        Ok(std::fs::write(dir.join("plan.json"), json)?)
    }

    #[test]
    fn writes_then_replaces_a_previous_plan() {
        let root = tempfile::tempdir().unwrap();
        let out = root.path().join("nested/plan");
        write_out_dir(&out, false, fill_ok).unwrap();
        assert!(holds_previous_plan(&out));
        std::fs::write(out.join("stale.txt"), "old").unwrap();
        write_out_dir(&out, false, fill_ok).unwrap();
        assert!(!out.join("stale.txt").exists());
        let leftovers: Vec<_> = std::fs::read_dir(out.parent().unwrap())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(leftovers, vec![std::ffi::OsString::from("plan")]);
    }

    #[test]
    fn refuses_an_unrelated_folder_unless_forced() {
        let root = tempfile::tempdir().unwrap();
        let out = root.path().join("docs");
        std::fs::create_dir(&out).unwrap();
        std::fs::write(out.join("thesis.docx"), "precious").unwrap();
        let err = write_out_dir(&out, false, fill_ok).unwrap_err();
        assert!(matches!(err, OutDirError::Occupied(_)), "{err}");
        assert!(out.join("thesis.docx").exists());
        write_out_dir(&out, true, fill_ok).unwrap();
        assert!(!out.join("thesis.docx").exists());
    }

    #[test]
    fn a_failed_fill_leaves_nothing() {
        let root = tempfile::tempdir().unwrap();
        let out = root.path().join("plan");
        let err = write_out_dir(&out, false, |d| {
            fill_ok(d)?;
            anyhow::bail!("disk full")
        });
        assert!(err.is_err());
        assert_eq!(std::fs::read_dir(root.path()).unwrap().count(), 0);
    }
}
