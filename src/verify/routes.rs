//! Checks each route on its own: the day, the team's coverage, the firms' opening hours, the
//! shift, the team's daily capacity, and every clock time against the instance's travel (its
//! table when it has one, else the great-circle model).
//!
//! Times are recomputed from the instance, never taken from the planner: arrival is the
//! previous departure plus the driving minutes, on-site time follows DESIGN.md's rule.

use super::{Violation, ViolationKind as K};
use crate::model::{Instance, Minute, Place, Plan, Route, TaskIndex, Team, Visit, fmt_minute};
use chrono::NaiveDate;
use std::collections::{BTreeMap, HashSet};

/// On-site minutes of a visit: setup plus, per department, the sum of its tasks' minutes,
/// taking the largest department (officers of different departments work side by side).
/// Indices out of range are skipped; the accounting check reports them.
pub(super) fn onsite_minutes(inst: &Instance, tasks: &[TaskIndex]) -> u64 {
    let mut per_dept: BTreeMap<usize, u64> = BTreeMap::new();
    for task in tasks.iter().filter_map(|&t| inst.tasks.get(t)) {
        *per_dept.entry(task.department).or_default() += u64::from(task.minutes);
    }
    u64::from(inst.settings.visit_setup_minutes) + per_dept.values().copied().max().unwrap_or(0)
}

/// Pushes a violation (or a warning) for everything wrong in any route.
pub(super) fn check(
    inst: &Instance,
    plan: &Plan,
    out: &mut Vec<Violation>,
    warnings: &mut Vec<Violation>,
) {
    let mut team_days = HashSet::new();
    check_max_days(inst, plan, out);
    for r in &plan.routes {
        let Some(team) = inst.teams.get(r.team) else {
            out.push(Violation::new(
                K::IndexOutOfRange,
                format!(
                    "a route names team #{}, but the instance has {} teams",
                    r.team,
                    inst.teams.len()
                ),
            ));
            continue;
        };
        let Some(&date) = inst.calendar.dates.get(r.day) else {
            out.push(
                Violation::new(
                    K::IndexOutOfRange,
                    format!(
                        "a route lies on day #{}, outside the {}-day horizon",
                        r.day,
                        inst.calendar.len()
                    ),
                )
                .team(&team.id),
            );
            continue;
        };
        let at = |kind, msg: String| Violation::new(kind, msg).team(&team.id).date(date);
        if !team_days.insert((r.team, r.day)) {
            out.push(at(
                K::DuplicateRoute,
                "the team has more than one route this day".into(),
            ));
        }
        if !inst.calendar.is_working(r.day) {
            out.push(at(K::NotWorkingDay, format!("{date} is not a working day")));
        }
        if !team.works_on(r.day) {
            out.push(at(
                K::TeamNotWorking,
                "the team does not work this day".into(),
            ));
        }
        if r.visits.is_empty() {
            warnings.push(at(K::EmptyRoute, "the route has no visit".into()));
        }
        check_route(inst, team, r, date, out);
        check_capacity(inst, team, r, &at, out);
    }
}

/// Checks that the route's tasks demand no more than the team's daily capacity.
fn check_capacity(
    inst: &Instance,
    team: &Team,
    r: &Route,
    at: &dyn Fn(K, String) -> Violation,
    out: &mut Vec<Violation>,
) {
    let Some(cap) = team.capacity_per_day else {
        return;
    };
    let load: u64 = r
        .visits
        .iter()
        .flat_map(|v| &v.tasks)
        .filter_map(|&t| inst.tasks.get(t))
        .map(|t| u64::from(t.demand))
        .sum();
    if load > u64::from(cap) {
        out.push(at(
            K::OverCapacity,
            format!("the tasks demand {load}, over the team's daily capacity of {cap}"),
        ));
    }
}

/// Pushes a violation for each team out on more working days than its `max_days`: days with
/// at least one visit count, whichever route of the day holds them.
fn check_max_days(inst: &Instance, plan: &Plan, out: &mut Vec<Violation>) {
    let mut days: BTreeMap<usize, HashSet<usize>> = BTreeMap::new();
    for r in plan.routes.iter().filter(|r| !r.visits.is_empty()) {
        days.entry(r.team).or_default().insert(r.day);
    }
    for (t, d) in days {
        let Some(team) = inst.teams.get(t) else {
            continue;
        };
        if let Some(max) = team.max_days.filter(|&m| d.len() > m as usize) {
            out.push(
                Violation::new(
                    K::OverMaxDays,
                    format!(
                        "the team goes out on {} days, over its max_days of {max}",
                        d.len()
                    ),
                )
                .team(&team.id),
            );
        }
    }
}

