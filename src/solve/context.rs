//! Provides the planner's precomputed view of an instance: travel between every point the
//! search touches, the windows in which a team may work at a firm, the firms' open days, the
//! routes that exist and each firm's nearest neighbours.
//!
//! Everything here is computed once per solve so that the inner loops of the search only read
//! arrays. Travel comes from [`Instance::travel_km`] and [`Instance::travel_minutes`], the
//! accessors the checker calls, so planner and checker agree to the minute whether travel is
//! modelled or given as a table.

use crate::model::{
    DayIndex, FirmIndex, Instance, ObjectiveWeights, Place, TeamIndex, TimeWindow, Unscheduled,
};

/// How many nearest firms each firm remembers, for related removal.
const NEIGHBOURS: usize = 24;

/// Most points for which the travel matrix is stored (about 200 MB); beyond it, as in a city
/// planned as one workspace, travel is computed on demand by the same function.
const MATRIX_LIMIT: usize = 4096;

/// Marks a firm that has no task and so no point in the travel matrix.
const NO_POINT: u32 = u32::MAX;

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
    /// `windows[team * firms + firm]`: shift windows intersected with the firm's opening
    /// windows, i.e. where on-site work of that team at that firm may lie on an open day.
    windows: Vec<Vec<TimeWindow>>,
    /// `open[firm * days + day]`: the firm can receive a visit that day.
    open: Vec<bool>,
    /// For each firm with tasks, the nearest other firms with tasks, nearest first.
    pub neighbours: Vec<Vec<FirmIndex>>,
    /// Tasks no plan can schedule, with their reasons, in task order.
    pub fixed: Vec<Unscheduled>,
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
            for (team, t) in inst.teams.iter().enumerate() {
                if t.works_on(day) && inst.calendar.is_working(day) {
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

        let mut windows = Vec::with_capacity(n_teams * n_firms);
        for team in &inst.teams {
            for firm in &inst.firms {
                let mut w: Vec<TimeWindow> = Vec::new();
                for s in &team.shift.windows {
                    for o in &firm.hours.windows {
                        w.extend(s.intersect(o));
                    }
                }
                w.sort();
                windows.push(w);
            }
        }

        let mut open = vec![false; n_firms * n_days];
        for f in (0..n_firms).filter(|&f| has_task[f]) {
            for d in 0..n_days {
                open[f * n_days + d] = inst.firm_open_on(f, d);
            }
        }

        let mut neighbours = vec![Vec::new(); n_firms];
        for f in (0..n_firms).filter(|&f| has_task[f]) {
            let pf = point_of_firm[f] as usize;
            let mut near: Vec<(f64, FirmIndex)> = (0..n_firms)
                .filter(|&g| g != f && has_task[g])
                .map(|g| (inst.travel_km(places[pf], Place::Firm(g)), g))
                .collect();
            let k = NEIGHBOURS.min(near.len());
            if k > 0 && k < near.len() {
                near.select_nth_unstable_by(k - 1, |a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
                near.truncate(k);
            }
            near.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
            // Collect into a fresh vector: reusing `near`'s buffer would keep room for every
            // firm in each list, gigabytes at city scale.
            neighbours[f] = near.iter().map(|&(_, g)| g).collect();
        }
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
            windows,
            open,
            neighbours,
            fixed: Vec::new(),
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
        &self.windows[team * self.inst.firms.len() + firm]
    }

    /// True when `firm` can receive a visit on `day`.
    pub fn open(&self, firm: FirmIndex, day: DayIndex) -> bool {
        self.open[firm * self.n_days + day]
    }
}
