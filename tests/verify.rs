//! The checker accepts what the planner makes and rejects hand-broken plans, each for the
//! rule it breaks.

#[path = "verify/fixture.rs"]
mod fixture;

use chayici::devtools::synth::{SynthParams, random_instance};
use chayici::model::{Plan, Reason, Unscheduled};
use chayici::solve::{SolveParams, solve};
use chayici::spatial::Travel;
use chayici::verify::{ViolationKind as K, verify_plan};
use fixture::*;

/// Asserts the plan breaks `kind` and nothing else, so each test pins down one rule.
fn assert_only(inst: &chayici::model::Instance, plan: &Plan, kind: K) {
    let report = verify_plan(inst, plan);
    assert!(
        report.has(kind),
        "expected {kind}, got {:#?}",
        report.violations
    );
    let others: Vec<_> = report
        .violations
        .iter()
        .filter(|v| v.kind != kind)
        .collect();
    assert!(
        others.is_empty(),
        "expected only {kind}, also got {others:#?}"
    );
}

#[test]
fn the_hand_made_plan_is_valid_and_counted() {
    let inst = instance();
    let report = verify_plan(&inst, &valid_plan(&inst));
    assert!(report.is_ok(), "{:#?}", report.violations);
    assert!(report.warnings.is_empty(), "{:#?}", report.warnings);
    let k = &report.kpis;
    assert_eq!((k.tasks, k.scheduled, k.unscheduled), (5, 4, 1));
    assert_eq!((k.visits, k.routes, k.firms_visited), (3, 3, 3));
    assert_eq!(k.unscheduled_by_reason["no_team_covers_department"], 1);
    assert_eq!(k.visits_by_department["scjg"], 2);
    assert!(k.travel_km > 0.0 && k.travel_minutes > 0);
    assert_eq!(k.team_workload.len(), 2);
    assert_eq!(k.team_workload[0].days, 2);
}

#[test]
fn planner_output_passes_on_random_instances() {
    for seed in 0..6 {
        let p = SynthParams {
            firms: 10,
            teams: 3,
            days: 8,
            ..SynthParams::default()
        };
        let inst = random_instance(seed, &p);
        let params = SolveParams {
            seed,
            iterations: 100,
            threads: 1,
            ..SolveParams::default()
        };
        let out = solve(&inst, &params, &|_| {});
        let report = verify_plan(&inst, &out.plan);
        assert!(report.is_ok(), "seed {seed}: {:#?}", report.violations);
        assert_eq!(
            report.kpis.scheduled + report.kpis.unscheduled,
            inst.tasks.len()
        );
    }
}

#[test]
fn rejects_a_task_moved_outside_its_window() {
    let inst = instance();
    let mut plan = valid_plan(&inst);
    // T3 may be done on days 1..=3; Friday (day 4) is a working day and F2 is open.
    plan.routes[2] = route_at(&inst, TEAM_A, 4, 540, &[(F2, &[2])]);
    assert_only(&inst, &plan, K::OutsideTaskWindow);
}

#[test]
fn rejects_a_visit_outside_opening_hours() {
    let inst = instance();
    let mut plan = valid_plan(&inst);
    // Leaving at 10:45, work at F1 runs past its 11:30 lunch closing (but within A's shift).
    plan.routes[0] = route_at(&inst, TEAM_A, 0, 645, &[(F1, &[0, 1])]);
    assert_only(&inst, &plan, K::OutsideOpeningHours);
}

#[test]
fn rejects_a_visit_on_a_day_the_firm_is_closed() {
    let inst = instance();
    let mut plan = valid_plan(&inst);
    // F2 is closed on Wednesdays (day 2), inside T3's window.
    plan.routes[2] = route_at(&inst, TEAM_A, 2, 540, &[(F2, &[2])]);
    assert_only(&inst, &plan, K::OutsideOpeningHours);
}

#[test]
fn rejects_a_team_without_the_department() {
    let inst = instance();
    let mut plan = valid_plan(&inst);
    // Team A (scjg, xfjy) takes B's sthj task at F3 after its Monday stop at F1.
    plan.routes[0] = route_at(&inst, TEAM_A, 0, 510, &[(F1, &[0, 1]), (F3, &[3])]);
    plan.routes.remove(1);
    assert_only(&inst, &plan, K::DepartmentNotCovered);
}

