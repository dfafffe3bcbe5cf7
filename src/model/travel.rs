//! Provides the travel model: great-circle distance times a road factor, over a speed.
//!
//! It lives with the domain types because an instance answers every travel question itself
//! ([`super::Instance::travel_km`]), falling back on this model where no table is given.

use super::{Point, Settings};
use geo::{Distance, Haversine};

/// Great-circle distance in kilometres.
pub fn great_circle_km(a: Point, b: Point) -> f64 {
    Haversine.distance(geo::Point::new(a.lon, a.lat), geo::Point::new(b.lon, b.lat)) / 1000.0
}

/// Road kilometres and whole driving minutes between two points.
///
/// Minutes are rounded up so that a plan timed with them is never optimistic, and so that the
/// planner and the checker, which both call this, agree to the minute.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Travel {
    /// Road distance over great-circle distance.
    pub road_factor: f64,
    /// Average driving speed in km/h.
    pub speed_kmh: f64,
}

impl Travel {
    /// The travel model of an instance's settings.
    pub fn from_settings(s: &Settings) -> Self {
        Self {
            road_factor: s.road_factor,
            speed_kmh: s.speed_kmh,
        }
    }

    /// Road kilometres from `a` to `b`.
    pub fn km(&self, a: Point, b: Point) -> f64 {
        great_circle_km(a, b) * self.road_factor
    }

    /// Driving minutes for `km` road kilometres, rounded up.
    pub fn minutes_for_km(&self, km: f64) -> u32 {
        if km <= 0.0 {
            return 0;
        }
        (km / self.speed_kmh * 60.0 - 1e-9).ceil().max(0.0) as u32
    }

    /// Driving minutes from `a` to `b`.
    pub fn minutes(&self, a: Point, b: Point) -> u32 {
        self.minutes_for_km(self.km(a, b))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_degree_of_latitude_is_about_111_km() {
        let d = great_circle_km(Point::new(118.5, 28.0), Point::new(118.5, 29.0));
        assert!((d - 111.2).abs() < 0.3, "{d}");
    }

    #[test]
    fn minutes_round_up_and_zero_distance_is_free() {
        let t = Travel {
            road_factor: 1.0,
            speed_kmh: 60.0,
        };
        assert_eq!(t.minutes_for_km(0.0), 0);
        assert_eq!(t.minutes_for_km(0.1), 1);
        assert_eq!(t.minutes_for_km(60.0), 60);
        let p = Point::new(118.5, 28.9);
        assert_eq!(t.minutes(p, p), 0);
    }
}
