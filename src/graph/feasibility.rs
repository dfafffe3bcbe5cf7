//! Decides whether a group of one firm's tasks can be one visit, and on which days and by which
//! teams.
//!
//! The planner calls these in its inner loops, so nothing here allocates except
//! [`feasible_slots`], which collects for callers that want a list.

use crate::model::{
    DayIndex, DeptSet, FirmIndex, Instance, Minute, Task, TaskIndex, Team, TeamIndex, TimeWindow,
};

/// The teams a group's pins (`pins.csv`) leave it: any, the one every pinned task of it
/// names, or none when two name different teams.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TeamChoice {
    /// No task of the group is pinned to a team.
    Any,
    /// Every pinned task names this team.
    Only(TeamIndex),
    /// Two tasks are pinned to different teams: they never share a visit.
    Clash,
}

impl TeamChoice {
    /// The choice one task leaves.
    pub fn of(task: &Task) -> Self {
        match task.pin.as_ref().and_then(|p| p.team) {
            Some(t) => Self::Only(t),
            None => Self::Any,
        }
    }

    /// The choice two groups left together.
    pub fn and(self, other: Self) -> Self {
        match (self, other) {
            (Self::Any, x) | (x, Self::Any) => x,
            (Self::Only(a), Self::Only(b)) if a == b => self,
            _ => Self::Clash,
        }
    }

    /// True when team `t` may do the group.
    pub fn allows(self, t: TeamIndex) -> bool {
        match self {
            Self::Any => true,
            Self::Only(only) => only == t,
            Self::Clash => false,
        }
    }
}

/// The days a task may be done: its window, cut to its pinned day. Ingest narrows the window
/// of a task pinned to a day inside it, so this only differs for a day outside the window,
/// where it leaves no day at all (first after last).
pub fn task_window(task: &Task) -> (DayIndex, DayIndex) {
    match task.pin.as_ref().and_then(|p| p.day) {
        Some(d) => (task.first_day.max(d), task.last_day.min(d)),
        None => (task.first_day, task.last_day),
    }
}

/// What a group of tasks asks of a visit: a day range, departments and on-site time.
///
/// Every constraint of a visit depends on the group only through these, which is what lets
/// the per-firm bounds build them incrementally over subsets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GroupNeeds {
    /// The firm of every task of the group.
    pub firm: FirmIndex,
    /// First day allowed by every task's window.
    pub first_day: DayIndex,
    /// Last day allowed by every task's window (may be before `first_day`: no common day).
    pub last_day: DayIndex,
    /// Departments a team must cover.
    pub departments: DeptSet,
    /// On-site minutes, setup included.
    pub minutes: Minute,
    /// The teams the tasks' pins allow.
    pub team: TeamChoice,
}

impl GroupNeeds {
    /// The needs of `tasks`, or `None` when the group is empty or spans several firms.
    pub fn of(inst: &Instance, tasks: &[TaskIndex]) -> Option<Self> {
        let (&first, rest) = tasks.split_first()?;
        let t0 = &inst.tasks[first];
        let (first_day, last_day) = task_window(t0);
        let mut needs = GroupNeeds {
            firm: t0.firm,
            first_day,
            last_day,
            departments: DeptSet::single(t0.department),
            minutes: 0,
            team: TeamChoice::of(t0),
        };
        for &t in rest {
            let task = &inst.tasks[t];
            if task.firm != needs.firm {
                return None;
            }
            let (first_day, last_day) = task_window(task);
            needs.first_day = needs.first_day.max(first_day);
            needs.last_day = needs.last_day.min(last_day);
            needs.departments.insert(task.department);
            needs.team = needs.team.and(TeamChoice::of(task));
        }
        needs.minutes = onsite_minutes(inst, tasks, needs.departments);
        Some(needs)
    }

    /// True when the tasks' windows share at least one calendar day.
    pub fn has_common_day(&self) -> bool {
        self.first_day <= self.last_day
    }
}

/// [`Instance::onsite_minutes`] without its scratch vector, for the planner's hot loops.
fn onsite_minutes(inst: &Instance, tasks: &[TaskIndex], departments: DeptSet) -> Minute {
    let longest = departments
        .iter()
        .map(|d| {
            tasks
                .iter()
                .map(|&t| &inst.tasks[t])
                .filter(|task| task.department == d)
                .map(|task| task.minutes)
                .sum::<u32>()
        })
        .max()
        .unwrap_or(0);
    inst.settings.visit_setup_minutes + longest
}

/// The longest stretch of on-site work a team's shift and a firm's opening windows allow
/// together: work may not straddle the team's lunch break nor the firm's.
pub fn longest_common_window(shift: &[TimeWindow], opening: &[TimeWindow]) -> Minute {
    shift
        .iter()
        .flat_map(|s| opening.iter().filter_map(move |o| s.intersect(o)))
        .map(|w| w.len())
        .max()
        .unwrap_or(0)
}

