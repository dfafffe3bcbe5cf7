//! Provides the plan template: a workbook a department's clerk fills in, so that what comes
//! back is read without a diagnostic. Headers are the Chinese names the reader knows, every
//! closed choice is a drop-down list, dates are date cells limited to the horizon, and the
//! month names the data sheet.
//!
//! The sheets are, in order: the plan (named after the month), the instructions (`填表说明`)
//! and the hidden lists the drop-downs draw on (`选项`). The reader passes over sheets after
//! the one it reads without a word, and neither of the others has a header of known columns.

use crate::model::Instance;
use chrono::{Datelike, NaiveDate};
use rust_xlsxwriter::{
    DataValidation, DataValidationErrorStyle, DataValidationRule, DocProperties, ExcelDateTime,
    Format, FormatBorder, Formula, Workbook, XlsxError,
};

/// The plan's columns: header as the reader knows it, width in characters.
pub const COLUMNS: [(&str, f64); 9] = [
    ("任务编号", 12.0),
    ("统一社会信用代码", 22.0),
    ("企业名称", 28.0),
    ("检查事项", 20.0),
    ("最早日期", 12.0),
    ("最晚日期", 12.0),
    ("检查时长（分钟）", 16.0),
    ("优先级", 8.0),
    ("来源", 8.0),
];

/// Rows of the plan sheet the drop-downs and formats reach, below the header.
pub const TEMPLATE_ROWS: u32 = 1000;

/// The sources a task may come from, as the README lists them.
pub const SOURCES: [&str; 4] = ["双随机", "重点", "专项", "投诉"];

/// The name of the plan sheet: the horizon's month, `2026年12月`, or both months when the
/// horizon spans more than one.
pub fn sheet_name(start: NaiveDate, end: NaiveDate) -> String {
    let month = |d: NaiveDate| format!("{}年{}月", d.year(), d.month());
    if (start.year(), start.month()) == (end.year(), end.month()) {
        month(start)
    } else {
        format!("{}-{}", month(start), month(end))
    }
}

