//! Provides the all-or-nothing write of a plan folder that removes only what chayici wrote.
//!
//! Every file is written into a hidden staging folder beside the target, and only when all
//! are complete is that folder renamed into place, so a failed or interrupted run never
//! leaves a half-written plan that someone might print. Rerunning `plan` each month into the
//! same folder is the normal workflow, and people keep their own files there too: the
//! previous run's files (listed in its `.chayici-files`) are replaced, everything else is
//! carried over into the new folder untouched. A folder that holds no plan is written into
//! only with `--force`, and even then nothing in it is removed or overwritten. A folder that
//! is, holds or lies inside the workspace is refused outright: a plan must never be able to
//! take its own input files with it.

use super::manifest::{MANIFEST_NAME, Manifest};
use super::{PLAN_JSON, PlanRecord};
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// Prefix of the staging folder a plan is written into before it is moved into place.
pub const STAGING_PREFIX: &str = ".chayici-plan-";
/// Prefix of the folder the previous plan's files wait in until the new plan is in place.
pub const HOLDER_PREFIX: &str = ".chayici-old-";
/// Written into a staging folder while a user's files are being carried into it, so that
/// cleaning up after a crash at that moment never deletes them.
const CARRYING_MARKER: &str = ".chayici-carrying";

/// Why a plan folder cannot be written.
#[derive(Debug, thiserror::Error)]
pub enum OutDirError {
    /// The target is a file or something else that is not a folder.
    #[error("{} exists and is not a folder", .0.display())]
    NotADirectory(PathBuf),
    /// The target is a folder with other content.
    #[error(
        "{} exists and does not hold a chayici plan; choose another --out, or pass --force to \
         write the plan beside its files (nothing in it is removed)",
        .0.display()
    )]
    Occupied(PathBuf),
    /// The target is, holds or lies inside the workspace.
    #[error(
        "--out {} {relation} the workspace {}; choose a folder outside it (--force does not \
         change this)",
        out.display(), workspace.display()
    )]
    OverlapsWorkspace {
        /// The --out folder.
        out: PathBuf,
        /// The workspace folder.
        workspace: PathBuf,
        /// "is", "holds" or "lies inside".
        relation: &'static str,
    },
    /// Files chayici did not write sit where the plan's files go.
    #[error(
        "{} holds {} that chayici did not write but would overwrite: {}; move them away first",
        dir.display(),
        if paths.len() == 1 { "a file" } else { "files" },
        paths.join(", ")
    )]
    WouldOverwrite {
        /// The --out folder.
        dir: PathBuf,
        /// The paths inside it, relative.
        paths: Vec<String>,
    },
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
    std::fs::read_to_string(dir.join(PLAN_JSON))
        .is_ok_and(|t| PlanRecord::read(&t).is_chayici_plan())
}

/// What is at the target now, and which of its files chayici may replace.
#[derive(Debug)]
enum Target {
    /// Nothing, or an empty folder.
    Vacant,
    /// A folder with content; the manifest lists the files chayici wrote there (empty for a
    /// folder written into with `--force`).
    Occupied(Manifest),
}

/// `path` made absolute with every link resolved, also when its last parts do not exist yet.
fn resolve(path: &Path) -> io::Result<PathBuf> {
    let absolute = std::path::absolute(path)?;
    let mut missing = Vec::new();
    let mut existing = absolute.as_path();
    loop {
        match existing.canonicalize() {
            Ok(mut real) => {
                for part in missing.iter().rev() {
                    real.push(part);
                }
                return Ok(real);
            }
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                let (Some(parent), Some(name)) = (existing.parent(), existing.file_name()) else {
                    return Err(e);
                };
                missing.push(name.to_owned());
                existing = parent;
            }
            Err(e) => return Err(e),
        }
    }
}

/// Fails when `out` is the workspace, holds it or lies inside it.
fn refuse_overlap(out: &Path, workspace: &Path) -> Result<(), OutDirError> {
    let o = resolve(out).map_err(io_at(out))?;
    let w = resolve(workspace).map_err(io_at(workspace))?;
    let relation = if o == w {
        "is"
    } else if w.starts_with(&o) {
        "holds"
    } else if o.starts_with(&w) {
        "lies inside"
    } else {
        return Ok(());
    };
    Err(OutDirError::OverlapsWorkspace {
        out: out.to_owned(),
        workspace: workspace.to_owned(),
        relation,
    })
}

