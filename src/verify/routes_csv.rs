//! Checks routes.csv, the file the teams follow, row by row: against plan.json (every row
//! there, once, in order, each cell the same) and against the instance on its own (each leg's
//! kilometres and minutes, the firm's name, the departments, the order of the stops).
//!
//! It also turns the file back into routes, so that the rules a plan must keep (windows,
//! hours, shifts, the clock) are checked on what the teams read, not only on plan.json.

use super::rows::{Comparison, Row, at, read_rows};
use super::written::{ROUTES_COLUMNS, cell, department_codes, km_cell, task_ids, uncell};
use super::{Violation, ViolationKind as K};
use crate::model::{Instance, Minute, Place, Plan, Route, Visit, fmt_minute, parse_minute};
use chrono::NaiveDate;
use std::collections::HashMap;

/// The file's name in the plan folder.
pub(super) const FILE: &str = "routes.csv";

/// Where a row about a team, a date and a firm (or the route's first row, without firm) is.
pub(super) type LineIndex = HashMap<(String, NaiveDate, Option<String>), usize>;

/// routes.csv read back as routes.
pub(super) struct RoutesCsv {
    /// The routes the file describes, in file order.
    pub routes: Vec<Route>,
    /// Where each row is, to point the rule checks at a line.
    pub lines: LineIndex,
}

/// Checks `text` against `plan` (when plan.json could be read) and the instance, and returns
/// its routes; `None` when the file cannot be read at all.
pub(super) fn check(
    inst: &Instance,
    text: &str,
    plan: Option<&Plan>,
    out: &mut Vec<Violation>,
) -> Option<RoutesCsv> {
    let rows = read_rows(FILE, text, &ROUTES_COLUMNS, out)?;
    if let Some(plan) = plan {
        let expected = expected_rows(inst, plan);
        let hint = |cells: &[String]| hint(&expected, cells);
        Comparison {
            file: FILE,
            columns: &ROUTES_COLUMNS,
            key: &[0, 1, 3],
            describe: &describe,
            hint: &hint,
        }
        .run(&expected, &rows, out);
    }
    Some(read_routes(inst, &rows, out))
}

/// `team T1 on 2026-12-07 at firm 9133…` or `the drive back to base of team T1 on …`.
fn describe(c: &[String]) -> String {
    if c[3].is_empty() {
        format!("the drive back to base of team {} on {}", c[0], c[1])
    } else {
        format!("team {} on {} at firm {}", c[0], c[1], c[3])
    }
}

/// Where plan.json has a visit of this team to this firm, or this firm on this date.
fn hint(expected: &[Vec<String>], c: &[String]) -> Option<String> {
    if c[3].is_empty() {
        return None;
    }
    let same_team: Vec<&str> = expected
        .iter()
        .filter(|e| e[0] == c[0] && e[3] == c[3])
        .map(|e| e[1].as_str())
        .collect();
    if !same_team.is_empty() {
        return Some(format!(
            "plan.json has this visit on {}",
            same_team.join(", ")
        ));
    }
    let same_day: Vec<&str> = expected
        .iter()
        .filter(|e| e[1] == c[1] && e[3] == c[3])
        .map(|e| e[0].as_str())
        .collect();
    (!same_day.is_empty()).then(|| format!("plan.json gives it to team {}", same_day.join(", ")))
}

/// The rows routes.csv must hold for `plan`, computed from the instance.
fn expected_rows(inst: &Instance, plan: &Plan) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    for r in &plan.routes {
        let (Some(team), Some(date)) = (inst.teams.get(r.team), inst.calendar.dates.get(r.day))
        else {
            continue;
        };
        let (team, date) = (cell(&team.id), date.to_string());
        let mut pos = Place::Base(r.team);
        for (i, v) in r.visits.iter().enumerate() {
            let Some(firm) = inst.firms.get(v.firm) else {
                continue;
            };
            let at = Place::Firm(v.firm);
            rows.push(vec![
                team.clone(),
                date.clone(),
                (i + 1).to_string(),
                cell(&firm.id),
                cell(&firm.name),
                fmt_minute(v.arrive),
                fmt_minute(v.start),
                fmt_minute(v.end),
                fmt_minute(v.depart),
                cell(&task_ids(inst, &v.tasks).join(";")),
                cell(&department_codes(inst, &v.tasks).join(";")),
                km_cell(inst.travel_km(pos, at)),
                inst.travel_minutes(pos, at).to_string(),
                cell(&firm.contact),
                cell(&firm.phone),
                cell(&firm.notes),
            ]);
            pos = at;
        }
        let base = Place::Base(r.team);
        let mut back = vec![String::new(); ROUTES_COLUMNS.len()];
        back[0] = team;
        back[1] = date;
        back[2] = (r.visits.len() + 1).to_string();
        back[5] = fmt_minute(r.return_base);
        back[11] = km_cell(inst.travel_km(pos, base));
        back[12] = inst.travel_minutes(pos, base).to_string();
        rows.push(back);
    }
    rows
}

