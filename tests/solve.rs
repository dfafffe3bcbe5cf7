//! Claims about the planner, checked on many random instances with a plan checker written here
//! from the model's rules alone (not from the planner's internals).

use chayici::devtools::synth::{SynthParams, random_instance};
use chayici::model::{Instance, Plan, Reason};
use chayici::solve::{SolveParams, solve};
use chayici::spatial::Travel;
use chayici::{graph, verify};

/// Checks every rule a plan must obey, with the crate's checker and again here; panics with
/// the first violation.
fn check_plan(inst: &Instance, plan: &Plan) {
    let report = verify::verify_plan(inst, plan);
    assert!(report.is_ok(), "{:?}", report.violations);
    let travel = Travel::from_settings(&inst.settings);
    let mut seen = vec![0usize; inst.tasks.len()];
    let mut prev_key = None;
    for r in &plan.routes {
        let key = (r.day, r.team);
        assert!(
            prev_key < Some(key),
            "routes not sorted or repeated at {key:?}"
        );
        prev_key = Some(key);
        assert!(!r.visits.is_empty(), "empty route {key:?}");
        let team = &inst.teams[r.team];
        assert!(team.works_on(r.day) && inst.calendar.is_working(r.day));
        assert!(
            r.leave_base >= team.shift.start(),
            "leaves before shift {key:?}"
        );
        let date = inst.calendar.date(r.day);
        let (mut t, mut at) = (r.leave_base, team.base);
        let mut firms = Vec::new();
        for v in &r.visits {
            let firm = &inst.firms[v.firm];
            assert!(
                !firms.contains(&v.firm),
                "firm entered twice by one team in a day"
            );
            firms.push(v.firm);
            assert!(!v.tasks.is_empty());
            assert!(v.tasks.windows(2).all(|w| w[0] < w[1]), "tasks not sorted");
            for &task in &v.tasks {
                let tk = &inst.tasks[task];
                seen[task] += 1;
                assert_eq!(tk.firm, v.firm);
                assert!(
                    tk.first_day <= r.day && r.day <= tk.last_day,
                    "outside window"
                );
                assert!(
                    team.departments.contains(tk.department),
                    "team lacks department"
                );
            }
            assert_eq!(v.arrive, t + travel.minutes(at, firm.point), "arrival time");
            assert!(v.start >= v.arrive);
            assert_eq!(
                v.end,
                v.start + inst.onsite_minutes(&v.tasks),
                "on-site time"
            );
            assert_eq!(v.depart, v.end);
            assert!(
                firm.hours
                    .windows_on(date)
                    .iter()
                    .any(|w| w.contains_span(v.start, v.end)),
                "outside opening hours"
            );
            assert!(
                team.shift
                    .windows
                    .iter()
                    .any(|w| w.contains_span(v.start, v.end)),
                "outside shift windows"
            );
            t = v.depart;
            at = firm.point;
        }
        assert_eq!(
            r.return_base,
            t + travel.minutes(at, team.base),
            "return time"
        );
        assert!(r.return_base <= team.shift.end(), "back after shift end");
    }
    let mut prev = None;
    for u in &plan.unscheduled {
        assert!(prev < Some(u.task), "unscheduled not sorted or repeated");
        prev = Some(u.task);
        seen[u.task] += 1;
        if let Some(reason) = graph::unschedulable_reason(inst, u.task) {
            assert_eq!(u.reason, reason);
        } else {
            assert_eq!(u.reason, Reason::NoCapacity);
        }
    }
    for (task, n) in seen.into_iter().enumerate() {
        assert_eq!(n, 1, "task {task} accounted for {n} times");
    }
}

