//! Provides the plan's key figures, counted from the plan and the instance alone so that the
//! numbers an office publishes do not depend on the planner's own bookkeeping.

use super::routes::onsite_minutes;
use crate::model::{Instance, Place, Plan, Priority};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// Key figures of a plan.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Kpis {
    /// Tasks in the instance.
    pub tasks: usize,
    /// Task entries in visits.
    pub scheduled: usize,
    /// Entries in the unscheduled list.
    pub unscheduled: usize,
    /// Unscheduled tasks per reason code (only reasons that occur).
    pub unscheduled_by_reason: BTreeMap<String, usize>,
    /// Unscheduled tasks per priority (`mandatory`, `normal`, `low`; only those that occur).
    pub unscheduled_by_priority: BTreeMap<String, usize>,
    /// Visits (doors opened).
    pub visits: usize,
    /// Team-days with at least one visit.
    pub routes: usize,
    /// Firms entered at least once.
    pub firms_visited: usize,
    /// Firms entered more than once in the horizon: what the office wants to drive to zero.
    pub firms_visited_more_than_once: usize,
    /// Road kilometres driven, legs back to base included.
    pub travel_km: f64,
    /// Driving minutes, legs back to base included.
    pub travel_minutes: u64,
    /// Minutes spent on site, setup included.
    pub onsite_minutes: u64,
    /// Workload of every team, in team order (teams without routes included, at zero).
    pub team_workload: Vec<TeamWorkload>,
    /// Visits in which each department (by code) inspects.
    pub visits_by_department: BTreeMap<String, usize>,
    /// Visits per township of the firm.
    pub visits_by_township: BTreeMap<String, usize>,
}

/// How much one team works over the horizon.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct TeamWorkload {
    /// The team's id.
    pub team_id: String,
    /// Days with a route.
    pub days: usize,
    /// Visits made.
    pub visits: usize,
    /// Minutes away from base (leaving to returning), summed over days: driving, waiting and
    /// on-site work all tire a team.
    pub minutes: u64,
}

impl Kpis {
    /// Counts the figures of `plan`; indices out of range are skipped, not counted.
    pub fn of(inst: &Instance, plan: &Plan) -> Self {
        let mut k = Kpis {
            tasks: inst.tasks.len(),
            unscheduled: plan.unscheduled.len(),
            team_workload: inst
                .teams
                .iter()
                .map(|t| TeamWorkload {
                    team_id: t.id.clone(),
                    ..TeamWorkload::default()
                })
                .collect(),
            ..Kpis::default()
        };
        for u in &plan.unscheduled {
            *k.unscheduled_by_reason
                .entry(u.reason.code().to_owned())
                .or_default() += 1;
            if let Some(task) = inst.tasks.get(u.task) {
                *k.unscheduled_by_priority
                    .entry(task.priority.as_str().to_owned())
                    .or_default() += 1;
            }
        }
        let mut entries: BTreeMap<usize, usize> = BTreeMap::new();
        for r in &plan.routes {
            if inst.teams.get(r.team).is_none() {
                continue;
            }
            let w = &mut k.team_workload[r.team];
            if !r.visits.is_empty() {
                k.routes += 1;
                w.days += 1;
            }
            w.visits += r.visits.len();
            w.minutes += u64::from(r.return_base.saturating_sub(r.leave_base));
            let mut pos = Place::Base(r.team);
            for v in &r.visits {
                k.visits += 1;
                k.scheduled += v.tasks.len();
                k.onsite_minutes += onsite_minutes(inst, &v.tasks);
                let Some(firm) = inst.firms.get(v.firm) else {
                    continue;
                };
                *entries.entry(v.firm).or_default() += 1;
                *k.visits_by_township
                    .entry(firm.township.clone())
                    .or_default() += 1;
                let depts: BTreeSet<usize> = v
                    .tasks
                    .iter()
                    .filter_map(|&t| inst.tasks.get(t))
                    .map(|t| t.department)
                    .collect();
                for d in depts.into_iter().filter_map(|d| inst.departments.get(d)) {
                    *k.visits_by_department.entry(d.code.clone()).or_default() += 1;
                }
                let at = Place::Firm(v.firm);
                k.travel_km += inst.travel_km(pos, at);
                k.travel_minutes += u64::from(inst.travel_minutes(pos, at));
                pos = at;
            }
            let base = Place::Base(r.team);
            k.travel_km += inst.travel_km(pos, base);
            k.travel_minutes += u64::from(inst.travel_minutes(pos, base));
        }
        k.firms_visited = entries.len();
        k.firms_visited_more_than_once = entries.values().filter(|&&n| n > 1).count();
        k
    }

    /// Unscheduled tasks of one priority.
    pub fn unscheduled_of(&self, p: Priority) -> usize {
        self.unscheduled_by_priority
            .get(p.as_str())
            .copied()
            .unwrap_or(0)
    }

    /// Smallest, median and largest team workload in minutes, over all teams.
    pub fn workload_min_median_max(&self) -> Option<(u64, u64, u64)> {
        let mut m: Vec<u64> = self.team_workload.iter().map(|w| w.minutes).collect();
        m.sort_unstable();
        Some((*m.first()?, m[m.len() / 2], *m.last()?))
    }
}
