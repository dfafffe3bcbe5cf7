//! Provides the lottery's inputs: `sampling.csv` (each department's ratio per grade),
//! `exempt.csv` (firms left alone), `history.csv` (past inspections) and chayici.toml's
//! `[draw]` settings, read with the workspace's table readers, so Chinese headers, GBK and
//! workbooks work as for plans, and every bad value is reported at its cell.

mod officers;
mod settings;

pub use officers::{OFFICER_FIELDS, read_officers};

pub use settings::parse_draw_settings;

use super::assemble::read_tables;
use super::codes;
use super::credit_code::normalize;
use super::headers::{Field, field, map_headers};
use super::loaded::SourceFile;
use super::table::{Cell, Row, Table};
use super::validate::ids::{e0107_empty_required, e1416_department};
use super::validate::values::{e1404_date, e1409_minutes};
use crate::diag::Diagnostic;
use crate::draw::{DirectoryFirm, DrawSettings, Exemption, PastInspection, SamplingRule};
use crate::i18n::Key;
use crate::model::Loc;
use crate::msg;
use chrono::NaiveDate;
use std::collections::{HashMap, HashSet};
use std::path::Path;

/// Columns of `sampling.csv`. An empty `grade` means `*`, every grade; empty dates mean the
/// horizon's first or last day; an empty `source` means 双随机.
pub const SAMPLING_FIELDS: &[Field] = &[
    field("department", &["部门", "检查部门", "抽查部门"], true),
    field(
        "grade",
        &[
            "等级",
            "风险等级",
            "信用等级",
            "分级",
            "risk",
            "信用风险等级",
        ],
        false,
    ),
    field(
        "ratio",
        &["比例", "抽查比例", "抽取比例", "抽查比率", "rate"],
        true,
    ),
    field("item", &["检查事项", "事项", "抽查事项", "检查内容"], false),
    field("minutes", &["检查时长", "时长", "分钟", "duration"], true),
    field(
        "earliest",
        &["最早日期", "开始日期", "最早", "起始日期"],
        false,
    ),
    field(
        "latest",
        &["最晚日期", "截止日期", "结束日期", "最晚"],
        false,
    ),
    field("source", &["来源", "任务来源", "检查类型"], false),
];

/// Columns of `exempt.csv`. An empty `department` or `*` means every department.
pub const EXEMPT_FIELDS: &[Field] = &[
    field(
        "firm_id",
        &[
            "统一社会信用代码",
            "社会信用代码",
            "信用代码",
            "credit_code",
        ],
        true,
    ),
    field("department", &["部门", "检查部门"], false),
    field("reason", &["原因", "理由", "事由", "说明"], false),
];

/// Columns of `history.csv`.
pub const HISTORY_FIELDS: &[Field] = &[
    field("date", &["日期", "检查日期"], true),
    field("department", &["部门", "检查部门"], true),
    field(
        "firm_id",
        &[
            "统一社会信用代码",
            "社会信用代码",
            "信用代码",
            "credit_code",
        ],
        true,
    ),
];

/// The lottery's files in a workspace, when present.
#[derive(Debug, Clone, Default)]
pub struct DrawFiles {
    /// `sampling.csv` (or .xlsx …).
    pub sampling: Option<SourceFile>,
    /// `exempt.csv`.
    pub exempt: Option<SourceFile>,
    /// `history.csv`.
    pub history: Option<SourceFile>,
    /// `officers.csv`: read by `draw-officers`, not by the draw of firms.
    pub officers: Option<SourceFile>,
}

impl DrawFiles {
    /// True when the workspace holds none of them.
    pub fn is_empty(&self) -> bool {
        self.sampling.is_none()
            && self.exempt.is_none()
            && self.history.is_none()
            && self.officers.is_none()
    }

    /// The files the draw of firms reads, present, in the order above (not officers.csv).
    pub fn files(&self) -> impl Iterator<Item = &SourceFile> {
        [&self.sampling, &self.exempt, &self.history]
            .into_iter()
            .flatten()
    }
}

/// Extensions the lottery's tables may have, in the order one is preferred.
const EXTENSIONS: &[&str] = &["csv", "tsv", "txt", "xlsx", "xlsm", "xls"];

