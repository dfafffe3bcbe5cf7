//! Provides `done.csv`: what became of the tasks the plan sent teams to.

use super::Refs;
use crate::diag::Diagnostic;
use crate::i18n::Key;
use crate::ingest::codes;
use crate::ingest::headers::{DONE_FIELDS, map_headers};
use crate::ingest::table::{Cell, Table};
use crate::model::{DoneRecord, DoneStatus, Loc, TaskIndex};
use crate::msg;
use std::collections::HashMap;

/// Reads `done.csv`'s tables. A task listed twice is a warning (W1709) and the later row is
/// the one [`crate::model::MonthRecords::status_of`] uses: a clerk corrects a record by
/// adding a row. The `date` is the clerk's record only; the planner does not use it.
pub fn read_done(tables: &[Table], refs: &Refs, diags: &mut Vec<Diagnostic>) -> Vec<DoneRecord> {
    let mut out = Vec::new();
    let mut first: HashMap<TaskIndex, Loc> = HashMap::new();
    for table in tables {
        let (cols, d) = map_headers(table, DONE_FIELDS);
        diags.extend(d);
        let c = |name: &str| cols.get(name);
        if c("task_id").is_none() || c("status").is_none() {
            continue;
        }
        for row in &table.rows {
            let before = diags.len();
            let task = refs
                .task(row.get(c("task_id")), &row.loc_of(c("task_id")))
                .map_err(|d| diags.push(d))
                .ok()
                .flatten();
            let status = e1705_status(row.get(c("status")), &row.loc_of(c("status")))
                .map_err(|d| diags.push(d))
                .ok();
            let date = row
                .get(c("date"))
                .and_then(|cell| refs.date(cell).map_err(|d| diags.push(d)).ok());
            if diags[before..].iter().any(Diagnostic::is_error) {
                continue;
            }
            let (Some(task), Some(status)) = (task, status) else {
                continue;
            };
            let loc = row.loc.clone();
            if let Some(earlier) = first.get(&task) {
                diags.push(
                    Diagnostic::warning(
                        codes::DONE_TWICE,
                        row.loc_of(c("task_id")),
                        msg!(W1709Twice, task = row.text(c("task_id")), first = earlier),
                    )
                    .with_help(Key::W1709Help),
                );
            } else {
                first.insert(task, loc.clone());
            }
            out.push(DoneRecord {
                task,
                status,
                date,
                note: row.text(c("note")).to_string(),
                loc,
            });
        }
    }
    out
}

/// E1705: a status is one of [`DoneStatus`]'s words, in English or Chinese.
fn e1705_status(cell: Option<&Cell>, row: &Loc) -> Result<DoneStatus, Diagnostic> {
    let Some(cell) = cell else {
        return Err(
            crate::ingest::validate::ids::e0107_empty_required("", Key::WordStatus, row)
                .expect("empty"),
        );
    };
    DoneStatus::parse(&cell.text).ok_or_else(|| {
        Diagnostic::error(
            codes::BAD_STATUS,
            cell.loc.clone(),
            msg!(E1705Status, status = &cell.text),
        )
        .with_help(Key::E1705Help)
    })
}
