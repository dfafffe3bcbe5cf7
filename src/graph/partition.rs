//! Splits one firm's tasks into the fewest visits: exactly when the tasks that may share a
//! visit with one another are few, with proven bounds otherwise.
//!
//! Tasks that can never share a visit, even pairwise, fall in different groups of every
//! partition, so the firm's tasks first split into the connected components of the "may share"
//! relation and each component is solved apart. This keeps the exact subset search small even
//! for a firm with dozens of tasks spread over the month.

use super::exact::{EXACT_LIMIT, exact_partition};
use super::feasibility::GroupNeeds;
use super::firm_slots::FirmSlots;
use super::greedy::{first_fit_partition, incompatible_set_size};
use crate::model::{Instance, TaskIndex};
use petgraph::unionfind::UnionFind;

/// How a set of one firm's tasks splits into visits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Partition {
    /// No partition has fewer groups.
    pub lower_bound: usize,
    /// A partition into feasible groups, each sorted, sorted by first task.
    pub groups: Vec<Vec<TaskIndex>>,
    /// True when `groups` has exactly `lower_bound` groups (the bound is the optimum).
    pub exact: bool,
}

/// `compatible[i][j]`: tasks `i` and `j` (`i != j`) could be done in one visit.
pub fn compatibility(inst: &Instance, slots: &FirmSlots, tasks: &[TaskIndex]) -> Vec<Vec<bool>> {
    let n = tasks.len();
    let mut c = vec![vec![false; n]; n];
    for i in 0..n {
        for j in i + 1..n {
            let ok = GroupNeeds::of(inst, &[tasks[i], tasks[j]])
                .is_some_and(|needs| slots.admits(&needs));
            c[i][j] = ok;
            c[j][i] = ok;
        }
    }
    c
}

/// Positions (into the compatibility matrix) of each connected component, by first position.
fn components(compatible: &[Vec<bool>]) -> Vec<Vec<usize>> {
    let n = compatible.len();
    let mut uf = UnionFind::<usize>::new(n);
    for (i, row) in compatible.iter().enumerate() {
        for (j, &ok) in row.iter().enumerate().skip(i + 1) {
            if ok {
                uf.union(i, j);
            }
        }
    }
    let mut by_root: Vec<Option<usize>> = vec![None; n];
    let mut out: Vec<Vec<usize>> = Vec::new();
    for i in 0..n {
        let root = uf.find(i);
        match by_root[root] {
            Some(k) => out[k].push(i),
            None => {
                by_root[root] = Some(out.len());
                out.push(vec![i]);
            }
        }
    }
    out
}

/// Splits `tasks` (one firm's, in increasing order) into visits.
///
/// Tasks that cannot be a visit even alone belong to no group and are left out; callers
/// normally pass only schedulable tasks.
pub fn partition_tasks(inst: &Instance, slots: &FirmSlots, tasks: &[TaskIndex]) -> Partition {
    partition_within(inst, slots, tasks, EXACT_LIMIT)
}

/// Most tasks of one component [`quick_partition_tasks`] still partitions exactly: its 16
/// subsets are each checked against every team-day the firm could be visited on, which with
/// hundreds of teams is what the exact search spends its time on. A real firm's component is
/// rarely larger, so its bound stays the one `chayici merge` and `verify` compute.
const QUICK_EXACT_LIMIT: usize = 4;

/// [`partition_tasks`] for a run whose deadline has passed: components of more than
/// [`QUICK_EXACT_LIMIT`] tasks get first fit and a clique bound instead of the exact subset
/// search, which takes up to tens of milliseconds each.
pub fn quick_partition_tasks(inst: &Instance, slots: &FirmSlots, tasks: &[TaskIndex]) -> Partition {
    partition_within(inst, slots, tasks, QUICK_EXACT_LIMIT)
}

/// Splits `tasks` into visits, exactly for components of at most `exact_limit` tasks.
fn partition_within(
    inst: &Instance,
    slots: &FirmSlots,
    tasks: &[TaskIndex],
    exact_limit: usize,
) -> Partition {
    let alone_ok = |t: TaskIndex| GroupNeeds::of(inst, &[t]).is_some_and(|n| slots.admits(&n));
    let kept: Vec<TaskIndex>;
    let tasks = if tasks.iter().all(|&t| alone_ok(t)) {
        tasks
    } else {
        kept = tasks.iter().copied().filter(|&t| alone_ok(t)).collect();
        &kept
    };
    let compatible = compatibility(inst, slots, tasks);
    let mut out = Partition {
        lower_bound: 0,
        groups: Vec::new(),
        exact: true,
    };
    for component in components(&compatible) {
        let members: Vec<TaskIndex> = component.iter().map(|&i| tasks[i]).collect();
        if members.len() <= exact_limit {
            let groups = exact_partition(inst, slots, &members);
            out.lower_bound += groups.len();
            out.groups.extend(groups);
        } else {
            let sub: Vec<Vec<bool>> = component
                .iter()
                .map(|&i| component.iter().map(|&j| compatible[i][j]).collect())
                .collect();
            let groups = first_fit_partition(inst, slots, &members);
            let bound = incompatible_set_size(&sub).min(groups.len());
            out.exact &= bound == groups.len();
            out.lower_bound += bound;
            out.groups.extend(groups);
        }
    }
    for g in &mut out.groups {
        g.sort_unstable();
    }
    out.groups.sort();
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::devtools::synth::{SynthParams, random_instance};
    use crate::graph::can_share_visit;

    #[test]
    fn large_firms_get_a_valid_partition_and_bound() {
        let mut inst = random_instance(
            4,
            &SynthParams {
                firms: 1,
                max_tasks_per_firm: 1,
                days: 28,
                ..SynthParams::default()
            },
        );
        // Forty tasks over the whole month: one component, too large for the exact search.
        let proto = inst.tasks[0].clone();
        inst.tasks = (0..40)
            .map(|i| {
                let mut t = proto.clone();
                t.id = format!("T{i}");
                t.department = i % inst.departments.len();
                t.first_day = 0;
                t.last_day = 27;
                t.minutes = 20;
                t
            })
            .collect();
        let tasks: Vec<TaskIndex> = (0..40).filter(|&t| can_share_visit(&inst, &[t])).collect();
        let slots = FirmSlots::new(&inst, 0);
        let p = partition_tasks(&inst, &slots, &tasks);
        assert!(p.lower_bound >= 1 && p.lower_bound <= p.groups.len());
        assert_eq!(p.exact, p.lower_bound == p.groups.len());
        let mut all: Vec<TaskIndex> = p.groups.concat();
        all.sort_unstable();
        assert_eq!(all, tasks);
        assert!(p.groups.iter().all(|g| can_share_visit(&inst, g)));
    }
}
