//! Provides the spreadsheet reader (XLSX and XLS through calamine): every non-empty sheet
//! becomes a table, and date cells become ISO dates so the date reader sees one format.

use super::codes;
use super::dates::excel_serial;
use super::header_row::{has_header, w0131_sheet_skipped};
use super::table::{Cell, Merged, Table, clean, split_header};
use crate::diag::Diagnostic;
use crate::i18n::{Key, Msg};
use crate::model::{Loc, column_letters};
use crate::msg;
use calamine::{Data, Dimensions, Reader, Sheets, open_workbook_auto_from_rs};
use std::collections::BTreeMap;
use std::io::Cursor;

/// Reads every sheet with at least a header row; `file` is the path shown in diagnostics.
///
/// XLSX and XLS are read with their merged cells, so that a merge hiding data can be
/// reported; other formats calamine would open (ODS, XLSB) keep merges out of sight and are
/// refused with [`codes::UNSUPPORTED_WORKBOOK`]. A damaged file that makes the workbook
/// parser panic is reported as unreadable rather than ending the run.
pub fn read_workbook(bytes: &[u8], file: &str) -> Result<Vec<(String, Table)>, Diagnostic> {
    std::panic::catch_unwind(|| read_book(bytes, file)).unwrap_or_else(|_| {
        Err(
            Diagnostic::error(codes::FILE_UNREADABLE, Loc::file(file), msg!(E0101Damaged))
                .with_help(Key::E0101DamagedHelp),
        )
    })
}

fn read_book(bytes: &[u8], file: &str) -> Result<Vec<(String, Table)>, Diagnostic> {
    let unreadable = |message: Msg| {
        Diagnostic::error(codes::FILE_UNREADABLE, Loc::file(file), message)
            .with_help(Key::E0101SaveAgain)
    };
    let mut book = open_workbook_auto_from_rs(Cursor::new(bytes))
        .map_err(|e| unreadable(msg!(E0101OpenWorkbook, error = e)))?;
    if matches!(book, Sheets::Ods(_) | Sheets::Xlsb(_)) {
        return Err(unsupported_workbook(file));
    }
    let mut tables = Vec::new();
    for name in book.sheet_names() {
        let cells = sheet_cells(&mut book, &name)
            .map_err(|e| unreadable(msg!(E0101ReadSheet, sheet = &name, error = e)))?;
        let merges = match &mut book {
            Sheets::Xlsx(x) => x
                .merge_cells_by_sheet_name(&name)
                .map_err(|e| e.to_string()),
            Sheets::Xls(x) => x
                .merge_cells_by_sheet_name(&name)
                .map_err(|e| e.to_string()),
            _ => Ok(Vec::new()),
        }
        .map_err(|e| unreadable(msg!(E0101MergedCells, sheet = &name, error = e)))?;
        if let Some((mut table, col0)) = sheet_table(file, &name, &cells) {
            table.merged = merged_blocks(file, &name, &merges, &table, col0);
            tables.push((name, table));
        }
    }
    if tables.is_empty() {
        return Err(unreadable(msg!(E0101NoSheet)));
    }
    Ok(drop_sheets_without_header(file, tables))
}

/// The sheets with a header of known columns, when at least one has one: the others are
/// skipped. Those in front of the first sheet read (`填表说明`, a cover page), which a clerk
/// may take for the plan, get a W0131 each, put on the first sheet read; those after it
/// (notes, the lists a template's drop-downs draw on) are passed over without a word. A
/// workbook where no sheet has such a header keeps every sheet, so its missing columns are
/// reported.
fn drop_sheets_without_header(file: &str, tables: Vec<(String, Table)>) -> Vec<(String, Table)> {
    // The header was already chosen as the row naming the most known columns.
    let with_header = |t: &Table| has_header(std::slice::from_ref(&t.header));
    let Some(first) = tables.iter().position(|(_, t)| with_header(t)) else {
        return tables;
    };
    let in_front: Vec<String> = tables[..first].iter().map(|(n, _)| n.clone()).collect();
    let mut read: Vec<(String, Table)> =
        tables.into_iter().filter(|(_, t)| with_header(t)).collect();
    let names: Vec<String> = read.iter().map(|(n, _)| n.clone()).collect();
    let notes: Vec<Diagnostic> = in_front
        .iter()
        .map(|name| w0131_sheet_skipped(file, name, &names))
        .collect();
    read[0].1.notes.splice(0..0, notes);
    read
}

/// The last 0-based row and column of an Excel sheet (row 1048576, column XFD).
const LAST_ROW: u32 = 1_048_575;
const LAST_COL: u32 = 16_383;

