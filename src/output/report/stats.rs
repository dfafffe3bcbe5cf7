//! Provides the breakdowns the report draws: visits per department and township against what
//! departments alone would need, and each team's workload per day.

use crate::model::{DayIndex, Instance, Plan, TeamIndex};
use crate::output::route_legs;
use crate::stats::Statistics;
use std::collections::BTreeMap;

/// Visits without and with joint inspection, for one department or township.
#[derive(Debug, Clone, PartialEq)]
pub struct Saving {
    /// What the row is about (department or township name).
    pub label: String,
    /// Visits if each department went alone (the bounds' naive count).
    pub naive: usize,
    /// Visits in the plan charged to the row (a department's: the visits it leads).
    pub planned: usize,
}

/// Per department with a task: its naive visits against the visits it leads, as
/// [`crate::stats`] defines them; both add up to the headline's.
pub fn per_department(s: &Statistics) -> Vec<Saving> {
    s.departments
        .iter()
        .map(|d| Saving {
            label: d.name.clone(),
            naive: d.figures.naive_visits,
            planned: d.figures.led_visits,
        })
        .collect()
}

/// Per township: its firms' naive visits against the visits to its firms. Townships sort by
/// name; a firm without one is under `—`.
pub fn per_township(s: &Statistics) -> Vec<Saving> {
    s.townships
        .iter()
        .map(|t| Saving {
            label: if t.township.is_empty() {
                "—".to_string()
            } else {
                t.township.clone()
            },
            naive: t.figures.naive_visits,
            planned: t.figures.visits,
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
    fn workload_counts_time_on_site_and_the_day_span() {
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
        let load = workloads(&inst, &plan)[&(0, 0)];
        assert_eq!(load.onsite, 60);
        assert_eq!(load.span, 110);
    }
}
