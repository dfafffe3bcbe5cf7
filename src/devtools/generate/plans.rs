//! Provides the departments' plan files: tasks grouped by department, numbered, and given the
//! file format that department's clerk uses.

use super::firms::GenFirm;
use super::industry::dept;
use super::render::{GbkDates, PlanFormat};
use super::tasks::{campaign_weeks, draw};
use super::{PlanFile, TaskRow};
use chrono::NaiveDate;
use rand::Rng;

/// The format each department of the demo sends, so that one workspace holds every format
/// the office receives.
fn demo_format(code: &str) -> PlanFormat {
    match code {
        "xfjy" | "zhzf" => PlanFormat::CsvBomChinese,
        "yjgl" => PlanFormat::CsvGbkChinese(GbkDates::Slash),
        "sthj" => PlanFormat::CsvGbkChinese(GbkDates::Chinese),
        "wsjk" => PlanFormat::Json,
        "whsc" => PlanFormat::Xlsx { chinese: true },
        "nync" => PlanFormat::Xlsx { chinese: false },
        _ => PlanFormat::Csv,
    }
}

/// One plan per department in `depts` (empty plans included: a department may have nothing
/// to inspect this month and still send its file).
pub(super) fn generate(
    rng: &mut impl Rng,
    firms: &[GenFirm],
    depts: &[&'static str],
    start: NaiveDate,
    end: NaiveDate,
    mixed: bool,
) -> Vec<PlanFile> {
    let campaigns: Vec<Vec<NaiveDate>> = depts
        .iter()
        .map(|_| campaign_weeks(rng, start, end))
        .collect();
    let month = start.format("%Y-%m").to_string();
    let mut by_dept: Vec<Vec<TaskRow>> = vec![Vec::new(); depts.len()];
    for (fi, firm) in firms.iter().enumerate() {
        for t in draw(rng, fi, firm, depts, &campaigns, (start, end)) {
            let d = depts.iter().position(|x| *x == t.dept).unwrap_or(0);
            let (earliest, latest) = t.window.map_or((None, None), |(a, b)| (Some(a), Some(b)));
            by_dept[d].push(TaskRow {
                task_id: String::new(),
                department: t.dept.to_string(),
                firm_id: firms[t.firm].row.id.clone(),
                firm_name: firms[t.firm].row.name.clone(),
                item: t.item.to_string(),
                earliest,
                latest,
                minutes: t.minutes,
                priority: t.priority,
                source: t.source.to_string(),
            });
        }
    }
    depts
        .iter()
        .zip(by_dept)
        .map(|(&code, mut tasks)| {
            let format = if mixed {
                demo_format(code)
            } else {
                PlanFormat::Csv
            };
            // Some clerks leave a whole-month window empty, others spell it out.
            let spelled_out = format == PlanFormat::Json || rng.gen_bool(0.4);
            let width = tasks.len().to_string().len().max(4);
            let prefix = dept(code).prefix;
            for (i, t) in tasks.iter_mut().enumerate() {
                t.task_id = format!("{prefix}-{month}-{:0width$}", i + 1);
                if spelled_out && t.earliest.is_none() {
                    t.earliest = Some(start);
                    t.latest = Some(end);
                }
            }
            PlanFile {
                department: code.to_string(),
                file_name: format!("{code}.{}", format.extension()),
                format,
                tasks,
            }
        })
        .collect()
}
