//! Provides `chayici.toml`: the horizon, defaults and objective weights, read leniently.
//!
//! Every problem becomes a diagnostic and a usable default is kept, so a typo in one setting
//! does not hide the problems in the department files behind it.

use super::codes;
use super::dates::parse_day_list;
use crate::diag::Diagnostic;
use crate::i18n::{Key, Msg};
use crate::model::{Loc, ObjectiveWeights, Settings, TimeWindow, parse_windows};
use crate::msg;
use chrono::NaiveDate;
use toml::{Table, Value};

/// The coordinate system the workspace's files are written in.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Crs {
    /// GPS coordinates, used as they are.
    #[default]
    Wgs84,
    /// The offset system of most Chinese web maps; converted to WGS-84 on reading.
    Gcj02,
}

/// What `chayici.toml` says, with defaults for whatever it leaves out.
#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    /// `name`, the workspace's display name.
    pub name: Option<String>,
    /// `[horizon] start, end`, when both are valid and in order.
    pub horizon: Option<(NaiveDate, NaiveDate)>,
    /// `[horizon] crs`.
    pub crs: Crs,
    /// `[horizon] extra_holidays`.
    pub extra_holidays: Vec<NaiveDate>,
    /// `[horizon] extra_workdays`.
    pub extra_workdays: Vec<NaiveDate>,
    /// `[defaults] shift`, for teams that give none.
    pub shift: Vec<TimeWindow>,
    /// `[defaults] hours`, for firms that give none (the shift when absent).
    pub hours: Option<Vec<TimeWindow>>,
    /// `[defaults]` travel and setup parameters, and `[objective]` weights.
    pub settings: Settings,
    /// `[travel] matrix`, the distance/time file to use instead of the great-circle model.
    pub travel_matrix: Option<MatrixSetting>,
    /// `[plans] ignore`: names of entries of plans/ that are no plan (`*` and `?` wildcards),
    /// passed over rather than reported as not read.
    pub plans_ignore: Vec<String>,
    /// Where `[horizon] start` and `end` are written, for the warnings about the horizon as a
    /// whole.
    pub horizon_locs: (Loc, Loc),
}

/// `[travel] matrix`: a path relative to the workspace folder, and where the key is written,
/// so a file that is not there can be reported at the setting that names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MatrixSetting {
    /// The path relative to the workspace, `/`-separated, as [`workspace_relative`] makes it
    /// from what is written, e.g. `travel.csv`.
    pub path: String,
    /// Where `matrix = …` is in `chayici.toml`.
    pub loc: Loc,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            name: None,
            horizon: None,
            crs: Crs::Wgs84,
            extra_holidays: Vec::new(),
            extra_workdays: Vec::new(),
            shift: vec![TimeWindow::new(8 * 60 + 30, 17 * 60 + 30)],
            hours: None,
            settings: Settings::default(),
            travel_matrix: None,
            plans_ignore: Vec::new(),
            horizon_locs: (Loc::default(), Loc::default()),
        }
    }
}

/// The range of `visit_setup_minutes`: up to a working morning.
pub const SETUP_MINUTES: std::ops::RangeInclusive<i64> = 0..=600;

/// The range of `road_factor`: roads are never shorter than the straight line, and five times
/// longer is a mountain track or a typo.
pub const ROAD_FACTOR: std::ops::RangeInclusive<f64> = 1.0..=5.0;

/// The range of `speed_kmh`: below walking pace every drive takes hours, and the travel times
/// of a month overflow what a plan can add up.
pub const SPEED_KMH: std::ops::RangeInclusive<f64> = 1.0..=200.0;

/// The range of every `[objective]` weight. The weights only matter relative to each other; the
/// default for a mandatory task left out is a million, so a thousand times more is room enough,
/// while a month's objective stays exact in floating point. A larger weight (`1e308`) makes
/// the objective infinite and every plan look equally bad.
pub const WEIGHT: std::ops::RangeInclusive<f64> = 0.0..=1e9;

