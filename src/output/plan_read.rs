//! Provides the reader of `plan.json`, mapping its ids back to the instance's indices so that
//! `chayici verify` can check a plan written by any tool (or edited by hand), and
//! [`PlanRecord`], what the file records about how the plan was made. Everything in the
//! product that reads a plan.json reads it here, the checker included for who goes where
//! when; the checker reads every figure, and routes.csv and unscheduled.csv, on its own.
//!
//! Only what defines the plan is read: who goes where when, and what is left out. Names,
//! departments, distances and figures in the file are for people and are recomputed by the
//! checker, so a hand edit to them cannot make a wrong plan pass.

use super::plan_json::{InputFile, PLAN_FORMAT, RouteJson, UnscheduledJson};
use crate::model::{
    Instance, Minute, Plan, PlanSnapshot, Reason, Route, RouteSnap, Unscheduled, Visit, VisitSnap,
    parse_minute, sorted,
};
use chrono::NaiveDate;
use serde::Deserialize;
use std::collections::HashMap;
use std::path::PathBuf;

/// Why plan.json could not be turned into a plan of the instance.
#[derive(Debug, thiserror::Error)]
pub enum PlanReadError {
    /// Not JSON, or not shaped like a plan.
    #[error("plan.json is not a readable plan: {0}")]
    Malformed(#[from] serde_json::Error),
    /// A value that cannot mean anything (a time that is not `HH:MM`).
    #[error("plan.json {0}")]
    Invalid(String),
    /// JSON of something else.
    #[error("plan.json has format `{0}`, not `{PLAN_FORMAT}`")]
    WrongFormat(String),
    /// The plan names something the workspace does not have (a plan of another workspace, or
    /// a workspace edited since).
    #[error("plan.json {0}")]
    Mismatch(String),
}

impl PlanReadError {
    /// True when the file was read but does not fit the workspace, as opposed to unreadable.
    pub fn is_mismatch(&self) -> bool {
        matches!(self, Self::Mismatch(_))
    }
}

#[derive(Deserialize)]
struct PlanDoc {
    #[serde(default)]
    format: Option<String>,
    routes: Vec<RouteJson>,
    unscheduled: Vec<UnscheduledJson>,
    #[serde(default)]
    inputs: Vec<RecordedInput>,
}

/// An entry of `inputs`, read back.
#[derive(Deserialize)]
struct RecordedInput {
    path: String,
    sha256: String,
}

/// What plan.json holds beyond the plan, for the reader's caller.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PlanDocInfo {
    /// Input files and hashes recorded when the plan was made.
    pub inputs: Vec<InputFile>,
}

/// What plan.json records about how the plan was made, read leniently: a field that is
/// missing or of another shape is `None`, and a text that is not JSON records nothing, since
/// callers only use it to tell a plan folder apart or to show what was published.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PlanRecord {
    /// `format`: [`PLAN_FORMAT`] in a plan chayici wrote.
    pub format: Option<String>,
    /// `workspace`: the workspace, relative to the plan folder when it was written relative.
    pub workspace: Option<PathBuf>,
    /// `parameters.seed`.
    pub seed: Option<u64>,
    /// `kpis.visits_lower_bound`.
    pub visits_lower_bound: Option<usize>,
    /// `kpis.visits_naive`.
    pub visits_naive: Option<usize>,
    /// `replan.from`: the replanning date of a plan made with `plan --keep`.
    pub replan_from: Option<NaiveDate>,
    /// `replan.old_plan`: the plan folder it started from, relative to this plan folder when
    /// it was written relative.
    pub replan_old_plan: Option<PathBuf>,
}

impl PlanRecord {
    /// Reads the record from plan.json's text.
    pub fn read(text: &str) -> Self {
        let Ok(v) = serde_json::from_str::<serde_json::Value>(text) else {
            return Self::default();
        };
        let count = |key: &str| v["kpis"][key].as_u64().map(|n| n as usize);
        Self {
            format: v["format"].as_str().map(str::to_owned),
            workspace: v["workspace"].as_str().map(PathBuf::from),
            seed: v["parameters"]["seed"].as_u64(),
            visits_lower_bound: count("visits_lower_bound"),
            visits_naive: count("visits_naive"),
            replan_from: v["replan"]["from"]
                .as_str()
                .and_then(|s| s.parse::<NaiveDate>().ok()),
            replan_old_plan: v["replan"]["old_plan"].as_str().map(PathBuf::from),
        }
    }

