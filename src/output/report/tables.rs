//! Provides the report's tables: each team's route by day, and the unscheduled tasks grouped
//! by department so the office can send every department its own list.
//!
//! A route table is one row per visit, and the page's CSS turns each row into a card on a
//! phone, so the cells carry classes and `data-label`s for that view rather than the page
//! writing the month twice.

use super::PhoneOf;
use super::escape::Esc;
use super::links::{amap_marker_url, baidu_marker_url, tel_links};
use super::map_svg::team_colour;
use super::stats::DayLoad;
use crate::model::{DayIndex, Instance, Minute, Plan, Reason, TeamIndex, fmt_minute};
use crate::output::sheets::{Lang, dept_groups, team_rows};
use std::collections::BTreeMap;
use std::io::{self, Write};

/// The reason in words a department clerk understands, with the code used in the CSV files.
/// The report is Chinese first, so it takes the Chinese of the catalogue.
pub fn reason_label(r: Reason) -> &'static str {
    crate::i18n::Lang::Zh.text(crate::i18n::reason_key(r))
}

/// One section per team with a table of its visits, a header row per day giving departure,
/// return and distance; each visit links to the firm in the map apps and, where `phone_of`
/// knows its number, to a call.
pub fn write_team_tables<W: Write>(
    w: &mut W,
    inst: &Instance,
    plan: &Plan,
    loads: &BTreeMap<(TeamIndex, DayIndex), DayLoad>,
    phone_of: PhoneOf,
) -> io::Result<()> {
    for (t, team) in inst.teams.iter().enumerate() {
        let rows = team_rows(inst, plan, t, Lang::Zh);
        let depts: Vec<&str> = team
            .departments
            .iter()
            .filter_map(|d| inst.departments.get(d))
            .map(|d| d.name.as_str())
            .collect();
        writeln!(
            w,
            r#"<section class="team flt" data-team="{t}"><h3><i class="sw" style="background:{}"></i>{} {} <small>{} · {} 次入企 visits</small></h3>"#,
            team_colour(t),
            Esc(&team.id),
            Esc(&team.name),
            Esc(&depts.join("、")),
            rows.len()
        )?;
        if rows.is_empty() {
            writeln!(w, r#"<p class="muted">本月无安排 no visits.</p></section>"#)?;
            continue;
        }
        writeln!(
            w,
            r#"<table class="route"><thead><tr><th>顺序<br>#</th><th>到达<br>arrive</th><th>开始<br>start</th><th>结束<br>end</th><th>离开<br>depart</th><th>企业 firm</th><th>地址 address</th><th>检查事项（按部门） items by department</th></tr></thead><tbody>"#
        )?;
        let mut day = None;
        for row in &rows {
            if day != Some(row.day) {
                day = Some(row.day);
                let route = plan.routes.iter().find(|r| r.team == t && r.day == row.day);
                let load = loads.get(&(t, row.day)).copied().unwrap_or_default();
                let date = row.date.format("%Y-%m-%d");
                writeln!(
                    w,
                    r#"<tr class="day flt" data-day="{date}" data-team="{t}"><th colspan="8">{} · {date} {} · 出发 leave {} · 返回 back {} · {:.1} km</th></tr>"#,
                    Esc(&team.id),
                    weekday_zh(row.date),
                    route.map_or(String::new(), |r| fmt_minute(r.leave_base)),
                    route.map_or(String::new(), |r| fmt_minute(r.return_base)),
                    load.km
                )?;
            }
            let firm = &inst.firms[row.firm];
            write!(
                w,
                r#"<tr class="visit flt" data-day="{}" data-team="{t}"><td class="seq">{}</td><td class="time{}" data-label="到达">{}</td><td class="time" data-label="开始">{}</td><td class="time" data-label="结束">{}</td><td class="time{}" data-label="离开">{}</td><td class="name"><b>{}</b><br><small>{}</small>"#,
                row.date.format("%Y-%m-%d"),
                row.seq,
                same(row.arrive, row.start),
                fmt_minute(row.arrive),
                fmt_minute(row.start),
                fmt_minute(row.end),
                same(row.depart, row.end),
                fmt_minute(row.depart),
                Esc(&firm.name),
                Esc(&firm.id),
            )?;
            for tel in tel_links(phone_of(firm)) {
                write!(
                    w,
                    r#"<br><a class="tel" href="{}">☎ {}</a>"#,
                    Esc(&tel.href),
                    Esc(&tel.shown)
                )?;
            }
            write!(
                w,
                r#"</td><td class="addr">{}<br><a class="nav nav-amap" href="{}" target="_blank" rel="noopener noreferrer">高德导航 Amap</a> <a class="nav nav-baidu" href="{}" target="_blank" rel="noopener noreferrer">百度导航 Baidu</a></td><td class="items">"#,
                Esc(&firm.address),
                Esc(&amap_marker_url(firm.point, &firm.name)),
                Esc(&baidu_marker_url(firm.point, &firm.name, &firm.address)),
            )?;
            for (d, ts) in dept_groups(inst, &row.tasks) {
                write!(w, "<b>{}</b>：", Esc(&inst.departments[d].name))?;
                for (k, &task) in ts.iter().enumerate() {
                    let sep = if k == 0 { "" } else { "、" };
                    write!(
                        w,
                        r#"{sep}{} <small>{}</small>"#,
                        Esc(&inst.tasks[task].item),
                        Esc(&inst.tasks[task].id)
                    )?;
                }
                write!(w, "<br>")?;
            }
            writeln!(w, "</td></tr>")?;
        }
        writeln!(w, "</tbody></table></section>")?;
    }
    Ok(())
}

/// Marks an arrival equal to the start, or a departure equal to the end, which the phone view
/// leaves out of its card.
fn same(a: Minute, b: Minute) -> &'static str {
    if a == b { " same" } else { "" }
}

