//! Provides conversion between GCJ-02 and BD-09, the further offset Baidu Maps applies.
//!
//! Baidu's links take BD-09 coordinates (`coord_type=bd09ll`); handing them GCJ-02 or WGS-84
//! puts the marker a few hundred metres off, on the wrong side of a street. The transform is
//! the one Baidu's own SDK documents (a small rotation and scaling around the origin plus a
//! fixed shift). The published inverse is off by up to a metre or so, so it only starts the
//! inverse here, which then iterates the forward transform to about a centimetre.

use crate::model::Point;
use std::f64::consts::PI;

const X_PI: f64 = PI * 3000.0 / 180.0;

/// GCJ-02 to BD-09.
pub fn gcj02_to_bd09(g: Point) -> Point {
    let (x, y) = (g.lon, g.lat);
    let z = x.hypot(y) + 0.000_02 * (y * X_PI).sin();
    let theta = y.atan2(x) + 0.000_003 * (x * X_PI).cos();
    Point::new(z * theta.cos() + 0.0065, z * theta.sin() + 0.006)
}

/// BD-09 to GCJ-02: the published approximation, refined.
pub fn bd09_to_gcj02(b: Point) -> Point {
    let mut g = published_inverse(b);
    for _ in 0..8 {
        let back = gcj02_to_bd09(g);
        let (e_lon, e_lat) = (back.lon - b.lon, back.lat - b.lat);
        g = Point::new(g.lon - e_lon, g.lat - e_lat);
        if e_lon.abs() < 1e-10 && e_lat.abs() < 1e-10 {
            break;
        }
    }
    g
}

/// The inverse Baidu publishes, which maps apps and libraries use as is.
fn published_inverse(b: Point) -> Point {
    let (x, y) = (b.lon - 0.0065, b.lat - 0.006);
    let z = x.hypot(y) - 0.000_02 * (y * X_PI).sin();
    let theta = y.atan2(x) - 0.000_003 * (x * X_PI).cos();
    Point::new(z * theta.cos(), z * theta.sin())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::spatial::great_circle_km;

    fn close(a: Point, lon: f64, lat: f64) -> bool {
        (a.lon - lon).abs() < 1e-6 && (a.lat - lat).abs() < 1e-6
    }

    /// The reference values published with the widely used `coordtransform` library.
    #[test]
    fn matches_published_reference_points() {
        let b = gcj02_to_bd09(Point::new(116.404, 39.915));
        assert!(
            close(b, 116.410_369_493_710_29, 39.921_336_993_510_21),
            "{b:?}"
        );
        let g = published_inverse(Point::new(116.404, 39.915));
        assert!(
            close(g, 116.397_627_291_193_15, 39.908_656_739_576_31),
            "{g:?}"
        );
        let g = bd09_to_gcj02(Point::new(116.404, 39.915));
        assert!(
            great_circle_km(g, Point::new(116.397_627, 39.908_657)) < 0.002,
            "{g:?}"
        );
    }

    #[test]
    fn offset_near_changshan_is_several_hundred_metres_north_east() {
        let g = Point::new(118.51, 28.90);
        let b = gcj02_to_bd09(g);
        assert!(b.lon > g.lon && b.lat > g.lat, "{b:?}");
        let m = great_circle_km(g, b) * 1000.0;
        assert!((600.0..1200.0).contains(&m), "{m}");
    }

    #[test]
    fn inverse_round_trips_within_a_decimetre() {
        for &(lon, lat) in &[
            (118.505, 28.904),
            (116.39, 39.9),
            (121.47, 31.23),
            (87.6, 43.8),
        ] {
            let g = Point::new(lon, lat);
            let back = bd09_to_gcj02(gcj02_to_bd09(g));
            assert!(great_circle_km(g, back) * 1000.0 < 0.1, "{lon},{lat}");
        }
    }
}
