//! Finds the smallest changes to a workspace that would save door-knocks: widen or shift one
//! task's window by a few days, let a team inspect for one more department, extend a firm's
//! opening hours or days.
//!
//! Every candidate is checked on a copy of the instance with the change made: the per-firm
//! visit lower bound ([`crate::graph::firm_bound`], exact per firm and cheap) before and after
//! gives the predicted saving. [`what_if`] then plans the changed instance and checks the plan
//! with [`crate::verify`], for the saving a real plan makes. Pure: no I/O, no clock.

mod change;
mod letters;
mod report;

pub use change::{Change, Direction};
pub use letters::{letter_html, letter_xlsx, letters_for};
pub use report::{AdviceJson, WhatIfJson, advice_json, describe};

use crate::graph::{FirmBound, VisitBounds, firm_bound, task_window, visit_bounds};
use crate::model::{DeptIndex, FirmIndex, Instance, Plan, TaskIndex, TimeWindow};
use crate::solve::milp::MilpParams;
use crate::solve::{SolveParams, solve_with_bounds};
use std::cmp::Reverse;

/// The most days a window is moved or widened beyond the gap it must close: enough to step
/// over a weekend, a holiday and the firm's closed days.
pub const MAX_EXTRA_DAYS: usize = 7;

/// One piece of advice: a change, where it saves visits and whom it asks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Advice {
    /// The change.
    pub change: Change,
    /// The firms whose lower bound falls.
    pub firms: Vec<FirmIndex>,
    /// The departments asked to make it (each gets it in its letter).
    pub departments: Vec<DeptIndex>,
    /// Fewer visits in the lower bound with the change.
    pub predicted: usize,
    /// What planning the changed workspace gave, when it was checked.
    pub what_if: Option<WhatIf>,
}

/// A change checked by planning: the same budget and seed with and without it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WhatIf {
    /// Visits of the plan without the change.
    pub visits_before: usize,
    /// Visits of the plan with it.
    pub visits_after: usize,
    /// Tasks scheduled without the change.
    pub scheduled_before: usize,
    /// Tasks scheduled with it.
    pub scheduled_after: usize,
    /// True when `verify` accepts the changed plan against the changed instance.
    pub verified: bool,
}

impl WhatIf {
    /// Visits the change saved in the plans (negative when the changed plan has more).
    pub fn saved(&self) -> i64 {
        self.visits_before as i64 - self.visits_after as i64
    }
}

/// Every change that lowers some firm's visit lower bound, best first: most visits saved,
/// then the smallest change, then a fixed order, so the list is the same on every run.
pub fn advise(inst: &Instance, bounds: &VisitBounds) -> Vec<Advice> {
    let mut work = Work {
        inst: inst.clone(),
        by_firm: inst.tasks_by_firm(),
    };
    let mut out = Vec::new();
    for fb in bounds.per_firm.iter().filter(|f| f.lower_bound >= 2) {
        window_advice(&mut work, fb, &mut out);
        hours_advice(&mut work, inst, fb, &mut out);
    }
    team_advice(&mut work, bounds, &mut out);
    out.sort_by(|a, b| {
        (Reverse(a.predicted), a.change.size(), &a.change).cmp(&(
            Reverse(b.predicted),
            b.change.size(),
            &b.change,
        ))
    });
    out
}

/// The instance changes are tried on (each undone after), and each firm's tasks.
struct Work {
    inst: Instance,
    by_firm: Vec<Vec<TaskIndex>>,
}

/// The firm's lower bound in `work` as it now is.
fn bound_now(work: &Work, fb: &FirmBound) -> usize {
    firm_bound(&work.inst, fb.firm, &work.by_firm[fb.firm])
        .0
        .lower_bound
}

/// Saving at `fb` of `change`, made on `work` and undone.
fn saving_at(work: &mut Work, fb: &FirmBound, change: &Change) -> usize {
    let saved_task = match change {
        Change::WidenWindow { task, .. } | Change::ShiftWindow { task, .. } => {
            Some((*task, work.inst.tasks[*task].clone()))
        }
        _ => None,
    };
    let saved_firm = work.inst.firms[fb.firm].clone();
    let out = match change.apply(&mut work.inst) {
        Some(()) => fb.lower_bound.saturating_sub(bound_now(work, fb)),
        None => 0,
    };
    if let Some((t, task)) = saved_task {
        work.inst.tasks[t] = task;
    }
    work.inst.firms[fb.firm] = saved_firm;
    out
}

