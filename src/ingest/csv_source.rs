//! Provides the CSV reader: UTF-8 with or without a byte-order mark, or GBK/GB18030 as Excel
//! on a Chinese Windows saves it, with comma, tab or semicolon separators.
//!
//! Columns in locations are 1-based field numbers, the column a spreadsheet would show.

use super::codes;
use super::table::{Cell, Row, Table, clean};
use crate::diag::Diagnostic;
use crate::model::Loc;
use std::borrow::Cow;

/// Which encoding the bytes were read in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-8, with or without a byte-order mark.
    Utf8,
    /// GB18030 (a superset of GBK and GB2312).
    Gb18030,
}

/// Decodes text: UTF-8 when valid (a BOM is dropped), otherwise GB18030, which accepts any
/// byte sequence that GBK or GB2312 produce; bytes invalid in both become U+FFFD.
pub fn decode(bytes: &[u8]) -> (Cow<'_, str>, Encoding) {
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(body) {
        Ok(s) => (Cow::Borrowed(s), Encoding::Utf8),
        Err(_) => {
            let (s, _) = encoding_rs::GB18030.decode_without_bom_handling(body);
            (s, Encoding::Gb18030)
        }
    }
}

/// Guesses the separator from the first line: Excel writes tabs for "Unicode text" and
/// semicolons in some locales.
fn sniff_delimiter(text: &str) -> u8 {
    let first = text.lines().next().unwrap_or_default();
    let count = |c: char| first.matches(c).count();
    if count(',') == 0 && count('\t') > 0 {
        b'\t'
    } else if count(',') == 0 && count(';') > 0 {
        b';'
    } else {
        b','
    }
}

/// The 1-based line of the record that starts at `byte`: the csv crate reports the position
/// before any blank lines it skipped, so those are stepped over first.
fn line_at(text: &[u8], line_starts: &[usize], mut byte: usize) -> u32 {
    while byte < text.len() && matches!(text[byte], b'\r' | b'\n') {
        byte += 1;
    }
    line_starts.partition_point(|&s| s <= byte) as u32
}

/// Reads a CSV file's bytes into a table; `file` is the path shown in diagnostics.
pub fn read_csv(bytes: &[u8], file: &str) -> Result<(Table, Encoding), Diagnostic> {
    let (text, encoding) = decode(bytes);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(sniff_delimiter(&text))
        .from_reader(text.as_bytes());
    let line_starts: Vec<usize> = std::iter::once(0)
        .chain(text.match_indices('\n').map(|(i, _)| i + 1))
        .collect();
    let mut table = Table::default();
    let mut have_header = false;
    for record in reader.records() {
        let record = record.map_err(|e| {
            let line = e.position().map_or(1, |p| p.line() as u32);
            Diagnostic::error(
                codes::FILE_UNREADABLE,
                Loc::line(file, line, None),
                format!("cannot read CSV: {e}"),
            )
        })?;
        let line = record.position().map_or(1, |p| {
            line_at(text.as_bytes(), &line_starts, p.byte() as usize)
        });
        let cells: Vec<Cell> = record
            .iter()
            .enumerate()
            .map(|(i, t)| Cell {
                text: clean(t),
                loc: Loc::line(file, line, Some(i as u32 + 1)),
            })
            .collect();
        if cells.iter().all(|c| c.text.is_empty()) {
            continue;
        }
        if have_header {
            table.rows.push(Row {
                loc: Loc::line(file, line, None),
                cells,
            });
        } else {
            table.header = cells;
            table.header_loc = Loc::line(file, line, None);
            have_header = true;
        }
    }
    if !have_header {
        return Err(Diagnostic::error(
            codes::FILE_UNREADABLE,
            Loc::file(file),
            "the file is empty: no header row",
        ));
    }
    Ok((table, encoding))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_utf8_with_bom_and_keeps_line_numbers() {
        let bytes = "\u{feff}a,b\n\n1, x \n\"multi\nline\",2\n3,4\n".as_bytes();
        let (t, enc) = read_csv(bytes, "f.csv").unwrap();
        assert_eq!(enc, Encoding::Utf8);
        assert_eq!(t.header[0].text, "a");
        assert_eq!(t.rows.len(), 3);
        assert_eq!(t.rows[0].cells[1].text, "x");
        assert_eq!(t.rows[0].cells[1].loc.to_string(), "f.csv:3:2");
        assert_eq!(t.rows[2].loc.to_string(), "f.csv:6");
    }

    #[test]
    fn reads_gbk() {
        let (bytes, _, _) = encoding_rs::GBK.encode("任务编号,部门\nA1,消防\n");
        let (t, enc) = read_csv(&bytes, "f.csv").unwrap();
        assert_eq!(enc, Encoding::Gb18030);
        assert_eq!(t.header[0].text, "任务编号");
        assert_eq!(t.rows[0].cells[1].text, "消防");
    }

    #[test]
    fn reads_tab_separated() {
        let (t, _) = read_csv(b"a\tb\n1\t2\n", "f.tsv").unwrap();
        assert_eq!(t.rows[0].cells[1].text, "2");
    }

    #[test]
    fn empty_file_is_an_error() {
        assert!(read_csv(b"\n\n", "f.csv").is_err());
    }
}
