//! Provides the text and JSON reports of a loaded workspace: `check` prints them, and a command
//! that refuses a workspace with errors shows the same report, so a clerk sees one layout.

use crate::cli::lang;
use chayici::diag::{Diagnostic, printable};
use chayici::i18n::{Key, Msg};
use chayici::ingest::{Loaded, Summary};
use chayici::msg;
use std::io::Write;

/// The JSON report: every diagnostic with its location also rendered as `file:line:col`, its
/// message and help in the run's language, and the catalogue keys and arguments beside them.
pub fn json_report(loaded: &Loaded) -> serde_json::Value {
    let diagnostics: Vec<serde_json::Value> = loaded
        .diagnostics
        .iter()
        .map(|d| {
            let mut v = d.to_json(lang());
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
    for line in d.render(lang()).lines() {
        writeln!(out, "  {line}")?;
    }
    Ok(())
}

/// `n` with the word for one or for many, in the run's language.
fn plural(n: usize, one: Key, many: Key) -> String {
    Msg::new(if n == 1 { one } else { many })
        .arg("n", n)
        .render(lang())
}

fn write_summary(out: &mut impl Write, s: &Summary) -> std::io::Result<()> {
    let lang = lang();
    let line = |m: Msg| m.render(lang);
    writeln!(
        out,
        "{}",
        line(msg!(SumWorkspace, name = printable(&s.name)))
    )?;
    match s.horizon {
        Some((a, b)) => writeln!(
            out,
            "{}",
            line(msg!(
                SumHorizon,
                start = a,
                end = b,
                days = plural(s.days, Key::SumDay, Key::SumDays),
                working = plural(s.working_days, Key::SumWorkingDay, Key::SumWorkingDays)
            ))
        )?,
        None => writeln!(out, "{}", line(msg!(SumHorizonNotSet)))?,
    }
    writeln!(out, "{}", line(msg!(SumFirms, n = s.firms)))?;
    writeln!(out, "{}", line(msg!(SumTeams, n = s.teams)))?;
    writeln!(out, "{}", line(msg!(SumTasks, n = s.tasks)))?;
    for d in &s.departments {
        let name = if d.name != d.code {
            format!("{} ({})", d.code, d.name)
        } else {
            d.code.clone()
        };
        let note = if d.covered {
            ""
        } else {
            lang.text(Key::SumUncovered)
        };
        writeln!(out, "    {}: {}{note}", printable(&name), d.tasks)?;
    }
    if let Some(t) = &s.travel {
        writeln!(
            out,
            "{}",
            line(msg!(SumTravel, travel = printable(&t.to_string())))
        )?;
    }
    writeln!(
        out,
        "{}",
        line(msg!(
            SumTotals,
            errors = plural(s.errors, Key::SumError, Key::SumErrors),
            warnings = plural(s.warnings, Key::SumWarning, Key::SumWarnings)
        ))
    )
}
