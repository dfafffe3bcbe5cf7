//! Provides source locations, so every message can name the file, line and column.

use crate::safe_text::printable;
use serde::{Deserialize, Serialize};
use std::fmt;

/// Where a value was read: a file, and a line and column or a sheet and cell.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Loc {
    /// Path relative to the workspace, e.g. `plans/fire.csv`.
    pub file: String,
    /// 1-based line (CSV/JSON) or row (XLSX).
    pub line: Option<u32>,
    /// 1-based column.
    pub col: Option<u32>,
    /// Sheet name, for XLSX files.
    pub sheet: Option<String>,
}

impl Loc {
    /// A location naming only a file.
    pub fn file(file: impl Into<String>) -> Self {
        Self {
            file: file.into(),
            ..Self::default()
        }
    }

    /// A location at a line (and optionally a column) of a text file.
    pub fn line(file: impl Into<String>, line: u32, col: Option<u32>) -> Self {
        Self {
            file: file.into(),
            line: Some(line),
            col,
            sheet: None,
        }
    }

    /// A cell of a spreadsheet, 1-based row and column.
    pub fn cell(file: impl Into<String>, sheet: impl Into<String>, row: u32, col: u32) -> Self {
        Self {
            file: file.into(),
            line: Some(row),
            col: Some(col),
            sheet: Some(sheet.into()),
        }
    }

    /// The same place, at another column.
    pub fn with_col(&self, col: u32) -> Self {
        Self {
            col: Some(col),
            ..self.clone()
        }
    }
}

/// Spreadsheet column letters for a 1-based column: 1 → A, 27 → AA.
pub fn column_letters(mut col: u32) -> String {
    let mut s = Vec::new();
    while col > 0 {
        col -= 1;
        s.push(b'A' + (col % 26) as u8);
        col /= 26;
    }
    s.reverse();
    String::from_utf8(s).unwrap_or_default()
}

/// True for the files read as text tables (CSV, TSV, Excel's "Unicode text"), whose cells a
/// clerk finds by their spreadsheet name.
fn is_text_table(file: &str) -> bool {
    let lower = file.to_lowercase();
    [".csv", ".tsv", ".txt"].iter().any(|e| lower.ends_with(e))
}

impl fmt::Display for Loc {
    /// `file:line:col` for text files, `file:Sheet!C5` for spreadsheets, and both for a
    /// text table a clerk opens in a spreadsheet (`scjg.csv:3:6 (F3)`): the line is the row a
    /// spreadsheet shows, unless a quoted cell above spans lines. File and sheet names
    /// come from the input too (a file in plans/, a sheet of a workbook), so control characters
    /// in them are escaped like any other echoed value.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&printable(&self.file))?;
        let sheet = self.sheet.as_deref().map(printable);
        match (sheet, self.line, self.col) {
            (Some(sheet), Some(row), Some(col)) => {
                write!(f, ":{sheet}!{}{row}", column_letters(col))
            }
            (Some(sheet), Some(row), None) => write!(f, ":{sheet}!{row}"),
            (Some(sheet), None, _) => write!(f, ":{sheet}"),
            (None, Some(line), Some(col)) if is_text_table(&self.file) => {
                write!(f, ":{line}:{col} ({}{line})", column_letters(col))
            }
            (None, Some(line), Some(col)) => write!(f, ":{line}:{col}"),
            (None, Some(line), None) => write!(f, ":{line}"),
            (None, None, _) => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_text_and_spreadsheet_locations() {
        assert_eq!(
            Loc::line("plans/fire.csv", 17, Some(3)).to_string(),
            "plans/fire.csv:17:3 (C17)"
        );
        assert_eq!(
            Loc::line("chayici.toml", 4, Some(9)).to_string(),
            "chayici.toml:4:9"
        );
        assert_eq!(
            Loc::cell("plans/env.xlsx", "Sheet1", 5, 3).to_string(),
            "plans/env.xlsx:Sheet1!C5"
        );
        assert_eq!(column_letters(27), "AA");
        assert_eq!(Loc::file("firms.csv").to_string(), "firms.csv");
    }
}
