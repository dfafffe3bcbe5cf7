//! Provides the travel matrix named by `[travel] matrix` in `chayici.toml`: kilometres and
//! minutes per ordered pair of places, in place of the great-circle model.
//!
//! Why a file, and why this shape: a straight line times a road factor is a fair county-wide
//! average and badly wrong where the roads are not average — a river with one bridge, a
//! mountain township up a winding road. The office that knows better usually knows it pair by
//! pair (a map service's route answers, the teams' own logbooks), never for every pair at once,
//! so the file is long (one row per pair) and may be partial: a pair it leaves out keeps the
//! model, and one row already helps. Pairs are directed, because one-way streets and long
//! climbs make the two directions differ. Places are named by the ids clerks already write in
//! `firms.csv` and `teams.csv` (a team meaning its base), so no numbering of places has to be
//! kept in step with the register by hand.

use super::codes;
use super::credit_code::normalize;
use super::headers::{TRAVEL_FIELDS, map_headers};
use super::table::{Row, Table};
use super::validate::ids;
use crate::diag::Diagnostic;
use crate::i18n::{Key, Msg};
use crate::model::{Loc, Point, TravelTable};
use crate::msg;
use crate::spatial::Travel;
use std::collections::{BTreeMap, HashMap};

/// Longest drive a row may give, in kilometres: more than any county's diameter, so a larger
/// value is metres or a typo.
pub const MAX_KM: f64 = 2000.0;

/// Longest drive a row may give, in minutes: a day, so a larger value is seconds or a typo.
pub const MAX_MINUTES: f64 = 1440.0;

/// The places of an instance by the ids a matrix names them with: firms first (by the
/// register's normalised id), then team bases (by team id), in the rows of a [`TravelTable`].
#[derive(Debug, Clone, Default)]
pub struct PlaceIds {
    by_id: HashMap<String, usize>,
    names: Vec<String>,
    firms: usize,
}

impl PlaceIds {
    /// The places of `firms` then `teams`, given by id in instance order.
    pub fn new<'a>(
        firms: impl IntoIterator<Item = &'a str>,
        teams: impl IntoIterator<Item = &'a str>,
    ) -> Self {
        let mut p = Self::default();
        for id in firms {
            p.by_id.entry(id.to_string()).or_insert(p.names.len());
            p.names.push(id.to_string());
        }
        p.firms = p.names.len();
        for id in teams {
            p.by_id.entry(id.to_string()).or_insert(p.names.len());
            p.names.push(id.to_string());
        }
        p
    }

    /// Number of places.
    pub fn len(&self) -> usize {
        self.names.len()
    }

    /// True when there is no place.
    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }

    /// The place an id written in the matrix means: a firm's id as the register normalises
    /// it (spaces dropped, upper case), else a team id as written.
    pub fn resolve(&self, written: &str) -> Option<usize> {
        let firm = normalize(written);
        self.by_id
            .get(&firm)
            .filter(|&&p| p < self.firms)
            .or_else(|| self.by_id.get(written))
            .copied()
    }

    /// The id of place `p`.
    pub fn name(&self, p: usize) -> &str {
        &self.names[p]
    }

    /// True when a route can drive from `a` to `b`: two different places, not both team bases
    /// (a team leaves its own base and comes back to it).
    pub fn drivable(&self, a: usize, b: usize) -> bool {
        a != b && (a < self.firms || b < self.firms)
    }

    /// How many ordered pairs a route can drive.
    pub fn drivable_pairs(&self) -> usize {
        let (f, t) = (self.firms, self.len() - self.firms);
        f * f.saturating_sub(1) + 2 * f * t
    }
}

/// The pairs a matrix lists, keyed by (from, to) place rows.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Matrix {
    pairs: BTreeMap<(usize, usize), (f64, u32)>,
}

impl Matrix {
    /// Number of ordered pairs listed (a place to itself is never listed).
    pub fn len(&self) -> usize {
        self.pairs.len()
    }

    /// True when no pair is listed.
    pub fn is_empty(&self) -> bool {
        self.pairs.is_empty()
    }

    /// Kilometres and whole minutes from `a` to `b`, when listed.
    pub fn get(&self, a: usize, b: usize) -> Option<(f64, u32)> {
        self.pairs.get(&(a, b)).copied()
    }

    /// How many pairs a route can drive are not listed, and the first of them.
    pub fn missing(&self, places: &PlaceIds) -> (usize, Option<(usize, usize)>) {
        let listed = self
            .pairs
            .keys()
            .filter(|&&(a, b)| places.drivable(a, b))
            .count();
        let count = places.drivable_pairs() - listed;
        // Each step before the first gap is a listed pair, so this stops early.
        let first = (count > 0)
            .then(|| {
                (0..places.len())
                    .flat_map(|a| (0..places.len()).map(move |b| (a, b)))
                    .find(|&(a, b)| places.drivable(a, b) && !self.pairs.contains_key(&(a, b)))
            })
            .flatten();
        (count, first)
    }