/// Per task and direction, the smallest widening that lowers the firm's bound; a shift by
/// the same days instead when it saves as much (the department keeps its window's length).
fn window_advice(work: &mut Work, fb: &FirmBound, out: &mut Vec<Advice>) {
    for &t in &fb.tasks {
        if work.inst.tasks[t]
            .pin
            .as_ref()
            .is_some_and(|p| p.day.is_some())
        {
            continue;
        }
        let (tf, tl) = task_window(&work.inst.tasks[t]);
        for direction in [Direction::Earlier, Direction::Later] {
            // The nearest window of another task on that side: the gap to close.
            let gap = fb
                .tasks
                .iter()
                .filter(|&&u| u != t)
                .filter_map(|&u| {
                    let (uf, ul) = task_window(&work.inst.tasks[u]);
                    match direction {
                        Direction::Later if tl < uf => Some(uf - tl),
                        Direction::Earlier if ul < tf => Some(tf - ul),
                        _ => None,
                    }
                })
                .min();
            let Some(gap) = gap else { continue };
            for days in gap..=gap + MAX_EXTRA_DAYS {
                let widen = Change::WidenWindow {
                    task: t,
                    direction,
                    days,
                };
                let saved = saving_at(work, fb, &widen);
                if saved == 0 {
                    continue;
                }
                let shift = Change::ShiftWindow {
                    task: t,
                    direction,
                    days,
                };
                let change = if saving_at(work, fb, &shift) == saved {
                    shift
                } else {
                    widen
                };
                out.push(Advice {
                    change,
                    firms: vec![fb.firm],
                    departments: vec![work.inst.tasks[t].department],
                    predicted: saved,
                    what_if: None,
                });
                break;
            }
        }
    }
}

/// Opening through the firm's lunch break, else over the teams' whole shift, else on its
/// closed weekdays: the first that lowers the bound.
fn hours_advice(work: &mut Work, inst: &Instance, fb: &FirmBound, out: &mut Vec<Advice>) {
    let hours = &inst.firms[fb.firm].hours;
    let depts: Vec<DeptIndex> = inst.departments_of(&fb.tasks).iter().collect();
    let hull = |ws: &mut dyn Iterator<Item = TimeWindow>| {
        let ws: Vec<TimeWindow> = ws.collect();
        let start = ws.iter().map(|w| w.start).min()?;
        let end = ws.iter().map(|w| w.end).max()?;
        Some(vec![TimeWindow::new(start, end)])
    };
    let own = hull(&mut hours.windows.iter().copied());
    let wide = hull(
        &mut hours.windows.iter().copied().chain(
            inst.teams
                .iter()
                .flat_map(|t| t.shift.windows.iter().copied()),
        ),
    );
    let mut changes: Vec<Change> = [own, wide]
        .into_iter()
        .flatten()
        .filter(|w| *w != hours.windows)
        .map(|windows| Change::FirmHours {
            firm: fb.firm,
            windows,
        })
        .collect();
    changes.dedup();
    if hours.closed_weekdays.iter().any(|&c| c) {
        changes.push(Change::FirmOpenDays { firm: fb.firm });
    }
    for change in changes {
        let saved = saving_at(work, fb, &change);
        if saved > 0 {
            out.push(Advice {
                change,
                firms: vec![fb.firm],
                departments: depts.clone(),
                predicted: saved,
                what_if: None,
            });
            return;
        }
    }
}

/// Each team given each department it lacks, counted over the firms where that department
/// has tasks and more than one visit is needed.
fn team_advice(work: &mut Work, bounds: &VisitBounds, out: &mut Vec<Advice>) {
    for team in 0..work.inst.teams.len() {
        for department in 0..work.inst.departments.len() {
            if work.inst.teams[team].departments.contains(department) {
                continue;
            }
            let change = Change::TeamCovers { team, department };
            let saved_team = work.inst.teams[team].clone();
            change.apply(&mut work.inst);
            let mut firms = Vec::new();
            let mut saved = 0;
            for fb in bounds.per_firm.iter().filter(|f| {
                f.lower_bound >= 2
                    && f.tasks
                        .iter()
                        .any(|&t| work.inst.tasks[t].department == department)
            }) {
                let s = fb.lower_bound.saturating_sub(bound_now(work, fb));
                if s > 0 {
                    firms.push(fb.firm);
                    saved += s;
                }
            }
            work.inst.teams[team] = saved_team;
            if saved > 0 {
                out.push(Advice {
                    change,
                    firms,
                    departments: vec![department],
                    predicted: saved,
                    what_if: None,
                });
            }
        }
    }
}

/// A plan of `inst` for the what-if: the planner with `params` and the set-partitioning MILP.
pub fn plan_for_what_if(inst: &Instance, params: &SolveParams) -> Plan {
    let bounds = visit_bounds(inst);
    solve_with_bounds(inst, &bounds, params, Some(&MilpParams::default()), &|_| {}).plan
}

/// Plans the instance with `advice`'s change and compares it with `baseline`, a plan of the
/// unchanged instance made with the same `params`.
pub fn what_if(inst: &Instance, advice: &Advice, params: &SolveParams, baseline: &Plan) -> WhatIf {
    let mut changed = inst.clone();
    let applied = advice.change.apply(&mut changed).is_some();
    let plan = plan_for_what_if(&changed, params);
    WhatIf {
        visits_before: baseline.visit_count(),
        visits_after: plan.visit_count(),
        scheduled_before: baseline.scheduled_count(),
        scheduled_after: plan.scheduled_count(),
        verified: applied && crate::verify::verify_plan(&changed, &plan).is_ok(),
    }
}
