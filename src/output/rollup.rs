//! Provides the roll-up of several counties planned at once (`chayici plan DIR` where `DIR`
//! holds one workspace per county): `rollup.json`, `rollup.csv` and `index.html`, one row per
//! county and the totals, each figure the sum of the counties' own plan.json figures, and the
//! reform statistics ([`crate::stats`]) per county, per department across the counties and
//! overall, every share taken from the summed counts and judged against the targets.

use super::plan_json::reduction_percent;
use super::report::escape::html;
use super::round3;
use crate::model::Targets;
use crate::stats::Figures;
use serde::Serialize;
use std::collections::BTreeMap;
use std::io::{self, Write};

/// The `format` of rollup.json.
pub const ROLLUP_FORMAT: &str = "chayici-rollup";

/// How one county's planning ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CountyStatus {
    /// Planned, checked and written to its folder.
    Planned,
    /// Its workspace has errors (listed on stderr); nothing planned.
    WorkspaceErrors,
    /// Planning or writing failed; nothing written.
    Failed,
}

/// One county's figures: those of its plan.json `kpis`, zero when it was not planned.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct CountyFigures {
    /// Tasks of the county's plans.
    pub tasks: usize,
    /// Tasks scheduled.
    pub scheduled: usize,
    /// Tasks left out.
    pub unscheduled: usize,
    /// Visits (doors opened).
    pub visits: usize,
    /// The lower bound on visits.
    pub visits_lower_bound: usize,
    /// Visits if each department went alone.
    pub visits_naive: usize,
    /// Firms entered more than once.
    pub firms_visited_more_than_once: usize,
    /// Team-days out.
    pub routes: usize,
    /// Road kilometres.
    pub travel_km: f64,
}

impl CountyFigures {
    /// The sum of `rows`, counted in the order given.
    pub fn total<'a>(rows: impl IntoIterator<Item = &'a CountyFigures>) -> Self {
        let mut t = CountyFigures::default();
        for r in rows {
            t.tasks += r.tasks;
            t.scheduled += r.scheduled;
            t.unscheduled += r.unscheduled;
            t.visits += r.visits;
            t.visits_lower_bound += r.visits_lower_bound;
            t.visits_naive += r.visits_naive;
            t.firms_visited_more_than_once += r.firms_visited_more_than_once;
            t.routes += r.routes;
            t.travel_km += r.travel_km;
        }
        t.travel_km = round3(t.travel_km);
        t
    }

    /// Percent of the naive visits saved.
    pub fn reduction_percent(&self) -> f64 {
        reduction_percent(self.visits, self.visits_naive)
    }
}

/// One county of the roll-up.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CountyRow {
    /// Its folder's name, also the name of its plan folder in the roll-up.
    pub folder: String,
    /// The workspace's display name.
    pub name: String,
    /// How its planning ended.
    pub status: CountyStatus,
    /// Its figures.
    #[serde(flatten)]
    pub figures: CountyFigures,
    /// Percent of the naive visits saved.
    pub reduction_percent: f64,
    /// The reform statistics of its plan (`statistics.overall` of its plan.json), judged
    /// against its own targets; `None` when it was not planned.
    pub statistics: Option<StatsJson>,
    /// Its departments' statistics, by department code, for the roll-up across counties.
    #[serde(skip)]
    pub departments: Vec<(String, String, Figures)>,
}

/// Reform statistics of one row: the counts, the shares taken from them and the targets met.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StatsJson {
    /// The counts, as [`Figures`] defines them.
    #[serde(flatten)]
    pub figures: Figures,
    /// Joint visits among the visits, percent.
    pub joint_share_percent: Option<f64>,
    /// Tasks done in joint visits among the tasks done, percent.
    pub joint_task_share_percent: Option<f64>,
    /// Naive visits saved, percent.
    pub reduction_percent: Option<f64>,
    /// Whether the joint share reaches the target.
    pub joint_share_met: Option<bool>,
    /// Whether the reduction reaches the target.
    pub reduction_met: Option<bool>,
}

