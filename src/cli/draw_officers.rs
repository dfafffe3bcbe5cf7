//! Provides `chayici draw-officers WORKSPACE PLAN_DIR --seed SEED`: the inspectors of every
//! visit of a written plan, drawn from the workspace's `officers.csv`, written into the plan
//! folder; `--replay` draws again with the recorded seed and compares the files.

use crate::cli::Outcome;
use crate::cli::workspace::{self, Show};
use anyhow::Context;
use chayici::draw::officers::{VisitSlot, draw_officers};
use chayici::i18n::Msg;
use chayici::ingest::draw::{collect_draw_files, read_officers};
use chayici::msg;
use chayici::output::draw::InputHash;
use chayici::output::draw::officers::{
    OFFICERS_CSV, OFFICERS_JSON, OfficersRecord, officer_files, visit_officers,
};
use chayici::output::sheets::Lang;
use chayici::output::{PLAN_JSON, PlanRecord, read_plan_json, write_atomically};
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::path::PathBuf;

/// Arguments of `chayici draw-officers`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The workspace, with officers.csv.
    pub workspace: PathBuf,
    /// The plan folder (`chayici plan --out`).
    pub plan_dir: PathBuf,
    /// The published seed of the inspectors' draw.
    #[arg(long, required_unless_present = "replay")]
    pub seed: Option<String>,
    /// Draw again with the seed recorded in PLAN_DIR/officers.json and compare the files.
    #[arg(long, conflicts_with = "seed")]
    pub replay: bool,
}

