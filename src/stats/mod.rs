//! The reform's statistics: one set of definitions for every output that shows them
//! (`merge`, the `plan` summary, plan.json, the report, the statistics workbook).
//!
//! Pure: computed from the instance, the plan and the bounds' naive counts, nothing read or
//! written. Every figure is a whole-number count ([`Figures`], [`Work`]) that adds up, so the
//! statistics of several counties are the sums of theirs, and every share is taken from summed
//! counts. The definitions (README, "Reform statistics"):
//!
//! - a department's **naive visits**: for each firm, the fewest visits its own schedulable
//!   tasks need (the bounds' count, what `chayici merge` prints); the county's is their sum;
//! - its **visits**: the visits with at least one of its tasks; its **joint visits**: those
//!   that also hold a task of another department; a visit is counted once for the county and
//!   once for each department in it;
//! - the **lead department** of a visit: the one with most tasks in it, then most minutes, then
//!   the first in department order; a department's **led visits** are the visits it leads,
//!   the door-knocks charged to it, so that they add up to the county's visits;
//! - **joint share**: joint visits / visits; **joint task share**: tasks done in joint visits /
//!   tasks done; **reduction**: (naive visits − led visits) / naive visits, where the county's
//!   and a township's led visits are all their visits.

mod figures;
mod team_days;
mod weeks;

pub use figures::{Figures, Share, Work};
pub use team_days::{SHORT_DAY_VISITS, TeamDays};
pub use weeks::{IsoWeek, iso_weeks};

use crate::graph::VisitBounds;
use crate::model::{Instance, Place, Plan, Route, Targets};
use std::collections::BTreeMap;

/// The bounds' naive counts the statistics are measured against.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NaiveCounts {
    /// Per department index.
    pub department: Vec<usize>,
    /// Per firm index (the sum over its departments).
    pub firm: Vec<usize>,
}

impl NaiveCounts {
    /// The naive counts of `bounds`, computed over `inst`.
    pub fn of(inst: &Instance, bounds: &VisitBounds) -> Self {
        let mut firm = vec![0; inst.firms.len()];
        for f in &bounds.per_firm {
            firm[f.firm] = f.naive;
        }
        Self {
            department: bounds.naive_per_department(inst.departments.len()),
            firm,
        }
    }

    /// The county's naive count.
    pub fn total(&self) -> usize {
        self.department.iter().sum()
    }
}

/// One department's row.
#[derive(Debug, Clone, PartialEq)]
pub struct DepartmentStats {
    /// Code used in plans and teams.
    pub code: String,
    /// Display name.
    pub name: String,
    /// Its figures.
    pub figures: Figures,
}

/// One township's row: its firms' naive visits, the visits to its firms.
#[derive(Debug, Clone, PartialEq)]
pub struct TownshipStats {
    /// As the register spells it (empty when the register gives none).
    pub township: String,
    /// Its figures.
    pub figures: Figures,
}

/// One team's row (no naive count: departments going alone are not teams).
#[derive(Debug, Clone, PartialEq)]
pub struct TeamStats {
    /// Its id.
    pub team_id: String,
    /// Its name.
    pub name: String,
    /// Its figures (`naive_visits` 0).
    pub figures: Figures,
    /// Its driving and time on site.
    pub work: Work,
}

/// One week's row (no naive count: tasks have windows, not weeks).
#[derive(Debug, Clone, PartialEq)]
pub struct WeekStats {
    /// The ISO week and the horizon's dates in it.
    pub week: IsoWeek,
    /// Its figures (`naive_visits` 0).
    pub figures: Figures,
    /// Driving and time on site in it.
    pub work: Work,
}

/// The statistics of one plan.
#[derive(Debug, Clone, PartialEq)]
pub struct Statistics {
    /// What the figures are judged against.
    pub targets: Targets,
    /// The county's figures.
    pub overall: Figures,
    /// The county's driving and time on site.
    pub work: Work,
    /// Every department with a task, in department order.
    pub departments: Vec<DepartmentStats>,
    /// Every township with a task or a visit, by name.
    pub townships: Vec<TownshipStats>,
    /// Every team, in team order.
    pub teams: Vec<TeamStats>,
    /// Every ISO week the horizon touches, in order.
    pub weeks: Vec<WeekStats>,
}

