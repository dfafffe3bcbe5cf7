//! Provides the driving legs of a route, shared by every writer so that plan.json, routes.csv
//! and the map agree on each leg's kilometres and minutes.

use crate::model::{Instance, Point, Route};
use crate::spatial::Travel;

/// One drive between two stops.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Leg {
    /// Road kilometres.
    pub km: f64,
    /// Driving minutes, rounded up as the travel model does.
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

/// The legs reaching each visit, then the leg back to base (one more than the visits).
pub fn route_legs(inst: &Instance, r: &Route) -> Vec<Leg> {
    let travel = Travel::from_settings(&inst.settings);
    route_points(inst, r)
        .windows(2)
        .map(|p| Leg {
            km: travel.km(p[0], p[1]),
            minutes: travel.minutes(p[0], p[1]),
        })
        .collect()
}
