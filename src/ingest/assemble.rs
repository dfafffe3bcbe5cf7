//! Provides the assembly of a workspace from its files' bytes: reads every file, runs the
//! cross-file checks and builds the instance when no error remains.

use super::codes;
use super::departments::Departments;
use super::firms::{Register, read_firms};
use super::headers::{PLAN_FIELDS, map_headers};
use super::loaded::{InputFile, Loaded, SourceFile, Sources, Summary, TravelSummary, extension};
use super::plans::PlanReader;
use super::table::Table;
use super::teams::{TeamRead, read_teams};
use super::toml_config::{Config, parse_config};
use super::travel_matrix::{Matrix, PlaceIds, read_matrix, w1505_partial};
use super::validate::{ids::Seen, tasks as task_rules, teams as team_rules};
use super::{csv_source, json_source, month, xlsx_source};
use crate::calendar::{build_calendar, years_without_table};
use crate::diag::Diagnostic;
use crate::i18n::Key;
use crate::model::{
    Calendar, DeptIndex, Instance, Loc, MAX_DEPARTMENTS, MonthRecords, Point, Task, Team,
};
use crate::msg;
use crate::spatial::Travel;
use chrono::Datelike;
use sha2::{Digest, Sha256};
use std::collections::HashMap;

/// Reads a file's tables by its extension; a diagnostic when it cannot be parsed.
pub(super) fn read_tables(file: &SourceFile) -> Result<Vec<Table>, Diagnostic> {
    match extension(&file.path).as_str() {
        "json" => json_source::read_json(&file.bytes, &file.path).map(|t| vec![t]),
        "xlsx" | "xlsm" | "xls" | "ods" => xlsx_source::read_workbook(&file.bytes, &file.path)
            .map(|sheets| sheets.into_iter().map(|(_, t)| t).collect()),
        // WPS saves `.et` as an XLS (BIFF8) compound file, or as XLSX when told to stay
        // compatible; either is read, anything else is a workbook chayici does not read.
        "et" | "ett" => xlsx_source::read_workbook(&file.bytes, &file.path)
            .map(|sheets| sheets.into_iter().map(|(_, t)| t).collect())
            .map_err(|_| xlsx_source::unsupported_workbook(&file.path)),
        _ => csv_source::read_csv(&file.bytes, &file.path).map(|(t, _)| vec![t]),
    }
}

/// The tables of a file, with what the reader passed over to find them reported; none, with
/// the reason, when the file cannot be read.
fn tables_or_report(file: &SourceFile, diags: &mut Vec<Diagnostic>) -> Vec<Table> {
    let mut tables = read_tables(file).unwrap_or_else(|d| {
        diags.push(d);
        Vec::new()
    });
    for t in &mut tables {
        diags.append(&mut t.notes);
    }
    tables
}

/// W0104, at the header's first cell: the line that is there, where the rows should follow.
fn no_rows(path: &str, tables: &[Table], diags: &mut Vec<Diagnostic>) {
    if !tables.is_empty() && tables.iter().all(|t| t.rows.is_empty()) {
        let header = &tables[0];
        diags.push(Diagnostic::warning(
            codes::NO_ROWS,
            header
                .header
                .first()
                .map_or_else(|| header.header_loc.clone(), |c| c.loc.clone()),
            msg!(W0104NoRows, path = path),
        ));
    }
}

/// The horizon's calendar, with W0206 at the `start` or `end` setting in the year it names and
/// W0208 at `start`.
fn calendar_of(cfg: &Config, diags: &mut Vec<Diagnostic>) -> Option<Calendar> {
    let (start, end) = cfg.horizon?;
    let (start_loc, end_loc) = &cfg.horizon_locs;
    for year in years_without_table(start, end) {
        let loc = if year == start.year() || year != end.year() {
            start_loc
        } else {
            end_loc
        };
        diags.push(
            Diagnostic::warning(
                codes::NO_HOLIDAY_TABLE,
                loc.clone(),
                msg!(W0206NoHolidays, year = year),
            )
            .with_help(Key::W0206Help),
        );
    }
    let cal = build_calendar(start, end, &cfg.extra_holidays, &cfg.extra_workdays);
    if cal.working_days().next().is_none() {
        diags.push(Diagnostic::warning(
            codes::NO_WORKING_DAY,
            start_loc.clone(),
            msg!(W0208NoWorkingDay, start = start, end = end),
        ));
    }
    Some(cal)
}