fn inspect(out: &Path, force: bool, workspace: Option<&Path>) -> Result<Target, OutDirError> {
    if let Some(ws) = workspace {
        refuse_overlap(out, ws)?;
    }
    let meta = match std::fs::symlink_metadata(out) {
        Ok(m) => m,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Target::Vacant),
        Err(e) => return Err(io_at(out)(e)),
    };
    if !meta.is_dir() {
        return Err(OutDirError::NotADirectory(out.to_owned()));
    }
    if std::fs::read_dir(out).map_err(io_at(out))?.next().is_none() {
        return Ok(Target::Vacant);
    }
    if let Some(m) = Manifest::read(out).map_err(io_at(out))? {
        return Ok(Target::Occupied(m));
    }
    if holds_previous_plan(out) {
        return Ok(Target::Occupied(Manifest::legacy_plan(out)));
    }
    if force {
        Ok(Target::Occupied(Manifest::default()))
    } else {
        Err(OutDirError::Occupied(out.to_owned()))
    }
}

/// Fails when writing to `out` would be refused; run it before planning, so a long run does
/// not end in a refusal. `workspace`, when given, is the folder the plan is made from.
pub fn check_out_dir(out: &Path, force: bool, workspace: Option<&Path>) -> Result<(), OutDirError> {
    inspect(out, force, workspace).map(|_| ())
}

/// Staging folders of this process, removed by [`remove_staging_on_interrupt`]. A folder is
/// in the list only while it holds nothing but chayici's files; carrying a user's files into
/// it happens with the lock held, so an interrupt waits for that to finish.
static STAGING: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

fn staging_list() -> std::sync::MutexGuard<'static, Vec<PathBuf>> {
    STAGING
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// Removes the staging folders of plans being written; the command's Ctrl-C handler calls
/// it before exiting, so an interrupted run leaves nothing beside `--out`.
pub fn remove_staging_on_interrupt() {
    let mut list = staging_list();
    for dir in list.drain(..) {
        let _ = std::fs::remove_dir_all(&dir);
    }
    // The lock is kept until the process exits, so no new staging folder starts.
    std::mem::forget(list);
}

/// A staging folder that is removed when dropped, unless it was moved into place.
struct Staging {
    path: PathBuf,
    live: bool,
}

impl Staging {
    fn create(parent: &Path) -> Result<Self, OutDirError> {
        let mut builder = tempfile::Builder::new();
        let prefix = format!("{STAGING_PREFIX}{}-", std::process::id());
        builder.prefix(&prefix);
        #[cfg(unix)]
        {
            // A temporary folder is private by default; the plan is an ordinary folder, so
            // let the umask decide as it does for any folder the user creates.
            use std::os::unix::fs::PermissionsExt;
            builder.permissions(std::fs::Permissions::from_mode(0o777));
        }
        let mut list = staging_list();
        let path = builder.tempdir_in(parent).map_err(io_at(parent))?.keep();
        list.push(path.clone());
        Ok(Self { path, live: true })
    }

    /// Takes the folder out of the interrupt list: from now on it is this code's to finish.
    fn settle(&mut self, list: &mut Vec<PathBuf>) {
        list.retain(|p| p != &self.path);
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        staging_list().retain(|p| p != &self.path);
        if self.live && !self.path.join(CARRYING_MARKER).exists() {
            let _ = std::fs::remove_dir_all(&self.path);
        }
    }
}

/// Removes what crashed runs left beside `out`: staging and holder folders whose process is
/// gone. A staging folder caught while carrying a user's files is left, with a warning.
fn remove_stale_leftovers(parent: &Path) {
    let Ok(entries) = std::fs::read_dir(parent) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some(rest) = name
            .strip_prefix(STAGING_PREFIX)
            .or_else(|| name.strip_prefix(HOLDER_PREFIX))
        else {
            continue;
        };
        let pid = rest.split('-').next().and_then(|p| p.parse::<u32>().ok());
        if !pid.is_some_and(process_is_gone) {
            continue;
        }
        let path = entry.path();
        if path.join(CARRYING_MARKER).exists() {
            eprintln!(
                "chayici: warning: {} was left by an interrupted run while it moved files; \
                 look inside before removing it",
                path.display()
            );
        } else if name.starts_with(HOLDER_PREFIX) {
            remove_holder(&path);
        } else {
            let _ = std::fs::remove_dir_all(&path);
        }
    }
}

