//! Provides the report's section on what changed since the plan this one was replanned from:
//! the totals and stability, and the moved tasks, so the office sees at a glance how much a
//! replan disturbs what the teams already have. Its words are the diff's own
//! ([`crate::diff::text`]), so the page and `chayici diff` agree.

use super::escape::Esc;
use crate::diff::PlanDiff;
use crate::diff::text::{
    AFTER, BEFORE, MOVED_TASKS, NOTHING_CHANGED, TASK, TITLE, slot_text, totals_lines,
};
use std::io::{self, Write};

/// Moved tasks listed before the rest are only counted: a replan that moves hundreds of tasks
/// is better read with `chayici diff`.
pub const MOVED_TASKS_SHOWN: usize = 100;

/// Writes `<section id="changes">`.
pub fn write_changes_section<W: Write>(w: &mut W, d: &PlanDiff) -> io::Result<()> {
    writeln!(w, r#"<section id="changes"><h2>{}</h2>"#, Esc(TITLE))?;
    if d.is_empty() {
        writeln!(w, "<p>{}</p>", Esc(NOTHING_CHANGED))?;
    }
    writeln!(w, r#"<table class="changes-totals"><tbody>"#)?;
    for (label, value) in totals_lines(d) {
        writeln!(
            w,
            "<tr><th>{}</th><td>{}</td></tr>",
            Esc(&label),
            Esc(&value)
        )?;
    }
    writeln!(w, "</tbody></table>")?;
    if !d.moved_tasks.is_empty() {
        writeln!(
            w,
            "<h3>{} <small>{}</small></h3>",
            Esc(MOVED_TASKS),
            d.moved_tasks.len()
        )?;
        writeln!(
            w,
            r#"<table class="moved"><thead><tr><th>{}</th><th>{}</th><th>{}</th></tr></thead><tbody>"#,
            Esc(TASK),
            Esc(BEFORE),
            Esc(AFTER)
        )?;
        for m in d.moved_tasks.iter().take(MOVED_TASKS_SHOWN) {
            writeln!(
                w,
                "<tr><td>{}</td><td>{}</td><td>{}</td></tr>",
                Esc(&m.task),
                Esc(&slot_text(&m.old)),
                Esc(&slot_text(&m.new))
            )?;
        }
        writeln!(w, "</tbody></table>")?;
        let rest = d.moved_tasks.len().saturating_sub(MOVED_TASKS_SHOWN);
        if rest > 0 {
            writeln!(
                w,
                r#"<p class="muted" data-more="{rest}">另有 {rest} 项未列出，见 <code>chayici diff</code>。 {rest} more not listed; see <code>chayici diff</code>.</p>"#
            )?;
        }
    }
    writeln!(w, "</section>")
}
