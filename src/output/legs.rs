//! Provides the driving legs of a route, shared by every writer so that plan.json, routes.csv
//! and the map agree on each leg's kilometres and minutes, and with the checker, since all
//! read travel through [`Instance::travel_km`] and [`Instance::travel_minutes`].

use crate::model::{Instance, Place, Point, Route};

/// One drive between two stops.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Leg {
    /// Road kilometres.
    pub km: f64,
    /// Driving minutes, rounded up as the travel model does (or as the travel table says).
    pub minutes: u32,
}

/// The stops of a route: base, each visited firm, base.
pub fn route_points(inst: &Instance, r: &Route) -> Vec<Point> {
    let base = inst.teams[r.team].base;
    std::iter::once(base)
        .chain(r.visits.iter().map(|v| inst.firms[v.firm].point))
        .chain(std::iter::once(base))
        .collect()
}

/// The places of a route: base, each visited firm, base.
pub fn route_places(r: &Route) -> Vec<Place> {
    std::iter::once(Place::Base(r.team))
        .chain(r.visits.iter().map(|v| Place::Firm(v.firm)))
        .chain(std::iter::once(Place::Base(r.team)))
        .collect()
}

/// The legs reaching each visit, then the leg back to base (one more than the visits).
pub fn route_legs(inst: &Instance, r: &Route) -> Vec<Leg> {
    route_places(r)
        .windows(2)
        .map(|p| Leg {
            km: inst.travel_km(p[0], p[1]),
            minutes: inst.travel_minutes(p[0], p[1]),
        })
        .collect()
}