impl StatsJson {
    /// The statistics of `figures` against `targets`.
    pub fn of(figures: Figures, targets: &Targets) -> Self {
        let (joint_share_met, reduction_met) = figures.against(targets);
        Self {
            joint_share_percent: figures.joint_share().percent(),
            joint_task_share_percent: figures.joint_task_share().percent(),
            reduction_percent: figures.reduction().percent(),
            joint_share_met,
            reduction_met,
            figures,
        }
    }
}

#[derive(Serialize)]
struct RollupJson<'a> {
    format: &'static str,
    format_version: u32,
    targets: TargetsJson,
    counties: &'a [CountyRow],
    departments: Vec<DepartmentJson>,
    totals: Totals,
}

#[derive(Serialize)]
struct TargetsJson {
    joint_share: f64,
    reduction: f64,
}

#[derive(Serialize)]
struct DepartmentJson {
    code: String,
    name: String,
    counties: usize,
    #[serde(flatten)]
    statistics: StatsJson,
}

#[derive(Serialize)]
struct Totals {
    counties: usize,
    planned: usize,
    #[serde(flatten)]
    figures: CountyFigures,
    reduction_percent: f64,
    statistics: StatsJson,
}

/// The targets the roll-up is judged against: the counties' own when they all share them,
/// else Zhejiang's defaults.
pub fn rollup_targets(county_targets: &[Targets]) -> Targets {
    match county_targets.split_first() {
        Some((first, rest)) if rest.iter().all(|t| t == first) => *first,
        _ => Targets::default(),
    }
}

/// The counties' reform statistics, summed.
pub fn summed_statistics(rows: &[CountyRow]) -> Figures {
    let mut f = Figures::default();
    for s in rows.iter().filter_map(|r| r.statistics.as_ref()) {
        f += s.figures;
    }
    f
}

fn totals(rows: &[CountyRow], targets: &Targets) -> Totals {
    let figures = CountyFigures::total(rows.iter().map(|r| &r.figures));
    Totals {
        counties: rows.len(),
        planned: rows
            .iter()
            .filter(|r| r.status == CountyStatus::Planned)
            .count(),
        reduction_percent: figures.reduction_percent(),
        figures,
        statistics: StatsJson::of(summed_statistics(rows), targets),
    }
}

/// Each department's figures summed over the counties where it has tasks, by code.
fn departments(rows: &[CountyRow], targets: &Targets) -> Vec<DepartmentJson> {
    let mut by_code: BTreeMap<&str, (&str, usize, Figures)> = BTreeMap::new();
    for r in rows {
        for (code, name, f) in &r.departments {
            let e = by_code
                .entry(code.as_str())
                .or_insert((name.as_str(), 0, Figures::default()));
            e.1 += 1;
            e.2 += *f;
        }
    }
    by_code
        .into_iter()
        .map(|(code, (name, counties, f))| DepartmentJson {
            code: code.to_owned(),
            name: name.to_owned(),
            counties,
            statistics: StatsJson::of(f, targets),
        })
        .collect()
}

/// Writes rollup.json, pretty-printed with a final newline.
pub fn write_rollup_json<W: Write>(
    mut w: W,
    rows: &[CountyRow],
    targets: &Targets,
) -> io::Result<()> {
    let doc = RollupJson {
        format: ROLLUP_FORMAT,
        format_version: 1,
        targets: TargetsJson {
            joint_share: f64::from(targets.joint_share) / 10_000.0,
            reduction: f64::from(targets.reduction) / 10_000.0,
        },
        counties: rows,
        departments: departments(rows, targets),
        totals: totals(rows, targets),
    };
    serde_json::to_writer_pretty(&mut w, &doc)?;
    writeln!(w)
}

const HEADER: [&str; 15] = [
    "县区 folder",
    "名称 name",
    "状态 status",
    "任务 tasks",
    "已安排 scheduled",
    "未安排 unscheduled",
    "入企 visits",
    "下界 lower bound",
    "各部门单独 naive",
    "减少 reduction %",
    "多次入企 firms entered twice or more",
    "里程 km",
    "联合入企 joint visits",
    "联合检查率 joint share %",
    "联合任务占比 joint task share %",
];

