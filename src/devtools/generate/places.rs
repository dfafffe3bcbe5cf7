//! Provides the geography of a generated county: township seats, and firm locations scattered
//! around them.

use super::Township;
use crate::model::Point;
use rand::Rng;
use std::collections::BTreeSet;

/// Kilometres per degree of latitude.
const KM_PER_DEG: f64 = 111.2;

/// Changshan's 14 divisions at their approximate seats (domain-facts.md), with the share of
/// firms each holds: the county seat and its neighbours are denser than the mountain townships.
const CHANGSHAN: [(&str, f64, f64, u32); 14] = [
    ("天马街道", 118.505, 28.904, 30),
    ("紫港街道", 118.535, 28.905, 14),
    ("金川街道", 118.490, 28.920, 12),
    ("辉埠镇", 118.530, 28.970, 9),
    ("招贤镇", 118.675, 28.925, 5),
    ("青石镇", 118.565, 28.895, 6),
    ("芳村镇", 118.550, 29.030, 5),
    ("白石镇", 118.420, 28.885, 4),
    ("球川镇", 118.330, 28.865, 5),
    ("何家乡", 118.462, 28.951, 3),
    ("同弓乡", 118.460, 28.870, 3),
    ("大桥头乡", 118.635, 28.955, 3),
    ("东案乡", 118.670, 28.960, 3),
    ("新昌乡", 118.620, 29.060, 3),
];

/// Changshan County's WGS-84 bounding box: lon min, lon max, lat min, lat max.
const CHANGSHAN_BOX: (f64, f64, f64, f64) = (118.252, 118.760, 28.770, 29.218);

/// Characters invented place names are built from.
const SYLLABLES: &[char] = &[
    '青', '石', '溪', '山', '桥', '塘', '湖', '岭', '源', '阳', '安', '平', '丰', '和', '新', '东',
    '西', '南', '北', '龙', '凤', '云', '泉', '林', '田', '河', '江', '岗', '峰', '竹', '梅', '桃',
    '花', '金', '银', '长', '永', '华', '兴', '昌', '宁', '福', '寿', '康', '乐', '明', '清', '白',
    '黄', '马', '茶', '柳', '松', '樟', '双', '三', '大', '上', '下', '中', '里', '坞', '溪', '岩',
];

/// The area a county's firms are kept inside.
#[derive(Debug, Clone, Copy)]
pub enum Bounds {
    /// A box: lon min, lon max, lat min, lat max.
    Box(f64, f64, f64, f64),
    /// A disc around a centre, radius in km.
    Disc(Point, f64),
}

impl Bounds {
    fn contains(&self, p: Point) -> bool {
        match *self {
            Bounds::Box(x0, x1, y0, y1) => (x0..=x1).contains(&p.lon) && (y0..=y1).contains(&p.lat),
            Bounds::Disc(c, r) => km_between(c, p) <= r,
        }
    }
}

/// Changshan's townships and bounding box.
pub fn changshan() -> (Vec<Township>, Bounds) {
    let towns = CHANGSHAN
        .iter()
        .map(|&(name, lon, lat, weight)| Township {
            name: name.to_string(),
            seat: Point::new(lon, lat),
            weight,
            urban: name.ends_with("街道"),
            division: "330822".to_string(),
        })
        .collect();
    let (a, b, c, d) = CHANGSHAN_BOX;
    (towns, Bounds::Box(a, b, c, d))
}