/// The SHA-256 of `bytes`, in lower-case hex.
pub(crate) fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Runs the subcommand.
pub fn run(args: &Args) -> anyhow::Result<Outcome> {
    let Some(ws) = workspace::load(&args.workspace, Show::CheckReport)? else {
        eprintln!("error: {}", say(msg!(OfficersWorkspaceErrors)));
        return Ok(Outcome::Invalid);
    };
    let inst = &ws.instance;
    let files = collect_draw_files(&args.workspace)
        .with_context(|| format!("cannot read {}", args.workspace.display()))?;
    let Some(roster_file) = files.officers else {
        eprintln!(
            "error: {}",
            say(msg!(OfficersNoRoster, dir = args.workspace.display()))
        );
        return Ok(Outcome::Invalid);
    };
    let codes: HashSet<String> = inst.firms.iter().map(|f| f.id.to_uppercase()).collect();
    let mut diags = Vec::new();
    let roster = read_officers(&roster_file, Some(&codes), &mut diags);
    for d in &diags {
        eprintln!("{}", d.render(crate::cli::lang()));
    }
    if diags.iter().any(|d| d.is_error()) {
        eprintln!("error: {}", say(msg!(OfficersRosterErrors)));
        return Ok(Outcome::Invalid);
    }
    let plan_path = args.plan_dir.join(PLAN_JSON);
    let plan_text = std::fs::read_to_string(&plan_path)
        .with_context(|| format!("cannot read {}", plan_path.display()))?;
    let plan = read_plan_json(&plan_text, inst)
        .with_context(|| format!("{} does not fit the workspace", plan_path.display()))?;
    let mut visits = Vec::new();
    for route in &plan.routes {
        for (i, v) in route.visits.iter().enumerate() {
            let departments: BTreeSet<String> = v
                .tasks
                .iter()
                .map(|&t| inst.departments[inst.tasks[t].department].code.clone())
                .collect();
            visits.push(VisitSlot {
                team: inst.teams[route.team].id.clone(),
                date: inst.calendar.date(route.day),
                seq: i + 1,
                firm: inst.firms[v.firm].id.clone(),
                departments: departments.into_iter().collect(),
            });
        }
    }
    let names: BTreeMap<String, String> = inst
        .firms
        .iter()
        .map(|f| (f.id.clone(), f.name.clone()))
        .collect();
    let inputs = vec![
        InputHash {
            path: roster_file.path.clone(),
            sha256: sha256_hex(&roster_file.bytes),
        },
        InputHash {
            path: PLAN_JSON.to_string(),
            sha256: sha256_hex(plan_text.as_bytes()),
        },
    ];
    let record_path = args.plan_dir.join(OFFICERS_JSON);
    let recorded: Option<OfficersRecord> =
        if args.replay {
            let text = std::fs::read(&record_path)
                .with_context(|| format!("cannot read {}", record_path.display()))?;
            Some(serde_json::from_slice(&text).with_context(|| {
                format!("{} is not a record of officers", record_path.display())
            })?)
        } else {
            None
        };
    let seed = match (&recorded, &args.seed) {
        (Some(r), _) => r.seed.clone(),
        (None, Some(s)) => s.clone(),
        (None, None) => unreachable!("clap requires --seed without --replay"),
    };
    let staffing = draw_officers(&seed, &roster, &visits);
    let out = officer_files(&seed, inputs.clone(), &roster, &visits, &names, &staffing)?;
    if let Some(record) = recorded {
        let mut changes = Vec::new();
        for (old, new) in record.inputs.iter().zip(&inputs) {
            if old.sha256 != new.sha256 {
                changes.push(msg!(OfficersInputChanged, path = &new.path));
            }
        }
        for (name, bytes) in &out {
            match std::fs::read(args.plan_dir.join(name)) {
                Ok(b) if &b == bytes => {}
                Ok(_) => changes.push(msg!(ReplayDiffers, path = name)),
                Err(_) => changes.push(msg!(ReplayMissing, path = name)),
            }
        }
        if changes.is_empty() {
            println!(
                "{}",
                say(msg!(
                    OfficersReplayIdentical,
                    path = record_path.display(),
                    seed = &seed
                ))
            );
            return Ok(Outcome::Done);
        }
        println!(
            "{}",
            say(msg!(ReplayNotIdentical, path = record_path.display()))
        );
        for c in changes {
            println!("  - {}", say(c));
        }
        return Ok(Outcome::Invalid);
    }
    if record_path.exists() {
        eprintln!(
            "error: {}",
            say(msg!(OfficersAlreadyRecorded, path = record_path.display()))
        );
        return Ok(Outcome::Invalid);
    }
    let mut written = Vec::new();
    for (name, bytes) in &out {
        let path = args.plan_dir.join(name);
        write_atomically(&path, |w| {
            std::io::Write::write_all(w, bytes)?;
            Ok(())
        })?;
        written.push(path);
    }
    // The route sheets, day sheets and calendars are written again, naming each visit's
    // officers, as `report --all` does; officers.csv and officers.json join the folder's
    // manifest, so that a plan written over this one removes them with it.
    let (_, json) = out.last().expect("officers.json");
    let record: OfficersRecord = serde_json::from_slice(json)?;
    written.extend(super::report::write_all(
        &args.plan_dir,
        &PlanRecord::read(&plan_text),
        inst,
        &plan,
        &chayici::verify::verify_plan(inst, &plan).kpis,
        Lang::Zh,
        &visit_officers(&record, &roster),
    )?);
    super::report::record_written(&args.plan_dir, written.iter())?;
    let unstaffed: Vec<_> = staffing.iter().filter(|s| s.unstaffed.is_some()).collect();
    println!(
        "{}",
        say(msg!(
            OfficersSummary,
            visits = visits.len(),
            slots = staffing.len(),
            seed = &seed,
            unstaffed = unstaffed.len()
        ))
    );
    for s in unstaffed {
        let v = &visits[s.visit];
        let why = s.unstaffed.as_ref().expect("filtered");
        println!(
            "  - {} {} #{} {} {}: {}",
            v.date,
            v.team,
            v.seq,
            v.firm,
            s.department,
            say(why.msg())
        );
    }
    println!(
        "{}",
        say(msg!(
            OfficersWrote,
            csv = OFFICERS_CSV,
            json = OFFICERS_JSON,
            dir = args.plan_dir.display()
        ))
    );
    Ok(Outcome::Done)
}

/// A message in the language of this run.
fn say(m: Msg) -> String {
    m.render(crate::cli::lang())
}
