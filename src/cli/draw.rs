//! Provides `chayici draw WORKSPACE --seed SEED`: the departments' coordinated 双随机 lottery
//! of firms, written into the workspace as plan files, a publication list and `draw.json`;
//! and `chayici draw --replay draw.json`, which computes the draw again from the recorded
//! seed and the workspace's files and says whether every file is byte-identical.

use crate::cli::Outcome;
use crate::cli::workspace::{self, Show};
use anyhow::Context;
use chayici::draw::{Draw, DrawInput, Reason, draw};
use chayici::i18n::{Key, Msg, ToArg};
use chayici::ingest::draw::{DrawInputs, collect_draw_files, directory_of, read_draw_inputs};
use chayici::msg;
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
    chayici::ingest::dates::parse_date(s)
        .ok_or_else(|| msg!(DrawNotADate, text = s).render(crate::cli::arg_lang()))
}

/// Runs the subcommand.
pub fn run(args: &Args) -> anyhow::Result<Outcome> {
    if let Some(record) = &args.replay {
        return replay(record, args.workspace.as_deref());
    }
    let dir = args
        .workspace
        .as_deref()
        .with_context(|| say(msg!(DrawNameWorkspace)))?;
    let Some(prepared) = prepare(dir)? else {
        return Ok(Outcome::Invalid);
    };
    let existing: Vec<String> = [DRAW_JSON.to_string()]
        .into_iter()
        .filter(|p| dir.join(p).exists())
        .collect();
    if !existing.is_empty() {
        let path = dir.join(DRAW_JSON);
        eprintln!(
            "error: {}",
            say(msg!(DrawAlreadyRecorded, path = path.display()))
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
            "error: {}",
            say(msg!(DrawWouldOverwrite, path = dir.join(path).display()))
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
    let written: Vec<&str> = files.iter().map(|(p, _)| p.as_str()).collect();
    println!("{}", say(msg!(DrawWrote, files = written.join(", "))));
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
        eprintln!("error: {}", say(msg!(DrawWorkspaceErrors)));
        return Ok(None);
    };
    let files =
        collect_draw_files(dir).with_context(|| format!("cannot read {}", dir.display()))?;
    if files.sampling.is_none() {
        eprintln!("error: {}", say(msg!(DrawNoSampling, dir = dir.display())));
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
        eprintln!("{}", d.render(lang()));
    }
    if diags.iter().any(|d| d.is_error()) {
        eprintln!("error: {}", say(msg!(DrawInputErrors)));
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
        Key::DrawIndependent
    } else {
        Key::DrawCoordinated
    };
    println!(
        "{}",
        say(msg!(DrawHeading, date = date, seed = seed, mode = mode))
    );
    let text = |k: Key| lang().text(k);
    println!(
        "  {} {} {} {} {}  {}",
        pad_right(text(Key::DrawColDepartment), 14),
        pad_left(text(Key::DrawColFrame), 7),
        pad_left(text(Key::DrawColExcluded), 9),
        pad_left(text(Key::DrawColEligible), 8),
        pad_left(text(Key::DrawColDrawn), 6),
        text(Key::DrawColExcludedBy)
    );
    for d in &draw.departments {
        let mut by: BTreeMap<&str, (Key, usize)> = BTreeMap::new();
        for e in &d.excluded {
            by.entry(e.reason.kind())
                .or_insert((kind_key(&e.reason), 0))
                .1 += 1;
        }
        let by: Vec<String> = by
            .values()
            .map(|(k, n)| format!("{} {n}", text(*k)))
            .collect();
        println!(
            "  {} {:>7} {:>9} {:>8} {:>6}  {}",
            pad_right(&d.department, 14),
            d.frame,
            d.excluded.len(),
            d.eligible,
            d.drawn.len(),
            by.join(", ")
        );
        for e in &d.excluded {
            let why = match &e.reason {
                Reason::Exempt(r) if r.is_empty() => msg!(DrawExempt),
                Reason::Exempt(r) => msg!(DrawExemptBecause, reason = r),
                Reason::Cap(n) => msg!(DrawCapped, n = n),
                Reason::Repeat(d) => msg!(DrawRepeat, date = d),
            };
            println!(
                "    - {} {}: {}",
                p.firms[e.firm].id,
                p.firms[e.firm].name,
                say(why)
            );
        }
        for x in d.drawn.iter().filter(|x| x.repeat_of.is_some()) {
            let on = x.repeat_of.expect("filtered");
            println!(
                "    ! {} {}: {}",
                p.firms[x.firm].id,
                p.firms[x.firm].name,
                say(msg!(DrawFlagged, date = on))
            );
        }
    }
    let drawn: usize = draw.departments.iter().map(|d| d.drawn.len()).sum();
    println!(
        "  {}",
        say(msg!(
            DrawTotals,
            inspections = drawn,
            firms = draw.firms_drawn(),
            overlap = draw.overlap()
        ))
    );
}

/// The language of this run.
fn lang() -> chayici::i18n::Lang {
    crate::cli::lang()
}

/// A message in the language of this run.
fn say(m: Msg) -> String {
    m.render(lang())
}

/// The summary's word for a kind of exclusion.
fn kind_key(r: &Reason) -> Key {
    match r {
        Reason::Exempt(_) => Key::DrawKindExempt,
        Reason::Cap(_) => Key::DrawKindCap,
        Reason::Repeat(_) => Key::DrawKindRepeat,
    }
}

/// `s` padded on the right to `width` terminal columns (a Chinese character takes two).
fn pad_right(s: &str, width: usize) -> String {
    let w = unicode_width::UnicodeWidthStr::width(s);
    format!("{s}{}", " ".repeat(width.saturating_sub(w)))
}

/// `s` padded on the left to `width` terminal columns.
fn pad_left(s: &str, width: usize) -> String {
    let w = unicode_width::UnicodeWidthStr::width(s);
    format!("{}{s}", " ".repeat(width.saturating_sub(w)))
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
            Some(new) => changes.push(msg!(
                ReplayInputChanged,
                path = path,
                old = &old[..old.len().min(12)],
                new = &new[..new.len().min(12)]
            )),
            None => changes.push(msg!(ReplayInputGone, path = path)),
        }
    }
    for path in now.keys().filter(|p| !then.contains_key(*p)) {
        changes.push(msg!(ReplayInputNew, path = path));
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
        changes.push(msg!(ReplayLeftOut, department = d, firm = f));
    }
    for (d, f) in recomputed.difference(&recorded) {
        changes.push(msg!(ReplayNowDrawn, department = d, firm = f));
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
            Some(_) => changes.push(msg!(ReplayDiffers, path = path)),
            None => changes.push(msg!(ReplayMissing, path = path)),
        }
    }
    for path in written {
        changes.push(msg!(ReplayNotComputed, path = path));
    }
    if changes.is_empty() {
        let mode = match record.mode.as_str() {
            "independent" => Key::DrawIndependent.to_arg(),
            "coordinated" => Key::DrawCoordinated.to_arg(),
            other => other.to_arg(),
        };
        println!(
            "{}",
            say(msg!(
                ReplayIdentical,
                path = record_path.display(),
                n = identical,
                seed = &record.seed,
                mode = mode
            ))
        );
        Ok(Outcome::Done)
    } else {
        println!(
            "{}",
            say(msg!(ReplayNotIdentical, path = record_path.display()))
        );
        for c in changes {
            println!("  - {}", say(c));
        }
        Ok(Outcome::Invalid)
    }
}