/// The column number of a plan table's `minutes`, so W1413, found once teams are read, can
/// point at the cell (a task keeps only its row).
fn minutes_column(table: &Table) -> Option<u32> {
    let (cols, _) = map_headers(table, PLAN_FIELDS);
    table.header.get(cols.get("minutes")?)?.loc.col
}

/// The file's department when its rows name none: the JSON `department`, else the stem.
fn file_department(table: &Table, path: &str) -> String {
    table.department.clone().unwrap_or_else(|| {
        let name = path.rsplit('/').next().unwrap_or(path);
        name.rsplit_once('.')
            .map_or(name, |(stem, _)| stem)
            .to_string()
    })
}

/// Reads and checks a whole workspace held in memory.
pub fn load_sources(src: &Sources) -> Loaded {
    load_sources_with(src, &[])
}

/// Reads and checks a whole workspace held in memory, with the files `chayici.toml` names by
/// path (`named`, each with its path as written there); a named file missing from `named` is
/// reported as not found.
///
/// The files are read in the order each needs the others: the settings and calendar, the
/// departments, the firms, the plans (which name both), the teams, the travel matrix (which
/// names firms and teams); then the checks across files.
pub fn load_sources_with(src: &Sources, named: &[SourceFile]) -> Loaded {
    let mut diags = src.problems.clone();
    let config_text = String::from_utf8_lossy(&src.config.bytes);
    let (cfg, d) = parse_config(&config_text, &src.config.path);
    diags.extend(d);
    let calendar = calendar_of(&cfg, &mut diags);
    let mut depts = read_departments(src, &mut diags);
    let register = read_register(src, &cfg, &mut diags);
    let mut plans = read_plans(src, calendar.as_ref(), &register, &mut depts, &mut diags);
    let mut teams = read_team_file(src, &cfg, calendar.as_ref(), &mut depts, &mut diags);
    diags.extend(depts.e0106_too_many_departments());
    let month = read_month(
        src,
        &mut plans,
        &mut teams,
        &register,
        &depts,
        calendar.as_ref(),
        &mut diags,
    );

    let places = PlaceIds::new(
        register.firms.iter().map(|f| f.id.as_str()),
        teams.iter().map(|t| t.team.id.as_str()),
    );
    let matrix = travel_matrix(&cfg, named, &places, &mut diags);

    let mut rows_per_dept = vec![0usize; depts.list().len()];
    for (d, _) in &plans.rows {
        rows_per_dept[*d] += 1;
    }
    if src.teams.is_some() {
        check_coverage(&depts, &teams, &plans.rows, &rows_per_dept, &mut diags);
        check_task_lengths(&cfg, &teams, &plans, &mut diags);
    }

    diags.sort_by(|a, b| a.loc.cmp(&b.loc));
    let errors = diags.iter().filter(|d| d.is_error()).count();
    let departments = depts.into_vec();
    let summary = Summary {
        name: cfg.name.clone().unwrap_or_else(|| src.name.clone()),
        firms: register.firms.len(),
        teams: teams.len(),
        tasks: plans.rows.len(),
        departments: departments
            .iter()
            .enumerate()
            .map(|(d, dept)| super::loaded::DepartmentSummary {
                code: dept.code.clone(),
                name: dept.name.clone(),
                tasks: rows_per_dept[d],
                covered: covered(&teams, d),
            })
            .collect(),
        horizon: cfg.horizon,
        days: calendar.as_ref().map_or(0, Calendar::len),
        working_days: calendar.as_ref().map_or(0, |c| c.working_days().count()),
        travel: matrix.as_ref().map(|(file, m)| TravelSummary {
            file: file.path.clone(),
            pairs: m.len(),
            fallback: m.missing(&places).0,
        }),
        errors,
        warnings: diags.len() - errors,
    };
    // Only an instance that will be built needs the table, which grows as the square of the
    // places.
    let travel_table = matrix.as_ref().filter(|_| errors == 0).map(|(_, m)| {
        let points: Vec<Point> = register
            .firms
            .iter()
            .map(|f| f.point)
            .chain(teams.iter().map(|t| t.team.base))
            .collect();
        m.table(&points, Travel::from_settings(&cfg.settings))
    });
    let instance = match calendar {
        Some(calendar) if errors == 0 => Some(Instance {
            name: summary.name.clone(),
            calendar,
            departments,
            firms: register.firms,
            tasks: plans.tasks,
            teams: teams.into_iter().map(|t| t.team).collect(),
            settings: cfg.settings.clone(),
            travel_table,
            month,
        }),
        _ => None,
    };
    Loaded {
        instance,
        diagnostics: diags,
        summary,
        inputs: src
            .files()
            .chain(matrix.as_ref().map(|(file, _)| *file))
            .map(input_file)
            .collect(),
    }
}

