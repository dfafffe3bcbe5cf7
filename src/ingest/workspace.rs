//! Provides the workspace: finds its files on disk, reads their bytes, and hands them to
//! [`super::load_sources`]. The only part of ingest that touches the file system.

use super::assemble::load_sources_with;
use super::codes;
use super::limits;
use super::loaded::{Loaded, SourceFile, Sources, Summary, extension};
use crate::diag::Diagnostic;
use crate::i18n::{Key, Msg};
use crate::model::Loc;
use crate::msg;
use std::path::{Path, PathBuf};

/// Why a workspace cannot be read at all (as opposed to read with diagnostics).
#[derive(Debug, thiserror::Error)]
pub enum WorkspaceError {
    /// The folder does not exist or is not a folder.
    #[error("workspace `{0}` is not a folder")]
    NotAFolder(PathBuf),
    /// A file every workspace needs is missing.
    #[error("workspace `{dir}` has no {name}")]
    MissingFile {
        /// The workspace folder.
        dir: PathBuf,
        /// The file looked for.
        name: &'static str,
    },
    /// A file exists but cannot be read.
    #[error("cannot read `{path}`: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The I/O error.
        #[source]
        source: std::io::Error,
    },
    /// A file is larger than [`limits::MAX_BYTES`]; it was not read.
    #[error("`{path}` holds {bytes} bytes, more than a workspace file may hold")]
    TooLarge {
        /// The file, relative to the workspace.
        path: String,
        /// Its size.
        bytes: u64,
    },
}

fn read(dir: &Path, rel: &str) -> Result<SourceFile, WorkspaceError> {
    let path = dir.join(rel);
    // Refused from its size alone: reading a file costs many times its size in memory.
    if let Ok(meta) = std::fs::metadata(&path)
        && meta.len() > limits::MAX_BYTES
    {
        return Err(WorkspaceError::TooLarge {
            path: rel.to_string(),
            bytes: meta.len(),
        });
    }
    let bytes = std::fs::read(&path).map_err(|source| WorkspaceError::Io { path, source })?;
    Ok(SourceFile {
        path: rel.to_string(),
        bytes,
    })
}

/// The first of `names` that exists in `dir`.
fn find(dir: &Path, names: &[&str]) -> Option<String> {
    names
        .iter()
        .find(|n| dir.join(n).is_file())
        .map(|n| n.to_string())
}

/// The one file of `stem` with an extension of a table (firms.csv, firms.xlsx, …) in `dir`.
/// When several are there, the first in `TABLE_EXTENSIONS` order is read and each other is
/// an E0113 error: the one not read may well be the newer.
fn find_table(dir: &Path, stem: &str, problems: &mut Vec<Diagnostic>) -> Option<String> {
    let names: Vec<String> = TABLE_EXTENSIONS
        .iter()
        .map(|e| format!("{stem}.{e}"))
        .filter(|n| dir.join(n).is_file())
        .collect();
    let (first, others) = names.split_first()?;
    for other in others {
        problems.push(
            Diagnostic::error(
                codes::TWO_FILES,
                Loc::file(other),
                msg!(E0113TwoFiles, other = other, first = &first),
            )
            .with_help(msg!(E0113Help, stem = stem)),
        );
    }
    Some(first.clone())
}

/// Extensions a workspace's own tables (firms, teams, departments) may have, in the order
/// one is preferred when several are there.
const TABLE_EXTENSIONS: &[&str] = &["csv", "tsv", "txt", "xlsx", "xlsm", "xls"];

/// Reads the workspace in `dir`: every problem in its content becomes a diagnostic; only a
/// missing folder, a missing `chayici.toml` or `firms.csv`, or an unreadable file is an `Err`.
///
/// A workspace over the size limits ([`limits`]) is refused with a diagnostic: a file over
/// them before it is read, files over them together before they are parsed, and too many
/// tasks, firms or teams before anything is planned.
pub fn load_workspace(dir: &Path) -> Result<Loaded, WorkspaceError> {
    let too_large = |e: WorkspaceError| match e {
        WorkspaceError::TooLarge { path, bytes } => {
            Ok(refused(dir, limits::file_too_large(&path, bytes)))
        }
        e => Err(e),
    };
    let mut sources = match collect_sources(dir) {
        Ok(s) => s,
        Err(e) => return too_large(e),
    };
    let named = match collect_named(dir, &mut sources) {
        Ok(n) => n,
        Err(e) => return too_large(e),
    };
    let files = || sources.files().chain(&named);
    let total: u64 = files().map(|f| f.bytes.len() as u64).sum();
    if total > limits::MAX_BYTES {
        let largest = files()
            .max_by_key(|f| f.bytes.len())
            .map_or("", |f| &f.path);
        return Ok(refused(dir, limits::workspace_too_large(largest, total)));
    }
    let mut loaded = load_sources_with(&sources, &named);
    let s = &loaded.summary;
    let teams_file = sources.teams.as_ref().map_or("teams.csv", |t| &t.path);
    let over = limits::count_errors(
        s.tasks,
        (s.firms, &sources.firms.path),
        (s.teams, teams_file),
    );
    if !over.is_empty() {
        loaded.summary.errors += over.len();
        loaded.diagnostics.extend(over);
        loaded.instance = None;
    }
    Ok(loaded)
}