/// A sheet's non-empty cells by 0-based (row, column), in reading order.
///
/// XLSX cells are streamed one by one rather than through calamine's dense range, which
/// allocates rows × columns cells: one stray value in a far corner of a sheet (or a damaged
/// cell reference) would ask for billions of cells.
fn sheet_cells(
    book: &mut Sheets<Cursor<&[u8]>>,
    name: &str,
) -> Result<BTreeMap<(u32, u32), Data>, String> {
    let mut out = BTreeMap::new();
    match book {
        Sheets::Xlsx(x) => {
            let mut reader = match x.worksheet_cells_reader(name) {
                Ok(r) => r,
                // A chart sheet or other part that holds no cells.
                Err(calamine::XlsxError::NotAWorksheet(_)) => return Ok(out),
                Err(e) => return Err(e.to_string()),
            };
            while let Some(cell) = reader.next_cell().map_err(|e| e.to_string())? {
                let (row, col) = cell.get_position();
                if row > LAST_ROW || col > LAST_COL {
                    return Err(format!(
                        "a cell lies beyond the last row or column a sheet can have ({}{})",
                        column_letters(col.saturating_add(1)),
                        row.saturating_add(1)
                    ));
                }
                let value = Data::from(cell.get_value().clone());
                if value != Data::Empty {
                    out.insert((row, col), value);
                }
            }
        }
        other => {
            let range = other.worksheet_range(name).map_err(|e| e.to_string())?;
            let (row0, col0) = range.start().unwrap_or_default();
            for (r, c, v) in range.used_cells() {
                let at = (row0.saturating_add(r as u32), col0.saturating_add(c as u32));
                out.insert(at, v.clone());
            }
        }
    }
    Ok(out)
}

/// E0112: a workbook in a format whose merged cells chayici cannot see, or cannot read at
/// all (WPS's own `.et`).
pub fn unsupported_workbook(file: &str) -> Diagnostic {
    let name = file.rsplit('/').next().unwrap_or(file);
    Diagnostic::error(
        codes::UNSUPPORTED_WORKBOOK,
        Loc::file(file),
        msg!(E0112Unsupported, name = name),
    )
    .with_help(Key::E0112Help)
}

/// The merged blocks that reach the header row or below, in the table's terms.
fn merged_blocks(
    file: &str,
    sheet: &str,
    merges: &[Dimensions],
    table: &Table,
    col0: u32,
) -> Vec<Merged> {
    let header_line = table.header_loc.line.unwrap_or(1);
    merges
        .iter()
        .filter(|d| d.end.0.saturating_add(1) >= header_line && d.start <= d.end)
        .map(|d| {
            // 1-based, saturating: a damaged file may name the last row or column there is.
            let one = |n: u32| n.saturating_add(1);
            let ((r1, c1), (r2, c2)) = (d.start, d.end);
            Merged {
                range: format!(
                    "{}{}:{}{}",
                    column_letters(one(c1)),
                    one(r1),
                    column_letters(one(c2)),
                    one(r2)
                ),
                loc: Loc::cell(file, sheet, one(r1), one(c1)),
                lines: (one(r1), one(r2)),
                cols: (
                    i64::from(c1) - i64::from(col0),
                    i64::from(c2) - i64::from(col0),
                ),
            }
        })
        .collect()
}

/// The table of a sheet's cells, and the sheet column of its first column: the header is
/// found among the first rows with text (see [`super::header_row`]), and rows without text
/// are dropped.
fn sheet_table(
    file: &str,
    sheet: &str,
    cells: &BTreeMap<(u32, u32), Data>,
) -> Option<(Table, u32)> {
    let col0 = cells.keys().map(|&(_, c)| c).min()?;
    let mut rows = Vec::new();
    let mut cells = cells.iter().peekable();
    while let Some(&(&(row, _), _)) = cells.peek() {
        let line = row.saturating_add(1);
        let mut texts: Vec<Cell> = Vec::new();
        while let Some((&(_, col), v)) = cells.next_if(|((r, _), _)| *r == row) {
            let c = (col - col0) as usize;
            while texts.len() < c {
                let at = col0.saturating_add(texts.len() as u32).saturating_add(1);
                texts.push(Cell {
                    text: String::new(),
                    loc: Loc::cell(file, sheet, line, at),
                });
            }
            texts.push(Cell {
                text: clean(&cell_text(v)),
                loc: Loc::cell(file, sheet, line, col.saturating_add(1)),
            });
        }
        if texts.iter().all(|c| c.text.is_empty()) {
            continue;
        }
        let mut loc = Loc::cell(file, sheet, line, 1);
        loc.col = None;
        rows.push((loc, texts));
    }
    (!rows.is_empty()).then(|| (split_header(rows), col0))
}

