//! Provides departments and a compact set of them.

use serde::{Deserialize, Serialize};

/// Index of a department in [`crate::model::Instance::departments`].
pub type DeptIndex = usize;

/// The most departments one workspace may name; a county has about ten, and a bit set of this
/// width keeps coverage checks to one instruction in the planner's inner loops.
pub const MAX_DEPARTMENTS: usize = 64;

/// An inspecting body (市场监管, 消防救援 …).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Department {
    /// The string plans and teams use for it (a short code such as `scjg`, or a name).
    pub code: String,
    /// Display name (from `departments.csv`, else the code).
    pub name: String,
}

/// A set of departments as a bit set over [`DeptIndex`].
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
pub struct DeptSet(pub u64);

impl DeptSet {
    /// The empty set.
    pub const EMPTY: DeptSet = DeptSet(0);

    /// The set holding only `d`.
    pub fn single(d: DeptIndex) -> Self {
        debug_assert!(d < MAX_DEPARTMENTS);
        DeptSet(1u64 << d)
    }

    /// Adds `d`.
    pub fn insert(&mut self, d: DeptIndex) {
        self.0 |= Self::single(d).0;
    }

    /// True when `d` is in the set.
    pub fn contains(&self, d: DeptIndex) -> bool {
        d < MAX_DEPARTMENTS && self.0 & (1u64 << d) != 0
    }

    /// True when every department of `other` is in `self`.
    pub fn covers(&self, other: DeptSet) -> bool {
        other.0 & !self.0 == 0
    }

    /// The union of both sets.
    pub fn union(self, other: DeptSet) -> Self {
        DeptSet(self.0 | other.0)
    }

    /// Number of departments.
    pub fn len(&self) -> usize {
        self.0.count_ones() as usize
    }

    /// True when no department is in the set.
    pub fn is_empty(&self) -> bool {
        self.0 == 0
    }

    /// The departments in increasing index order.
    pub fn iter(&self) -> impl Iterator<Item = DeptIndex> + '_ {
        let bits = self.0;
        (0..MAX_DEPARTMENTS).filter(move |d| bits & (1u64 << d) != 0)
    }
}

impl FromIterator<DeptIndex> for DeptSet {
    fn from_iter<I: IntoIterator<Item = DeptIndex>>(iter: I) -> Self {
        let mut s = DeptSet::EMPTY;
        for d in iter {
            s.insert(d);
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn covers_is_subset() {
        let team: DeptSet = [0, 2, 5].into_iter().collect();
        assert!(team.covers([0, 5].into_iter().collect()));
        assert!(!team.covers([1].into_iter().collect()));
        assert!(team.covers(DeptSet::EMPTY));
        assert_eq!(team.iter().collect::<Vec<_>>(), vec![0, 2, 5]);
        assert_eq!(team.len(), 3);
    }
}
