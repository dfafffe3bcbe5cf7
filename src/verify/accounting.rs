//! Checks that nothing is lost: every task of the instance appears exactly once in the plan,
//! either in a visit or in the unscheduled list.

use super::{Violation, ViolationKind};
use crate::model::{Instance, Plan};
use crate::msg;

/// Where a task was seen, for messages naming both places of a duplicate.
fn place(inst: &Instance, team: usize, day: usize) -> String {
    let team = inst.teams.get(team).map_or("?", |t| t.id.as_str());
    match inst.calendar.dates.get(day) {
        Some(d) => format!("team {team} on {d}"),
        None => format!("team {team} on day #{day}"),
    }
}

/// Pushes a violation for every task missing, listed twice, or out of range.
pub(super) fn check(inst: &Instance, plan: &Plan, out: &mut Vec<Violation>) {
    let n = inst.tasks.len();
    let mut seen: Vec<Vec<String>> = vec![Vec::new(); n];
    for r in &plan.routes {
        for v in &r.visits {
            for &t in &v.tasks {
                match seen.get_mut(t) {
                    Some(s) => s.push(place(inst, r.team, r.day)),
                    None => out.push(Violation::new(
                        ViolationKind::IndexOutOfRange,
                        format!(
                            "a visit of {} lists task #{t}, but the instance has {n} tasks",
                            place(inst, r.team, r.day)
                        ),
                    )),
                }
            }
        }
    }
    for u in &plan.unscheduled {
        match seen.get_mut(u.task) {
            Some(s) => s.push(format!("the unscheduled list ({})", u.reason)),
            None => out.push(Violation::new(
                ViolationKind::IndexOutOfRange,
                format!(
                    "the unscheduled list names task #{}, but the instance has {n} tasks",
                    u.task
                ),
            )),
        }
    }
    for (t, places) in seen.iter().enumerate() {
        let id = &inst.tasks[t].id;
        match places.len() {
            0 => out.push(
                Violation::from_msg(ViolationKind::TaskMissing, msg!(ViolationNotListed)).task(id),
            ),
            1 => {}
            k => out.push(
                Violation::from_msg(
                    ViolationKind::TaskDuplicated,
                    msg!(ViolationAppearsTimes, times = k, places = places.join("; ")),
                )
                .task(id),
            ),
        }
    }
}
