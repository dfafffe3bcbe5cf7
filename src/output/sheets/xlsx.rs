//! Provides the route workbook: one sheet per team, ready to print.

use super::{
    Lang, VisitOfficers, VisitRow, extra_headers, headers, needs_formula_escape, officers_header,
    officers_text, sheet_names, team_rows,
};
use crate::model::{Instance, Plan};
use chrono::Datelike;
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, FormatBorder, Workbook, XlsxError};
use std::io::Write;

/// Column widths in Excel character units, tuned for Chinese text on an A4 landscape page.
const WIDTHS: [f64; 14] = [
    11.0, 5.0, 6.5, 6.5, 6.5, 6.5, 24.0, 21.0, 26.0, 36.0, 14.0, 9.0, 14.0, 18.0,
];

/// Width of the officers' column.
const OFFICERS_WIDTH: f64 = 30.0;

/// Width of each of the register's other columns.
const EXTRA_WIDTH: f64 = 14.0;

/// Height of one line of text, in points, at the default 11-point font.
const LINE_HEIGHT: f64 = 15.0;

/// What an A4 landscape page holds across, in pixels at 100 %, inside the default margins.
const PAGE_WIDTH_PX: f64 = 1000.0;

/// Writes the workbook: a sheet per team (even a team without visits, so every team finds its
/// sheet), named after the team id within Excel's rules, with a header row and a row per visit.
///
/// Every text cell is written with `write_string`, so nothing is ever stored as a formula;
/// text that a user re-typing or re-exporting it would turn into one gets Excel's own
/// quote-prefix flag (the hidden apostrophe) rather than a visible one.
pub fn write_route_workbook<W: Write>(
    w: W,
    inst: &Instance,
    plan: &Plan,
    lang: Lang,
) -> Result<(), XlsxError> {
    write_route_workbook_with_officers(w, inst, plan, lang, &VisitOfficers::default())
}

/// Like [`write_route_workbook`], with a column of each visit's officers after 备注 when
/// `officers` has any.
pub fn write_route_workbook_with_officers<W: Write>(
    mut w: W,
    inst: &Instance,
    plan: &Plan,
    lang: Lang,
    officers: &VisitOfficers,
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
    let extra = extra_headers(inst);
    let named = !officers.is_empty();
    let widths: Vec<f64> = WIDTHS
        .into_iter()
        .chain(named.then_some(OFFICERS_WIDTH))
        .chain(extra.iter().map(|_| EXTRA_WIDTH))
        .collect();
    let quoted_if = |text: &str, f: &Format| {
        if needs_formula_escape(text) {
            f.clone().set_quote_prefix()
        } else {
            f.clone()
        }
    };
    for (team, name) in names.iter().enumerate() {
        let sheet = book.add_worksheet();
        sheet.set_name(name)?;
        sheet.set_landscape();
        sheet.set_paper_size(9); // A4
        // A scale rather than "fit to one page wide": Excel ignores manual page breaks when
        // it fits a sheet to pages, and each day must start a page of its own.
        sheet.set_print_scale(print_scale(&widths));
        sheet.set_repeat_rows(0, 0)?;
        sheet.set_header(format!("&L{}&R&P/&N", header_text(&inst.teams[team].name)));
        let titles = headers(lang)
            .into_iter()
            .chain(named.then(|| officers_header(lang)))
            .chain(extra.iter().map(String::as_str));
        for (c, (h, width)) in titles.zip(&widths).enumerate() {
            sheet.set_column_width(c as u16, *width)?;
            sheet.write_string_with_format(0, c as u16, h, &quoted_if(h, &head))?;
        }
        sheet.set_freeze_panes(1, 0)?;
        let rows = team_rows(inst, plan, team, lang);
        sheet.set_page_breaks(&day_breaks(&rows))?;
        for (r, row) in rows.iter().enumerate() {
            let r = r as u32 + 1;
            let cells = row.cells(inst);
            let crew = named.then(|| officers_text(inst, officers.of_row(inst, row), lang));
            let texts: Vec<&str> = cells
                .iter()
                .map(|c| c.as_ref())
                .chain(crew.as_deref())
                .chain(row.extra_cells(inst, &extra))
                .collect();
            sheet.set_row_height(r, row_height(&texts, &widths))?;
            for (c, text) in texts.iter().enumerate() {
                let c = c as u16;
                if c == 1 {
                    sheet.write_number_with_format(r, c, row.seq as f64, &cell)?;
                } else if needs_formula_escape(text) {
                    sheet.write_string_with_format(r, c, *text, &quoted)?;
                } else {
                    sheet.write_string_with_format(r, c, *text, &cell)?;
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

/// The rows (0 is the header) where a new day starts, other than the first: a page break
/// goes before each, so a team takes one day's page at a time.
fn day_breaks(rows: &[VisitRow]) -> Vec<u32> {
    (1..rows.len())
        .filter(|&i| rows[i].day != rows[i - 1].day)
        .map(|i| i as u32 + 1)
        .collect()
}

/// The print scale, in percent, at which the columns fit across an A4 landscape page.
fn print_scale(widths: &[f64]) -> u16 {
    // Excel draws a column of width w at 7w + 5 pixels with its default font.
    let px: f64 = widths.iter().map(|w| 7.0 * w + 5.0).sum();
    ((PAGE_WIDTH_PX / px * 100.0).floor() as u16).clamp(10, 100)
}

/// A row's height, in points, that shows the longest of its wrapped cells whole: Excel does
/// not grow a row written by a program, and a row too short lets items run into the next.
fn row_height(texts: &[&str], widths: &[f64]) -> f64 {
    let lines = texts
        .iter()
        .zip(widths)
        .map(|(t, w)| wrapped_lines(t, *w))
        .max()
        .unwrap_or(1);
    LINE_HEIGHT * lines.max(1) as f64
}

/// How many lines `text` takes in a column `width` characters wide, a Chinese character
/// counting as two.
fn wrapped_lines(text: &str, width: f64) -> usize {
    let room = (width - 1.0).max(1.0);
    text.split('\n')
        .map(|line| {
            let w: f64 = line
                .chars()
                .map(|c| if c.is_ascii() { 1.0 } else { 2.0 })
                .sum();
            ((w / room).ceil() as usize).max(1)
        })
        .sum()
}

/// Team names go into the print header, where `&` starts a control code and Excel refuses
/// more than 255 characters (rust_xlsxwriter would only print a warning and drop it).
fn header_text(s: &str) -> String {
    s.chars().take(100).collect::<String>().replace('&', "&&")
}