const TOP_KEYS: &[&str] = &[
    "name",
    "horizon",
    "defaults",
    "objective",
    "travel",
    "targets",
    "plans",
    "draw",
];
const PLANS_KEYS: &[&str] = &["ignore"];
const TARGET_KEYS: &[&str] = &["joint_share", "reduction"];
const TRAVEL_KEYS: &[&str] = &["matrix"];
const HORIZON_KEYS: &[&str] = &["start", "end", "crs", "extra_holidays", "extra_workdays"];
const DEFAULT_KEYS: &[&str] = &[
    "shift",
    "visit_setup_minutes",
    "road_factor",
    "speed_kmh",
    "hours",
];
const OBJECTIVE_KEYS: &[&str] = &[
    "unscheduled_mandatory",
    "unscheduled_normal",
    "unscheduled_low",
    "visit",
    "route",
    "travel_km",
    "balance_minute",
    "moved_task",
    "changed_visit",
    "team_day",
    "missing_visit",
    "min_visits_per_day",
];

/// The range of `min_visits_per_day`: a whole number of visits; no shift holds more than 20.
pub const MIN_VISITS_PER_DAY: std::ops::RangeInclusive<f64> = 0.0..=20.0;

/// The path `written` in chayici.toml as a path inside the workspace: `\\` read as `/`, `.` and
/// empty parts dropped, `..` resolved. `None` when it is absolute (`/…`, `C:…`) or climbs out of
/// the workspace. Why: a workspace is handed around as a folder, so what it is planned from must
/// be in that folder; and a path that reads files elsewhere would let a chayici.toml make the
/// tool read, and echo in its diagnostics, any file the clerk can read. Links inside the
/// workspace that lead out of it are caught when the file is opened.
pub fn workspace_relative(written: &str) -> Option<String> {
    let s = written.trim().replace('\\', "/");
    let drive = s.len() >= 2 && s.as_bytes()[1] == b':' && s.as_bytes()[0].is_ascii_alphabetic();
    if s.starts_with('/') || drive {
        return None;
    }
    let mut parts: Vec<&str> = Vec::new();
    for part in s.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            p => parts.push(p),
        }
    }
    (!parts.is_empty()).then(|| parts.join("/"))
}

/// E0209: the file a setting names lies outside the workspace folder; `written` is the path as
/// written (only the path is shown, never anything read from it).
pub fn e0209_outside_workspace(key: &str, written: &str, loc: &Loc) -> Diagnostic {
    Diagnostic::error(
        codes::OUTSIDE_WORKSPACE,
        loc.clone(),
        msg!(E0209Outside, key = key, path = written),
    )
    .with_help(Key::E0209Help)
}

/// Where `key` is written in `section` (`None` for top-level keys), found by scanning lines,
/// since the TOML parser keeps no positions in its tables.
fn key_loc(text: &str, file: &str, section: Option<&str>, key: &str) -> Loc {
    let mut current: Option<String> = None;
    let mut section_line = None;
    for (i, line) in text.lines().enumerate() {
        let t = line.trim();
        if let Some(h) = t.strip_prefix('[') {
            let name = h.trim_end_matches(']').trim().to_string();
            if section == Some(name.as_str()) {
                section_line = Some(i as u32 + 1);
            }
            current = Some(name);
            continue;
        }
        let written = t
            .split('=')
            .next()
            .unwrap_or_default()
            .trim()
            .trim_matches('"');
        if current.as_deref() == section && t.contains('=') && written == key {
            let col = line.len() - line.trim_start().len() + 1;
            return Loc::line(file, i as u32 + 1, Some(col as u32));
        }
    }
    section_line.map_or_else(|| Loc::file(file), |l| Loc::line(file, l, None))
}

fn line_col(text: &str, offset: usize) -> (u32, u32) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() as u32 + 1;
    let col = before
        .rsplit('\n')
        .next()
        .unwrap_or_default()
        .chars()
        .count() as u32
        + 1;
    (line, col)
}

fn text_of(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Datetime(d) => Some(d.to_string()),
        _ => None,
    }
}

fn number_of(v: &Value) -> Option<f64> {
    match v {
        Value::Float(f) => Some(*f),
        Value::Integer(i) => Some(*i as f64),
        _ => None,
    }
}

/// Reads `chayici.toml`'s text; `file` is the path shown in diagnostics.
pub fn parse_config(text: &str, file: &str) -> (Config, Vec<Diagnostic>) {
    let mut cfg = Config::default();
    let mut r = Reader {
        text,
        file,
        diags: Vec::new(),
    };
    let table: Table = match text.parse() {
        Ok(t) => t,
        Err(e) => {
            r.syntax_error(&e);
            return (cfg, r.diags);
        }
    };
    r.warn_unknown(&table, None, TOP_KEYS);
    r.name(&table, &mut cfg);
    r.horizon(&table, &mut cfg);
    if let Some(t) = r.section(&table, "defaults") {
        r.defaults(t, &mut cfg);
    }
    if let Some(t) = r.section(&table, "objective") {
        r.objective(t, &mut cfg);
    }
    if let Some(t) = r.section(&table, "travel") {
        r.travel(t, &mut cfg);
    }
    if let Some(t) = r.section(&table, "targets") {
        r.targets(t, &mut cfg);
    }
    if let Some(t) = r.section(&table, "plans") {
        r.plans(t, &mut cfg);
    }
    (cfg, r.diags)
}

