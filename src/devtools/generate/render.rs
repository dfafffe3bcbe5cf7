//! Provides the bytes of every generated file, in memory, so that writing is the only step
//! that touches the disk and the same workspace always renders to the same bytes.

use super::plan_columns::{EN_TASK, ZH_TASK, chinese_priority, iso};
use super::sheets::{json, xlsx};
use super::{Generated, PlanFile, TaskRow, Workspace, readme};
use crate::model::Priority;
use chrono::{Datelike, NaiveDate};

/// How a plan file is written: the formats department clerks actually send.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlanFormat {
    /// UTF-8 CSV, canonical English headers, ISO dates, `mandatory/normal/low`.
    Csv,
    /// UTF-8 CSV with a byte-order mark (what Excel writes), Chinese headers, ISO dates,
    /// 必查/一般/可选, CRLF line ends.
    CsvBomChinese,
    /// GBK CSV (what Excel writes on a Chinese Windows), Chinese headers, CRLF line ends.
    CsvGbkChinese(GbkDates),
    /// One-sheet XLSX with a header row and real Excel dates formatted `yyyy-mm-dd`.
    Xlsx {
        /// Chinese rather than English headers (and priorities).
        chinese: bool,
    },
    /// `{"department": code, "tasks": [...]}` with English keys and ISO dates.
    Json,
}

/// How dates are typed in a GBK file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GbkDates {
    /// `2026/12/5`.
    Slash,
    /// `2026年12月5日`.
    Chinese,
}

impl PlanFormat {
    /// The file extension.
    pub fn extension(self) -> &'static str {
        match self {
            Self::Xlsx { .. } => "xlsx",
            Self::Json => "json",
            _ => "csv",
        }
    }

    /// A short description for READMEs and summaries.
    pub fn describe(self) -> &'static str {
        match self {
            Self::Csv => "CSV, UTF-8, English headers, ISO dates",
            Self::CsvBomChinese => "CSV, UTF-8 with BOM, Chinese headers, CRLF",
            Self::CsvGbkChinese(GbkDates::Slash) => {
                "CSV, GBK, Chinese headers, dates like 2026/12/5, CRLF"
            }
            Self::CsvGbkChinese(GbkDates::Chinese) => {
                "CSV, GBK, Chinese headers, dates like 2026年12月5日, CRLF"
            }
            Self::Xlsx { chinese: true } => "XLSX, one sheet, Chinese headers, Excel dates",
            Self::Xlsx { chinese: false } => "XLSX, one sheet, English headers, Excel dates",
            Self::Json => "JSON, English keys, ISO dates",
        }
    }
}

/// A file to write: its path relative to the output folder, and its bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RenderedFile {
    /// Relative path with `/` separators, e.g. `plans/scjg.csv`.
    pub path: String,
    /// Exact contents.
    pub bytes: Vec<u8>,
}

/// Why a file could not be rendered.
#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    /// A CSV or JSON serialisation failed.
    #[error("{path}: {message}")]
    Serialize {
        /// The file.
        path: String,
        /// What went wrong.
        message: String,
    },
    /// A character has no GBK encoding.
    #[error("{0}: text cannot be encoded in GBK")]
    NotGbk(String),
}

/// Every file of every workspace, in a fixed order; top-level README for multi-county output.
pub fn render(generated: &Generated) -> Result<Vec<RenderedFile>, RenderError> {
    let mut out = Vec::new();
    if generated.workspaces.len() > 1 {
        out.push(RenderedFile {
            path: "README.md".into(),
            bytes: readme::top(generated).into_bytes(),
        });
    }
    for ws in &generated.workspaces {
        out.extend(render_workspace(ws, generated)?);
    }
    Ok(out)
}

/// The files of one workspace, paths prefixed with its folder.
pub fn render_workspace(
    ws: &Workspace,
    generated: &Generated,
) -> Result<Vec<RenderedFile>, RenderError> {
    let at = |name: &str| {
        if ws.dir.is_empty() {
            name.to_string()
        } else {
            format!("{}/{name}", ws.dir)
        }
    };
    let mut files = vec![
        RenderedFile {
            path: at("README.md"),
            bytes: readme::workspace(ws, generated).into_bytes(),
        },
        RenderedFile {
            path: at("chayici.toml"),
            bytes: toml_text(ws).into_bytes(),
        },
    ];
    let departments = ws
        .departments
        .iter()
        .map(|d| vec![d.code.clone(), d.name.clone()]);
    files.push(csv_file(
        at("departments.csv"),
        &["department", "name"],
        departments,
    )?);
    let firms = ws.firms.iter().map(|f| {
        vec![
            f.id.clone(),
            f.name.clone(),
            f.address.clone(),
            f.township.clone(),
            format!("{:.6}", f.lon),
            format!("{:.6}", f.lat),
            f.industry.clone(),
            f.risk.to_string(),
            f.hours.clone(),
            f.closed.clone(),
        ]
    });
    let firm_header = [
        "firm_id", "name", "address", "township", "lon", "lat", "industry", "risk", "hours",
        "closed",
    ];
    files.push(csv_file(at("firms.csv"), &firm_header, firms)?);
    let teams = ws.teams.iter().map(|t| {
        vec![
            t.id.clone(),
            t.name.clone(),
            t.departments.join(";"),
            format!("{:.6}", t.base_lon),
            format!("{:.6}", t.base_lat),
            t.shift.clone(),
            t.days.clone(),
        ]
    });
    let team_header = [
        "team_id",
        "name",
        "departments",
        "base_lon",
        "base_lat",
        "shift",
        "days",
    ];
    files.push(csv_file(at("teams.csv"), &team_header, teams)?);
    for plan in &ws.plans {
        files.push(plan_file(at(&format!("plans/{}", plan.file_name)), plan)?);
    }
    Ok(files)
}