/// The template for department `dept` (an index into `inst.departments`) as `.xlsx` bytes:
/// the firms of the register and the department's items so far as drop-down lists.
pub fn plan_template(inst: &Instance, dept: usize) -> Result<Vec<u8>, XlsxError> {
    let (Some(&start), Some(&end)) = (inst.calendar.dates.first(), inst.calendar.dates.last())
    else {
        return Err(XlsxError::ParameterError("the horizon has no day".into()));
    };
    let date =
        |d: NaiveDate| ExcelDateTime::from_ymd(d.year() as u16, d.month() as u8, d.day() as u8);
    let mut book = Workbook::new();
    // A fixed creation date keeps two runs on one workspace byte-identical.
    book.set_properties(&DocProperties::new().set_creation_datetime(&date(start)?));
    let department = &inst.departments[dept];
    let mut items: Vec<&str> = inst
        .tasks
        .iter()
        .filter(|t| t.department == dept && !t.item.is_empty())
        .map(|t| t.item.as_str())
        .collect();
    items.sort_unstable();
    items.dedup();

    let header = Format::new()
        .set_bold()
        .set_background_color("#DDEBF7")
        .set_border(FormatBorder::Thin);
    let text = Format::new().set_num_format("@");
    let day = Format::new().set_num_format("yyyy-mm-dd");
    let name = sheet_name(start, end);
    let rows = TEMPLATE_ROWS;

    let plan = book.add_worksheet();
    plan.set_name(&name)?;
    for (c, (h, w)) in COLUMNS.iter().enumerate() {
        let c = c as u16;
        plan.write_string_with_format(0, c, *h, &header)?;
        plan.set_column_width(c, *w)?;
        let format = if matches!(c, 4 | 5) { &day } else { &text };
        if c != 6 {
            plan.set_column_format(c, format)?;
        }
    }
    plan.set_freeze_panes(1, 0)?;
    let list =
        |col: char, n: usize| Formula::new(format!("='选项'!${col}$2:${col}${}", n.max(1) + 1));
    let strict =
        |v: DataValidation, title: &str, message: &str| -> Result<DataValidation, XlsxError> {
            v.set_input_title(title)?
                .set_input_message(message)?
                .set_error_style(DataValidationErrorStyle::Stop)
                .set_error_message(message)
        };
    let firms = inst.firms.len();
    plan.add_data_validation(
        1,
        1,
        rows,
        1,
        &strict(
            DataValidation::new().allow_list_formula(list('A', firms)),
            "统一社会信用代码",
            "从下拉列表选择企业名录中的18位代码",
        )?,
    )?;
    plan.add_data_validation(
        1,
        2,
        rows,
        2,
        &strict(
            DataValidation::new().allow_list_formula(list('B', firms)),
            "企业名称",
            "从下拉列表选择，须与信用代码对应",
        )?,
    )?;
    if !items.is_empty() {
        // Items are a suggestion: a new item is allowed, with a warning.
        let v = DataValidation::new()
            .allow_list_formula(list('C', items.len()))
            .set_input_title("检查事项")?
            .set_input_message("可从下拉列表选择，也可填写新的事项")?
            .set_error_style(DataValidationErrorStyle::Information);
        plan.add_data_validation(1, 3, rows, 3, &v)?;
    }
    let month = format!("{start} 至 {end}");
    for c in [4, 5] {
        let v = DataValidation::new()
            .allow_date(DataValidationRule::Between(date(start)?, date(end)?))
            .set_input_title(COLUMNS[c as usize].0)?
            .set_input_message(format!("填写本月日期（{month}），可留空"))?
            .set_error_message(format!("日期须在 {month} 之内"))?;
        plan.add_data_validation(1, c, rows, c, &v)?;
    }
    let minutes = DataValidation::new()
        .allow_whole_number(DataValidationRule::Between(1, 600))
        .set_input_title("检查时长（分钟）")?
        .set_input_message("1 至 600 的整数")?
        .set_error_message("检查时长须为 1 至 600 的整数（分钟）")?;
    plan.add_data_validation(1, 6, rows, 6, &minutes)?;
    let priorities = ["必查", "一般", "可选"];
    plan.add_data_validation(
        1,
        7,
        rows,
        7,
        &strict(
            DataValidation::new().allow_list_strings(&priorities)?,
            "优先级",
            "必查、一般或可选",
        )?,
    )?;
    plan.add_data_validation(
        1,
        8,
        rows,
        8,
        &strict(
            DataValidation::new().allow_list_strings(&SOURCES)?,
            "来源",
            "双随机、重点、专项或投诉",
        )?,
    )?;
    plan.set_active(true);

    let notes = book.add_worksheet();
    notes.set_name("填表说明")?;
    notes.set_column_width(0, 90.0)?;
    let lines = instructions(&department.code, &department.name, &month);
    for (r, line) in lines.iter().enumerate() {
        notes.write_string(r as u32, 0, line)?;
    }

    let lists = book.add_worksheet();
    lists.set_name("选项")?;
    lists.set_hidden(true);
    for (c, h) in ["代码列表", "名称列表", "事项列表"].iter().enumerate() {
        lists.write_string(0, c as u16, *h)?;
    }
    for (r, f) in inst.firms.iter().enumerate() {
        lists.write_string(r as u32 + 1, 0, &f.id)?;
        lists.write_string(r as u32 + 1, 1, &f.name)?;
    }
    for (r, item) in items.iter().enumerate() {
        lists.write_string(r as u32 + 1, 2, *item)?;
    }
    book.save_to_buffer()
}

/// The instruction sheet's lines, one per row: what the file is, then one line per column.
fn instructions(code: &str, name: &str, month: &str) -> Vec<String> {
    let mut lines = vec![
        format!("{name}（{code}）{month} 检查计划 填表说明"),
        format!("1. 在第一个工作表填写，每行一项检查任务；表头不要改动，不要在表头上方加标题。"),
        format!("2. 填好后保存为 .xlsx，文件名为 {code}.xlsx，放入工作区的 plans 文件夹。"),
        "3. 各列：".to_string(),
    ];
    let help = [
        "必填，本部门内不重复，如 SC-001",
        "必填，从下拉列表选择企业名录（firms.csv）中的企业",
        "选填，与信用代码对应，用于核对",
        "选填，可从下拉列表选择",
        "选填，留空表示本月任何一天",
        "选填，留空表示本月任何一天",
        "必填，现场检查所需分钟数",
        "选填，必查/一般/可选，留空为一般",
        "选填，双随机/重点/专项/投诉",
    ];
    for ((h, _), help) in COLUMNS.iter().zip(help) {
        lines.push(format!("   {h}：{help}"));
    }
    lines
}
