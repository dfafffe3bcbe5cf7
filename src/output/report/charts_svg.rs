//! Provides the report's charts as inline SVG: visits saved (naive against planned) and team
//! workloads, so the office can publish the reduction without a charting library.
//!
//! Charts use only `rect`, `path` and `text`, never `polyline`, which the map keeps for routes.
//! Each sits in a `div.scroll` and carries its natural width in `--w`: on a phone the page's
//! CSS draws it at that width, scrolling sideways inside its box, instead of shrinking the
//! text to a few pixels.

use super::escape::Esc;
use super::map_svg::team_colour;
use super::stats::{DayLoad, Saving};
use crate::model::{DayIndex, Instance, TeamIndex};
use std::collections::BTreeMap;
use std::io::{self, Write};

const LABEL_W: f64 = 150.0;
const BAR_W: f64 = 520.0;
const CHART_W: f64 = LABEL_W + BAR_W + 90.0;

/// A horizontal pair of bars per row: grey for departments going alone, blue for the plan.
pub fn write_saving_chart<W: Write>(w: &mut W, id: &str, rows: &[Saving]) -> io::Result<()> {
    if rows.is_empty() {
        return writeln!(
            w,
            r#"<p class="muted">无已安排的检查 nothing scheduled.</p>"#
        );
    }
    let max = rows
        .iter()
        .map(|r| r.naive.max(r.planned))
        .fold(1, usize::max) as f64;
    let row_h = 34.0;
    let h = 30.0 + row_h * rows.len() as f64;
    writeln!(
        w,
        r##"<div class="scroll"><svg id="{id}" class="chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {CHART_W} {h}" style="--w:{CHART_W}px" role="img">"##
    )?;
    writeln!(
        w,
        r##"<rect x="{LABEL_W}" y="4" width="10" height="10" fill="#bbb"/><text x="{}" y="13">各部门单独检查 naive</text><rect x="{}" y="4" width="10" height="10" fill="#2a6fb0"/><text x="{}" y="13">联合检查后 planned</text>"##,
        LABEL_W + 14.0,
        LABEL_W + 190.0,
        LABEL_W + 204.0
    )?;
    for (i, r) in rows.iter().enumerate() {
        let y = 24.0 + row_h * i as f64;
        let wn = BAR_W * r.naive as f64 / max;
        let wp = BAR_W * r.planned as f64 / max;
        let saved = r.naive as i64 - r.planned as i64;
        let change = if saved >= 0 {
            format!("−{saved}")
        } else {
            format!("+{}", -saved)
        };
        writeln!(
            w,
            r##"<g><title>{}: {} → {} ({change})</title><text class="lbl" x="{:.1}" y="{:.1}" text-anchor="end">{}</text><rect x="{LABEL_W}" y="{y:.1}" width="{wn:.1}" height="13" fill="#bbb"/><rect x="{LABEL_W}" y="{:.1}" width="{wp:.1}" height="13" fill="#2a6fb0"/><text x="{:.1}" y="{:.1}">{} → {}</text></g>"##,
            Esc(&r.label),
            r.naive,
            r.planned,
            LABEL_W - 6.0,
            y + 18.0,
            Esc(&r.label),
            y + 14.0,
            LABEL_W + wn.max(wp) + 6.0,
            y + 18.0,
            r.naive,
            r.planned
        )?;
    }
    writeln!(w, "</svg></div>")
}

