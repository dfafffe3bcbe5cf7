//! Provides `routes.csv` and `unscheduled.csv`, the flat files an office opens in a
//! spreadsheet or feeds to its own scripts.
//!
//! Plain UTF-8 without a byte-order mark, so scripts compare the header exactly; the teams'
//! Excel-friendly sheets are [`super::sheets`]. Every text cell goes through
//! [`escape_cell`], because firm names and items come from departments' files and a cell
//! starting with `=` would run as a formula on the office's computer.

use super::legs::route_legs;
use super::round3;
use crate::i18n::{Lang, reason_key};
use crate::model::{Instance, Plan, fmt_minute};
use std::borrow::Cow;
use std::io::Write;

/// Columns of routes.csv, in order.
/// The firm's contact columns come last, so readers written for the first thirteen keep
/// working.
pub const ROUTES_HEADER: [&str; 16] = [
    "team_id",
    "date",
    "seq",
    "firm_id",
    "firm_name",
    "arrive",
    "start",
    "end",
    "depart",
    "task_ids",
    "departments",
    "travel_km",
    "travel_minutes",
    "contact",
    "phone",
    "notes",
];

/// Columns of unscheduled.csv, in order.
pub const UNSCHEDULED_HEADER: [&str; 5] =
    ["task_id", "department", "firm_id", "reason", "reason_text"];

/// Prefixes `'` to a cell a spreadsheet would read as a formula: one starting with `=`, `+`,
/// `-`, `@`, a tab or a carriage return.
pub fn escape_cell(s: &str) -> Cow<'_, str> {
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        Cow::Owned(format!("'{s}"))
    } else {
        Cow::Borrowed(s)
    }
}

fn record<W: Write>(out: &mut csv::Writer<W>, cells: &[String]) -> csv::Result<()> {
    out.write_record(cells.iter().map(|c| escape_cell(c).into_owned()))
}

/// Writes routes.csv: a row per visit, then per route a last row for the drive back to base,
/// with an empty `firm_id` and the time back at base as its `arrive`.
pub fn write_routes_csv<W: Write>(w: W, inst: &Instance, plan: &Plan) -> csv::Result<()> {
    let mut out = csv::Writer::from_writer(w);
    out.write_record(ROUTES_HEADER)?;
    for r in &plan.routes {
        let team = &inst.teams[r.team].id;
        let date = inst.calendar.date(r.day).to_string();
        let legs = route_legs(inst, r);
        for (i, (v, leg)) in r.visits.iter().zip(&legs).enumerate() {
            let firm = &inst.firms[v.firm];
            let ids: Vec<&str> = v.tasks.iter().map(|&t| inst.tasks[t].id.as_str()).collect();
            let mut depts: Vec<&str> = inst
                .departments_of(&v.tasks)
                .iter()
                .map(|d| inst.departments[d].code.as_str())
                .collect();
            depts.sort_unstable();
            record(
                &mut out,
                &[
                    team.clone(),
                    date.clone(),
                    (i + 1).to_string(),
                    firm.id.clone(),
                    firm.name.clone(),
                    fmt_minute(v.arrive),
                    fmt_minute(v.start),
                    fmt_minute(v.end),
                    fmt_minute(v.depart),
                    ids.join(";"),
                    depts.join(";"),
                    format!("{:.3}", round3(leg.km)),
                    leg.minutes.to_string(),
                    firm.contact.clone(),
                    firm.phone.clone(),
                    firm.notes.clone(),
                ],
            )?;
        }
        let back = legs.last().copied().unwrap_or_default();
        record(
            &mut out,
            &[
                team.clone(),
                date,
                (r.visits.len() + 1).to_string(),
                String::new(),
                String::new(),
                fmt_minute(r.return_base),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
                format!("{:.3}", round3(back.km)),
                back.minutes.to_string(),
                String::new(),
                String::new(),
                String::new(),
            ],
        )?;
    }
    out.flush()?;
    Ok(())
}

/// Writes unscheduled.csv: a row per task left out, with its reason code (stable, for
/// scripts) and the reason in words in `lang` (for the clerk who opens the file).
pub fn write_unscheduled_csv<W: Write>(
    w: W,
    inst: &Instance,
    plan: &Plan,
    lang: Lang,
) -> csv::Result<()> {
    let mut out = csv::Writer::from_writer(w);
    out.write_record(UNSCHEDULED_HEADER)?;
    for u in &plan.unscheduled {
        let task = &inst.tasks[u.task];
        record(
            &mut out,
            &[
                task.id.clone(),
                inst.departments[task.department].code.clone(),
                inst.firms[task.firm].id.clone(),
                u.reason.code().to_owned(),
                lang.text(reason_key(u.reason)).to_owned(),
            ],
        )?;
    }
    out.flush()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_starts_are_quoted_and_plain_text_is_not() {
        for s in ["=1+1", "+86 570", "-3", "@SUM(A1)", "\tx", "\rx"] {
            assert_eq!(escape_cell(s), format!("'{s}"), "{s:?}");
        }
        for s in ["常山县示例店", "91330822MA2E0A1B7U", "08:30", "a=b", ""] {
            assert!(matches!(escape_cell(s), Cow::Borrowed(_)), "{s:?}");
        }
    }
}