/// The departments file, when there is one: codes and names the plans and teams refer to.
fn read_departments(src: &Sources, diags: &mut Vec<Diagnostic>) -> Departments {
    let mut depts = Departments::default();
    if let Some(file) = &src.departments {
        for t in tables_or_report(file, diags) {
            depts.read_table(&t, diags);
        }
    }
    depts
}

/// The firms file.
fn read_register(src: &Sources, cfg: &Config, diags: &mut Vec<Diagnostic>) -> Register {
    let firm_tables = tables_or_report(&src.firms, diags);
    no_rows(&src.firms.path, &firm_tables, diags);
    read_firms(&firm_tables, cfg, diags)
}

/// The departments' plans, read: the tasks, every task row with its department (those with
/// errors too, for the counts), and where each table's `minutes` column is.
struct PlanRows<'a> {
    tasks: Vec<Task>,
    /// Every task id read, valid or not.
    ids: Seen,
    rows: Vec<(DeptIndex, Loc)>,
    /// The column of `minutes` by file and sheet, see [`minutes_column`].
    minutes_cols: HashMap<(&'a str, Option<String>), u32>,
}

/// Every file in plans/, against the calendar and the firms; a department a plan names is
/// added to `depts`.
fn read_plans<'a>(
    src: &'a Sources,
    calendar: Option<&Calendar>,
    register: &Register,
    depts: &mut Departments,
    diags: &mut Vec<Diagnostic>,
) -> PlanRows<'a> {
    let mut tasks = Vec::new();
    let mut reader = PlanReader {
        calendar,
        firms: register,
        depts,
        seen: Seen::default(),
        diags,
        rows: Vec::new(),
    };
    let mut minutes_cols = HashMap::new();
    for file in &src.plans {
        let tables = tables_or_report(file, reader.diags);
        no_rows(&file.path, &tables, reader.diags);
        for t in &tables {
            if let Some(col) = minutes_column(t) {
                minutes_cols.insert((file.path.as_str(), t.header_loc.sheet.clone()), col);
            }
            let dept = file_department(t, &file.path);
            tasks.extend(reader.read_table(t, &dept));
        }
    }
    PlanRows {
        tasks,
        ids: std::mem::take(&mut reader.seen),
        rows: std::mem::take(&mut reader.rows),
        minutes_cols,
    }
}

/// The teams file, when there is one (its absence is reported where the files are found).
fn read_team_file(
    src: &Sources,
    cfg: &Config,
    calendar: Option<&Calendar>,
    depts: &mut Departments,
    diags: &mut Vec<Diagnostic>,
) -> Vec<TeamRead> {
    match &src.teams {
        Some(file) => {
            let tables = tables_or_report(file, diags);
            no_rows(&file.path, &tables, diags);
            read_teams(&tables, cfg, calendar, depts, diags)
        }
        None => Vec::new(),
    }
}

/// The month's records (`done.csv`, `pins.csv`, `absences.csv`), read against the plans, the
/// teams and the horizon, and applied: absences take the days off the teams, pins go on the
/// tasks (narrowing a pinned day's window to it). Absences are read first, so a pin to a day
/// its team is out is said at the pin (W1712).
fn read_month(
    src: &Sources,
    plans: &mut PlanRows,
    teams: &mut [TeamRead],
    register: &Register,
    depts: &Departments,
    calendar: Option<&Calendar>,
    diags: &mut Vec<Diagnostic>,
) -> MonthRecords {
    let refs = month::Refs::new(
        &plans.tasks,
        &plans.ids,
        teams.iter().map(|t| t.team.id.as_str()),
        calendar,
    );
    let mut tables = |file: &Option<SourceFile>| match file {
        Some(file) => {
            let tables = tables_or_report(file, diags);
            no_rows(&file.path, &tables, diags);
            tables
        }
        None => Vec::new(),
    };
    let (done, pins, absences) = (tables(&src.done), tables(&src.pins), tables(&src.absences));
    let absences = month::read_absences(&absences, &refs, diags);
    let pins = month::read_pins(&pins, &refs, diags);
    let done = month::read_done(&done, &refs, diags);
    month::apply_absences(teams.iter_mut().map(|t| &mut t.team), &absences);
    if let Some(calendar) = calendar {
        let team_list: Vec<&Team> = teams.iter().map(|t| &t.team).collect();
        diags.extend(month::pin_warnings(
            &month::PinContext {
                tasks: &plans.tasks,
                teams: &team_list,
                firms: &register.firms,
                departments: depts.list(),
                calendar,
            },
            &pins,
        ));
    }
    month::apply_pins(&mut plans.tasks, pins);
    MonthRecords { done, absences }
}