/// True when a common window of `fit` minutes holds `minutes` of on-site work; a zero `fit`
/// means no common window at all, which holds nothing, not even a zero-minute visit.
pub fn fits(fit: Minute, minutes: Minute) -> bool {
    fit > 0 && fit >= minutes
}

/// True when `team` could do a visit with `needs` on `day` (ignoring travel and other visits),
/// whatever the pins say: [`slots`] asks [`TeamChoice::allows`] first.
pub fn team_can_visit_on(inst: &Instance, team: &Team, needs: &GroupNeeds, day: DayIndex) -> bool {
    if !inst.calendar.is_working(day) || !team.works_on(day) {
        return false;
    }
    if !team.departments.covers(needs.departments) {
        return false;
    }
    let opening = inst.firms[needs.firm]
        .hours
        .windows_on(inst.calendar.date(day));
    fits(
        longest_common_window(&team.shift.windows, opening),
        needs.minutes,
    )
}

/// Every (day, team) on which one team could do all of `needs` in one visit, day by day and
/// team by team in index order.
pub fn slots<'a>(
    inst: &'a Instance,
    needs: GroupNeeds,
) -> impl Iterator<Item = (DayIndex, TeamIndex)> + 'a {
    let last = needs.last_day.min(inst.calendar.len().saturating_sub(1));
    let days = if inst.calendar.is_empty() || needs.first_day > last {
        0..0
    } else {
        needs.first_day..last + 1
    };
    days.flat_map(move |d| {
        inst.teams
            .iter()
            .enumerate()
            .filter(move |&(t, team)| {
                needs.team.allows(t) && team_can_visit_on(inst, team, &needs, d)
            })
            .map(move |(t, _)| (d, t))
    })
}

/// True when `tasks` (all of one firm) can be done in one visit: a common working day in all
/// their windows (and pinned days) on which the firm is open, a team every pinned task of
/// them names, covering all their departments and working that day, and an on-site time fitting in one of the team's shift windows and one of the
/// firm's opening windows that day.
///
/// An empty group, or one mixing firms, is not a visit.
pub fn can_share_visit(inst: &Instance, tasks: &[TaskIndex]) -> bool {
    GroupNeeds::of(inst, tasks).is_some_and(|needs| slots(inst, needs).next().is_some())
}

/// Every (day, team) on which `tasks` could be one visit; empty when they cannot.
pub fn feasible_slots(inst: &Instance, tasks: &[TaskIndex]) -> Vec<(DayIndex, TeamIndex)> {
    GroupNeeds::of(inst, tasks).map_or_else(Vec::new, |needs| slots(inst, needs).collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::devtools::synth::{SynthParams, random_instance};

    #[test]
    fn onsite_minutes_agree_with_the_model() {
        let inst = random_instance(
            5,
            &SynthParams {
                firms: 20,
                max_tasks_per_firm: 6,
                ..SynthParams::default()
            },
        );
        for tasks in inst.tasks_by_firm() {
            for k in 1..=tasks.len() {
                let group = &tasks[..k];
                let needs = GroupNeeds::of(&inst, group).unwrap();
                assert_eq!(needs.minutes, inst.onsite_minutes(group));
                assert_eq!(needs.departments, inst.departments_of(group));
            }
        }
    }

    #[test]
    fn empty_and_mixed_groups_are_not_visits() {
        let inst = random_instance(1, &SynthParams::default());
        assert!(!can_share_visit(&inst, &[]));
        let by_firm = inst.tasks_by_firm();
        assert!(!can_share_visit(&inst, &[by_firm[0][0], by_firm[1][0]]));
    }

    #[test]
    fn lunch_breaks_split_the_common_window() {
        let shift = [TimeWindow::new(510, 720), TimeWindow::new(780, 1050)];
        let opening = [TimeWindow::new(480, 1080)];
        assert_eq!(longest_common_window(&shift, &opening), 270);
        assert_eq!(longest_common_window(&shift, &[]), 0);
        let split = [TimeWindow::new(480, 690), TimeWindow::new(840, 1050)];
        assert_eq!(longest_common_window(&shift, &split), 210);
    }

    #[test]
    fn slots_agree_with_can_share_visit() {
        let inst = random_instance(9, &SynthParams::default());
        for tasks in inst.tasks_by_firm() {
            let slots = feasible_slots(&inst, &tasks);
            assert_eq!(slots.is_empty(), !can_share_visit(&inst, &tasks));
            for (d, t) in slots {
                assert!(inst.firm_open_on(inst.tasks[tasks[0]].firm, d));
                assert!(inst.teams[t].works_on(d));
            }
        }
    }
}
