//! Provides the files a draw writes into its workspace, built in memory so that a replay can
//! build them again and compare them byte for byte with what is on disk:
//!
//! - `plans/draw-<department>.csv`: the drawn tasks, one plan per department, in the columns
//!   `plan` reads;
//! - `公示名单.csv` and `公示名单.xlsx`: the publication list (department, firm, credit code,
//!   item, draw date);
//! - `draw.json`: the seed, the input files' SHA-256, every firm's random number, the
//!   selection and every exclusion.

pub mod officers;
mod publication;
mod record;

pub use record::{DRAW_JSON, DrawRecord, InputHash};

use crate::draw::{DirectoryFirm, Draw, DrawSettings, SamplingRule};
use crate::output::csv_files::escape_cell;
use chrono::NaiveDate;
use std::collections::BTreeMap;

/// Everything the files are made from.
pub struct DrawContext<'a> {
    /// The published seed.
    pub seed: &'a str,
    /// The day of the draw, printed on the publication list.
    pub date: NaiveDate,
    /// True for an independent draw (each department its own numbers).
    pub independent: bool,
    /// The directory.
    pub firms: &'a [DirectoryFirm],
    /// The ratios.
    pub rules: &'a [SamplingRule],
    /// The settings.
    pub settings: &'a DrawSettings,
    /// The input files and their hashes.
    pub inputs: Vec<InputHash>,
    /// Display names of departments by code (departments.csv); a code without one is shown
    /// as is.
    pub names: BTreeMap<String, String>,
    /// The result.
    pub draw: &'a Draw,
}

impl DrawContext<'_> {
    fn name_of<'s>(&'s self, code: &'s str) -> &'s str {
        self.names.get(code).map_or(code, String::as_str)
    }
}

/// The plan file of each department, relative to the workspace: `plans/draw-<code>.csv`, the
/// code's characters that do not belong in a file name replaced by `_`, and a number added
/// when two codes would give the same name.
pub fn plan_paths(draw: &Draw) -> Vec<String> {
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    draw.departments
        .iter()
        .map(|d| {
            let safe: String = d
                .department
                .chars()
                .map(|c| {
                    if c.is_alphanumeric() || c == '-' || c == '_' {
                        c
                    } else {
                        '_'
                    }
                })
                .collect();
            let n = seen.entry(safe.to_lowercase()).or_default();
            *n += 1;
            if *n == 1 {
                format!("plans/draw-{safe}.csv")
            } else {
                format!("plans/draw-{safe}-{n}.csv")
            }
        })
        .collect()
}

/// The task id of the `n`-th (from 1) firm a department drew, in credit-code order.
pub fn task_id(department: &str, n: usize) -> String {
    format!("DRAW-{department}-{n:04}")
}

/// One department's drawn tasks as a plan (UTF-8 CSV with the canonical headers).
fn plan_csv(ctx: &DrawContext, i: usize) -> Vec<u8> {
    let d = &ctx.draw.departments[i];
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(crate::ingest::plans::CANONICAL_COLUMNS)
        .expect("in memory");
    for (n, x) in d.drawn.iter().enumerate() {
        let rule = &ctx.rules[x.rule];
        let firm = &ctx.firms[x.firm];
        let row = [
            task_id(&d.department, n + 1),
            d.department.clone(),
            firm.id.clone(),
            firm.name.clone(),
            rule.item.clone(),
            rule.earliest.to_string(),
            rule.latest.to_string(),
            rule.minutes.to_string(),
            "mandatory".to_string(),
            rule.source.clone(),
        ];
        w.write_record(row.iter().map(|c| escape_cell(c).into_owned()))
            .expect("in memory");
    }
    w.into_inner().expect("in memory")
}

/// Every file of the draw, path relative to the workspace and bytes, `draw.json` last.
pub fn draw_files(ctx: &DrawContext) -> anyhow::Result<Vec<(String, Vec<u8>)>> {
    let mut files: Vec<(String, Vec<u8>)> = plan_paths(ctx.draw)
        .into_iter()
        .enumerate()
        .map(|(i, path)| (path, plan_csv(ctx, i)))
        .collect();
    let rows = publication::rows(ctx);
    files.push((publication::CSV.to_string(), publication::csv_bytes(&rows)));
    files.push((
        publication::XLSX.to_string(),
        publication::xlsx_bytes(&rows, ctx.date)?,
    ));
    let written: Vec<String> = files.iter().map(|(p, _)| p.clone()).collect();
    let record = record::build(ctx, written);
    let mut json = serde_json::to_vec_pretty(&record)?;
    json.push(b'\n');
    files.push((DRAW_JSON.to_string(), json));
    Ok(files)
}