/// Reads the lottery's files from the workspace folder `dir` (the first extension found of
/// each).
pub fn collect_draw_files(dir: &Path) -> std::io::Result<DrawFiles> {
    let find = |stem: &str| -> std::io::Result<Option<SourceFile>> {
        for ext in EXTENSIONS {
            let path = format!("{stem}.{ext}");
            if dir.join(&path).is_file() {
                let bytes = std::fs::read(dir.join(&path))?;
                return Ok(Some(SourceFile { path, bytes }));
            }
        }
        Ok(None)
    };
    Ok(DrawFiles {
        sampling: find("sampling")?,
        exempt: find("exempt")?,
        history: find("history")?,
        officers: find("officers")?,
    })
}

/// The lottery's inputs, read.
#[derive(Debug, Clone, Default)]
pub struct DrawInputs {
    /// Rows of sampling.csv, in file order.
    pub rules: Vec<SamplingRule>,
    /// Rows of exempt.csv naming a firm of the register.
    pub exempt: Vec<Exemption>,
    /// Rows of history.csv naming a firm of the register.
    pub history: Vec<PastInspection>,
    /// The `[draw]` settings.
    pub settings: DrawSettings,
}

/// Reads the lottery's files. `firms` is the register when it is valid (for the checks that
/// need it: firms named that it lacks, grades no firm has); `horizon` gives the windows of
/// rows that leave their dates empty.
pub fn read_draw_inputs(
    files: &DrawFiles,
    config_text: &str,
    config_path: &str,
    firms: Option<&[DirectoryFirm]>,
    horizon: Option<(NaiveDate, NaiveDate)>,
) -> (DrawInputs, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let (settings, d) = parse_draw_settings(config_text, config_path);
    diags.extend(d);
    let known: Option<HashSet<&str>> = firms.map(|f| f.iter().map(|x| x.id.as_str()).collect());
    let mut out = DrawInputs {
        settings,
        ..DrawInputs::default()
    };
    if let Some(f) = &files.sampling {
        let tables = tables(f, &mut diags);
        out.rules = read_sampling(&tables, horizon, &mut diags);
        if let Some(firms) = firms {
            diags.extend(w2204_unused_grades(&tables, &out.rules, firms));
        }
    }
    if let Some(f) = &files.exempt {
        let tables = tables(f, &mut diags);
        out.exempt = read_exempt(&tables, known.as_ref(), &mut diags);
    }
    if let Some(f) = &files.history {
        let tables = tables(f, &mut diags);
        out.history = read_history(&tables, known.as_ref(), &mut diags);
    }
    (out, diags)
}

fn tables(file: &SourceFile, diags: &mut Vec<Diagnostic>) -> Vec<Table> {
    read_tables(file).unwrap_or_else(|d| {
        diags.push(d);
        Vec::new()
    })
}

/// Pushes `d`'s error, if any, and says whether there was one.
fn failed(d: Option<Diagnostic>, diags: &mut Vec<Diagnostic>) -> bool {
    d.map(|d| diags.push(d)).is_some()
}

fn required(row: &Row, col: Option<usize>, what: Key, diags: &mut Vec<Diagnostic>) -> bool {
    failed(
        e0107_empty_required(row.text(col), what, &row.loc_of(col)),
        diags,
    )
}

/// E2201: a ratio is a number from 0 to 1, or a percentage (`5%`).
pub fn e2201_ratio(cell: &Cell) -> Result<f64, Diagnostic> {
    let t = cell.text.trim();
    let (number, scale) = match t.strip_suffix(['%', '％']) {
        Some(n) => (n.trim(), 100.0),
        None => (t, 1.0),
    };
    match number.parse::<f64>() {
        Ok(x) if x.is_finite() && (0.0..=1.0).contains(&(x / scale)) => Ok(x / scale),
        _ => Err(Diagnostic::error(
            codes::BAD_RATIO,
            cell.loc.clone(),
            msg!(E2201Ratio, text = &t),
        )
        .with_help(Key::E2201Help)),
    }
}

