//! Provides the whole planning instance: what ingest produces and every later stage reads.

use super::{
    Calendar, DayIndex, Department, DeptSet, Firm, FirmIndex, MonthRecords, Task, TaskIndex, Team,
    TravelTable,
};
use serde::{Deserialize, Serialize};

/// Everything the planner needs for one county and one horizon, validated and index-based.
///
/// Tasks, firms, teams and departments refer to one another by index into these vectors.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Instance {
    /// Display name of the workspace (its folder name, or `chayici.toml`'s `name`).
    pub name: String,
    /// Every date of the horizon and which are working days.
    pub calendar: Calendar,
    /// Departments named by plans and teams.
    pub departments: Vec<Department>,
    /// The register of firms.
    pub firms: Vec<Firm>,
    /// All departments' tasks.
    pub tasks: Vec<Task>,
    /// The inspection teams.
    pub teams: Vec<Team>,
    /// Parameters from `chayici.toml`.
    pub settings: Settings,
    /// Travel between every pair of places, when given instead of the great-circle model;
    /// read through [`Instance::travel_km`] and [`Instance::travel_minutes`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub travel_table: Option<TravelTable>,
    /// What the office recorded during the month: tasks done, teams' absences.
    #[serde(default)]
    pub month: MonthRecords,
}

/// Parameters of the problem that come from `chayici.toml`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Settings {
    /// Minutes to settle in at a firm before any department starts, once per visit.
    pub visit_setup_minutes: u32,
    /// Road distance over great-circle distance.
    pub road_factor: f64,
    /// Average driving speed.
    pub speed_kmh: f64,
    /// Weights of the objective's parts.
    pub weights: ObjectiveWeights,
    /// `[targets]`: the reform's figures each department and the county are judged against.
    #[serde(default)]
    pub targets: Targets,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            visit_setup_minutes: 10,
            road_factor: 1.3,
            speed_kmh: 40.0,
            weights: ObjectiveWeights::default(),
            targets: Targets::default(),
        }
    }
}

/// The reform's targets, in hundredths of a percent (`6000` is 60 %).
///
/// Why whole numbers: a figure is judged met when `part * 10000 >= target * whole`, exactly,
/// so a department at 3 joint visits of 5 meets 60 % on every machine, where a comparison of
/// floating-point shares could fall either side of the line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Targets {
    /// Least share of joint visits among a department's (or the county's) visits.
    pub joint_share: u32,
    /// Least share of the naive visits saved.
    pub reduction: u32,
}

impl Default for Targets {
    /// Zhejiang's: at least 60 % of inspections joint, 25 % fewer on-site inspections.
    fn default() -> Self {
        Self {
            joint_share: 6000,
            reduction: 2500,
        }
    }
}

/// Weights of the objective, in decreasing order of importance.
///
/// The defaults make the order lexicographic in practice: one unscheduled mandatory task costs
/// more than any number of visits a month can hold, one visit more than a day's driving.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ObjectiveWeights {
    /// Cost of leaving a mandatory task unscheduled.
    pub unscheduled_mandatory: f64,
    /// Cost of leaving a normal task unscheduled.
    pub unscheduled_normal: f64,
    /// Cost of leaving a low-priority task unscheduled.
    pub unscheduled_low: f64,
    /// Cost of one visit (one opening of a firm's door).
    pub visit: f64,
    /// Cost of one team-day out (`team_day` in chayici.toml, formerly `route`): officers taken
    /// from their desks and a car for the day, whatever they do. It makes the planner fill a
    /// team's days instead of calling it out for an hour; against kilometres it is the
    /// trade-off of BENCHMARKS.md (at 20, a day out weighs like 20 km of driving: on the demo
    /// it takes team-days with one or two visits from 11 to 2 for 4% more kilometres). In
    /// VRPTW benchmarks it is the cost of a vehicle, where it comes first.
    pub route: f64,
    /// Cost of one kilometre driven.
    pub travel_km: f64,
    /// Cost of one minute of a team's workload away from the teams' mean. At 0.1, six minutes
    /// of imbalance weigh like one kilometre: on the demo county this halves the gap between
    /// the busiest and the idlest team for about 1.5% more driving.
    pub balance_minute: f64,
    /// Cost of a task a replan (`plan --keep`) gives another team or day than the plan it
    /// starts from. Below a visit, so that a move which saves a door-knock is made; far above a
    /// kilometre, so that nothing published moves for a shorter drive.
    pub moved_task: f64,
    /// Cost of a visit a replan adds or regroups: one whose tasks are not exactly those of a
    /// visit of the plan it starts from on the same team and day.
    pub changed_visit: f64,
    /// Fewest visits a team-day out should hold (`min_visits_per_day`); 0 for no minimum. A
    /// soft bar: each visit a day out lacks costs [`Self::missing_visit`].
    pub min_visits_per_day: f64,
    /// Cost of each visit a team-day out lacks below [`Self::min_visits_per_day`]. Below a
    /// low-priority task left out, so no work is dropped to meet the minimum.
    pub missing_visit: f64,
}

