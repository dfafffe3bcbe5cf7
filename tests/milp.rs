//! The MILP stage against the heuristics: on small generated instances the planner reaches the
//! exact optimum's visits and comes within 1 % of its kilometres, set partitioning never makes
//! a plan worse, and every plan passes the independent checker.

use chayici::devtools::synth::{SynthParams, random_instance};
use chayici::model::Instance;
use chayici::solve::milp::{BACKEND, ExactError, ExactParams, MilpParams, solve_exact};
use chayici::solve::{SolveOutcome, SolveParams, solve, solve_with_milp};
use chayici::verify::verify_plan;

/// Five firms, two teams, three working days: small enough to enumerate every route.
fn tiny(seed: u64) -> Instance {
    let mut inst = random_instance(seed, &SynthParams::exact_sized());
    // The exact model and the 1 % claim are about tasks, visits and kilometres; balance would
    // let either side trade kilometres for evener teams.
    inst.settings.weights.balance_minute = 0.0;
    inst
}

fn params(iterations: u64, threads: usize) -> SolveParams {
    SolveParams {
        seed: 1,
        iterations,
        time_limit: None,
        deadline: None,
        threads,
    }
}

fn verified(inst: &Instance, o: &SolveOutcome) {
    let report = verify_plan(inst, &o.plan);
    assert!(report.is_ok(), "{}: {:?}", inst.name, report.violations);
}

/// Weighted unscheduled tasks: the part of the objective above visits.
fn unscheduled_cost(o: &SolveOutcome, inst: &Instance) -> f64 {
    let w = &inst.settings.weights;
    let p = &o.objective;
    p.unscheduled_mandatory as f64 * w.unscheduled_mandatory
        + p.unscheduled_normal as f64 * w.unscheduled_normal
        + p.unscheduled_low as f64 * w.unscheduled_low
}

/// Seeds of the small instances compared with the exact model.
const SEEDS: std::ops::Range<u64> = 0..12;

/// The planner (search, then set partitioning) and the exact model on one small instance,
/// both verified.
fn planner_and_exact(seed: u64) -> (Instance, SolveOutcome, SolveOutcome) {
    let inst = tiny(seed);
    // The optimum is under test, not the machine's speed: a generous limit keeps a loaded
    // machine (tests run side by side) from cutting the proof short.
    let generous = ExactParams {
        time_limit: std::time::Duration::from_secs(600),
    };
    let exact = solve_exact(&inst, &generous).expect("small enough");
    verified(&inst, &exact);
    let report = exact.milp.as_ref().expect("exact reports");
    assert_eq!(report.model, "exact");
    let lp = report.lp_bound.unwrap();
    assert!(lp <= exact.objective.total + 1e-3);
    // Over every route, without balance, the Lagrangian bound is the LP's dual side: never
    // above the LP optimum, and the subgradient steps bring it close.
    let lagrangian = report.pool_bound.unwrap();
    assert!(lagrangian <= lp + 1e-3, "{}: {report:?}", inst.name);
    assert!(
        lagrangian >= lp - 0.005 * lp.abs(),
        "{}: {report:?}",
        inst.name
    );
    let m = MilpParams::default();
    let planned = solve_with_milp(&inst, &params(2000, 1), Some(&m), &|_| {});
    verified(&inst, &planned);
    assert!(
        exact.objective.total <= planned.objective.total + 1e-6,
        "{}: exact {} above the planner's {}",
        inst.name,
        exact.objective.total,
        planned.objective.total
    );
    (inst, planned, exact)
}

#[test]
fn the_planner_schedules_as_much_with_as_few_visits_as_the_exact_model() {
    for seed in SEEDS {
        let (inst, planned, exact) = planner_and_exact(seed);
        assert_eq!(
            unscheduled_cost(&planned, &inst),
            unscheduled_cost(&exact, &inst),
            "{}: unscheduled",
            inst.name
        );
        assert_eq!(
            planned.objective.visits, exact.objective.visits,
            "{}: visits",
            inst.name
        );
    }
}

/// Travel within 1 % of the optimum. Route-pair merging is what closes the last gaps here
/// (seeds 5 and 10 drove 16 % and 10 % too far without it).
#[test]
fn the_planner_drives_within_one_percent_of_the_exact_model() {
    let mut misses = Vec::new();
    for seed in SEEDS {
        let (inst, planned, exact) = planner_and_exact(seed);
        let (p, e) = (planned.objective.travel_km, exact.objective.travel_km);
        if p > e * 1.01 + 1e-6 {
            misses.push(format!("{}: planner {p:.3} km, exact {e:.3} km", inst.name));
        }
    }
    assert!(misses.is_empty(), "{misses:#?}");
}

#[test]
fn set_partitioning_never_makes_a_plan_worse() {
    for seed in 0..6 {
        let inst = random_instance(
            100 + seed,
            &SynthParams {
                firms: 30,
                teams: 3,
                days: 10,
                ..SynthParams::default()
            },
        );
        let heuristic = solve(&inst, &params(40, 1), &|_| {});
        let milp = solve_with_milp(&inst, &params(40, 1), Some(&MilpParams::default()), &|_| {});
        verified(&inst, &milp);
        let report = milp.milp.as_ref().expect("the MILP ran");
        assert_eq!(report.backend, BACKEND);
        assert!(
            (report.objective_before - heuristic.objective.total).abs() < 1e-3,
            "the MILP starts from the heuristic plan"
        );
        assert!(milp.objective.total <= heuristic.objective.total + 1e-9);
        assert!(
            report.columns > 0 && report.status == "optimal",
            "{report:?}"
        );
        let pool_bound = report.pool_bound.expect("computed in every mode");
        assert!(pool_bound <= milp.objective.total + 1e-3, "{report:?}");
        if let Some(bound) = report.lp_bound {
            assert!(pool_bound <= bound + 1e-3, "{report:?}");
            // The model weighs balance in fractions of a minute, the objective in whole ones.
            let slack = inst.settings.weights.balance_minute + 1e-6;
            assert!(bound <= milp.objective.total + slack, "{report:?}");
        }
        if !report.improved {
            assert_eq!(milp.plan, heuristic.plan);
        }
    }
}

#[test]
fn set_partitioning_does_not_depend_on_the_thread_count() {
    let inst = random_instance(
        7,
        &SynthParams {
            firms: 25,
            teams: 3,
            days: 10,
            ..SynthParams::default()
        },
    );
    let m = MilpParams::default();
    let one = solve_with_milp(&inst, &params(30, 1), Some(&m), &|_| {});
    let two = solve_with_milp(&inst, &params(30, 3), Some(&m), &|_| {});
    assert_eq!(one.plan, two.plan);
    assert_eq!(one.milp.unwrap().columns, two.milp.unwrap().columns);
}

#[test]
fn the_exact_model_refuses_large_instances() {
    let inst = random_instance(
        1,
        &SynthParams {
            firms: 12,
            ..SynthParams::default()
        },
    );
    match solve_exact(&inst, &ExactParams::default()) {
        Err(e @ ExactError::TooLarge { .. }) => {
            assert!(e.to_string().contains("without --exact"), "{e}")
        }
        other => panic!("expected TooLarge, got {:?}", other.map(|o| o.objective)),
    }
}

#[test]
fn the_backend_is_the_one_compiled_in() {
    let expected = if cfg!(feature = "highs") {
        "highs"
    } else {
        "microlp"
    };
    assert_eq!(BACKEND, expected);
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_chayici"))
        .env("LC_ALL", "C")
        .arg("--version")
        .output()
        .expect("the binary runs");
    assert!(String::from_utf8_lossy(&out.stdout).contains(expected));
}