/// `n` invented townships around `centre` within `radius_km`, the first three being the urban
/// subdistricts (街道) of the county seat. Names are unique within `taken`, which is updated.
pub fn invent(
    rng: &mut impl Rng,
    centre: Point,
    radius_km: f64,
    n: usize,
    division: &str,
    taken: &mut BTreeSet<String>,
) -> Vec<Township> {
    let min_gap = radius_km * 0.9 / (n.max(1) as f64).sqrt();
    let mut seats: Vec<Point> = vec![centre];
    let mut tries = 0;
    while seats.len() < n {
        let urban = seats.len() < 3;
        let reach = if urban { radius_km * 0.15 } else { radius_km };
        let p = offset(
            centre,
            reach * rng.gen_range(0.0f64..1.0).sqrt(),
            rng.gen_range(0.0..360.0),
        );
        let gap = if urban { min_gap * 0.2 } else { min_gap };
        tries += 1;
        if tries > 2000 || seats.iter().all(|&s| km_between(s, p) >= gap) {
            seats.push(p);
        }
    }
    seats
        .into_iter()
        .enumerate()
        .map(|(i, seat)| {
            let urban = i < 3;
            let suffix = if urban {
                "街道"
            } else if rng.gen_bool(0.55) {
                "镇"
            } else {
                "乡"
            };
            let name = loop {
                let a = SYLLABLES[rng.gen_range(0..SYLLABLES.len())];
                let b = SYLLABLES[rng.gen_range(0..SYLLABLES.len())];
                let name = format!("{a}{b}{suffix}");
                if a != b && taken.insert(name.clone()) {
                    break name;
                }
            };
            let weight = match i {
                0 => 28,
                1 | 2 => 12,
                _ if suffix == "镇" => rng.gen_range(5..10),
                _ => rng.gen_range(2..5),
            };
            Township {
                name,
                seat,
                weight,
                urban,
                division: division.to_string(),
            }
        })
        .collect()
}

/// An invented county name such as `青溪县`, unique within `taken`.
pub fn county_name(rng: &mut impl Rng, taken: &mut BTreeSet<String>) -> String {
    loop {
        let a = SYLLABLES[rng.gen_range(0..SYLLABLES.len())];
        let b = SYLLABLES[rng.gen_range(0..SYLLABLES.len())];
        let name = format!("{a}{b}县");
        if a != b && taken.insert(name.clone()) {
            return name;
        }
    }
}

/// A firm location near `seat`: most within a couple of kilometres, a few far out, as shops
/// crowd a township's main street while quarries and farms sit up the valleys.
pub fn scatter(rng: &mut impl Rng, seat: Point, urban: bool, bounds: Bounds) -> Point {
    for _ in 0..50 {
        let u: f64 = rng.gen_range(0.0..1.0);
        let mean_km = if u < 0.8 {
            if urban { 0.7 } else { 1.0 }
        } else if u < 0.97 {
            3.0
        } else {
            8.0
        };
        let r = -mean_km * (1.0 - rng.gen_range(0.0f64..1.0)).ln();
        let p = offset(seat, r, rng.gen_range(0.0..360.0));
        if bounds.contains(p) {
            return p;
        }
    }
    seat
}

/// The point `km` away from `from` in compass direction `bearing_deg` (flat-earth, fine at
/// county scale).
fn offset(from: Point, km: f64, bearing_deg: f64) -> Point {
    let (s, c) = bearing_deg.to_radians().sin_cos();
    let dlat = km * c / KM_PER_DEG;
    let dlon = km * s / (KM_PER_DEG * from.lat.to_radians().cos());
    Point::new(from.lon + dlon, from.lat + dlat)
}

/// Great-circle kilometres, as the planner measures them.
pub fn km_between(a: Point, b: Point) -> f64 {
    crate::spatial::great_circle_km(a, b)
}

/// Rounds a coordinate to the six decimals the files carry, so the in-memory workspace says
/// exactly what the files say.
pub fn round6(x: f64) -> f64 {
    (x * 1e6).round() / 1e6
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;

    #[test]
    fn scattered_firms_stay_in_changshan() {
        let (towns, bounds) = changshan();
        let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(1);
        for t in &towns {
            for _ in 0..200 {
                assert!(bounds.contains(scatter(&mut rng, t.seat, t.urban, bounds)));
            }
        }
    }

    #[test]
    fn invented_townships_have_unique_names() {
        let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(2);
        let mut taken = BTreeSet::new();
        let towns = invent(
            &mut rng,
            Point::new(119.6, 29.1),
            25.0,
            14,
            "339921",
            &mut taken,
        );
        assert_eq!(towns.len(), 14);
        assert_eq!(taken.len(), 14);
        assert!(towns[0].urban && !towns[5].urban);
    }
}
