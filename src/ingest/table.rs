//! Provides the table every reader produces: a header and rows of string cells, each cell
//! knowing where it was read, whatever the file format.
//!
//! Firms, teams and plans are then read from tables alone, so CSV, XLSX and JSON behave the
//! same and every diagnostic can point at the exact cell.

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
}

/// Trims a cell and strips the invisible characters spreadsheets leave behind.
pub fn clean(s: &str) -> String {
    s.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}' || c == '\u{200b}')
        .to_string()
}
