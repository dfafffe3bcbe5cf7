//! Provides the planner's precomputed view of an instance: travel between every point the
//! search touches, the windows in which a team may work at a firm, the firms' open days, the
//! routes that exist and each firm's nearest neighbours.
//!
//! Everything here is computed once per solve so that the inner loops of the search only read
//! arrays. Travel comes from [`Instance::travel_km`] and [`Instance::travel_minutes`], the
//! accessors the checker calls, so planner and checker agree to the minute whether travel is
//! modelled or given as a table.

use super::rules::{
    self,
    opening_hours::{OpeningHours, on_site_windows},
};
use crate::model::{
    DayIndex, FirmIndex, Instance, ObjectiveWeights, Place, TeamIndex, TimeWindow, Unscheduled,
};
use rayon::prelude::*;

/// How many nearest firms each firm remembers, for related removal.
const NEIGHBOURS: usize = 24;

/// Most points for which the travel matrix is stored (about 200 MB); beyond it, as in a city
/// planned as one workspace, travel is computed on demand by the same function.
const MATRIX_LIMIT: usize = 4096;

/// Marks a firm that has no task and so no point in the travel matrix.
const NO_POINT: u32 = u32::MAX;

/// How many of the covering teams based nearest a firm may take its bundles. A team based
/// across a city almost never gives a bundle its cheapest insertion, while evaluating every
/// team-day of hundreds of teams dominated the planner's time; where few teams cover a bundle
/// all of them stay candidates, and so do teams based as near as the last one kept.
pub(crate) const NEAREST_TEAMS: usize = 32;

/// The precomputed view of an instance that every part of the search reads.
pub(crate) struct Ctx<'a> {
    /// The instance being planned.
    pub inst: &'a Instance,
    /// The objective's weights.
    pub weights: ObjectiveWeights,
    /// Number of calendar days.
    pub n_days: usize,
    /// Routes that can exist, one per (day, team) the team works, sorted by (day, team).
    pub slots: Vec<(DayIndex, TeamIndex)>,
    /// `slot_of[day * teams + team]`: index into `slots`.
    slot_of: Vec<Option<usize>>,
    /// Whether each team works at least one day of the horizon (counts towards balance).
    pub team_can_work: Vec<bool>,
    /// Matrix index of each firm ([`NO_POINT`] for firms without tasks); bases follow the firms.
    point_of_firm: Vec<u32>,
    /// Number of points in the matrix.
    n_points: usize,
    /// The places behind the points: firms with tasks, then team bases.
    places: Vec<Place>,
    /// Road kilometres between points, row-major (empty beyond [`MATRIX_LIMIT`]).
    km: Vec<f64>,
    /// Driving minutes between points, row-major (empty beyond [`MATRIX_LIMIT`]).
    minutes: Vec<u32>,
    /// Each team's shift pattern, an index into the distinct shifts.
    shift_class: Vec<u32>,
    /// Each firm's opening-hours pattern, an index into the distinct opening hours.
    hours_class: Vec<u32>,
    /// Number of distinct opening hours.
    n_hours: usize,
    /// `window_sets[shift * n_hours + hours]`: shift windows intersected with opening windows,
    /// i.e. where on-site work of a team at a firm may lie on an open day.
    window_sets: Vec<Vec<TimeWindow>>,
    /// `open[firm * days + day]`: the firm can receive a visit that day.
    open: Vec<bool>,
    /// For each firm with tasks, the nearest other firms with tasks, nearest first.
    pub neighbours: Vec<Vec<FirmIndex>>,
    /// For each firm with tasks, every team by the distance from its base, nearest first
    /// (ties by index).
    pub teams_by_distance: Vec<Vec<u32>>,
    /// Tasks no plan can schedule, with their reasons, in task order.
    pub fixed: Vec<Unscheduled>,
    /// What a replan keeps of the plan it starts from; `None` for a plan made from scratch.
    pub locks: Option<super::keep::Locks>,
}