/// True when no process has id `pid`; false where that cannot be told.
fn process_is_gone(pid: u32) -> bool {
    let proc = Path::new("/proc");
    proc.join("self").exists() && pid != std::process::id() && !proc.join(pid.to_string()).exists()
}

/// Removes a holder folder: the previous plan's files, as its manifest lists them.
fn remove_holder(holder: &Path) {
    let plan = holder.join("plan");
    let manifest = Manifest::read(&plan)
        .ok()
        .flatten()
        .unwrap_or_else(|| Manifest::legacy_plan(&plan));
    let _ = manifest.remove_from(&plan);
    let _ = std::fs::remove_dir(&plan);
    if std::fs::remove_dir(holder).is_err() {
        eprintln!(
            "chayici: warning: {} holds files chayici did not write; they were left there",
            holder.display()
        );
    }
}

/// The entries of `out` that are not chayici's (per `old`) and must be carried into the new
/// plan folder, and those of them that would clash with a file of the new plan (`new`).
fn foreign_entries(
    out: &Path,
    rel: &str,
    old: &Manifest,
    new: &Manifest,
    carry: &mut Vec<String>,
    clash: &mut Vec<String>,
) -> io::Result<()> {
    let dir = if rel.is_empty() {
        out.to_path_buf()
    } else {
        out.join(rel)
    };
    let mut entries: Vec<_> = std::fs::read_dir(&dir)?.collect::<Result<_, _>>()?;
    entries.sort_by_key(std::fs::DirEntry::file_name);
    for entry in entries {
        let name = entry.file_name().to_string_lossy().into_owned();
        let child = if rel.is_empty() {
            name
        } else {
            format!("{rel}/{name}")
        };
        if child == MANIFEST_NAME || child == CARRYING_MARKER {
            continue;
        }
        let kind = entry.file_type()?;
        if kind.is_dir() && (old.has_under(&child) || new.has_under(&child)) {
            foreign_entries(out, &child, old, new, carry, clash)?;
        } else if kind.is_file() && old.contains(&child) {
            // The previous run's file: it stays behind and is removed with the old plan.
        } else {
            if new.contains(&child) || new.has_under(&child) {
                clash.push(child.clone());
            }
            carry.push(child);
        }
    }
    Ok(())
}

/// Moves `rels` from `from` to `to`, creating folders; on failure moves back what was moved.
fn move_entries(from: &Path, to: &Path, rels: &[String]) -> io::Result<()> {
    for (i, rel) in rels.iter().enumerate() {
        let target = to.join(rel);
        let result = match target.parent() {
            Some(p) => std::fs::create_dir_all(p),
            None => Ok(()),
        }
        .and_then(|()| std::fs::rename(from.join(rel), &target));
        if let Err(e) = result {
            for back in rels[..i].iter().rev() {
                let _ = std::fs::rename(to.join(back), from.join(back));
            }
            return Err(e);
        }
    }
    Ok(())
}

/// Calls `fill` on a fresh staging folder beside `out`, then puts that folder at `out`.
/// A previous plan's files are replaced; any other file in `out` is carried over unchanged;
/// nothing chayici did not write is removed or overwritten. On any error nothing at `out`
/// changes and the staging folder is removed. `workspace`, when given, is refused as (or
/// around, or above) the target.
pub fn write_out_dir(
    out: &Path,
    force: bool,
    workspace: Option<&Path>,
    fill: impl FnOnce(&Path) -> anyhow::Result<()>,
) -> Result<(), OutDirError> {
    let target = inspect(out, force, workspace)?;
    let parent = match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    std::fs::create_dir_all(parent).map_err(io_at(parent))?;
    remove_stale_leftovers(parent);
    let mut staging = Staging::create(parent)?;
    fill(&staging.path).map_err(OutDirError::Fill)?;
    let new = Manifest::of_tree(&staging.path).map_err(io_at(&staging.path))?;
    new.write(&staging.path).map_err(io_at(&staging.path))?;

    let Target::Occupied(old) = target else {
        // An empty folder is removed first; `remove_dir` refuses one that filled meanwhile.
        if out.is_dir() {
            std::fs::remove_dir(out).map_err(io_at(out))?;
        }
        let mut list = staging_list();
        std::fs::rename(&staging.path, out).map_err(io_at(out))?;
        staging.settle(&mut list);
        staging.live = false;
        return Ok(());
    };

    let (mut carry, mut clash) = (Vec::new(), Vec::new());
    foreign_entries(out, "", &old, &new, &mut carry, &mut clash).map_err(io_at(out))?;
    if !clash.is_empty() {
        return Err(OutDirError::WouldOverwrite {
            dir: out.to_owned(),
            paths: clash,
        });
    }

    // From here until the swap, the staging folder may hold a user's files: it leaves the
    // interrupt list (an interrupt now waits on the lock) and carries a marker.
    let mut list = staging_list();
    staging.settle(&mut list);
    let swapped = carry_and_swap(out, parent, &staging.path, &carry);
    staging.live = swapped.is_err();
    drop(list);
    let holder = swapped.map_err(io_at(out))?;
    remove_holder(&holder);
    Ok(())
}