fn cells(
    folder: &str,
    name: &str,
    status: &str,
    f: &CountyFigures,
    s: Option<&StatsJson>,
) -> Vec<String> {
    let pct = |p: Option<f64>| p.map_or_else(String::new, |p| format!("{p:.1}"));
    vec![
        folder.to_owned(),
        name.to_owned(),
        status.to_owned(),
        f.tasks.to_string(),
        f.scheduled.to_string(),
        f.unscheduled.to_string(),
        f.visits.to_string(),
        f.visits_lower_bound.to_string(),
        f.visits_naive.to_string(),
        format!("{:.1}", f.reduction_percent()),
        f.firms_visited_more_than_once.to_string(),
        format!("{:.1}", f.travel_km),
        s.map_or_else(String::new, |s| s.figures.joint_visits.to_string()),
        pct(s.and_then(|s| s.joint_share_percent)),
        pct(s.and_then(|s| s.joint_task_share_percent)),
    ]
}

/// A county's cells, in [`HEADER`]'s order.
fn row_cells(r: &CountyRow) -> Vec<String> {
    cells(
        &r.folder,
        &r.name,
        status_code(r.status),
        &r.figures,
        r.statistics.as_ref(),
    )
}

fn status_code(s: CountyStatus) -> &'static str {
    match s {
        CountyStatus::Planned => "planned",
        CountyStatus::WorkspaceErrors => "workspace_errors",
        CountyStatus::Failed => "failed",
    }
}

/// Writes rollup.csv (UTF-8 with BOM, for Excel): one row per county, then 合计 total.
pub fn write_rollup_csv<W: Write>(
    mut w: W,
    rows: &[CountyRow],
    targets: &Targets,
) -> csv::Result<()> {
    w.write_all(b"\xEF\xBB\xBF")?;
    let mut out = csv::Writer::from_writer(w);
    out.write_record(HEADER)?;
    for r in rows {
        out.write_record(
            row_cells(r)
                .iter()
                .map(|c| super::escape_cell(c).into_owned()),
        )?;
    }
    let t = totals(rows, targets);
    out.write_record(cells("合计 total", "", "", &t.figures, Some(&t.statistics)))?;
    out.flush()?;
    Ok(())
}

/// Writes index.html: the counties' table with a link to each county's report.
pub fn write_rollup_html<W: Write>(
    mut w: W,
    title: &str,
    rows: &[CountyRow],
    targets: &Targets,
) -> io::Result<()> {
    writeln!(
        w,
        "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{0}</title>\n<style>body{{font-family:sans-serif;margin:1rem}}\
         table{{border-collapse:collapse}}td,th{{border:1px solid #ccc;padding:.3rem .5rem}}\
         td.n{{text-align:right}}tr.total{{font-weight:bold}}\
         .scroll{{overflow-x:auto}}</style>\n</head>\n<body>\n<h1>{0}</h1>\n\
         <p>各县区的计划汇总 Roll-up of the counties' plans: every figure is the county's own \
         plan.json figure, and the totals are their sums.</p>\n<div class=\"scroll\"><table>",
        html(title)
    )?;
    write!(w, "<tr>")?;
    for h in HEADER {
        write!(w, "<th>{}</th>", html(h))?;
    }
    writeln!(w, "</tr>")?;
    for r in rows {
        let c = row_cells(r);
        write!(w, "<tr>")?;
        if r.status == CountyStatus::Planned {
            let href = utf8_percent(&r.folder);
            write!(
                w,
                "<td><a href=\"{}/report.html\">{}</a></td>",
                html(&href),
                html(&c[0])
            )?;
        } else {
            write!(w, "<td>{}</td>", html(&c[0]))?;
        }
        write!(w, "<td>{}</td><td>{}</td>", html(&c[1]), html(&c[2]))?;
        for cell in &c[3..] {
            write!(w, "<td class=\"n\">{}</td>", html(cell))?;
        }
        writeln!(w, "</tr>")?;
    }
    let t = totals(rows, targets);
    let c = cells("合计 total", "", "", &t.figures, Some(&t.statistics));
    write!(w, "<tr class=\"total\">")?;
    for (i, cell) in c.iter().enumerate() {
        let class = if i >= 3 { " class=\"n\"" } else { "" };
        write!(w, "<td{class}>{}</td>", html(cell))?;
    }
    writeln!(w, "</tr>\n</table></div>")?;
    let verdict = |met: Option<bool>| match met {
        Some(true) => "达标 met",
        Some(false) => "未达标 not met",
        None => "—",
    };
    writeln!(
        w,
        "<h2>部门 Departments</h2>\n<p>目标 targets: 联合检查率 joint share ≥ {:.0}%，\
         减少 reduction ≥ {:.0}%</p>\n<div class=\"scroll\"><table><tr><th>部门 department</th>\
         <th>县区 counties</th><th>入企 visits</th><th>联合入企 joint visits</th>\
         <th>联合检查率 joint share %</th><th>减少 reduction %</th><th>联合检查 joint</th>\
         <th>减少 reduction</th></tr>",
        f64::from(targets.joint_share) / 100.0,
        f64::from(targets.reduction) / 100.0
    )?;
    let pct = |p: Option<f64>| p.map_or_else(|| "—".to_owned(), |p| format!("{p:.1}"));
    for d in departments(rows, targets) {
        let s = &d.statistics;
        writeln!(
            w,
            "<tr><td>{} {}</td><td class=\"n\">{}</td><td class=\"n\">{}</td>\
             <td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td>\
             <td>{}</td><td>{}</td></tr>",
            html(&d.code),
            html(&d.name),
            d.counties,
            s.figures.visits,
            s.figures.joint_visits,
            pct(s.joint_share_percent),
            pct(s.reduction_percent),
            verdict(s.joint_share_met),
            verdict(s.reduction_met)
        )?;
    }
    writeln!(w, "</table></div>\n</body>\n</html>")
}

