//! Provides the inspection teams read from `teams.csv` (or a workbook).

use super::departments::{Departments, split_list};
use super::headers::{TEAM_FIELDS, map_headers};
use super::table::Table;
use super::toml_config::Config;
use super::validate::{coords, ids, teams as rules, values};
use crate::diag::Diagnostic;
use crate::model::{Calendar, DeptIndex, DeptSet, Loc, MAX_DEPARTMENTS, Point, Shift, Team};

/// A team, with what the cross-checks need to point back at its row.
#[derive(Debug, Clone)]
pub struct TeamRead {
    /// The team.
    pub team: Team,
    /// Where its `departments` cell is.
    pub departments_loc: Loc,
    /// Each department as written, with its index.
    pub named: Vec<(DeptIndex, String)>,
}

/// Reads the teams' tables, pushing every problem to `diags`.
pub fn read_teams(
    tables: &[Table],
    cfg: &Config,
    calendar: Option<&Calendar>,
    depts: &mut Departments,
    diags: &mut Vec<Diagnostic>,
) -> Vec<TeamRead> {
    let mut out = Vec::new();
    let mut seen = ids::Seen::default();
    for table in tables {
        let (cols, d) = map_headers(table, TEAM_FIELDS);
        diags.extend(d);
        let c = |name: &str| cols.get(name);
        if c("team_id").is_none() {
            continue;
        }
        for row in &table.rows {
            let id_loc = row.loc_of(c("team_id"));
            let id = row.text(c("team_id")).to_string();
            if let Some(d) = ids::e0107_empty_required(&id, crate::i18n::Key::WordTeamId, &id_loc) {
                diags.push(d);
                continue;
            }
            if let Some(d) = ids::e1309_team_id(&id, &id_loc)
                .or_else(|| ids::e1301_duplicate_team(&mut seen, &id, &id_loc))
            {
                diags.push(d);
                continue;
            }
            let departments_loc = row.loc_of(c("departments"));
            let mut named = Vec::new();
            let mut set = DeptSet::EMPTY;
            for name in split_list(row.text(c("departments"))) {
                let (d, said) = depts.resolve_listed(name, &departments_loc);
                diags.extend(said);
                if d < MAX_DEPARTMENTS {
                    set.insert(d);
                }
                named.push((d, name.to_string()));
            }
            if c("departments").is_some() {
                diags.extend(rules::e1302_team_no_department(
                    named.len(),
                    &id,
                    &departments_loc,
                ));
            }
            let base = if c("base_lon").is_some() && c("base_lat").is_some() {
                coords::read_point(
                    row.get(c("base_lon")),
                    row.get(c("base_lat")),
                    &row.loc,
                    cfg.crs,
                    diags,
                )
            } else {
                None
            };
            let shift = match row.get(c("shift")).map(values::e1303_shift) {
                Some(Ok(w)) => w,
                Some(Err(d)) => {
                    diags.push(d);
                    cfg.shift.clone()
                }
                None => cfg.shift.clone(),
            };
            let days = match row.get(c("days")).map(values::e1304_team_days) {
                Some(Ok(list)) => Some(list),
                Some(Err(d)) => {
                    diags.push(d);
                    None
                }
                None => None,
            };
            let available = match calendar {
                Some(cal) => {
                    let days_loc = row.loc_of(c("days"));
                    if let Some(list) = &days {
                        for date in &list.singles {
                            if cal.index_of(*date).is_some_and(|d| !cal.is_working(d)) {
                                diags.push(rules::w1306_team_day_not_working(*date, &days_loc));
                            }
                        }
                    }
                    let available: Vec<bool> = (0..cal.len())
                        .map(|d| {
                            cal.is_working(d)
                                && days
                                    .as_ref()
                                    .is_none_or(|l| l.is_empty() || l.contains(cal.date(d)))
                        })
                        .collect();
                    diags.extend(rules::w1307_team_no_day(
                        available.contains(&true),
                        &id,
                        &days_loc,
                    ));
                    available
                }
                None => Vec::new(),
            };
            let capacity_per_day = values::e1308_capacity(row.get(c("capacity")))
                .map_err(|d| diags.push(d))
                .unwrap_or(None);
            let max_days = values::e2101_max_days(row.get(c("max_days")))
                .map_err(|d| diags.push(d))
                .unwrap_or(None);
            let name = row.text(c("name"));
            out.push(TeamRead {
                team: Team {
                    name: if name.is_empty() {
                        id.clone()
                    } else {
                        name.to_string()
                    },
                    id,
                    departments: set,
                    base: base.unwrap_or(Point::new(0.0, 0.0)),
                    shift: Shift { windows: shift },
                    available,
                    capacity_per_day,
                    max_days,
                },
                departments_loc,
                named,
            });
        }
    }
    out
}