#[test]
fn rejects_a_missing_task() {
    let inst = instance();
    let mut plan = valid_plan(&inst);
    plan.unscheduled.clear();
    assert_only(&inst, &plan, K::TaskMissing);
}

#[test]
fn rejects_a_task_listed_twice() {
    let inst = instance();
    let mut plan = valid_plan(&inst);
    plan.unscheduled.push(Unscheduled {
        task: 0,
        reason: Reason::NoCapacity,
    });
    assert_only(&inst, &plan, K::TaskDuplicated);
}

#[test]
fn rejects_a_wrong_arrival_time() {
    let inst = instance();
    let mut plan = valid_plan(&inst);
    plan.routes[1].visits[0].arrive -= 1;
    assert_only(&inst, &plan, K::WrongArrival);
}

#[test]
fn rejects_wrong_on_site_time_and_late_return() {
    let inst = instance();
    let mut plan = valid_plan(&inst);
    let v = &mut plan.routes[0].visits[0];
    v.end -= 10;
    v.depart -= 10;
    let report = verify_plan(&inst, &plan);
    assert!(
        report.has(K::WrongOnsiteMinutes),
        "{:#?}",
        report.violations
    );

    let mut plan = valid_plan(&inst);
    // Team B's work at F3 ends exactly at 17:30, the end of its shift, so the drive back
    // ends after it.
    let drive = Travel::from_settings(&inst.settings)
        .minutes(inst.teams[TEAM_B].base, inst.firms[F3].point);
    let leave = 1050 - inst.onsite_minutes(&[3]) - drive;
    plan.routes[1] = route_at(&inst, TEAM_B, 0, leave, &[(F3, &[3])]);
    assert_only(&inst, &plan, K::ReturnsAfterShift);
}

#[test]
fn rejects_work_on_a_non_working_day_and_a_second_route() {
    let inst = instance();
    let mut plan = valid_plan(&inst);
    plan.routes[2] = route_at(&inst, TEAM_A, 5, 540, &[(F2, &[2])]);
    let report = verify_plan(&inst, &plan);
    assert!(report.has(K::NotWorkingDay) && report.has(K::TeamNotWorking));

    let mut plan = valid_plan(&inst);
    plan.routes[2] = route_at(&inst, TEAM_A, 0, 600, &[(F2, &[2])]);
    let report = verify_plan(&inst, &plan);
    assert!(report.has(K::DuplicateRoute), "{:#?}", report.violations);
}

#[test]
fn rejects_a_structural_reason_that_does_not_hold() {
    let inst = instance();
    let mut plan = valid_plan(&inst);
    plan.routes.remove(1);
    plan.unscheduled.insert(
        0,
        Unscheduled {
            task: 3,
            reason: Reason::NoTeamCoversDepartment,
        },
    );
    assert_only(&inst, &plan, K::WrongReason);
    plan.unscheduled[0].reason = Reason::LongerThanAnyShift;
    assert_only(&inst, &plan, K::WrongReason);
    plan.unscheduled[0].reason = Reason::NoCapacity;
    assert!(verify_plan(&inst, &plan).is_ok());
}

#[test]
fn indices_out_of_range_are_reported_not_panicked_on() {
    let inst = instance();
    let mut plan = valid_plan(&inst);
    plan.routes[0].visits[0].tasks.push(99);
    plan.routes[1].visits[0].firm = 42;
    plan.routes[2].team = 7;
    plan.unscheduled.push(Unscheduled {
        task: 1000,
        reason: Reason::FirmClosed,
    });
    let report = verify_plan(&inst, &plan);
    let out_of_range = report
        .violations
        .iter()
        .filter(|v| v.kind == K::IndexOutOfRange)
        .count();
    assert_eq!(out_of_range, 4, "{:#?}", report.violations);
}

