//! Summarises the bounds the way a county office reads them: overall, per department and per
//! township, with the tasks that can never be scheduled grouped by reason. `chayici merge`
//! prints it, and its JSON form is this structure serialised.

use super::bounds::{VisitBounds, reduction};
use crate::model::{Instance, Reason};
use serde::Serialize;
use std::collections::BTreeMap;

/// What merging could save, overall and broken down.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MergeReport {
    /// Name of the workspace.
    pub workspace: String,
    /// Every task of every plan.
    pub tasks: usize,
    /// Tasks some team could do on some day.
    pub schedulable_tasks: usize,
    /// Firms with at least one task.
    pub firms: usize,
    /// Firms with at least one schedulable task (each needs at least one visit).
    pub firms_with_schedulable_tasks: usize,
    /// Visits if every department went alone.
    pub naive_visits: usize,
    /// Fewest visits any plan can make.
    pub lower_bound: usize,
    /// Visits of the witness partitions (equal to `lower_bound` when `exact`).
    pub upper_bound: usize,
    /// Whether every firm's bound is proven optimal.
    pub exact: bool,
    /// Share of the naive visits merging could save at best (0.25 = 25 %).
    pub reduction: f64,
    /// Pairs of tasks that could share a visit.
    pub share_pairs: usize,
    /// One row per department, in department order.
    pub departments: Vec<DepartmentRow>,
    /// One row per township with tasks, by name.
    pub townships: Vec<TownshipRow>,
    /// Unschedulable tasks counted by reason, in report order, reasons with none left out.
    pub unschedulable_by_reason: Vec<ReasonCount>,
    /// Every unschedulable task, in task order.
    pub unschedulable: Vec<UnschedulableTask>,
}

/// One department's share of the saving.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DepartmentRow {
    /// Code used in plans and teams.
    pub code: String,
    /// Display name.
    pub name: String,
    /// Its tasks.
    pub tasks: usize,
    /// Its schedulable tasks.
    pub schedulable_tasks: usize,
    /// Firms it has schedulable tasks at.
    pub firms: usize,
    /// Visits it would make alone.
    pub naive_visits: usize,
    /// Its share of the lower bound: each merged visit counts `1/k` to each of its `k`
    /// departments, so the shares add up to the overall bound.
    pub lower_bound_share: f64,
    /// The visits of the bound's groups it leads (as the statistics charge a visit to one
    /// department), in whole visits; they add up to the groups' count.
    pub bound_led_visits: usize,
    /// Firms where the best merge joins it with another department.
    pub joint_firms: usize,
    /// `1 - bound_led_visits / naive_visits`, the best reduction the statistics could show.
    pub reduction: f64,
}

/// One township's saving.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TownshipRow {
    /// Township or subdistrict (乡镇/街道) as the register spells it.
    pub township: String,
    /// Tasks at its firms.
    pub tasks: usize,
    /// Its firms with tasks.
    pub firms: usize,
    /// Visits if every department went alone.
    pub naive_visits: usize,
    /// Fewest visits.
    pub lower_bound: usize,
    /// `1 - lower_bound / naive_visits`.
    pub reduction: f64,
}

/// How many tasks fail for one reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReasonCount {
    /// The reason.
    pub reason: Reason,
    /// Number of tasks.
    pub tasks: usize,
}

/// A task no plan can schedule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct UnschedulableTask {
    /// The task's id.
    pub task_id: String,
    /// Its department's code.
    pub department: String,
    /// Its firm's unified social credit code.
    pub firm_id: String,
    /// Why.
    pub reason: Reason,
}

#[derive(Default)]
struct TownshipAcc {
    tasks: usize,
    firms: usize,
    naive: usize,
    bound: usize,
}