/// True when some team covers department `d`.
fn covered(teams: &[TeamRead], d: DeptIndex) -> bool {
    d < MAX_DEPARTMENTS && teams.iter().any(|t| t.team.departments.contains(d))
}

/// Coverage both ways: W1411 at a department's first task row when no team covers it, W1305
/// at a team's departments when it names one without tasks.
fn check_coverage(
    depts: &Departments,
    teams: &[TeamRead],
    rows: &[(DeptIndex, Loc)],
    rows_per_dept: &[usize],
    diags: &mut Vec<Diagnostic>,
) {
    let mut first_row: Vec<Option<&Loc>> = vec![None; depts.list().len()];
    for (d, loc) in rows {
        first_row[*d].get_or_insert(loc);
    }
    for (d, dept) in depts.list().iter().enumerate() {
        // A department departments.csv does not list is already an error (E1420).
        if let Some(loc) = first_row[d].filter(|_| depts.is_listed(d)) {
            diags.extend(task_rules::w1411_department_uncovered(
                covered(teams, d),
                &dept.code,
                rows_per_dept[d],
                loc,
            ));
        }
    }
    for t in teams {
        for (d, name) in &t.named {
            diags.extend(team_rules::w1305_team_department_unused(
                rows_per_dept[*d] > 0,
                name,
                &t.departments_loc,
            ));
        }
    }
}

/// W1413 at a task's `minutes` when its time on site is longer than any covering shift.
fn check_task_lengths(
    cfg: &Config,
    teams: &[TeamRead],
    plans: &PlanRows,
    diags: &mut Vec<Diagnostic>,
) {
    for task in &plans.tasks {
        let longest = teams
            .iter()
            .filter(|t| t.team.departments.contains(task.department))
            .map(|t| t.team.shift.longest_window())
            .max();
        if let Some(longest) = longest {
            let onsite = cfg.settings.visit_setup_minutes + task.minutes;
            let key = (task.loc.file.as_str(), task.loc.sheet.clone());
            let loc = plans
                .minutes_cols
                .get(&key)
                .map_or_else(|| task.loc.clone(), |&col| task.loc.with_col(col));
            diags.extend(task_rules::w1413_task_too_long(
                onsite, longest, &task.id, &loc,
            ));
        }
    }
}

/// The travel matrix `chayici.toml` names, read from `named`, with its file; `None` when none
/// is named, it is not among `named` (E1504), or it has no readable table.
fn travel_matrix<'a>(
    cfg: &Config,
    named: &'a [SourceFile],
    places: &PlaceIds,
    diags: &mut Vec<Diagnostic>,
) -> Option<(&'a SourceFile, Matrix)> {
    let setting = cfg.travel_matrix.as_ref()?;
    let Some(file) = named.iter().find(|f| f.path == setting.path) else {
        diags.push(
            Diagnostic::error(
                codes::MATRIX_NOT_FOUND,
                setting.loc.clone(),
                msg!(E1504NotFound, path = &setting.path),
            )
            .with_help(Key::E1504Help),
        );
        return None;
    };
    let tables = tables_or_report(file, diags);
    no_rows(&file.path, &tables, diags);
    let matrix = read_matrix(&tables, places, diags)?;
    diags.extend(w1505_partial(&matrix, places, &setting.loc));
    Some((file, matrix))
}

fn input_file(f: &SourceFile) -> InputFile {
    let digest = Sha256::digest(&f.bytes);
    InputFile {
        path: f.path.clone(),
        sha256: digest.iter().map(|b| format!("{b:02x}")).collect(),
    }
}