/// A team × day grid shaded by working minutes (on site plus driving), with the hours in each
/// cell, and a stacked bar per team of its month's on-site and driving time, so an overloaded
/// team or an idle day stands out.
pub fn write_workload_charts<W: Write>(
    w: &mut W,
    inst: &Instance,
    loads: &BTreeMap<(TeamIndex, DayIndex), DayLoad>,
) -> io::Result<()> {
    let days: Vec<DayIndex> = inst.calendar.working_days().collect();
    let cell_w = 34.0;
    let cell_h = 24.0;
    let label_w = 130.0;
    let width = label_w + cell_w * days.len().max(1) as f64 + 10.0;
    let height = 40.0 + cell_h * inst.teams.len() as f64;
    let max = loads
        .values()
        .map(|l| l.onsite + l.driving)
        .max()
        .unwrap_or(0)
        .max(1) as f64;
    writeln!(
        w,
        r##"<div class="scroll"><svg id="heatmap" class="chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width:.0} {height:.0}" style="max-width:{width:.0}px;--w:{width:.0}px" role="img">"##
    )?;
    for (j, &d) in days.iter().enumerate() {
        let x = label_w + cell_w * j as f64 + cell_w / 2.0;
        writeln!(
            w,
            r#"<text class="small" x="{x:.1}" y="30" text-anchor="middle">{}</text>"#,
            inst.calendar.date(d).format("%m-%d")
        )?;
    }
    for (t, team) in inst.teams.iter().enumerate() {
        let y = 36.0 + cell_h * t as f64;
        writeln!(
            w,
            r#"<text class="lbl" x="{:.1}" y="{:.1}" text-anchor="end">{}</text>"#,
            label_w - 6.0,
            y + 16.0,
            Esc(&team.id)
        )?;
        for (j, &d) in days.iter().enumerate() {
            let x = label_w + cell_w * j as f64;
            let load = loads.get(&(t, d)).copied().unwrap_or_default();
            let total = (load.onsite + load.driving) as f64;
            let fill = if total == 0.0 {
                "#f2f2f2".to_string()
            } else {
                let light = 92.0 - 55.0 * total / max;
                format!("hsl(210,60%,{light:.0}%)")
            };
            let ink = if total / max > 0.55 { "#fff" } else { "#222" };
            write!(
                w,
                r#"<g><title>{} {}: 在场 on site {} min, 行车 driving {} min, {} 站 stops, {:.1} km</title><rect x="{x:.1}" y="{y:.1}" width="{:.1}" height="{:.1}" fill="{fill}"/>"#,
                Esc(&team.id),
                inst.calendar.date(d).format("%Y-%m-%d"),
                load.onsite,
                load.driving,
                load.visits,
                load.km,
                cell_w - 2.0,
                cell_h - 2.0
            )?;
            if total > 0.0 {
                write!(
                    w,
                    r#"<text class="small" x="{:.1}" y="{:.1}" text-anchor="middle" fill="{ink}">{:.1}</text>"#,
                    x + cell_w / 2.0 - 1.0,
                    y + 15.0,
                    total / 60.0
                )?;
            }
            writeln!(w, "</g>")?;
        }
    }
    writeln!(w, "</svg></div>")?;
    write_team_totals(w, inst, loads)
}

fn write_team_totals<W: Write>(
    w: &mut W,
    inst: &Instance,
    loads: &BTreeMap<(TeamIndex, DayIndex), DayLoad>,
) -> io::Result<()> {
    let mut totals = vec![(0u64, 0u64, 0.0f64); inst.teams.len()];
    for (&(t, _), l) in loads {
        totals[t].0 += u64::from(l.onsite);
        totals[t].1 += u64::from(l.driving);
        totals[t].2 += l.km;
    }
    let max = totals.iter().map(|t| t.0 + t.1).max().unwrap_or(0).max(1) as f64;
    let row_h = 22.0;
    let h = 28.0 + row_h * inst.teams.len() as f64;
    writeln!(
        w,
        r##"<div class="scroll"><svg id="team-totals" class="chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {CHART_W} {h}" style="--w:{CHART_W}px" role="img">"##
    )?;
    writeln!(
        w,
        r##"<rect x="{LABEL_W}" y="4" width="10" height="10" fill="#2a6fb0"/><text x="{}" y="13">在场 on site</text><rect x="{}" y="4" width="10" height="10" fill="#f0a040"/><text x="{}" y="13">行车 driving (h)</text>"##,
        LABEL_W + 14.0,
        LABEL_W + 120.0,
        LABEL_W + 134.0
    )?;
    for (t, team) in inst.teams.iter().enumerate() {
        let (on, drive, km) = totals[t];
        let y = 22.0 + row_h * t as f64;
        let w_on = BAR_W * on as f64 / max;
        let w_dr = BAR_W * drive as f64 / max;
        writeln!(
            w,
            r##"<g><title>{}: 在场 {} min, 行车 {} min, {:.1} km</title><rect x="{:.1}" y="{y:.1}" width="6" height="14" fill="{}"/><text class="lbl" x="{:.1}" y="{:.1}" text-anchor="end">{}</text><rect x="{LABEL_W}" y="{y:.1}" width="{w_on:.1}" height="14" fill="#2a6fb0"/><rect x="{:.1}" y="{y:.1}" width="{w_dr:.1}" height="14" fill="#f0a040"/><text x="{:.1}" y="{:.1}">{:.1} + {:.1}</text></g>"##,
            Esc(&team.id),
            on,
            drive,
            km,
            LABEL_W - 12.0,
            team_colour(t),
            LABEL_W - 16.0,
            y + 12.0,
            Esc(&team.id),
            LABEL_W + w_on,
            LABEL_W + w_on + w_dr + 6.0,
            y + 12.0,
            on as f64 / 60.0,
            drive as f64 / 60.0
        )?;
    }
    writeln!(w, "</svg></div>")
}

/// A count without a pointless `.0`, and shares to one decimal.
pub fn num(x: f64) -> String {
    if (x - x.round()).abs() < 1e-9 {
        format!("{}", x.round() as i64)
    } else {
        format!("{x:.1}")
    }
}