/// A workspace refused before it was parsed, with the one diagnostic saying why.
fn refused(dir: &Path, why: Diagnostic) -> Loaded {
    Loaded {
        instance: None,
        diagnostics: vec![why],
        summary: Summary {
            name: dir
                .file_name()
                .map_or_else(|| "workspace".into(), |n| n.to_string_lossy().into_owned()),
            firms: 0,
            teams: 0,
            tasks: 0,
            departments: Vec::new(),
            horizon: None,
            days: 0,
            working_days: 0,
            travel: None,
            errors: 1,
            warnings: 0,
        },
        inputs: Vec::new(),
    }
}

/// Reads the files `chayici.toml` names by path (the `[travel] matrix`), relative to `dir`.
/// One that is not there is left out, for assembly to report at the setting that names it;
/// one that a link leads out of the workspace is not read, and is reported (E0209) in
/// `sources.problems`.
pub fn collect_named(dir: &Path, sources: &mut Sources) -> Result<Vec<SourceFile>, WorkspaceError> {
    let text = String::from_utf8_lossy(&sources.config.bytes);
    let (cfg, _) = super::toml_config::parse_config(&text, &sources.config.path);
    let mut out = Vec::new();
    if let Some(m) = cfg.travel_matrix
        && dir.join(&m.path).is_file()
    {
        if lies_inside(dir, &m.path) {
            out.push(read(dir, &m.path)?);
        } else {
            let d = super::toml_config::e0209_outside_workspace("matrix", &m.path, &m.loc);
            sources.problems.push(d);
        }
    }
    Ok(out)
}

/// True when `rel` under `dir`, links followed, is still inside `dir`.
fn lies_inside(dir: &Path, rel: &str) -> bool {
    match (dir.canonicalize(), dir.join(rel).canonicalize()) {
        (Ok(root), Ok(path)) => path.starts_with(root),
        _ => false,
    }
}

