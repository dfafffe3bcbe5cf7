//! Provides [`diff`]: what changed between two plans, visit by visit and task by task.
//!
//! A visit is identified by (team, date, firm) and a task by its id, so the comparison needs
//! no workspace and holds between plans of different workspaces.

use crate::model::{PlanSnapshot, VisitSnap};
use chrono::NaiveDate;
use std::collections::BTreeMap;

/// A team on a day: where a task is done.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Slot {
    /// The team's id.
    pub team: String,
    /// The day.
    pub date: NaiveDate,
}

/// A visit both plans have at the same team, date and firm, with other tasks or times.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VisitChange {
    /// As the old plan has it.
    pub old: VisitSnap,
    /// As the new plan has it.
    pub new: VisitSnap,
}

impl VisitChange {
    /// True when the visit does other tasks (not only at another time).
    pub fn tasks_differ(&self) -> bool {
        self.old.tasks != self.new.tasks
    }
}

/// The changes of one team on one day; days without a change are left out of [`PlanDiff`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DayDiff {
    /// The team and the day.
    pub slot: Slot,
    /// Visits the same in both plans.
    pub kept: usize,
    /// Visits at the same firm with other tasks or another time.
    pub changed: Vec<VisitChange>,
    /// Visits only the new plan has, in its driving order.
    pub added: Vec<VisitSnap>,
    /// Visits only the old plan has, in its driving order.
    pub removed: Vec<VisitSnap>,
}

/// A task both plans schedule, at another team or on another day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TaskMove {
    /// The task's id.
    pub task: String,
    /// Where the old plan has it.
    pub old: Slot,
    /// Where the new plan has it.
    pub new: Slot,
}

/// A task only one of the plans schedules.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TaskPlace {
    /// The task's id.
    pub task: String,
    /// Where the plan that has it does it.
    pub at: Slot,
}

/// The counts of a diff.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Totals {
    /// Visits in the old plan.
    pub old_visits: usize,
    /// Visits in the new plan.
    pub new_visits: usize,
    /// Visits the same in both (team, date, firm, tasks and times).
    pub visits_kept: usize,
    /// Visits at the same team, date and firm with other tasks or times.
    pub visits_changed: usize,
    /// Visits only the new plan has.
    pub visits_added: usize,
    /// Visits only the old plan has.
    pub visits_removed: usize,
    /// Tasks at another team or on another day.
    pub tasks_moved: usize,
    /// Tasks only the new plan schedules.
    pub tasks_added: usize,
    /// Tasks only the old plan schedules.
    pub tasks_dropped: usize,
    /// Old visits on or after `from` (all of them without `from`): what stability is a
    /// share of.
    pub stability_base: usize,
    /// Those of them the new plan has with the same team, date, firm and tasks.
    pub stability_kept: usize,
    /// Changed, added or removed visits dated before `from`: work that should have been
    /// done already, so anything but 0 deserves a look.
    pub changes_before_from: usize,
}

impl Totals {
    /// `stability_kept / stability_base` in percent, one decimal; `None` when the old plan
    /// has no visit on or after `from`.
    pub fn stability_percent(&self) -> Option<f64> {
        (self.stability_base > 0).then(|| {
            (self.stability_kept as f64 / self.stability_base as f64 * 1000.0).round() / 10.0
        })
    }
}

/// What changed from one plan to the next.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PlanDiff {
    /// Stability counts the old plan's visits on or after this day.
    pub from: Option<NaiveDate>,
    /// Per team then date, the days with a change.
    pub days: Vec<DayDiff>,
    /// Tasks at another team or day, by task id.
    pub moved_tasks: Vec<TaskMove>,
    /// Tasks only the new plan schedules, by task id.
    pub added_tasks: Vec<TaskPlace>,
    /// Tasks only the old plan schedules, by task id.
    pub dropped_tasks: Vec<TaskPlace>,
    /// The counts.
    pub totals: Totals,
}

impl PlanDiff {
    /// True when the plans have the same visits with the same tasks at the same times.
    pub fn is_empty(&self) -> bool {
        self.days.is_empty()
            && self.moved_tasks.is_empty()
            && self.added_tasks.is_empty()
            && self.dropped_tasks.is_empty()
    }
}

/// A visit's place in a plan: team, date, firm, and which visit of that firm that team makes
/// that day (0 but in a hand-made plan visiting a firm twice a day).
type VisitKey = (String, usize);

/// Visits per team-day, each day's visits keyed by firm in driving order.
type ByDay<'a> = BTreeMap<Slot, Vec<(VisitKey, &'a VisitSnap)>>;