    /// True when the file is a plan chayici wrote.
    pub fn is_chayici_plan(&self) -> bool {
        self.format.as_deref() == Some(PLAN_FORMAT)
    }
}

/// Reads plan.json's text into a [`PlanSnapshot`]: ids, dates and times only, so that it
/// needs no workspace (`chayici diff` compares plans of different workspaces).
pub fn read_plan_snapshot(text: &str) -> Result<PlanSnapshot, PlanReadError> {
    let doc: PlanDoc = serde_json::from_str(text)?;
    if let Some(f) = doc.format.as_deref().filter(|f| *f != PLAN_FORMAT) {
        return Err(PlanReadError::WrongFormat(f.to_owned()));
    }
    let mut routes = Vec::with_capacity(doc.routes.len());
    for (i, r) in doc.routes.iter().enumerate() {
        let here = format!("route {} (team {}, {})", i + 1, r.team_id, r.date);
        let mut visits = Vec::with_capacity(r.visits.len());
        for (j, v) in r.visits.iter().enumerate() {
            let at = format!("{here}, visit {}", j + 1);
            visits.push(VisitSnap {
                firm: v.firm_id.clone(),
                firm_name: v.firm_name.clone(),
                tasks: sorted(v.task_ids.iter().cloned()),
                arrive: time(&v.arrive, "arrive", &at)?,
                start: time(&v.start, "start", &at)?,
                end: time(&v.end, "end", &at)?,
                depart: time(&v.depart, "depart", &at)?,
            });
        }
        routes.push(RouteSnap {
            team: r.team_id.clone(),
            date: r.date,
            leave_base: time(&r.leave_base, "leave_base", &here)?,
            return_base: time(&r.return_base, "return_base", &here)?,
            visits,
        });
    }
    Ok(PlanSnapshot {
        routes,
        replan_from: PlanRecord::read(text).replan_from,
        unscheduled: doc.unscheduled.into_iter().map(|u| u.task_id).collect(),
    })
}

/// Reads plan.json's text into a plan indexing into `inst`.
pub fn read_plan_json(text: &str, inst: &Instance) -> Result<Plan, PlanReadError> {
    read_plan_json_with_info(text, inst).map(|(p, _)| p)
}

/// Like [`read_plan_json`], also returning the recorded inputs (to warn about a workspace
/// changed since the plan was made).
pub fn read_plan_json_with_info(
    text: &str,
    inst: &Instance,
) -> Result<(Plan, PlanDocInfo), PlanReadError> {
    let doc: PlanDoc = serde_json::from_str(text)?;
    if let Some(f) = doc.format.as_deref().filter(|f| *f != PLAN_FORMAT) {
        return Err(PlanReadError::WrongFormat(f.to_owned()));
    }
    let ids = Ids::new(inst);
    let mut routes = Vec::with_capacity(doc.routes.len());
    for (i, r) in doc.routes.iter().enumerate() {
        routes.push(ids.route(inst, r, i + 1)?);
    }
    let mut unscheduled = Vec::with_capacity(doc.unscheduled.len());
    for u in &doc.unscheduled {
        let task = ids.task(&u.task_id, "the unscheduled list")?;
        let reason = Reason::from_code(&u.reason).ok_or_else(|| {
            PlanReadError::Mismatch(format!(
                "gives task {} the unknown reason `{}` (known: {})",
                u.task_id,
                u.reason,
                Reason::ALL.map(|r| r.code()).join(", ")
            ))
        })?;
        unscheduled.push(Unscheduled { task, reason });
    }
    Ok((
        Plan {
            routes,
            unscheduled,
        },
        PlanDocInfo {
            inputs: doc
                .inputs
                .into_iter()
                .map(|i| InputFile {
                    path: i.path,
                    sha256: i.sha256,
                })
                .collect(),
        },
    ))
}

/// Lookup tables from ids to indices.
struct Ids<'a> {
    tasks: HashMap<&'a str, usize>,
    firms: HashMap<&'a str, usize>,
    teams: HashMap<&'a str, usize>,
}

