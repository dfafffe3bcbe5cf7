//! Provides the JSON of a diff, a stable shape for scripts: `format` and `format_version`
//! say what it is, times are `HH:MM`, dates ISO, lists in the text's order.

use super::compare::{PlanDiff, Slot};
use crate::model::VisitSnap;
use crate::model::fmt_minute;
use serde_json::{Value, json};
use std::io::Write;

/// The value of `format`.
pub const DIFF_FORMAT: &str = "chayici-diff";
/// Bumped when a reader of an older diff would misread a newer one.
pub const DIFF_FORMAT_VERSION: u32 = 1;

fn visit(v: &VisitSnap) -> Value {
    json!({
        "firm_id": v.firm,
        "firm_name": v.firm_name,
        "task_ids": v.tasks,
        "arrive": fmt_minute(v.arrive),
        "start": fmt_minute(v.start),
        "end": fmt_minute(v.end),
    })
}

fn slot(s: &Slot) -> Value {
    json!({ "team_id": s.team, "date": s.date })
}

/// The diff as a JSON value; `old_plan` and `new_plan` name the folders compared.
pub fn diff_json(d: &PlanDiff, old_plan: &str, new_plan: &str) -> Value {
    let t = &d.totals;
    json!({
        "format": DIFF_FORMAT,
        "format_version": DIFF_FORMAT_VERSION,
        "old_plan": old_plan,
        "new_plan": new_plan,
        "from": d.from,
        "unchanged": d.is_empty(),
        "totals": {
            "old_visits": t.old_visits,
            "new_visits": t.new_visits,
            "visits_kept": t.visits_kept,
            "visits_changed": t.visits_changed,
            "visits_added": t.visits_added,
            "visits_removed": t.visits_removed,
            "tasks_moved": t.tasks_moved,
            "tasks_added": t.tasks_added,
            "tasks_dropped": t.tasks_dropped,
            "stability_base": t.stability_base,
            "stability_kept": t.stability_kept,
            "stability_percent": t.stability_percent(),
            "changes_before_from": t.changes_before_from,
        },
        "days": d.days.iter().map(|day| json!({
            "team_id": day.slot.team,
            "date": day.slot.date,
            "kept": day.kept,
            "changed": day.changed.iter().map(|c| json!({
                "firm_id": c.new.firm,
                "firm_name": c.new.firm_name,
                "old": visit(&c.old),
                "new": visit(&c.new),
            })).collect::<Vec<_>>(),
            "added": day.added.iter().map(visit).collect::<Vec<_>>(),
            "removed": day.removed.iter().map(visit).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
        "moved_tasks": d.moved_tasks.iter().map(|m| json!({
            "task_id": m.task,
            "old": slot(&m.old),
            "new": slot(&m.new),
        })).collect::<Vec<_>>(),
        "added_tasks": d.added_tasks.iter().map(|p| json!({
            "task_id": p.task, "team_id": p.at.team, "date": p.at.date,
        })).collect::<Vec<_>>(),
        "dropped_tasks": d.dropped_tasks.iter().map(|p| json!({
            "task_id": p.task, "team_id": p.at.team, "date": p.at.date,
        })).collect::<Vec<_>>(),
    })
}

/// Writes [`diff_json`] pretty-printed with a final newline.
pub fn write_diff_json<W: Write>(
    mut w: W,
    d: &PlanDiff,
    old_plan: &str,
    new_plan: &str,
) -> std::io::Result<()> {
    serde_json::to_writer_pretty(&mut w, &diff_json(d, old_plan, new_plan))?;
    w.write_all(b"\n")
}
