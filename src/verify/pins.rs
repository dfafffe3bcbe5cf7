//! Checks the pins of `pins.csv`: a scheduled task with a pin is done by the pinned team on
//! the pinned day.

use super::{Violation, ViolationKind};
use crate::i18n::{Key, Msg};
use crate::model::{Instance, Plan};
use crate::msg;

/// Pushes a violation for each scheduled task done by another team or on another day than its
/// pin says. Indices out of range are skipped; the other checks report them.
pub(super) fn check(inst: &Instance, plan: &Plan, out: &mut Vec<Violation>) {
    for r in &plan.routes {
        let (Some(team), Some(&date)) = (inst.teams.get(r.team), inst.calendar.dates.get(r.day))
        else {
            continue;
        };
        for v in &r.visits {
            for task in v.tasks.iter().filter_map(|&t| inst.tasks.get(t)) {
                let Some(pin) = &task.pin else {
                    continue;
                };
                let team_ok = pin.team.is_none_or(|t| t == r.team);
                let day_ok = pin.day.is_none_or(|d| d == r.day);
                if team_ok && day_ok {
                    continue;
                }
                let team_of = |t: usize| inst.teams.get(t).map_or("?", |t| t.id.as_str());
                let date_of = |d: usize| {
                    inst.calendar
                        .dates
                        .get(d)
                        .map_or("?".into(), |d| d.to_string())
                };
                let wanted = match (pin.team, pin.day) {
                    (Some(t), Some(d)) => {
                        msg!(ViolationPinTeamDay, team = team_of(t), date = date_of(d))
                    }
                    (Some(t), None) => msg!(ViolationTeam, team = team_of(t)),
                    (None, Some(d)) => Msg::new(Key::ViolationDate).arg("date", date_of(d)),
                    (None, None) => continue,
                };
                let mut found = Violation::from_msg(
                    ViolationKind::PinBroken,
                    msg!(
                        ViolationPinDone,
                        wanted = wanted,
                        loc = &pin.loc,
                        team = &team.id,
                        date = date
                    ),
                )
                .task(&task.id)
                .team(&team.id)
                .date(date);
                if let Some(f) = inst.firms.get(v.firm) {
                    found = found.firm(&f.id);
                }
                out.push(found);
            }
        }
    }
}
