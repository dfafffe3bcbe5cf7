//! Provides the table every reader produces: a header and rows of string cells, each cell
//! knowing where it was read, whatever the file format.
//!
//! Firms, teams and plans are then read from tables alone, so CSV, XLSX and JSON behave the
//! same and every diagnostic can point at the exact cell.

use crate::diag::Diagnostic;
use crate::model::Loc;

/// One cell's text and where it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cell {
    /// The text, trimmed.
    pub text: String,
    /// File, line and column (or sheet and cell).
    pub loc: Loc,
}

/// One data row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// Where the row starts (no column).
    pub loc: Loc,
    /// Cells in header order; a short row simply has fewer cells.
    pub cells: Vec<Cell>,
}

impl Row {
    /// The cell in column `col`, when the column exists and the cell is not empty.
    pub fn get(&self, col: Option<usize>) -> Option<&Cell> {
        self.cells.get(col?).filter(|c| !c.text.is_empty())
    }

    /// The text in column `col`, or `""`.
    pub fn text(&self, col: Option<usize>) -> &str {
        self.get(col).map_or("", |c| c.text.as_str())
    }

    /// Where column `col` of this row is, or the row itself when the column is absent.
    pub fn loc_of(&self, col: Option<usize>) -> Loc {
        col.and_then(|c| self.cells.get(c))
            .map_or_else(|| self.loc.clone(), |c| c.loc.clone())
    }
}

/// A header and its rows, from one CSV file, one sheet of a workbook or one JSON array.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Table {
    /// Header cells, as written.
    pub header: Vec<Cell>,
    /// Where the header is.
    pub header_loc: Loc,
    /// Data rows; blank rows are already dropped.
    pub rows: Vec<Row>,
    /// The department the file itself names (a JSON plan's `department`), if any.
    pub department: Option<String>,
    /// True when columns are named by JSON keys rather than by their position, so messages
    /// speak of keys, not column numbers.
    pub keyed: bool,
    /// Blocks of merged cells in a workbook sheet: a spreadsheet shows their value in every
    /// cell, but the file holds it in the first cell only, so the others read as empty.
    pub merged: Vec<Merged>,
    /// What the reader passed over to find the table (title rows above the header, sheets
    /// without one), said as warnings so a clerk sees what was not read.
    pub notes: Vec<Diagnostic>,
}

/// Splits the non-empty rows of a file or sheet into the header, found among the first rows
/// (see [`super::header_row`]), and the data rows below it; the rows above it become a note.
pub fn split_header(mut rows: Vec<(Loc, Vec<Cell>)>) -> Table {
    let mut table = Table::default();
    let cells: Vec<Vec<Cell>> = rows
        .iter()
        .take(super::header_row::SEARCHED_ROWS)
        .map(|(_, c)| c.clone())
        .collect();
    let at = super::header_row::header_index(&cells);
    if rows.is_empty() {
        return table;
    }
    let mut below = rows.split_off(at);
    let (header_loc, header) = below.remove(0);
    table.notes.extend(super::header_row::w0130_rows_skipped(
        &cells[..at],
        &header_loc,
    ));
    table.header = header;
    table.header_loc = header_loc;
    table.rows = below
        .into_iter()
        .map(|(loc, cells)| Row { loc, cells })
        .collect();
    table
}

/// A block of merged cells, in the table's terms.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Merged {
    /// The block as a spreadsheet names it, e.g. `E2:E3`.
    pub range: String,
    /// Where its first cell is.
    pub loc: Loc,
    /// The 1-based sheet rows it spans, first and last.
    pub lines: (u32, u32),
    /// The table columns it spans, first and last: 0 is the table's first column, and a
    /// block may start left of it.
    pub cols: (i64, i64),
}

impl Merged {
    /// True when the block hides the cell at sheet row `line`, table column `col`: it spans
    /// that cell and the cell is not the block's first one, which holds the value.
    pub fn hides(&self, line: u32, col: usize) -> bool {
        let col = col as i64;
        (self.lines.0..=self.lines.1).contains(&line)
            && (self.cols.0..=self.cols.1).contains(&col)
            && (line, col) != (self.lines.0, self.cols.0)
    }
}

/// Trims a cell and strips the invisible characters spreadsheets leave behind.
pub fn clean(s: &str) -> String {
    s.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}' || c == '\u{200b}')
        .to_string()
}
