//! `chayici plan --out` never removes what chayici did not write: not the workspace (even with
//! `--force`), not the workspace's neighbours, not a user's notes in an earlier plan folder.

mod common;

use std::path::Path;
use std::process::{Command, Output};

const TINY: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/data/tiny");

fn plan(workspace: &Path, out: &Path, extra: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_chayici"))
        .env("LC_ALL", "C")
        .arg("plan")
        .arg(workspace)
        .arg("--out")
        .arg(out)
        .args(["--quiet", "--iterations", "30"])
        .args(extra)
        .output()
        .expect("the binary runs")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Every file under `dir` with its bytes, to compare a folder before and after.
fn snapshot(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else {
                let rel = p.strip_prefix(dir).unwrap().to_string_lossy().into_owned();
                out.push((rel, std::fs::read(&p).unwrap()));
            }
        }
    }
    out.sort();
    out
}

#[test]
fn force_never_takes_the_workspace_or_its_neighbours() {
    let root = tempfile::tempdir().unwrap();
    let ws = root.path().join("county");
    common::copy_workspace_into(Path::new(TINY), &ws);
    let sibling = root.path().join("sibling");
    std::fs::create_dir_all(&sibling).unwrap();
    std::fs::write(sibling.join("keep.txt"), "keep").unwrap();
    let before = snapshot(&ws);

    for out in [
        ws.clone(),
        root.path().to_path_buf(),
        ws.join("plans"),
        ws.join("out"),
    ] {
        let o = plan(&ws, &out, &["--force"]);
        assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
        assert!(
            stderr(&o).contains("the workspace"),
            "the refusal says why: {}",
            stderr(&o)
        );
        assert_eq!(snapshot(&ws), before, "--out {}", out.display());
        assert!(sibling.join("keep.txt").exists());
    }
}

#[test]
fn replacing_a_plan_keeps_the_users_files() {
    let root = tempfile::tempdir().unwrap();
    let out = root.path().join("december");
    let first = plan(Path::new(TINY), &out, &[]);
    assert_eq!(first.status.code(), Some(0), "{}", stderr(&first));
    std::fs::write(out.join("notes.txt"), "signed by the director").unwrap();
    std::fs::create_dir(out.join("scans")).unwrap();
    std::fs::write(out.join("scans/page1.pdf"), "pdf").unwrap();
    std::fs::write(out.join("sheets/T1-annotated.txt"), "call ahead").unwrap();

    let second = plan(Path::new(TINY), &out, &["--seed", "7"]);
    assert_eq!(second.status.code(), Some(0), "{}", stderr(&second));
    assert_eq!(
        std::fs::read_to_string(out.join("notes.txt")).unwrap(),
        "signed by the director"
    );
    assert_eq!(std::fs::read(out.join("scans/page1.pdf")).unwrap(), b"pdf");
    assert!(out.join("sheets/T1-annotated.txt").exists());
    assert!(out.join("plan.json").exists());
    let left: Vec<_> = std::fs::read_dir(root.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(left, vec![std::ffi::OsString::from("december")]);
}

#[test]
fn force_writes_beside_a_users_files_and_overwrites_none() {
    let root = tempfile::tempdir().unwrap();
    let out = root.path().join("inbox");
    std::fs::create_dir(&out).unwrap();
    std::fs::write(out.join("letter.docx"), "precious").unwrap();

    let refused = plan(Path::new(TINY), &out, &[]);
    assert_eq!(refused.status.code(), Some(2));
    assert!(stderr(&refused).contains("--force"), "{}", stderr(&refused));

    let forced = plan(Path::new(TINY), &out, &["--force"]);
    assert_eq!(forced.status.code(), Some(0), "{}", stderr(&forced));
    assert_eq!(
        std::fs::read_to_string(out.join("letter.docx")).unwrap(),
        "precious"
    );
    assert!(out.join("routes.csv").exists());

    let mine = root.path().join("mine");
    std::fs::create_dir(&mine).unwrap();
    std::fs::write(mine.join("routes.csv"), "my own routes").unwrap();
    let clash = plan(Path::new(TINY), &mine, &["--force"]);
    assert_eq!(clash.status.code(), Some(2));
    assert!(stderr(&clash).contains("routes.csv"), "{}", stderr(&clash));
    assert_eq!(
        std::fs::read_to_string(mine.join("routes.csv")).unwrap(),
        "my own routes"
    );
}