fn read_sampling(
    tables: &[Table],
    horizon: Option<(NaiveDate, NaiveDate)>,
    diags: &mut Vec<Diagnostic>,
) -> Vec<SamplingRule> {
    let mut out = Vec::new();
    let mut first: HashMap<(String, String), Loc> = HashMap::new();
    for table in tables {
        let (cols, d) = map_headers(table, SAMPLING_FIELDS);
        diags.extend(d);
        let c = |name: &str| cols.get(name);
        if SAMPLING_FIELDS
            .iter()
            .any(|f| f.required && c(f.name).is_none())
        {
            continue;
        }
        for row in &table.rows {
            let before = diags.len();
            let department = row.text(c("department")).to_string();
            if !required(row, c("department"), Key::WordDepartment, diags) {
                failed(
                    e1416_department(&department, &row.loc_of(c("department"))),
                    diags,
                );
            }
            let ratio = match row.get(c("ratio")) {
                Some(cell) => e2201_ratio(cell).map_err(|d| diags.push(d)).ok(),
                None => {
                    required(row, c("ratio"), Key::WordRatio, diags);
                    None
                }
            };
            let minutes = e1409_minutes(row.get(c("minutes")), &row.loc_of(c("minutes")))
                .map_err(|d| diags.push(d))
                .ok();
            let date = |name: &str, what: Key, diags: &mut Vec<Diagnostic>| {
                row.get(c(name))
                    .map(|cell| e1404_date(cell, what).map_err(|d| diags.push(d)).ok())
            };
            let earliest = date("earliest", Key::WordEarliest, diags);
            let latest = date("latest", Key::WordLatest, diags);
            if diags[before..].iter().any(Diagnostic::is_error) {
                continue;
            }
            let (Some(ratio), Some(minutes)) = (ratio, minutes) else {
                continue;
            };
            let (Some(earliest), Some(latest)) = (
                earliest.flatten().or(horizon.map(|h| h.0)),
                latest.flatten().or(horizon.map(|h| h.1)),
            ) else {
                continue;
            };
            if earliest > latest {
                diags.push(
                    Diagnostic::error(
                        codes::WINDOW_REVERSED,
                        row.loc_of(c("earliest")),
                        msg!(DrawWindowReversed, earliest = &earliest, latest = &latest),
                    )
                    .with_help(Key::DrawWindowReversedHelp),
                );
                continue;
            }
            let grade = match row.text(c("grade")) {
                "" => "*".to_string(),
                g => g.to_string(),
            };
            let key = (department.clone(), grade.clone());
            if let Some(earlier) = first.get(&key) {
                diags.push(
                    Diagnostic::error(
                        codes::DUPLICATE_SAMPLING,
                        row.loc_of(c("grade")),
                        msg!(
                            E2202Again,
                            department = &department,
                            grade = &grade,
                            first = &earlier
                        ),
                    )
                    .with_help(Key::E2202Help),
                );
                continue;
            }
            first.insert(key, row.loc_of(c("grade")));
            let source = match row.text(c("source")) {
                "" => "双随机".to_string(),
                s => s.to_string(),
            };
            out.push(SamplingRule {
                department,
                grade,
                ratio,
                item: row.text(c("item")).to_string(),
                minutes,
                earliest,
                latest,
                source,
            });
        }
    }
    out
}

/// W2204: a grade of sampling.csv that no firm of the register has: its ratio draws nothing,
/// which is often a grade written differently (`A级` for `A`).
fn w2204_unused_grades(
    tables: &[Table],
    rules: &[SamplingRule],
    firms: &[DirectoryFirm],
) -> Vec<Diagnostic> {
    let grades: HashSet<&str> = firms.iter().map(|f| f.grade.as_str()).collect();
    let mut known: Vec<&str> = grades.iter().copied().filter(|g| !g.is_empty()).collect();
    known.sort_unstable();
    let mut out = Vec::new();
    for table in tables {
        let (cols, _) = map_headers(table, SAMPLING_FIELDS);
        for row in &table.rows {
            let grade = row.text(cols.get("grade"));
            if grade.is_empty() || grade == "*" || grades.contains(grade) {
                continue;
            }
            if !rules.iter().any(|r| r.grade == grade) {
                continue;
            }
            out.push(
                Diagnostic::warning(
                    codes::GRADE_WITHOUT_FIRMS,
                    row.loc_of(cols.get("grade")),
                    msg!(W2204NoFirm, grade = &grade),
                )
                .with_help(if known.is_empty() {
                    msg!(W2204NoGrades)
                } else {
                    msg!(W2204Grades, grades = known.join(", "))
                }),
            );
        }
    }
    out
}

/// W2203: a firm named by exempt.csv or history.csv that the register lacks; the row is left
/// out. A warning, since a firm may have closed since it was inspected.
fn w2203_unknown_firm(cell: &Cell, file: &str) -> Diagnostic {
    Diagnostic::warning(
        codes::DRAW_UNKNOWN_FIRM,
        cell.loc.clone(),
        msg!(W2203Unknown, firm = &cell.text, file = &file),
    )
    .with_help(Key::W2203Help)
}

