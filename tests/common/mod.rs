//! Helpers shared by the end-to-end tests that need a workspace they may change.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

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

/// Runs the chayici binary with `args`, in English whatever the machine's locale (`LC_ALL`
/// decides before `LANG`; `--lang` in `args` still wins).
#[allow(dead_code)]
pub fn chayici(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_chayici"))
        .env("LC_ALL", "C")
        .args(args)
        .output()
        .expect("the binary runs")
}

/// The exit code of a run that was not killed.
#[allow(dead_code)]
pub fn code(o: &Output) -> i32 {
    o.status.code().expect("exited normally")
}