fn by_day(plan: &PlanSnapshot) -> ByDay<'_> {
    let mut out: ByDay = BTreeMap::new();
    for r in &plan.routes {
        let day = out
            .entry(Slot {
                team: r.team.clone(),
                date: r.date,
            })
            .or_default();
        for v in &r.visits {
            let n = day.iter().filter(|((f, _), _)| *f == v.firm).count();
            day.push(((v.firm.clone(), n), v));
        }
    }
    out
}

fn find<'a>(list: &[(VisitKey, &'a VisitSnap)], k: &VisitKey) -> Option<&'a VisitSnap> {
    list.iter().find(|(key, _)| key == k).map(|&(_, v)| v)
}

fn same_times(a: &VisitSnap, b: &VisitSnap) -> bool {
    (a.arrive, a.start, a.end) == (b.arrive, b.start, b.end)
}

/// Compares `old` with `new`. Stability counts the old plan's visits on or after `from`;
/// `None` takes the new plan's `replan_from`, and all visits when it has none.
pub fn diff(old: &PlanSnapshot, new: &PlanSnapshot, from: Option<NaiveDate>) -> PlanDiff {
    let from = from.or(new.replan_from);
    let counts_for_stability = |d: NaiveDate| from.is_none_or(|f| d >= f);
    let before_from = |d: NaiveDate| from.is_some_and(|f| d < f);
    let (old_days, new_days) = (by_day(old), by_day(new));
    let mut totals = Totals::default();
    let mut days = Vec::new();
    let slots: std::collections::BTreeSet<&Slot> = old_days.keys().chain(new_days.keys()).collect();
    for slot in slots {
        let o = old_days.get(slot).map_or(&[][..], Vec::as_slice);
        let n = new_days.get(slot).map_or(&[][..], Vec::as_slice);
        let mut day = DayDiff {
            slot: slot.clone(),
            kept: 0,
            changed: Vec::new(),
            added: Vec::new(),
            removed: Vec::new(),
        };
        for (key, nv) in n {
            match find(o, key) {
                Some(ov) if ov.tasks == nv.tasks && same_times(ov, nv) => day.kept += 1,
                Some(ov) => day.changed.push(VisitChange {
                    old: ov.clone(),
                    new: (*nv).clone(),
                }),
                None => day.added.push((*nv).clone()),
            }
        }
        for (key, ov) in o {
            if counts_for_stability(slot.date) {
                totals.stability_base += 1;
                if find(n, key).is_some_and(|nv| nv.tasks == ov.tasks) {
                    totals.stability_kept += 1;
                }
            }
            if find(n, key).is_none() {
                day.removed.push((*ov).clone());
            }
        }
        totals.old_visits += o.len();
        totals.new_visits += n.len();
        totals.visits_kept += day.kept;
        totals.visits_changed += day.changed.len();
        totals.visits_added += day.added.len();
        totals.visits_removed += day.removed.len();
        let changes = day.changed.len() + day.added.len() + day.removed.len();
        if before_from(slot.date) {
            totals.changes_before_from += changes;
        }
        if changes > 0 {
            days.push(day);
        }
    }
    let (moved_tasks, added_tasks, dropped_tasks) = task_changes(old, new);
    totals.tasks_moved = moved_tasks.len();
    totals.tasks_added = added_tasks.len();
    totals.tasks_dropped = dropped_tasks.len();
    PlanDiff {
        from,
        days,
        moved_tasks,
        added_tasks,
        dropped_tasks,
        totals,
    }
}

fn task_slots(plan: &PlanSnapshot) -> BTreeMap<&str, Slot> {
    let mut out = BTreeMap::new();
    for (r, _, v) in plan.visits() {
        for t in &v.tasks {
            out.insert(
                t.as_str(),
                Slot {
                    team: r.team.clone(),
                    date: r.date,
                },
            );
        }
    }
    out
}

fn task_changes(
    old: &PlanSnapshot,
    new: &PlanSnapshot,
) -> (Vec<TaskMove>, Vec<TaskPlace>, Vec<TaskPlace>) {
    let (o, n) = (task_slots(old), task_slots(new));
    let mut moved = Vec::new();
    let mut dropped = Vec::new();
    for (task, at) in &o {
        match n.get(task) {
            Some(now) if now != at => moved.push(TaskMove {
                task: (*task).to_owned(),
                old: at.clone(),
                new: now.clone(),
            }),
            Some(_) => {}
            None => dropped.push(TaskPlace {
                task: (*task).to_owned(),
                at: at.clone(),
            }),
        }
    }
    let added = n
        .iter()
        .filter(|(t, _)| !o.contains_key(*t))
        .map(|(t, at)| TaskPlace {
            task: (*t).to_owned(),
            at: at.clone(),
        })
        .collect();
    (moved, added, dropped)
}
