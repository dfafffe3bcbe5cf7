//! Benchmarks the merge-graph stage: building the graph, the per-firm visit bounds and the
//! spatial helpers, on a fixed synthetic county and on the demo workspace when it is present.

use chayici::graph::{MergeGraph, TravelMatrix, nearest_firms, task_zones, visit_bounds};
use chayici::model::Instance;
use chayici::synth::{SynthParams, random_instance};
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

fn bench_instance(c: &mut Criterion, label: &str, inst: &Instance) {
    let mut g = c.benchmark_group(label);
    g.bench_function("visit_bounds", |b| b.iter(|| visit_bounds(black_box(inst))));
    g.bench_function("merge_graph", |b| {
        b.iter(|| MergeGraph::build(black_box(inst)))
    });
    g.bench_function("travel_matrix", |b| {
        b.iter(|| TravelMatrix::build(black_box(inst)))
    });
    g.bench_function("nearest_firms_10", |b| {
        b.iter(|| nearest_firms(black_box(inst), 10))
    });
    g.bench_function("zones_2km", |b| b.iter(|| task_zones(black_box(inst), 2.0)));
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