impl<'a> Ctx<'a> {
    /// Precomputes everything for `inst`.
    pub fn new(inst: &'a Instance) -> Self {
        let n_days = inst.calendar.len();
        let n_teams = inst.teams.len();
        let n_firms = inst.firms.len();

        let mut slots = Vec::new();
        let mut slot_of = vec![None; n_days * n_teams];
        for day in 0..n_days {
            for team in 0..n_teams {
                if rules::works_on(inst, team, day) {
                    slot_of[day * n_teams + team] = Some(slots.len());
                    slots.push((day, team));
                }
            }
        }

        let mut team_can_work = vec![false; n_teams];
        for &(_, team) in &slots {
            team_can_work[team] = true;
        }

        let mut has_task = vec![false; n_firms];
        for t in &inst.tasks {
            has_task[t.firm] = true;
        }
        let mut point_of_firm = vec![NO_POINT; n_firms];
        let mut places = Vec::new();
        for f in (0..n_firms).filter(|&f| has_task[f]) {
            point_of_firm[f] = places.len() as u32;
            places.push(Place::Firm(f));
        }
        let firm_points = places.len();
        places.extend((0..n_teams).map(Place::Base));
        let n_points = places.len();
        let (mut km, mut minutes) = (Vec::new(), Vec::new());
        if n_points <= MATRIX_LIMIT {
            km = vec![0.0; n_points * n_points];
            minutes = vec![0; n_points * n_points];
            for (a, &pa) in places.iter().enumerate() {
                for (b, &pb) in places.iter().enumerate() {
                    km[a * n_points + b] = inst.travel_km(pa, pb);
                    minutes[a * n_points + b] = inst.travel_minutes(pa, pb);
                }
            }
        }

        // Teams share a few shifts and firms a few opening hours, so each pair of patterns is
        // intersected once: a table per (team, firm) would hold hundreds of millions of entries
        // at the size limits.
        let (shift_class, shifts) = classes(inst.teams.iter().map(|t| &t.shift.windows));
        let (hours_class, hours) = classes(inst.firms.iter().map(|f| &f.hours.windows));
        let mut window_sets = Vec::with_capacity(shifts.len() * hours.len());
        for shift in &shifts {
            for opening in &hours {
                window_sets.push(on_site_windows(shift, opening));
            }
        }

        let mut open = vec![false; n_firms * n_days];
        for f in (0..n_firms).filter(|&f| has_task[f]) {
            for d in 0..n_days {
                open[f * n_days + d] = OpeningHours::firm_open(inst, f, d);
            }
        }

        let neighbours = nearest_firms(inst, &has_task);
        let teams_by_distance = (0..n_firms)
            .into_par_iter()
            .map(|f| {
                super::parallel::note_work("context", &inst.name);
                if !has_task[f] {
                    return Vec::new();
                }
                let mut by: Vec<(f64, u32)> = (0..n_teams)
                    .map(|t| (inst.travel_km(Place::Base(t), Place::Firm(f)), t as u32))
                    .collect();
                by.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
                by.into_iter().map(|(_, t)| t).collect()
            })
            .collect();
        debug_assert_eq!(firm_points + n_teams, n_points);

        Self {
            inst,
            weights: inst.settings.weights.clone(),
            n_days,
            slots,
            slot_of,
            team_can_work,
            point_of_firm,
            n_points,
            places,
            km,
            minutes,
            shift_class,
            hours_class,
            n_hours: hours.len(),
            window_sets,
            open,
            neighbours,
            teams_by_distance,
            fixed: Vec::new(),
            locks: None,
        }
    }

    /// The route index of `team` on `day`, when the team works that day.
    pub fn slot(&self, day: DayIndex, team: TeamIndex) -> Option<usize> {
        self.slot_of[day * self.inst.teams.len() + team]
    }

    /// Matrix point of a firm (which must have tasks).
    pub fn firm_point(&self, firm: FirmIndex) -> usize {
        debug_assert_ne!(self.point_of_firm[firm], NO_POINT);
        self.point_of_firm[firm] as usize
    }

    /// Matrix point of a team's base.
    pub fn base_point(&self, team: TeamIndex) -> usize {
        self.n_points - self.inst.teams.len() + team
    }

