//! Maps a Solomon instance onto the planner's model, so that the county planner's routing
//! engine solves it unchanged.
//!
//! One working day; each customer is a firm with one task (on-site minutes = service time,
//! demand = its load); each vehicle is a team based at the depot, with the depot's window as
//! its shift and the vehicle capacity as its daily capacity; one department covered by all.
//! Solomon says service must *start* by the due date; the firm's opening window is therefore
//! `[ready, due + service]`, since work fits the window exactly when it starts by `due`.
//!
//! The model's clock is whole units, so Solomon time is scaled by [`TIME_SCALE`] and every
//! drive rounded up: a plan feasible in the model is feasible in real numbers, which the
//! double-precision checker then confirms. Distances stay exact in the travel table.

use super::parse::{Customer, SolomonInstance};
use crate::model::{
    Calendar, Department, DeptSet, Firm, Instance, ObjectiveWeights, OpeningHours, Point, Priority,
    Settings, Shift, Task, Team, TimeWindow, TravelTable,
};
use chrono::NaiveDate;

/// Model time units per Solomon time unit: drives are at most 1/1000 of a unit pessimistic.
pub const TIME_SCALE: f64 = 1000.0;

/// Weight of one vehicle: more than any Solomon instance's total distance, so that fewer
/// vehicles always win, as the hierarchical objective of the best-known solutions demands.
pub const VEHICLE_WEIGHT: f64 = 100_000.0;

/// The planner's instance for `s`: firm `i` is `s.customers[i]`, team `k` is vehicle `k`.
pub fn to_instance(s: &SolomonInstance) -> Instance {
    let date = NaiveDate::from_ymd_opt(2026, 1, 5).expect("a valid date");
    let firms: Vec<Firm> = s.customers.iter().map(|c| firm(s, c)).collect();
    let tasks: Vec<Task> = s
        .customers
        .iter()
        .enumerate()
        .map(|(i, c)| Task {
            id: format!("c{}", c.id),
            department: 0,
            firm: i,
            item: "delivery".into(),
            first_day: 0,
            last_day: 0,
            minutes: up(c.service),
            priority: Priority::Mandatory,
            demand: c.demand.ceil() as u32,
            source: String::new(),
            loc: crate::model::Loc::line(&s.name, c.id + 10, None),
            pin: None,
        })
        .collect();
    let shift = Shift {
        windows: vec![window(up(s.depot.ready), down(s.depot.due))],
    };
    let teams: Vec<Team> = (0..s.vehicles)
        .map(|k| Team {
            id: format!("v{}", k + 1),
            name: format!("vehicle {}", k + 1),
            departments: DeptSet::single(0),
            base: point(&s.depot),
            shift: shift.clone(),
            available: vec![true],
            capacity_per_day: Some(s.capacity.floor() as u32),
            max_days: None,
        })
        .collect();
    let mut nodes: Vec<&Customer> = s.customers.iter().collect();
    nodes.extend(std::iter::repeat_n(&s.depot, s.vehicles));
    let table = TravelTable::from_fn(nodes.len(), |a, b| {
        let d = SolomonInstance::distance(nodes[a], nodes[b]);
        (d, up(d))
    });
    Instance {
        name: s.name.clone(),
        calendar: Calendar {
            dates: vec![date],
            working: vec![true],
        },
        departments: vec![Department {
            code: "vrptw".into(),
            name: "VRPTW".into(),
        }],
        firms,
        tasks,
        teams,
        settings: Settings {
            visit_setup_minutes: 0,
            road_factor: 1.0,
            speed_kmh: 60.0,
            weights: weights(),
            ..Settings::default()
        },
        travel_table: Some(table),
        month: Default::default(),
    }
}

/// Vehicles first, then distance; every customer is mandatory and worth more than a vehicle.
fn weights() -> ObjectiveWeights {
    ObjectiveWeights {
        unscheduled_mandatory: 1_000.0 * VEHICLE_WEIGHT,
        unscheduled_normal: 1_000.0 * VEHICLE_WEIGHT,
        unscheduled_low: 1_000.0 * VEHICLE_WEIGHT,
        visit: 0.0,
        route: VEHICLE_WEIGHT,
        travel_km: 1.0,
        balance_minute: 0.0,
        ..ObjectiveWeights::default()
    }
}

/// A customer as a firm open `[ready, due + service]` (never empty, so that a zero-length
/// service at a zero-length window can still be placed; the checker judges it).
fn firm(s: &SolomonInstance, c: &Customer) -> Firm {
    let start = up(c.ready);
    let end = down(c.due + c.service).min(down(s.depot.due));
    Firm {
        id: c.id.to_string(),
        name: format!("customer {}", c.id),
        address: String::new(),
        township: String::new(),
        point: point(c),
        industry: String::new(),
        risk: String::new(),
        hours: OpeningHours::always(vec![window(start, end)]),
        contact: String::new(),
        phone: String::new(),
        notes: String::new(),
        extra: Vec::new(),
    }
}

/// A window that is never empty.
fn window(start: u32, end: u32) -> TimeWindow {
    TimeWindow::new(start, end.max(start + 1))
}

/// A pseudo-geographic point near 120°E 30°N, 1/1000 degree per Solomon unit, so that code
/// drawing maps or grouping nearby firms sees the instance's geometry.
fn point(c: &Customer) -> Point {
    Point::new(120.0 + c.x / 1000.0, 30.0 + c.y / 1000.0)
}

/// Scaled time rounded up: durations, drives and openings are never shortened or advanced.
fn up(t: f64) -> u32 {
    (t * TIME_SCALE).ceil() as u32
}

/// Scaled time rounded down: deadlines are never lengthened.
fn down(t: f64) -> u32 {
    (t * TIME_SCALE).floor() as u32
}
