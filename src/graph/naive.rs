//! Counts the visits each department would make on its own, the baseline the office reports
//! its saving against.

use super::firm_slots::FirmSlots;
use super::partition::{partition_tasks, quick_partition_tasks};
use crate::model::{DeptIndex, Instance, TaskIndex};

/// Per department with tasks among `tasks` (one firm's schedulable tasks, in order), the
/// fewest visits its own tasks need, in department order.
///
/// Exact whenever the firm's partition is; for a department with too many mutually compatible
/// tasks it is the first-fit count, an upper estimate, which keeps the naive count at or above
/// the firm's lower bound (the departments' own partitions together partition the firm's
/// tasks). With `quick` (a run past its deadline) only the quick partition is tried: the same
/// count unless a department has more than four tasks here that may share visits.
pub fn naive_by_department_with(
    inst: &Instance,
    slots: &FirmSlots,
    tasks: &[TaskIndex],
    quick: bool,
) -> Vec<(DeptIndex, usize)> {
    let mut depts: Vec<DeptIndex> = tasks.iter().map(|&t| inst.tasks[t].department).collect();
    depts.sort_unstable();
    depts.dedup();
    depts
        .into_iter()
        .map(|d| {
            let own: Vec<TaskIndex> = tasks
                .iter()
                .copied()
                .filter(|&t| inst.tasks[t].department == d)
                .collect();
            let p = if quick {
                quick_partition_tasks(inst, slots, &own)
            } else {
                partition_tasks(inst, slots, &own)
            };
            (d, p.groups.len())
        })
        .collect()
}
