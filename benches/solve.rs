//! Benchmarks of the planner at a fixed seed and budget: the first plan alone, a few
//! improvement rounds on top of it, and a whole small plan.

use chayici::devtools::synth::{SynthParams, random_instance};
use chayici::model::Instance;
use chayici::solve::{SolveParams, solve};
use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;

/// About 200 tasks at 80 firms, 4 teams, two weeks.
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

fn solve_benches(c: &mut Criterion) {
    let inst = town();
    let mut g = c.benchmark_group("solve");
    g.sample_size(10);
    g.bench_function("first plan of a 200-task town", |b| {
        b.iter(|| solve(black_box(&inst), &params(0), &|_| {}))
    });
    g.bench_function("first plan plus one improvement round", |b| {
        b.iter(|| solve(black_box(&inst), &params(1), &|_| {}))
    });
    g.bench_function("whole plan of a 200-task town in 200 rounds", |b| {
        b.iter(|| solve(black_box(&inst), &params(200), &|_| {}))
    });
    g.finish();
}

criterion_group!(benches, solve_benches);
criterion_main!(benches);
