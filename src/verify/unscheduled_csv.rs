//! Checks unscheduled.csv against plan.json (every task left out there, once, in order, with
//! the same reason) and against the instance (each task's department and firm). The file's
//! `reason_text` must say its `reason` in one of the catalogue's languages, whichever the
//! plan was written in; a file without the column (written before it) is still read.

use super::rows::{Comparison, at, read_rows};
use super::written::{UNSCHEDULED_COLUMNS, UNSCHEDULED_TEXT_COLUMNS, cell, uncell};
use super::{Violation, ViolationKind as K};
use crate::i18n::{Lang, reason_key};
use crate::model::{Instance, Plan, Reason, Unscheduled};
use std::collections::HashMap;

/// The file's name in the plan folder.
pub(super) const FILE: &str = "unscheduled.csv";

/// Checks `text` against `plan` (when plan.json could be read) and the instance, and returns
/// the tasks it lists with their lines; `None` when the file cannot be read at all.
pub(super) fn check(
    inst: &Instance,
    text: &str,
    plan: Option<&Plan>,
    out: &mut Vec<Violation>,
) -> Option<Vec<(Unscheduled, usize)>> {
    let with_text = header_of(text).is_some_and(|h| h == UNSCHEDULED_TEXT_COLUMNS);
    let columns: &[&str] = if with_text {
        &UNSCHEDULED_TEXT_COLUMNS
    } else {
        &UNSCHEDULED_COLUMNS
    };
    let mut rows = read_rows(FILE, text, columns, out)?;
    if with_text {
        for row in &mut rows {
            let said = row.cells.pop().unwrap_or_default();
            let Some(reason) = Reason::from_code(&row.cells[3]) else {
                continue; // the loop below reports the unknown code
            };
            let key = reason_key(reason);
            if ![Lang::Zh, Lang::En]
                .iter()
                .any(|l| l.text(key) == uncell(&said))
            {
                out.push(at(
                    FILE,
                    row.line,
                    K::WrongCell,
                    format!(
                        "reason_text is `{said}`, but reason {} reads `{}` (or `{}`)",
                        reason.code(),
                        Lang::Zh.text(key),
                        Lang::En.text(key)
                    ),
                ));
            }
        }
    }
    if let Some(plan) = plan {
        let expected: Vec<Vec<String>> = plan
            .unscheduled
            .iter()
            .filter_map(|u| Some((inst.tasks.get(u.task)?, u.reason)))
            .map(|(task, reason)| {
                vec![
                    cell(&task.id),
                    cell(
                        inst.departments
                            .get(task.department)
                            .map_or("?", |d| &d.code),
                    ),
                    cell(inst.firms.get(task.firm).map_or("?", |f| &f.id)),
                    reason.code().to_owned(),
                ]
            })
            .collect();
        let scheduled: Vec<String> = plan
            .routes
            .iter()
            .flat_map(|r| &r.visits)
            .flat_map(|v| &v.tasks)
            .filter_map(|&t| inst.tasks.get(t))
            .map(|t| cell(&t.id))
            .collect();
        let hint = |c: &[String]| {
            scheduled
                .contains(&c[0])
                .then(|| "plan.json schedules this task".to_owned())
        };
        Comparison {
            file: FILE,
            columns: &UNSCHEDULED_COLUMNS,
            key: &[0],
            describe: &|c: &[String]| format!("task {}", c[0]),
            hint: &hint,
        }
        .run(&expected, &rows, out);
    }
    let tasks: HashMap<&str, usize> = inst
        .tasks
        .iter()
        .enumerate()
        .map(|(i, t)| (t.id.as_str(), i))
        .collect();
    let mut listed = Vec::new();
    for row in &rows {
        let c = &row.cells;
        let Some(&t) = tasks.get(uncell(&c[0])) else {
            out.push(at(
                FILE,
                row.line,
                K::MalformedRow,
                format!("task `{}` is not in the workspace", c[0]),
            ));
            continue;
        };
        let task = &inst.tasks[t];
        let dept = cell(
            inst.departments
                .get(task.department)
                .map_or("?", |d| &d.code),
        );
        if c[1] != dept {
            out.push(at(
                FILE,
                row.line,
                K::WrongCell,
                format!("department is `{}`, but task {} is of `{dept}`", c[1], c[0]),
            ));
        }
        let firm = cell(inst.firms.get(task.firm).map_or("?", |f| &f.id));
        if c[2] != firm {
            out.push(at(
                FILE,
                row.line,
                K::WrongCell,
                format!("firm_id is `{}`, but task {} is at firm {firm}", c[2], c[0]),
            ));
        }
        let Some(reason) = Reason::from_code(&c[3]) else {
            out.push(at(
                FILE,
                row.line,
                K::MalformedRow,
                format!(
                    "reason `{}` is not one of {}",
                    c[3],
                    Reason::ALL.map(|r| r.code()).join(", ")
                ),
            ));
            continue;
        };
        listed.push((Unscheduled { task: t, reason }, row.line));
    }
    Some(listed)
}

/// The cells of the file's first record, when it can be read.
fn header_of(text: &str) -> Option<Vec<String>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes())
        .records()
        .next()?
        .ok()
        .map(|r| r.iter().map(str::to_owned).collect())
}
