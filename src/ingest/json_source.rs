//! Provides the JSON plan reader: an array of task objects, or an object naming the
//! department with its tasks (`{ "department": "xfjy", "tasks": [...] }`).
//!
//! serde_json keeps no positions in a `Value`, so a small scanner walks the same text to find
//! where each record and each key starts; diagnostics then name the line and column of the key.

use super::codes;
use super::table::{Cell, Row, Table, clean};
use crate::diag::Diagnostic;
use crate::model::Loc;
use crate::msg;
use serde_json::Value;
use std::collections::HashMap;

/// Reads a JSON plan's bytes into a table; `file` is the path shown in diagnostics.
pub fn read_json(bytes: &[u8], file: &str) -> Result<Table, Diagnostic> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|e| {
        Diagnostic::error(
            codes::FILE_UNREADABLE,
            Loc::file(file),
            msg!(E0101JsonUtf8, error = e),
        )
    })?;
    let value: Value = serde_json::from_str(text).map_err(|e| {
        Diagnostic::error(
            codes::FILE_UNREADABLE,
            Loc::line(file, e.line().max(1) as u32, Some(e.column().max(1) as u32)),
            msg!(E0101JsonInvalid, error = e),
        )
    })?;
    let shape_error = || {
        Diagnostic::error(
            codes::FILE_UNREADABLE,
            Loc::file(file),
            msg!(E0101JsonShape),
        )
    };
    let (records, department, key) = match &value {
        Value::Array(a) => (a, None, None),
        Value::Object(o) => {
            let tasks = o
                .get("tasks")
                .and_then(Value::as_array)
                .ok_or_else(shape_error)?;
            let dept = o
                .get("department")
                .map(scalar_text)
                .filter(|s| !s.is_empty());
            (tasks, dept, Some("tasks"))
        }
        _ => return Err(shape_error()),
    };
    let positions = scan_records(text, key);
    let mut table = Table {
        header_loc: Loc::line(file, 1, Some(1)),
        department,
        keyed: true,
        ..Table::default()
    };
    // Each key, with where it first appears, so a diagnostic about the key can point there.
    let mut columns: Vec<(String, Loc)> = Vec::new();
    for (i, record) in records.iter().enumerate() {
        let pos = positions.get(i);
        let (line, col) = pos.map_or((1, 1), |p| p.start);
        let row_loc = Loc::line(file, line, Some(col));
        let Value::Object(fields) = record else {
            return Err(Diagnostic::error(
                codes::FILE_UNREADABLE,
                row_loc,
                msg!(E0101JsonTask),
            ));
        };
        // The scanner counts keys as written; more than the parsed object holds means a key is
        // repeated (the scanner's own names are only used to say which).
        if let Some(p) = pos.filter(|p| p.written > fields.len()) {
            let (key, (l, c)) = p.repeated.clone().unwrap_or_default();
            return Err(Diagnostic::error(
                codes::FILE_UNREADABLE,
                Loc::line(file, l.max(1), Some(c.max(1))),
                msg!(E0101JsonKeyTwice, key = key),
            )
            .with_help(crate::i18n::Key::E0101KeepOne));
        }
        let mut cells = vec![
            Cell {
                text: String::new(),
                loc: row_loc.clone(),
            };
            columns.len()
        ];
        for (k, v) in fields {
            let (l, c) = pos
                .and_then(|p| p.keys.get(k))
                .copied()
                .unwrap_or((line, col));
            let idx = match columns.iter().position(|(c, _)| c == k) {
                Some(i) => i,
                None => {
                    columns.push((k.clone(), Loc::line(file, l, Some(c))));
                    cells.push(Cell {
                        text: String::new(),
                        loc: row_loc.clone(),
                    });
                    columns.len() - 1
                }
            };
            cells[idx] = Cell {
                text: clean(&scalar_text(v)),
                loc: Loc::line(file, l, Some(c)),
            };
        }
        table.rows.push(Row {
            loc: row_loc,
            cells,
        });
    }
    table.header = columns
        .into_iter()
        .map(|(text, loc)| Cell { text, loc })
        .collect();
    Ok(table)
}

/// A JSON value as cell text: strings as they are, lists joined with `;`, null as empty.
fn scalar_text(v: &Value) -> String {
    match v {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        Value::Array(a) => a.iter().map(scalar_text).collect::<Vec<_>>().join(";"),
        other => other.to_string(),
    }
}

/// Where a record starts, and where each of its keys is (1-based line, column in characters).
#[derive(Debug, Default)]
struct RecordPos {
    start: (u32, u32),
    keys: HashMap<String, (u32, u32)>,
    /// Keys written in the record, counted each time.
    written: usize,
    /// A key written a second time in the record, and where: JSON parsers keep one of the two
    /// values, so the other would be lost without a word.
    repeated: Option<(String, (u32, u32))>,
}