/// The default cost of a team-day out, chosen on the demo and a generated county
/// (BENCHMARKS.md, "Team-days"): the knee of kilometres against team-days; 50 and more empty
/// the last short days but drive 16–30% more.
pub const TEAM_DAY: f64 = 20.0;

impl Default for ObjectiveWeights {
    fn default() -> Self {
        Self {
            unscheduled_mandatory: 1_000_000.0,
            unscheduled_normal: 100_000.0,
            unscheduled_low: 10_000.0,
            visit: 1_000.0,
            route: TEAM_DAY,
            travel_km: 1.0,
            balance_minute: 0.1,
            moved_task: 200.0,
            changed_visit: 100.0,
            min_visits_per_day: 0.0,
            missing_visit: 300.0,
        }
    }
}

impl Instance {
    /// The tasks of each firm, in task order.
    pub fn tasks_by_firm(&self) -> Vec<Vec<TaskIndex>> {
        let mut by_firm = vec![Vec::new(); self.firms.len()];
        for (t, task) in self.tasks.iter().enumerate() {
            by_firm[task.firm].push(t);
        }
        by_firm
    }

    /// The department that leads a visit of `tasks`, the one its door-knock is charged to:
    /// the one with most tasks in it, then most minutes, then the first in department order.
    pub fn lead_department(&self, tasks: &[TaskIndex]) -> Option<super::DeptIndex> {
        let mut per: Vec<(super::DeptIndex, usize, u64)> = Vec::new();
        for &t in tasks {
            let task = &self.tasks[t];
            match per.iter_mut().find(|(d, ..)| *d == task.department) {
                Some(e) => {
                    e.1 += 1;
                    e.2 += u64::from(task.minutes);
                }
                None => per.push((task.department, 1, u64::from(task.minutes))),
            }
        }
        per.sort_by_key(|&(d, n, m)| (std::cmp::Reverse((n, m)), d));
        per.first().map(|&(d, ..)| d)
    }

    /// The departments of a group of tasks.
    pub fn departments_of(&self, tasks: &[TaskIndex]) -> DeptSet {
        tasks.iter().map(|&t| self.tasks[t].department).collect()
    }

    /// On-site minutes of one visit doing `tasks`: the setup time plus, per department, the sum
    /// of its tasks' minutes, taking the largest department, since officers of different
    /// departments inspect side by side.
    pub fn onsite_minutes(&self, tasks: &[TaskIndex]) -> u32 {
        let mut per_dept: Vec<(usize, u32)> = Vec::with_capacity(tasks.len());
        for &t in tasks {
            let task = &self.tasks[t];
            match per_dept.iter_mut().find(|(d, _)| *d == task.department) {
                Some((_, m)) => *m += task.minutes,
                None => per_dept.push((task.department, task.minutes)),
            }
        }
        let longest = per_dept.iter().map(|&(_, m)| m).max().unwrap_or(0);
        self.settings.visit_setup_minutes + longest
    }

    /// True when `firm` can receive a visit on `day` (working day, not closed).
    pub fn firm_open_on(&self, firm: FirmIndex, day: DayIndex) -> bool {
        self.calendar.is_working(day)
            && !self.firms[firm]
                .hours
                .windows_on(self.calendar.date(day))
                .is_empty()
    }
}
