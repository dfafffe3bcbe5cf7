//! Provides the report's "why more than one visit" section: the explanations of
//! [`crate::explain`], grouped by firm, as `explanations.csv` lists them.

use super::escape::Esc;
use crate::explain::Explanation;
use std::io::{self, Write};

/// Writes the section's body: a table with a row per explanation.
pub fn write_explanations<W: Write>(w: &mut W, list: &[Explanation]) -> io::Result<()> {
    if list.is_empty() {
        return writeln!(
            w,
            r#"<p class="ok">没有企业被多次入企 no firm gets more than one visit.</p>"#
        );
    }
    writeln!(
        w,
        r#"<table><thead><tr><th>企业 firm</th><th>任务 tasks</th><th>入企次数 visits</th><th>原因 reason</th><th>说明 explanation</th></tr></thead><tbody>"#
    )?;
    for e in list {
        writeln!(
            w,
            r#"<tr data-kind="{}"><td>{}<br><small>{}</small></td><td>{}<br><small>{}</small></td><td>{}</td><td>{}<br><small>{}</small></td><td>{}<br><small>{}</small></td></tr>"#,
            e.kind.code(),
            Esc(&e.firm_name),
            Esc(&e.firm_id),
            Esc(&e.task_ids.join(", ")),
            Esc(&e.departments.join(", ")),
            e.visits,
            e.kind.label_zh(),
            e.kind.code(),
            Esc(&e.text_zh),
            Esc(&e.text_en),
        )?;
    }
    writeln!(w, "</tbody></table>")
}
