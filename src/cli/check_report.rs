//! Provides the text and JSON reports of a loaded workspace: `check` prints them, and a command
//! that refuses a workspace with errors shows the same report, so a clerk sees one layout.

use chayici::diag::{Diagnostic, printable};
use chayici::ingest::{Loaded, Summary};
use std::io::Write;

/// The JSON report: every diagnostic with its location also rendered as `file:line:col`.
pub fn json_report(loaded: &Loaded) -> serde_json::Value {
    let diagnostics: Vec<serde_json::Value> = loaded
        .diagnostics
        .iter()
        .map(|d| {
            let mut v = serde_json::to_value(d).unwrap_or_default();
            if let Some(o) = v.as_object_mut() {
                o.insert("location".into(), d.loc.to_string().into());
            }
            v
        })
        .collect();
    serde_json::json!({ "diagnostics": diagnostics, "summary": loaded.summary })
}

/// Writes the text report: diagnostics grouped by file (already sorted), then the summary.
pub fn write_text(out: &mut impl Write, loaded: &Loaded) -> std::io::Result<()> {
    let mut current: Option<&str> = None;
    for d in &loaded.diagnostics {
        if current != Some(d.loc.file.as_str()) {
            if current.is_some() {
                writeln!(out)?;
            }
            writeln!(out, "{}", printable(&d.loc.file))?;
            current = Some(&d.loc.file);
        }
        write_diagnostic(out, d)?;
    }
    if current.is_some() {
        writeln!(out)?;
    }
    write_summary(out, &loaded.summary)
}

fn write_diagnostic(out: &mut impl Write, d: &Diagnostic) -> std::io::Result<()> {
    for line in d.to_string().lines() {
        writeln!(out, "  {line}")?;
    }
    Ok(())
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

fn write_summary(out: &mut impl Write, s: &Summary) -> std::io::Result<()> {
    writeln!(out, "workspace: {}", printable(&s.name))?;
    match s.horizon {
        Some((a, b)) => writeln!(
            out,
            "  horizon:  {a} .. {b} ({}, {})",
            plural(s.days, "day", "days"),
            plural(s.working_days, "working day", "working days")
        )?,
        None => writeln!(out, "  horizon:  not set")?,
    }
    writeln!(out, "  firms:    {}", s.firms)?;
    writeln!(out, "  teams:    {}", s.teams)?;
    writeln!(out, "  tasks:    {}", s.tasks)?;
    for d in &s.departments {
        let name = if d.name != d.code {
            format!("{} ({})", d.code, d.name)
        } else {
            d.code.clone()
        };
        let note = if d.covered { "" } else { "  no team covers it" };
        writeln!(out, "    {}: {}{note}", printable(&name), d.tasks)?;
    }
    if let Some(t) = &s.travel {
        writeln!(out, "  travel:   {}", printable(&t.to_string()))?;
    }
    writeln!(
        out,
        "{}, {}",
        plural(s.errors, "error", "errors"),
        plural(s.warnings, "warning", "warnings")
    )
}
