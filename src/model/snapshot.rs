//! Provides [`PlanSnapshot`]: a plan reduced to the ids, dates and times people see, so that
//! two plans compare even when they were made from different workspaces (a late plan file
//! shifts every task index, never a task id), and a replan starts from a published plan whose
//! tasks may have left the workspace since.

use super::{Instance, Minute, Plan};
use chrono::NaiveDate;

/// One visit as ids and times.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VisitSnap {
    /// The firm's unified social credit code.
    pub firm: String,
    /// The firm's name, for people; never compared.
    pub firm_name: String,
    /// Task ids, sorted, so that a visit compares by the set of its tasks.
    pub tasks: Vec<String>,
    /// Arrival.
    pub arrive: Minute,
    /// Start of on-site work.
    pub start: Minute,
    /// End of on-site work.
    pub end: Minute,
    /// Departure.
    pub depart: Minute,
}

/// One team-day route as ids and times.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RouteSnap {
    /// The team's id.
    pub team: String,
    /// The day.
    pub date: NaiveDate,
    /// Leaving the base.
    pub leave_base: Minute,
    /// Back at the base.
    pub return_base: Minute,
    /// Visits in driving order.
    pub visits: Vec<VisitSnap>,
}

/// A plan as ids: what two plans of different workspaces still share.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PlanSnapshot {
    /// Routes, in the plan's order.
    pub routes: Vec<RouteSnap>,
    /// The day a replanned plan was replanned from (`replan.from` of its plan.json).
    pub replan_from: Option<NaiveDate>,
    /// Task ids the plan left unscheduled, in its order.
    pub unscheduled: Vec<String>,
}

impl PlanSnapshot {
    /// The snapshot of a plan indexing into `inst`.
    pub fn of(inst: &Instance, plan: &Plan) -> Self {
        let routes = plan
            .routes
            .iter()
            .map(|r| RouteSnap {
                team: inst.teams[r.team].id.clone(),
                date: inst.calendar.date(r.day),
                leave_base: r.leave_base,
                return_base: r.return_base,
                visits: r
                    .visits
                    .iter()
                    .map(|v| {
                        let firm = &inst.firms[v.firm];
                        VisitSnap {
                            firm: firm.id.clone(),
                            firm_name: firm.name.clone(),
                            tasks: sorted(v.tasks.iter().map(|&t| inst.tasks[t].id.clone())),
                            arrive: v.arrive,
                            start: v.start,
                            end: v.end,
                            depart: v.depart,
                        }
                    })
                    .collect(),
            })
            .collect();
        Self {
            routes,
            replan_from: None,
            unscheduled: plan
                .unscheduled
                .iter()
                .map(|u| inst.tasks[u.task].id.clone())
                .collect(),
        }
    }

    /// Every visit with its team, date and 1-based position in its route.
    pub fn visits(&self) -> impl Iterator<Item = (&RouteSnap, usize, &VisitSnap)> {
        self.routes
            .iter()
            .flat_map(|r| r.visits.iter().enumerate().map(move |(i, v)| (r, i + 1, v)))
    }
}

/// Task ids sorted, the order a visit's tasks compare in.
pub fn sorted(ids: impl Iterator<Item = String>) -> Vec<String> {
    let mut v: Vec<String> = ids.collect();
    v.sort();
    v
}
