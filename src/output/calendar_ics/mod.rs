//! Provides per-team calendars (RFC 5545 `.ics`), so a team can import its month of visits
//! into the calendar on its phones, and after a replan a calendar of only what changed.
//!
//! Output is byte-identical for the same plan: DTSTAMP comes from the horizon's first date
//! (the replan day after a replan), never from the wall clock. A visit's UID is
//! [`event_uid`]: its team, firm and first task id, none of which a replan changes when it
//! only moves the visit to another day or time, so the phone updates that event.

mod content;
mod update;

pub use content::{MAX_LINE_OCTETS, escape_text, write_folded};
pub use update::{CalendarUpdate, CancelledEvent, PreviousCalendars, published_sequences};

use crate::model::{Instance, Minute, Plan, TeamIndex, fmt_minute};
use crate::output::sheets::{Lang, VisitOfficers, VisitRow, dept_groups, officers_text, team_rows};
use chrono::NaiveDate;
use std::io::{self, Write};

/// The county's time zone; China has kept UTC+8 without daylight saving since 1991.
pub const TZID: &str = "Asia/Shanghai";

/// The UID of a visit's event: `team.firm.task@chayici`, where `task` is the smallest of the
/// visit's task ids, so the UID depends on neither the day, nor the position in the route,
/// nor the order of the workspace's files. It is unique within a plan (a task is done once)
/// and stays when a replan moves the visit to another day of the same team. Each id keeps
/// ASCII letters, digits, `-` and `_`, and writes any other byte as `%XX`, so the `.`
/// between them cannot be confused and the UID needs no TEXT escaping.
pub fn event_uid(team_id: &str, firm_id: &str, first_task_id: &str) -> String {
    fn enc(s: &str, out: &mut String) {
        for b in s.bytes() {
            if b.is_ascii_alphanumeric() || b == b'-' || b == b'_' {
                out.push(b as char);
            } else {
                out.push_str(&format!("%{b:02X}"));
            }
        }
    }
    let mut uid = String::new();
    enc(team_id, &mut uid);
    uid.push('.');
    enc(firm_id, &mut uid);
    uid.push('.');
    enc(first_task_id, &mut uid);
    uid.push_str("@chayici");
    uid
}

fn row_uid(inst: &Instance, team: TeamIndex, row: &VisitRow) -> String {
    let first = row
        .tasks
        .iter()
        .map(|&t| inst.tasks[t].id.as_str())
        .min()
        .unwrap_or("");
    event_uid(&inst.teams[team].id, &inst.firms[row.firm].id, first)
}

fn write_header<W: Write>(w: &mut W, name: &str) -> io::Result<()> {
    let mut line = |s: &str| write_folded(w, s);
    line("BEGIN:VCALENDAR")?;
    line("VERSION:2.0")?;
    line("PRODID:-//chayici//chayici (查一次)//ZH")?;
    line("CALSCALE:GREGORIAN")?;
    line("METHOD:PUBLISH")?;
    line(&format!("X-WR-CALNAME:{}", escape_text(name)))?;
    line(&format!("X-WR-TIMEZONE:{TZID}"))?;
    for l in [
        "BEGIN:VTIMEZONE",
        &format!("TZID:{TZID}"),
        "BEGIN:STANDARD",
        "DTSTART:19700101T000000",
        "TZOFFSETFROM:+0800",
        "TZOFFSETTO:+0800",
        "TZNAME:CST",
        "END:STANDARD",
        "END:VTIMEZONE",
    ] {
        line(l)?;
    }
    Ok(())
}

fn stamp(inst: &Instance, update: Option<&CalendarUpdate>) -> String {
    update
        .and_then(|u| u.stamp)
        .or_else(|| inst.calendar.dates.first().copied())
        .map_or_else(
            || "19700101".to_string(),
            |d| d.format("%Y%m%d").to_string(),
        )
}

/// One VEVENT's lines, from the start to the end of on-site work.
struct Event<'a> {
    uid: &'a str,
    sequence: u32,
    date: NaiveDate,
    start: Minute,
    end: Minute,
    summary: &'a str,
    location: &'a str,
    geo: Option<(f64, f64)>,
    description: &'a str,
    cancelled: bool,
}

