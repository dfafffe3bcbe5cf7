//! Benchmarks of the MILP stage with the backend compiled in (`--features highs` for HiGHS):
//! the exact model of a small instance, and a plan with and without set partitioning at the
//! same budget, whose difference is what the set-partitioning step costs.

use chayici::devtools::synth::{SynthParams, random_instance};
use chayici::model::Instance;
use chayici::solve::milp::{ExactParams, MilpParams, solve_exact};
use chayici::solve::{SolveParams, solve, solve_with_milp};
use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;

/// Five firms, two teams, three days: the size the exact-model tests use.
fn tiny() -> Instance {
    random_instance(5, &SynthParams::exact_sized())
}

/// About 200 tasks at 80 firms, 4 teams, two weeks (as in the solve benchmarks).
fn town() -> Instance {
    random_instance(42, &SynthParams::town())
}

fn params(iterations: u64) -> SolveParams {
    SolveParams {
        seed: 1,
        iterations,
        time_limit: None,
        deadline: None,
        threads: 1,
    }
}

fn milp_benches(c: &mut Criterion) {
    let mut g = c.benchmark_group("milp");
    g.sample_size(10);
    let small = tiny();
    g.bench_function("exact model of 5 firms, 2 teams, 3 days", |b| {
        b.iter(|| solve_exact(black_box(&small), &ExactParams::default()).expect("small enough"))
    });
    let inst = town();
    let milp = MilpParams::default();
    g.bench_function("200-task town, 200 rounds, no MILP", |b| {
        b.iter(|| solve(black_box(&inst), &params(200), &|_| {}))
    });
    g.bench_function("200-task town, 200 rounds, then set partitioning", |b| {
        b.iter(|| solve_with_milp(black_box(&inst), &params(200), Some(&milp), &|_| {}))
    });
    g.finish();
}

criterion_group!(benches, milp_benches);
criterion_main!(benches);
