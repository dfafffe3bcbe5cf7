//! Provides the CSV reader: UTF-8 with or without a byte-order mark, GBK/GB18030 as Excel on a
//! Chinese Windows saves it, or UTF-16 with a byte-order mark as Excel's "Unicode text" export
//! writes it; with comma, tab or semicolon separators.
//!
//! Columns in locations are 1-based field numbers, the column a spreadsheet would show.

use super::codes;
use super::table::{Cell, Table, clean, split_header};
use crate::diag::Diagnostic;
use crate::model::Loc;
use crate::msg;
use std::borrow::Cow;

/// Which encoding the bytes were read in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-8, with or without a byte-order mark.
    Utf8,
    /// GB18030 (a superset of GBK and GB2312).
    Gb18030,
    /// UTF-16, little-endian, with a byte-order mark (Excel's "Unicode text").
    Utf16Le,
    /// UTF-16, big-endian, with a byte-order mark.
    Utf16Be,
}

/// Decodes text: UTF-16 when it starts with a UTF-16 byte-order mark; else UTF-8 when valid
/// (a BOM is dropped), otherwise GB18030, which accepts any byte sequence that GBK or GB2312
/// produce; bytes invalid in the encoding chosen become U+FFFD.
pub fn decode(bytes: &[u8]) -> (Cow<'_, str>, Encoding) {
    if let Some(body) = bytes.strip_prefix(b"\xFF\xFE") {
        let (s, _) = encoding_rs::UTF_16LE.decode_without_bom_handling(body);
        return (s, Encoding::Utf16Le);
    }
    if let Some(body) = bytes.strip_prefix(b"\xFE\xFF") {
        let (s, _) = encoding_rs::UTF_16BE.decode_without_bom_handling(body);
        return (s, Encoding::Utf16Be);
    }
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(body) {
        Ok(s) => (Cow::Borrowed(s), Encoding::Utf8),
        Err(_) => {
            let (s, _) = encoding_rs::GB18030.decode_without_bom_handling(body);
            (s, Encoding::Gb18030)
        }
    }
}

/// The separator: a tab for a `.tsv` file, else guessed from the first line, where the
/// separator is the most frequent of comma and tab (Excel writes tabs for "Unicode text"), or
/// a semicolon when there is neither (some locales). A title row Excel writes above a table
/// is padded with the table's separators (`标题,,,,`), so the first line still decides.
fn delimiter(text: &str, file: &str) -> u8 {
    if file.to_lowercase().ends_with(".tsv") {
        return b'\t';
    }
    let first = text.lines().next().unwrap_or_default();
    let count = |c: char| first.matches(c).count();
    if count('\t') > count(',') {
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

/// Reads a CSV file's bytes into a table; `file` is the path shown in diagnostics (a `.tsv`
/// file is tab-separated).
pub fn read_csv(bytes: &[u8], file: &str) -> Result<(Table, Encoding), Diagnostic> {
    let (text, encoding) = decode(bytes);
    if let Some(at) = text.find('\0') {
        let line = text[..at].matches('\n').count() as u32 + 1;
        return Err(Diagnostic::error(
            codes::FILE_UNREADABLE,
            Loc::line(file, line, None),
            msg!(E0101Nul),
        )
        .with_help(crate::i18n::Key::E0101NulHelp));
    }
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter(&text, file))
        .from_reader(text.as_bytes());
    let line_starts: Vec<usize> = std::iter::once(0)
        .chain(text.match_indices('\n').map(|(i, _)| i + 1))
        .collect();
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| {
            let line = e.position().map_or(1, |p| p.line() as u32);
            Diagnostic::error(
                codes::FILE_UNREADABLE,
                Loc::line(file, line, None),
                msg!(E0101Csv, error = e),
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
        rows.push((Loc::line(file, line, None), cells));
    }
    if rows.is_empty() {
        return Err(Diagnostic::error(
            codes::FILE_UNREADABLE,
            Loc::file(file),
            msg!(E0101Empty),
        ));
    }
    let table = split_header(rows);
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
        assert_eq!(t.rows[0].cells[1].loc.to_string(), "f.csv:3:2 (B3)");
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
    fn reads_utf16_with_either_byte_order_mark() {
        let text = "任务编号\t部门\r\nA1\t消防\r\n";
        let le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let be: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        for (bytes, want) in [(le, Encoding::Utf16Le), (be, Encoding::Utf16Be)] {
            let (t, enc) = read_csv(&bytes, "f.txt").unwrap();
            assert_eq!(enc, want);
            assert_eq!(t.header[0].text, "任务编号");
            assert_eq!(t.rows[0].cells[1].text, "消防");
            assert_eq!(t.rows[0].cells[1].loc.to_string(), "f.txt:2:2 (B2)");
        }
    }

    #[test]
    fn tsv_is_split_on_tabs_whatever_its_header_holds() {
        let (t, _) = read_csv(b"a,b\tc\n1\t2\n", "f.tsv").unwrap();
        assert_eq!(t.header[0].text, "a,b");
        assert_eq!(t.rows[0].cells[1].text, "2");
    }

    #[test]
    fn nul_bytes_are_an_error_not_garbage() {
        let e = read_csv(b"t\0a\0s\0k\0\n\0", "f.csv").unwrap_err();
        assert_eq!(e.code, codes::FILE_UNREADABLE);
        assert!(e.help.unwrap().en().contains("UTF-16"));
    }

    #[test]
    fn empty_file_is_an_error() {
        assert!(read_csv(b"\n\n", "f.csv").is_err());
    }
}
