//! The routing engine on Solomon VRPTW: the shipped C101 is solved with a small budget, checked
//! in double precision and by the plan checker, and lands near the best known.

use chayici::devtools::solomon::{self, SolomonInstance, bks_beside, check, to_instance};
use chayici::solve::{SolveParams, solve};
use chayici::verify::verify_plan;
use std::path::{Path, PathBuf};

fn c101_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("data/solomon/C101.txt")
}

fn c101() -> SolomonInstance {
    solomon::read(&c101_path()).expect("C101 ships in data/solomon")
}

fn params(iterations: u64, threads: usize) -> SolveParams {
    SolveParams {
        seed: 7,
        iterations,
        time_limit: None,
        deadline: None,
        threads,
    }
}

#[test]
fn parses_c101() {
    let s = c101();
    assert_eq!(s.name, "C101");
    assert_eq!((s.vehicles, s.capacity), (25, 200.0));
    assert_eq!(s.customers.len(), 100);
    assert_eq!((s.depot.ready, s.depot.due), (0.0, 1236.0));
    assert_eq!(s.customers[0].service, 90.0);
    let bks = bks_beside(&c101_path(), &s.name).expect("bks.csv ships beside it");
    assert_eq!(bks.vehicles, 10);
}

#[test]
fn c101_is_solved_feasibly_near_the_best_known() {
    let r = solomon::solve_file(&c101_path(), &params(150, 0)).unwrap();
    assert!(r.feasible, "{:?}", r.violations);
    assert_eq!(r.routes.iter().map(Vec::len).sum::<usize>(), 100);
    let gap = r.gap_percent.expect("a best known");
    assert!(
        gap < 5.0,
        "distance {} is {gap:.2}% over the best known",
        r.distance
    );
    assert!(r.vehicles <= 11, "{} vehicles", r.vehicles);
}

#[test]
fn the_plan_checker_agrees_with_the_travel_table_and_capacity() {
    let s = c101();
    let inst = to_instance(&s);
    let out = solve(&inst, &params(20, 1), &|_| {});
    assert!(out.plan.unscheduled.is_empty());
    let report = verify_plan(&inst, &out.plan);
    assert!(report.is_ok(), "{:?}", report.violations);
    assert_eq!(out.objective.routes, out.plan.routes.len());
    let routes: Vec<Vec<usize>> = out
        .plan
        .routes
        .iter()
        .map(|r| r.visits.iter().map(|v| v.firm).collect())
        .collect();
    let exact = check(&s, &routes);
    assert!(exact.is_feasible(), "{:?}", exact.violations);
    assert!((exact.distance - report.kpis.travel_km).abs() < 1e-6);
}

#[test]
fn same_seed_and_iterations_give_the_same_routes_for_any_thread_count() {
    let s = c101();
    let a = solomon::solve(&s, &params(10, 1), None);
    let b = solomon::solve(&s, &params(10, 2), None);
    assert_eq!(a.routes, b.routes);
    assert_eq!(a.distance.to_bits(), b.distance.to_bits());
}

#[test]
fn the_checker_rejects_broken_solutions() {
    let s = c101();
    let r = solomon::solve(&s, &params(5, 1), None);
    let index = |id: u32| s.customers.iter().position(|c| c.id == id).unwrap();
    let routes: Vec<Vec<usize>> = r
        .routes
        .iter()
        .map(|route| route.iter().map(|&id| index(id)).collect())
        .collect();
    assert!(check(&s, &routes).is_feasible());

    let mut dropped = routes.clone();
    dropped[0].pop();
    assert!(!check(&s, &dropped).is_feasible(), "a customer left out");

    let mut merged = routes.clone();
    let second = merged.remove(1);
    merged[0].extend(second);
    let report = check(&s, &merged);
    assert!(
        report.violations.iter().any(|v| v.contains("after")),
        "one vehicle doing two routes back to back is late: {:?}",
        report.violations
    );

    let mut reversed = routes.clone();
    reversed[0].reverse();
    assert!(
        !check(&s, &reversed).is_feasible(),
        "a reversed route misses windows"
    );

    let mut tight = s.clone();
    tight.capacity = 50.0;
    let report = check(&tight, &routes);
    assert!(report.violations.iter().any(|v| v.contains("capacity")));
}
