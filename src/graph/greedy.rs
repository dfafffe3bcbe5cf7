//! Bounds a firm with too many mutually compatible tasks for the exact partition: a valid
//! lower bound from tasks that pairwise cannot share a visit, and a feasible partition from
//! first-fit packing. When both meet, the count is proven after all.

use super::feasibility::GroupNeeds;
use super::firm_slots::FirmSlots;
use crate::model::{Instance, TaskIndex};

/// The size of a set of tasks no two of which may share a visit: each needs its own visit, so
/// no partition has fewer groups.
///
/// Picks, over and over, the task compatible with the fewest tasks still in play (ties to the
/// lowest index), the classic greedy that tends to find large such sets.
/// `compatible[i][j]` says whether tasks `i` and `j` may share a visit.
pub fn incompatible_set_size(compatible: &[Vec<bool>]) -> usize {
    let n = compatible.len();
    let mut alive = vec![true; n];
    let mut size = 0;
    loop {
        let pick = (0..n).filter(|&i| alive[i]).min_by_key(|&i| {
            (0..n)
                .filter(|&j| j != i && alive[j] && compatible[i][j])
                .count()
        });
        let Some(i) = pick else { break };
        size += 1;
        alive[i] = false;
        for j in 0..n {
            if compatible[i][j] {
                alive[j] = false;
            }
        }
    }
    size
}

/// A feasible partition of `tasks` (one firm, each schedulable alone), packed first-fit with
/// the tasks of narrowest windows placed first, since they are the hardest to place.
pub fn first_fit_partition(
    inst: &Instance,
    slots: &FirmSlots,
    tasks: &[TaskIndex],
) -> Vec<Vec<TaskIndex>> {
    let mut order = tasks.to_vec();
    order.sort_by_key(|&t| {
        let task = &inst.tasks[t];
        (
            task.last_day.saturating_sub(task.first_day),
            std::cmp::Reverse(task.minutes),
            t,
        )
    });
    let mut groups: Vec<Vec<TaskIndex>> = Vec::new();
    let mut scratch = Vec::with_capacity(tasks.len());
    for t in order {
        let home = groups.iter().position(|g| {
            scratch.clear();
            scratch.extend_from_slice(g);
            scratch.push(t);
            GroupNeeds::of(inst, &scratch).is_some_and(|needs| slots.admits(&needs))
        });
        match home {
            Some(g) => groups[g].push(t),
            None => groups.push(vec![t]),
        }
    }
    for g in &mut groups {
        g.sort_unstable();
    }
    groups.sort();
    groups
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pairwise_incompatible_tasks_are_all_counted() {
        let none = vec![vec![false; 4]; 4];
        assert_eq!(incompatible_set_size(&none), 4);
        let all = vec![vec![true; 4]; 4];
        assert_eq!(incompatible_set_size(&all), 1);
    }

    #[test]
    fn a_star_gives_its_leaves() {
        // Task 0 is compatible with 1, 2 and 3, which are not compatible with each other.
        let mut c = vec![vec![false; 4]; 4];
        c[0] = vec![false, true, true, true];
        for row in c.iter_mut().skip(1) {
            row[0] = true;
        }
        assert_eq!(incompatible_set_size(&c), 3);
    }
}
