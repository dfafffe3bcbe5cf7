//! Helpers shared by the end-to-end tests that need a workspace they may change.

use std::path::{Path, PathBuf};

/// Copies a workspace, subfolders included, into a fresh temporary folder.
#[allow(dead_code)]
pub fn copy_workspace(from: &Path) -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    copy_workspace_into(from, tmp.path());
    tmp
}

/// Copies a workspace, subfolders included, into `to` (created when missing).
#[allow(dead_code)]
pub fn copy_workspace_into(from: &Path, to: &Path) {
    for entry in walk(from) {
        let target = to.join(entry.strip_prefix(from).unwrap());
        std::fs::create_dir_all(target.parent().unwrap()).unwrap();
        std::fs::copy(&entry, &target).unwrap();
    }
}

/// Every file below `dir`.
fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p);
        }
    }
    out
}
