//! Provides the one call the `plan` and `report` commands make to write what people read:
//! `report.html`, `route_sheets.xlsx`, `day_sheets.html`, `statistics.xlsx` with `statistics/*.csv`, `sheets/<team>.csv` and `calendars/<team>.ics`, and
//! after a replan `calendars/changes/<team>.ics`; and [`read_previous_plan`], which reads
//! the plan a replan was made from.

use super::{DAY_SHEETS_HTML, ReportHeadline, write_day_sheets_with_officers, write_report_html};
use crate::diff::{PlanDiff, PlanSnapshot, diff};
use crate::model::{Instance, Plan};
use crate::output::calendar_ics::{
    CalendarUpdate, PreviousCalendars, published_sequences, write_team_calendar_with_officers,
    write_team_changes_with_officers,
};
use crate::output::read_plan_folder;
use crate::output::sheets::{
    Lang, VisitOfficers, file_stems, write_route_workbook_with_officers,
    write_team_csv_with_officers,
};
use crate::output::write_atomically;
use crate::stats::statistics;
use anyhow::Context;
use chrono::NaiveDate;
use std::path::{Path, PathBuf};

/// The files [`write_people_outputs`] wrote, for the command to list.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PeopleOutputs {
    /// `report.html`.
    pub report: PathBuf,
    /// `route_sheets.xlsx`.
    pub workbook: PathBuf,
    /// `day_sheets.html`.
    pub day_sheets: PathBuf,
    /// `sheets/<team>.csv`, in team order.
    pub team_csvs: Vec<PathBuf>,
    /// `calendars/<team>.ics`, in team order.
    pub calendars: Vec<PathBuf>,
    /// `calendars/changes/<team>.ics` of the teams a replan changed, in team order.
    pub calendar_changes: Vec<PathBuf>,
    /// `statistics.xlsx`, then `statistics/*.csv` in sheet order.
    pub statistics: Vec<PathBuf>,
}

/// The plan a replan was made from, for the report's changes section and the calendars'
/// updates.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PreviousPlan {
    /// Its visits, and the `SEQUENCE`s its calendars published.
    pub calendars: PreviousCalendars,
    /// The day the new plan was replanned from: stability counts the previous plan's visits
    /// on or after it, and the updated events are stamped with it.
    pub from: Option<NaiveDate>,
}

impl PreviousPlan {
    /// What changed from it to `plan`.
    pub fn diff(&self, inst: &Instance, plan: &Plan) -> PlanDiff {
        diff(
            &self.calendars.snapshot,
            &PlanSnapshot::of(inst, plan),
            self.from,
        )
    }
}

/// Reads the plan folder `dir` a replan was made from: its plan.json, and the `SEQUENCE`s
/// of its calendars (`calendars/*.ics` and `calendars/changes/*.ics`; a missing or unreadable
/// calendar counts as published with 0). `from` is the new plan's replan day.
pub fn read_previous_plan(dir: &Path, from: Option<NaiveDate>) -> anyhow::Result<PreviousPlan> {
    let snapshot = read_plan_folder(dir).context("cannot read the previous plan")?;
    let mut sequences = std::collections::HashMap::new();
    for folder in [dir.join("calendars"), dir.join("calendars").join("changes")] {
        let Ok(entries) = std::fs::read_dir(&folder) else {
            continue;
        };
        for entry in entries.flatten() {
            let p = entry.path();
            if p.extension().is_none_or(|e| e != "ics") {
                continue;
            }
            let Ok(ics) = std::fs::read_to_string(&p) else {
                continue;
            };
            for (uid, seq) in published_sequences(&ics) {
                let e = sequences.entry(uid).or_insert(0);
                *e = (*e).max(seq);
            }
        }
    }
    Ok(PreviousPlan {
        calendars: PreviousCalendars {
            snapshot,
            sequences,
        },
        from,
    })
}

/// Writes the report, the route workbook, a CSV per team and a calendar per team into `dir`
/// (created if missing). Each file is written to a temporary file beside it and renamed into
/// place, so a failure never leaves a half-written file behind.
///
/// Given the `previous` plan of a replan, the report shows what changed since it, each
/// calendar event carries the `SEQUENCE` that makes a phone take the change, and each team
/// with a changed, new or cancelled event gets `calendars/changes/<team>.ics` with only those.
pub fn write_people_outputs(
    dir: &Path,
    inst: &Instance,
    plan: &Plan,
    headline: &ReportHeadline,
    lang: Lang,
    previous: Option<&PreviousPlan>,
) -> anyhow::Result<PeopleOutputs> {
    write_people_outputs_with_officers(
        dir,
        inst,
        plan,
        headline,
        lang,
        previous,
        &VisitOfficers::default(),
    )
}