/// Adds one visit of `depts` departments with `tasks` tasks, `joint` when it is.
fn count_visit(f: &mut Figures, tasks: usize, joint: bool) {
    f.visits += 1;
    f.led_visits += 1;
    f.scheduled_tasks += tasks;
    if joint {
        f.joint_visits += 1;
        f.joint_tasks += tasks;
    }
}

/// A route's driving and time on site.
fn route_work(inst: &Instance, r: &Route) -> Work {
    let mut w = Work {
        routes: 1,
        ..Work::default()
    };
    let mut pos = Place::Base(r.team);
    for v in &r.visits {
        let at = Place::Firm(v.firm);
        w.travel_km += inst.travel_km(pos, at);
        w.travel_minutes += u64::from(inst.travel_minutes(pos, at));
        w.onsite_minutes += u64::from(inst.onsite_minutes(&v.tasks));
        pos = at;
    }
    let base = Place::Base(r.team);
    w.travel_km += inst.travel_km(pos, base);
    w.travel_minutes += u64::from(inst.travel_minutes(pos, base));
    w
}

/// The statistics of `plan` over `inst`, measured against `naive`.
pub fn statistics(inst: &Instance, plan: &Plan, naive: &NaiveCounts) -> Statistics {
    let n_depts = inst.departments.len();
    let mut overall = Figures {
        naive_visits: naive.total(),
        ..Figures::default()
    };
    let mut work = Work::default();
    let mut depts = vec![Figures::default(); n_depts];
    for (d, f) in depts.iter_mut().enumerate() {
        f.naive_visits = naive.department.get(d).copied().unwrap_or(0);
    }
    let mut towns: BTreeMap<&str, Figures> = BTreeMap::new();
    for t in &inst.tasks {
        towns
            .entry(inst.firms[t.firm].township.as_str())
            .or_default();
    }
    for (firm, &n) in naive.firm.iter().enumerate() {
        if n > 0 {
            towns
                .entry(inst.firms[firm].township.as_str())
                .or_default()
                .naive_visits += n;
        }
    }
    let mut teams = vec![(Figures::default(), Work::default()); inst.teams.len()];
    let weeks_of = iso_weeks(&inst.calendar.dates);
    let mut weeks: Vec<(Figures, Work)> = vec![Default::default(); weeks_of.len()];
    for r in &plan.routes {
        let rw = route_work(inst, r);
        work += rw;
        teams[r.team].1 += rw;
        let week = weeks_of.iter().position(|w| w.days.contains(&r.day));
        if let Some(i) = week {
            weeks[i].1 += rw;
        }
        for v in &r.visits {
            let in_visit = inst.departments_of(&v.tasks);
            let joint = in_visit.len() > 1;
            count_visit(&mut overall, v.tasks.len(), joint);
            count_visit(&mut teams[r.team].0, v.tasks.len(), joint);
            if let Some(i) = week {
                count_visit(&mut weeks[i].0, v.tasks.len(), joint);
            }
            let town = inst.firms[v.firm].township.as_str();
            count_visit(towns.entry(town).or_default(), v.tasks.len(), joint);
            for d in in_visit.iter() {
                let own = v
                    .tasks
                    .iter()
                    .filter(|&&t| inst.tasks[t].department == d)
                    .count();
                count_visit(&mut depts[d], own, joint);
                depts[d].led_visits -= 1;
            }
            if let Some(d) = inst.lead_department(&v.tasks) {
                depts[d].led_visits += 1;
            }
        }
    }
    let mut has_tasks = vec![false; n_depts];
    for t in &inst.tasks {
        has_tasks[t.department] = true;
    }
    Statistics {
        targets: inst.settings.targets,
        overall,
        work,
        departments: inst
            .departments
            .iter()
            .zip(depts)
            .zip(has_tasks)
            .filter(|&(_, has)| has)
            .map(|((dept, figures), _)| DepartmentStats {
                code: dept.code.clone(),
                name: dept.name.clone(),
                figures,
            })
            .collect(),
        townships: towns
            .into_iter()
            .map(|(town, figures)| TownshipStats {
                township: town.to_string(),
                figures,
            })
            .collect(),
        teams: inst
            .teams
            .iter()
            .zip(teams)
            .map(|(team, (figures, work))| TeamStats {
                team_id: team.id.clone(),
                name: team.name.clone(),
                figures,
                work,
            })
            .collect(),
        weeks: weeks_of
            .into_iter()
            .zip(weeks)
            .map(|(week, (figures, work))| WeekStats {
                week,
                figures,
                work,
            })
            .collect(),
    }
}
