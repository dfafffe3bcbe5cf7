//! Provides `done.csv`: what became of the tasks the plan sent teams to.

use super::Refs;
use crate::diag::Diagnostic;
use crate::ingest::codes;
use crate::ingest::headers::{DONE_FIELDS, map_headers};
use crate::ingest::table::{Cell, Table};
use crate::model::{DoneRecord, DoneStatus, Loc, TaskIndex};
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
                        format!(
                            "task `{}` is listed again (first at {earlier}); this later row is used",
                            row.text(c("task_id"))
                        ),
                    )
                    .with_help("keep one row per task; when two are kept, the last one counts"),
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
            crate::ingest::validate::ids::e0107_empty_required("", "status", row).expect("empty"),
        );
    };
    DoneStatus::parse(&cell.text).ok_or_else(|| {
        Diagnostic::error(
            codes::BAD_STATUS,
            cell.loc.clone(),
            format!("status `{}` is not known", cell.text),
        )
        .with_help("use done, not_done, firm_closed or postponed (已完成, 未完成, 企业关门, 延期)")
    })
}