    /// Road kilometres between two matrix points.
    pub fn km(&self, a: usize, b: usize) -> f64 {
        match self.km.get(a * self.n_points + b) {
            Some(&km) => km,
            None => self.inst.travel_km(self.places[a], self.places[b]),
        }
    }

    /// Driving minutes between two matrix points.
    pub fn minutes(&self, a: usize, b: usize) -> u32 {
        match self.minutes.get(a * self.n_points + b) {
            Some(&m) => m,
            None => self.inst.travel_minutes(self.places[a], self.places[b]),
        }
    }

    /// Windows in which `team` may work on site at `firm` on a day the firm is open.
    pub fn windows(&self, team: TeamIndex, firm: FirmIndex) -> &[TimeWindow] {
        let shift = self.shift_class[team] as usize;
        &self.window_sets[shift * self.n_hours + self.hours_class[firm] as usize]
    }

    /// True when `firm` can receive a visit on `day`.
    pub fn open(&self, firm: FirmIndex, day: DayIndex) -> bool {
        self.open[firm * self.n_days + day]
    }
}

/// For each firm with tasks, its [`NEIGHBOURS`] nearest other firms with tasks by road
/// kilometres, nearest first (ties by index).
///
/// Without a travel table, firms are scanned outwards in latitude order and the scan stops
/// once the north-south distance alone exceeds the farthest neighbour kept: a great circle is
/// never shorter than its change of latitude, so the lists are those of the full comparison at
/// a fraction of its quadratic cost. A travel table has no such bound; every pair is compared.
fn nearest_firms(inst: &Instance, has_task: &[bool]) -> Vec<Vec<FirmIndex>> {
    let firms: Vec<FirmIndex> = (0..has_task.len()).filter(|&f| has_task[f]).collect();
    let by_distance =
        |a: &(f64, FirmIndex), b: &(f64, FirmIndex)| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1));
    let km = |f: FirmIndex, g: FirmIndex| inst.travel_km(Place::Firm(f), Place::Firm(g));
    let lists: Vec<Vec<FirmIndex>> = if inst.travel_table.is_some() {
        firms
            .par_iter()
            .map(|&f| {
                super::parallel::note_work("context", &inst.name);
                let mut near: Vec<(f64, FirmIndex)> = firms
                    .iter()
                    .filter(|&&g| g != f)
                    .map(|&g| (km(f, g), g))
                    .collect();
                let k = NEIGHBOURS.min(near.len());
                if k > 0 && k < near.len() {
                    near.select_nth_unstable_by(k - 1, by_distance);
                }
                near.truncate(k);
                near.sort_by(by_distance);
                near.iter().map(|&(_, g)| g).collect()
            })
            .collect()
    } else {
        let travel = crate::spatial::Travel::from_settings(&inst.settings);
        let point = |f: FirmIndex| inst.place_point(Place::Firm(f));
        let mut by_lat = firms.clone();
        by_lat.sort_by(|&a, &b| point(a).lat.total_cmp(&point(b).lat).then(a.cmp(&b)));
        let rank: std::collections::HashMap<FirmIndex, usize> =
            by_lat.iter().enumerate().map(|(i, &f)| (f, i)).collect();
        firms
            .par_iter()
            .map(|&f| {
                super::parallel::note_work("context", &inst.name);
                let (pf, i) = (point(f), rank[&f]);
                // The road distance to a firm due north or south: a lower bound for any firm
                // at that latitude. The margin absorbs rounding.
                let bound = |g: FirmIndex| {
                    let q = crate::model::Point {
                        lon: pf.lon,
                        lat: point(g).lat,
                    };
                    travel.km(pf, q) * (1.0 - 1e-9) - 1e-9
                };
                let mut near: Vec<(f64, FirmIndex)> = Vec::with_capacity(NEIGHBOURS + 1);
                let keep = |near: &mut Vec<(f64, FirmIndex)>, g: FirmIndex| {
                    let c = (km(f, g), g);
                    if near.len() < NEIGHBOURS || by_distance(&c, near.last().unwrap()).is_lt() {
                        let at = near.partition_point(|x| by_distance(x, &c).is_lt());
                        near.insert(at, c);
                        near.truncate(NEIGHBOURS);
                    }
                };
                let full = |near: &Vec<(f64, FirmIndex)>, g: FirmIndex| {
                    near.len() == NEIGHBOURS && bound(g) > near[NEIGHBOURS - 1].0
                };
                let (mut up, mut down) = (i + 1, i);
                let (mut up_done, mut down_done) = (false, false);
                while !(up_done && down_done) {
                    if !up_done {
                        match by_lat.get(up) {
                            Some(&g) if !full(&near, g) => {
                                keep(&mut near, g);
                                up += 1;
                            }
                            _ => up_done = true,
                        }
                    }
                    if !down_done {
                        match down.checked_sub(1).map(|d| by_lat[d]) {
                            Some(g) if !full(&near, g) => {
                                keep(&mut near, g);
                                down -= 1;
                            }
                            _ => down_done = true,
                        }
                    }
                }
                near.iter().map(|&(_, g)| g).collect()
            })
            .collect()
    };
    let mut out = vec![Vec::new(); has_task.len()];
    for (f, list) in firms.into_iter().zip(lists) {
        out[f] = list;
    }
    out
}