fn write_event<W: Write>(w: &mut W, stamp: &str, e: &Event) -> io::Result<()> {
    let mut line = |s: &str| write_folded(w, s);
    let date = e.date.format("%Y%m%d");
    let end = e.end.max(e.start + 1);
    line("BEGIN:VEVENT")?;
    line(&format!("UID:{}", e.uid))?;
    line(&format!("DTSTAMP:{stamp}T000000Z"))?;
    if e.sequence > 0 {
        line(&format!("SEQUENCE:{}", e.sequence))?;
    }
    line(&format!("DTSTART;TZID={TZID}:{date}T{}", hhmmss(e.start)))?;
    line(&format!("DTEND;TZID={TZID}:{date}T{}", hhmmss(end)))?;
    line(&format!("SUMMARY:{}", escape_text(e.summary)))?;
    line(&format!("LOCATION:{}", escape_text(e.location)))?;
    if let Some((lat, lon)) = e.geo {
        line(&format!("GEO:{lat:.6};{lon:.6}"))?;
    }
    line(&format!("DESCRIPTION:{}", escape_text(e.description)))?;
    line(if e.cancelled {
        "STATUS:CANCELLED"
    } else {
        "STATUS:CONFIRMED"
    })?;
    line("TRANSP:OPAQUE")?;
    line("END:VEVENT")
}

/// Writes the events of `team`'s visits for which `keep` holds.
fn write_visit_events<W: Write>(
    w: &mut W,
    inst: &Instance,
    plan: &Plan,
    team: TeamIndex,
    update: Option<&CalendarUpdate>,
    officers: &VisitOfficers,
    keep: impl Fn(&str) -> bool,
) -> io::Result<()> {
    let stamp = stamp(inst, update);
    for row in team_rows(inst, plan, team, Lang::Zh) {
        let uid = row_uid(inst, team, &row);
        if !keep(&uid) {
            continue;
        }
        let firm = &inst.firms[row.firm];
        let place = crate::output::firm_location(inst, firm);
        write_event(
            w,
            &stamp,
            &Event {
                uid: &uid,
                sequence: update
                    .and_then(|u| u.sequences.get(&uid).copied())
                    .unwrap_or(0),
                date: row.date,
                start: row.start,
                end: row.end,
                summary: &firm.name,
                location: &place,
                geo: (firm.point.lat.is_finite() && firm.point.lon.is_finite())
                    .then_some((firm.point.lat, firm.point.lon)),
                description: &description(inst, &row, officers),
                cancelled: false,
            },
        )?;
    }
    Ok(())
}

/// Writes `team`'s calendar: a VTIMEZONE for Asia/Shanghai and one VEVENT per visit, from
/// the start to the end of on-site work.
pub fn write_team_calendar<W: Write>(
    w: W,
    inst: &Instance,
    plan: &Plan,
    team: TeamIndex,
) -> io::Result<()> {
    write_team_calendar_updated(w, inst, plan, team, None)
}

/// Like [`write_team_calendar`], with each event's `SEQUENCE` from a replan's `update`.
pub fn write_team_calendar_updated<W: Write>(
    w: W,
    inst: &Instance,
    plan: &Plan,
    team: TeamIndex,
    update: Option<&CalendarUpdate>,
) -> io::Result<()> {
    write_team_calendar_with_officers(w, inst, plan, team, update, &VisitOfficers::default())
}

/// Like [`write_team_calendar_updated`], each event's description naming the visit's
/// officers per department (name and credential number) where `officers` has them.
pub fn write_team_calendar_with_officers<W: Write>(
    mut w: W,
    inst: &Instance,
    plan: &Plan,
    team: TeamIndex,
    update: Option<&CalendarUpdate>,
    officers: &VisitOfficers,
) -> io::Result<()> {
    let t = &inst.teams[team];
    write_header(&mut w, &format!("{} {}", t.id, t.name))?;
    write_visit_events(&mut w, inst, plan, team, update, officers, |_| true)?;
    write_folded(&mut w, "END:VCALENDAR")
}

