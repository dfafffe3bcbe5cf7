//! Provides the terminal summary printed after `chayici plan`: the few numbers an office
//! looks at first (what was left out and why, doors opened against the bounds, driving).

use super::plan_json::{Bounds, reduction_percent};
use crate::model::Reason;
use crate::solve::milp::MilpReport;
use crate::stats::{SHORT_DAY_VISITS, TeamDays};
use crate::verify::Kpis;
use std::io::Write;

/// Hours with one decimal, the unit an office plans staff time in.
fn hours(minutes: u64) -> String {
    format!("{:.1} h", minutes as f64 / 60.0)
}

/// Writes the summary of a plan.
pub fn write_summary<W: Write>(
    mut w: W,
    instance_name: &str,
    k: &Kpis,
    bounds: Bounds,
) -> std::io::Result<()> {
    writeln!(w, "{}", crate::diag::printable(instance_name))?;
    writeln!(
        w,
        "  tasks        {} ({} scheduled, {} unscheduled)",
        k.tasks, k.scheduled, k.unscheduled
    )?;
    for r in Reason::ALL {
        if let Some(n) = k.unscheduled_by_reason.get(r.code()) {
            writeln!(w, "    {:<28} {n}", r.code())?;
        }
    }
    if k.unscheduled > 0 {
        let by_p: Vec<String> = k
            .unscheduled_by_priority
            .iter()
            .map(|(p, n)| format!("{p} {n}"))
            .collect();
        writeln!(w, "    by priority: {}", by_p.join(", "))?;
    }
    let saved = bounds.visits_naive as i64 - k.visits as i64;
    writeln!(
        w,
        "  visits       {} (lower bound {}, naive {}: {saved} fewer, {:.1}%)",
        k.visits,
        bounds.visits_lower_bound,
        bounds.visits_naive,
        reduction_percent(k.visits, bounds.visits_naive)
    )?;
    writeln!(
        w,
        "  firms        {} visited, {} more than once",
        k.firms_visited, k.firms_visited_more_than_once
    )?;
    writeln!(
        w,
        "  driving      {:.1} km, {} over {} team-days",
        k.travel_km,
        hours(k.travel_minutes),
        k.routes
    )?;
    if let Some((min, median, max)) = k.workload_min_median_max() {
        writeln!(
            w,
            "  workload     min {}, median {}, max {} per team ({} teams)",
            hours(min),
            hours(median),
            hours(max),
            k.team_workload.len()
        )?;
    }
    Ok(())
}

/// Two lines on the team-days: how many went out and how full they were, and how the month
/// was used ([`TeamDays`] defines the figures; the report shows the same).
pub fn write_team_days_summary<W: Write>(mut w: W, t: &TeamDays) -> std::io::Result<()> {
    let per_day = match t.visits_min_median_max {
        Some((lo, mid, hi)) => format!("visits per day min {lo}, median {mid}, max {hi}"),
        None => "no visits".to_string(),
    };
    writeln!(
        w,
        "  team-days    {} out, {per_day}, {} with {} visits or fewer",
        t.out, t.short, SHORT_DAY_VISITS
    )?;
    writeln!(
        w,
        "  month        {} of {} working days with no team out; busiest − idlest team {}",
        t.idle_working_days,
        t.working_days,
        hours(t.spread_minutes)
    )
}

/// One line on what set partitioning did: the objective before and after, the bound and the
/// gap it proves, and the time taken.
pub fn write_milp_summary<W: Write>(mut w: W, r: &MilpReport) -> std::io::Result<()> {
    let bound = match r.bound() {
        Some(b) if r.lp_bound == Some(b) => format!("LP bound {b:.1}"),
        Some(b) => format!("pool bound {b:.1}"),
        None => "no bound".to_owned(),
    };
    let gap = r
        .gap_percent
        .map_or(String::new(), |g| format!(", gap {g:.2}%"));
    writeln!(
        w,
        "  MILP         {} ({}): objective {:.1} -> {:.1}, {bound}{gap}, {:.1} s, {}",
        r.model, r.backend, r.objective_before, r.objective_after, r.seconds, r.status
    )
}

/// `47.3% ≥ 60.0% met`: a share against its target, as the summary prints it.
fn against(share: crate::stats::Share, target: u32) -> String {
    let pct = share
        .percent()
        .map_or("—".to_string(), |p| format!("{p:.1}%"));
    let verdict = match share.reaches(target) {
        Some(true) => "met",
        Some(false) => "NOT MET",
        None => "n/a",
    };
    format!(
        "{pct} (target {:.1}%: {verdict})",
        f64::from(target) / 100.0
    )
}

/// Writes the reform's figures: the county's joint share and reduction against the targets,
/// then one line per department with its naive count, visits, joint visits and both verdicts.
pub fn write_statistics_summary<W: Write>(
    mut w: W,
    s: &crate::stats::Statistics,
) -> std::io::Result<()> {
    let (o, t) = (&s.overall, &s.targets);
    writeln!(
        w,
        "  joint        {} of {} visits joint {}; {} of {} tasks in joint visits ({})",
        o.joint_visits,
        o.visits,
        against(o.joint_share(), t.joint_share),
        o.joint_tasks,
        o.scheduled_tasks,
        o.joint_task_share()
            .percent()
            .map_or("—".to_string(), |p| format!("{p:.1}%")),
    )?;
    writeln!(
        w,
        "  reduction    {} → {} visits, {}",
        o.naive_visits,
        o.visits,
        against(o.reduction(), t.reduction)
    )?;
    writeln!(
        w,
        "  per department (naive → led visits; visits taken part in, joint; joint share; reduction)"
    )?;
    for d in &s.departments {
        let f = &d.figures;
        writeln!(
            w,
            "    {:<10} {} → {}; {}, {} joint; {}; {}",
            crate::diag::printable(&d.code),
            f.naive_visits,
            f.led_visits,
            f.visits,
            f.joint_visits,
            against(f.joint_share(), t.joint_share),
            against(f.reduction(), t.reduction)
        )?;
    }
    Ok(())
}
