//! Provides `absences.csv`: days a team is out (sick, training, another duty).

use super::{Refs, e1703_not_a_date};
use crate::diag::Diagnostic;
use crate::i18n::{Key, Msg};
use crate::ingest::codes;
use crate::ingest::dates::parse_day_list;
use crate::ingest::headers::{ABSENCE_FIELDS, map_headers};
use crate::ingest::table::{Cell, Table};
use crate::model::{Absence, DayIndex, Loc, Team, TeamIndex};
use crate::msg;
use chrono::NaiveDate;
use std::collections::HashMap;

/// Reads `absences.csv`'s tables: one absence per team and day, a range
/// (`2026-12-10~2026-12-11`, `2026-12-10至2026-12-11`) giving one per day of it. A team and
/// day recorded twice is a warning (W1708) and counts once.
pub fn read_absences(tables: &[Table], refs: &Refs, diags: &mut Vec<Diagnostic>) -> Vec<Absence> {
    let mut out = Vec::new();
    let mut first: HashMap<(TeamIndex, DayIndex), Loc> = HashMap::new();
    for table in tables {
        let (cols, d) = map_headers(table, ABSENCE_FIELDS);
        diags.extend(d);
        let c = |name: &str| cols.get(name);
        if c("team_id").is_none() || c("date").is_none() {
            continue;
        }
        for row in &table.rows {
            let team = refs
                .team(row.get(c("team_id")), &row.loc_of(c("team_id")))
                .map_err(|d| diags.push(d));
            let days = match row.get(c("date")) {
                Some(cell) => days_of(cell, refs).map_err(|d| diags.push(d)),
                None => {
                    let loc = row.loc_of(c("date"));
                    diags.extend(crate::ingest::validate::ids::e0107_empty_required(
                        "",
                        Key::WordDate,
                        &loc,
                    ));
                    Err(())
                }
            };
            let (Ok(team), Ok(days)) = (team, days) else {
                continue;
            };
            for day in days {
                if let Some(earlier) = first.get(&(team, day)) {
                    diags.push(w1708_twice(refs, row.get(c("team_id")), day, earlier));
                    continue;
                }
                first.insert((team, day), row.loc.clone());
                out.push(Absence {
                    team,
                    day,
                    reason: row.text(c("reason")).to_string(),
                    loc: row.loc.clone(),
                });
            }
        }
    }
    out
}

/// The days a cell names: one date or a range of dates, each in the horizon; weekdays are
/// refused, since a team that never works on Fridays says so in teams.csv's `days`.
fn days_of(cell: &Cell, refs: &Refs) -> Result<Vec<DayIndex>, Diagnostic> {
    let more = || Some(Msg::new(Key::DatesHelpRange));
    let list = parse_day_list(&cell.text).map_err(|_| e1703_not_a_date(cell, more()))?;
    if list.weekdays.contains(&true) || list.dates.is_empty() {
        return Err(e1703_not_a_date(cell, more()));
    }
    let mut days = Vec::with_capacity(list.dates.len());
    for date in list.dates {
        if let Some(d) = refs.day_of(date, cell)? {
            days.push(d);
        }
    }
    Ok(days)
}

fn w1708_twice(refs: &Refs, team: Option<&Cell>, day: DayIndex, earlier: &Loc) -> Diagnostic {
    let (id, loc) = team.map_or(("", Loc::default()), |c| (c.text.as_str(), c.loc.clone()));
    let date: Option<NaiveDate> = refs.calendar.map(|c| c.date(day));
    let on = date.map(|d| msg!(W1708On, date = d));
    Diagnostic::warning(
        codes::ABSENCE_TWICE,
        loc,
        msg!(
            W1708Twice,
            team = id,
            on = crate::i18n::optional(on),
            first = earlier
        ),
    )
    .with_help(Key::DeleteOneRow)
}

/// Marks every absent day off in the teams' `available`, teams in index order.
pub fn apply_absences<'t>(teams: impl IntoIterator<Item = &'t mut Team>, absences: &[Absence]) {
    let mut teams: Vec<&mut Team> = teams.into_iter().collect();
    for a in absences {
        if let Some(slot) = teams
            .get_mut(a.team)
            .and_then(|t| t.available.get_mut(a.day))
        {
            *slot = false;
        }
    }
}
