//! Checks the reasons given for unscheduled tasks, recomputed from the instance.
//!
//! The simple reasons (no covering team, no working day, firm closed) are checked by their
//! own definition, and so is `pin_not_possible`. Every structural reason must also mean what it promises: the task could
//! not be done even by a team sent out for it alone. The two reasons that depend on how a
//! planner classifies a mix of causes (too long, no team available) are checked by that
//! alone, so the checker accepts any honest classification.

use super::routes::onsite_minutes;
use super::{Violation, ViolationKind};
use crate::i18n::{Msg, optional};
use crate::model::{Instance, Place, Plan, Reason, TaskIndex};
use crate::msg;

/// Pushes a violation for each structural reason that does not hold, and a warning for each
/// `no_capacity` given to a task no plan could ever schedule.
pub(super) fn check(
    inst: &Instance,
    plan: &Plan,
    out: &mut Vec<Violation>,
    warnings: &mut Vec<Violation>,
) {
    for u in &plan.unscheduled {
        let Some(task) = inst.tasks.get(u.task) else {
            continue;
        };
        let doable = feasible_alone(inst, u.task);
        let finding = |msg: Msg| {
            let mut v = Violation::from_msg(ViolationKind::WrongReason, msg).task(&task.id);
            if let Some(f) = inst.firms.get(task.firm) {
                v = v.firm(&f.id);
            }
            v
        };
        if !u.reason.is_structural() {
            if !doable {
                warnings.push(finding(msg!(ViolationReasonNoTeamAlone, reason = u.reason)));
            }
            continue;
        }
        if let Some(why) = own_definition_fails(inst, u.task, u.reason) {
            out.push(finding(msg!(
                ViolationReasonBut,
                reason = u.reason,
                why = why
            )));
        } else if doable {
            out.push(finding(msg!(ViolationReasonDoable, reason = u.reason)));
        }
    }
}

/// Why a reason's own definition fails for the task, when it does.
fn own_definition_fails(inst: &Instance, t: TaskIndex, reason: Reason) -> Option<Msg> {
    let task = &inst.tasks[t];
    let days = window_days(inst, t);
    match reason {
        Reason::NoTeamCoversDepartment => inst
            .teams
            .iter()
            .find(|team| team.departments.contains(task.department))
            .map(|team| msg!(ViolationReasonTeamCovers, team = &team.id)),
        Reason::NoWorkingDayInWindow => days
            .clone()
            .find(|&d| inst.calendar.is_working(d))
            .map(|d| msg!(ViolationReasonWorkingDay, date = inst.calendar.date(d))),
        Reason::FirmClosed => {
            let firm = inst.firms.get(task.firm)?;
            days.filter(|&d| inst.calendar.is_working(d))
                .find(|&d| !firm.hours.windows_on(inst.calendar.date(d)).is_empty())
                .map(|d| msg!(ViolationReasonFirmOpen, date = inst.calendar.date(d)))
        }
        Reason::PinNotPossible => pin_possible(inst, t),
        Reason::LongerThanAnyShift
        | Reason::NoTeamAvailable
        | Reason::NoCapacity
        | Reason::TimeLimit => None,
    }
}

/// Why the task's pin could be kept, when it could: `pin_not_possible` promises a pin to a
/// team not covering the department, to a day outside the window, or to a day that is not a
/// working day, on which the pinned team does not work or the firm is closed.
fn pin_possible(inst: &Instance, t: TaskIndex) -> Option<Msg> {
    let task = &inst.tasks[t];
    let Some(pin) = &task.pin else {
        return Some(msg!(ViolationReasonNoPin));
    };
    let team = match pin.team {
        Some(i) => match inst.teams.get(i) {
            Some(team) if team.departments.contains(task.department) => Some(team),
            _ => return None,
        },
        None => None,
    };
    let Some(day) = pin.day else {
        let team = team.map_or("?", |team| team.id.as_str());
        return Some(msg!(ViolationReasonPinnedTeamCovers, team = team));
    };
    let date = *inst.calendar.dates.get(day)?;
    let firm = inst.firms.get(task.firm)?;
    let keepable = window_days(inst, t).contains(&day)
        && inst.calendar.is_working(day)
        && team.is_none_or(|team| team.works_on(day))
        && !firm.hours.windows_on(date).is_empty();
    let who = optional(team.map(|team| msg!(ViolationReasonTeamWorks, team = &team.id)));
    keepable.then(|| msg!(ViolationReasonPinKeepable, date = date, who = who))
}

/// The task's window, clipped to the horizon.
fn window_days(inst: &Instance, t: TaskIndex) -> std::ops::RangeInclusive<usize> {
    let task = &inst.tasks[t];
    let last = task.last_day.min(inst.calendar.len().saturating_sub(1));
    task.first_day..=last
}

/// True when some covering team, on some working day of the window on which it works and the
/// firm is open, could drive out, do the task alone inside one shift window and one opening
/// window, and be back before its shift ends, its demand within the team's daily capacity;
/// the team and the day the task's pin names, when it names them.
pub(super) fn feasible_alone(inst: &Instance, t: TaskIndex) -> bool {
    let task = &inst.tasks[t];
    let Some(firm) = inst.firms.get(task.firm) else {
        return false;
    };
    if inst.calendar.is_empty() {
        return false;
    }
    let onsite = onsite_minutes(inst, &[t]);
    let pin = task.pin.as_ref();
    inst.teams
        .iter()
        .enumerate()
        .filter(|(_, team)| team.departments.contains(task.department))
        .filter(|(_, team)| team.capacity_per_day.is_none_or(|c| task.demand <= c))
        .filter(|&(i, _)| pin.is_none_or(|p| p.team.is_none_or(|pt| pt == i)))
        .any(|(i, team)| {
            let (base, at) = (Place::Base(i), Place::Firm(task.firm));
            let out = u64::from(inst.travel_minutes(base, at));
            let back = u64::from(inst.travel_minutes(at, base));
            let earliest = u64::from(team.shift.start()) + out;
            let shift_end = u64::from(team.shift.end());
            window_days(inst, t)
                .filter(|&d| pin.is_none_or(|p| p.day.is_none_or(|pd| pd == d)))
                .filter(|&d| inst.calendar.is_working(d) && team.works_on(d))
                .any(|d| {
                    let open = firm.hours.windows_on(inst.calendar.date(d));
                    team.shift.windows.iter().any(|sw| {
                        open.iter().filter_map(|fw| sw.intersect(fw)).any(|w| {
                            let end = u64::from(w.start).max(earliest) + onsite;
                            end <= u64::from(w.end) && end + back <= shift_end
                        })
                    })
                })
        })
}
