//! Team-days worth going out for: a team's `max_days` is never exceeded by the planner and is
//! caught by the checker, and the cost of a team-day out fills days instead of sending a team
//! out for one or two visits.

#[path = "verify/fixture.rs"]
mod fixture;

use chayici::devtools::synth::{SynthParams, random_instance};
use chayici::model::{Instance, ObjectiveWeights, Plan};
use chayici::solve::{SolveParams, solve};
use chayici::verify::{ViolationKind as K, verify_plan};
use std::collections::BTreeSet;

fn params() -> SolveParams {
    SolveParams {
        seed: 7,
        iterations: 60,
        time_limit: None,
        deadline: None,
        threads: 1,
    }
}

/// Distinct days each team goes out on.
fn days_out(inst: &Instance, plan: &Plan) -> Vec<usize> {
    let mut days = vec![BTreeSet::new(); inst.teams.len()];
    for r in plan.routes.iter().filter(|r| !r.visits.is_empty()) {
        days[r.team].insert(r.day);
    }
    days.iter().map(BTreeSet::len).collect()
}

/// Team-days out with one or two visits.
fn short_days(plan: &Plan) -> usize {
    plan.routes
        .iter()
        .filter(|r| (1..=2).contains(&r.visits.len()))
        .count()
}

/// Twenty firms, three teams, two weeks: more team-days than the work needs.
fn town() -> Instance {
    random_instance(
        2,
        &SynthParams {
            firms: 20,
            max_tasks_per_firm: 3,
            departments: 3,
            teams: 3,
            days: 12,
            spread_deg: 0.15,
        },
    )
}

#[test]
fn verify_rejects_a_team_out_on_more_days_than_its_max_days() {
    let mut inst = fixture::instance();
    let plan = fixture::valid_plan(&inst);
    let out = days_out(&inst, &plan);
    let (team, &n) = out.iter().enumerate().max_by_key(|(_, n)| **n).unwrap();
    assert!(n >= 2, "the fixture's busiest team goes out on {n} days");
    inst.teams[team].max_days = Some(n as u32);
    assert!(verify_plan(&inst, &plan).is_ok());
    inst.teams[team].max_days = Some(n as u32 - 1);
    let report = verify_plan(&inst, &plan);
    assert!(report.has(K::OverMaxDays), "{:#?}", report.violations);
    assert_eq!(report.violations.len(), 1, "{:#?}", report.violations);
}

#[test]
fn the_planner_keeps_every_team_within_its_max_days() {
    let free = town();
    let plan = solve(&free, &params(), &|_| {}).plan;
    let uncapped = days_out(&free, &plan);
    assert!(uncapped.iter().any(|&d| d > 2), "{uncapped:?}");
    let mut inst = free.clone();
    for t in &mut inst.teams {
        t.max_days = Some(2);
    }
    let plan = solve(&inst, &params(), &|_| {}).plan;
    let report = verify_plan(&inst, &plan);
    assert!(report.is_ok(), "{:#?}", report.violations);
    let capped = days_out(&inst, &plan);
    assert!(capped.iter().all(|&d| d <= 2), "{capped:?}");
    assert!(plan.visit_count() > 0);
}

/// Over six planner seeds, since one seed of a 60-round search on twenty firms may land
/// either way: the cost of a team-day fills days, in total.
#[test]
fn the_team_day_cost_leaves_fewer_days_with_one_or_two_visits() {
    let (mut before, mut after, mut days_free, mut days_costed) = (0, 0, 0, 0);
    for seed in 1..=6 {
        let p = SolveParams { seed, ..params() };
        let mut inst = town();
        inst.settings.weights.route = 0.0;
        let free = solve(&inst, &p, &|_| {}).plan;
        inst.settings.weights = ObjectiveWeights::default();
        let costed = solve(&inst, &p, &|_| {}).plan;
        assert!(verify_plan(&inst, &costed).is_ok(), "seed {seed}");
        assert_eq!(
            costed.unscheduled.len(),
            free.unscheduled.len(),
            "seed {seed}"
        );
        before += short_days(&free);
        after += short_days(&costed);
        days_free += free.routes.len();
        days_costed += costed.routes.len();
    }
    assert!(
        before >= 12,
        "the fixture has {before} short days in six plans without the cost"
    );
    assert!(
        after < before,
        "{after} short days with the cost, {before} without"
    );
    assert!(
        days_costed < days_free,
        "{days_costed} team-days, {days_free}"
    );
}

#[test]
fn the_summary_prints_the_team_day_figures() {
    let inst = town();
    let plan = solve(&inst, &params(), &|_| {}).plan;
    let t = chayici::stats::TeamDays::of(&inst, &plan);
    assert_eq!(t.out, plan.routes.len());
    assert_eq!(t.short, short_days(&plan));
    let mut out = Vec::new();
    chayici::output::write_team_days_summary(&mut out, &t, chayici::i18n::Lang::En).unwrap();
    let text = String::from_utf8(out).unwrap();
    let (lo, mid, hi) = t.visits_min_median_max.unwrap();
    assert!(
        text.contains(&format!(
            "team-days    {} out, visits per day min {lo}, median {mid}, max {hi}, {} with 2 visits or fewer",
            t.out, t.short
        )),
        "{text}"
    );
    assert!(
        text.contains(&format!(
            "{} of {} working days with no team out",
            t.idle_working_days, t.working_days
        )),
        "{text}"
    );
}

#[test]
fn a_minimum_of_visits_a_day_alone_leaves_fewer_short_days() {
    let mut inst = town();
    inst.settings.weights.route = 0.0;
    let free = solve(&inst, &params(), &|_| {}).plan;
    inst.settings.weights.min_visits_per_day = 3.0;
    let barred = solve(&inst, &params(), &|_| {}).plan;
    assert!(verify_plan(&inst, &barred).is_ok());
    assert_eq!(barred.unscheduled.len(), free.unscheduled.len());
    let (before, after) = (short_days(&free), short_days(&barred));
    assert!(
        after < before,
        "{after} short days with the minimum, {before} without"
    );
}
