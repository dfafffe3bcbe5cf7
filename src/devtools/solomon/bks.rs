//! Reads best-known solutions (`instance,vehicles,distance,source`), the table shipped with
//! the instances, so that every run prints how far it is from the literature.

use serde::Serialize;
use std::collections::BTreeMap;
use std::path::Path;

/// A best-known solution under the hierarchical objective (vehicles, then distance).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Bks {
    /// Vehicles used.
    pub vehicles: usize,
    /// Total distance, rounded to two decimals as published.
    pub distance: f64,
}

/// The table's rows by instance name (upper case); rows that cannot be read are skipped,
/// since a note in the `source` column must not hide the others.
pub fn parse_bks(text: &str) -> BTreeMap<String, Bks> {
    let mut rd = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut out = BTreeMap::new();
    for rec in rd.records().flatten() {
        let (Some(name), Some(v), Some(d)) = (rec.get(0), rec.get(1), rec.get(2)) else {
            continue;
        };
        if let (Ok(vehicles), Ok(distance)) = (v.trim().parse(), d.trim().parse()) {
            out.insert(name.trim().to_uppercase(), Bks { vehicles, distance });
        }
    }
    out
}

/// The best-known solution of `name` from `bks.csv` beside `instance_file`, when there is one.
pub fn bks_beside(instance_file: &Path, name: &str) -> Option<Bks> {
    let table = instance_file.parent()?.join("bks.csv");
    let text = std::fs::read_to_string(table).ok()?;
    parse_bks(&text).get(&name.trim().to_uppercase()).copied()
}

/// Distance over the best known, in percent.
pub fn gap_percent(distance: f64, bks: &Bks) -> f64 {
    crate::devtools::percent_above(distance, bks.distance)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_rows_with_commas_in_notes() {
        let t = "instance,vehicles,distance,source\nC101,10,828.94,SINTEF\n\
                 R101,19,1645.79,\"DISAGREEMENT: a, b\"\nbad,x,y,z\n";
        let m = parse_bks(t);
        assert_eq!(m.len(), 2);
        assert_eq!(m["R101"].vehicles, 19);
        assert!((gap_percent(870.387, &m["C101"]) - 5.0).abs() < 1e-3);
    }
}
