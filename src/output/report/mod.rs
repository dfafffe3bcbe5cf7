//! Provides the outputs people read rather than programs: a self-contained HTML report with an
//! SVG map and charts, and (through [`write_people_outputs`]) the teams' route sheets and
//! calendars next to it.
//!
//! Every writer is a pure function over `impl Write`; only [`write_people_outputs`] touches
//! paths. The report loads nothing from the network, so it opens on an office computer
//! without internet and can be mailed as one file.

mod changes;
mod charts_svg;
mod day_sheets;
pub mod escape;
mod explanations;
pub mod links;
mod map_svg;
mod page;
mod people;
mod stats;
mod tables;
mod targets;

pub use changes::MOVED_TASKS_SHOWN;
pub use day_sheets::{DAY_SHEETS_HTML, write_day_sheets, write_day_sheets_with_officers};
pub use map_svg::{PALETTE, team_colour};
pub use people::{
    PeopleOutputs, PreviousPlan, read_previous_plan, write_people_outputs,
    write_people_outputs_with_officers, write_report_file,
};
pub use stats::{DayLoad, Saving, per_department, per_township, workloads};
pub use tables::reason_label;
pub use targets::{met_label, percent_label};

use crate::diff::PlanDiff;
use crate::model::{Firm, Instance, Plan};
use crate::output::route_legs;
use crate::stats::{NaiveCounts, statistics};
use serde::Serialize;
use std::io::{self, Write};

/// The headline figures, filled by the caller from the checker's KPIs and the graph's bounds so
/// the report shows exactly the numbers in `plan.json`.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ReportHeadline {
    /// Tasks in the input.
    pub tasks: usize,
    /// Tasks in some route.
    pub scheduled: usize,
    /// Tasks left out, with a reason.
    pub unscheduled: usize,
    /// Visits (入企) in the plan.
    pub visits: usize,
    /// The lower bound on visits.
    pub visits_lower_bound: usize,
    /// Visits if each department went alone.
    pub visits_naive: usize,
    /// Road kilometres driven.
    pub travel_km: f64,
    /// Minutes driven.
    pub travel_minutes: u64,
    /// The planner's seed, shown so anyone can reproduce the plan.
    pub seed: Option<u64>,
    /// The bounds' naive counts per department and firm, which the statistics are measured
    /// against (they add up to `visits_naive`); empty, the statistics count no naive visits.
    #[serde(skip)]
    pub naive_counts: NaiveCounts,
}

impl ReportHeadline {
    /// Figures computed from the plan itself with the instance's travel model, for callers
    /// without the checker's KPIs (such as `chayici report` on an old plan); the bounds come
    /// from the graph.
    pub fn from_plan(
        inst: &Instance,
        plan: &Plan,
        visits_lower_bound: usize,
        visits_naive: usize,
        seed: Option<u64>,
    ) -> Self {
        let (mut km, mut minutes) = (0.0, 0u64);
        for leg in plan.routes.iter().flat_map(|r| route_legs(inst, r)) {
            km += leg.km;
            minutes += u64::from(leg.minutes);
        }
        Self {
            tasks: inst.tasks.len(),
            scheduled: plan.scheduled_count(),
            unscheduled: plan.unscheduled.len(),
            visits: plan.visit_count(),
            visits_lower_bound,
            visits_naive,
            travel_km: km,
            travel_minutes: minutes,
            seed,
            naive_counts: NaiveCounts::default(),
        }
    }

    /// The figures `plan.json` publishes: counts and travel from the checker's KPIs, bounds
    /// from the merge graph ([`crate::graph::visit_bounds`]).
    pub fn from_kpis(
        kpis: &crate::verify::Kpis,
        visits_lower_bound: usize,
        visits_naive: usize,
        seed: Option<u64>,
    ) -> Self {
        Self {
            tasks: kpis.tasks,
            scheduled: kpis.scheduled,
            unscheduled: kpis.unscheduled,
            visits: kpis.visits,
            visits_lower_bound,
            visits_naive,
            travel_km: kpis.travel_km,
            travel_minutes: kpis.travel_minutes,
            seed,
            naive_counts: NaiveCounts::default(),
        }
    }

    /// The same, measured against the bounds' `naive` counts per department and firm.
    pub fn with_naive_counts(mut self, naive: NaiveCounts) -> Self {
        self.naive_counts = naive;
        self
    }

    /// How much smaller the plan's visit count is than the departments' naive one, in percent;
    /// `None` when there is nothing to reduce.
    pub fn reduction_percent(&self) -> Option<f64> {
        (self.visits_naive > 0).then(|| {
            100.0 * (self.visits_naive as f64 - self.visits as f64) / self.visits_naive as f64
        })
    }
}

/// Where the report finds the number to call at a firm, for its tap-to-call links.
pub type PhoneOf<'a> = &'a dyn Fn(&Firm) -> Option<&str>;

/// The firm register's 联系电话 column (`phone` in firms.csv), when it gives one.
fn firm_phone(firm: &Firm) -> Option<&str> {
    Some(firm.phone.trim()).filter(|p| !p.is_empty())
}

