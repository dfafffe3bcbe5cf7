//! Provides the merge graph: which tasks may share a visit, bounds on visits and reasons tasks
//! can never be scheduled. The planner's travel matrix and neighbour lists are built with its
//! search state, in `solve`.

mod bounds;
mod dot;
mod exact;
mod feasibility;
mod firm_slots;
mod greedy;
mod merge_graph;
mod naive;
mod partition;
mod reasons;
mod report;

pub use bounds::{FirmBound, VisitBounds, firm_bound, reduction, visit_bounds, visit_bounds_until};
pub use dot::{escape_label, to_dot};
pub use exact::EXACT_LIMIT;
pub use feasibility::{
    GroupNeeds, TeamChoice, can_share_visit, feasible_slots, fits, longest_common_window, slots,
    task_window, team_can_visit_on,
};
pub use firm_slots::FirmSlots;
pub use merge_graph::{Edge, MergeGraph, Node, share_pairs};
pub use partition::{Partition, partition_tasks};
pub use reasons::unschedulable_reason;
pub use report::{
    DepartmentRow, MergeReport, ReasonCount, TownshipRow, UnschedulableTask, merge_report,
};