/// Like [`write_people_outputs`], the route sheets, day sheets and calendars naming each
/// visit's officers (`chayici draw-officers`) where `officers` has them.
pub fn write_people_outputs_with_officers(
    dir: &Path,
    inst: &Instance,
    plan: &Plan,
    headline: &ReportHeadline,
    lang: Lang,
    previous: Option<&PreviousPlan>,
    officers: &VisitOfficers,
) -> anyhow::Result<PeopleOutputs> {
    let sheets_dir = dir.join("sheets");
    let ics_dir = dir.join("calendars");
    for d in [dir, &sheets_dir, &ics_dir] {
        std::fs::create_dir_all(d).with_context(|| format!("cannot create {}", d.display()))?;
    }
    let update = previous
        .map(|p| CalendarUpdate::between(&p.calendars, &PlanSnapshot::of(inst, plan), p.from));
    let report = write_report_file(dir, inst, plan, headline, previous)?;
    let workbook = dir.join("route_sheets.xlsx");
    write_atomically(&workbook, |w| {
        Ok(write_route_workbook_with_officers(
            w, inst, plan, lang, officers,
        )?)
    })?;
    let day_sheets = dir.join(DAY_SHEETS_HTML);
    write_atomically(&day_sheets, |w| {
        Ok(write_day_sheets_with_officers(w, inst, plan, officers)?)
    })?;
    let mut ids: Vec<&str> = inst.teams.iter().map(|t| t.id.as_str()).collect();
    // Teams gone from the workspace still get their cancelled events; they come last so the
    // others keep the file names of their full calendars.
    if let Some(u) = &update {
        ids.extend(
            u.cancelled
                .keys()
                .map(String::as_str)
                .filter(|t| !inst.teams.iter().any(|team| team.id == *t)),
        );
    }
    let stems = file_stems(&ids);
    let mut out = PeopleOutputs {
        report,
        workbook,
        day_sheets,
        statistics: write_statistics_files(dir, inst, plan, headline)?,
        ..PeopleOutputs::default()
    };
    for (team, stem) in stems.iter().enumerate().take(inst.teams.len()) {
        let csv = sheets_dir.join(format!("{stem}.csv"));
        write_atomically(&csv, |w| {
            Ok(write_team_csv_with_officers(
                w, inst, plan, team, lang, officers,
            )?)
        })?;
        out.team_csvs.push(csv);
        let ics = ics_dir.join(format!("{stem}.ics"));
        write_atomically(&ics, |w| {
            Ok(write_team_calendar_with_officers(
                w,
                inst,
                plan,
                team,
                update.as_ref(),
                officers,
            )?)
        })?;
        out.calendars.push(ics);
    }
    if let Some(u) = &update {
        let changes_dir = ics_dir.join("changes");
        let new = PlanSnapshot::of(inst, plan);
        for (id, stem) in ids.iter().zip(&stems) {
            let uids: Vec<String> = new
                .visits()
                .filter(|(r, _, _)| r.team == *id)
                .map(|(r, _, v)| {
                    crate::output::calendar_ics::event_uid(
                        &r.team,
                        &v.firm,
                        v.tasks.first().map_or("", String::as_str),
                    )
                })
                .collect();
            if !u.touches(id, &uids) {
                continue;
            }
            std::fs::create_dir_all(&changes_dir)
                .with_context(|| format!("cannot create {}", changes_dir.display()))?;
            let path = changes_dir.join(format!("{stem}.ics"));
            write_atomically(&path, |w| {
                Ok(write_team_changes_with_officers(
                    w, inst, plan, id, u, officers,
                )?)
            })?;
            out.calendar_changes.push(path);
        }
    }
    Ok(out)
}

/// Writes `statistics.xlsx` and `statistics/*.csv`, the figures measured against the
/// headline's naive counts.
fn write_statistics_files(
    dir: &Path,
    inst: &Instance,
    plan: &Plan,
    headline: &ReportHeadline,
) -> anyhow::Result<Vec<PathBuf>> {
    use crate::output::statistics::{
        STATISTICS_CSVS, STATISTICS_DIR, STATISTICS_XLSX, statistics_tables, write_statistics_csv,
        write_statistics_workbook,
    };
    let tables = statistics_tables(&statistics(inst, plan, &headline.naive_counts));
    let xlsx = dir.join(STATISTICS_XLSX);
    let created = inst.calendar.dates.first().copied();
    write_atomically(&xlsx, |w| {
        Ok(write_statistics_workbook(w, &tables, created)?)
    })?;
    let csv_dir = dir.join(STATISTICS_DIR);
    std::fs::create_dir_all(&csv_dir)
        .with_context(|| format!("cannot create {}", csv_dir.display()))?;
    let mut out = vec![xlsx];
    for (name, table) in STATISTICS_CSVS.iter().zip(&tables) {
        let path = csv_dir.join(name);
        write_atomically(&path, |w| Ok(write_statistics_csv(w, table)?))?;
        out.push(path);
    }
    Ok(out)
}

/// Writes only `dir/report.html`, for `chayici report` regenerating the page of an old plan;
/// given the `previous` plan of a replan, with what changed since it.
pub fn write_report_file(
    dir: &Path,
    inst: &Instance,
    plan: &Plan,
    headline: &ReportHeadline,
    previous: Option<&PreviousPlan>,
) -> anyhow::Result<PathBuf> {
    let path = dir.join("report.html");
    let changes = previous.map(|p| p.diff(inst, plan));
    write_atomically(&path, |w| {
        Ok(write_report_html(
            w,
            inst,
            plan,
            headline,
            changes.as_ref(),
        )?)
    })?;
    Ok(path)
}
