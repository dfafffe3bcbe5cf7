//! Provides the coordinate rules (E1101–E1105), and the reading of a point from two cells.

use crate::diag::Diagnostic;
use crate::i18n::Key;
use crate::ingest::codes;
use crate::ingest::table::Cell;
use crate::ingest::toml_config::Crs;
use crate::model::{Loc, Point};
use crate::msg;
use crate::spatial::gcj02::gcj02_to_wgs84;

/// Longitudes and latitudes of mainland China and its islands, with a margin.
const CHINA_LON: std::ops::RangeInclusive<f64> = 73.0..=136.0;
const CHINA_LAT: std::ops::RangeInclusive<f64> = 3.0..=54.0;

/// E1101: a coordinate is present.
pub fn e1101_coord_missing<'a>(
    cell: Option<&'a Cell>,
    what: Key,
    row: &Loc,
) -> Result<&'a Cell, Diagnostic> {
    cell.ok_or_else(|| {
        Diagnostic::error(
            codes::COORD_MISSING,
            row.clone(),
            msg!(E1101Missing, what = what),
        )
        .with_help(Key::E1101Help)
    })
}

/// E1102: a coordinate is a decimal number (a trailing `°` is accepted).
pub fn e1102_coord_not_number(cell: &Cell, what: Key) -> Result<f64, Diagnostic> {
    let t = cell.text.trim_end_matches('°').trim();
    t.parse::<f64>()
        .ok()
        .filter(|v| v.is_finite())
        .ok_or_else(|| {
            Diagnostic::error(
                codes::COORD_NOT_NUMBER,
                cell.loc.clone(),
                msg!(NotANumber, what = what, text = &cell.text),
            )
            .with_help(Key::E1102Help)
        })
}

/// E1105: the pair looks swapped (a latitude that is a Chinese longitude and vice versa).
pub fn e1105_coord_swapped(lon: f64, lat: f64, loc: &Loc) -> Option<Diagnostic> {
    (CHINA_LON.contains(&lat) && CHINA_LAT.contains(&lon) && !CHINA_LAT.contains(&lat)).then(|| {
        Diagnostic::error(
            codes::COORD_SWAPPED,
            loc.clone(),
            msg!(E1105Swapped, lon = lon, lat = lat),
        )
        .with_help(Key::E1105Help)
    })
}

/// E1103: longitude within -180..180 and latitude within -90..90.
pub fn e1103_coord_out_of_range(lon: f64, lat: f64, loc: &Loc) -> Option<Diagnostic> {
    (!(-180.0..=180.0).contains(&lon) || !(-90.0..=90.0).contains(&lat)).then(|| {
        Diagnostic::error(
            codes::COORD_OUT_OF_RANGE,
            loc.clone(),
            msg!(E1103Range, lon = lon, lat = lat),
        )
    })
}

/// E1104: the point lies in China.
pub fn e1104_coord_outside_china(lon: f64, lat: f64, loc: &Loc) -> Option<Diagnostic> {
    (!CHINA_LON.contains(&lon) || !CHINA_LAT.contains(&lat)).then(|| {
        Diagnostic::error(
            codes::COORD_OUTSIDE_CHINA,
            loc.clone(),
            msg!(E1104China, lon = lon, lat = lat),
        )
        .with_help(Key::E1104Help)
    })
}

/// Reads a point from a longitude and a latitude cell, converting from GCJ-02 when the
/// workspace says so. Pushes every problem found and returns the point when it is usable.
pub fn read_point(
    lon: Option<&Cell>,
    lat: Option<&Cell>,
    row: &Loc,
    crs: Crs,
    diags: &mut Vec<Diagnostic>,
) -> Option<Point> {
    let mut number = |cell: Option<&Cell>, what: Key| {
        e1101_coord_missing(cell, what, row)
            .and_then(|c| e1102_coord_not_number(c, what).map(|v| (v, c.loc.clone())))
            .map_err(|d| diags.push(d))
            .ok()
    };
    let lon = number(lon, Key::WordLongitude);
    let lat = number(lat, Key::WordLatitude);
    let ((lon, lon_loc), (lat, _)) = (lon?, lat?);
    let problem = e1105_coord_swapped(lon, lat, &lon_loc)
        .or_else(|| e1103_coord_out_of_range(lon, lat, &lon_loc))
        .or_else(|| e1104_coord_outside_china(lon, lat, &lon_loc));
    if let Some(d) = problem {
        diags.push(d);
        return None;
    }
    let p = Point::new(lon, lat);
    Some(match crs {
        Crs::Wgs84 => p,
        Crs::Gcj02 => gcj02_to_wgs84(p),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cell(t: &str, col: u32) -> Cell {
        Cell {
            text: t.into(),
            loc: Loc::line("f.csv", 2, Some(col)),
        }
    }

    fn codes_of(lon: &str, lat: &str) -> Vec<&'static str> {
        let mut d = Vec::new();
        let (a, b) = (cell(lon, 5), cell(lat, 6));
        let row = Loc::line("f.csv", 2, None);
        let lon = (!lon.is_empty()).then_some(&a);
        let lat = (!lat.is_empty()).then_some(&b);
        read_point(lon, lat, &row, Crs::Wgs84, &mut d);
        d.iter().map(|d| d.code).collect()
    }

    #[test]
    fn classifies_bad_coordinates() {
        assert!(codes_of("118.5", "28.9").is_empty());
        assert_eq!(codes_of("28.9", "118.5"), vec!["E1105"]);
        assert_eq!(codes_of("", "x"), vec!["E1101", "E1102"]);
        assert_eq!(codes_of("218.5", "28.9"), vec!["E1103"]);
        assert_eq!(codes_of("-118.5", "28.9"), vec!["E1104"]);
    }

    #[test]
    fn converts_gcj02() {
        let mut d = Vec::new();
        let (a, b) = (cell("118.5099", 5), cell("28.9009", 6));
        let p = read_point(Some(&a), Some(&b), &a.loc, Crs::Gcj02, &mut d).unwrap();
        assert!(
            (p.lon - 118.505).abs() < 0.001 && (p.lat - 28.904).abs() < 0.001,
            "{p:?}"
        );
    }
}