fn toml_text(ws: &Workspace) -> String {
    let quoted = |s: &str| toml::Value::String(s.to_string()).to_string();
    format!(
        "# Synthetic workspace written by `chayici gen`; see README.md.\n\
         name = {}\n\n\
         [horizon]\nstart = \"{}\"\nend = \"{}\"\ncrs = \"WGS84\"\n\
         extra_holidays = []\nextra_workdays = []\n\n\
         [defaults]\nshift = \"08:30-17:30\"\nvisit_setup_minutes = 10\n\
         road_factor = 1.3\nspeed_kmh = 40\n",
        quoted(&ws.name),
        ws.start,
        ws.end
    )
}

fn csv_file(
    path: String,
    header: &[&str],
    rows: impl Iterator<Item = Vec<String>>,
) -> Result<RenderedFile, RenderError> {
    let bytes = csv_bytes(header, rows, csv::Terminator::Any(b'\n')).map_err(|message| {
        RenderError::Serialize {
            path: path.clone(),
            message,
        }
    })?;
    Ok(RenderedFile { path, bytes })
}

fn csv_bytes(
    header: &[&str],
    rows: impl Iterator<Item = Vec<String>>,
    terminator: csv::Terminator,
) -> Result<Vec<u8>, String> {
    let mut w = csv::WriterBuilder::new()
        .terminator(terminator)
        .from_writer(Vec::new());
    w.write_record(header).map_err(|e| e.to_string())?;
    for row in rows {
        w.write_record(&row).map_err(|e| e.to_string())?;
    }
    w.into_inner().map_err(|e| e.to_string())
}

fn plan_file(path: String, plan: &PlanFile) -> Result<RenderedFile, RenderError> {
    let fail = |message: String| RenderError::Serialize {
        path: path.clone(),
        message,
    };
    let crlf = csv::Terminator::CRLF;
    let bytes = match plan.format {
        PlanFormat::Csv => {
            let rows = plan.tasks.iter().map(|t| row(t, iso, Priority::as_str));
            csv_bytes(&EN_TASK, rows, csv::Terminator::Any(b'\n')).map_err(fail)?
        }
        PlanFormat::CsvBomChinese => {
            let rows = plan.tasks.iter().map(|t| row(t, iso, chinese_priority));
            let mut bytes = "\u{feff}".as_bytes().to_vec();
            bytes.extend(csv_bytes(&ZH_TASK, rows, crlf).map_err(fail)?);
            bytes
        }
        PlanFormat::CsvGbkChinese(style) => {
            let date = match style {
                GbkDates::Slash => slash_date,
                GbkDates::Chinese => chinese_date,
            };
            let rows = plan.tasks.iter().map(|t| row(t, date, chinese_priority));
            let utf8 = csv_bytes(&ZH_TASK, rows, crlf).map_err(fail)?;
            let text = String::from_utf8(utf8).map_err(|e| fail(e.to_string()))?;
            let (gbk, _, unmappable) = encoding_rs::GBK.encode(&text);
            if unmappable {
                return Err(RenderError::NotGbk(path));
            }
            gbk.into_owned()
        }
        PlanFormat::Xlsx { chinese } => xlsx(plan, chinese).map_err(|e| fail(e.to_string()))?,
        PlanFormat::Json => json(plan).map_err(|e| fail(e.to_string()))?,
    };
    Ok(RenderedFile { path, bytes })
}

fn row(
    t: &TaskRow,
    date: fn(NaiveDate) -> String,
    prio: fn(&Priority) -> &'static str,
) -> Vec<String> {
    vec![
        t.task_id.clone(),
        t.department.clone(),
        t.firm_id.clone(),
        t.firm_name.clone(),
        t.item.clone(),
        t.earliest.map(date).unwrap_or_default(),
        t.latest.map(date).unwrap_or_default(),
        t.minutes.to_string(),
        prio(&t.priority).to_string(),
        t.source.clone(),
    ]
}

fn slash_date(d: NaiveDate) -> String {
    format!("{}/{}/{}", d.year(), d.month(), d.day())
}

fn chinese_date(d: NaiveDate) -> String {
    format!("{}年{}月{}日", d.year(), d.month(), d.day())
}
