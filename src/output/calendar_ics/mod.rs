//! Provides per-team calendars (RFC 5545 `.ics`), so a team can import its month of visits
//! into the calendar on its phones.
//!
//! Output is byte-identical for the same plan: UIDs are built from team, date and position,
//! and DTSTAMP comes from the horizon's first date, never from the wall clock.

mod content;

pub use content::{MAX_LINE_OCTETS, escape_text, write_folded};

use crate::model::{Instance, Minute, Plan, TeamIndex, fmt_minute};
use crate::output::sheets::{Lang, VisitRow, dept_groups, team_rows};
use std::io::{self, Write};

/// The county's time zone; China has kept UTC+8 without daylight saving since 1991.
pub const TZID: &str = "Asia/Shanghai";

/// Writes `team`'s calendar: a VTIMEZONE for Asia/Shanghai and one VEVENT per visit, from
/// the start to the end of on-site work.
pub fn write_team_calendar<W: Write>(
    mut w: W,
    inst: &Instance,
    plan: &Plan,
    team: TeamIndex,
) -> io::Result<()> {
    let t = &inst.teams[team];
    let stamp = inst.calendar.dates.first().map_or_else(
        || "19700101".to_string(),
        |d| d.format("%Y%m%d").to_string(),
    );
    let mut line = |s: &str| write_folded(&mut w, s);
    line("BEGIN:VCALENDAR")?;
    line("VERSION:2.0")?;
    line("PRODID:-//chayici//chayici (查一次)//ZH")?;
    line("CALSCALE:GREGORIAN")?;
    line("METHOD:PUBLISH")?;
    line(&format!(
        "X-WR-CALNAME:{}",
        escape_text(&format!("{} {}", t.id, t.name))
    ))?;
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
    for row in team_rows(inst, plan, team, Lang::Zh) {
        let firm = &inst.firms[row.firm];
        let date = row.date.format("%Y%m%d");
        let end = row.end.max(row.start + 1);
        line("BEGIN:VEVENT")?;
        line(&format!(
            "UID:{}",
            escape_text(&format!("{}-{date}-{}@chayici", t.id, row.seq))
        ))?;
        line(&format!("DTSTAMP:{stamp}T000000Z"))?;
        line(&format!("DTSTART;TZID={TZID}:{date}T{}", hhmmss(row.start)))?;
        line(&format!("DTEND;TZID={TZID}:{date}T{}", hhmmss(end)))?;
        line(&format!("SUMMARY:{}", escape_text(&firm.name)))?;
        let place = if firm.address.trim().is_empty() {
            &firm.township
        } else {
            &firm.address
        };
        line(&format!("LOCATION:{}", escape_text(place)))?;
        if firm.point.lat.is_finite() && firm.point.lon.is_finite() {
            line(&format!("GEO:{:.6};{:.6}", firm.point.lat, firm.point.lon))?;
        }
        line(&format!(
            "DESCRIPTION:{}",
            escape_text(&description(inst, &row))
        ))?;
        line("STATUS:CONFIRMED")?;
        line("TRANSP:OPAQUE")?;
        line("END:VEVENT")?;
    }
    line("END:VCALENDAR")
}

fn hhmmss(m: Minute) -> String {
    let m = m.min(24 * 60 - 1);
    format!("{:02}{:02}00", m / 60, m % 60)
}

/// What the team needs on site: timing, the firm's code, and per department the items with
/// their task ids (so an officer can report back against the department's own numbers).
fn description(inst: &Instance, row: &VisitRow) -> String {
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
    lines.join("\n")
}
