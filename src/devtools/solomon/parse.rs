//! Reads the Solomon (1987) instance format: a name, the fleet (`NUMBER CAPACITY`), then one
//! row of seven numbers per node, the depot first.
//!
//! The files circulate with CRLF or LF endings, tabs or spaces and varying header spelling, so
//! the reader keys on the shape of the rows, not on the header words.

use std::fmt;

/// One node of a Solomon instance, in the file's units.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Customer {
    /// The file's `CUST NO.` (0 for the depot).
    pub id: u32,
    /// X coordinate.
    pub x: f64,
    /// Y coordinate.
    pub y: f64,
    /// Load it adds to the vehicle.
    pub demand: f64,
    /// Earliest start of service.
    pub ready: f64,
    /// Latest start of service (for the depot: the latest return).
    pub due: f64,
    /// Service duration.
    pub service: f64,
}

/// A Solomon VRPTW instance.
#[derive(Debug, Clone, PartialEq)]
pub struct SolomonInstance {
    /// The name on the first line (`C101`).
    pub name: String,
    /// Vehicles available.
    pub vehicles: usize,
    /// Capacity of each vehicle.
    pub capacity: f64,
    /// The depot: its window is the planning horizon.
    pub depot: Customer,
    /// The customers, in file order.
    pub customers: Vec<Customer>,
}

impl SolomonInstance {
    /// Euclidean distance between two nodes, in full double precision as the best-known
    /// solutions are computed.
    pub fn distance(a: &Customer, b: &Customer) -> f64 {
        (a.x - b.x).hypot(a.y - b.y)
    }
}

/// Why a file is not a Solomon instance.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError(pub String);

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for ParseError {}

/// Parses the text of a Solomon file.
pub fn parse(text: &str) -> Result<SolomonInstance, ParseError> {
    let err = |m: String| ParseError(m);
    let mut lines = text
        .lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.trim()))
        .filter(|(_, l)| !l.is_empty());
    let name = lines
        .next()
        .ok_or_else(|| err("the file is empty".into()))?
        .1
        .to_string();
    let mut fleet: Option<(usize, f64)> = None;
    let mut nodes = Vec::new();
    for (n, line) in lines {
        let nums: Option<Vec<f64>> = line.split_whitespace().map(|t| t.parse().ok()).collect();
        let Some(nums) = nums else { continue };
        match (nums.len(), fleet) {
            (2, None) => {
                let (k, q) = (nums[0], nums[1]);
                let valid =
                    (1.0..1e6).contains(&k) && k.fract() == 0.0 && q.is_finite() && q >= 0.0;
                if !valid {
                    return Err(err(format!("line {n}: `{line}` is not a fleet")));
                }
                fleet = Some((k as usize, nums[1]));
            }
            (7, Some(_)) => {
                nodes.push(node(&nums).ok_or_else(|| {
                    err(format!("line {n}: `{line}` is not a valid customer row"))
                })?)
            }
            _ => return Err(err(format!("line {n}: unexpected row `{line}`"))),
        }
    }
    let (vehicles, capacity) = fleet.ok_or_else(|| err("no `NUMBER CAPACITY` row".into()))?;
    if nodes.is_empty() {
        return Err(err("no depot or customer rows".into()));
    }
    let depot = nodes.remove(0);
    Ok(SolomonInstance {
        name,
        vehicles,
        capacity,
        depot,
        customers: nodes,
    })
}

/// A node from its seven numbers, or `None` when a value is impossible.
fn node(v: &[f64]) -> Option<Customer> {
    let ok = v.iter().all(|x| x.is_finite())
        && v[0] >= 0.0
        && v[0].fract() == 0.0
        && v[3] >= 0.0
        && v[4] >= 0.0
        && v[5] >= v[4]
        && v[6] >= 0.0;
    ok.then(|| Customer {
        id: v[0] as u32,
        x: v[1],
        y: v[2],
        demand: v[3],
        ready: v[4],
        due: v[5],
        service: v[6],
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const TINY: &str = "T1\r\n\r\nVEHICLE\r\nNUMBER     CAPACITY\r\n  2   10\r\n\r\nCUSTOMER\r\n\
        CUST NO.  XCOORD.   YCOORD.    DEMAND   READY TIME  DUE DATE   SERVICE   TIME\r\n\r\n\
        0 0 0 0 0 100 0\r\n1 3 4 5 0 50 2\r\n2 6 8 5 10 60 2\r\n";

    #[test]
    fn reads_fleet_depot_and_customers_with_crlf() {
        let s = parse(TINY).unwrap();
        assert_eq!(s.name, "T1");
        assert_eq!((s.vehicles, s.capacity), (2, 10.0));
        assert_eq!(s.depot.due, 100.0);
        assert_eq!(s.customers.len(), 2);
        assert_eq!(SolomonInstance::distance(&s.depot, &s.customers[0]), 5.0);
    }

    #[test]
    fn rejects_garbage_rows_and_missing_fleet() {
        assert!(parse("").is_err());
        assert!(parse("X\nCUSTOMER\n0 0 0 0 0 100 0\n").is_err());
        assert!(parse("X\n2 10\n0 0 0 0 0 100\n").is_err());
        assert!(parse("X\n2 10\n0 0 0 0 50 10 0\n").is_err());
    }
}
