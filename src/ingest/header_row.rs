//! Provides the search for a table's header row, so the title rows and blank rows a clerk
//! puts above the table (`2026年12月市场监管局检查计划`), and the instruction sheets put in
//! front of it (`填表说明`), do not hide a header that is right there.
//!
//! A row is recognised as a header by how many of its cells name a known column (any field
//! of any table, English or Chinese, see [`super::headers`]): a title or a sentence names
//! none. The search is the same for every table, because a reader does not know yet which
//! table it reads.

use super::codes;
use super::headers::{
    ABSENCE_FIELDS, DEPARTMENT_FIELDS, DONE_FIELDS, FIRM_FIELDS, Field, PIN_FIELDS, PLAN_FIELDS,
    TEAM_FIELDS, TRAVEL_FIELDS, normalize_header,
};
use super::table::Cell;
use crate::diag::Diagnostic;
use crate::i18n::Key;
use crate::model::Loc;
use crate::msg;
use std::collections::HashSet;
use std::sync::OnceLock;

/// How many non-empty rows at the top are searched for the header.
pub const SEARCHED_ROWS: usize = 10;

/// How many cells must name known columns for a row below the first to be taken as the
/// header: two, so a title that happens to be one column's name (`检查计划`) is not enough.
const MIN_KNOWN: usize = 2;

/// Every known column name and alias, normalised.
fn known_names() -> &'static HashSet<String> {
    static NAMES: OnceLock<HashSet<String>> = OnceLock::new();
    NAMES.get_or_init(|| {
        let tables: [&[Field]; 8] = [
            FIRM_FIELDS,
            TEAM_FIELDS,
            PLAN_FIELDS,
            DEPARTMENT_FIELDS,
            DONE_FIELDS,
            PIN_FIELDS,
            ABSENCE_FIELDS,
            TRAVEL_FIELDS,
        ];
        tables
            .iter()
            .flat_map(|fields| fields.iter())
            .flat_map(|f| std::iter::once(f.name).chain(f.aliases.iter().copied()))
            .map(normalize_header)
            .collect()
    })
}

/// How many cells of `row` name a known column.
pub fn known_cells(row: &[Cell]) -> usize {
    let names = known_names();
    row.iter()
        .filter(|c| !c.text.is_empty() && names.contains(&normalize_header(&c.text)))
        .count()
}

/// The index, among `rows` (the non-empty rows of a sheet or file, in order), of the header:
/// the row of the first [`SEARCHED_ROWS`] naming the most known columns, the first of equals;
/// the first row unless another names at least [`MIN_KNOWN`] known columns and more than it.
/// A table with no recognisable header keeps its first row, so the missing columns are
/// reported against what is there.
pub fn header_index(rows: &[Vec<Cell>]) -> usize {
    let first = rows.first().map_or(0, |r| known_cells(r));
    let (best, count) = rows
        .iter()
        .take(SEARCHED_ROWS)
        .enumerate()
        .map(|(i, r)| (i, known_cells(r)))
        .fold(
            (0, first),
            |(bi, bc), (i, c)| {
                if c > bc { (i, c) } else { (bi, bc) }
            },
        );
    if best > 0 && count >= MIN_KNOWN {
        best
    } else {
        0
    }
}

/// True when a sheet's rows hold a header of known columns.
pub fn has_header(rows: &[Vec<Cell>]) -> bool {
    rows.iter()
        .take(SEARCHED_ROWS)
        .any(|r| known_cells(r) >= MIN_KNOWN)
}

/// W0130: the rows above the header, skipped, at the first of them, quoting its text.
pub fn w0130_rows_skipped(skipped: &[Vec<Cell>], header_loc: &Loc) -> Option<Diagnostic> {
    let first = skipped.first()?;
    let text: Vec<&str> = first
        .iter()
        .map(|c| c.text.as_str())
        .filter(|t| !t.is_empty())
        .collect();
    let mut loc = first.first().map_or_else(Loc::default, |c| c.loc.clone());
    loc.col = None;
    let header_line = header_loc.line.unwrap_or(1);
    let text = text.join(" ");
    let message = if skipped.len() == 1 {
        msg!(W0130One, line = header_line, text = text)
    } else {
        msg!(
            W0130Many,
            count = skipped.len(),
            line = header_line,
            text = text
        )
    };
    Some(Diagnostic::warning(codes::ROWS_ABOVE_HEADER, loc, message).with_help(Key::W0130Help))
}

/// W0131: sheets of a workbook without a header of known columns, skipped, naming the sheets
/// read instead.
pub fn w0131_sheet_skipped(file: &str, skipped: &str, read: &[String]) -> Diagnostic {
    let read: Vec<String> = read.iter().map(|s| format!("`{s}`")).collect();
    Diagnostic::warning(
        codes::SHEET_SKIPPED,
        Loc {
            file: file.to_string(),
            sheet: Some(skipped.to_string()),
            ..Loc::default()
        },
        msg!(W0131Skipped, sheet = skipped, read = read.join(", ")),
    )
    .with_help(Key::W0131Help)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(line: u32, texts: &[&str]) -> Vec<Cell> {
        texts
            .iter()
            .enumerate()
            .map(|(i, t)| Cell {
                text: t.to_string(),
                loc: Loc::line("p.csv", line, Some(i as u32 + 1)),
            })
            .collect()
    }

    #[test]
    fn a_title_row_is_passed_over_for_the_header_below() {
        let rows = vec![
            row(1, &["2026年12月市场监管局检查计划"]),
            row(3, &["任务编号", "统一社会信用代码", "检查时长"]),
            row(4, &["SC-01", "91330822MA2E0A1B7U", "40"]),
        ];
        assert_eq!(header_index(&rows), 1);
        let d = w0130_rows_skipped(&rows[..1], &Loc::line("p.csv", 3, None)).unwrap();
        assert_eq!(
            d.to_string().lines().next().unwrap(),
            "p.csv:1: warning[W0130]: 1 row above the header on row 3 skipped, starting \
             `2026年12月市场监管局检查计划`"
        );
    }

    #[test]
    fn a_plain_table_and_an_unknown_one_keep_their_first_row() {
        let plain = vec![
            row(1, &["task_id", "firm_id"]),
            row(2, &["任务编号", "统一社会信用代码"]),
        ];
        assert_eq!(header_index(&plain), 0);
        let unknown = vec![row(1, &["甲", "乙"]), row(2, &["任务编号", "x"])];
        assert_eq!(header_index(&unknown), 0);
        assert!(!has_header(&unknown));
    }
}
