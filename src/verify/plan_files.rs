//! Checks a whole plan folder as written: plan.json with every figure in it, routes.csv (the
//! file the teams follow) and unscheduled.csv, each against the instance and against
//! plan.json, and the folder's list of files.
//!
//! The caller reads the files; this module only sees their text, so it stays free of I/O.

use super::plan_figures::{self, ReferenceBounds};
use super::routes_csv::{self, LineIndex};
use super::{
    Kpis, VerifyReport, Violation, ViolationKind as K, unscheduled_csv, verify_plan, verify_replan,
};
use crate::ingest::InputFile;
use crate::model::{DayIndex, PlanSnapshot};
use crate::model::{Instance, Plan};
use crate::msg;
use crate::output::read_plan_json_with_info;
use std::collections::HashMap;

/// The files every plan folder must hold; a missing one is an error.
pub const REQUIRED_FILES: [&str; 3] = ["plan.json", "routes.csv", "unscheduled.csv"];

/// The other files `chayici plan` writes at the top of the folder; a missing one is a
/// warning, since they are for people and `chayici report` rewrites them.
pub const PEOPLE_FILES: [&str; 12] = [
    "run.json",
    "explanations.csv",
    "routes.geojson",
    "report.html",
    "route_sheets.xlsx",
    "day_sheets.html",
    "statistics.xlsx",
    "statistics/overall.csv",
    "statistics/department.csv",
    "statistics/township.csv",
    "statistics/team.csv",
    "statistics/week.csv",
];

/// The files `chayici draw-officers` adds to a plan folder; neither is missed when absent.
pub const OFFICER_FILES: [&str; 2] = ["officers.csv", "officers.json"];

/// The folders `chayici plan` writes, with the extension of the one file per team in each;
/// `calendars/changes` only in a replan, for the teams whose events changed.
pub const TEAM_FOLDERS: [(&str, &str); 3] = [
    ("sheets", ".csv"),
    ("calendars", ".ics"),
    ("calendars/changes", ".ics"),
];

/// The content of a plan folder, as the caller read it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PlanFiles {
    /// plan.json, when the folder has it.
    pub plan_json: Option<String>,
    /// routes.csv, when the folder has it.
    pub routes_csv: Option<String>,
    /// unscheduled.csv, when the folder has it.
    pub unscheduled_csv: Option<String>,
    /// Every file in the folder and its subfolders, as relative paths with `/`.
    pub listing: Vec<String>,
    /// For a replan: the plan it started from and the replanning date, whose fixed visits it
    /// must keep.
    pub replan: Option<ReplanBasis>,
}

/// The plan a replan started from, read from the folder its plan.json names, and the
/// replanning date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReplanBasis {
    /// The plan it started from.
    pub previous: PlanSnapshot,
    /// The replanning date, as a day of the horizon.
    pub from: DayIndex,
}

/// What the checker found in a plan folder.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FilesReport {
    /// Violations and warnings of every file, and the plan's figures.
    pub report: VerifyReport,
    /// The input files and hashes plan.json recorded, to tell a changed workspace.
    pub recorded_inputs: Vec<InputFile>,
}

/// Checks the plan folder's files against `inst`. `bounds`, when given, are the workspace's
/// visit bounds to check plan.json's against (the checker does not build the merge graph).
pub fn verify_plan_files(
    inst: &Instance,
    files: &PlanFiles,
    bounds: Option<ReferenceBounds>,
) -> FilesReport {
    let mut out = Vec::new();
    let mut warnings = Vec::new();
    check_listing(files, &mut out, &mut warnings);

    let mut recorded_inputs = Vec::new();
    let plan = files.plan_json.as_deref().and_then(|text| {
        let read = read_plan_json(inst, text, bounds, &mut out, &mut warnings);
        read.map(|(plan, inputs)| {
            recorded_inputs = inputs;
            plan
        })
    });
    let check = |p: &Plan| match &files.replan {
        Some(b) => verify_replan(inst, p, &b.previous, b.from),
        None => verify_plan(inst, p),
    };
    let main = plan.as_ref().map(check);

    let routes = files
        .routes_csv
        .as_deref()
        .and_then(|t| routes_csv::check(inst, t, plan.as_ref(), &mut out));
    let unscheduled = files
        .unscheduled_csv
        .as_deref()
        .and_then(|t| unscheduled_csv::check(inst, t, plan.as_ref(), &mut out));

    let mut kpis = main.as_ref().map(|r| r.kpis.clone());
    if routes.is_some() || unscheduled.is_some() {
        let as_written = Plan {
            routes: match (&routes, &plan) {
                (Some(r), _) => r.routes.clone(),
                (None, Some(p)) => p.routes.clone(),
                (None, None) => Vec::new(),
            },
            unscheduled: match (&unscheduled, &plan) {
                (Some(u), _) => u.iter().map(|(u, _)| u.clone()).collect(),
                (None, Some(p)) => p.unscheduled.clone(),
                (None, None) => Vec::new(),
            },
        };
        let csv = check(&as_written);
        let empty = VerifyReport::default();
        let seen = main.as_ref().unwrap_or(&empty);
        let lines = Lines {
            routes: routes.as_ref().map(|r| &r.lines),
            unscheduled: unscheduled.as_ref().map(|u| {
                u.iter()
                    .map(|(u, line)| (inst.tasks[u.task].id.as_str(), *line))
                    .collect()
            }),
        };
        for v in csv.violations {
            if !seen.violations.contains(&v) {
                out.push(lines.locate(v));
            }
        }
        for v in csv.warnings {
            if !seen.warnings.contains(&v) {
                warnings.push(lines.locate(v));
            }
        }
        kpis = kpis.or(Some(csv.kpis));
    }
    // Findings of one file, in line order, read best beside the file.
    out.sort_by(|a, b| (&a.file, a.line).cmp(&(&b.file, b.line)));
    warnings.sort_by(|a, b| (&a.file, a.line).cmp(&(&b.file, b.line)));
    let (mut violations, mut plan_warnings) =
        main.map(|r| (r.violations, r.warnings)).unwrap_or_default();
    violations.extend(out);
    plan_warnings.extend(warnings);
    FilesReport {
        report: VerifyReport {
            violations,
            warnings: plan_warnings,
            kpis: kpis.unwrap_or_else(|| Kpis::of(inst, &Plan::default())),
        },
        recorded_inputs,
    }
}

