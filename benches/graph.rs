//! Benchmarks the stages before the search as a plan runs them: the per-firm visit bounds, the
//! reasons for tasks no plan can schedule, the travel the planner tabulates between every point
//! it visits, and the first plan, whose set-up builds that table and the neighbour lists; and
//! the merge graph and report of `chayici merge`. On a fixed synthetic county and on the demo
//! workspace when it is present.

use chayici::devtools::synth::{SynthParams, random_instance};
use chayici::graph::{MergeGraph, merge_report, share_pairs, unschedulable_reason, visit_bounds};
use chayici::model::{Instance, Place};
use chayici::solve::{SolveParams, solve_with_bounds};
use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use std::path::Path;

/// A county-sized instance: 2,000 firms, up to 5 tasks each, 8 departments, 10 teams, a month.
fn synthetic_county() -> Instance {
    random_instance(
        2026,
        &SynthParams {
            firms: 2_000,
            max_tasks_per_firm: 5,
            departments: 8,
            teams: 10,
            days: 31,
            spread_deg: 0.25,
        },
    )
}

/// The demo workspace through the real loader, or `None` (with a note) when it is absent or
/// does not load cleanly.
fn demo() -> Option<Instance> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/demo-changshan");
    if !dir.is_dir() {
        eprintln!("skipping demo-changshan: {} not found", dir.display());
        return None;
    }
    match chayici::ingest::load_workspace(&dir) {
        Ok(loaded) if !loaded.has_errors() => loaded.instance,
        Ok(_) => {
            eprintln!("skipping demo-changshan: it has errors (run `chayici check`)");
            None
        }
        Err(e) => {
            eprintln!("skipping demo-changshan: {e}");
            None
        }
    }
}

/// The points between which the planner tabulates travel: firms with tasks, then team bases.
fn planned_points(inst: &Instance) -> Vec<Place> {
    let mut has_task = vec![false; inst.firms.len()];
    for t in &inst.tasks {
        has_task[t.firm] = true;
    }
    let firms = (0..inst.firms.len())
        .filter(|&f| has_task[f])
        .map(Place::Firm);
    firms
        .chain((0..inst.teams.len()).map(Place::Base))
        .collect()
}

/// Kilometres and minutes between every pair of points, through the accessors the planner's
/// table and the checker both read.
fn travel_between(inst: &Instance, points: &[Place]) -> (f64, u64) {
    let (mut km, mut minutes) = (0.0, 0u64);
    for &a in points {
        for &b in points {
            km += inst.travel_km(a, b);
            minutes += u64::from(inst.travel_minutes(a, b));
        }
    }
    (km, minutes)
}

/// The first plan alone: the planner's set-up (travel table, windows, neighbour lists), the
/// bundles and construction, from bounds already computed as `chayici plan` does.
fn first_plan_params() -> SolveParams {
    SolveParams {
        seed: 1,
        iterations: 0,
        time_limit: None,
        deadline: None,
        threads: 1,
    }
}

fn bench_instance(c: &mut Criterion, label: &str, inst: &Instance) {
    let bounds = visit_bounds(inst);
    let points = planned_points(inst);
    let mut g = c.benchmark_group(label);
    g.sample_size(10);
    g.bench_function("visit_bounds", |b| b.iter(|| visit_bounds(black_box(inst))));
    g.bench_function("unschedulable_reasons", |b| {
        b.iter(|| {
            (0..inst.tasks.len())
                .filter_map(|t| unschedulable_reason(black_box(inst), t))
                .count()
        })
    });
    g.bench_function("travel_between_planned_points", |b| {
        b.iter(|| travel_between(black_box(inst), &points))
    });
    g.bench_function("first_plan", |b| {
        b.iter(|| {
            solve_with_bounds(
                black_box(inst),
                &bounds,
                &first_plan_params(),
                None,
                &|_| {},
            )
        })
    });
    g.bench_function("merge_graph", |b| {
        b.iter(|| MergeGraph::build(black_box(inst)))
    });
    g.bench_function("merge_report", |b| {
        b.iter(|| merge_report(black_box(inst), &bounds, share_pairs(inst).len()))
    });
    g.finish();
}

fn graph_benches(c: &mut Criterion) {
    let inst = synthetic_county();
    let bounds = visit_bounds(&inst);
    eprintln!(
        "synthetic county: {} tasks, naive {}, lower bound {}, exact {}",
        inst.tasks.len(),
        bounds.naive,
        bounds.lower_bound,
        bounds.exact()
    );
    bench_instance(c, "synthetic_county", &inst);
    if let Some(demo) = demo() {
        bench_instance(c, "demo_changshan", &demo);
    }
}

criterion_group!(benches, graph_benches);
criterion_main!(benches);