/// Finds the objects that are elements of the records array: the top-level array, or the
/// array under top-level key `key`. Assumes `text` already parsed as JSON.
fn scan_records(text: &str, key: Option<&str>) -> Vec<RecordPos> {
    let target_depth = if key.is_some() { 2 } else { 1 };
    let mut out: Vec<RecordPos> = Vec::new();
    // Stack of open brackets; for arrays, whether it is the records array.
    let mut stack: Vec<(char, bool)> = Vec::new();
    let (mut line, mut col) = (1u32, 0u32);
    let mut last_key: Option<String> = None;
    let mut chars = text.chars().peekable();
    let mut expecting_key = false;
    while let Some(c) = chars.next() {
        col += 1;
        match c {
            '\n' => {
                line += 1;
                col = 0;
            }
            '"' => {
                let at = (line, col);
                let mut s = String::new();
                while let Some(ch) = chars.next() {
                    col += 1;
                    match ch {
                        '\\' => {
                            if let Some(e) = chars.next() {
                                col += 1;
                                s.push(e);
                            }
                        }
                        '"' => break,
                        '\n' => {
                            line += 1;
                            col = 0;
                        }
                        _ => s.push(ch),
                    }
                }
                if expecting_key {
                    let in_record = stack.len() == target_depth + 1
                        && matches!(stack.last(), Some(('{', _)))
                        && stack.get(target_depth - 1).is_some_and(|s| s.1);
                    if in_record && let Some(r) = out.last_mut() {
                        r.written += 1;
                        if r.keys.contains_key(&s) {
                            r.repeated.get_or_insert((s.clone(), at));
                        } else {
                            r.keys.insert(s.clone(), at);
                        }
                    }
                    last_key = Some(s);
                    expecting_key = false;
                }
            }
            '{' => {
                if stack.len() == target_depth && stack.last().is_some_and(|s| s.1) {
                    out.push(RecordPos {
                        start: (line, col),
                        ..RecordPos::default()
                    });
                }
                stack.push(('{', false));
                expecting_key = true;
            }
            '[' => {
                let is_records = match key {
                    None => stack.is_empty(),
                    Some(k) => stack.len() == 1 && last_key.as_deref() == Some(k),
                };
                stack.push(('[', is_records));
            }
            '}' | ']' => {
                stack.pop();
            }
            ',' => expecting_key = matches!(stack.last(), Some(('{', _))),
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cell<'a>(t: &'a Table, row: usize, name: &str) -> &'a Cell {
        let i = t.header.iter().position(|h| h.text == name).unwrap();
        &t.rows[row].cells[i]
    }

    #[test]
    fn reads_department_object_with_positions() {
        let text = "{\n  \"department\": \"xfjy\",\n  \"tasks\": [\n    {\"task_id\": \"A\", \"minutes\": 30},\n    {\"task_id\": \"B\",\n     \"minutes\": null, \"extra\": [\"x\", \"y\"]}\n  ]\n}\n";
        let t = read_json(text.as_bytes(), "p.json").unwrap();
        assert_eq!(t.department.as_deref(), Some("xfjy"));
        assert_eq!(t.rows.len(), 2);
        assert_eq!(t.rows[0].loc.to_string(), "p.json:4:5");
        assert_eq!(cell(&t, 0, "minutes").text, "30");
        assert_eq!(cell(&t, 1, "task_id").loc.to_string(), "p.json:5:6");
        assert_eq!(cell(&t, 1, "minutes").loc.to_string(), "p.json:6:6");
        assert_eq!(cell(&t, 1, "extra").text, "x;y");
        assert_eq!(t.header.len(), 3);
    }

    #[test]
    fn reads_plain_array() {
        let t = read_json(br#"[{"a": 1}, {"b": "x"}]"#, "p.json").unwrap();
        assert_eq!(t.rows.len(), 2);
        assert_eq!(cell(&t, 1, "b").text, "x");
        assert_eq!(t.rows[1].loc.to_string(), "p.json:1:12");
    }

    #[test]
    fn a_key_written_twice_in_a_task_is_an_error_at_the_second() {
        let text = "[{\"task_id\": \"A\", \"latest\": \"2026-12-05\",\n  \"latest\": \"\"}]";
        let e = read_json(text.as_bytes(), "p.json").unwrap_err();
        assert_eq!(e.loc.to_string(), "p.json:2:3");
        assert!(
            e.message.en().contains("`latest` appears twice"),
            "{}",
            e.message.en()
        );
        // The same key in two tasks, or nested deeper, is fine, and so are keys that only
        // look alike before their escapes are read.
        assert!(read_json(br#"[{"a": {"b": 1, "b": 2}}, {"a": 3}]"#, "p.json").is_ok());
        assert!(read_json(br#"[{"n": 1, "\n": 2}]"#, "p.json").is_ok());
    }

    #[test]
    fn rejects_bad_shapes_with_position() {
        let e = read_json(b"[{\"a\": }]", "p.json").unwrap_err();
        assert_eq!(e.loc.line, Some(1));
        assert!(read_json(b"42", "p.json").is_err());
        assert!(read_json(b"[1]", "p.json").is_err());
        assert!(read_json(b"{\"tasks\": 1}", "p.json").is_err());
    }
}
