//! A small instance with hostile names and a hand-built plan, shared by the report, sheet and
//! calendar tests; the plan is plausible (timed with the travel model) but not optimised, so
//! the tests do not depend on the planner.
#![allow(dead_code)]

use chayici::devtools::synth::{SynthParams, random_instance};
use chayici::model::{Instance, Plan, Reason, Route, Unscheduled, Visit};
use chayici::output::report::ReportHeadline;
use chayici::spatial::Travel;

/// Firm names that must never reach a page or a sheet unescaped.
pub const SCRIPT_NAME: &str = "<script>alert(1)</script>";
/// Ampersand and quotes.
pub const AMP_NAME: &str = r#"A&B "x""#;
/// A spreadsheet formula.
pub const FORMULA_NAME: &str = "=1+2";
/// RFC 5545 TEXT specials and a line break.
pub const ICS_NAME: &str = "逗号,分号;反斜杠\\ 换行\n第二行";
/// A script-closing item.
pub const ITEM: &str = "</script><img src=x onerror=alert(2)>";

/// A synthetic county with hostile text in names, items, departments and teams.
pub fn hostile_instance() -> Instance {
    let mut inst = random_instance(
        11,
        &SynthParams {
            firms: 24,
            max_tasks_per_firm: 3,
            departments: 4,
            teams: 3,
            days: 14,
            spread_deg: 0.12,
        },
    );
    inst.firms[0].name = SCRIPT_NAME.into();
    inst.firms[1].name = AMP_NAME.into();
    inst.firms[1].address = "O'Brien 路 <1号>".into();
    inst.firms[2].name = FORMULA_NAME.into();
    inst.firms[2].address = "@地址".into();
    inst.firms[3].name = ICS_NAME.into();
    for (i, f) in inst.firms.iter_mut().enumerate() {
        if f.address.is_empty() {
            f.address = format!(
                "浙江省某县某镇{}号（一个相当长的地址，用来检验日历文件的折行处理）",
                i + 1
            );
        }
        f.township = ["城关镇", "<东乡>", "西乡 & 北乡"][i % 3].into();
    }
    inst.departments[0].name = "市场监管".into();
    inst.departments[1].name = "-危化品".into();
    inst.departments[2].name = "消防救援".into();
    let first = inst.tasks.iter().position(|t| t.firm == 0).unwrap();
    inst.tasks[first].item = ITEM.into();
    inst.teams[0].name = "一组 <b>".into();
    inst.teams[1].id = "组/2:[x]".into();
    inst
}

/// Greedy routes: on each of the first working days, each team visits up to three firms whose
/// departments it covers, doing all of each firm's tasks; the rest is left unscheduled.
pub fn hand_plan(inst: &Instance) -> Plan {
    let travel = Travel::from_settings(&inst.settings);
    let by_firm = inst.tasks_by_firm();
    let mut done = vec![false; inst.firms.len()];
    let mut routes = Vec::new();
    for day in inst.calendar.working_days().take(3) {
        for (t, team) in inst.teams.iter().enumerate() {
            let mut at = team.base;
            let leave = team.shift.start();
            let mut clock = leave;
            let mut visits = Vec::new();
            for f in 0..inst.firms.len() {
                if visits.len() == 3 || done[f] || by_firm[f].is_empty() {
                    continue;
                }
                if !team.departments.covers(inst.departments_of(&by_firm[f])) {
                    continue;
                }
                let p = inst.firms[f].point;
                let arrive = clock + travel.minutes(at, p);
                let start = arrive.max(540);
                let end = start + inst.onsite_minutes(&by_firm[f]);
                visits.push(Visit {
                    firm: f,
                    tasks: by_firm[f].clone(),
                    arrive,
                    start,
                    end,
                    depart: end,
                });
                done[f] = true;
                clock = end;
                at = p;
            }
            if !visits.is_empty() {
                routes.push(Route {
                    team: t,
                    day,
                    leave_base: leave,
                    return_base: clock + travel.minutes(at, team.base),
                    visits,
                });
            }
        }
    }
    let unscheduled = (0..inst.tasks.len())
        .filter(|&t| !done[inst.tasks[t].firm])
        .map(|task| Unscheduled {
            task,
            reason: if task % 2 == 0 {
                Reason::NoCapacity
            } else {
                Reason::FirmClosed
            },
        })
        .collect();
    Plan {
        routes,
        unscheduled,
    }
}

/// Headline numbers with bounds that are easy to spot in the page.
pub fn headline(inst: &Instance, plan: &Plan) -> ReportHeadline {
    ReportHeadline::from_plan(inst, plan, 7, 4321, Some(20261201))
}
