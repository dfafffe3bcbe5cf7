//! Provides places and an optional table of travel between them, with the one accessor every
//! stage uses for travel, so that a distance/time matrix given with an instance (a road
//! network's answers, a benchmark's exact distances) is honoured by the planner, the checker
//! and the writers alike.

use super::{FirmIndex, Instance, Point, TeamIndex, Travel};
use serde::{Deserialize, Serialize};

/// A place a team can be: a firm, or a team's base.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Place {
    /// A firm of the register.
    Firm(FirmIndex),
    /// The base of a team.
    Base(TeamIndex),
}

/// Kilometres and driving minutes for every ordered pair of places, firms first, then team
/// bases, row-major; it replaces the great-circle model wherever it is given.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TravelTable {
    size: usize,
    km: Vec<f64>,
    minutes: Vec<u32>,
}

impl TravelTable {
    /// A table over `size` places, filled by `f(from, to) = (km, minutes)`.
    pub fn from_fn(size: usize, mut f: impl FnMut(usize, usize) -> (f64, u32)) -> Self {
        let mut km = Vec::with_capacity(size * size);
        let mut minutes = Vec::with_capacity(size * size);
        for a in 0..size {
            for b in 0..size {
                let (k, m) = f(a, b);
                km.push(k);
                minutes.push(m);
            }
        }
        Self { size, km, minutes }
    }

    /// Number of places the table covers.
    pub fn len(&self) -> usize {
        self.size
    }

    /// True when the table covers no place.
    pub fn is_empty(&self) -> bool {
        self.size == 0
    }

    /// Kilometres from place row `a` to place row `b`.
    pub fn km(&self, a: usize, b: usize) -> f64 {
        self.km[a * self.size + b]
    }

    /// Driving minutes from place row `a` to place row `b`.
    pub fn minutes(&self, a: usize, b: usize) -> u32 {
        self.minutes[a * self.size + b]
    }
}

impl Instance {
    /// The row of a place in a [`TravelTable`]: firms first, then team bases.
    pub fn place_index(&self, p: Place) -> usize {
        match p {
            Place::Firm(f) => f,
            Place::Base(t) => self.firms.len() + t,
        }
    }

    /// Where a place lies.
    pub fn place_point(&self, p: Place) -> Point {
        match p {
            Place::Firm(f) => self.firms[f].point,
            Place::Base(t) => self.teams[t].base,
        }
    }

    /// The table to read, when one is given and covers every place; a table of another size
    /// (an instance edited after the table was attached) is ignored rather than misread.
    fn table(&self) -> Option<&TravelTable> {
        self.travel_table
            .as_ref()
            .filter(|t| t.len() == self.firms.len() + self.teams.len())
    }

    /// Road kilometres from `a` to `b`: the table's when given, else the great-circle model's.
    pub fn travel_km(&self, a: Place, b: Place) -> f64 {
        match self.table() {
            Some(t) => t.km(self.place_index(a), self.place_index(b)),
            None => {
                Travel::from_settings(&self.settings).km(self.place_point(a), self.place_point(b))
            }
        }
    }

    /// Whole driving minutes from `a` to `b`: the table's when given, else the great-circle
    /// model's, rounded up.
    pub fn travel_minutes(&self, a: Place, b: Place) -> u32 {
        match self.table() {
            Some(t) => t.minutes(self.place_index(a), self.place_index(b)),
            None => Travel::from_settings(&self.settings)
                .minutes(self.place_point(a), self.place_point(b)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::devtools::synth::{SynthParams, random_instance};

    #[test]
    fn a_table_replaces_the_great_circle_model_and_a_wrong_sized_one_is_ignored() {
        let mut inst = random_instance(3, &SynthParams::default());
        let (a, b) = (Place::Firm(0), Place::Base(0));
        let travel = Travel::from_settings(&inst.settings);
        let model = travel.minutes(inst.place_point(a), inst.place_point(b));
        assert_eq!(inst.travel_minutes(a, b), model);
        let size = inst.firms.len() + inst.teams.len();
        inst.travel_table = Some(TravelTable::from_fn(size, |x, y| ((x + y) as f64, 7)));
        assert_eq!(inst.travel_minutes(a, b), 7);
        assert_eq!(inst.travel_km(a, b), inst.firms.len() as f64);
        inst.travel_table = Some(TravelTable::from_fn(size - 1, |_, _| (1.0, 7)));
        assert_eq!(inst.travel_minutes(a, b), model);
    }
}