/// Reads the files of the workspace in `dir` into memory.
pub fn collect_sources(dir: &Path) -> Result<Sources, WorkspaceError> {
    if !dir.is_dir() {
        return Err(WorkspaceError::NotAFolder(dir.to_path_buf()));
    }
    let missing = |name| WorkspaceError::MissingFile {
        dir: dir.to_path_buf(),
        name,
    };
    let config = find(dir, &["chayici.toml"]).ok_or_else(|| missing("chayici.toml"))?;
    let mut problems = Vec::new();
    let firms = find_table(dir, "firms", &mut problems).ok_or_else(|| missing("firms.csv"))?;
    let teams = match find_table(dir, "teams", &mut problems) {
        Some(t) => Some(read(dir, &t)?),
        None => {
            problems.push(Diagnostic::error(
                codes::MISSING_FILE,
                Loc::file("teams.csv"),
                msg!(E0108NoTeams),
            ));
            None
        }
    };
    let departments = match find_table(dir, "departments", &mut problems) {
        Some(d) => Some(read(dir, &d)?),
        None => None,
    };
    let config_bytes = read(dir, &config)?;
    let ignore = super::toml_config::parse_config(
        &String::from_utf8_lossy(&config_bytes.bytes),
        &config_bytes.path,
    )
    .0
    .plans_ignore;
    let plans = read_plans(dir, &ignore, &mut problems)?;
    let mut optional = |stem| match find_table(dir, stem, &mut problems) {
        Some(name) => read(dir, &name).map(Some),
        None => Ok(None),
    };
    let (done, pins, absences) = (optional("done")?, optional("pins")?, optional("absences")?);
    Ok(Sources {
        name: dir
            .canonicalize()
            .ok()
            .and_then(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
            .unwrap_or_else(|| "workspace".into()),
        config: config_bytes,
        firms: read(dir, &firms)?,
        teams,
        departments,
        plans,
        done,
        pins,
        absences,
        problems,
    })
}

/// Extensions of the plans read: text tables (`.txt` is what Excel's "Unicode text" export
/// writes), workbooks whose merged cells can be checked, WPS's `.et`/`.ett` (read when they
/// hold an XLS or XLSX workbook, refused with E0112 otherwise) and JSON.
const PLAN_EXTENSIONS: &[&str] = &[
    "csv", "tsv", "txt", "xlsx", "xlsm", "xls", "et", "ett", "json",
];

/// Spreadsheet formats a clerk may save a plan in that chayici does not read.
const REFUSED_WORKBOOKS: &[&str] = &["ods", "fods", "numbers", "xlsb"];

/// True for entries of plans/ that are no one's plan and are passed over without a word:
/// hidden files (`.DS_Store`, `.gitkeep`, LibreOffice's `.~lock` files), the `~$` lock files
/// Excel and WPS leave beside an open workbook, Windows' thumbnail caches, and notes
/// (`README*`, `说明*`, `*.md`).
fn is_left_alone(name: &str) -> bool {
    let lower = name.to_lowercase();
    name.starts_with('.')
        || name.starts_with("~$")
        || lower == "thumbs.db"
        || lower == "desktop.ini"
        || lower.starts_with("readme")
        || name.starts_with("说明")
        || extension(&lower) == "md"
}

/// Reads the plans in `dir/plans`. Every entry is read, left alone (see [`is_left_alone`]),
/// listed in `[plans] ignore` by the office, or reported as an error, so a department's plan
/// never drops out without a word.
fn read_plans(
    dir: &Path,
    ignore: &[String],
    problems: &mut Vec<Diagnostic>,
) -> Result<Vec<SourceFile>, WorkspaceError> {
    let plans_dir = dir.join("plans");
    if !plans_dir.is_dir() {
        problems.push(
            Diagnostic::error(codes::MISSING_FILE, Loc::file("plans/"), msg!(E0108NoPlans))
                .with_help(Key::E0108NoPlansHelp),
        );
        return Ok(Vec::new());
    }
    let io = |source| WorkspaceError::Io {
        path: plans_dir.clone(),
        source,
    };
    let mut entries = Vec::new();
    for entry in std::fs::read_dir(&plans_dir).map_err(io)? {
        let entry = entry.map_err(io)?;
        entries.push((
            entry.file_name().to_string_lossy().into_owned(),
            entry.path(),
        ));
    }
    entries.sort();
    let mut out = Vec::new();
    for (name, path) in entries {
        if is_left_alone(&name)
            || ignore
                .iter()
                .any(|p| super::toml_config::ignore_matches(p, &name))
        {
            continue;
        }
        let rel = format!("plans/{name}");
        match read_plan_entry(&path, &name, &rel) {
            Ok(bytes) => out.push(SourceFile { path: rel, bytes }),
            Err(d) => problems.push(d),
        }
    }
    if out.is_empty() {
        problems.push(Diagnostic::warning(
            codes::NO_ROWS,
            Loc::file("plans/"),
            msg!(W0104NoPlanFile),
        ));
    }
    Ok(out)
}

/// The bytes of the plan at `path`, or why it is not read: E0105 for a folder, a broken link,
/// an unreadable file or an unknown kind of file, E0112 for a workbook chayici cannot read.
fn read_plan_entry(path: &Path, name: &str, rel: &str) -> Result<Vec<u8>, Diagnostic> {
    let not_read = |message: Msg, help: Key| {
        Diagnostic::error(codes::NOT_READ, Loc::file(rel), message).with_help(help)
    };
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(_) if path.symlink_metadata().is_ok() => {
            return Err(not_read(
                msg!(E0105BrokenLink, name = name),
                Key::E0105BrokenLinkHelp,
            ));
        }
        Err(e) => {
            return Err(not_read(
                msg!(E0105Unreadable, name = name, error = e),
                Key::E0105Permissions,
            ));
        }
    };
    if meta.is_dir() {
        return Err(not_read(
            msg!(E0105Folder, name = name),
            Key::E0105FolderHelp,
        ));
    }
    if !meta.is_file() {
        return Err(not_read(
            msg!(E0105NotRegular, name = name),
            Key::E0105NotRegularHelp,
        ));
    }
    let ext = extension(name);
    if REFUSED_WORKBOOKS.contains(&ext.as_str()) {
        return Err(super::xlsx_source::unsupported_workbook(rel));
    }
    if !PLAN_EXTENSIONS.contains(&ext.as_str()) {
        return Err(not_read(
            msg!(E0105UnknownKind, name = name),
            Key::E0105UnknownKindHelp,
        ));
    }
    std::fs::read(path).map_err(|e| {
        not_read(
            msg!(E0105Unreadable, name = name, error = e),
            Key::E0105Permissions,
        )
    })
}
