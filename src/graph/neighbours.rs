//! Lists each firm's nearest firms, the candidate moves of the planner's neighbourhood search
//! (a visit is worth moving next to a visit nearby, rarely to one across the county).

use crate::model::{FirmIndex, Instance};
use crate::spatial::great_circle_km;
use rayon::prelude::*;

/// For every firm, up to `k` other firms in increasing distance (ties by index).
///
/// The road factor is the same for every pair, so great-circle order is road order.
/// Quadratic in the firms, parallel over them: well under a second for a county's few
/// thousand firms.
pub fn nearest_firms(inst: &Instance, k: usize) -> Vec<Vec<FirmIndex>> {
    let firms: Vec<FirmIndex> = (0..inst.firms.len()).collect();
    nearest_among(inst, &firms, k)
}

/// For every firm of `firms`, up to `k` others of `firms` in increasing distance (ties by
/// index); the answer is in the order of `firms`.
pub fn nearest_among(inst: &Instance, firms: &[FirmIndex], k: usize) -> Vec<Vec<FirmIndex>> {
    firms
        .par_iter()
        .map(|&a| {
            let pa = inst.firms[a].point;
            let mut others: Vec<(f64, FirmIndex)> = firms
                .iter()
                .filter(|&&b| b != a)
                .map(|&b| (great_circle_km(pa, inst.firms[b].point), b))
                .collect();
            let by_distance = |x: &(f64, FirmIndex), y: &(f64, FirmIndex)| {
                x.0.total_cmp(&y.0).then(x.1.cmp(&y.1))
            };
            if others.len() > k && k > 0 {
                others.select_nth_unstable_by(k - 1, by_distance);
            }
            others.truncate(k);
            others.sort_unstable_by(by_distance);
            others.into_iter().map(|(_, b)| b).collect()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::synth::{SynthParams, random_instance};

    #[test]
    fn neighbours_are_sorted_and_exclude_the_firm_itself() {
        let inst = random_instance(
            4,
            &SynthParams {
                firms: 30,
                ..SynthParams::default()
            },
        );
        let nn = nearest_firms(&inst, 5);
        assert_eq!(nn.len(), 30);
        for (a, list) in nn.iter().enumerate() {
            assert_eq!(list.len(), 5);
            assert!(!list.contains(&a));
            let d = |b: usize| great_circle_km(inst.firms[a].point, inst.firms[b].point);
            assert!(list.windows(2).all(|w| d(w[0]) <= d(w[1])));
            // Nobody outside the list is nearer than its farthest member.
            let far = d(list[4]);
            assert!(
                (0..30)
                    .filter(|b| *b != a && !list.contains(b))
                    .all(|b| d(b) >= far)
            );
        }
        assert!(nearest_firms(&inst, 0).iter().all(Vec::is_empty));
        assert!(nearest_firms(&inst, 100).iter().all(|l| l.len() == 29));
    }
}