impl<'a> Ids<'a> {
    fn new(inst: &'a Instance) -> Self {
        let index = |ids: Vec<&'a str>| ids.into_iter().enumerate().map(|(i, s)| (s, i)).collect();
        Self {
            tasks: index(inst.tasks.iter().map(|t| t.id.as_str()).collect()),
            firms: index(inst.firms.iter().map(|f| f.id.as_str()).collect()),
            teams: index(inst.teams.iter().map(|t| t.id.as_str()).collect()),
        }
    }

    fn task(&self, id: &str, where_: &str) -> Result<usize, PlanReadError> {
        self.tasks.get(id).copied().ok_or_else(|| {
            PlanReadError::Mismatch(format!(
                "names task `{id}` in {where_}, but the workspace has no such task"
            ))
        })
    }

    fn route(&self, inst: &Instance, r: &RouteJson, n: usize) -> Result<Route, PlanReadError> {
        let here = format!("route {n} (team {}, {})", r.team_id, r.date);
        let team = *self.teams.get(r.team_id.as_str()).ok_or_else(|| {
            PlanReadError::Mismatch(format!(
                "names team `{}` in route {n}, but the workspace has no such team",
                r.team_id
            ))
        })?;
        let day = day_of(inst, r.date)
            .ok_or_else(|| PlanReadError::Mismatch(format!("{here} lies outside the horizon")))?;
        let mut visits = Vec::with_capacity(r.visits.len());
        for (i, v) in r.visits.iter().enumerate() {
            let at = format!("{here}, visit {}", i + 1);
            let firm = *self.firms.get(v.firm_id.as_str()).ok_or_else(|| {
                PlanReadError::Mismatch(format!(
                    "names firm `{}` in {at}, but the workspace has no such firm",
                    v.firm_id
                ))
            })?;
            let tasks = v
                .task_ids
                .iter()
                .map(|t| self.task(t, &at))
                .collect::<Result<Vec<_>, _>>()?;
            visits.push(Visit {
                firm,
                tasks,
                arrive: time(&v.arrive, "arrive", &at)?,
                start: time(&v.start, "start", &at)?,
                end: time(&v.end, "end", &at)?,
                depart: time(&v.depart, "depart", &at)?,
            });
        }
        Ok(Route {
            team,
            day,
            leave_base: time(&r.leave_base, "leave_base", &here)?,
            visits,
            return_base: time(&r.return_base, "return_base", &here)?,
        })
    }
}

fn day_of(inst: &Instance, date: NaiveDate) -> Option<usize> {
    inst.calendar.index_of(date)
}

fn time(s: &str, field: &str, at: &str) -> Result<Minute, PlanReadError> {
    parse_minute(s).ok_or_else(|| {
        PlanReadError::Invalid(format!(
            "has `{field}` = `{s}` in {at}, not a time like 09:30"
        ))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_replan_record_is_read_leniently() {
        let rec = PlanRecord::read(
            r#"{"format":"chayici-plan","replan":{"from":"2026-12-10","old_plan":"../month"}}"#,
        );
        assert_eq!(rec.replan_from, NaiveDate::from_ymd_opt(2026, 12, 10));
        assert_eq!(rec.replan_old_plan, Some(PathBuf::from("../month")));
        let odd = PlanRecord::read(r#"{"replan":{"from":"the tenth","old_plan":3}}"#);
        assert_eq!((odd.replan_from, odd.replan_old_plan), (None, None));
        assert_eq!(PlanRecord::read("{}").replan_from, None);
    }

    #[test]
    fn a_snapshot_needs_no_workspace_and_carries_the_replan_day() {
        let text = r#"{"format":"chayici-plan","replan":{"from":"2026-12-10"},
            "routes":[{"team_id":"T9","date":"2026-12-11","leave_base":"08:30",
            "return_base":"12:00","visits":[{"firm_id":"F","task_ids":["b","a"],
            "arrive":"09:00","start":"09:05","end":"10:00","depart":"10:00"}]}],
            "unscheduled":[]}"#;
        let s = read_plan_snapshot(text).unwrap();
        assert_eq!(s.replan_from, NaiveDate::from_ymd_opt(2026, 12, 10));
        assert_eq!(
            s.routes[0].visits[0].tasks,
            ["a", "b"],
            "tasks compare as a set"
        );
        assert_eq!(s.routes[0].visits[0].start, 9 * 60 + 5);
        let bad = text.replace("09:05", "nine");
        assert!(read_plan_snapshot(&bad).is_err());
    }
}