/// The unscheduled tasks, one table per department.
pub fn write_unscheduled<W: Write>(w: &mut W, inst: &Instance, plan: &Plan) -> io::Result<()> {
    if plan.unscheduled.is_empty() {
        return writeln!(
            w,
            r#"<p class="ok">全部任务均已安排 every task is scheduled.</p>"#
        );
    }
    let mut by_dept: BTreeMap<usize, Vec<_>> = BTreeMap::new();
    for u in &plan.unscheduled {
        by_dept
            .entry(inst.tasks[u.task].department)
            .or_default()
            .push(u);
    }
    for (d, list) in by_dept {
        let dept = &inst.departments[d];
        writeln!(
            w,
            r#"<h3>{} <small>{} · {} 项未安排 unscheduled</small></h3><table><thead><tr><th>任务编号<br>task</th><th>企业 firm</th><th>检查事项 item</th><th>时间窗 window</th><th>优先级 priority</th><th>原因 reason</th></tr></thead><tbody>"#,
            Esc(&dept.name),
            Esc(&dept.code),
            list.len()
        )?;
        for u in list {
            let task = &inst.tasks[u.task];
            let firm = &inst.firms[task.firm];
            writeln!(
                w,
                r#"<tr><td>{}</td><td>{}<br><small>{}</small></td><td>{}</td><td>{} – {}</td><td>{}</td><td>{}<br><small>{}</small></td></tr>"#,
                Esc(&task.id),
                Esc(&firm.name),
                Esc(&firm.id),
                Esc(&task.item),
                date_of(inst, task.first_day),
                date_of(inst, task.last_day),
                task.priority,
                reason_label(u.reason),
                u.reason.code()
            )?;
        }
        writeln!(w, "</tbody></table>")?;
    }
    Ok(())
}

fn date_of(inst: &Instance, d: DayIndex) -> String {
    inst.calendar
        .dates
        .get(d)
        .map_or_else(|| "?".into(), |x| x.format("%m-%d").to_string())
}

fn weekday_zh(date: chrono::NaiveDate) -> &'static str {
    use chrono::Datelike;
    ["周一", "周二", "周三", "周四", "周五", "周六", "周日"]
        [date.weekday().num_days_from_monday() as usize]
}
