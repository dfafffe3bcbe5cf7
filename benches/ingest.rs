//! Benchmarks reading a workspace: parsing every file, validating and assembling the instance,
//! on the shipped demo county (mixed CSV, GBK, XLSX and JSON) and on a generated county of
//! about 2,000 tasks written once to a temporary folder.

use chayici::devtools::generate::{Profile, generate, write};
use chayici::ingest::load_workspace;
use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

/// Loads `dir` once and says what it holds, so that a reader of the figures knows the size.
fn describe(label: &str, dir: &Path) -> bool {
    match load_workspace(dir) {
        Ok(l) if !l.has_errors() => {
            eprintln!(
                "{label}: {} firms, {} teams, {} tasks",
                l.summary.firms, l.summary.teams, l.summary.tasks
            );
            true
        }
        Ok(l) => {
            eprintln!("skipping {label}: {} error(s)", l.summary.errors);
            false
        }
        Err(e) => {
            eprintln!("skipping {label}: {e}");
            false
        }
    }
}

fn ingest_benches(c: &mut Criterion) {
    let mut g = c.benchmark_group("ingest");
    g.sample_size(10);
    g.warm_up_time(Duration::from_secs(1));
    g.measurement_time(Duration::from_secs(5));

    let demo = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/demo-changshan");
    if describe("demo-changshan", &demo) {
        g.bench_function("load_workspace demo-changshan", |b| {
            b.iter(|| load_workspace(black_box(&demo)))
        });
    }

    let tmp = tempfile::tempdir().expect("a temporary folder");
    let county = tmp.path().join("county-s1");
    write(&generate(Profile::County, 1), &county, false).expect("the county is written");
    if describe("county-s1", &county) {
        g.bench_function("load_workspace county-s1", |b| {
            b.iter(|| load_workspace(black_box(&county)))
        });
    }
    g.finish();
}

criterion_group!(benches, ingest_benches);
criterion_main!(benches);
