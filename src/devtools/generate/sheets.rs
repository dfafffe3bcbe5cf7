//! Provides the structured plan formats, XLSX and JSON, as clerks export them.

use super::PlanFile;
use super::plan_columns::{EN_TASK, ZH_TASK, chinese_priority, iso};
use chrono::Datelike;
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};

pub(super) fn xlsx(plan: &PlanFile, chinese: bool) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    let mut book = Workbook::new();
    // A fixed creation time keeps the bytes reproducible (the default is "now").
    let created = ExcelDateTime::from_ymd(2026, 11, 25)?;
    book.set_properties(&rust_xlsxwriter::DocProperties::new().set_creation_datetime(&created));
    let sheet = book.add_worksheet();
    sheet.set_name(if chinese { "12月检查计划" } else { "plan" })?;
    let bold = Format::new().set_bold();
    let date_fmt = Format::new().set_num_format("yyyy-mm-dd");
    let header = if chinese { ZH_TASK } else { EN_TASK };
    for (c, h) in header.iter().enumerate() {
        sheet.write_string_with_format(0, c as u16, *h, &bold)?;
    }
    for (i, t) in plan.tasks.iter().enumerate() {
        let r = i as u32 + 1;
        sheet.write_string(r, 0, &t.task_id)?;
        sheet.write_string(r, 1, &t.department)?;
        sheet.write_string(r, 2, &t.firm_id)?;
        sheet.write_string(r, 3, &t.firm_name)?;
        sheet.write_string(r, 4, &t.item)?;
        for (c, d) in [(5u16, t.earliest), (6, t.latest)] {
            if let Some(d) = d {
                let x = ExcelDateTime::from_ymd(d.year() as u16, d.month() as u8, d.day() as u8)?;
                sheet.write_datetime_with_format(r, c, &x, &date_fmt)?;
            }
        }
        sheet.write_number(r, 7, f64::from(t.minutes))?;
        let p = if chinese {
            chinese_priority(&t.priority)
        } else {
            t.priority.as_str()
        };
        sheet.write_string(r, 8, p)?;
        sheet.write_string(r, 9, &t.source)?;
    }
    sheet.set_column_width(3, 36)?;
    sheet.set_column_width(4, 20)?;
    book.save_to_buffer()
}

/// A task as the JSON plan spells it, in the column order of the CSV files.
#[derive(serde::Serialize)]
struct JsonTask<'a> {
    task_id: &'a str,
    firm_id: &'a str,
    firm_name: &'a str,
    item: &'a str,
    earliest: Option<String>,
    latest: Option<String>,
    minutes: u32,
    priority: &'static str,
    source: &'a str,
}

#[derive(serde::Serialize)]
struct JsonPlan<'a> {
    department: &'a str,
    tasks: Vec<JsonTask<'a>>,
}

pub(super) fn json(plan: &PlanFile) -> serde_json::Result<Vec<u8>> {
    let tasks = plan
        .tasks
        .iter()
        .map(|t| JsonTask {
            task_id: &t.task_id,
            firm_id: &t.firm_id,
            firm_name: &t.firm_name,
            item: &t.item,
            earliest: t.earliest.map(iso),
            latest: t.latest.map(iso),
            minutes: t.minutes,
            priority: t.priority.as_str(),
            source: &t.source,
        })
        .collect();
    let doc = JsonPlan {
        department: &plan.department,
        tasks,
    };
    let mut bytes = serde_json::to_vec_pretty(&doc)?;
    bytes.push(b'\n');
    Ok(bytes)
}
