//! Provides `chayici draw WORKSPACE --seed SEED`: the departments' coordinated 双随机 lottery
//! of firms, written into the workspace as plan files, a publication list and `draw.json`;
//! and `chayici draw --replay draw.json`, which computes the draw again from the recorded
//! seed and the workspace's files and says whether every file is byte-identical.

use crate::cli::Outcome;
use crate::cli::workspace::{self, Show};
use anyhow::Context;
use chayici::draw::{Draw, DrawInput, Reason, draw};
use chayici::ingest::draw::{DrawInputs, collect_draw_files, directory_of, read_draw_inputs};
use chayici::output::draw::{DRAW_JSON, DrawContext, DrawRecord, InputHash, draw_files};
use chrono::NaiveDate;
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Arguments of `chayici draw`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The workspace (chayici.toml, firms.csv, teams.csv, plans/, sampling.csv); with
    /// --replay, the folder of draw.json unless given.
    pub workspace: Option<PathBuf>,
    /// The published seed (any text, e.g. the notarised number of the day).
    #[arg(long, required_unless_present = "replay")]
    pub seed: Option<String>,
    /// The day of the draw, printed on the publication list (default: today).
    #[arg(long, value_parser = parse_day)]
    pub date: Option<NaiveDate>,
    /// Each department draws with its own numbers, as without coordination (for comparison).
    #[arg(long)]
    pub independent: bool,
    /// Compute the draw recorded in this draw.json again and compare every file.
    #[arg(long, conflicts_with_all = ["seed", "date", "independent"])]
    pub replay: Option<PathBuf>,
}

fn parse_day(s: &str) -> Result<NaiveDate, String> {
    chayici::ingest::dates::parse_date(s).ok_or_else(|| format!("`{s}` is not a date"))
}

/// Runs the subcommand.
pub fn run(args: &Args) -> anyhow::Result<Outcome> {
    if let Some(record) = &args.replay {
        return replay(record, args.workspace.as_deref());
    }
    let dir = args
        .workspace
        .as_deref()
        .context("name the workspace folder")?;
    let Some(prepared) = prepare(dir)? else {
        return Ok(Outcome::Invalid);
    };
    let existing: Vec<String> = [DRAW_JSON.to_string()]
        .into_iter()
        .filter(|p| dir.join(p).exists())
        .collect();
    if !existing.is_empty() {
        eprintln!(
            "error: {} already records a draw; replay it with `chayici draw --replay {}`, or \
             move it away to draw again",
            dir.join(DRAW_JSON).display(),
            dir.join(DRAW_JSON).display()
        );
        return Ok(Outcome::Invalid);
    }
    let seed = args.seed.as_deref().expect("clap requires it");
    let date = args
        .date
        .unwrap_or_else(|| chrono::Local::now().date_naive());
    let result = prepared.draw(seed, args.independent);
    let files = draw_files(&prepared.context(seed, date, args.independent, &result))?;
    if let Some((path, _)) = files.iter().find(|(p, _)| dir.join(p).exists()) {
        eprintln!(
            "error: {} exists already; the draw writes it, and does not overwrite a file it \
             did not write (move it away, or delete it if it is an old draw's)",
            dir.join(path).display()
        );
        return Ok(Outcome::Invalid);
    }
    std::fs::create_dir_all(dir.join("plans"))
        .with_context(|| format!("cannot create {}", dir.join("plans").display()))?;
    // draw.json is written last: a draw is recorded only once all its files are there.
    for (path, bytes) in &files {
        chayici::output::write_atomically(&dir.join(path), |w| {
            std::io::Write::write_all(w, bytes)?;
            Ok(())
        })?;
    }
    print_summary(&prepared, seed, date, args.independent, &result);
    println!(
        "wrote {}",
        files
            .iter()
            .map(|(p, _)| p.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    );
    Ok(Outcome::Done)
}

/// A workspace read for a draw: the register, the lottery's inputs and the files' hashes.
struct Prepared {
    firms: Vec<chayici::draw::DirectoryFirm>,
    inputs: DrawInputs,
    hashes: Vec<InputHash>,
    names: BTreeMap<String, String>,
}

impl Prepared {
    fn draw(&self, seed: &str, independent: bool) -> Draw {
        draw(&DrawInput {
            seed,
            independent,
            firms: &self.firms,
            rules: &self.inputs.rules,
            exempt: &self.inputs.exempt,
            history: &self.inputs.history,
            settings: &self.inputs.settings,
        })
    }

    fn context<'a>(
        &'a self,
        seed: &'a str,
        date: NaiveDate,
        independent: bool,
        draw: &'a Draw,
    ) -> DrawContext<'a> {
        DrawContext {
            seed,
            date,
            independent,
            firms: &self.firms,
            rules: &self.inputs.rules,
            settings: &self.inputs.settings,
            inputs: self.hashes.clone(),
            names: self.names.clone(),
            draw,
        }
    }
}

fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Reads the workspace and the lottery's files; `None` when they have errors (shown).
fn prepare(dir: &Path) -> anyhow::Result<Option<Prepared>> {
    let Some(ws) = workspace::load(dir, Show::CheckReport)? else {
        eprintln!("error: the workspace has errors; nothing was drawn");
        return Ok(None);
    };
    let files =
        collect_draw_files(dir).with_context(|| format!("cannot read {}", dir.display()))?;
    if files.sampling.is_none() {
        eprintln!(
            "error: {} has no sampling.csv: the ratios each department draws at",
            dir.display()
        );
        return Ok(None);
    }
    let config = std::fs::read(dir.join("chayici.toml"))
        .with_context(|| format!("cannot read {}", dir.join("chayici.toml").display()))?;
    let inst = &ws.instance;
    let firms = directory_of(&inst.firms);
    let horizon = inst
        .calendar
        .dates
        .first()
        .zip(inst.calendar.dates.last())
        .map(|(a, b)| (*a, *b));
    let (inputs, diags) = read_draw_inputs(
        &files,
        &String::from_utf8_lossy(&config),
        "chayici.toml",
        Some(&firms),
        horizon,
    );
    for d in &diags {
        eprintln!("{d}");
    }
    if diags.iter().any(|d| d.is_error()) {
        eprintln!("error: the lottery's files have errors; nothing was drawn");
        return Ok(None);
    }
    // The files the draw depends on: settings, register (its grades and names), department
    // names, and the lottery's own. Teams and plans do not change a draw.
    let mut hashes: Vec<InputHash> = ws
        .inputs
        .iter()
        .filter(|f| {
            f.path == "chayici.toml"
                || f.path.starts_with("firms.")
                || f.path.starts_with("departments.")
        })
        .map(|f| InputHash {
            path: f.path.clone(),
            sha256: f.sha256.clone(),
        })
        .collect();
    hashes.extend(files.files().map(|f| InputHash {
        path: f.path.clone(),
        sha256: sha256_hex(&f.bytes),
    }));
    let names = inst
        .departments
        .iter()
        .filter(|d| !d.name.is_empty() && d.name != d.code)
        .map(|d| (d.code.clone(), d.name.clone()))
        .collect();
    Ok(Some(Prepared {
        firms,
        inputs,
        hashes,
        names,
    }))
}

fn print_summary(p: &Prepared, seed: &str, date: NaiveDate, independent: bool, draw: &Draw) {
    let mode = if independent {
        "independent"
    } else {
        "coordinated"
    };
    println!("draw of {date}, seed `{seed}`, {mode}");
    println!(
        "  {:<14} {:>7} {:>9} {:>8} {:>6}  excluded by",
        "department", "frame", "excluded", "eligible", "drawn"
    );
    for d in &draw.departments {
        let mut by: BTreeMap<&str, usize> = BTreeMap::new();
        for e in &d.excluded {
            *by.entry(e.reason.kind()).or_default() += 1;
        }
        let by: Vec<String> = by.iter().map(|(k, n)| format!("{k} {n}")).collect();
        println!(
            "  {:<14} {:>7} {:>9} {:>8} {:>6}  {}",
            d.department,
            d.frame,
            d.excluded.len(),
            d.eligible,
            d.drawn.len(),
            by.join(", ")
        );
        for e in &d.excluded {
            let why = match &e.reason {
                Reason::Exempt(r) if r.is_empty() => "exempt".to_string(),
                Reason::Exempt(r) => format!("exempt: {r}"),
                Reason::Cap(n) => format!("inspected {n} times this year (the cap)"),
                Reason::Repeat(d) => format!("inspected on {d}, within the repeat days"),
            };
            println!(
                "    - {} {}: {why}",
                p.firms[e.firm].id, p.firms[e.firm].name
            );
        }
        for x in d.drawn.iter().filter(|x| x.repeat_of.is_some()) {
            println!(
                "    ! {} {}: drawn, but inspected on {}",
                p.firms[x.firm].id,
                p.firms[x.firm].name,
                x.repeat_of.expect("filtered")
            );
        }
    }
    let drawn: usize = draw.departments.iter().map(|d| d.drawn.len()).sum();
    println!(
        "  {drawn} inspections of {} firms; {} firms drawn by two departments or more",
        draw.firms_drawn(),
        draw.overlap()
    );
}

