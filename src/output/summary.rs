//! Provides the terminal summary printed after `chayici plan`: the few numbers an office
//! looks at first (what was left out and why, doors opened against the bounds, driving).

use super::plan_json::{Bounds, reduction_percent};
use crate::i18n::{Key, Lang, Msg};
use crate::model::Reason;
use crate::msg;
use crate::solve::milp::MilpReport;
use crate::stats::{SHORT_DAY_VISITS, TeamDays};
use crate::verify::Kpis;
use std::io::Write;

/// Hours with one decimal, the unit an office plans staff time in.
fn hours(minutes: u64) -> String {
    format!("{:.1} h", minutes as f64 / 60.0)
}

/// One line of a summary in `lang`.
fn line(w: &mut impl Write, lang: Lang, m: Msg) -> std::io::Result<()> {
    writeln!(w, "{}", m.render(lang))
}

/// Writes the summary of a plan in `lang`.
pub fn write_summary<W: Write>(
    mut w: W,
    instance_name: &str,
    k: &Kpis,
    bounds: Bounds,
    lang: Lang,
) -> std::io::Result<()> {
    writeln!(w, "{}", crate::diag::printable(instance_name))?;
    line(
        &mut w,
        lang,
        msg!(
            PlanTasks,
            tasks = k.tasks,
            scheduled = k.scheduled,
            unscheduled = k.unscheduled
        ),
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
        line(&mut w, lang, msg!(PlanByPriority, list = by_p.join(", ")))?;
    }
    let saved = bounds.visits_naive as i64 - k.visits as i64;
    line(
        &mut w,
        lang,
        msg!(
            PlanVisits,
            visits = k.visits,
            lower = bounds.visits_lower_bound,
            naive = bounds.visits_naive,
            saved = saved,
            percent = format!("{:.1}", reduction_percent(k.visits, bounds.visits_naive))
        ),
    )?;
    line(
        &mut w,
        lang,
        msg!(
            PlanFirms,
            visited = k.firms_visited,
            more = k.firms_visited_more_than_once
        ),
    )?;
    line(
        &mut w,
        lang,
        msg!(
            PlanDriving,
            km = format!("{:.1}", k.travel_km),
            hours = hours(k.travel_minutes),
            days = k.routes
        ),
    )?;
    if let Some((min, median, max)) = k.workload_min_median_max() {
        line(
            &mut w,
            lang,
            msg!(
                PlanWorkload,
                min = hours(min),
                median = hours(median),
                max = hours(max),
                teams = k.team_workload.len()
            ),
        )?;
    }
    Ok(())
}

/// Two lines on the team-days: how many went out and how full they were, and how the month
/// was used ([`TeamDays`] defines the figures; the report shows the same), in `lang`.
pub fn write_team_days_summary<W: Write>(
    mut w: W,
    t: &TeamDays,
    lang: Lang,
) -> std::io::Result<()> {
    let per_day = match t.visits_min_median_max {
        Some((lo, mid, hi)) => msg!(TeamDaysPerDay, min = lo, median = mid, max = hi),
        None => msg!(TeamDaysNoVisits),
    };
    line(
        &mut w,
        lang,
        msg!(
            TeamDaysOut,
            out = t.out,
            per_day = per_day,
            short = t.short,
            limit = SHORT_DAY_VISITS
        ),
    )?;
    line(
        &mut w,
        lang,
        msg!(
            TeamDaysMonth,
            idle = t.idle_working_days,
            working = t.working_days,
            spread = hours(t.spread_minutes)
        ),
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
fn against(share: crate::stats::Share, target: u32) -> Msg {
    let pct = share
        .percent()
        .map_or("—".to_string(), |p| format!("{p:.1}%"));
    let verdict = match share.reaches(target) {
        Some(true) => Key::StatMet,
        Some(false) => Key::StatNotMet,
        None => Key::StatNotApplicable,
    };
    msg!(
        StatAgainst,
        percent = pct,
        target = format!("{:.1}", f64::from(target) / 100.0),
        verdict = verdict
    )
}

/// Writes the reform's figures: the county's joint share and reduction against the targets,
/// then one line per department with its naive count, visits, joint visits and both verdicts;
/// in `lang`.
pub fn write_statistics_summary<W: Write>(
    mut w: W,
    s: &crate::stats::Statistics,
    lang: Lang,
) -> std::io::Result<()> {
    let (o, t) = (&s.overall, &s.targets);
    line(
        &mut w,
        lang,
        msg!(
            StatJoint,
            joint = o.joint_visits,
            visits = o.visits,
            against = against(o.joint_share(), t.joint_share),
            tasks = o.joint_tasks,
            scheduled = o.scheduled_tasks,
            share = o
                .joint_task_share()
                .percent()
                .map_or("—".to_string(), |p| format!("{p:.1}%"))
        ),
    )?;
    line(
        &mut w,
        lang,
        msg!(
            StatReduction,
            naive = o.naive_visits,
            visits = o.visits,
            against = against(o.reduction(), t.reduction)
        ),
    )?;
    line(&mut w, lang, msg!(StatPerDepartment))?;
    for d in &s.departments {
        let f = &d.figures;
        let row = msg!(
            StatDepartmentRow,
            naive = f.naive_visits,
            led = f.led_visits,
            visits = f.visits,
            joint = f.joint_visits,
            share = against(f.joint_share(), t.joint_share),
            reduction = against(f.reduction(), t.reduction)
        );
        writeln!(
            w,
            "    {:<10} {}",
            crate::diag::printable(&d.code),
            row.render(lang)
        )?;
    }
    Ok(())
}