/// Writes `report.html`: headline, what changed since the previous plan (given `changes`,
/// for a replanned plan), map with day and team filters, savings per department and
/// township, team workloads, each team's route by day, the unscheduled tasks per
/// department, and why firms get more than one visit. Every text from the input is HTML-escaped.
pub fn write_report_html<W: Write>(
    w: W,
    inst: &Instance,
    plan: &Plan,
    headline: &ReportHeadline,
    changes: Option<&PlanDiff>,
) -> io::Result<()> {
    write_report_html_with_phones(w, inst, plan, headline, changes, &firm_phone)
}

/// [`write_report_html`] with the firms' phone numbers from `phone_of`.
pub fn write_report_html_with_phones<W: Write>(
    mut w: W,
    inst: &Instance,
    plan: &Plan,
    headline: &ReportHeadline,
    changes: Option<&PlanDiff>,
    phone_of: PhoneOf,
) -> io::Result<()> {
    let w = &mut w;
    let loads = workloads(inst, plan);
    let stats = statistics(inst, plan, &headline.naive_counts);
    page::write_head(w, inst, headline, changes.is_some())?;
    if let Some(d) = changes {
        changes::write_changes_section(w, d)?;
    }
    writeln!(w, r#"<section id="map-section"><h2>地图 Map</h2>"#)?;
    map_svg::write_map_section(w, inst, plan)?;
    writeln!(w, "</section>")?;
    writeln!(
        w,
        r#"<section id="savings"><h2>减少入企 Visits saved</h2><h3>按部门 per department</h3><p class="muted">单独检查 = 该部门在每家企业单独完成其可安排任务所需的最少入企次数之和；联合检查后 = 该部门牵头的入企次数（每次入企由任务最多、其次检查时间最长的部门牵头），两者合计即总数。Naive = the fewest visits each department's own schedulable tasks need, firm by firm; planned = the visits it leads (the department with most tasks, then most minutes, leads a visit); both add up to the headline.</p>"#
    )?;
    charts_svg::write_saving_chart(w, "chart-departments", &per_department(&stats))?;
    writeln!(w, "<h3>按乡镇 per township</h3>")?;
    charts_svg::write_saving_chart(w, "chart-townships", &per_township(&stats))?;
    targets::write_targets_table(w, &stats)?;
    writeln!(
        w,
        r#"</section><section id="workload"><h2>工作量 Workload</h2><p class="muted">每格为该组当日在场与行车小时数。Hours on site plus driving per team and working day.</p>"#
    )?;
    charts_svg::write_workload_charts(w, inst, &loads)?;
    write_team_days(w, &crate::stats::TeamDays::of(inst, plan))?;
    writeln!(
        w,
        r#"</section><section id="routes"><h2>各组路线 Routes by team</h2>"#
    )?;
    tables::write_team_tables(w, inst, plan, &loads, phone_of)?;
    writeln!(
        w,
        r#"</section><section id="unscheduled"><h2>未安排任务 Unscheduled tasks <small>{}</small></h2>"#,
        plan.unscheduled.len()
    )?;
    tables::write_unscheduled(w, inst, plan)?;
    let why = crate::explain::explain_plan(inst, plan);
    writeln!(
        w,
        r#"</section><section id="explanations"><h2>多次入企原因 Why more than one visit <small>{}</small></h2><p class="muted">同一企业为何不能一次查完：时间窗、检查组资格、营业时间、休息日或排程取舍。Why a firm's tasks are not one visit; the same rows as explanations.csv.</p>"#,
        why.len()
    )?;
    explanations::write_explanations(w, &why)?;
    writeln!(w, "</section>")?;
    page::write_foot(w)
}

/// The team-days table: the same figures as the terminal summary ([`crate::stats::TeamDays`]).
fn write_team_days<W: Write>(w: &mut W, t: &crate::stats::TeamDays) -> std::io::Result<()> {
    let per_day = t
        .visits_min_median_max
        .map_or("–".to_string(), |(lo, mid, hi)| {
            format!("{lo} / {mid} / {hi}")
        });
    let rows = [
        ("出勤组日 Team-days out", t.out.to_string()),
        (
            "每组日入企 最少/中位/最多 Visits per team-day min/median/max",
            per_day,
        ),
        (
            "入企不超过 2 次的组日 Team-days with 2 visits or fewer",
            t.short.to_string(),
        ),
        (
            "无组出勤的工作日 Working days with no team out",
            format!("{} / {}", t.idle_working_days, t.working_days),
        ),
        (
            "最忙与最闲组相差 Busiest − idlest team",
            format!("{:.1} h", t.spread_minutes as f64 / 60.0),
        ),
    ];
    writeln!(w, r#"<table id="team-days"><tbody>"#)?;
    for (label, value) in rows {
        writeln!(w, "<tr><th>{label}</th><td>{value}</td></tr>")?;
    }
    writeln!(w, "</tbody></table>")
}
