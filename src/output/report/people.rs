//! Provides the one call the `plan` and `report` commands make to write what people read:
//! `report.html`, `route_sheets.xlsx`, `sheets/<team>.csv` and `calendars/<team>.ics`.

use super::{ReportHeadline, write_report_html};
use crate::model::{Instance, Plan};
use crate::output::calendar_ics::write_team_calendar;
use crate::output::sheets::{Lang, file_stems, write_route_workbook, write_team_csv};
use crate::output::write_atomically;
use anyhow::Context;
use std::path::{Path, PathBuf};

/// The files [`write_people_outputs`] wrote, for the command to list.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PeopleOutputs {
    /// `report.html`.
    pub report: PathBuf,
    /// `route_sheets.xlsx`.
    pub workbook: PathBuf,
    /// `sheets/<team>.csv`, in team order.
    pub team_csvs: Vec<PathBuf>,
    /// `calendars/<team>.ics`, in team order.
    pub calendars: Vec<PathBuf>,
}

/// Writes the report, the route workbook, a CSV per team and a calendar per team into `dir`
/// (created if missing). Each file is written to a temporary file beside it and renamed into
/// place, so a failure never leaves a half-written file behind.
pub fn write_people_outputs(
    dir: &Path,
    inst: &Instance,
    plan: &Plan,
    headline: &ReportHeadline,
    lang: Lang,
) -> anyhow::Result<PeopleOutputs> {
    let sheets_dir = dir.join("sheets");
    let ics_dir = dir.join("calendars");
    for d in [dir, &sheets_dir, &ics_dir] {
        std::fs::create_dir_all(d).with_context(|| format!("cannot create {}", d.display()))?;
    }
    let report = dir.join("report.html");
    write_atomically(&report, |w| Ok(write_report_html(w, inst, plan, headline)?))?;
    let workbook = dir.join("route_sheets.xlsx");
    write_atomically(&workbook, |w| {
        Ok(write_route_workbook(w, inst, plan, lang)?)
    })?;
    let ids: Vec<&str> = inst.teams.iter().map(|t| t.id.as_str()).collect();
    let stems = file_stems(&ids);
    let mut out = PeopleOutputs {
        report,
        workbook,
        ..PeopleOutputs::default()
    };
    for (team, stem) in stems.iter().enumerate() {
        let csv = sheets_dir.join(format!("{stem}.csv"));
        write_atomically(&csv, |w| Ok(write_team_csv(w, inst, plan, team, lang)?))?;
        out.team_csvs.push(csv);
        let ics = ics_dir.join(format!("{stem}.ics"));
        write_atomically(&ics, |w| Ok(write_team_calendar(w, inst, plan, team)?))?;
        out.calendars.push(ics);
    }
    Ok(out)
}

/// Writes only `dir/report.html`, for `chayici report` regenerating the page of an old plan.
pub fn write_report_file(
    dir: &Path,
    inst: &Instance,
    plan: &Plan,
    headline: &ReportHeadline,
) -> anyhow::Result<PathBuf> {
    let path = dir.join("report.html");
    write_atomically(&path, |w| Ok(write_report_html(w, inst, plan, headline)?))?;
    Ok(path)
}
