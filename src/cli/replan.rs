//! Reads what a replan starts from (`plan --keep OLD --from DATE`), for `plan` and `verify`,
//! and says what it did with it.

use chayici::model::{DayIndex, Instance};
use chayici::output::{FreedTask, PlanRecord, ReplanMeta};
use chayici::replan::ReplanNotes;
use chrono::NaiveDate;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Parses `--from` as the plans' dates are read: `2026-12-10`, `2026/12/10`, `2026年12月10日` ….
pub fn parse_date(s: &str) -> Result<NaiveDate, String> {
    chayici::ingest::dates::parse_date(s)
        .ok_or_else(|| format!("`{s}` is not a date like 2026-12-10"))
}

/// The day of `date` in the workspace's horizon, or why it is not one.
pub fn day_in(inst: &Instance, date: NaiveDate) -> Result<DayIndex, String> {
    let (Some(first), Some(last)) = (inst.calendar.dates.first(), inst.calendar.dates.last())
    else {
        return Err("the workspace's horizon is empty".into());
    };
    inst.calendar.index_of(date).ok_or_else(|| {
        format!("--from {date} lies outside the workspace's horizon, {first} to {last}")
    })
}

/// The plan folder a replan's plan.json names as its start, resolved from the plan folder
/// `dir`; `None` for a plan made from scratch.
pub fn recorded_basis(dir: &Path, plan_json: &str) -> Option<(PathBuf, Option<NaiveDate>)> {
    let record = PlanRecord::read(plan_json);
    let from = record.replan_from;
    record.replan_old_plan.map(|p| (dir.join(p), from))
}

/// plan.json's `replan`.
pub fn meta(inst: &Instance, notes: &ReplanNotes, old_plan: Option<String>) -> ReplanMeta {
    ReplanMeta {
        from: inst.calendar.date(notes.from),
        old_plan,
        fixed_visits: notes.fixed_visits,
        fixed_tasks: notes.fixed_tasks,
        freed: notes
            .freed
            .iter()
            .map(|&(t, why)| FreedTask {
                task_id: inst.tasks[t].id.clone(),
                why: why.code().to_owned(),
            })
            .collect(),
        vanished_task_ids: notes.vanished.clone(),
        new_tasks: notes.new_tasks.len(),
    }
}

/// What the replan kept, moved and could not keep, for the terminal summary.
pub fn write_notes(
    w: &mut impl Write,
    inst: &Instance,
    notes: &ReplanNotes,
    kept: usize,
    moved_tasks: usize,
) -> std::io::Result<()> {
    let from = inst.calendar.date(notes.from);
    writeln!(
        w,
        "  replan from  {from}: {} visits before it fixed ({} tasks), {} new task(s)",
        notes.fixed_visits,
        notes.fixed_tasks,
        notes.new_tasks.len()
    )?;
    let share = if notes.previous_visits == 0 {
        100.0
    } else {
        kept as f64 * 100.0 / notes.previous_visits as f64
    };
    writeln!(
        w,
        "  stability    {kept} of {} later visits kept as they were ({share:.1} %), {moved_tasks} task(s) moved",
        notes.previous_visits
    )?;
    if !notes.freed.is_empty() {
        let list: Vec<String> = notes
            .freed
            .iter()
            .map(|&(t, why)| format!("{} ({})", inst.tasks[t].id, why.code()))
            .collect();
        writeln!(w, "  planned again {}", list.join(", "))?;
    }
    if !notes.vanished.is_empty() {
        writeln!(
            w,
            "  warning: {} task(s) of the old plan are no longer in the plans and were dropped: {}",
            notes.vanished.len(),
            notes.vanished.join(", ")
        )?;
    }
    if !notes.done_ignored.is_empty() {
        let list: Vec<&str> = notes
            .done_ignored
            .iter()
            .map(|&t| inst.tasks[t].id.as_str())
            .collect();
        writeln!(
            w,
            "  note: done.csv says done for {} task(s) the old plan had not visited before {from}; they are planned as usual: {}",
            list.len(),
            list.join(", ")
        )?;
    }
    Ok(())
}
