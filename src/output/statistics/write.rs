//! Writes the statistics tables as CSV (UTF-8 with a byte-order mark, as Excel needs to read
//! Chinese) and as one workbook with a sheet per table.

use super::tables::{Cell, StatTable};
use crate::output::escape_cell;
use crate::output::sheets::needs_formula_escape;
use chrono::{Datelike, NaiveDate};
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, FormatBorder, Workbook, XlsxError};
use std::io::Write;

/// Writes one table as CSV.
pub fn write_statistics_csv<W: Write>(mut w: W, table: &StatTable) -> csv::Result<()> {
    w.write_all("\u{feff}".as_bytes())?;
    let mut out = csv::Writer::from_writer(w);
    out.write_record(&table.headers)?;
    for row in &table.rows {
        out.write_record(row.iter().map(|c| escape_cell(&c.text()).into_owned()))?;
    }
    out.flush()?;
    Ok(())
}

/// Writes the tables as one workbook, a sheet each, dated `created` (the horizon's first
/// day, so the same plan gives the same bytes).
pub fn write_statistics_workbook<W: Write>(
    mut w: W,
    tables: &[StatTable],
    created: Option<NaiveDate>,
) -> Result<(), XlsxError> {
    let mut book = Workbook::new();
    if let Some(d) = created {
        let created = ExcelDateTime::from_ymd(d.year() as u16, d.month() as u8, d.day() as u8)?;
        book.set_properties(&DocProperties::new().set_creation_datetime(&created));
    }
    let head = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_background_color(0xDDE7F0)
        .set_border(FormatBorder::Thin);
    let cell = Format::new().set_border(FormatBorder::Thin);
    let quoted = cell.clone().set_quote_prefix();
    let dec = cell.clone().set_num_format("0.0");
    for table in tables {
        let sheet = book.add_worksheet();
        sheet.set_name(table.sheet)?;
        sheet.set_landscape();
        sheet.set_paper_size(9); // A4
        sheet.set_print_fit_to_pages(1, 0);
        sheet.set_freeze_panes(1, 0)?;
        for (c, h) in table.headers.iter().enumerate() {
            let width = if c == 0 || table.sheet == "部门" && c == 1 {
                24.0
            } else {
                13.0
            };
            sheet.set_column_width(c as u16, width)?;
            sheet.write_string_with_format(0, c as u16, *h, &head)?;
        }
        for (r, row) in table.rows.iter().enumerate() {
            let r = r as u32 + 1;
            for (c, v) in row.iter().enumerate() {
                let c = c as u16;
                match v {
                    Cell::Text(s) if needs_formula_escape(s) => {
                        sheet.write_string_with_format(r, c, s, &quoted)?
                    }
                    Cell::Text(s) => sheet.write_string_with_format(r, c, s, &cell)?,
                    Cell::Int(i) => sheet.write_number_with_format(r, c, *i as f64, &cell)?,
                    Cell::Dec(x) => sheet.write_number_with_format(r, c, *x, &dec)?,
                    Cell::Empty => sheet.write_blank(r, c, &cell)?,
                };
            }
        }
    }
    let bytes = book.save_to_buffer()?;
    w.write_all(&bytes)?;
    Ok(())
}
