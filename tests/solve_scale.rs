//! Figures of the planner on a county-sized synthetic instance, printed rather than asserted
//! (timings belong to benchmarks, not tests): run with
//! `cargo test --release --test solve_scale -- --ignored --nocapture`.

use chayici::devtools::synth::{SynthParams, random_instance};
use chayici::graph;
use chayici::solve::{SolveParams, solve};
use std::time::Instant;

#[test]
#[ignore = "prints figures; run in release"]
fn county_sized_instance_figures() {
    let shape = SynthParams {
        firms: 400,
        max_tasks_per_firm: 3,
        departments: 8,
        teams: 12,
        days: 31,
        spread_deg: 0.2,
    };
    let inst = random_instance(2026, &shape);
    let bounds = graph::visit_bounds(&inst);
    let iterations = std::env::var("CHAYICI_ITERATIONS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(SolveParams::default().iterations);
    for iters in [0, iterations] {
        let t = Instant::now();
        let out = solve(
            &inst,
            &SolveParams {
                iterations: iters,
                ..SolveParams::default()
            },
            &|_| {},
        );
        println!(
            "tasks {} iterations {} -> {:.2}s, visits {} (lower bound {}), unscheduled {}, km {:.1}, spread {} min, total {:.1}",
            inst.tasks.len(),
            out.iterations,
            t.elapsed().as_secs_f64(),
            out.objective.visits,
            bounds.lower_bound,
            out.plan.unscheduled.len(),
            out.objective.travel_km,
            out.objective.workload_spread_minutes,
            out.objective.total,
        );
        let mut reasons = std::collections::BTreeMap::new();
        for u in &out.plan.unscheduled {
            *reasons.entry(u.reason.code()).or_insert(0) += 1;
        }
        println!("unscheduled by reason: {reasons:?}");
    }
}