/// Carries the user's entries `carry` from `out` into `staging`, then puts `staging` at `out`
/// and the previous folder (now only chayici's files) into a holder folder it returns. On
/// failure everything is put back where it was and the marker removed.
fn carry_and_swap(
    out: &Path,
    parent: &Path,
    staging: &Path,
    carry: &[String],
) -> io::Result<PathBuf> {
    let marker = staging.join(CARRYING_MARKER);
    std::fs::write(&marker, carry.join("\n"))?;
    let undo_marker = |e: io::Error| {
        let _ = std::fs::remove_file(&marker);
        e
    };
    move_entries(out, staging, carry).map_err(undo_marker)?;
    // A folder cannot be renamed over a non-empty one, so the old plan is first moved aside
    // into a holder that is emptied at the end, and moved back if the swap fails.
    let swapped = tempfile::Builder::new()
        .prefix(&format!("{HOLDER_PREFIX}{}-", std::process::id()))
        .tempdir_in(parent)
        .map(tempfile::TempDir::keep)
        .and_then(|holder| {
            std::fs::rename(out, holder.join("plan"))
                .and_then(|()| {
                    std::fs::rename(staging, out).inspect_err(|_| {
                        let _ = std::fs::rename(holder.join("plan"), out);
                    })
                })
                .map(|()| holder.clone())
                .inspect_err(|_| {
                    let _ = std::fs::remove_dir(&holder);
                })
        });
    match swapped {
        Ok(holder) => {
            let _ = std::fs::remove_file(out.join(CARRYING_MARKER));
            Ok(holder)
        }
        // The marker stays when the user's entries cannot all be put back, so that nothing
        // removes the staging folder with them inside.
        Err(e) => match move_entries(staging, out, carry) {
            Ok(()) => Err(undo_marker(e)),
            Err(_) => Err(e),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::PLAN_FORMAT;

    fn fill_ok(dir: &Path) -> anyhow::Result<()> {
        let json = format!("{{\"format\":\"{PLAN_FORMAT}\"}}");
        std::fs::create_dir_all(dir.join("sheets"))?;
        std::fs::write(dir.join("sheets/T01.csv"), "a")?;
        Ok(std::fs::write(dir.join("plan.json"), json)?)
    }

    fn names(dir: &Path) -> Vec<String> {
        let mut v: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        v.sort();
        v
    }

    #[test]
    fn writes_then_replaces_a_previous_plan_keeping_the_users_files() {
        let root = tempfile::tempdir().unwrap();
        let out = root.path().join("nested/plan");
        write_out_dir(&out, false, None, fill_ok).unwrap();
        assert!(holds_previous_plan(&out));
        std::fs::write(out.join("notes.txt"), "mine").unwrap();
        std::fs::create_dir(out.join("photos")).unwrap();
        std::fs::write(out.join("photos/a.jpg"), "jpg").unwrap();
        std::fs::write(out.join("sheets/annotated.txt"), "mine").unwrap();
        std::fs::remove_file(out.join("sheets/T01.csv")).unwrap();
        write_out_dir(&out, false, None, fill_ok).unwrap();
        assert_eq!(
            std::fs::read_to_string(out.join("notes.txt")).unwrap(),
            "mine"
        );
        assert!(out.join("photos/a.jpg").exists());
        assert!(out.join("sheets/annotated.txt").exists());
        assert!(out.join("sheets/T01.csv").exists());
        assert_eq!(names(out.parent().unwrap()), vec!["plan"]);
    }

    #[test]
    fn removes_the_previous_runs_files_that_the_new_plan_does_not_write() {
        let root = tempfile::tempdir().unwrap();
        let out = root.path().join("plan");
        write_out_dir(&out, false, None, |d| {
            fill_ok(d)?;
            Ok(std::fs::write(d.join("sheets/T09.csv"), "old team")?)
        })
        .unwrap();
        write_out_dir(&out, false, None, fill_ok).unwrap();
        assert!(!out.join("sheets/T09.csv").exists());
    }

    #[test]
    fn refuses_an_unrelated_folder_unless_forced_and_never_removes_from_it() {
        let root = tempfile::tempdir().unwrap();
        let out = root.path().join("docs");
        std::fs::create_dir(&out).unwrap();
        std::fs::write(out.join("thesis.docx"), "precious").unwrap();
        let err = write_out_dir(&out, false, None, fill_ok).unwrap_err();
        assert!(matches!(err, OutDirError::Occupied(_)), "{err}");
        write_out_dir(&out, true, None, fill_ok).unwrap();
        assert_eq!(
            std::fs::read_to_string(out.join("thesis.docx")).unwrap(),
            "precious"
        );
        assert!(holds_previous_plan(&out));
    }

    #[test]
    fn never_overwrites_a_file_it_did_not_write() {
        let root = tempfile::tempdir().unwrap();
        let out = root.path().join("docs");
        std::fs::create_dir(&out).unwrap();
        std::fs::write(out.join("plan.json"), "my own plan").unwrap();
        let err = write_out_dir(&out, true, None, fill_ok).unwrap_err();
        assert!(matches!(err, OutDirError::WouldOverwrite { .. }), "{err}");
        assert_eq!(
            std::fs::read_to_string(out.join("plan.json")).unwrap(),
            "my own plan"
        );
        assert_eq!(names(root.path()), vec!["docs"]);
    }

    #[test]
    fn refuses_the_workspace_its_parent_and_its_inside_even_when_forced() {
        let root = tempfile::tempdir().unwrap();
        let ws = root.path().join("county");
        std::fs::create_dir_all(ws.join("plans")).unwrap();
        for (out, relation) in [
            (ws.clone(), "is"),
            (root.path().to_path_buf(), "holds"),
            (ws.join("plans/out"), "lies inside"),
            (ws.join("../county/./x"), "lies inside"),
        ] {
            let err = write_out_dir(&out, true, Some(&ws), fill_ok).unwrap_err();
            match err {
                OutDirError::OverlapsWorkspace { relation: r, .. } => assert_eq!(r, relation),
                other => panic!("{other}"),
            }
        }
        assert_eq!(names(&ws), vec!["plans"]);
        write_out_dir(&root.path().join("plan"), false, Some(&ws), fill_ok).unwrap();
    }

    #[test]
    fn a_failed_fill_leaves_nothing() {
        let root = tempfile::tempdir().unwrap();
        let out = root.path().join("plan");
        let err = write_out_dir(&out, false, None, |d| {
            fill_ok(d)?;
            anyhow::bail!("disk full")
        });
        assert!(err.is_err());
        assert_eq!(std::fs::read_dir(root.path()).unwrap().count(), 0);
    }

    #[test]
    fn removes_what_a_killed_run_left_but_not_a_live_ones() {
        let root = tempfile::tempdir().unwrap();
        let dead = root.path().join(format!("{STAGING_PREFIX}4294967290-abc"));
        let dead_holder = root.path().join(format!("{HOLDER_PREFIX}4294967290-abc"));
        let live = root
            .path()
            .join(format!("{STAGING_PREFIX}{}-abc", std::process::id()));
        let caught = root.path().join(format!("{STAGING_PREFIX}4294967291-abc"));
        for d in [&dead, &live, &caught] {
            std::fs::create_dir(d).unwrap();
            std::fs::write(d.join("plan.json"), "{}").unwrap();
        }
        std::fs::write(caught.join(CARRYING_MARKER), "notes.txt").unwrap();
        std::fs::create_dir_all(dead_holder.join("plan")).unwrap();
        std::fs::write(dead_holder.join("plan/routes.csv"), "x").unwrap();
        write_out_dir(&root.path().join("plan"), false, None, fill_ok).unwrap();
        assert!(caught.exists());
        if Path::new("/proc/self").exists() {
            assert!(!dead.exists());
            assert!(!dead_holder.exists());
            assert!(live.exists());
        }
    }
}
