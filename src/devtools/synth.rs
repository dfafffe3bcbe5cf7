//! Provides small random instances built in memory, for tests and benchmarks of the stages
//! after ingest (merge graph, planner, checker) without going through files.
//!
//! The generator is seeded and pure, so a failing property test can be replayed exactly.

use crate::model::{
    Calendar, Department, DeptSet, Firm, Instance, Loc, OpeningHours, Point, Priority, Settings,
    Shift, Task, Team, TimeWindow,
};
use chrono::{Datelike, Duration, NaiveDate, Weekday};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// Size and shape of a synthetic instance.
#[derive(Debug, Clone)]
pub struct SynthParams {
    /// Number of firms.
    pub firms: usize,
    /// Largest number of tasks one firm gets (at least one each).
    pub max_tasks_per_firm: usize,
    /// Number of departments.
    pub departments: usize,
    /// Number of teams.
    pub teams: usize,
    /// Number of calendar days, starting on Monday 2026-11-30 (weekends are days off).
    pub days: usize,
    /// Half-width of the square around the centre where firms lie, in degrees.
    pub spread_deg: f64,
}

impl SynthParams {
    /// Five firms, two teams, three days: small enough for the exact model to enumerate every
    /// route, which the tests and benches that compare with it rely on.
    pub fn exact_sized() -> Self {
        Self {
            firms: 5,
            max_tasks_per_firm: 3,
            departments: 3,
            teams: 2,
            days: 3,
            spread_deg: 0.08,
        }
    }

    /// About 200 tasks at 80 firms, 4 teams, two weeks: a town the benches plan whole.
    pub fn town() -> Self {
        Self {
            firms: 80,
            max_tasks_per_firm: 4,
            departments: 6,
            teams: 4,
            days: 14,
            spread_deg: 0.15,
        }
    }
}

impl Default for SynthParams {
    fn default() -> Self {
        Self {
            firms: 8,
            max_tasks_per_firm: 3,
            departments: 3,
            teams: 2,
            days: 7,
            spread_deg: 0.08,
        }
    }
}

/// A random instance of the given shape; the same `seed` gives the same instance.
///
/// Every department is covered by at least one team, so most tasks are schedulable, but
/// narrow windows, closed days and split opening hours still make some combinations
/// infeasible, which is what tests of merging and routing need.
pub fn random_instance(seed: u64, p: &SynthParams) -> Instance {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let start = NaiveDate::from_ymd_opt(2026, 11, 30).expect("valid date");
    let dates: Vec<NaiveDate> = (0..p.days.max(1))
        .map(|i| start + Duration::days(i as i64))
        .collect();
    let working = dates
        .iter()
        .map(|d| !matches!(d.weekday(), Weekday::Sat | Weekday::Sun))
        .collect();
    let calendar = Calendar { dates, working };
    let n_days = calendar.len();
    let centre = Point::new(118.505, 28.904);
    let n_depts = p.departments.clamp(1, 8);

    let departments = (0..n_depts)
        .map(|d| Department {
            code: format!("d{d}"),
            name: format!("department {d}"),
        })
        .collect();

    let firms: Vec<Firm> = (0..p.firms)
        .map(|f| {
            let hours = match rng.gen_range(0..4) {
                0 => vec![TimeWindow::new(480, 690), TimeWindow::new(810, 1050)],
                1 => vec![TimeWindow::new(540, 1020)],
                _ => vec![TimeWindow::new(480, 1080)],
            };
            let mut opening = OpeningHours::always(hours);
            if rng.gen_bool(0.2) {
                opening.closed_weekdays[rng.gen_range(0..5)] = true;
            }
            Firm {
                id: format!("F{f:04}"),
                name: format!("firm {f}"),
                address: String::new(),
                township: format!("town {}", f % 3),
                point: Point::new(
                    centre.lon + rng.gen_range(-p.spread_deg..=p.spread_deg),
                    centre.lat + rng.gen_range(-p.spread_deg..=p.spread_deg),
                ),
                industry: String::new(),
                risk: String::new(),
                hours: opening,
                contact: String::new(),
                phone: String::new(),
                notes: String::new(),
                extra: Vec::new(),
            }
        })
        .collect();

    let mut tasks = Vec::new();
    for f in 0..p.firms {
        let n = rng.gen_range(1..=p.max_tasks_per_firm.max(1));
        for _ in 0..n {
            let (first_day, last_day) = match rng.gen_range(0..3) {
                0 => {
                    let a = rng.gen_range(0..n_days);
                    (a, (a + rng.gen_range(0..3)).min(n_days - 1))
                }
                _ => (0, n_days - 1),
            };
            let id = tasks.len();
            tasks.push(Task {
                id: format!("T{id:04}"),
                department: rng.gen_range(0..n_depts),
                firm: f,
                item: format!("item {id}"),
                first_day,
                last_day,
                minutes: 10 * rng.gen_range(2..=6),
                priority: match rng.gen_range(0..6) {
                    0 => Priority::Mandatory,
                    1 => Priority::Low,
                    _ => Priority::Normal,
                },
                demand: 0,
                source: String::new(),
                loc: Loc::line("synthetic.csv", id as u32 + 2, None),
                pin: None,
            });
        }
    }

    let teams = (0..p.teams.max(1))
        .map(|t| {
            let mut departments: DeptSet = (0..n_depts).filter(|_| rng.gen_bool(0.6)).collect();
            departments.insert(t % n_depts);
            if t == 0 {
                departments = (0..n_depts).collect();
            }
            let shift = if rng.gen_bool(0.5) {
                vec![TimeWindow::new(510, 1050)]
            } else {
                vec![TimeWindow::new(510, 720), TimeWindow::new(780, 1050)]
            };
            Team {
                id: format!("team{t}"),
                name: format!("team {t}"),
                departments,
                base: Point::new(
                    centre.lon + rng.gen_range(-0.02..=0.02),
                    centre.lat + rng.gen_range(-0.02..=0.02),
                ),
                shift: Shift { windows: shift },
                available: calendar.working.clone(),
                capacity_per_day: None,
                max_days: None,
            }
        })
        .collect();

    Instance {
        name: format!("synthetic-{seed}"),
        calendar,
        departments,
        firms,
        tasks,
        teams,
        settings: Settings::default(),
        travel_table: None,
        month: Default::default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_gives_same_instance() {
        let p = SynthParams::default();
        assert_eq!(random_instance(7, &p), random_instance(7, &p));
        assert_ne!(random_instance(7, &p), random_instance(8, &p));
    }

    #[test]
    fn references_are_in_range() {
        let p = SynthParams {
            firms: 30,
            teams: 4,
            days: 12,
            ..SynthParams::default()
        };
        let inst = random_instance(3, &p);
        assert_eq!(inst.firms.len(), 30);
        for t in &inst.tasks {
            assert!(t.firm < inst.firms.len());
            assert!(t.department < inst.departments.len());
            assert!(t.first_day <= t.last_day && t.last_day < inst.calendar.len());
        }
        assert!(
            inst.teams
                .iter()
                .all(|t| t.available.len() == inst.calendar.len())
        );
    }
}