fn shapes() -> Vec<SynthParams> {
    vec![
        SynthParams::default(),
        SynthParams {
            firms: 25,
            max_tasks_per_firm: 4,
            departments: 4,
            teams: 3,
            days: 10,
            spread_deg: 0.15,
        },
        SynthParams {
            firms: 60,
            max_tasks_per_firm: 3,
            departments: 5,
            teams: 2,
            days: 5,
            spread_deg: 0.3,
        },
    ]
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
fn every_task_is_accounted_for_once_and_routes_are_timed_consistently() {
    for shape in shapes() {
        for seed in 0..12 {
            let inst = random_instance(seed, &shape);
            let out = solve(&inst, &params(30, 1), &|_| {});
            check_plan(&inst, &out.plan);
            assert_eq!(out.objective.visits, out.plan.visit_count());
            assert_eq!(
                out.objective.unscheduled_mandatory
                    + out.objective.unscheduled_normal
                    + out.objective.unscheduled_low,
                out.plan.unscheduled.len()
            );
        }
    }
}

#[test]
fn same_seed_gives_the_same_plan_for_any_thread_count() {
    for (i, shape) in shapes().into_iter().enumerate() {
        let inst = random_instance(100 + i as u64, &shape);
        let one = solve(&inst, &params(40, 1), &|_| {});
        assert_eq!(one.iterations, 40);
        for threads in [2, 4] {
            let other = solve(&inst, &params(40, threads), &|_| {});
            assert_eq!(one.plan, other.plan, "{threads} threads");
            assert_eq!(one.objective, other.objective, "{threads} threads");
        }
    }
}

#[test]
fn visits_never_go_below_the_lower_bound() {
    for seed in 0..10 {
        let inst = random_instance(seed, &shapes()[1]);
        let bounds = graph::visit_bounds(&inst);
        let out = solve(&inst, &params(30, 1), &|_| {});
        assert!(out.plan.visit_count() >= bounds.lower_bound);
    }
}

#[test]
fn search_never_makes_the_first_plan_worse() {
    for seed in 0..6 {
        let inst = random_instance(seed, &shapes()[2]);
        let first = solve(&inst, &params(0, 1), &|_| {});
        let searched = solve(&inst, &params(60, 1), &|_| {});
        assert!(searched.objective.total <= first.objective.total);
        assert_eq!(first.iterations, 0);
    }
}

#[test]
fn progress_is_reported_with_the_budget() {
    let inst = random_instance(3, &shapes()[1]);
    let calls = std::sync::Mutex::new(Vec::new());
    let out = solve(&inst, &params(200, 1), &|p| calls.lock().unwrap().push(p));
    let calls = calls.into_inner().unwrap();
    assert!(!calls.is_empty() && calls.len() <= 200);
    assert!(calls.iter().all(|p| p.budget == 200));
    assert!(
        calls
            .windows(2)
            .all(|w| w[1].best_objective <= w[0].best_objective)
    );
    assert_eq!(calls.last().unwrap().best_objective, out.objective.total);
}

#[test]
fn an_instance_without_tasks_gives_an_empty_plan() {
    let mut inst = random_instance(1, &SynthParams::default());
    inst.tasks.clear();
    let out = solve(&inst, &params(5, 2), &|_| {});
    assert!(out.plan.routes.is_empty() && out.plan.unscheduled.is_empty());
}

#[test]
fn small_instances_mostly_reach_the_lower_bound_on_visits() {
    let shape = SynthParams {
        firms: 12,
        max_tasks_per_firm: 4,
        departments: 4,
        teams: 3,
        days: 10,
        spread_deg: 0.1,
    };
    let (mut reached, mut runs) = (0, 0);
    for seed in 0..20 {
        let inst = random_instance(seed, &shape);
        let bounds = graph::visit_bounds(&inst);
        let out = solve(&inst, &params(50, 1), &|_| {});
        let short = out
            .plan
            .unscheduled
            .iter()
            .any(|u| u.reason == Reason::NoCapacity);
        if bounds.per_firm.iter().all(|f| f.exact) && !short {
            runs += 1;
            reached += usize::from(out.plan.visit_count() == bounds.lower_bound);
        }
    }
    assert!(runs >= 10, "too few comparable runs: {runs}");
    assert!(
        reached * 10 >= runs * 9,
        "lower bound reached in {reached} of {runs}"
    );
}

#[test]
fn a_time_limit_still_gives_a_valid_plan() {
    let inst = random_instance(5, &shapes()[1]);
    let p = SolveParams {
        time_limit: Some(std::time::Duration::from_millis(200)),
        deadline: None,
        ..params(0, 2)
    };
    let out = solve(&inst, &p, &|_| {});
    check_plan(&inst, &out.plan);
}
