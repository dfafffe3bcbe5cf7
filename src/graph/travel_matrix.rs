//! Precomputes road kilometres and driving minutes between every pair of places a route can
//! touch (firms and team bases), so the planner's inner loops read a table instead of
//! evaluating great circles.
//!
//! Memory grows as the square of the places (12 bytes a pair: about 300 MB for 5,000 firms),
//! so it suits a county or a zone of one; a caller with more places can keep calling
//! [`Instance::travel_km`] directly, which gives the same numbers (the instance's travel table
//! when it has one, else the great-circle model).

use crate::model::Instance;
pub use crate::model::Place;
use rayon::prelude::*;

/// Road kilometres and driving minutes between every pair of places; firms come first, then
/// team bases.
#[derive(Debug, Clone, PartialEq)]
pub struct TravelMatrix {
    firms: usize,
    size: usize,
    km: Vec<f64>,
    minutes: Vec<u32>,
}

impl TravelMatrix {
    /// The matrix of an instance under its travel settings or table; rows are filled in
    /// parallel.
    pub fn build(inst: &Instance) -> Self {
        let places: Vec<Place> = (0..inst.firms.len())
            .map(Place::Firm)
            .chain((0..inst.teams.len()).map(Place::Base))
            .collect();
        let size = places.len();
        let rows: Vec<(Vec<f64>, Vec<u32>)> = places
            .par_iter()
            .map(|&a| {
                let km = places.iter().map(|&b| inst.travel_km(a, b)).collect();
                let minutes = places.iter().map(|&b| inst.travel_minutes(a, b)).collect();
                (km, minutes)
            })
            .collect();
        let mut km = Vec::with_capacity(size * size);
        let mut minutes = Vec::with_capacity(size * size);
        for (k, m) in rows {
            km.extend(k);
            minutes.extend(m);
        }
        Self {
            firms: inst.firms.len(),
            size,
            km,
            minutes,
        }
    }

    /// Number of places (firms plus bases).
    pub fn len(&self) -> usize {
        self.size
    }

    /// True when there is no place at all.
    pub fn is_empty(&self) -> bool {
        self.size == 0
    }

    /// The row or column of a place.
    pub fn index(&self, p: Place) -> usize {
        match p {
            Place::Firm(f) => f,
            Place::Base(t) => self.firms + t,
        }
    }

    /// Road kilometres from `a` to `b`, as [`Instance::travel_km`] gives them.
    pub fn km(&self, a: Place, b: Place) -> f64 {
        self.km[self.index(a) * self.size + self.index(b)]
    }

    /// Driving minutes from `a` to `b`, as [`Instance::travel_minutes`] gives them.
    pub fn minutes(&self, a: Place, b: Place) -> u32 {
        self.minutes[self.index(a) * self.size + self.index(b)]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Point;
    use crate::spatial::Travel;
    use crate::synth::{SynthParams, random_instance};

    #[test]
    fn matches_the_travel_model_exactly() {
        let inst = random_instance(6, &SynthParams::default());
        let m = TravelMatrix::build(&inst);
        let travel = Travel::from_settings(&inst.settings);
        assert_eq!(m.len(), inst.firms.len() + inst.teams.len());
        let places: Vec<(Place, Point)> = (0..inst.firms.len())
            .map(|f| (Place::Firm(f), inst.firms[f].point))
            .chain((0..inst.teams.len()).map(|t| (Place::Base(t), inst.teams[t].base)))
            .collect();
        for &(a, pa) in &places {
            for &(b, pb) in &places {
                assert_eq!(m.km(a, b), travel.km(pa, pb));
                assert_eq!(m.minutes(a, b), travel.minutes(pa, pb));
            }
        }
    }
}