/// The class of each item (numbered by first appearance) and the distinct items.
fn classes<'a>(
    items: impl Iterator<Item = &'a Vec<TimeWindow>>,
) -> (Vec<u32>, Vec<&'a Vec<TimeWindow>>) {
    let mut index: std::collections::HashMap<&Vec<TimeWindow>, u32> = Default::default();
    let mut distinct = Vec::new();
    let class = items
        .map(|w| {
            *index.entry(w).or_insert_with(|| {
                distinct.push(w);
                distinct.len() as u32 - 1
            })
        })
        .collect();
    (class, distinct)
}

impl super::rules::Tables for Ctx<'_> {
    #[inline]
    fn inst(&self) -> &Instance {
        self.inst
    }

    #[inline]
    fn n_days(&self) -> usize {
        self.n_days
    }

    #[inline]
    fn open(&self, firm: FirmIndex, day: DayIndex) -> bool {
        Ctx::open(self, firm, day)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shared_window_sets_are_each_pair_intersected() {
        let inst = crate::synth::random_instance(5, &crate::synth::SynthParams::town());
        let ctx = Ctx::new(&inst);
        for (t, team) in inst.teams.iter().enumerate() {
            for (f, firm) in inst.firms.iter().enumerate() {
                let mut direct: Vec<TimeWindow> = team
                    .shift
                    .windows
                    .iter()
                    .flat_map(|s| firm.hours.windows.iter().filter_map(|o| s.intersect(o)))
                    .collect();
                direct.sort();
                assert_eq!(ctx.windows(t, f), direct.as_slice(), "team {t}, firm {f}");
            }
        }
        assert!(ctx.window_sets.len() < inst.teams.len() * inst.firms.len());
    }
    use crate::synth::{SynthParams, random_instance};

    #[test]
    fn the_latitude_scan_finds_the_same_neighbours_as_comparing_every_pair() {
        let inst = random_instance(
            7,
            &SynthParams {
                firms: 300,
                ..SynthParams::default()
            },
        );
        let mut has_task = vec![false; inst.firms.len()];
        inst.tasks.iter().for_each(|t| has_task[t.firm] = true);
        let fast = nearest_firms(&inst, &has_task);
        for (f, list) in fast.iter().enumerate() {
            if !has_task[f] {
                assert!(list.is_empty());
                continue;
            }
            let mut all: Vec<(f64, FirmIndex)> = (0..inst.firms.len())
                .filter(|&g| g != f && has_task[g])
                .map(|g| (inst.travel_km(Place::Firm(f), Place::Firm(g)), g))
                .collect();
            all.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
            let slow: Vec<FirmIndex> = all.iter().take(NEIGHBOURS).map(|&(_, g)| g).collect();
            assert_eq!(list, &slow, "firm {f}");
        }
    }
}