    /// The full table over `points` (the places' points, firms then bases): listed pairs as
    /// given, the diagonal 0, every other pair from the great-circle model, exactly as
    /// [`crate::model::Instance::travel_km`] would give it without a table.
    pub fn table(&self, points: &[Point], travel: Travel) -> TravelTable {
        TravelTable::from_fn(points.len(), |a, b| {
            if a == b {
                (0.0, 0)
            } else if let Some(listed) = self.get(a, b) {
                listed
            } else {
                (
                    travel.km(points[a], points[b]),
                    travel.minutes(points[a], points[b]),
                )
            }
        })
    }
}

/// E1502: a km or minutes cell holds a number from 0 to `max`.
fn e1502_value(
    row: &Row,
    col: Option<usize>,
    what: Key,
    max: f64,
    help: Key,
) -> Result<f64, Diagnostic> {
    let loc = row.loc_of(col);
    let text = row.text(col);
    let bad = |m: Msg| Diagnostic::error(codes::BAD_TRAVEL, loc.clone(), m).with_help(help);
    if text.is_empty() {
        return Err(bad(msg!(E0107Empty, what = what)));
    }
    match text.parse::<f64>() {
        Ok(x) if !x.is_finite() => Err(bad(msg!(NotANumber, what = what, text = text))),
        Ok(x) if x < 0.0 => Err(bad(msg!(E1502Negative, what = what, text = text))),
        Ok(x) if x > max => Err(bad(msg!(
            E1502TooLarge,
            what = what,
            text = text,
            max = max
        ))),
        Ok(x) => Ok(x),
        Err(_) => Err(bad(msg!(NotANumber, what = what, text = text))),
    }
}

/// E1501 (and E0107 when empty): the place a `from` or `to` cell names.
fn e1501_place(
    row: &Row,
    col: Option<usize>,
    what: Key,
    places: &PlaceIds,
) -> Result<usize, Diagnostic> {
    let loc = row.loc_of(col);
    let text = row.text(col);
    let travel_what = if what == Key::WordFrom {
        Key::WordTravelFrom
    } else {
        Key::WordTravelTo
    };
    if let Some(d) = ids::e0107_empty_required(text, travel_what, &loc) {
        return Err(d);
    }
    places.resolve(text).ok_or_else(|| {
        Diagnostic::error(
            codes::UNKNOWN_PLACE,
            loc,
            msg!(E1501Unknown, what = what, text = text),
        )
        .with_help(Key::E1501Help)
    })
}

/// W1503: the pair was listed before; the later row wins.
fn w1503_duplicate(places: &PlaceIds, a: usize, b: usize, loc: &Loc, first: &Loc) -> Diagnostic {
    Diagnostic::warning(
        codes::DUPLICATE_PAIR,
        loc.clone(),
        msg!(
            W1503Again,
            from = places.name(a),
            to = places.name(b),
            first = first
        ),
    )
    .with_help(Key::DeleteOneRow)
}

/// Reads a matrix's tables, pushing every problem to `diags`. `None` when no table has the
/// four columns, so nothing could be read; a row with any problem is left out.
pub fn read_matrix(
    tables: &[Table],
    places: &PlaceIds,
    diags: &mut Vec<Diagnostic>,
) -> Option<Matrix> {
    let mut matrix = Matrix::default();
    let mut first_at: HashMap<(usize, usize), Loc> = HashMap::new();
    let mut any = false;
    for table in tables {
        let (cols, d) = map_headers(table, TRAVEL_FIELDS);
        diags.extend(d);
        let c = |name: &str| cols.get(name);
        if TRAVEL_FIELDS.iter().any(|f| c(f.name).is_none()) {
            continue;
        }
        any = true;
        for row in &table.rows {
            let from = e1501_place(row, c("from"), Key::WordFrom, places);
            let to = e1501_place(row, c("to"), Key::WordTo, places);
            let km = e1502_value(row, c("km"), Key::WordKm, MAX_KM, Key::E1502KmHelp);
            let minutes = e1502_value(
                row,
                c("minutes"),
                Key::WordMinutes,
                MAX_MINUTES,
                Key::E1502MinutesHelp,
            );
            let (from, to, km, minutes) = match (from, to, km, minutes) {
                (Ok(a), Ok(b), Ok(k), Ok(m)) => (a, b, k, m),
                (a, b, k, m) => {
                    diags.extend(a.err());
                    diags.extend(b.err());
                    diags.extend(k.err());
                    diags.extend(m.err());
                    continue;
                }
            };
            if from == to {
                continue;
            }
            let loc = row.loc_of(c("from"));
            if let Some(first) = first_at.insert((from, to), loc.clone()) {
                diags.push(w1503_duplicate(places, from, to, &loc, &first));
            }
            // Whole minutes, rounded up as the great-circle model rounds them.
            let whole = (minutes - 1e-9).ceil().max(0.0) as u32;
            matrix.pairs.insert((from, to), (km, whole));
        }
    }
    any.then_some(matrix)
}

