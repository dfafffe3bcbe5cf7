//! Provides the list of files chayici wrote into a folder (`.chayici-files`).
//!
//! A plan folder is also where people keep their notes, a scan of the signed plan or a
//! folder of photos. Replacing a plan must remove the files the previous run wrote and
//! nothing else, so every run records what it wrote, and removal goes through that list.

use std::collections::BTreeSet;
use std::io;
use std::path::{Path, PathBuf};

/// The manifest's file name inside the folder it describes.
pub const MANIFEST_NAME: &str = ".chayici-files";

/// What `plan` wrote before folders carried a manifest: a plan folder without
/// `.chayici-files` is taken to hold these (where they exist) and nothing else of chayici's.
const LEGACY_PLAN_FILES: &[&str] = &[
    "plan.json",
    "run.json",
    "routes.csv",
    "unscheduled.csv",
    "routes.geojson",
    "report.html",
    "route_sheets.xlsx",
];

/// Legacy per-team folders and the extension of the files `plan` wrote into them.
const LEGACY_PLAN_FOLDERS: &[(&str, &str)] = &[("sheets", "csv"), ("calendars", "ics")];

/// Relative paths (`/`-separated) of the regular files chayici wrote into one folder.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Manifest {
    files: BTreeSet<String>,
}

impl Manifest {
    /// Every regular file under `dir` (symbolic links are not followed), except the manifest.
    pub fn of_tree(dir: &Path) -> io::Result<Self> {
        let mut files = BTreeSet::new();
        collect_files(dir, "", &mut files)?;
        files.remove(MANIFEST_NAME);
        Ok(Self { files })
    }

    /// The manifest stored in `dir`, or `None` when the folder has none.
    pub fn read(dir: &Path) -> io::Result<Option<Self>> {
        let text = match std::fs::read_to_string(dir.join(MANIFEST_NAME)) {
            Ok(t) => t,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(e),
        };
        let files = text
            .lines()
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .filter(|l| is_plain_relative(l))
            .map(str::to_owned)
            .collect();
        Ok(Some(Self { files }))
    }

    /// The files a plan folder written before manifests existed holds, by the names `plan`
    /// has always used.
    pub fn legacy_plan(dir: &Path) -> Self {
        let mut files: BTreeSet<String> = LEGACY_PLAN_FILES
            .iter()
            .filter(|n| is_regular_file(&dir.join(n)))
            .map(|n| (*n).to_owned())
            .collect();
        for (folder, ext) in LEGACY_PLAN_FOLDERS {
            let Ok(entries) = std::fs::read_dir(dir.join(folder)) else {
                continue;
            };
            for entry in entries.flatten() {
                let name = entry.file_name().to_string_lossy().into_owned();
                let ours = Path::new(&name).extension().is_some_and(|e| e == *ext);
                if ours && is_regular_file(&entry.path()) {
                    files.insert(format!("{folder}/{name}"));
                }
            }
        }
        Self { files }
    }

    /// Writes the manifest into `dir`.
    pub fn write(&self, dir: &Path) -> io::Result<()> {
        let mut text = String::from(
            "# Files chayici wrote here; rerunning it removes these and nothing else.\n",
        );
        for f in &self.files {
            text.push_str(f);
            text.push('\n');
        }
        std::fs::write(dir.join(MANIFEST_NAME), text)
    }

    /// True when `rel` is one of the files.
    pub fn contains(&self, rel: &str) -> bool {
        self.files.contains(rel)
    }

    /// True when some file lies inside the folder `rel`.
    pub fn has_under(&self, rel: &str) -> bool {
        let prefix = format!("{rel}/");
        self.files
            .range(prefix.clone()..)
            .next()
            .is_some_and(|f| f.starts_with(&prefix))
    }

    /// Adds `rel`.
    pub fn insert(&mut self, rel: impl Into<String>) {
        self.files.insert(rel.into());
    }

    /// The files, in order.
    pub fn files(&self) -> impl Iterator<Item = &str> {
        self.files.iter().map(String::as_str)
    }