/// `--replay`: the draw computed again from the recorded seed, date and mode, and every file
/// compared with the one on disk; the input files are compared by their SHA-256 first, so a
/// changed input is named even when it changes nothing drawn.
fn replay(record_path: &Path, workspace: Option<&Path>) -> anyhow::Result<Outcome> {
    let text = std::fs::read(record_path)
        .with_context(|| format!("cannot read {}", record_path.display()))?;
    let record: DrawRecord = serde_json::from_slice(&text)
        .with_context(|| format!("{} is not a draw record", record_path.display()))?;
    let dir = match workspace {
        Some(d) => d.to_path_buf(),
        None => match record_path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        },
    };
    let Some(prepared) = prepare(&dir)? else {
        return Ok(Outcome::Invalid);
    };
    let mut changes = Vec::new();
    let now: BTreeMap<&str, &str> = prepared
        .hashes
        .iter()
        .map(|h| (h.path.as_str(), h.sha256.as_str()))
        .collect();
    let then: BTreeMap<&str, &str> = record
        .inputs
        .iter()
        .map(|h| (h.path.as_str(), h.sha256.as_str()))
        .collect();
    for (path, old) in &then {
        match now.get(path) {
            Some(new) if new == old => {}
            Some(new) => changes.push(format!(
                "input {path} changed: SHA-256 {} recorded, {} now",
                &old[..old.len().min(12)],
                &new[..new.len().min(12)]
            )),
            None => changes.push(format!("input {path} is gone")),
        }
    }
    for path in now.keys().filter(|p| !then.contains_key(*p)) {
        changes.push(format!("input {path} is new: the draw did not read it"));
    }
    let independent = record.mode == "independent";
    let result = prepared.draw(&record.seed, independent);
    let files =
        draw_files(&prepared.context(&record.seed, record.draw_date, independent, &result))?;
    // What was drawn, compared firm by firm.
    let recomputed: BTreeSet<(String, String)> = result
        .departments
        .iter()
        .flat_map(|d| {
            d.drawn
                .iter()
                .map(|x| (d.department.clone(), prepared.firms[x.firm].id.clone()))
        })
        .collect();
    let recorded: BTreeSet<(String, String)> = record
        .selection
        .iter()
        .map(|s| (s.department.clone(), s.firm_id.clone()))
        .collect();
    for (d, f) in recorded.difference(&recomputed) {
        changes.push(format!("{d} drew {f}, which the inputs now leave out"));
    }
    for (d, f) in recomputed.difference(&recorded) {
        changes.push(format!("{d} did not draw {f}, which the inputs now draw"));
    }
    let mut identical = 0;
    let mut written: BTreeSet<String> = record.files.iter().cloned().collect();
    written.insert(DRAW_JSON.to_string());
    for (path, bytes) in &files {
        written.remove(path);
        let on_disk = if path == DRAW_JSON {
            Some(text.clone())
        } else {
            std::fs::read(dir.join(path)).ok()
        };
        match on_disk {
            Some(b) if &b == bytes => identical += 1,
            Some(_) => changes.push(format!("{path} differs from the draw computed again")),
            None => changes.push(format!("{path} is missing")),
        }
    }
    for path in written {
        changes.push(format!(
            "{path} was written by the draw but is not computed again"
        ));
    }
    if changes.is_empty() {
        println!(
            "replay of {}: byte-identical ({identical} files, seed `{}`, {})",
            record_path.display(),
            record.seed,
            record.mode
        );
        Ok(Outcome::Done)
    } else {
        println!("replay of {}: not identical", record_path.display());
        for c in &changes {
            println!("  - {c}");
        }
        Ok(Outcome::Invalid)
    }
}