/// W1505: the pairs a route can drive that the matrix leaves to the great-circle model; `loc`
/// is the `matrix` setting, since the fix is in the file as a whole, not at one of its rows.
pub fn w1505_partial(matrix: &Matrix, places: &PlaceIds, loc: &Loc) -> Option<Diagnostic> {
    let (missing, first) = matrix.missing(places);
    let (a, b) = first?;
    Some(
        Diagnostic::warning(
            codes::MATRIX_PARTIAL,
            loc.clone(),
            msg!(
                W1505Partial,
                given = places.drivable_pairs() - missing,
                pairs = places.drivable_pairs(),
                missing = missing
            ),
        )
        .with_help(msg!(W1505Help, from = places.name(a), to = places.name(b))),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::csv_source::read_csv;

    fn places() -> PlaceIds {
        PlaceIds::new(["91330822MA2E0A1B7U", "91330822MA2E1C2D04"], ["T1", "T2"])
    }

    fn read(text: &str) -> (Option<Matrix>, Vec<String>) {
        let (t, _) = read_csv(text.as_bytes(), "travel.csv").unwrap();
        let mut diags = Vec::new();
        let m = read_matrix(&[t], &places(), &mut diags);
        (
            m,
            diags
                .iter()
                .map(|d| format!("{} {}", d.loc, d.code))
                .collect(),
        )
    }

    #[test]
    fn reads_chinese_headers_ids_and_rounds_minutes_up() {
        let (m, d) = read(
            "起点,终点,距离(公里),时间(分钟)\n91330822ma2e0a1b7u,T1,3.5,7.2\nT1,91330822MA2E1C2D04,4,9\nT1,T1,5,5\n",
        );
        assert!(d.is_empty(), "{d:?}");
        let m = m.unwrap();
        assert_eq!(m.len(), 2);
        assert_eq!(m.get(0, 2), Some((3.5, 8)));
        assert_eq!(m.get(2, 1), Some((4.0, 9)));
        assert_eq!(m.get(1, 2), None, "one direction only");
    }

    #[test]
    fn reports_unknown_places_bad_values_and_repeats() {
        let (m, d) = read(
            "from,to,km,minutes\nT9,T1,1,1\nT1,T2,-1,1\nT1,T2,1,\nT1,T2,abc,1441\nT1,91330822MA2E0A1B7U,1,1\nT1,91330822MA2E0A1B7U,2,2\n,T1,1,1\n",
        );
        assert_eq!(
            d,
            [
                "travel.csv:2:1 (A2) E1501",
                "travel.csv:3:3 (C3) E1502",
                "travel.csv:4:4 (D4) E1502",
                "travel.csv:5:3 (C5) E1502",
                "travel.csv:5:4 (D5) E1502",
                "travel.csv:7:1 (A7) W1503",
                "travel.csv:8:1 (A8) E0107",
            ]
        );
        assert_eq!(m.unwrap().get(2, 0), Some((2.0, 2)), "the later row wins");
    }

    #[test]
    fn missing_columns_read_nothing() {
        let (m, d) = read("from,to,km\nT1,T2,1\n");
        assert!(m.is_none());
        assert_eq!(d, ["travel.csv:1 E0102"]);
    }

    #[test]
    fn table_fills_unlisted_pairs_from_the_model_and_counts_them() {
        let p = places();
        let (m, _) = read("from,to,km,minutes\nT1,91330822MA2E0A1B7U,9,99\nT1,T2,1,1\n");
        let m = m.unwrap();
        // 2 firms, 2 teams: 2 firm-to-firm pairs, 8 between a firm and a base.
        assert_eq!(p.drivable_pairs(), 10);
        assert_eq!(m.missing(&p), (9, Some((0, 1))));
        let points = [
            Point::new(118.505, 28.904),
            Point::new(118.535, 28.905),
            Point::new(118.505, 28.904),
            Point::new(118.535, 28.905),
        ];
        let travel = Travel {
            road_factor: 1.3,
            speed_kmh: 40.0,
        };
        let t = m.table(&points, travel);
        assert_eq!((t.km(2, 0), t.minutes(2, 0)), (9.0, 99));
        assert_eq!((t.km(0, 2), t.minutes(0, 2)), (0.0, 0), "same point, model");
        assert_eq!(t.km(0, 1), travel.km(points[0], points[1]));
        assert_eq!(t.minutes(1, 0), travel.minutes(points[1], points[0]));
        assert_eq!((t.km(3, 3), t.minutes(3, 3)), (0.0, 0));
        let w = w1505_partial(&m, &p, &Loc::line("chayici.toml", 19, Some(1))).unwrap();
        assert_eq!(w.loc.to_string(), "chayici.toml:19:1");
        assert!(
            w.message.en().contains("1 of the 10 pairs"),
            "{}",
            w.message.en()
        );
        assert!(w.message.en().contains("9 use the great-circle model"));
    }
}