/// The text a cell shows: whole numbers without `.0` (minutes, ids), dates as `YYYY-MM-DD`,
/// times of day as `HH:MM`.
pub fn cell_text(v: &Data) -> String {
    match v {
        Data::Empty => String::new(),
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) => float_text(*f),
        Data::Bool(b) => b.to_string(),
        Data::Error(e) => format!("#{e:?}"),
        Data::DateTime(dt) => {
            let serial = dt.as_f64();
            if dt.is_duration() || (0.0..1.0).contains(&serial) {
                let minutes = (serial.fract() * 1440.0).round() as u32;
                format!("{:02}:{:02}", minutes / 60 % 24, minutes % 60)
            } else if serial.is_finite() {
                excel_serial(serial.floor() as i64)
                    .map_or_else(|| float_text(serial), |d| d.to_string())
            } else {
                float_text(serial)
            }
        }
    }
}

fn float_text(f: f64) -> String {
    if f.is_finite() && f.fract() == 0.0 && f.abs() < 1e15 {
        format!("{}", f as i64)
    } else {
        f.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};

    #[test]
    fn reads_numbers_dates_and_locations() {
        let mut wb = Workbook::new();
        let ws = wb.add_worksheet();
        ws.set_name("计划").unwrap();
        ws.write(0, 0, "task_id").unwrap();
        ws.write(0, 1, "minutes").unwrap();
        ws.write(0, 2, "earliest").unwrap();
        ws.write(1, 0, "A1").unwrap();
        ws.write(1, 1, 30.0).unwrap();
        let fmt = Format::new().set_num_format("yyyy-mm-dd");
        let date = ExcelDateTime::from_ymd(2026, 12, 5).unwrap();
        ws.write_datetime_with_format(1, 2, &date, &fmt).unwrap();
        let bytes = wb.save_to_buffer().unwrap();
        let tables = read_workbook(&bytes, "p.xlsx").unwrap();
        let (name, t) = &tables[0];
        assert_eq!(name, "计划");
        assert_eq!(t.rows[0].cells[1].text, "30");
        assert_eq!(t.rows[0].cells[2].text, "2026-12-05");
        assert_eq!(t.rows[0].cells[2].loc.to_string(), "p.xlsx:计划!C2");
        assert_eq!(t.rows[0].loc.to_string(), "p.xlsx:计划!2");
    }

    /// The workbook `wb` with `from` replaced by `to` in its first sheet's XML.
    fn edit_sheet_xml(wb: &mut Workbook, from: &str, to: &str) -> Vec<u8> {
        use std::io::{Read, Write};
        let bytes = wb.save_to_buffer().unwrap();
        let mut zip = zip::ZipArchive::new(Cursor::new(&bytes[..])).unwrap();
        let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
        for i in 0..zip.len() {
            let mut f = zip.by_index(i).unwrap();
            let name = f.name().unwrap().to_string();
            let mut data = Vec::new();
            f.read_to_end(&mut data).unwrap();
            if name == "xl/worksheets/sheet1.xml" {
                data = String::from_utf8(data)
                    .unwrap()
                    .replace(from, to)
                    .into_bytes();
            }
            out.start_file(name, zip::write::SimpleFileOptions::default())
                .unwrap();
            out.write_all(&data).unwrap();
        }
        out.finish().unwrap().into_inner()
    }

    #[test]
    fn a_value_in_the_far_corner_costs_one_cell() {
        let mut wb = Workbook::new();
        let ws = wb.add_worksheet();
        ws.write(0, 0, "task_id").unwrap();
        ws.write(1_048_575, 16_383, "stray").unwrap();
        let tables = read_workbook(&wb.save_to_buffer().unwrap(), "p.xlsx").unwrap();
        let t = &tables[0].1;
        assert_eq!(t.rows.len(), 1);
        assert_eq!(
            t.rows[0].cells[16_383].loc.to_string(),
            "p.xlsx:Sheet1!XFD1048576"
        );
    }

    #[test]
    fn damaged_cell_references_are_an_error_not_a_panic() {
        let mut wb = Workbook::new();
        let ws = wb.add_worksheet();
        ws.write(0, 0, "task_id").unwrap();
        ws.write(1, 0, "A1").unwrap();
        for bad in ["A99999999999", "ZZZZZZZZZZ2", "XFE2"] {
            let bytes = edit_sheet_xml(&mut wb, "r=\"A2\"", &format!("r=\"{bad}\""));
            let e = read_workbook(&bytes, "p.xlsx").unwrap_err();
            assert_eq!(e.code, codes::FILE_UNREADABLE, "{bad}: {e}");
        }
    }

    #[test]
    fn garbage_is_an_error() {
        assert!(read_workbook(b"not a workbook", "p.xlsx").is_err());
    }
}