/// Writes the calendar of only what a replan changed for the team `team_id`: its new and
/// changed events with their higher `SEQUENCE`, and its events the new plan no longer has
/// with `STATUS:CANCELLED`. Importing it over the previous calendar brings a phone up to
/// date. One `METHOD:PUBLISH` file rather than a separate `METHOD:CANCEL` one, since a team
/// imports one file and calendar apps apply `STATUS:CANCELLED` on import.
pub fn write_team_changes<W: Write>(
    w: W,
    inst: &Instance,
    plan: &Plan,
    team_id: &str,
    update: &CalendarUpdate,
) -> io::Result<()> {
    write_team_changes_with_officers(w, inst, plan, team_id, update, &VisitOfficers::default())
}

/// Like [`write_team_changes`], the new and changed events naming their officers as in
/// [`write_team_calendar_with_officers`].
pub fn write_team_changes_with_officers<W: Write>(
    mut w: W,
    inst: &Instance,
    plan: &Plan,
    team_id: &str,
    update: &CalendarUpdate,
    officers: &VisitOfficers,
) -> io::Result<()> {
    let team = inst.teams.iter().position(|t| t.id == team_id);
    let name = team.map_or(String::new(), |t| format!(" {}", inst.teams[t].name));
    write_header(&mut w, &format!("{team_id}{name} 变更 changes"))?;
    if let Some(team) = team {
        write_visit_events(&mut w, inst, plan, team, Some(update), officers, |uid| {
            update.updated.contains(uid)
        })?;
    }
    let stamp = stamp(inst, Some(update));
    for c in update.cancelled.get(team_id).into_iter().flatten() {
        let description = format!(
            "已取消 cancelled：{} {}-{}\n任务编号：{}",
            c.date,
            fmt_minute(c.visit.start),
            fmt_minute(c.visit.end),
            c.visit.tasks.join("、")
        );
        write_event(
            &mut w,
            &stamp,
            &Event {
                uid: &c.uid,
                sequence: c.sequence,
                date: c.date,
                start: c.visit.start,
                end: c.visit.end,
                summary: &c.visit.firm_name,
                location: "",
                geo: None,
                description: &description,
                cancelled: true,
            },
        )?;
    }
    write_folded(&mut w, "END:VCALENDAR")
}

fn hhmmss(m: Minute) -> String {
    let m = m.min(24 * 60 - 1);
    format!("{:02}{:02}00", m / 60, m % 60)
}

/// What the team needs on site: timing, the firm's code, and per department the items with
/// their task ids (so an officer can report back against the department's own numbers).
fn description(inst: &Instance, row: &VisitRow, officers: &VisitOfficers) -> String {
    let firm = &inst.firms[row.firm];
    let mut lines = vec![
        format!(
            "第{}站 到达 {} 开始 {} 结束 {} 离开 {}",
            row.seq,
            fmt_minute(row.arrive),
            fmt_minute(row.start),
            fmt_minute(row.end),
            fmt_minute(row.depart)
        ),
        format!("统一社会信用代码：{}", firm.id),
    ];
    for (label, value) in [
        ("联系人", &firm.contact),
        ("联系电话", &firm.phone),
        ("备注", &firm.notes),
    ] {
        if !value.is_empty() {
            lines.push(format!("{label}：{value}"));
        }
    }
    for (header, value) in &firm.extra {
        lines.push(format!("{header}：{value}"));
    }
    for (d, ts) in dept_groups(inst, &row.tasks) {
        let items: Vec<String> = ts
            .iter()
            .map(|&t| format!("{}（{}）", inst.tasks[t].item, inst.tasks[t].id))
            .collect();
        lines.push(format!(
            "{}：{}",
            inst.departments[d].name,
            items.join("、")
        ));
    }
    let ids: Vec<&str> = row
        .tasks
        .iter()
        .map(|&t| inst.tasks[t].id.as_str())
        .collect();
    lines.push(format!("任务编号：{}", ids.join("、")));
    let crews = officers.of_row(inst, row);
    if !crews.is_empty() {
        lines.push(format!(
            "检查人员：{}",
            officers_text(inst, crews, Lang::Zh)
        ));
    }
    lines.join("\n")
}
