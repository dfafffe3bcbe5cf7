//! Provides `draw.json`, the draw's public record: enough for anyone to recompute every
//! firm's number and every selection from the seed and the input files, and to see that the
//! files are the ones drawn from.

use super::{DrawContext, task_id};
use crate::draw::Reason;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The record's file name, in the workspace.
pub const DRAW_JSON: &str = "draw.json";

/// What the numbers are, in words, for whoever checks them without chayici.
const METHOD: &str = "u = (k + 0.5) / 2^53, k = top 53 bits of the first 8 bytes (big-endian) \
of SHA-256(UTF-8 \"seed|credit_code\") (independent draws: \"seed|department|credit_code\"); \
Poisson sampling takes a firm when u < ratio; fixed size takes per grade the round(ratio x \
eligible) eligible firms with the smallest u";

/// An input file and its SHA-256 (lower-case hex).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InputHash {
    /// Relative to the workspace.
    pub path: String,
    /// SHA-256 of its bytes.
    pub sha256: String,
}

/// The `[draw]` settings used.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SettingsRecord {
    /// `max_per_year`, or null.
    pub max_per_year: Option<u32>,
    /// `repeat_days`.
    pub repeat_days: u32,
    /// `exclude` or `flag`.
    pub repeat: String,
    /// Departments drawing a fixed size (`*`: all).
    pub fixed_size: Vec<String>,
}

/// One department's counts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DepartmentRecord {
    /// Code.
    pub department: String,
    /// Firms of its grades in the register.
    pub frame: usize,
    /// Left out before the draw.
    pub excluded: usize,
    /// Could be drawn.
    pub eligible: usize,
    /// Drawn.
    pub drawn: usize,
}

/// A firm's number (per department in an independent draw).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NumberRecord {
    /// Credit code.
    pub firm_id: String,
    /// The department whose number it is, in an independent draw.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub department: Option<String>,
    /// The number.
    pub u: f64,
}

/// A firm drawn.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SelectionRecord {
    /// Department code.
    pub department: String,
    /// The task id in its plan file.
    pub task_id: String,
    /// Credit code.
    pub firm_id: String,
    /// Name.
    pub firm_name: String,
    /// Grade as written in firms.csv.
    pub grade: String,
    /// The ratio it was drawn at.
    pub ratio: f64,
    /// Its number.
    pub u: f64,
    /// When repeats are flagged: the department's recent inspection of it.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub repeat_of: Option<NaiveDate>,
}

/// A firm left out of a department's draw.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExclusionRecord {
    /// Department code.
    pub department: String,
    /// Credit code.
    pub firm_id: String,
    /// `exempt`, `cap` or `repeat`.
    pub reason: String,
    /// The exemption's reason, the inspections this year, or the date of the recent one.
    pub detail: String,
    /// Its number.
    pub u: f64,
}

/// The whole record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DrawRecord {
    /// `chayici-draw/1`.
    pub format: String,
    /// The published seed.
    pub seed: String,
    /// The day of the draw.
    pub draw_date: NaiveDate,
    /// `coordinated` or `independent`.
    pub mode: String,
    /// How the numbers and the selection are computed.
    pub method: String,
    /// `[draw]`.
    pub settings: SettingsRecord,
    /// The files drawn from.
    pub inputs: Vec<InputHash>,
    /// Per department.
    pub departments: Vec<DepartmentRecord>,
    /// Firms drawn by at least two departments.
    pub overlap: usize,
    /// Firms drawn by any department.
    pub firms_drawn: usize,
    /// Every firm's number.
    pub numbers: Vec<NumberRecord>,
    /// Every firm drawn.
    pub selection: Vec<SelectionRecord>,
    /// Every firm left out.
    pub exclusions: Vec<ExclusionRecord>,
    /// The other files the draw wrote.
    pub files: Vec<String>,
}

fn numbers(ctx: &DrawContext) -> Vec<NumberRecord> {
    let mut order: Vec<usize> = (0..ctx.firms.len()).collect();
    order.sort_by(|&a, &b| ctx.firms[a].id.cmp(&ctx.firms[b].id));
    let departments: Vec<Option<&str>> = if ctx.independent {
        ctx.draw
            .departments
            .iter()
            .map(|d| Some(d.department.as_str()))
            .collect()
    } else {
        vec![None]
    };
    let mut out = Vec::new();
    for d in departments {
        for &f in &order {
            let id = &ctx.firms[f].id;
            out.push(NumberRecord {
                firm_id: id.clone(),
                department: d.map(str::to_string),
                u: crate::draw::numbers::number_for(ctx.seed, d, id),
            });
        }
    }
    out
}

/// Builds the record; `files` are the paths of the other files written.
pub fn build(ctx: &DrawContext, files: Vec<String>) -> DrawRecord {
    let draw = ctx.draw;
    let mut selection = Vec::new();
    let mut exclusions = Vec::new();
    for d in &draw.departments {
        for (n, x) in d.drawn.iter().enumerate() {
            let firm = &ctx.firms[x.firm];
            selection.push(SelectionRecord {
                department: d.department.clone(),
                task_id: task_id(&d.department, n + 1),
                firm_id: firm.id.clone(),
                firm_name: firm.name.clone(),
                grade: firm.grade.clone(),
                ratio: ctx.rules[x.rule].ratio,
                u: x.u,
                repeat_of: x.repeat_of,
            });
        }
        for e in &d.excluded {
            let detail = match &e.reason {
                Reason::Exempt(r) => r.clone(),
                Reason::Cap(n) => n.to_string(),
                Reason::Repeat(date) => date.to_string(),
            };
            exclusions.push(ExclusionRecord {
                department: d.department.clone(),
                firm_id: ctx.firms[e.firm].id.clone(),
                reason: e.reason.kind().to_string(),
                detail,
                u: e.u,
            });
        }
    }
    DrawRecord {
        format: "chayici-draw/1".into(),
        seed: ctx.seed.to_string(),
        draw_date: ctx.date,
        mode: if ctx.independent {
            "independent"
        } else {
            "coordinated"
        }
        .into(),
        method: METHOD.into(),
        settings: SettingsRecord {
            max_per_year: ctx.settings.max_per_year,
            repeat_days: ctx.settings.repeat_days,
            repeat: match ctx.settings.repeat {
                crate::draw::RepeatRule::Exclude => "exclude",
                crate::draw::RepeatRule::Flag => "flag",
            }
            .into(),
            fixed_size: ctx.settings.fixed_size.iter().cloned().collect(),
        },
        inputs: ctx.inputs.clone(),
        departments: draw
            .departments
            .iter()
            .map(|d| DepartmentRecord {
                department: d.department.clone(),
                frame: d.frame,
                excluded: d.excluded.len(),
                eligible: d.eligible,
                drawn: d.drawn.len(),
            })
            .collect(),
        overlap: draw.overlap(),
        firms_drawn: draw.firms_drawn(),
        numbers: numbers(ctx),
        selection,
        exclusions,
        files,
    }
}
