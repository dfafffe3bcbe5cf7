//! Provides conversion between GCJ-02 (the offset system of most Chinese web maps) and WGS-84.
//!
//! The forward transform is the widely published polynomial on the Krasovsky ellipsoid; the
//! inverse iterates the forward transform, which converges to well under a metre in a few
//! steps. Points outside China are not offset, as the maps do.

use crate::model::Point;
use std::f64::consts::PI;

const A: f64 = 6_378_245.0;
const EE: f64 = 0.006_693_421_622_965_943;

/// True when the point lies outside the rough rectangle in which GCJ-02 applies an offset.
pub fn outside_china(p: Point) -> bool {
    !(72.004..=137.8347).contains(&p.lon) || !(0.8293..=55.8271).contains(&p.lat)
}

fn transform_lat(x: f64, y: f64) -> f64 {
    let mut r = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * x.abs().sqrt();
    r += (20.0 * (6.0 * x * PI).sin() + 20.0 * (2.0 * x * PI).sin()) * 2.0 / 3.0;
    r += (20.0 * (y * PI).sin() + 40.0 * (y / 3.0 * PI).sin()) * 2.0 / 3.0;
    r += (160.0 * (y / 12.0 * PI).sin() + 320.0 * (y * PI / 30.0).sin()) * 2.0 / 3.0;
    r
}

fn transform_lon(x: f64, y: f64) -> f64 {
    let mut r = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * x.abs().sqrt();
    r += (20.0 * (6.0 * x * PI).sin() + 20.0 * (2.0 * x * PI).sin()) * 2.0 / 3.0;
    r += (20.0 * (x * PI).sin() + 40.0 * (x / 3.0 * PI).sin()) * 2.0 / 3.0;
    r += (150.0 * (x / 12.0 * PI).sin() + 300.0 * (x / 30.0 * PI).sin()) * 2.0 / 3.0;
    r
}

/// The GCJ-02 offset (degrees of longitude, latitude) at a WGS-84 point.
fn offset(p: Point) -> (f64, f64) {
    let x = p.lon - 105.0;
    let y = p.lat - 35.0;
    let rad_lat = p.lat / 180.0 * PI;
    let magic = 1.0 - EE * rad_lat.sin() * rad_lat.sin();
    let sqrt_magic = magic.sqrt();
    let d_lat = transform_lat(x, y) * 180.0 / ((A * (1.0 - EE)) / (magic * sqrt_magic) * PI);
    let d_lon = transform_lon(x, y) * 180.0 / (A / sqrt_magic * rad_lat.cos() * PI);
    (d_lon, d_lat)
}

/// WGS-84 to GCJ-02.
pub fn wgs84_to_gcj02(p: Point) -> Point {
    if outside_china(p) {
        return p;
    }
    let (d_lon, d_lat) = offset(p);
    Point::new(p.lon + d_lon, p.lat + d_lat)
}

/// GCJ-02 to WGS-84, iterated to about a centimetre.
pub fn gcj02_to_wgs84(g: Point) -> Point {
    if outside_china(g) {
        return g;
    }
    let mut w = g;
    for _ in 0..8 {
        let back = wgs84_to_gcj02(w);
        let (e_lon, e_lat) = (back.lon - g.lon, back.lat - g.lat);
        w = Point::new(w.lon - e_lon, w.lat - e_lat);
        if e_lon.abs() < 1e-9 && e_lat.abs() < 1e-9 {
            break;
        }
    }
    w
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::spatial::great_circle_km;

    #[test]
    fn offset_near_changshan_is_about_585_m() {
        let w = Point::new(118.505, 28.904);
        let g = wgs84_to_gcj02(w);
        assert!((g.lon - w.lon - 0.0049).abs() < 0.0006, "{g:?}");
        assert!((g.lat - w.lat + 0.0031).abs() < 0.0006, "{g:?}");
        let m = great_circle_km(w, g) * 1000.0;
        assert!((450.0..700.0).contains(&m), "{m}");
    }

    #[test]
    fn inverse_round_trips_within_a_decimetre() {
        for &(lon, lat) in &[
            (118.505, 28.904),
            (116.39, 39.9),
            (121.47, 31.23),
            (87.6, 43.8),
        ] {
            let w = Point::new(lon, lat);
            let back = gcj02_to_wgs84(wgs84_to_gcj02(w));
            assert!(great_circle_km(w, back) * 1000.0 < 0.1, "{lon},{lat}");
        }
    }

    #[test]
    fn points_outside_china_are_unchanged() {
        let p = Point::new(2.35, 48.85);
        assert_eq!(wgs84_to_gcj02(p), p);
        assert_eq!(gcj02_to_wgs84(p), p);
    }
}