/// The text being read and what is wrong in it so far; one method per part of the file, in
/// the order the diagnostics are listed.
struct Reader<'a> {
    text: &'a str,
    file: &'a str,
    diags: Vec<Diagnostic>,
}

impl Reader<'_> {
    fn loc(&self, section: Option<&str>, key: &str) -> Loc {
        key_loc(self.text, self.file, section, key)
    }

    /// A setting that is there but unusable: E0302 at its key.
    fn bad(&mut self, section: Option<&str>, key: &str, message: Msg) {
        let loc = self.loc(section, key);
        self.diags
            .push(Diagnostic::error(codes::BAD_SETTING, loc, message));
    }

    fn warn_unknown(&mut self, t: &Table, section: Option<&str>, known: &[&str]) {
        for k in t.keys().filter(|k| !known.contains(&k.as_str())) {
            let path = section.map_or_else(|| k.clone(), |s| format!("{s}.{k}"));
            self.diags.push(
                Diagnostic::warning(
                    codes::UNKNOWN_KEY,
                    self.loc(section, k),
                    msg!(W0204Unknown, key = path),
                )
                .with_help(msg!(W0204Help, keys = known.join(", "))),
            );
        }
    }

    fn syntax_error(&mut self, e: &toml::de::Error) {
        let loc = e.span().map_or_else(
            || Loc::file(self.file),
            |s| {
                let (l, c) = line_col(self.text, s.start);
                Loc::line(self.file, l, Some(c))
            },
        );
        let message = msg!(E0201Syntax, error = e.message());
        self.diags
            .push(Diagnostic::error(codes::TOML_SYNTAX, loc, message));
    }

    /// The optional section `key`: `None` when absent, or (reported) when not a section.
    fn section<'t>(&mut self, table: &'t Table, key: &str) -> Option<&'t Table> {
        match table.get(key) {
            Some(Value::Table(t)) => Some(t),
            Some(_) => {
                self.bad(None, key, msg!(E0205Section, key = key));
                None
            }
            None => None,
        }
    }

    /// `name`.
    fn name(&mut self, table: &Table, cfg: &mut Config) {
        match table.get("name") {
            Some(Value::String(s)) => cfg.name = Some(s.clone()),
            Some(_) => self.bad(None, "name", msg!(E0205NameString)),
            None => {}
        }
    }

    /// `[horizon]`: the dates, the coordinate system and the calendar's exceptions. The one
    /// section every workspace needs.
    fn horizon(&mut self, table: &Table, cfg: &mut Config) {
        let h = Some("horizon");
        let horizon = match table.get("horizon") {
            Some(Value::Table(t)) => Some(t),
            _ => {
                self.diags.push(
                    Diagnostic::error(
                        codes::HORIZON_MISSING,
                        Loc::file(self.file),
                        msg!(E0202NoHorizon),
                    )
                    .with_help(Key::E0202NoHorizonHelp),
                );
                None
            }
        };
        let empty = Table::new();
        let t = horizon.unwrap_or(&empty);
        self.warn_unknown(t, h, HORIZON_KEYS);
        let (start, end) = (
            self.horizon_date(horizon, "start"),
            self.horizon_date(horizon, "end"),
        );
        cfg.horizon_locs = (self.loc(h, "start"), self.loc(h, "end"));
        if let (Some(s), Some(e)) = (start, end) {
            if e < s {
                self.diags.push(Diagnostic::error(
                    codes::HORIZON_REVERSED,
                    self.loc(h, "end"),
                    msg!(E0203Reversed, end = e, start = s),
                ));
            } else if (e - s).num_days() > 366 {
                self.bad(h, "end", msg!(E0205TooLong, start = s, end = e));
            } else {
                cfg.horizon = Some((s, e));
            }
        }
        if let Some(v) = t.get("crs") {
            self.crs(v, cfg);
        }
        self.calendar_overrides(t, cfg);
    }

    /// `[horizon] start` or `end`; reported when the section is there and the date is not.
    fn horizon_date(&mut self, horizon: Option<&Table>, key: &str) -> Option<NaiveDate> {
        let v = horizon.and_then(|t| t.get(key));
        let parsed = v
            .and_then(text_of)
            .and_then(|s| super::dates::parse_date(&s));
        if parsed.is_none() && horizon.is_some() {
            let message = match v {
                Some(v) => msg!(E0202NotDate, key = key, value = v),
                None => msg!(E0202Missing, key = key),
            };
            let loc = self.loc(Some("horizon"), key);
            self.diags.push(
                Diagnostic::error(codes::HORIZON_MISSING, loc, message)
                    .with_help(msg!(E0202Help, key = key)),
            );
        }
        parsed
    }

    /// `[horizon] crs`.
    fn crs(&mut self, v: &Value, cfg: &mut Config) {
        match text_of(v)
            .map(|s| s.to_uppercase().replace(['-', '_', ' '], ""))
            .as_deref()
        {
            Some("WGS84") => cfg.crs = Crs::Wgs84,
            Some("GCJ02") => cfg.crs = Crs::Gcj02,
            _ => self.bad(Some("horizon"), "crs", msg!(E0205Crs, value = v)),
        }
    }

    /// `[horizon] extra_holidays` and `extra_workdays`; a day in both is a holiday, with a
    /// warning.
    fn calendar_overrides(&mut self, horizon: &Table, cfg: &mut Config) {
        let h = Some("horizon");
        for (key, out) in [
            ("extra_holidays", &mut cfg.extra_holidays),
            ("extra_workdays", &mut cfg.extra_workdays),
        ] {
            let Some(v) = horizon.get(key) else { continue };
            let items: Vec<&Value> = match v {
                Value::Array(a) => a.iter().collect(),
                other => vec![other],
            };
            for item in items {
                match text_of(item).map(|s| parse_day_list(&s)) {
                    Some(Ok(list)) if !list.weekdays.contains(&true) => out.extend(list.dates),
                    _ => self.bad(h, key, msg!(E0205ListDate, item = item, key = key)),
                }
            }
        }
        for d in cfg
            .extra_holidays
            .iter()
            .filter(|d| cfg.extra_workdays.contains(d))
        {
            self.diags.push(Diagnostic::warning(
                codes::CONFLICTING_OVERRIDE,
                self.loc(h, "extra_workdays"),
                msg!(W0207Both, date = d),
            ));
        }
    }

    /// `[defaults]`: the shift and opening hours, and the travel and setup parameters.
    fn defaults(&mut self, t: &Table, cfg: &mut Config) {
        let d = Some("defaults");
        self.warn_unknown(t, d, DEFAULT_KEYS);
        for key in ["shift", "hours"] {
            let Some(v) = t.get(key) else { continue };
            match text_of(v).map(|s| parse_windows(&s)) {
                Some(Ok(w)) if key == "shift" => cfg.shift = w,
                Some(Ok(w)) => cfg.hours = Some(w),
                Some(Err(e)) => self.bad(d, key, msg!(E0205Windows, key = key, error = e)),
                None => self.bad(d, key, msg!(E0205ShiftString, key = key)),
            }
        }
        if let Some(v) = t.get("visit_setup_minutes") {
            match v {
                Value::Integer(i) if SETUP_MINUTES.contains(i) => {
                    cfg.settings.visit_setup_minutes = *i as u32
                }
                _ => self.bad(d, "visit_setup_minutes", msg!(E0205Setup, value = v)),
            }
        }
        if let Some(v) = t.get("road_factor") {
            match number_of(v) {
                Some(f) if ROAD_FACTOR.contains(&f) => cfg.settings.road_factor = f,
                _ => self.bad(d, "road_factor", msg!(E0205RoadFactor, value = v)),
            }
        }
        if let Some(v) = t.get("speed_kmh") {
            match number_of(v) {
                Some(f) if SPEED_KMH.contains(&f) => cfg.settings.speed_kmh = f,
                _ => self.bad(d, "speed_kmh", msg!(E0205Speed, value = v)),
            }
        }
    }

    /// `[objective]`: the weights; a bad one is reported and left at its default.
    fn objective(&mut self, t: &Table, cfg: &mut Config) {
        let o = Some("objective");
        self.warn_unknown(t, o, OBJECTIVE_KEYS);
        let ok = |k: &str, v: &Value| match k {
            "min_visits_per_day" => {
                number_of(v).is_some_and(|f| MIN_VISITS_PER_DAY.contains(&f) && f.fract() == 0.0)
            }
            _ => number_of(v).is_some_and(|f| WEIGHT.contains(&f)),
        };
        for (k, v) in t
            .iter()
            .filter(|(k, _)| OBJECTIVE_KEYS.contains(&k.as_str()))
        {
            if k == "min_visits_per_day" {
                if !ok(k, v) {
                    self.bad(o, k, msg!(E0205MinVisits, key = k, value = v));
                }
            } else if !ok(k, v) {
                self.bad(o, k, msg!(E0205Weight, key = k, value = v));
            }
        }
        // `team_day` is the county's name of the VRPTW `route` weight; the old name is still
        // read, and loses when both are given.
        if t.contains_key("team_day") && t.contains_key("route") {
            self.diags.push(
                Diagnostic::warning(codes::TEAM_DAY_TWICE, self.loc(o, "route"), msg!(W2102Both))
                    .with_help(Key::W2102Help),
            );
        }
        let known: Table = t
            .iter()
            .filter(|(k, v)| OBJECTIVE_KEYS.contains(&k.as_str()) && ok(k, v))
            .filter(|(k, _)| !(k.as_str() == "route" && t.contains_key("team_day")))
            .map(|(k, v)| {
                let k = if k == "team_day" { "route" } else { k.as_str() };
                (
                    k.to_string(),
                    Value::Float(number_of(v).unwrap_or_default()),
                )
            })
            .collect();
        if let Ok(w) = Value::Table(known).try_into::<ObjectiveWeights>() {
            cfg.settings.weights = w;
        }
    }

    /// `[targets]`: shares from 0 to 1, kept in hundredths of a percent; a bad one is reported
    /// and left at its default.
    fn targets(&mut self, t: &Table, cfg: &mut Config) {
        let s = Some("targets");
        self.warn_unknown(t, s, TARGET_KEYS);
        for key in TARGET_KEYS {
            let Some(v) = t.get(*key) else { continue };
            match number_of(v) {
                Some(f) if (0.0..=1.0).contains(&f) => {
                    let hundredths = (f * 10_000.0).round() as u32;
                    match *key {
                        "joint_share" => cfg.settings.targets.joint_share = hundredths,
                        _ => cfg.settings.targets.reduction = hundredths,
                    }
                }
                _ => self.bad(s, key, msg!(E0205Share, key = key, value = v)),
            }
        }
    }

    /// `[travel]`: the distance/time matrix file, which must lie inside the workspace.
    fn travel(&mut self, t: &Table, cfg: &mut Config) {
        let tr = Some("travel");
        self.warn_unknown(t, tr, TRAVEL_KEYS);
        match t.get("matrix") {
            Some(Value::String(s)) if !s.trim().is_empty() => {
                let loc = self.loc(tr, "matrix");
                match workspace_relative(s) {
                    Some(path) => cfg.travel_matrix = Some(MatrixSetting { path, loc }),
                    None => self
                        .diags
                        .push(e0209_outside_workspace("matrix", s.trim(), &loc)),
                }
            }
            Some(v) => self.bad(tr, "matrix", msg!(E0205Matrix, value = v)),
            None => {}
        }
    }

    /// `[plans]`: `ignore`, the entries of plans/ that are not plans, as a list of names.
    fn plans(&mut self, t: &Table, cfg: &mut Config) {
        let p = Some("plans");
        self.warn_unknown(t, p, PLANS_KEYS);
        let Some(v) = t.get("ignore") else { return };
        let names = v.as_array().and_then(|a| {
            a.iter()
                .map(|n| n.as_str().map(str::to_string))
                .collect::<Option<Vec<_>>>()
        });
        match names {
            Some(names) => cfg.plans_ignore = names,
            None => self.bad(p, "ignore", msg!(E0205PlansIgnore, value = v)),
        }
    }
}