/// A route being read from consecutive rows.
struct Open {
    team: usize,
    day: usize,
    first_line: usize,
    last_line: usize,
    pos: Place,
    visits: Vec<Visit>,
}

impl Open {
    fn label(&self, inst: &Instance) -> String {
        format!(
            "team {} on {}",
            inst.teams[self.team].id, inst.calendar.dates[self.day]
        )
    }

    /// The route, back at base when `back` says so, else by the drive from the last stop.
    fn close(self, inst: &Instance, back: Option<Minute>) -> Route {
        let first = self.visits.first();
        let leave = first.map_or(back.unwrap_or(0), |v| {
            let drive = inst.travel_minutes(Place::Base(self.team), Place::Firm(v.firm));
            v.arrive.saturating_sub(drive)
        });
        let return_base = back.unwrap_or_else(|| {
            self.visits.last().map_or(leave, |v| {
                v.depart + inst.travel_minutes(self.pos, Place::Base(self.team))
            })
        });
        Route {
            team: self.team,
            day: self.day,
            leave_base: leave,
            visits: self.visits,
            return_base,
        }
    }
}

/// What a place is called in messages.
fn place_name(inst: &Instance, p: Place) -> String {
    match p {
        Place::Base(t) => format!("the base of team {}", inst.teams[t].id),
        Place::Firm(f) => format!("firm {}", inst.firms[f].id),
    }
}

/// A time cell exactly as the files write it (`09:05`), or why not.
fn strict_time(s: &str) -> Option<Minute> {
    parse_minute(s).filter(|&m| fmt_minute(m) == s)
}

/// Ids to indices.
struct Lookup<'a> {
    teams: HashMap<&'a str, usize>,
    firms: HashMap<&'a str, usize>,
    tasks: HashMap<&'a str, usize>,
}

impl<'a> Lookup<'a> {
    fn new(inst: &'a Instance) -> Self {
        Self {
            teams: inst
                .teams
                .iter()
                .enumerate()
                .map(|(i, t)| (t.id.as_str(), i))
                .collect(),
            firms: inst
                .firms
                .iter()
                .enumerate()
                .map(|(i, f)| (f.id.as_str(), i))
                .collect(),
            tasks: inst
                .tasks
                .iter()
                .enumerate()
                .map(|(i, t)| (t.id.as_str(), i))
                .collect(),
        }
    }
}

