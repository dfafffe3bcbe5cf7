//! Provides the publication list (公示名单): what a department publishes after its draw.

use super::DrawContext;
use crate::output::csv_files::escape_cell;
use chrono::{Datelike, NaiveDate};
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, FormatBorder, Workbook, XlsxError};

/// The list as CSV.
pub const CSV: &str = "公示名单.csv";
/// The list as a workbook.
pub const XLSX: &str = "公示名单.xlsx";

const HEADER: [&str; 6] = [
    "部门",
    "企业名称",
    "统一社会信用代码",
    "检查事项",
    "抽查日期",
    "备注",
];

/// The rows: per department in code order, its firms in credit-code order. The note says when
/// a firm drawn was inspected by the department recently (`repeat = "flag"`).
pub fn rows(ctx: &DrawContext) -> Vec<[String; 6]> {
    let mut out = Vec::new();
    for d in &ctx.draw.departments {
        for x in &d.drawn {
            let firm = &ctx.firms[x.firm];
            out.push([
                ctx.name_of(&d.department).to_string(),
                firm.name.clone(),
                firm.id.clone(),
                ctx.rules[x.rule].item.clone(),
                ctx.date.to_string(),
                x.repeat_of
                    .map(|date| format!("{date} 已检查（{} 日内）", ctx.settings.repeat_days))
                    .unwrap_or_default(),
            ]);
        }
    }
    out
}

/// UTF-8 with a byte-order mark, so Excel opens the Chinese text right.
pub fn csv_bytes(rows: &[[String; 6]]) -> Vec<u8> {
    let mut w = csv::Writer::from_writer(b"\xEF\xBB\xBF".to_vec());
    w.write_record(HEADER).expect("in memory");
    for r in rows {
        w.write_record(r.iter().map(|c| escape_cell(c).into_owned()))
            .expect("in memory");
    }
    w.into_inner().expect("in memory")
}

/// One sheet, dated the draw's day, so the same draw gives the same bytes.
pub fn xlsx_bytes(rows: &[[String; 6]], date: NaiveDate) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let created =
        ExcelDateTime::from_ymd(date.year() as u16, date.month() as u8, date.day() as u8)?;
    book.set_properties(&DocProperties::new().set_creation_datetime(&created));
    let head = Format::new()
        .set_bold()
        .set_background_color(0xDDE7F0)
        .set_border(FormatBorder::Thin);
    let cell = Format::new().set_border(FormatBorder::Thin);
    let sheet = book.add_worksheet();
    sheet.set_name("公示名单")?;
    for (c, (h, width)) in HEADER
        .iter()
        .zip([16.0, 30.0, 22.0, 24.0, 12.0, 24.0])
        .enumerate()
    {
        sheet.set_column_width(c as u16, width)?;
        sheet.write_string_with_format(0, c as u16, *h, &head)?;
    }
    for (r, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            // Written as text, never as a formula, whatever it starts with.
            sheet.write_string_with_format(r as u32 + 1, c as u16, v, &cell)?;
        }
    }
    book.save_to_buffer()
}
