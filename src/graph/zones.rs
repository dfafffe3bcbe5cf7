//! Splits the firms into zones that can be planned apart: groups no closer than a linking
//! distance to one another (single linkage), or the townships.
//!
//! A team rarely drives between firms far apart on one day, so zones separated by more than
//! a day's sensible detour lose little when planned independently, and each zone is small
//! enough for the exact and MILP stages.

use crate::model::{FirmIndex, Instance};
use crate::spatial::great_circle_km;
use petgraph::unionfind::UnionFind;
use std::collections::{BTreeMap, HashMap};

/// Firms split into zones.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Zones {
    /// The firms of each zone in increasing order; zones ordered by their first firm.
    pub members: Vec<Vec<FirmIndex>>,
    /// The zone of each firm of the instance, `None` for firms left out.
    pub zone_of: Vec<Option<usize>>,
}

impl Zones {
    fn from_labels(n_firms: usize, firms: &[FirmIndex], label: impl Fn(usize) -> usize) -> Self {
        let mut members: Vec<Vec<FirmIndex>> = Vec::new();
        let mut zone_of = vec![None; n_firms];
        let mut by_label: HashMap<usize, usize> = HashMap::new();
        let mut sorted: Vec<(FirmIndex, usize)> =
            firms.iter().enumerate().map(|(i, &f)| (f, i)).collect();
        sorted.sort_unstable();
        for (f, i) in sorted {
            let z = *by_label.entry(label(i)).or_insert_with(|| {
                members.push(Vec::new());
                members.len() - 1
            });
            members[z].push(f);
            zone_of[f] = Some(z);
        }
        Self { members, zone_of }
    }

    /// Number of zones.
    pub fn len(&self) -> usize {
        self.members.len()
    }

    /// True when there is no zone.
    pub fn is_empty(&self) -> bool {
        self.members.is_empty()
    }
}

/// Zones of `firms` linked by chains of firms at most `link_km` apart (great-circle).
///
/// Candidate pairs come from a grid of cells at least `link_km` wide, so the work is about
/// linear in the firms rather than quadratic.
pub fn linkage_zones(inst: &Instance, firms: &[FirmIndex], link_km: f64) -> Zones {
    let n = firms.len();
    let mut uf = UnionFind::<usize>::new(n);
    if link_km > 0.0 && n > 1 {
        const KM_PER_DEG_LAT: f64 = 111.19;
        let max_abs_lat = firms
            .iter()
            .map(|&f| inst.firms[f].point.lat.abs())
            .fold(0.0_f64, f64::max)
            .min(89.0);
        let cell_lat = link_km / KM_PER_DEG_LAT;
        let cell_lon = link_km / (KM_PER_DEG_LAT * max_abs_lat.to_radians().cos());
        let cell = |i: usize| {
            let p = inst.firms[firms[i]].point;
            (
                (p.lon / cell_lon).floor() as i64,
                (p.lat / cell_lat).floor() as i64,
            )
        };
        let mut grid: BTreeMap<(i64, i64), Vec<usize>> = BTreeMap::new();
        for i in 0..n {
            grid.entry(cell(i)).or_default().push(i);
        }
        for i in 0..n {
            let (cx, cy) = cell(i);
            let pi = inst.firms[firms[i]].point;
            for dx in -1..=1 {
                for dy in -1..=1 {
                    let Some(others) = grid.get(&(cx + dx, cy + dy)) else {
                        continue;
                    };
                    for &j in others.iter().filter(|&&j| j > i) {
                        if great_circle_km(pi, inst.firms[firms[j]].point) <= link_km {
                            uf.union(i, j);
                        }
                    }
                }
            }
        }
    }
    Zones::from_labels(inst.firms.len(), firms, |i| uf.find(i))
}

/// Zones of every firm that has at least one task, linked within `link_km`.
pub fn task_zones(inst: &Instance, link_km: f64) -> Zones {
    let firms: Vec<FirmIndex> = inst
        .tasks_by_firm()
        .iter()
        .enumerate()
        .filter(|(_, t)| !t.is_empty())
        .map(|(f, _)| f)
        .collect();
    linkage_zones(inst, &firms, link_km)
}

/// One zone per township (乡镇/街道), the split a county office already works with.
pub fn township_zones(inst: &Instance, firms: &[FirmIndex]) -> Zones {
    let mut names: Vec<&str> = firms
        .iter()
        .map(|&f| inst.firms[f].township.as_str())
        .collect();
    names.sort_unstable();
    names.dedup();
    Zones::from_labels(inst.firms.len(), firms, |i| {
        let name = inst.firms[firms[i]].township.as_str();
        names.binary_search(&name).unwrap_or(0)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::synth::{SynthParams, random_instance};

    fn brute_force(inst: &Instance, firms: &[FirmIndex], link_km: f64) -> Vec<Vec<FirmIndex>> {
        let n = firms.len();
        let mut uf = UnionFind::<usize>::new(n);
        for i in 0..n {
            for j in i + 1..n {
                let d = great_circle_km(inst.firms[firms[i]].point, inst.firms[firms[j]].point);
                if d <= link_km {
                    uf.union(i, j);
                }
            }
        }
        Zones::from_labels(inst.firms.len(), firms, |i| uf.find(i)).members
    }

    #[test]
    fn grid_linkage_equals_all_pairs_linkage() {
        let inst = random_instance(
            8,
            &SynthParams {
                firms: 120,
                spread_deg: 0.3,
                ..SynthParams::default()
            },
        );
        let firms: Vec<FirmIndex> = (0..120).collect();
        for link in [0.0, 1.0, 3.0, 6.0, 100.0] {
            let z = linkage_zones(&inst, &firms, link);
            assert_eq!(z.members, brute_force(&inst, &firms, link), "{link}");
            for (k, m) in z.members.iter().enumerate() {
                assert!(m.iter().all(|&f| z.zone_of[f] == Some(k)));
            }
        }
        assert_eq!(linkage_zones(&inst, &firms, 0.0).len(), 120);
        assert_eq!(linkage_zones(&inst, &firms, 1000.0).len(), 1);
    }

    #[test]
    fn townships_group_firms() {
        let inst = random_instance(1, &SynthParams::default());
        let firms: Vec<FirmIndex> = (0..inst.firms.len()).collect();
        let z = township_zones(&inst, &firms);
        for m in &z.members {
            assert!(
                m.iter()
                    .all(|&f| inst.firms[f].township == inst.firms[m[0]].township)
            );
        }
        assert_eq!(z.members.concat().len(), inst.firms.len());
        assert_eq!(task_zones(&inst, 1000.0).len(), 1);
    }
}