/// Checks the visits of one route in driving order and its times.
fn check_route(inst: &Instance, team: &Team, r: &Route, date: NaiveDate, out: &mut Vec<Violation>) {
    let at = |kind, msg: String| Violation::new(kind, msg).team(&team.id).date(date);
    if r.leave_base < team.shift.start() {
        out.push(at(
            K::LeavesBeforeShift,
            format!(
                "leaves base at {}, before the shift starts at {}",
                fmt_minute(r.leave_base),
                fmt_minute(team.shift.start())
            ),
        ));
    }
    let mut pos = Place::Base(r.team);
    let mut clock = u64::from(r.leave_base);
    let mut chain_known = true;
    let mut firms = HashSet::new();
    for v in &r.visits {
        let Some(firm) = inst.firms.get(v.firm) else {
            out.push(at(
                K::IndexOutOfRange,
                format!(
                    "a visit names firm #{}, but the instance has {} firms",
                    v.firm,
                    inst.firms.len()
                ),
            ));
            chain_known = false;
            continue;
        };
        let at = |kind, msg: String| at(kind, msg).firm(&firm.id);
        if !firms.insert(v.firm) {
            out.push(at(
                K::RepeatVisit,
                "the team enters this firm more than once this day".into(),
            ));
        }
        if v.tasks.is_empty() {
            out.push(at(K::EmptyVisit, "the visit does no task".into()));
        }
        check_tasks(inst, team, r, v, &at, out);
        if chain_known {
            let drive = inst.travel_minutes(pos, Place::Firm(v.firm));
            let expected = clock + u64::from(drive);
            if u64::from(v.arrive) != expected {
                out.push(at(
                    K::WrongArrival,
                    format!(
                        "arrives at {}, but leaving at {} and driving {} min means {}",
                        fmt_minute(v.arrive),
                        fmt_clock(clock),
                        drive,
                        fmt_clock(expected)
                    ),
                ));
            }
        }
        check_visit_times(inst, team, v, date, &at, out);
        pos = Place::Firm(v.firm);
        clock = u64::from(v.depart);
        chain_known = true;
    }
    if chain_known {
        let back = inst.travel_minutes(pos, Place::Base(r.team));
        let expected = clock + u64::from(back);
        if u64::from(r.return_base) != expected {
            out.push(at(
                K::WrongReturn,
                format!(
                    "back at base at {}, but leaving the last stop at {} and driving {back} min means {}",
                    fmt_minute(r.return_base),
                    fmt_clock(clock),
                    fmt_clock(expected)
                ),
            ));
        }
    }
    if r.return_base > team.shift.end() {
        out.push(at(
            K::ReturnsAfterShift,
            format!(
                "back at base at {}, after the shift ends at {}",
                fmt_minute(r.return_base),
                fmt_minute(team.shift.end())
            ),
        ));
    }
}

/// Checks that every task of a visit belongs to its firm, its window and the team.
fn check_tasks(
    inst: &Instance,
    team: &Team,
    r: &Route,
    v: &Visit,
    at: &dyn Fn(K, String) -> Violation,
    out: &mut Vec<Violation>,
) {
    for &t in &v.tasks {
        let Some(task) = inst.tasks.get(t) else {
            continue;
        };
        if task.firm != v.firm {
            let owner = inst.firms.get(task.firm).map_or("?", |f| f.id.as_str());
            out.push(
                at(
                    K::TaskOfOtherFirm,
                    format!("the task belongs to firm {owner}"),
                )
                .task(&task.id),
            );
        }
        if r.day < task.first_day || r.day > task.last_day {
            let d = |i: usize| {
                inst.calendar
                    .dates
                    .get(i)
                    .map_or_else(|| format!("day #{i}"), |d| d.to_string())
            };
            out.push(
                at(
                    K::OutsideTaskWindow,
                    format!(
                        "the task may only be done from {} to {}",
                        d(task.first_day),
                        d(task.last_day)
                    ),
                )
                .task(&task.id),
            );
        }
        if !team.departments.contains(task.department) {
            let dept = inst
                .departments
                .get(task.department)
                .map_or("?", |d| d.code.as_str());
            out.push(
                at(
                    K::DepartmentNotCovered,
                    format!("the team does not cover department {dept}"),
                )
                .task(&task.id),
            );
        }
    }
}

/// Checks a visit's own clock: start, on-site time, opening hours, shift, departure.
fn check_visit_times(
    inst: &Instance,
    team: &Team,
    v: &Visit,
    date: NaiveDate,
    at: &dyn Fn(K, String) -> Violation,
    out: &mut Vec<Violation>,
) {
    if v.start < v.arrive {
        out.push(at(
            K::StartsBeforeArrival,
            format!(
                "work starts at {}, before arriving at {}",
                fmt_minute(v.start),
                fmt_minute(v.arrive)
            ),
        ));
    }
    let onsite = onsite_minutes(inst, &v.tasks);
    let span = i64::from(v.end) - i64::from(v.start);
    if span != onsite as i64 {
        out.push(at(
            K::WrongOnsiteMinutes,
            format!(
                "work runs {}-{} ({span} min), but the tasks need {onsite} min on site",
                fmt_minute(v.start),
                fmt_minute(v.end)
            ),
        ));
    }
    let firm = &inst.firms[v.firm];
    let open = firm.hours.windows_on(date);
    if !open.iter().any(|w| w.contains_span(v.start, v.end)) {
        let msg = if open.is_empty() {
            format!("the firm is closed on {date}")
        } else {
            format!(
                "work {}-{} is not inside one opening window ({})",
                fmt_minute(v.start),
                fmt_minute(v.end),
                list_windows(open)
            )
        };
        out.push(at(K::OutsideOpeningHours, msg));
    }
    if !team
        .shift
        .windows
        .iter()
        .any(|w| w.contains_span(v.start, v.end))
    {
        out.push(at(
            K::OutsideShift,
            format!(
                "work {}-{} is not inside one shift window ({})",
                fmt_minute(v.start),
                fmt_minute(v.end),
                list_windows(&team.shift.windows)
            ),
        ));
    }
    if v.depart < v.end {
        out.push(at(
            K::DepartsBeforeEnd,
            format!(
                "drives off at {}, before work ends at {}",
                fmt_minute(v.depart),
                fmt_minute(v.end)
            ),
        ));
    }
}

/// `08:00-11:30;14:00-17:30`, the way workspaces write windows.
fn list_windows(ws: &[crate::model::TimeWindow]) -> String {
    ws.iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(";")
}

/// Formats a computed time that may run past midnight without wrapping.
fn fmt_clock(m: u64) -> String {
    Minute::try_from(m).map_or_else(|_| format!("{m} min"), fmt_minute)
}