/// Reads plan.json into a plan and checks its figures; `None` (after saying why) when it
/// cannot be read.
fn read_plan_json(
    inst: &Instance,
    text: &str,
    bounds: Option<ReferenceBounds>,
    out: &mut Vec<Violation>,
    warnings: &mut Vec<Violation>,
) -> Option<(Plan, Vec<InputFile>)> {
    let unreadable = |msg: String| Violation::new(K::UnreadableFile, msg).in_file("plan.json");
    let doc: serde_json::Value = match serde_json::from_str(text) {
        Ok(d) => d,
        Err(e) => {
            out.push(unreadable(format!("not JSON: {e}")));
            return None;
        }
    };
    match read_plan_json_with_info(text, inst) {
        Ok((plan, info)) => {
            plan_figures::check(inst, &doc, &plan, bounds, out, warnings);
            Some((plan, info.inputs))
        }
        Err(e) => {
            let msg = e.to_string();
            let msg = msg.strip_prefix("plan.json ").unwrap_or(&msg).to_owned();
            out.push(unreadable(msg));
            None
        }
    }
}

/// Reports the required files missing, the people's files missing, and files chayici never
/// writes.
fn check_listing(files: &PlanFiles, out: &mut Vec<Violation>, warnings: &mut Vec<Violation>) {
    let present = [&files.plan_json, &files.routes_csv, &files.unscheduled_csv];
    for (name, text) in REQUIRED_FILES.iter().zip(present) {
        if text.is_none() {
            out.push(
                Violation::new(
                    K::MissingFile,
                    format!("{name} is missing; every plan folder has it"),
                )
                .in_file(name),
            );
        }
    }
    for name in PEOPLE_FILES {
        if !files.listing.iter().any(|f| f == name) {
            warnings.push(
                Violation::new(
                    K::MissingFile,
                    format!("{name} is missing; `chayici plan` writes it"),
                )
                .in_file(name),
            );
        }
    }
    for f in &files.listing {
        if !is_written_by_chayici(f) {
            warnings.push(
                Violation::new(
                    K::UnexpectedFile,
                    "chayici never writes this file; it is not part of the plan",
                )
                .in_file(f),
            );
        }
    }
}

/// True for the names `chayici plan` (and `draw-officers`) writes in a plan folder.
fn is_written_by_chayici(path: &str) -> bool {
    // `.chayici-files` lists what the run wrote, so that a replan removes only those.
    if REQUIRED_FILES.contains(&path)
        || PEOPLE_FILES.contains(&path)
        || OFFICER_FILES.contains(&path)
        || path == ".chayici-files"
    {
        return true;
    }
    TEAM_FOLDERS.iter().any(|(dir, ext)| {
        path.strip_prefix(dir)
            .and_then(|p| p.strip_prefix('/'))
            .is_some_and(|name| {
                !name.contains('/') && !name.starts_with('.') && name.ends_with(ext)
            })
    })
}

/// Where the rows of the CSV files are, to point the rule checks of the files at a line.
struct Lines<'a> {
    routes: Option<&'a LineIndex>,
    unscheduled: Option<HashMap<&'a str, usize>>,
}

impl Lines<'_> {
    /// The violation, in the file and at the line it concerns when one can be told.
    fn locate(&self, v: Violation) -> Violation {
        if let (Some(task), Some(lines), K::WrongReason) = (&v.task, &self.unscheduled, v.kind) {
            let line = lines.get(task.as_str()).copied();
            let v = v.in_file(unscheduled_csv::FILE);
            return match line {
                Some(l) => v.line(l),
                None => v,
            };
        }
        let (Some(team), Some(date), Some(lines)) = (&v.team, v.date, self.routes) else {
            let mut v = v;
            v.message = format!("in the CSV files: {}", v.message);
            v.text = v.text.map(|m| msg!(ViolationInCsvFiles, message = m));
            return v;
        };
        let line = v
            .firm
            .as_ref()
            .and_then(|f| lines.get(&(team.clone(), date, Some(f.clone()))))
            .or_else(|| lines.get(&(team.clone(), date, None)))
            .copied();
        let v = v.in_file(routes_csv::FILE);
        match line {
            Some(l) => v.line(l),
            None => v,
        }
    }
}