fn read_exempt(
    tables: &[Table],
    known: Option<&HashSet<&str>>,
    diags: &mut Vec<Diagnostic>,
) -> Vec<Exemption> {
    let mut out = Vec::new();
    for table in tables {
        let (cols, d) = map_headers(table, EXEMPT_FIELDS);
        diags.extend(d);
        let c = |name: &str| cols.get(name);
        if c("firm_id").is_none() {
            continue;
        }
        for row in &table.rows {
            if required(row, c("firm_id"), Key::WordFirmId, diags) {
                continue;
            }
            let firm = row.get(c("firm_id")).expect("not empty");
            let code = normalize(&firm.text);
            if known.is_some_and(|k| !k.contains(code.as_str())) {
                diags.push(w2203_unknown_firm(firm, "exempt.csv"));
                continue;
            }
            let department = match row.text(c("department")) {
                "" | "*" => None,
                d => Some(d.to_string()),
            };
            out.push(Exemption {
                firm: code,
                department,
                reason: row.text(c("reason")).to_string(),
            });
        }
    }
    out
}

fn read_history(
    tables: &[Table],
    known: Option<&HashSet<&str>>,
    diags: &mut Vec<Diagnostic>,
) -> Vec<PastInspection> {
    let mut out = Vec::new();
    for table in tables {
        let (cols, d) = map_headers(table, HISTORY_FIELDS);
        diags.extend(d);
        let c = |name: &str| cols.get(name);
        if HISTORY_FIELDS.iter().any(|f| c(f.name).is_none()) {
            continue;
        }
        for row in &table.rows {
            let before = diags.len();
            for (name, what) in [
                ("date", Key::WordDate),
                ("department", Key::WordDepartment),
                ("firm_id", Key::WordFirmId),
            ] {
                required(row, c(name), what, diags);
            }
            let date = row.get(c("date")).and_then(|cell| {
                e1404_date(cell, Key::WordDate)
                    .map_err(|d| diags.push(d))
                    .ok()
            });
            if diags.len() > before {
                continue;
            }
            let firm = row.get(c("firm_id")).expect("not empty");
            let code = normalize(&firm.text);
            if known.is_some_and(|k| !k.contains(code.as_str())) {
                diags.push(w2203_unknown_firm(firm, "history.csv"));
                continue;
            }
            let Some(date) = date else { continue };
            out.push(PastInspection {
                date,
                department: row.text(c("department")).to_string(),
                firm: code,
            });
        }
    }
    out
}

/// The register as the lottery sees it: credit code, name and grade (`risk`).
pub fn directory_of(firms: &[crate::model::Firm]) -> Vec<DirectoryFirm> {
    firms
        .iter()
        .map(|f| DirectoryFirm {
            id: f.id.clone(),
            name: f.name.clone(),
            grade: f.risk.clone(),
        })
        .collect()
}

/// Adds the lottery files' diagnostics to a workspace `check` has read, when the workspace in
/// `dir` holds any of them, so a clerk fixes them before the draw, like any other file.
pub fn add_draw_diagnostics(dir: &Path, loaded: &mut super::Loaded) -> std::io::Result<()> {
    let files = collect_draw_files(dir)?;
    let config = std::fs::read(dir.join("chayici.toml")).unwrap_or_default();
    let has_draw_table = String::from_utf8_lossy(&config)
        .lines()
        .any(|l| l.trim().trim_start_matches('[').starts_with("draw"));
    if files.is_empty() && !has_draw_table {
        return Ok(());
    }
    let firms = loaded.instance.as_ref().map(|i| directory_of(&i.firms));
    let (_, diags) = read_draw_inputs(
        &files,
        &String::from_utf8_lossy(&config),
        "chayici.toml",
        firms.as_deref(),
        loaded.summary.horizon,
    );
    let mut diags = diags;
    if let Some(f) = &files.officers {
        let codes: Option<HashSet<String>> = firms
            .as_ref()
            .map(|f| f.iter().map(|x| x.id.to_uppercase()).collect());
        read_officers(f, codes.as_ref(), &mut diags);
    }
    for d in diags {
        if d.is_error() {
            loaded.summary.errors += 1;
        } else {
            loaded.summary.warnings += 1;
        }
        loaded.diagnostics.push(d);
    }
    Ok(())
}

#[cfg(test)]
mod tests;