/// The report of `bounds` over `inst`, given the number of pairs that may share a visit.
pub fn merge_report(inst: &Instance, bounds: &VisitBounds, share_pairs: usize) -> MergeReport {
    let n_depts = inst.departments.len();
    let mut tasks_of = vec![0usize; n_depts];
    for t in &inst.tasks {
        tasks_of[t.department] += 1;
    }
    let mut schedulable = vec![0usize; n_depts];
    let mut firms = vec![0usize; n_depts];
    let mut naive = vec![0usize; n_depts];
    let mut share = vec![0f64; n_depts];
    let mut joint = vec![0usize; n_depts];
    let mut led = vec![0usize; n_depts];
    let mut towns: BTreeMap<&str, TownshipAcc> = BTreeMap::new();
    let by_firm = inst.tasks_by_firm();
    for f in &bounds.per_firm {
        for &(d, n) in &f.naive_by_department {
            naive[d] += n;
            firms[d] += 1;
        }
        for &t in &f.tasks {
            schedulable[inst.tasks[t].department] += 1;
        }
        let mut joins = vec![false; n_depts];
        for g in &f.groups {
            if let Some(d) = inst.lead_department(g) {
                led[d] += 1;
            }
            let depts = inst.departments_of(g);
            for d in depts.iter() {
                share[d] += 1.0 / depts.len() as f64;
                joins[d] |= depts.len() > 1;
            }
        }
        for (d, j) in joins.into_iter().enumerate() {
            joint[d] += usize::from(j);
        }
        let town = towns
            .entry(inst.firms[f.firm].township.as_str())
            .or_default();
        town.tasks += by_firm[f.firm].len();
        town.firms += 1;
        town.naive += f.naive;
        town.bound += f.lower_bound;
    }
    let departments = inst
        .departments
        .iter()
        .enumerate()
        .map(|(d, dept)| DepartmentRow {
            code: dept.code.clone(),
            name: dept.name.clone(),
            tasks: tasks_of[d],
            schedulable_tasks: schedulable[d],
            firms: firms[d],
            naive_visits: naive[d],
            lower_bound_share: share[d],
            bound_led_visits: led[d],
            joint_firms: joint[d],
            reduction: reduction(naive[d], led[d] as f64),
        })
        .collect();
    let townships = towns
        .into_iter()
        .map(|(name, a)| TownshipRow {
            township: name.to_string(),
            tasks: a.tasks,
            firms: a.firms,
            naive_visits: a.naive,
            lower_bound: a.bound,
            reduction: reduction(a.naive, a.bound as f64),
        })
        .collect();
    let unschedulable_by_reason = Reason::ALL
        .into_iter()
        .map(|reason| ReasonCount {
            reason,
            tasks: bounds
                .unschedulable
                .iter()
                .filter(|&&(_, r)| r == reason)
                .count(),
        })
        .filter(|c| c.tasks > 0)
        .collect();
    let unschedulable = bounds
        .unschedulable
        .iter()
        .map(|&(t, reason)| {
            let task = &inst.tasks[t];
            UnschedulableTask {
                task_id: task.id.clone(),
                department: inst.departments[task.department].code.clone(),
                firm_id: inst.firms[task.firm].id.clone(),
                reason,
            }
        })
        .collect();
    MergeReport {
        workspace: inst.name.clone(),
        tasks: inst.tasks.len(),
        schedulable_tasks: inst.tasks.len() - bounds.unschedulable.len(),
        firms: bounds.per_firm.len(),
        firms_with_schedulable_tasks: bounds.firms_with_schedulable_tasks(),
        naive_visits: bounds.naive,
        lower_bound: bounds.lower_bound,
        upper_bound: bounds.upper_bound(),
        exact: bounds.exact(),
        reduction: reduction(bounds.naive, bounds.lower_bound as f64),
        share_pairs,
        departments,
        townships,
        unschedulable_by_reason,
        unschedulable,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::devtools::synth::{SynthParams, random_instance};
    use crate::graph::{share_pairs, visit_bounds};

    #[test]
    fn breakdowns_add_up_to_the_totals() {
        let inst = random_instance(
            12,
            &SynthParams {
                firms: 40,
                max_tasks_per_firm: 5,
                teams: 3,
                days: 10,
                ..SynthParams::default()
            },
        );
        let b = visit_bounds(&inst);
        let r = merge_report(&inst, &b, share_pairs(&inst).len());
        let dept_naive: usize = r.departments.iter().map(|d| d.naive_visits).sum();
        assert_eq!(dept_naive, r.naive_visits);
        let share: f64 = r.departments.iter().map(|d| d.lower_bound_share).sum();
        assert!((share - r.lower_bound as f64).abs() < 1e-9);
        let town_bound: usize = r.townships.iter().map(|t| t.lower_bound).sum();
        assert_eq!(town_bound, r.lower_bound);
        let town_tasks: usize = r.townships.iter().map(|t| t.tasks).sum();
        assert_eq!(town_tasks, r.tasks);
        let by_reason: usize = r.unschedulable_by_reason.iter().map(|c| c.tasks).sum();
        assert_eq!(by_reason, r.unschedulable.len());
        assert_eq!(r.schedulable_tasks + r.unschedulable.len(), r.tasks);
        assert!(r.lower_bound <= r.naive_visits);
    }
}
