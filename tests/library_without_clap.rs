//! The library knows nothing of the command line: only the binary (`src/main.rs` and
//! `src/cli/`) may name clap, so that a program using the library does not carry it.

use std::path::{Path, PathBuf};

fn library_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            if !path.ends_with("cli") || path.parent() != Some(src().as_path()) {
                library_files(&path, out);
            }
        } else if path.extension().is_some_and(|e| e == "rs") && path != src().join("main.rs") {
            out.push(path);
        }
    }
}

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

#[test]
fn no_library_file_names_clap() {
    let mut files = Vec::new();
    library_files(&src(), &mut files);
    assert!(files.iter().any(|f| f.ends_with("lib.rs")), "{files:?}");
    let naming: Vec<String> = files
        .iter()
        .filter(|f| std::fs::read_to_string(f).unwrap().contains("clap"))
        .map(|f| f.display().to_string())
        .collect();
    assert!(
        naming.is_empty(),
        "library files name clap (only src/main.rs and src/cli/ may): {naming:?}"
    );
}
