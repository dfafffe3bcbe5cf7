//! Provides the merge graph: which tasks may share a visit, bounds on visits, reasons tasks can
//! never be scheduled, and the spatial helpers (travel matrix, neighbours, zones) the planner
//! uses to search and to split large instances.

mod bounds;
mod dot;
mod exact;
mod feasibility;
mod firm_slots;
mod greedy;
mod merge_graph;
mod naive;
mod neighbours;
mod partition;
mod reasons;
mod report;
mod travel_matrix;
mod zones;

pub use bounds::{FirmBound, VisitBounds, firm_bound, reduction, visit_bounds, visit_bounds_until};
pub use dot::{escape_label, to_dot};
pub use exact::EXACT_LIMIT;
pub use feasibility::{
    GroupNeeds, can_share_visit, feasible_slots, fits, longest_common_window, slots,
    team_can_visit_on,
};
pub use firm_slots::FirmSlots;
pub use merge_graph::{Edge, MergeGraph, Node, share_pairs};
pub use neighbours::{nearest_among, nearest_firms};
pub use partition::{Partition, partition_tasks};
pub use reasons::unschedulable_reason;
pub use report::{
    DepartmentRow, MergeReport, ReasonCount, TownshipRow, UnschedulableTask, merge_report,
};
pub use travel_matrix::{Place, TravelMatrix};
pub use zones::{Zones, linkage_zones, task_zones, township_zones};