/// True when the name of an entry of plans/ matches `pattern`, where `*` stands for any
/// characters and `?` for one, ignoring case.
pub fn ignore_matches(pattern: &str, name: &str) -> bool {
    fn go(p: &[char], n: &[char]) -> bool {
        match (p.first(), n.first()) {
            (None, None) => true,
            (Some('*'), _) => go(&p[1..], n) || (!n.is_empty() && go(p, &n[1..])),
            (Some('?'), Some(_)) => go(&p[1..], &n[1..]),
            (Some(a), Some(b)) => a == b && go(&p[1..], &n[1..]),
            _ => false,
        }
    }
    let p: Vec<char> = pattern.trim().to_lowercase().chars().collect();
    let n: Vec<char> = name.to_lowercase().chars().collect();
    go(&p, &n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_full_config() {
        let text = "name = \"x\"\n[horizon]\nstart = \"2026-12-01\"\nend = 2026-12-31\ncrs = \"gcj-02\"\nextra_holidays = [\"2026-12-24\"]\n[defaults]\nshift = \"08:30-12:00;13:00-17:30\"\nroad_factor = 1.5\nspeed_kmh = 30\n[objective]\nvisit = 500\n";
        let (c, d) = parse_config(text, "chayici.toml");
        assert!(d.is_empty(), "{d:?}");
        assert_eq!(c.crs, Crs::Gcj02);
        assert_eq!(c.horizon.unwrap().1.to_string(), "2026-12-31");
        assert_eq!(c.shift.len(), 2);
        assert_eq!(c.settings.speed_kmh, 30.0);
        assert_eq!(c.settings.weights.visit, 500.0);
        assert_eq!(c.settings.weights.travel_km, 1.0);
        assert_eq!(c.extra_holidays.len(), 1);
    }

    #[test]
    fn reads_the_team_day_keys_with_their_ranges_and_the_old_name() {
        // The diagnostics of the objective alone, without the missing horizon's.
        let objective = |text: &str| {
            let (c, d) = parse_config(text, "chayici.toml");
            let d: Vec<Diagnostic> = d.into_iter().filter(|d| d.code != "E0202").collect();
            (c, d)
        };
        let text = "[objective]\nteam_day = 250\nmin_visits_per_day = 3\nmissing_visit = 400\n";
        let (c, d) = objective(text);
        assert!(d.is_empty(), "{d:?}");
        let w = &c.settings.weights;
        assert_eq!(
            (w.route, w.min_visits_per_day, w.missing_visit),
            (250.0, 3.0, 400.0)
        );
        let (c, d) = objective("[objective]\nroute = 90\n");
        assert!(d.is_empty(), "{d:?}");
        assert_eq!(c.settings.weights.route, 90.0);
        let (c, d) = objective("[objective]\nroute = 90\nteam_day = 40\n");
        assert_eq!(c.settings.weights.route, 40.0);
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(d[0].code, codes::TEAM_DAY_TWICE);
        for bad in [
            "min_visits_per_day = 2.5",
            "min_visits_per_day = 21",
            "min_visits_per_day = -1",
            "team_day = -5",
            "team_day = 1e10",
        ] {
            let (c, d) = objective(&format!("[objective]\n{bad}\n"));
            assert_eq!(d.len(), 1, "{bad}: {d:?}");
            assert_eq!(d[0].code, codes::BAD_SETTING, "{bad}");
            assert_eq!(c.settings.weights, ObjectiveWeights::default(), "{bad}");
        }
    }

    #[test]
    fn reads_the_targets_with_defaults_ranges_and_unknown_keys() {
        let (c, _) = parse_config("", "chayici.toml");
        assert_eq!(
            (c.settings.targets.joint_share, c.settings.targets.reduction),
            (6000, 2500)
        );
        let text = "[targets]\njoint_share = 0.7\nreduction = 1\n";
        let (c, d) = parse_config(text, "chayici.toml");
        assert!(
            d.iter().all(|d| !d.loc.to_string().contains(":2:")),
            "{d:?}"
        );
        assert_eq!(
            (c.settings.targets.joint_share, c.settings.targets.reduction),
            (7000, 10000)
        );
        let text = "[targets]\njoint_share = 60\nreduction = \"25%\"\nshare = 0.5\n";
        let (c, d) = parse_config(text, "chayici.toml");
        let shown: Vec<String> = d
            .iter()
            .filter(|d| d.loc.line.is_some())
            .map(|d| format!("{} {}", d.loc, d.code))
            .collect();
        assert_eq!(
            shown,
            vec![
                "chayici.toml:4:1 W0204",
                "chayici.toml:2:1 E0205",
                "chayici.toml:3:1 E0205"
            ]
        );
        assert!(
            d.iter()
                .any(|d| d.message.en().contains("share from 0 to 1"))
        );
        assert_eq!(c.settings.targets, crate::model::Targets::default());
    }

    #[test]
    fn reports_problems_with_lines() {
        let text = "[horizon]\nstart = \"2026-12-31\"\nend = \"2026-12-01\"\nbogus = 1\n[defaults]\nspeed_kmh = -1\n";
        let (c, d) = parse_config(text, "chayici.toml");
        assert!(c.horizon.is_none());
        let shown: Vec<String> = d
            .iter()
            .filter(|d| d.loc.line.is_some())
            .map(|d| format!("{} {}", d.loc, d.code))
            .collect();
        assert_eq!(
            shown,
            vec![
                "chayici.toml:4:1 W0204",
                "chayici.toml:3:1 E0203",
                "chayici.toml:6:1 E0205"
            ]
        );
    }

    #[test]
    fn plans_ignore_is_a_list_of_names_with_wildcards() {
        let horizon = "[horizon]\nstart = \"2026-12-01\"\nend = \"2026-12-31\"\n";
        let (c, d) = parse_config(
            &format!("{horizon}[plans]\nignore = [\"旧计划.xls\", \"*.BAK\"]\n"),
            "c.toml",
        );
        assert!(d.is_empty(), "{d:?}");
        assert_eq!(c.plans_ignore, ["旧计划.xls", "*.BAK"]);
        assert!(ignore_matches("*.BAK", "scjg.xlsx.bak"));
        assert!(ignore_matches("旧计划.xls", "旧计划.XLS"));
        assert!(!ignore_matches("旧计划.xls", "新计划.xls"));
        let (_, d) = parse_config(&format!("{horizon}[plans]\nignore = \"x\"\n"), "c.toml");
        assert_eq!(d[0].code, codes::BAD_SETTING, "{d:?}");
    }

    #[test]
    fn reads_the_travel_matrix_setting_leniently() {
        let text = "[horizon]\nstart = \"2026-12-01\"\nend = \"2026-12-31\"\n[travel]\nmatrix = \"data/travel.csv\"\nroads = \"x\"\n";
        let (c, d) = parse_config(text, "chayici.toml");
        let m = c.travel_matrix.unwrap();
        assert_eq!(m.path, "data/travel.csv");
        assert_eq!(m.loc.to_string(), "chayici.toml:5:1");
        let shown: Vec<String> = d.iter().map(|d| format!("{} {}", d.loc, d.code)).collect();
        assert_eq!(shown, vec!["chayici.toml:6:1 W0204"]);

        let (c, d) = parse_config(&text.replace("\"data/travel.csv\"", "3"), "chayici.toml");
        assert!(c.travel_matrix.is_none());
        let bad: Vec<String> = d
            .iter()
            .filter(|d| d.code == codes::BAD_SETTING)
            .map(|d| d.loc.to_string())
            .collect();
        assert_eq!(bad, ["chayici.toml:5:1"]);
        let (_, d) = parse_config("travel = 1\n", "chayici.toml");
        assert!(d.iter().any(|d| d.code == codes::BAD_SETTING));
    }

    #[test]
    fn matrix_paths_stay_inside_the_workspace() {
        for (written, inside) in [
            ("travel.csv", Some("travel.csv")),
            ("./roads/../roads//travel.csv", Some("roads/travel.csv")),
            ("roads\\travel.csv", Some("roads/travel.csv")),
            ("../travel.csv", None),
            ("roads/../../travel.csv", None),
            ("/etc/passwd", None),
            ("C:\\data\\travel.csv", None),
            ("\\\\server\\share\\travel.csv", None),
            ("roads/..", None),
        ] {
            assert_eq!(workspace_relative(written).as_deref(), inside, "{written}");
        }
        let text = "[travel]\nmatrix = \"../secret.csv\"\n";
        let (c, d) = parse_config(text, "chayici.toml");
        assert!(c.travel_matrix.is_none());
        let e = d
            .iter()
            .find(|d| d.code == codes::OUTSIDE_WORKSPACE)
            .unwrap();
        assert_eq!(e.loc.to_string(), "chayici.toml:2:1");
    }

    #[test]
    fn syntax_error_has_position() {
        let (_, d) = parse_config("[horizon\nstart = 1", "chayici.toml");
        assert_eq!(d[0].code, codes::TOML_SYNTAX);
        assert_eq!(d[0].loc.line, Some(1));
    }
}
