//! Precomputes, for one firm, which teams could work there on which days and for how long, so
//! that the bounds can test thousands of candidate groups without walking the calendar and the
//! teams each time.

use super::feasibility::{GroupNeeds, TeamChoice, fits, longest_common_window};
use crate::model::{DayIndex, DeptSet, FirmIndex, Instance, Minute, TeamIndex};

/// One day on which some team could work at the firm: what it covers and the longest on-site
/// stretch it could spend there.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Slot {
    day: DayIndex,
    covers: DeptSet,
    fit: Minute,
}

/// The (day, coverage, longest stretch) offers of every team at one firm, sorted by day.
///
/// Teams with the same coverage on the same day are merged (only the longest stretch matters),
/// which keeps the scan short for counties with many alike teams. Each team's own offers are
/// kept too, sorted by day, for groups a pin ties to one team.
#[derive(Debug, Clone)]
pub struct FirmSlots {
    slots: Vec<Slot>,
    by_team: Vec<(DayIndex, TeamIndex, Slot)>,
}

impl FirmSlots {
    /// The offers at `firm` over the whole horizon.
    pub fn new(inst: &Instance, firm: FirmIndex) -> Self {
        let mut slots = Vec::new();
        let mut by_team = Vec::new();
        for day in inst.calendar.working_days() {
            let opening = inst.firms[firm].hours.windows_on(inst.calendar.date(day));
            if opening.is_empty() {
                continue;
            }
            let first_today = slots.len();
            for (t, team) in inst
                .teams
                .iter()
                .enumerate()
                .filter(|(_, t)| t.works_on(day))
            {
                let fit = longest_common_window(&team.shift.windows, opening);
                if fit > 0 {
                    let slot = Slot {
                        day,
                        covers: team.departments,
                        fit,
                    };
                    slots.push(slot);
                    by_team.push((day, t, slot));
                }
            }
            let today = &mut slots[first_today..];
            today.sort_unstable_by(|a, b| a.covers.cmp(&b.covers).then(b.fit.cmp(&a.fit)));
            let mut kept = first_today;
            for i in first_today..slots.len() {
                if kept == first_today || slots[kept - 1].covers != slots[i].covers {
                    slots[kept] = slots[i];
                    kept += 1;
                }
            }
            slots.truncate(kept);
        }
        Self { slots, by_team }
    }

    /// Same answer as [`super::can_share_visit`] for a group with these needs at this firm.
    pub fn admits(&self, needs: &GroupNeeds) -> bool {
        self.admits_parts(
            needs.first_day,
            needs.last_day,
            needs.departments,
            needs.minutes,
            needs.team,
        )
    }

    /// [`FirmSlots::admits`] on the needs' parts, for callers building them incrementally.
    pub fn admits_parts(
        &self,
        first_day: DayIndex,
        last_day: DayIndex,
        departments: DeptSet,
        minutes: Minute,
        team: TeamChoice,
    ) -> bool {
        if first_day > last_day {
            return false;
        }
        let admits = |s: &Slot| s.covers.covers(departments) && fits(s.fit, minutes);
        match team {
            TeamChoice::Any => {
                let start = self.slots.partition_point(|s| s.day < first_day);
                self.slots[start..]
                    .iter()
                    .take_while(|s| s.day <= last_day)
                    .any(admits)
            }
            TeamChoice::Only(only) => {
                let start = self.by_team.partition_point(|&(d, _, _)| d < first_day);
                self.by_team[start..]
                    .iter()
                    .take_while(|&&(d, _, _)| d <= last_day)
                    .any(|(_, t, s)| *t == only && admits(s))
            }
            TeamChoice::Clash => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::devtools::synth::{SynthParams, random_instance};
    use crate::graph::can_share_visit;

    #[test]
    fn agrees_with_can_share_visit_on_every_prefix_and_pair() {
        for seed in 0..10 {
            let inst = random_instance(
                seed,
                &SynthParams {
                    firms: 12,
                    max_tasks_per_firm: 5,
                    teams: 4,
                    days: 10,
                    ..SynthParams::default()
                },
            );
            let mut inst = inst;
            // Some tasks pinned to a team, so groups tied to one team, and clashing, are met.
            for (t, task) in inst.tasks.iter_mut().enumerate() {
                if t % 3 == 0 {
                    task.pin = Some(crate::model::TaskPin {
                        team: Some(t % 4),
                        day: None,
                        loc: task.loc.clone(),
                    });
                }
            }
            for (firm, tasks) in inst.tasks_by_firm().iter().enumerate() {
                let slots = FirmSlots::new(&inst, firm);
                for i in 0..tasks.len() {
                    for j in i..tasks.len() {
                        for group in [&tasks[..=j], &[tasks[i], tasks[j]][..]] {
                            let needs = GroupNeeds::of(&inst, group).unwrap();
                            assert_eq!(slots.admits(&needs), can_share_visit(&inst, group));
                        }
                    }
                }
            }
        }
    }
}
