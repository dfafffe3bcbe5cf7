//! Provides the diff as text for the office, and the words it uses, which the report's
//! "changes since the previous plan" section shares so both say the same thing. Chinese
//! first with the English term beside it; every label of a diff lives here.

use super::compare::{PlanDiff, Slot, Totals, VisitChange};
use crate::model::VisitSnap;
use crate::model::fmt_minute;
use std::io::{self, Write};

/// Title of the report section and of the text.
pub const TITLE: &str = "自上次计划以来的变化 Changes since the previous plan";
/// Said when two plans have the same visits.
pub const NOTHING_CHANGED: &str =
    "两份计划相同，没有变化。 No changes: both plans have the same visits at the same times.";
/// Label of a visit only the new plan has.
pub const ADDED: &str = "新增 added";
/// Label of a visit only the old plan has.
pub const REMOVED: &str = "取消 removed";
/// Label of a visit with other tasks or times.
pub const CHANGED: &str = "变更 changed";
/// Label of unchanged visits.
pub const KEPT: &str = "不变 kept";
/// Heading of the moved tasks.
pub const MOVED_TASKS: &str = "调整的任务 Moved tasks";
/// Heading of the tasks only the new plan schedules.
pub const ADDED_TASKS: &str = "新安排的任务 Tasks added";
/// Heading of the tasks only the old plan scheduled.
pub const DROPPED_TASKS: &str = "不再安排的任务 Tasks dropped";
/// Heading of the totals.
pub const TOTALS: &str = "合计 Totals";
/// Label of stability.
pub const STABILITY: &str = "稳定性 stability";
/// The team column.
pub const TEAM: &str = "检查组 team";
/// The date column.
pub const DATE: &str = "日期 date";
/// The task column.
pub const TASK: &str = "任务 task";
/// Where a task was.
pub const BEFORE: &str = "原安排 before";
/// Where a task is now.
pub const AFTER: &str = "现安排 after";

/// `T01 2026-12-10`.
pub fn slot_text(s: &Slot) -> String {
    format!("{} {}", s.team, s.date)
}

/// `09:10-10:00  firm (code)  task、task`.
fn visit_line(v: &VisitSnap) -> String {
    format!(
        "{}-{}  {} ({})  {}",
        fmt_minute(v.start),
        fmt_minute(v.end),
        v.firm_name,
        v.firm,
        v.tasks.join("、")
    )
}

fn change_line(c: &VisitChange) -> String {
    let mut parts = Vec::new();
    let (o, n) = (&c.old, &c.new);
    if (o.arrive, o.start, o.end) != (n.arrive, n.start, n.end) {
        parts.push(format!(
            "{}-{} → {}-{}",
            fmt_minute(o.start),
            fmt_minute(o.end),
            fmt_minute(n.start),
            fmt_minute(n.end)
        ));
    }
    if c.tasks_differ() {
        parts.push(format!("{} → {}", o.tasks.join("、"), n.tasks.join("、")));
    }
    format!("{} ({})  {}", n.firm_name, n.firm, parts.join("；"))
}

/// The stability line: `96.2%：原计划 … (100 of the old plan's 104 visits … kept)`, or a
/// dash when the old plan has no visit to keep.
pub fn stability_text(d: &PlanDiff) -> String {
    let t = &d.totals;
    let (zh, en) = match d.from {
        Some(f) => (format!("原计划 {f} 及以后的"), format!(" on or after {f}")),
        None => ("原计划的".to_owned(), String::new()),
    };
    match t.stability_percent() {
        Some(p) => format!(
            "{p:.1}%：{zh} {} 次入企中保留 {} 次 ({} of the old plan's {} visits{en} kept)",
            t.stability_base, t.stability_kept, t.stability_kept, t.stability_base
        ),
        None => format!("—：{zh}入企为 0 (the old plan has no visit{en})"),
    }
}

/// The totals as label-value lines, shared by the text and the report.
pub fn totals_lines(d: &PlanDiff) -> Vec<(String, String)> {
    let t: &Totals = &d.totals;
    let mut lines = vec![
        (
            "入企 visits".to_owned(),
            format!("{} → {}", t.old_visits, t.new_visits),
        ),
        (
            KEPT.to_owned(),
            format!(
                "{}；{CHANGED} {}；{ADDED} {}；{REMOVED} {}",
                t.visits_kept, t.visits_changed, t.visits_added, t.visits_removed
            ),
        ),
        (
            "任务 tasks".to_owned(),
            format!(
                "调整 moved {}；新安排 added {}；不再安排 dropped {}",
                t.tasks_moved, t.tasks_added, t.tasks_dropped
            ),
        ),
        (STABILITY.to_owned(), stability_text(d)),
    ];
    if t.changes_before_from > 0 {
        lines.push((
            "注意 note".to_owned(),
            format!(
                "{} 处变化早于 {}（应已完成）{} changes before the replan day",
                t.changes_before_from,
                d.from.map(|f| f.to_string()).unwrap_or_default(),
                t.changes_before_from
            ),
        ));
    }
    lines
}

/// Writes the diff for people: per team then date the visits added, removed and changed,
/// then the moved, added and dropped tasks, then the totals.
pub fn write_diff_text<W: Write>(
    w: &mut W,
    d: &PlanDiff,
    old_plan: &str,
    new_plan: &str,
) -> io::Result<()> {
    writeln!(w, "{TITLE}")?;
    writeln!(w, "  原计划 old: {old_plan}")?;
    writeln!(w, "  新计划 new: {new_plan}")?;
    if let Some(f) = d.from {
        writeln!(w, "  自 {f} 起重新安排 replanned from {f}")?;
    }
    writeln!(w)?;
    if d.is_empty() {
        writeln!(w, "{NOTHING_CHANGED}")?;
        writeln!(w)?;
    }
    let mut team: Option<&str> = None;
    for day in &d.days {
        if team != Some(day.slot.team.as_str()) {
            team = Some(&day.slot.team);
            writeln!(w, "检查组 team {}", day.slot.team)?;
        }
        writeln!(w, "  {}", day.slot.date)?;
        for v in &day.added {
            writeln!(w, "    + {ADDED}    {}", visit_line(v))?;
        }
        for v in &day.removed {
            writeln!(w, "    - {REMOVED}  {}", visit_line(v))?;
        }
        for c in &day.changed {
            writeln!(w, "    ~ {CHANGED}  {}", change_line(c))?;
        }
    }
    if !d.days.is_empty() {
        writeln!(w)?;
    }
    if !d.moved_tasks.is_empty() {
        writeln!(w, "{MOVED_TASKS} ({})", d.moved_tasks.len())?;
        for m in &d.moved_tasks {
            writeln!(
                w,
                "  {}  {} → {}",
                m.task,
                slot_text(&m.old),
                slot_text(&m.new)
            )?;
        }
        writeln!(w)?;
    }
    for (title, list) in [
        (ADDED_TASKS, &d.added_tasks),
        (DROPPED_TASKS, &d.dropped_tasks),
    ] {
        if list.is_empty() {
            continue;
        }
        writeln!(w, "{title} ({})", list.len())?;
        for p in list {
            writeln!(w, "  {}  {}", p.task, slot_text(&p.at))?;
        }
        writeln!(w)?;
    }
    writeln!(w, "{TOTALS}")?;
    for (label, value) in totals_lines(d) {
        writeln!(w, "  {label}: {value}")?;
    }
    Ok(())
}
