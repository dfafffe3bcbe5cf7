//! Bounds the number of visits per firm and over the instance: the lower bound the plan is
//! measured against and the naive count of departments going alone.

use super::firm_slots::FirmSlots;
use super::naive::naive_by_department_with;
use super::partition::{partition_tasks, quick_partition_tasks};
use super::reasons::unschedulable_reason;
use crate::model::{DeptIndex, FirmIndex, Instance, Reason, TaskIndex};
use rayon::prelude::*;
use std::time::Instant;

/// Visits bounds of one firm.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FirmBound {
    /// The firm.
    pub firm: FirmIndex,
    /// Its schedulable tasks.
    pub tasks: Vec<TaskIndex>,
    /// Fewest visits its schedulable tasks need (exact when `exact`).
    pub lower_bound: usize,
    /// Visits if each department went alone.
    pub naive: usize,
    /// The same per department with schedulable tasks here, in department order; adds up to
    /// `naive`. Kept from when the bound was computed, so a department's count is the one its
    /// total was made of, also when a time limit cut the bounds short.
    pub naive_by_department: Vec<(DeptIndex, usize)>,
    /// Whether `lower_bound` is proven optimal.
    pub exact: bool,
    /// A partition of `tasks` into groups that can each be one visit (a witness of the bound
    /// when exact).
    pub groups: Vec<Vec<TaskIndex>>,
}

impl FirmBound {
    /// Visits of the witness partition: the bound when exact, else a count some plan reaches
    /// ignoring capacity.
    pub fn upper_bound(&self) -> usize {
        self.groups.len()
    }
}

/// Bounds on the number of visits over the whole instance.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct VisitBounds {
    /// One entry per firm with at least one task, in firm order.
    pub per_firm: Vec<FirmBound>,
    /// Sum of the firms' lower bounds.
    pub lower_bound: usize,
    /// Sum of the naive visit counts.
    pub naive: usize,
    /// Tasks that can never be scheduled, with their reasons, in task order.
    pub unschedulable: Vec<(TaskIndex, Reason)>,
}

impl VisitBounds {
    /// True when every firm's bound is proven optimal.
    pub fn exact(&self) -> bool {
        self.per_firm.iter().all(|f| f.exact)
    }

    /// Sum of the witness partitions' sizes (equals `lower_bound` when exact).
    pub fn upper_bound(&self) -> usize {
        self.per_firm.iter().map(FirmBound::upper_bound).sum()
    }

    /// The naive count per department, indexed by department (`departments` of them): what
    /// each department's own schedulable tasks need, firm by firm. Adds up to `naive`.
    pub fn naive_per_department(&self, departments: usize) -> Vec<usize> {
        let mut out = vec![0; departments];
        for &(d, n) in self.per_firm.iter().flat_map(|f| &f.naive_by_department) {
            out[d] += n;
        }
        out
    }

    /// Firms with at least one schedulable task; each needs at least one visit, so this never
    /// exceeds `lower_bound`.
    pub fn firms_with_schedulable_tasks(&self) -> usize {
        self.per_firm.iter().filter(|f| !f.tasks.is_empty()).count()
    }
}

/// `1 - visits / naive`, the share of the naive visits saved, 0 when `naive` is 0: the
/// reduction of the bounds as a whole, of a department and of a township alike.
pub fn reduction(naive: usize, visits: f64) -> f64 {
    if naive == 0 {
        0.0
    } else {
        1.0 - visits / naive as f64
    }
}

/// The bounds of one firm, and its unschedulable tasks with their reasons.
pub fn firm_bound(
    inst: &Instance,
    firm: FirmIndex,
    tasks: &[TaskIndex],
) -> (FirmBound, Vec<(TaskIndex, Reason)>) {
    firm_bound_with(inst, firm, tasks, false)
}

/// [`firm_bound`], with only the quick partition when `quick`.
fn firm_bound_with(
    inst: &Instance,
    firm: FirmIndex,
    tasks: &[TaskIndex],
    quick: bool,
) -> (FirmBound, Vec<(TaskIndex, Reason)>) {
    let mut schedulable = Vec::with_capacity(tasks.len());
    let mut unschedulable = Vec::new();
    for &t in tasks {
        match unschedulable_reason(inst, t) {
            Some(r) => unschedulable.push((t, r)),
            None => schedulable.push(t),
        }
    }
    let slots = FirmSlots::new(inst, firm);
    let partition = if quick {
        quick_partition_tasks(inst, &slots, &schedulable)
    } else {
        partition_tasks(inst, &slots, &schedulable)
    };
    let naive_by_department = naive_by_department_with(inst, &slots, &schedulable, quick);
    let naive = naive_by_department.iter().map(|&(_, n)| n).sum();
    let bound = FirmBound {
        firm,
        tasks: schedulable,
        lower_bound: partition.lower_bound,
        naive,
        naive_by_department,
        exact: partition.exact,
        groups: partition.groups,
    };
    (bound, unschedulable)
}

/// Computes the bounds of every firm.
///
/// Firms are independent, so they are bounded in parallel; the result is in firm order and
/// does not depend on the thread count.
pub fn visit_bounds(inst: &Instance) -> VisitBounds {
    visit_bounds_until(inst, None)
}

/// [`visit_bounds`] for a run that must end by `deadline`: firms bounded after it get the
/// quick partition ([`super::partition::quick_partition_tasks`]), the same as the exact one
/// unless a firm has more than four tasks that may share visits; past that the bound stays
/// valid but may be looser (`exact` false), and depends on the clock.
pub fn visit_bounds_until(inst: &Instance, deadline: Option<Instant>) -> VisitBounds {
    let by_firm = inst.tasks_by_firm();
    let late = || deadline.is_some_and(|d| Instant::now() >= d);
    let results: Vec<(FirmBound, Vec<(TaskIndex, Reason)>)> = by_firm
        .par_iter()
        .enumerate()
        .filter(|(_, tasks)| !tasks.is_empty())
        .map(|(firm, tasks)| {
            crate::solve::parallel::note_work("bounds", &inst.name);
            firm_bound_with(inst, firm, tasks, late())
        })
        .collect();
    let mut out = VisitBounds::default();
    for (bound, unschedulable) in results {
        out.lower_bound += bound.lower_bound;
        out.naive += bound.naive;
        out.unschedulable.extend(unschedulable);
        out.per_firm.push(bound);
    }
    out.unschedulable.sort_unstable();
    out
}
