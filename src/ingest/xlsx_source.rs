//! Provides the spreadsheet reader (XLSX and XLS through calamine): every non-empty sheet
//! becomes a table, and date cells become ISO dates so the date reader sees one format.

use super::codes;
use super::dates::excel_serial;
use super::table::{Cell, Merged, Row, Table, clean};
use crate::diag::Diagnostic;
use crate::model::{Loc, column_letters};
use calamine::{Data, Dimensions, Reader, Sheets, open_workbook_auto_from_rs};
use std::io::Cursor;

/// Reads every sheet with at least a header row; `file` is the path shown in diagnostics.
///
/// XLSX and XLS are read with their merged cells, so that a merge hiding data can be
/// reported; other formats calamine would open (ODS, XLSB) keep merges out of sight and are
/// refused with [`codes::UNSUPPORTED_WORKBOOK`].
pub fn read_workbook(bytes: &[u8], file: &str) -> Result<Vec<(String, Table)>, Diagnostic> {
    let unreadable = |msg: String| {
        Diagnostic::error(codes::FILE_UNREADABLE, Loc::file(file), msg)
            .with_help("save the file again from Excel as .xlsx, or export it as CSV")
    };
    let mut book = open_workbook_auto_from_rs(Cursor::new(bytes))
        .map_err(|e| unreadable(format!("cannot open the workbook: {e}")))?;
    if matches!(book, Sheets::Ods(_) | Sheets::Xlsb(_)) {
        return Err(unsupported_workbook(file));
    }
    let mut tables = Vec::new();
    for name in book.sheet_names() {
        let range = book
            .worksheet_range(&name)
            .map_err(|e| unreadable(format!("cannot read sheet `{name}`: {e}")))?;
        let Some((row0, col0)) = range.start() else {
            continue;
        };
        let merges = match &mut book {
            Sheets::Xlsx(x) => x
                .merge_cells_by_sheet_name(&name)
                .map_err(|e| e.to_string()),
            Sheets::Xls(x) => x
                .merge_cells_by_sheet_name(&name)
                .map_err(|e| e.to_string()),
            _ => Ok(Vec::new()),
        }
        .map_err(|e| {
            unreadable(format!(
                "cannot read the merged cells of sheet `{name}`: {e}"
            ))
        })?;
        if let Some(mut table) = sheet_table(file, &name, range.rows(), row0, col0) {
            table.merged = merged_blocks(file, &name, &merges, &table, col0);
            tables.push((name, table));
        }
    }
    if tables.is_empty() {
        return Err(unreadable("the workbook has no sheet with data".into()));
    }
    Ok(tables)
}

/// E0112: a workbook in a format whose merged cells chayici cannot see, or cannot read at
/// all (WPS's own `.et`).
pub fn unsupported_workbook(file: &str) -> Diagnostic {
    let name = file.rsplit('/').next().unwrap_or(file);
    Diagnostic::error(
        codes::UNSUPPORTED_WORKBOOK,
        Loc::file(file),
        format!("`{name}` is a workbook format chayici does not read"),
    )
    .with_help("save it as .xlsx or .csv (in WPS or Excel: Save As, then Excel workbook)")
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
        .filter(|d| d.end.0 + 1 >= header_line && d.start <= d.end)
        .map(|d| {
            let ((r1, c1), (r2, c2)) = (d.start, d.end);
            Merged {
                range: format!(
                    "{}{}:{}{}",
                    column_letters(c1 + 1),
                    r1 + 1,
                    column_letters(c2 + 1),
                    r2 + 1
                ),
                loc: Loc::cell(file, sheet, r1 + 1, c1 + 1),
                lines: (r1 + 1, r2 + 1),
                cols: (
                    i64::from(c1) - i64::from(col0),
                    i64::from(c2) - i64::from(col0),
                ),
            }
        })
        .collect()
}

fn sheet_table<'a>(
    file: &str,
    sheet: &str,
    rows: impl Iterator<Item = &'a [Data]>,
    row0: u32,
    col0: u32,
) -> Option<Table> {
    let mut table = Table::default();
    let mut have_header = false;
    for (r, row) in rows.enumerate() {
        let line = row0 + r as u32 + 1;
        let cells: Vec<Cell> = row
            .iter()
            .enumerate()
            .map(|(c, v)| Cell {
                text: clean(&cell_text(v)),
                loc: Loc::cell(file, sheet, line, col0 + c as u32 + 1),
            })
            .collect();
        if cells.iter().all(|c| c.text.is_empty()) {
            continue;
        }
        let mut loc = Loc::cell(file, sheet, line, 1);
        loc.col = None;
        if have_header {
            table.rows.push(Row { loc, cells });
        } else {
            table.header = cells;
            table.header_loc = loc;
            have_header = true;
        }
    }
    have_header.then_some(table)
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

    #[test]
    fn garbage_is_an_error() {
        assert!(read_workbook(b"not a workbook", "p.xlsx").is_err());
    }
}