/// The plan's files as `plan` writes them, in memory.
fn written_files(inst: &chayici::model::Instance, plan: &Plan) -> chayici::verify::PlanFiles {
    use chayici::output::{
        Bounds, Parameters, PlanMeta, Timing, write_plan_json, write_routes_csv,
        write_unscheduled_csv,
    };
    let meta = PlanMeta {
        workspace: None,
        parameters: Parameters {
            seed: 1,
            iterations: 1,
            time_limit_seconds: None,
            chayici_version: "test".into(),
        },
        inputs: Vec::new(),
        bounds: Bounds {
            visits_lower_bound: 3,
            visits_naive: 4,
            cut_by_time_limit: false,
        },
        objective: Default::default(),
        milp: Default::default(),
        timing: Timing {
            elapsed_seconds: 0.0,
            threads: 1,
            iterations_done: 1,
            milp_seconds: None,
            deadline_seconds: None,
            phases: Vec::new(),
            timed_out_tasks: 0,
        },
        replan: None,
        naive_counts: None,
    };
    let text = |f: &dyn Fn(&mut Vec<u8>)| {
        let mut buf = Vec::new();
        f(&mut buf);
        Some(String::from_utf8(buf).unwrap())
    };
    chayici::verify::PlanFiles {
        plan_json: text(&|w| write_plan_json(w, inst, plan, &meta).unwrap()),
        routes_csv: text(&|w| write_routes_csv(w, inst, plan).unwrap()),
        unscheduled_csv: text(&|w| {
            write_unscheduled_csv(w, inst, plan, chayici::i18n::Lang::En).unwrap()
        }),
        listing: chayici::verify::REQUIRED_FILES
            .iter()
            .chain(&chayici::verify::PEOPLE_FILES)
            .map(|s| s.to_string())
            .collect(),
        replan: None,
    }
}

#[test]
fn the_written_files_pass_and_a_renamed_firm_in_routes_csv_does_not() {
    use chayici::verify::{ReferenceBounds, verify_plan_files};
    let inst = instance();
    let plan = valid_plan(&inst);
    let mut files = written_files(&inst, &plan);
    let bounds = Some(ReferenceBounds {
        visits_lower_bound: 3,
        visits_naive: 4,
        ..ReferenceBounds::default()
    });
    // F1's name starts with `=`: the file quotes it, and the checker reads it back.
    let csv = files.routes_csv.clone().unwrap();
    assert!(csv.contains("'=HYPERLINK"), "{csv}");
    let r = verify_plan_files(&inst, &files, bounds.clone()).report;
    assert!(r.is_ok(), "{:#?}", r.violations);
    assert!(r.warnings.is_empty(), "{:#?}", r.warnings);

    files.routes_csv = Some(csv.replace("紫港民宿", "紫港宾馆"));
    let r = verify_plan_files(&inst, &files, bounds.clone()).report;
    let v = r
        .violations
        .iter()
        .find(|v| v.kind == K::WrongCell)
        .expect("the name is checked against the register");
    assert_eq!(v.location().as_deref(), Some("routes.csv:6"), "{v}");
    assert!(v.message.contains("紫港民宿"), "{v}");

    // The bounds of the workspace, not the file's, decide the saving.
    let r = verify_plan_files(
        &inst,
        &written_files(&inst, &plan),
        Some(ReferenceBounds {
            visits_lower_bound: 3,
            visits_naive: 5,
            ..ReferenceBounds::default()
        }),
    )
    .report;
    let figures: Vec<String> = r.violations.iter().map(|v| v.message.clone()).collect();
    assert!(
        figures
            .iter()
            .any(|m| m.starts_with("kpis.visits_naive is 4")),
        "{figures:#?}"
    );
    assert!(
        figures
            .iter()
            .any(|m| m.starts_with("kpis.visits_saved is 1")),
        "{figures:#?}"
    );
}

#[test]
fn rejects_a_plan_that_breaks_a_team_pin() {
    let mut inst = instance();
    // T2 (xfjy) is pinned to team B, which covers xfjy; the plan has A do it.
    pin(&mut inst, 1, Some(TEAM_B), None, 3);
    let plan = valid_plan(&inst);
    assert_only(&inst, &plan, K::PinBroken);
    let v = &verify_plan(&inst, &plan).violations[0];
    assert_eq!(v.task.as_deref(), Some("T2"));
    assert!(
        v.message.contains("pins.csv:3") && v.message.contains("team B"),
        "{}",
        v.message
    );
    assert!(v.message.contains("team A on 2026-12-07"), "{}", v.message);
}

