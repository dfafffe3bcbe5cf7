//! Precomputes road kilometres and driving minutes between every pair of places a route can
//! touch (firms and team bases), so the planner's inner loops read a table instead of
//! evaluating great circles.
//!
//! Memory grows as the square of the places (12 bytes a pair: about 300 MB for 5,000 firms),
//! so it suits a county or a zone of one; a caller with more places can keep calling
//! [`Travel`] directly, which gives the same numbers.
//!
//! Not done yet: reading a distance/time matrix file instead of the great-circle model (the
//! design's "unless a distance/time matrix file is given"). That needs a file format owned by
//! ingest; when it exists, a `TravelMatrix::from_table` constructor belongs here, and the
//! checker must read the same table.

use crate::model::{FirmIndex, Instance, Point, TeamIndex};
use crate::spatial::Travel;
use rayon::prelude::*;

/// A place a team can be: a firm, or a team's base.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Place {
    /// A firm of the register.
    Firm(FirmIndex),
    /// The base of a team.
    Base(TeamIndex),
}

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
    /// The matrix of an instance under its travel settings; rows are filled in parallel.
    pub fn build(inst: &Instance) -> Self {
        let travel = Travel::from_settings(&inst.settings);
        let points: Vec<Point> = inst
            .firms
            .iter()
            .map(|f| f.point)
            .chain(inst.teams.iter().map(|t| t.base))
            .collect();
        let size = points.len();
        let rows: Vec<(Vec<f64>, Vec<u32>)> = points
            .par_iter()
            .map(|&a| {
                let km: Vec<f64> = points.iter().map(|&b| travel.km(a, b)).collect();
                let minutes = km.iter().map(|&k| travel.minutes_for_km(k)).collect();
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

    /// Road kilometres from `a` to `b`, as [`Travel::km`] gives them.
    pub fn km(&self, a: Place, b: Place) -> f64 {
        self.km[self.index(a) * self.size + self.index(b)]
    }

    /// Driving minutes from `a` to `b`, as [`Travel::minutes`] gives them.
    pub fn minutes(&self, a: Place, b: Place) -> u32 {
        self.minutes[self.index(a) * self.size + self.index(b)]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
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