/// Reads the rows into routes, checking each on its own against the instance.
fn read_routes(inst: &Instance, rows: &[Row], out: &mut Vec<Violation>) -> RoutesCsv {
    let ids = Lookup::new(inst);
    let mut routes = Vec::new();
    let mut lines = LineIndex::new();
    let mut open: Option<Open> = None;
    let bad = |row: &Row, msg: String| at(FILE, row.line, K::MalformedRow, msg);
    for row in rows {
        let c = &row.cells;
        let Some(&team) = ids.teams.get(uncell(&c[0])) else {
            out.push(bad(row, format!("team `{}` is not in the workspace", c[0])));
            continue;
        };
        let Some(day) = NaiveDate::parse_from_str(&c[1], "%Y-%m-%d")
            .ok()
            .filter(|d| d.to_string() == c[1])
            .and_then(|d| inst.calendar.index_of(d))
        else {
            out.push(bad(
                row,
                format!(
                    "date `{}` is not a date of the horizon like 2026-12-07",
                    c[1]
                ),
            ));
            continue;
        };
        let date = inst.calendar.dates[day];
        if open
            .as_ref()
            .is_some_and(|o| (o.team, o.day) != (team, day))
        {
            let o = open.take().expect("checked above");
            out.push(at(
                FILE,
                o.last_line,
                K::RowMissing,
                format!("{}: no drive back to base after this row", o.label(inst)),
            ));
            routes.push(o.close(inst, None));
        }
        let o = open.get_or_insert_with(|| Open {
            team,
            day,
            first_line: row.line,
            last_line: row.line,
            pos: Place::Base(team),
            visits: Vec::new(),
        });
        o.last_line = row.line;
        lines
            .entry((inst.teams[team].id.clone(), date, None))
            .or_insert(o.first_line);
        let stop = o.visits.len() + 1;
        if c[2] != stop.to_string() {
            out.push(at(
                FILE,
                row.line,
                K::RowOutOfOrder,
                format!(
                    "seq is `{}`, but the row is stop {stop} of {}",
                    c[2],
                    o.label(inst)
                ),
            ));
        }
        if c[3].is_empty() {
            let back = Place::Base(team);
            check_leg(inst, row, o.pos, back, out);
            let Some(arrive) = strict_time(&c[5]) else {
                out.push(bad(
                    row,
                    format!("arrive `{}` is not a time like 09:30", c[5]),
                ));
                open = None;
                continue;
            };
            if let Some(name) = (4..=10)
                .chain(13..=15)
                .filter(|&i| i != 5)
                .find(|&i| !c[i].is_empty())
            {
                out.push(bad(
                    row,
                    format!(
                        "the drive back to base has `{}` as {}, which stays empty there",
                        c[name], ROUTES_COLUMNS[name]
                    ),
                ));
            }
            let o = open.take().expect("opened above");
            routes.push(o.close(inst, Some(arrive)));
            continue;
        }
        let Some(&firm) = ids.firms.get(uncell(&c[3])) else {
            out.push(bad(row, format!("firm `{}` is not in the workspace", c[3])));
            continue;
        };
        lines
            .entry((
                inst.teams[team].id.clone(),
                date,
                Some(inst.firms[firm].id.clone()),
            ))
            .or_insert(row.line);
        let mut times = [0; 4];
        let mut readable = true;
        for (k, col) in (5..=8).enumerate() {
            match strict_time(&c[col]) {
                Some(m) => times[k] = m,
                None => {
                    readable = false;
                    out.push(bad(
                        row,
                        format!(
                            "{} `{}` is not a time like 09:30",
                            ROUTES_COLUMNS[col], c[col]
                        ),
                    ));
                }
            }
        }
        let mut tasks = Vec::new();
        for id in uncell(&c[9]).split(';').filter(|s| !s.is_empty()) {
            match ids.tasks.get(id) {
                Some(&t) => tasks.push(t),
                None => {
                    readable = false;
                    out.push(bad(row, format!("task `{id}` is not in the workspace")));
                }
            }
        }
        let name = cell(&inst.firms[firm].name);
        if c[4] != name {
            out.push(at(
                FILE,
                row.line,
                K::WrongCell,
                format!("firm_name is `{}`, but firm {} is `{name}`", c[4], c[3]),
            ));
        }
        check_contact(inst, row, firm, out);
        let depts = cell(&department_codes(inst, &tasks).join(";"));
        if readable && c[10] != depts {
            out.push(at(
                FILE,
                row.line,
                K::WrongCell,
                format!(
                    "departments is `{}`, but the tasks {} are of `{depts}`",
                    c[10], c[9]
                ),
            ));
        }
        check_leg(inst, row, o.pos, Place::Firm(firm), out);
        o.pos = Place::Firm(firm);
        if readable {
            o.visits.push(Visit {
                firm,
                tasks,
                arrive: times[0],
                start: times[1],
                end: times[2],
                depart: times[3],
            });
        }
    }
    if let Some(o) = open {
        out.push(at(
            FILE,
            o.last_line,
            K::RowMissing,
            format!("{}: no drive back to base after this row", o.label(inst)),
        ));
        routes.push(o.close(inst, None));
    }
    RoutesCsv { routes, lines }
}

/// Checks the row's `contact`, `phone` and `notes` are the register's, so a team never calls
/// a number the register does not give.
fn check_contact(inst: &Instance, row: &Row, firm: usize, out: &mut Vec<Violation>) {
    let f = &inst.firms[firm];
    for (col, want) in [(13, &f.contact), (14, &f.phone), (15, &f.notes)] {
        let want = cell(want);
        if row.cells[col] != want {
            out.push(at(
                FILE,
                row.line,
                K::WrongCell,
                format!(
                    "{} is `{}`, but the register gives firm {} `{want}`",
                    ROUTES_COLUMNS[col], row.cells[col], f.id
                ),
            ));
        }
    }
}

/// Checks the row's `travel_km` and `travel_minutes` are the leg from `from` to `to`.
fn check_leg(inst: &Instance, row: &Row, from: Place, to: Place, out: &mut Vec<Violation>) {
    let c = &row.cells;
    let km = km_cell(inst.travel_km(from, to));
    if c[11] != km {
        out.push(at(
            FILE,
            row.line,
            K::WrongTravel,
            format!(
                "travel_km is `{}`, but the leg from {} to {} is {km} km",
                c[11],
                place_name(inst, from),
                place_name(inst, to)
            ),
        ));
    }
    let minutes = inst.travel_minutes(from, to).to_string();
    if c[12] != minutes {
        out.push(at(
            FILE,
            row.line,
            K::WrongTravel,
            format!(
                "travel_minutes is `{}`, but the leg from {} to {} takes {minutes} min",
                c[12],
                place_name(inst, from),
                place_name(inst, to)
            ),
        ));
    }
}
