//! Reads the rows of a plan's CSV files and holds them against the rows plan.json implies:
//! every row there once, in plan.json's order, each cell the same.
//!
//! Rows are matched by key (team, date and firm for routes.csv; the task for
//! unscheduled.csv), not by position, so one deleted or added row is reported as that, not
//! as every row after it differing.

use super::{Violation, ViolationKind as K};
use std::collections::HashMap;

/// One data row of a CSV file and the line it starts on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Row {
    /// 1-based line in the file.
    pub line: usize,
    /// The cells as written.
    pub cells: Vec<String>,
}

/// A finding about `file`, at `line`.
pub(super) fn at(file: &str, line: usize, kind: K, msg: String) -> Violation {
    Violation::new(kind, msg).in_file(file).line(line)
}

/// Reads the data rows of `text`, after checking its header is `columns`; `None` (after
/// pushing why) when the file cannot be read as one chayici writes.
pub(super) fn read_rows(
    file: &str,
    text: &str,
    columns: &[&str],
    out: &mut Vec<Violation>,
) -> Option<Vec<Row>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    let mut header_seen = false;
    for record in reader.records() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line() as usize);
                out.push(at(file, line, K::UnreadableFile, format!("not CSV: {e}")));
                return None;
            }
        };
        let line = record.position().map_or(0, |p| p.line() as usize);
        let cells: Vec<String> = record.iter().map(str::to_owned).collect();
        if !header_seen {
            header_seen = true;
            if cells != columns {
                out.push(at(
                    file,
                    line,
                    K::UnreadableFile,
                    format!(
                        "the header is `{}`, but {file} has the columns `{}`",
                        cells.join(","),
                        columns.join(",")
                    ),
                ));
                return None;
            }
            continue;
        }
        if cells.len() != columns.len() {
            out.push(at(
                file,
                line,
                K::MalformedRow,
                format!(
                    "the row has {} cells, but {file} has {} columns",
                    cells.len(),
                    columns.len()
                ),
            ));
            continue;
        }
        rows.push(Row { line, cells });
    }
    if !header_seen {
        out.push(
            Violation::new(K::UnreadableFile, "the file is empty, not even a header").in_file(file),
        );
        return None;
    }
    Some(rows)
}

/// How to hold one CSV file against the rows plan.json implies.
pub(super) struct Comparison<'a> {
    /// The file, for messages.
    pub file: &'a str,
    /// Its columns.
    pub columns: &'a [&'a str],
    /// The columns that identify a row.
    pub key: &'a [usize],
    /// What a row is, in words (`team T1 on 2026-12-07 at firm …`).
    pub describe: &'a dyn Fn(&[String]) -> String,
    /// Where plan.json has a row that is not where the file has it, when it does.
    pub hint: &'a dyn Fn(&[String]) -> Option<String>,
}

impl Comparison<'_> {
    fn key_of(&self, cells: &[String]) -> Vec<String> {
        self.key.iter().map(|&c| cells[c].clone()).collect()
    }

    /// Pushes a violation for every row of `rows` that is extra, repeated, out of order or
    /// different from `expected`, and for every expected row missing.
    pub fn run(&self, expected: &[Vec<String>], rows: &[Row], out: &mut Vec<Violation>) {
        let mut by_key: HashMap<Vec<String>, Vec<usize>> = HashMap::new();
        for (i, cells) in expected.iter().enumerate() {
            by_key.entry(self.key_of(cells)).or_default().push(i);
        }
        let mut matched: Vec<Option<usize>> = vec![None; expected.len()];
        let mut latest: Option<(usize, usize)> = None;
        for row in rows {
            let candidates = by_key.get(&self.key_of(&row.cells));
            let Some(candidates) = candidates else {
                let hint = (self.hint)(&row.cells).map_or(String::new(), |h| format!("; {h}"));
                out.push(at(
                    self.file,
                    row.line,
                    K::RowExtra,
                    format!(
                        "{}: plan.json has no such row{hint}",
                        (self.describe)(&row.cells)
                    ),
                ));
                continue;
            };
            let Some(&i) = candidates.iter().find(|&&i| matched[i].is_none()) else {
                let first = matched[candidates[0]].unwrap_or(0);
                out.push(at(
                    self.file,
                    row.line,
                    K::RowDuplicated,
                    format!(
                        "{}: the row repeats line {first}",
                        (self.describe)(&row.cells)
                    ),
                ));
                continue;
            };
            matched[i] = Some(row.line);
            match latest {
                Some((j, line)) if j > i => out.push(at(
                    self.file,
                    row.line,
                    K::RowOutOfOrder,
                    format!(
                        "{}: the row comes after line {line}, but plan.json has it before",
                        (self.describe)(&row.cells)
                    ),
                )),
                _ => latest = Some((i, row.line)),
            }
            self.compare_cells(&expected[i], row, out);
        }
        for (i, cells) in expected.iter().enumerate() {
            if matched[i].is_none() {
                out.push(
                    Violation::new(
                        K::RowMissing,
                        format!(
                            "no row for {}, which plan.json has (it belongs at line {})",
                            (self.describe)(cells),
                            i + 2
                        ),
                    )
                    .in_file(self.file),
                );
            }
        }
    }

    fn compare_cells(&self, expected: &[String], row: &Row, out: &mut Vec<Violation>) {
        for (c, name) in self.columns.iter().enumerate() {
            if self.key.contains(&c) || expected[c] == row.cells[c] {
                continue;
            }
            let (have, want) = (&row.cells[c], &expected[c]);
            let mut msg = format!("{name} is `{have}`, but plan.json has `{want}`");
            if name.ends_with("_ids") || *name == "departments" {
                msg.push_str(&list_difference(have, want));
            }
            out.push(at(
                self.file,
                row.line,
                K::FilesDisagree,
                format!("{}: {msg}", (self.describe)(&row.cells)),
            ));
        }
    }
}

/// ` (missing: a; extra: b)` between two `;`-separated lists.
fn list_difference(have: &str, want: &str) -> String {
    let split = |s: &str| -> Vec<String> {
        s.split(';')
            .filter(|x| !x.is_empty())
            .map(str::to_owned)
            .collect()
    };
    let (have, want) = (split(have), split(want));
    let missing: Vec<&str> = want
        .iter()
        .filter(|w| !have.contains(w))
        .map(String::as_str)
        .collect();
    let extra: Vec<&str> = have
        .iter()
        .filter(|h| !want.contains(h))
        .map(String::as_str)
        .collect();
    let mut parts = Vec::new();
    if !missing.is_empty() {
        parts.push(format!("missing: {}", missing.join(";")));
    }
    if !extra.is_empty() {
        parts.push(format!("extra: {}", extra.join(";")));
    }
    if parts.is_empty() {
        String::new()
    } else {
        format!(" ({})", parts.join("; "))
    }
}