    /// Removes the listed files from `dir` (regular files only: a link or a folder a user
    /// put in a listed file's place is left alone), the manifest itself, and then any folder
    /// that removal left empty.
    pub fn remove_from(&self, dir: &Path) -> io::Result<()> {
        let mut folders = BTreeSet::new();
        for rel in self.files().chain([MANIFEST_NAME]) {
            let path = dir.join(rel);
            if is_regular_file(&path) {
                match std::fs::remove_file(&path) {
                    Ok(()) => {}
                    Err(e) if e.kind() == io::ErrorKind::NotFound => {}
                    Err(e) => return Err(e),
                }
            }
            let mut parent = Path::new(rel).parent();
            while let Some(p) = parent.filter(|p| !p.as_os_str().is_empty()) {
                folders.insert(p.to_path_buf());
                parent = p.parent();
            }
        }
        // Deepest first, so a folder emptied by removing its subfolder goes too.
        for folder in folders.iter().rev() {
            let _ = std::fs::remove_dir(dir.join(folder));
        }
        Ok(())
    }
}

fn is_regular_file(path: &Path) -> bool {
    std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_file())
}

/// A path the manifest may name: relative, no `..`, no empty or `.` parts, one line.
fn is_plain_relative(rel: &str) -> bool {
    !rel.starts_with('/')
        && !rel.contains('\\')
        && rel
            .split('/')
            .all(|part| !part.is_empty() && part != "." && part != "..")
}

fn collect_files(root: &Path, rel: &str, out: &mut BTreeSet<String>) -> io::Result<()> {
    let dir: PathBuf = if rel.is_empty() {
        root.to_path_buf()
    } else {
        root.join(rel)
    };
    for entry in std::fs::read_dir(&dir)? {
        let entry = entry?;
        let Some(name) = entry.file_name().to_str().map(str::to_owned) else {
            continue;
        };
        let child = if rel.is_empty() {
            name
        } else {
            format!("{rel}/{name}")
        };
        let kind = entry.file_type()?;
        if kind.is_dir() {
            collect_files(root, &child, out)?;
        } else if kind.is_file() && !child.contains('\n') {
            out.insert(child);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_removes_only_what_it_lists() {
        let root = tempfile::tempdir().unwrap();
        let dir = root.path();
        std::fs::create_dir_all(dir.join("sheets")).unwrap();
        std::fs::write(dir.join("plan.json"), "{}").unwrap();
        std::fs::write(dir.join("sheets/T01.csv"), "a").unwrap();
        let m = Manifest::of_tree(dir).unwrap();
        m.write(dir).unwrap();
        assert_eq!(Manifest::read(dir).unwrap().as_ref(), Some(&m));
        std::fs::write(dir.join("notes.txt"), "mine").unwrap();
        std::fs::write(dir.join("sheets/mine.txt"), "mine").unwrap();
        m.remove_from(dir).unwrap();
        assert!(dir.join("notes.txt").exists());
        assert!(dir.join("sheets/mine.txt").exists());
        assert!(!dir.join("plan.json").exists());
        assert!(!dir.join("sheets/T01.csv").exists());
        assert!(!dir.join(MANIFEST_NAME).exists());
    }

    #[test]
    fn refuses_paths_that_leave_the_folder() {
        let root = tempfile::tempdir().unwrap();
        std::fs::write(
            root.path().join(MANIFEST_NAME),
            "../x\n/etc/passwd\na/../b\nok.csv\n",
        )
        .unwrap();
        let m = Manifest::read(root.path()).unwrap().unwrap();
        assert_eq!(m.files().collect::<Vec<_>>(), vec!["ok.csv"]);
    }

    #[test]
    fn has_under_sees_nested_files_only() {
        let mut m = Manifest::default();
        m.insert("sheets/T01.csv");
        assert!(m.has_under("sheets"));
        assert!(!m.has_under("sheet"));
        assert!(!m.has_under("sheets/T01.csv"));
    }
}
