//! A tiny hand-built instance and a valid plan for it, so tests of the checker and the
//! writers do not depend on the planner or on ingest.
//!
//! Monday 2026-12-07 to Sunday 2026-12-13; three firms near 常山; two teams.
//! T1 (scjg) and T2 (xfjy) at F1, T3 (scjg) at F2 in days 1..=3, T4 (sthj) at F3, and T5 for
//! a department no team covers.

#![allow(dead_code)]

use chayici::model::{
    Calendar, Department, DeptSet, Firm, Instance, Loc, Minute, OpeningHours, Plan, Point,
    Priority, Reason, Route, Settings, Shift, Task, TaskIndex, Team, Unscheduled, Visit,
};
use chayici::spatial::Travel;
use chrono::{Duration, NaiveDate};

pub const F1: usize = 0;
pub const F2: usize = 1;
pub const F3: usize = 2;
pub const TEAM_A: usize = 0;
pub const TEAM_B: usize = 1;

fn firm(id: &str, name: &str, lon: f64, lat: f64, hours: &str) -> Firm {
    Firm {
        id: id.into(),
        name: name.into(),
        address: String::new(),
        township: "天马街道".into(),
        point: Point::new(lon, lat),
        industry: String::new(),
        risk: String::new(),
        hours: OpeningHours::always(chayici::model::parse_windows(hours).unwrap()),
        contact: String::new(),
        phone: String::new(),
        notes: String::new(),
        extra: Vec::new(),
    }
}

fn task(id: &str, dept: usize, firm: usize, days: (usize, usize), minutes: u32) -> Task {
    Task {
        id: id.into(),
        department: dept,
        firm,
        item: format!("item of {id}"),
        first_day: days.0,
        last_day: days.1,
        minutes,
        priority: Priority::Normal,
        demand: 0,
        source: String::new(),
        loc: Loc::line("plans/x.csv", 2, None),
        pin: None,
    }
}

pub fn instance() -> Instance {
    let start = NaiveDate::from_ymd_opt(2026, 12, 7).unwrap();
    let dates: Vec<NaiveDate> = (0..7).map(|i| start + Duration::days(i)).collect();
    let working: Vec<bool> = (0..7).map(|i| i < 5).collect();
    let departments = ["scjg", "xfjy", "sthj", "wsjk"]
        .iter()
        .map(|c| Department {
            code: c.to_string(),
            name: c.to_string(),
        })
        .collect();
    let mut f2 = firm("F2", "紫港民宿", 118.535, 28.905, "09:00-17:00");
    f2.hours.closed_weekdays[2] = true;
    let firms = vec![
        firm(
            "F1",
            "=HYPERLINK(\"x\")",
            118.505,
            28.904,
            "08:00-11:30;13:00-17:00",
        ),
        f2,
        firm("F3", "辉埠机械厂", 118.530, 28.950, "08:00-18:00"),
    ];
    let tasks = vec![
        task("T1", 0, F1, (0, 4), 40),
        task("T2", 1, F1, (0, 4), 30),
        task("T3", 0, F2, (1, 3), 30),
        task("T4", 2, F3, (0, 4), 60),
        task("T5", 3, F1, (0, 4), 30),
    ];
    let team = |id: &str, depts: &[usize], lon: f64, shift: &str| Team {
        id: id.into(),
        name: format!("team {id}"),
        departments: depts.iter().copied().collect::<DeptSet>(),
        base: Point::new(lon, 28.91),
        shift: Shift {
            windows: chayici::model::parse_windows(shift).unwrap(),
        },
        available: working.clone(),
        capacity_per_day: None,
        max_days: None,
    };
    let teams = vec![
        team("A", &[0, 1], 118.51, "08:30-12:00;13:30-17:30"),
        team("B", &[1, 2], 118.52, "08:30-17:30"),
    ];
    Instance {
        name: "fixture".into(),
        calendar: Calendar { dates, working },
        departments,
        firms,
        tasks,
        teams,
        settings: Settings::default(),
        travel_table: None,
        month: Default::default(),
    }
}

/// A route leaving at `leave` where every visit starts the moment the team arrives.
pub fn route_at(
    inst: &Instance,
    team: usize,
    day: usize,
    leave: Minute,
    stops: &[(usize, &[TaskIndex])],
) -> Route {
    let travel = Travel::from_settings(&inst.settings);
    let mut pos = inst.teams[team].base;
    let mut clock = leave;
    let mut visits = Vec::new();
    for &(firm, tasks) in stops {
        let to = inst.firms[firm].point;
        let arrive = clock + travel.minutes(pos, to);
        let end = arrive + inst.onsite_minutes(tasks);
        visits.push(Visit {
            firm,
            tasks: tasks.to_vec(),
            arrive,
            start: arrive,
            end,
            depart: end,
        });
        pos = to;
        clock = end;
    }
    Route {
        team,
        day,
        leave_base: leave,
        visits,
        return_base: clock + travel.minutes(pos, inst.teams[team].base),
    }
}

/// A valid plan: A does T1+T2 at F1 on Monday and T3 at F2 on Tuesday, B does T4 at F3 on
/// Monday, and T5 is left out because no team covers its department.
pub fn valid_plan(inst: &Instance) -> Plan {
    Plan {
        routes: vec![
            route_at(inst, TEAM_A, 0, 510, &[(F1, &[0, 1])]),
            route_at(inst, TEAM_B, 0, 510, &[(F3, &[3])]),
            route_at(inst, TEAM_A, 1, 540, &[(F2, &[2])]),
        ],
        unscheduled: vec![Unscheduled {
            task: 4,
            reason: Reason::NoTeamCoversDepartment,
        }],
    }
}

/// Pins task `task` to `team` and/or `day` as row `line` of pins.csv would, narrowing its
/// window to a pinned day inside it, the way ingest does.
pub fn pin(
    inst: &mut Instance,
    task: TaskIndex,
    team: Option<usize>,
    day: Option<usize>,
    line: u32,
) {
    let t = &mut inst.tasks[task];
    if let Some(d) = day.filter(|d| (t.first_day..=t.last_day).contains(d)) {
        t.first_day = d;
        t.last_day = d;
    }
    t.pin = Some(chayici::model::TaskPin {
        team,
        day,
        loc: Loc::line("pins.csv", line, None),
    });
}
