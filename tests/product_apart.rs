//! The product modules never import the developer tools: a build without the `devtools`
//! feature must plan exactly as one with it, so nothing on the way from a workspace to a plan
//! may name `devtools` or one of its modules.
//!
//! Unit tests (the `#[cfg(test)] mod` at the end of a file) are left out: they build their
//! instances with the synthetic generator, which is no dependency of the shipped code.

use std::fs;
use std::path::{Path, PathBuf};

/// What in `src/` is not product code: the developer tools, and the command line, which gates
/// the developer subcommands itself. Every other module is product code, new ones included.
const NOT_PRODUCT: [&str; 4] = ["devtools", "cli", "lib.rs", "main.rs"];

/// The developer tools' modules: `devtools` itself, and the names of the modules inside it.
const DEV_MODULES: [&str; 4] = ["generate", "bench", "solomon", "synth"];

fn rust_files(path: &Path, files: &mut Vec<PathBuf>) {
    if path.is_dir() {
        for entry in fs::read_dir(path).unwrap() {
            rust_files(&entry.unwrap().path(), files);
        }
    } else if path.extension().is_some_and(|e| e == "rs") {
        files.push(path.to_path_buf());
    }
}

/// The lines of a file that ship: comments dropped, and nothing from the unit-test module
/// (`#[cfg(test)]` then `mod …`) on.
fn shipped_code(text: &str) -> Vec<(usize, &str)> {
    let lines: Vec<&str> = text.lines().collect();
    let tests = lines
        .windows(2)
        .position(|w| {
            let item = w[1].trim_start();
            let item = item.strip_prefix("pub").map_or(item, |rest| {
                rest.strip_prefix("(crate)")
                    .or_else(|| rest.strip_prefix("(super)"))
                    .unwrap_or(rest)
                    .trim_start()
            });
            w[0].trim() == "#[cfg(test)]" && item.starts_with("mod ")
        })
        .unwrap_or(lines.len());
    lines[..tests]
        .iter()
        .enumerate()
        .filter(|(_, line)| !line.trim_start().starts_with("//"))
        .map(|(i, &line)| (i + 1, line))
        .collect()
}

/// Identifiers of a line of Rust, with whether each is a path segment (next to `::`).
fn identifiers(line: &str) -> Vec<(&str, bool)> {
    let is_ident = |c: char| c.is_alphanumeric() || c == '_';
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in line.char_indices().chain([(line.len(), ' ')]) {
        match (start, is_ident(c)) {
            (None, true) => start = Some(i),
            (Some(s), false) => {
                let path = line[..s].ends_with("::") || line[i..].starts_with("::");
                out.push((&line[s..i], path));
                start = None;
            }
            _ => {}
        }
    }
    out
}

#[test]
fn product_modules_do_not_import_the_developer_tools() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    for entry in fs::read_dir(&src).unwrap() {
        let path = entry.unwrap().path();
        if !NOT_PRODUCT.iter().any(|n| path.ends_with(n)) {
            rust_files(&path, &mut files);
        }
    }
    for module in ["model", "ingest", "solve", "output"] {
        let dir = src.join(module);
        assert!(
            files.iter().any(|f| f.starts_with(&dir)),
            "no product file found in {}",
            dir.display()
        );
    }

    let mut found = Vec::new();
    for file in &files {
        let text = fs::read_to_string(file).unwrap();
        for (n, line) in shipped_code(&text) {
            for (ident, path) in identifiers(line) {
                if ident == "devtools" || (path && DEV_MODULES.contains(&ident)) {
                    found.push(format!("{}:{n}: {}", file.display(), line.trim()));
                }
            }
        }
    }
    assert!(
        found.is_empty(),
        "product code names the developer tools:\n{}",
        found.join("\n")
    );
}

#[test]
fn the_scan_sees_imports() {
    let text = "use crate::model::Instance;\nuse crate::devtools::synth::random_instance;\n\
                #[cfg(test)]\nlet x = crate::generate::render(g);\n/// uses crate::bench\n\
                #[cfg(test)]\nmod tests { use crate::synth; }\n";
    let named: Vec<(usize, &str)> = shipped_code(text)
        .into_iter()
        .flat_map(|(n, line)| {
            identifiers(line)
                .into_iter()
                .filter(|&(i, path)| i == "devtools" || (path && DEV_MODULES.contains(&i)))
                .map(move |(i, _)| (n, i))
        })
        .collect();
    assert_eq!(named, [(2, "devtools"), (2, "synth"), (4, "generate")]);
}
