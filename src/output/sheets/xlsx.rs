//! Provides the route workbook: one sheet per team, ready to print.

use super::{Lang, headers, needs_formula_escape, sheet_names, team_rows};
use crate::model::{Instance, Plan};
use chrono::Datelike;
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, FormatBorder, Workbook, XlsxError};
use std::io::Write;

/// Column widths in Excel character units, tuned for Chinese text on an A4 landscape page.
const WIDTHS: [f64; 11] = [11.0, 5.0, 6.5, 6.5, 6.5, 6.5, 28.0, 21.0, 30.0, 40.0, 18.0];

/// Writes the workbook: a sheet per team (even a team without visits, so every team finds its
/// sheet), named after the team id within Excel's rules, with a header row and a row per visit.
///
/// Every text cell is written with `write_string`, so nothing is ever stored as a formula;
/// text that a user re-typing or re-exporting it would turn into one gets Excel's own
/// quote-prefix flag (the hidden apostrophe) rather than a visible one.
pub fn write_route_workbook<W: Write>(
    mut w: W,
    inst: &Instance,
    plan: &Plan,
    lang: Lang,
) -> Result<(), XlsxError> {
    let mut book = Workbook::new();
    // The default creation time is "now", which would make two runs of one plan differ; the
    // horizon's first day is as meaningful and keeps the file byte-identical.
    if let Some(first) = inst.calendar.dates.first() {
        let created =
            ExcelDateTime::from_ymd(first.year() as u16, first.month() as u8, first.day() as u8)?;
        book.set_properties(&DocProperties::new().set_creation_datetime(&created));
    }
    let head = Format::new()
        .set_bold()
        .set_background_color(0xDDE7F0)
        .set_border(FormatBorder::Thin);
    let cell = Format::new().set_text_wrap().set_border(FormatBorder::Thin);
    let quoted = cell.clone().set_quote_prefix();
    let ids: Vec<&str> = inst.teams.iter().map(|t| t.id.as_str()).collect();
    let names = sheet_names(&ids);
    for (team, name) in names.iter().enumerate() {
        let sheet = book.add_worksheet();
        sheet.set_name(name)?;
        sheet.set_landscape();
        sheet.set_paper_size(9); // A4
        sheet.set_print_fit_to_pages(1, 0);
        sheet.set_repeat_rows(0, 0)?;
        sheet.set_header(format!("&L{}&R&P/&N", header_text(&inst.teams[team].name)));
        for (c, (h, width)) in headers(lang).iter().zip(WIDTHS).enumerate() {
            sheet.set_column_width(c as u16, width)?;
            sheet.write_string_with_format(0, c as u16, *h, &head)?;
        }
        sheet.set_freeze_panes(1, 0)?;
        for (r, row) in team_rows(inst, plan, team, lang).iter().enumerate() {
            let r = r as u32 + 1;
            for (c, text) in row.cells(inst).iter().enumerate() {
                let c = c as u16;
                if c == 1 {
                    sheet.write_number_with_format(r, c, row.seq as f64, &cell)?;
                } else if needs_formula_escape(text) {
                    sheet.write_string_with_format(r, c, text.as_ref(), &quoted)?;
                } else {
                    sheet.write_string_with_format(r, c, text.as_ref(), &cell)?;
                }
            }
        }
    }
    if inst.teams.is_empty() {
        book.add_worksheet();
    }
    let bytes = book.save_to_buffer()?;
    w.write_all(&bytes)?;
    Ok(())
}

/// Team names go into the print header, where `&` starts a control code and Excel refuses
/// more than 255 characters (rust_xlsxwriter would only print a warning and drop it).
fn header_text(s: &str) -> String {
    s.chars().take(100).collect::<String>().replace('&', "&&")
}
