//! Provides the merge graph: which tasks may share a visit, bounds on visits, and reasons
//! tasks can never be scheduled. (Contract stub; the real implementation replaces the bodies.)

use crate::model::{FirmIndex, Instance, Reason, TaskIndex};

/// Why `task` can never be scheduled, or `None` when some team on some day could do it alone.
pub fn unschedulable_reason(_inst: &Instance, _task: TaskIndex) -> Option<Reason> {
    None
}

/// True when `tasks` (all of one firm) can be done in one visit: a common working day in all
/// their windows on which the firm is open, a team covering all their departments and working
/// that day, and an on-site time fitting in one of the team's shift windows and one of the
/// firm's opening windows that day.
pub fn can_share_visit(_inst: &Instance, _tasks: &[TaskIndex]) -> bool {
    false
}

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
    /// Whether `lower_bound` is proven optimal.
    pub exact: bool,
    /// A partition of `tasks` into groups that can each be one visit (a witness of the bound
    /// when exact).
    pub groups: Vec<Vec<TaskIndex>>,
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

/// Computes the bounds of every firm.
pub fn visit_bounds(_inst: &Instance) -> VisitBounds {
    VisitBounds::default()
}
