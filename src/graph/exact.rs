//! Splits a few tasks of one firm into the fewest visits, exactly, by dynamic programming over
//! subsets.
//!
//! A firm rarely has more than a handful of tasks a month, and the tasks that may share a visit
//! with one another fewer still, so enumerating subsets is both exact and fast; the caller
//! keeps `n` at most [`EXACT_LIMIT`] and falls back to bounds beyond it.

use super::feasibility::{TeamChoice, task_window};
use super::firm_slots::FirmSlots;
use crate::model::{DayIndex, DeptSet, Instance, TaskIndex};

/// Most tasks one exact partition handles: 2^16 subsets to test and about 3^16 / 2 steps of
/// the partition recurrence, some tens of milliseconds.
pub const EXACT_LIMIT: usize = 16;

/// Which subsets (bit `i` = `tasks[i]`) of one firm's tasks could be one visit.
///
/// Feasibility is closed under taking subsets (fewer tasks only widen the common window,
/// shrink the departments, loosen the pinned team and shorten the visit), which lets a subset be rejected as soon as
/// one of its subsets is.
pub fn feasible_subsets(inst: &Instance, slots: &FirmSlots, tasks: &[TaskIndex]) -> Vec<bool> {
    let n = tasks.len();
    assert!(
        n <= EXACT_LIMIT,
        "{n} tasks are too many for an exact partition"
    );
    let size = 1usize << n;
    // Departments renumbered 0..k over these tasks, so per-department sums fit on the stack.
    let mut local_dept = [0usize; EXACT_LIMIT];
    let mut seen: Vec<usize> = Vec::with_capacity(n);
    for (i, &t) in tasks.iter().enumerate() {
        let d = inst.tasks[t].department;
        local_dept[i] = match seen.iter().position(|&s| s == d) {
            Some(k) => k,
            None => {
                seen.push(d);
                seen.len() - 1
            }
        };
    }
    let mut feasible = vec![false; size];
    let mut first = vec![0 as DayIndex; size];
    let mut last = vec![DayIndex::MAX; size];
    let mut depts = vec![DeptSet::EMPTY; size];
    let mut team = vec![TeamChoice::Any; size];
    feasible[0] = true;
    for s in 1..size {
        let b = s.trailing_zeros() as usize;
        let rest = s & (s - 1);
        let task = &inst.tasks[tasks[b]];
        let (first_day, last_day) = task_window(task);
        first[s] = first[rest].max(first_day);
        last[s] = last[rest].min(last_day);
        depts[s] = depts[rest].union(DeptSet::single(task.department));
        team[s] = team[rest].and(TeamChoice::of(task));
        if first[s] > last[s]
            || team[s] == TeamChoice::Clash
            || !all_maximal_subsets_feasible(&feasible, s)
        {
            continue;
        }
        let mut per_dept = [0u32; EXACT_LIMIT];
        let mut bits = s;
        while bits != 0 {
            let i = bits.trailing_zeros() as usize;
            per_dept[local_dept[i]] += inst.tasks[tasks[i]].minutes;
            bits &= bits - 1;
        }
        let minutes =
            inst.settings.visit_setup_minutes + per_dept.iter().max().copied().unwrap_or(0);
        feasible[s] = slots.admits_parts(first[s], last[s], depts[s], minutes, team[s]);
    }
    feasible
}

fn all_maximal_subsets_feasible(feasible: &[bool], s: usize) -> bool {
    let mut bits = s;
    while bits != 0 {
        let low = bits & bits.wrapping_neg();
        if !feasible[s ^ low] {
            return false;
        }
        bits ^= low;
    }
    true
}

/// The fewest groups, each a feasible subset, that partition all `n` tasks; `None` when some
/// task is infeasible even alone.
///
/// Groups are bit masks; the first group holds task 0, the next the lowest task left, and so
/// on, which makes the witness deterministic.
pub fn min_partition(feasible: &[bool], n: usize) -> Option<Vec<usize>> {
    let size = 1usize << n;
    debug_assert_eq!(feasible.len(), size);
    const NONE: u8 = u8::MAX;
    let mut cost = vec![NONE; size];
    let mut pick = vec![0usize; size];
    cost[0] = 0;
    for s in 1..size {
        let low = s & s.wrapping_neg();
        let rest = s ^ low;
        let mut sub = rest;
        loop {
            let group = sub | low;
            let before = cost[s ^ group];
            if feasible[group] && before != NONE && before + 1 < cost[s] {
                cost[s] = before + 1;
                pick[s] = group;
                if cost[s] == 1 {
                    break;
                }
            }
            if sub == 0 {
                break;
            }
            sub = (sub - 1) & rest;
        }
    }
    if cost[size - 1] == NONE {
        return None;
    }
    let mut groups = Vec::new();
    let mut s = size - 1;
    while s != 0 {
        groups.push(pick[s]);
        s ^= pick[s];
    }
    Some(groups)
}

/// The fewest visits `tasks` (one firm, each schedulable alone) need, with the groups.
pub fn exact_partition(
    inst: &Instance,
    slots: &FirmSlots,
    tasks: &[TaskIndex],
) -> Vec<Vec<TaskIndex>> {
    let feasible = feasible_subsets(inst, slots, tasks);
    let masks = min_partition(&feasible, tasks.len())
        .expect("every task given to an exact partition is schedulable alone");
    masks
        .into_iter()
        .map(|m| {
            (0..tasks.len())
                .filter(|i| m & (1 << i) != 0)
                .map(|i| tasks[i])
                .collect()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn partitions_a_path_of_compatible_pairs() {
        // Tasks 0-1, 1-2 and 2-3 may share; nothing larger: two visits, {0,1} and {2,3}.
        let mut feasible = vec![false; 16];
        for s in [
            0b0000, 0b0001, 0b0010, 0b0100, 0b1000, 0b0011, 0b0110, 0b1100,
        ] {
            feasible[s] = true;
        }
        let groups = min_partition(&feasible, 4).unwrap();
        assert_eq!(groups, vec![0b0011, 0b1100]);
    }

    #[test]
    fn infeasible_singleton_has_no_partition() {
        let feasible = vec![true, false];
        assert_eq!(min_partition(&feasible, 1), None);
    }

    #[test]
    fn whole_feasible_set_is_one_group() {
        let feasible = vec![true; 8];
        assert_eq!(min_partition(&feasible, 3), Some(vec![0b111]));
    }
}