/// A folder name as a relative URL path segment.
fn utf8_percent(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(folder: &str, visits: usize, naive: usize, km: f64) -> CountyRow {
        let figures = CountyFigures {
            tasks: visits * 2,
            scheduled: visits * 2,
            visits,
            visits_naive: naive,
            visits_lower_bound: visits,
            travel_km: km,
            ..CountyFigures::default()
        };
        let stats = Figures {
            naive_visits: naive,
            visits,
            led_visits: visits,
            joint_visits: visits / 2,
            scheduled_tasks: visits * 2,
            joint_tasks: visits,
        };
        CountyRow {
            folder: folder.into(),
            name: format!("{folder} 县"),
            status: CountyStatus::Planned,
            reduction_percent: figures.reduction_percent(),
            figures,
            statistics: Some(StatsJson::of(stats, &Targets::default())),
            departments: vec![("scjg".into(), "市场监管".into(), stats)],
        }
    }

    #[test]
    fn totals_are_the_sums_of_the_counties() {
        let rows = [row("a", 10, 20, 1.5), row("b", 30, 40, 2.25)];
        let targets = Targets::default();
        let t = totals(&rows, &targets);
        assert_eq!((t.figures.visits, t.figures.visits_naive), (40, 60));
        // 5 + 15 joint visits of 40: 50 %, below 60 %.
        assert_eq!(t.statistics.figures.joint_visits, 20);
        assert_eq!(t.statistics.joint_share_percent, Some(50.0));
        assert_eq!(t.statistics.joint_share_met, Some(false));
        let d = departments(&rows, &targets);
        assert_eq!(
            (d.len(), d[0].counties, d[0].statistics.figures.visits),
            (1, 2, 40)
        );
        assert_eq!(t.figures.travel_km, 3.75);
        assert_eq!(t.reduction_percent, 33.3);
        let mut csv = Vec::new();
        write_rollup_csv(&mut csv, &rows, &targets).unwrap();
        let text = String::from_utf8(csv).unwrap();
        assert!(
            text.lines()
                .last()
                .unwrap()
                .starts_with("合计 total,,,80,80,0,40,40,60,33.3")
        );
        let mut page = Vec::new();
        write_rollup_html(&mut page, "省", &rows, &targets).unwrap();
        let page = String::from_utf8(page).unwrap();
        assert!(page.contains("<a href=\"a/report.html\">a</a>"));
        assert_eq!(utf8_percent("县 1"), "%E5%8E%BF%201");
    }
}
