//! Property tests of the visit bounds against brute force on small random firms.

use chayici::devtools::synth::{SynthParams, random_instance};
use chayici::graph::{can_share_visit, unschedulable_reason, visit_bounds};
use chayici::model::{Instance, TaskIndex};
use proptest::prelude::*;

/// Fewest blocks in a partition of `tasks` whose every block is one feasible visit, by
/// enumerating every set partition (Bell(8) = 4140 at most here).
fn brute_force_min_visits(inst: &Instance, tasks: &[TaskIndex]) -> usize {
    fn go(inst: &Instance, rest: &[TaskIndex], blocks: &mut Vec<Vec<TaskIndex>>, best: &mut usize) {
        if blocks.len() >= *best {
            return;
        }
        let Some((&t, rest)) = rest.split_first() else {
            *best = blocks.len();
            return;
        };
        for i in 0..blocks.len() {
            blocks[i].push(t);
            if can_share_visit(inst, &blocks[i]) {
                go(inst, rest, blocks, best);
            }
            blocks[i].pop();
        }
        blocks.push(vec![t]);
        go(inst, rest, blocks, best);
        blocks.pop();
    }
    let mut best = usize::MAX;
    go(inst, tasks, &mut Vec::new(), &mut best);
    if tasks.is_empty() { 0 } else { best }
}

fn params() -> impl Strategy<Value = (u64, SynthParams)> {
    (
        any::<u64>(),
        1usize..6,
        1usize..=8,
        1usize..5,
        1usize..4,
        3usize..15,
    )
        .prop_map(|(seed, firms, max_tasks, departments, teams, days)| {
            (
                seed,
                SynthParams {
                    firms,
                    max_tasks_per_firm: max_tasks,
                    departments,
                    teams,
                    days,
                    ..SynthParams::default()
                },
            )
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn exact_bound_matches_brute_force((seed, p) in params()) {
        let inst = random_instance(seed, &p);
        let b = visit_bounds(&inst);
        for f in &b.per_firm {
            prop_assert!(f.exact);
            prop_assert_eq!(f.lower_bound, brute_force_min_visits(&inst, &f.tasks));
        }
    }

    #[test]
    fn witness_is_a_feasible_partition((seed, p) in params()) {
        let inst = random_instance(seed, &p);
        let b = visit_bounds(&inst);
        for f in &b.per_firm {
            let mut all: Vec<TaskIndex> = f.groups.concat();
            all.sort_unstable();
            prop_assert_eq!(&all, &f.tasks);
            prop_assert_eq!(f.groups.len(), f.lower_bound);
            for g in &f.groups {
                prop_assert!(can_share_visit(&inst, g), "group {:?}", g);
            }
        }
    }

    #[test]
    fn bounds_are_ordered((seed, p) in params()) {
        let inst = random_instance(seed, &p);
        let b = visit_bounds(&inst);
        prop_assert!(b.firms_with_schedulable_tasks() <= b.lower_bound);
        prop_assert!(b.lower_bound <= b.naive);
        for f in &b.per_firm {
            prop_assert!(f.lower_bound <= f.naive);
            prop_assert_eq!(f.tasks.is_empty(), f.lower_bound == 0);
        }
        prop_assert_eq!(b.lower_bound, b.per_firm.iter().map(|f| f.lower_bound).sum::<usize>());
        prop_assert_eq!(b.naive, b.per_firm.iter().map(|f| f.naive).sum::<usize>());
    }

    #[test]
    fn every_task_is_bounded_or_explained((seed, p) in params()) {
        let inst = random_instance(seed, &p);
        let b = visit_bounds(&inst);
        let mut seen: Vec<TaskIndex> = b.per_firm.iter().flat_map(|f| f.tasks.iter().copied())
            .chain(b.unschedulable.iter().map(|&(t, _)| t))
            .collect();
        seen.sort_unstable();
        prop_assert_eq!(seen, (0..inst.tasks.len()).collect::<Vec<_>>());
        for &(t, r) in &b.unschedulable {
            prop_assert_eq!(unschedulable_reason(&inst, t), Some(r));
        }
    }

    #[test]
    fn naive_matches_brute_force_per_department((seed, p) in params()) {
        let inst = random_instance(seed, &p);
        let b = visit_bounds(&inst);
        for f in &b.per_firm {
            let mut naive = 0;
            for d in 0..inst.departments.len() {
                let own: Vec<TaskIndex> = f.tasks.iter().copied()
                    .filter(|&t| inst.tasks[t].department == d).collect();
                naive += brute_force_min_visits(&inst, &own);
            }
            prop_assert_eq!(f.naive, naive);
        }
    }
}

#[test]
fn bounds_do_not_depend_on_the_thread_count() {
    let inst = random_instance(
        11,
        &SynthParams {
            firms: 60,
            max_tasks_per_firm: 6,
            teams: 3,
            days: 20,
            ..SynthParams::default()
        },
    );
    let one = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .unwrap()
        .install(|| visit_bounds(&inst));
    assert_eq!(one, visit_bounds(&inst));
}

/// The properties above would hold vacuously if random firms never merged or always did.
#[test]
fn random_instances_exercise_merging_and_splitting() {
    let (mut merged, mut split, mut unschedulable) = (0, 0, 0);
    for seed in 0..40 {
        let inst = random_instance(
            seed,
            &SynthParams {
                firms: 5,
                max_tasks_per_firm: 8,
                departments: 3,
                teams: 2,
                days: 8,
                ..SynthParams::default()
            },
        );
        let b = visit_bounds(&inst);
        for f in &b.per_firm {
            merged += usize::from(f.lower_bound < f.naive);
            split += usize::from(f.lower_bound > 1);
        }
        unschedulable += b.unschedulable.len();
    }
    assert!(merged > 10 && split > 10, "merged {merged}, split {split}");
    assert!(unschedulable > 0);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    /// Firms with more tasks than the brute force can enumerate still get a feasible witness
    /// and ordered bounds, exact or not.
    #[test]
    fn larger_firms_keep_the_invariants(seed in any::<u64>(), max_tasks in 8usize..14) {
        let inst = random_instance(seed, &SynthParams {
            firms: 4,
            max_tasks_per_firm: max_tasks,
            departments: 4,
            teams: 3,
            days: 21,
            ..SynthParams::default()
        });
        let b = visit_bounds(&inst);
        prop_assert!(b.firms_with_schedulable_tasks() <= b.lower_bound);
        prop_assert!(b.lower_bound <= b.upper_bound());
        prop_assert!(b.lower_bound <= b.naive);
        for f in &b.per_firm {
            prop_assert_eq!(f.exact, f.lower_bound == f.groups.len());
            for g in &f.groups {
                prop_assert!(can_share_visit(&inst, g));
            }
        }
    }
}