#[test]
fn rejects_a_plan_that_breaks_a_day_pin() {
    let mut inst = instance();
    // T3 is pinned to Thursday (day 3); the plan does it on Tuesday (day 1).
    pin(&mut inst, 2, None, Some(3), 4);
    let plan = valid_plan(&inst);
    let report = verify_plan(&inst, &plan);
    assert!(report.has(K::PinBroken), "{:#?}", report.violations);
    let v = report
        .violations
        .iter()
        .find(|v| v.kind == K::PinBroken)
        .unwrap();
    assert!(
        v.message.contains("2026-12-10") && v.message.contains("2026-12-08"),
        "{}",
        v.message
    );
    // Done on the pinned day, the plan is valid again.
    let mut plan = valid_plan(&inst);
    plan.routes[2] = route_at(&inst, TEAM_A, 3, 540, &[(F2, &[2])]);
    let report = verify_plan(&inst, &plan);
    assert!(report.is_ok(), "{:#?}", report.violations);
}

/// The valid plan with T1 left out with `reason`, A doing T2 alone at F1 on Monday.
fn without_t1(inst: &chayici::model::Instance, reason: Reason) -> Plan {
    let mut plan = valid_plan(inst);
    plan.routes[0] = route_at(inst, TEAM_A, 0, 510, &[(F1, &[1])]);
    plan.unscheduled.insert(0, Unscheduled { task: 0, reason });
    plan
}

#[test]
fn pin_not_possible_is_checked_by_its_own_definition() {
    let inst = instance();
    // T1 has no pin at all.
    assert_only(
        &inst,
        &without_t1(&inst, Reason::PinNotPossible),
        K::WrongReason,
    );

    let mut pinned = instance();
    // Pinned to A, which covers scjg, on Monday, when A works and F1 is open.
    pin(&mut pinned, 0, Some(TEAM_A), Some(0), 2);
    let plan = without_t1(&pinned, Reason::PinNotPossible);
    assert_only(&pinned, &plan, K::WrongReason);

    // Pinned to B, which does not cover scjg: the pin is impossible.
    let mut pinned = instance();
    pin(&mut pinned, 0, Some(TEAM_B), None, 2);
    let report = verify_plan(&pinned, &without_t1(&pinned, Reason::PinNotPossible));
    assert!(report.is_ok(), "{:#?}", report.violations);

    // Pinned to Sunday (day 6), outside T1's window.
    let mut pinned = instance();
    pin(&mut pinned, 0, None, Some(6), 2);
    let report = verify_plan(&pinned, &without_t1(&pinned, Reason::PinNotPossible));
    assert!(report.is_ok(), "{:#?}", report.violations);

    // Pinned to A on Wednesday, when A is out.
    let mut pinned = instance();
    pinned.teams[TEAM_A].available[2] = false;
    pin(&mut pinned, 0, Some(TEAM_A), Some(2), 2);
    let report = verify_plan(&pinned, &without_t1(&pinned, Reason::PinNotPossible));
    assert!(report.is_ok(), "{:#?}", report.violations);
}

#[test]
fn a_reason_given_a_team_pinned_task_is_checked_with_that_team_alone() {
    let mut inst = instance();
    // T2 (xfjy, days 1..=4) is pinned to B, and B is out Tuesday to Friday: no one may do it,
    // though A could.
    inst.tasks[1].first_day = 1;
    for d in 1..5 {
        inst.teams[TEAM_B].available[d] = false;
    }
    pin(&mut inst, 1, Some(TEAM_B), None, 2);
    let mut plan = valid_plan(&inst);
    plan.routes[0] = route_at(&inst, TEAM_A, 0, 510, &[(F1, &[0])]);
    plan.unscheduled.insert(
        0,
        Unscheduled {
            task: 1,
            reason: Reason::NoTeamAvailable,
        },
    );
    let report = verify_plan(&inst, &plan);
    assert!(report.is_ok(), "{:#?}", report.violations);
}
