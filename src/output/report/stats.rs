//! Provides the breakdowns the report draws: visits per department and township against what
//! departments alone would need, and each team's workload per day.

use crate::model::{DayIndex, Instance, Plan, TeamIndex};
use crate::output::route_legs;
use std::collections::{BTreeMap, BTreeSet};

/// Visits without and with joint inspection, for one department or township.
#[derive(Debug, Clone, PartialEq)]
pub struct Saving {
    /// What the row is about (department or township name).
    pub label: String,
    /// Visits if each department went alone.
    pub naive: f64,
    /// Visits in the plan attributed to the row.
    pub planned: f64,
}

/// Per department: `naive` is the number of distinct (department, firm) pairs among the
/// *scheduled* tasks, i.e. one visit per firm for each department going alone (the usual case;
/// the exact per-department figure of the bounds can be larger when one department's own tasks
/// at a firm cannot share a day). `planned` shares each visit among the departments present,
/// `1/k` each for `k` departments, so the rows add up to the plan's visit count and the bars
/// show which departments gained most from going together.
pub fn per_department(inst: &Instance, plan: &Plan) -> Vec<Saving> {
    let mut pairs = BTreeSet::new();
    let mut planned = vec![0.0; inst.departments.len()];
    for v in plan.routes.iter().flat_map(|r| &r.visits) {
        let depts = inst.departments_of(&v.tasks);
        for d in depts.iter() {
            pairs.insert((d, v.firm));
            planned[d] += 1.0 / depts.len() as f64;
        }
    }
    let mut naive = vec![0.0; inst.departments.len()];
    for (d, _) in pairs {
        naive[d] += 1.0;
    }
    inst.departments
        .iter()
        .enumerate()
        .filter(|&(d, _)| naive[d] > 0.0)
        .map(|(d, dept)| Saving {
            label: dept.name.clone(),
            naive: naive[d],
            planned: planned[d],
        })
        .collect()
}

/// Per township: the same naive count (distinct department–firm pairs of scheduled tasks) over
/// the township's firms, and the visits made to them. Townships sort by name.
pub fn per_township(inst: &Instance, plan: &Plan) -> Vec<Saving> {
    let mut pairs = BTreeSet::new();
    let mut rows: BTreeMap<&str, (f64, f64)> = BTreeMap::new();
    for v in plan.routes.iter().flat_map(|r| &r.visits) {
        let town = inst.firms[v.firm].township.as_str();
        rows.entry(town).or_default().1 += 1.0;
        for d in inst.departments_of(&v.tasks).iter() {
            if pairs.insert((d, v.firm)) {
                rows.entry(town).or_default().0 += 1.0;
            }
        }
    }
    rows.into_iter()
        .map(|(town, (naive, planned))| Saving {
            label: if town.is_empty() { "—" } else { town }.to_string(),
            naive,
            planned,
        })
        .collect()
}

/// One team's working day.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct DayLoad {
    /// Visits made.
    pub visits: usize,
    /// Minutes of on-site work.
    pub onsite: u32,
    /// Minutes driving, by the instance's travel model.
    pub driving: u32,
    /// Road kilometres.
    pub km: f64,
    /// Minutes from leaving the base to returning.
    pub span: u32,
}

/// Workload of every team on every day with a route, keyed by (team, day).
pub fn workloads(inst: &Instance, plan: &Plan) -> BTreeMap<(TeamIndex, DayIndex), DayLoad> {
    let mut out = BTreeMap::new();
    for r in &plan.routes {
        let mut load = DayLoad {
            visits: r.visits.len(),
            span: r.return_base.saturating_sub(r.leave_base),
            ..DayLoad::default()
        };
        for leg in route_legs(inst, r) {
            load.km += leg.km;
            load.driving += leg.minutes;
        }
        load.onsite = r.visits.iter().map(|v| v.end.saturating_sub(v.start)).sum();
        let e: &mut DayLoad = out.entry((r.team, r.day)).or_default();
        e.visits += load.visits;
        e.onsite += load.onsite;
        e.driving += load.driving;
        e.km += load.km;
        e.span += load.span;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::devtools::synth::{SynthParams, random_instance};
    use crate::model::{Route, Visit};

    #[test]
    fn department_shares_add_up_to_the_visits() {
        let inst = random_instance(5, &SynthParams::default());
        let firm = 0;
        let tasks: Vec<usize> = (0..inst.tasks.len())
            .filter(|&t| inst.tasks[t].firm == firm)
            .collect();
        let plan = Plan {
            routes: vec![Route {
                team: 0,
                day: 0,
                leave_base: 510,
                visits: vec![Visit {
                    firm,
                    tasks,
                    arrive: 520,
                    start: 540,
                    end: 600,
                    depart: 600,
                }],
                return_base: 620,
            }],
            unscheduled: vec![],
        };
        let sum: f64 = per_department(&inst, &plan).iter().map(|s| s.planned).sum();
        assert!((sum - 1.0).abs() < 1e-9);
        let towns = per_township(&inst, &plan);
        assert_eq!(towns.iter().map(|s| s.planned).sum::<f64>(), 1.0);
        let load = workloads(&inst, &plan)[&(0, 0)];
        assert_eq!(load.onsite, 60);
        assert_eq!(load.span, 110);
    }
}
