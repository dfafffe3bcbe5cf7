//! Provides one team's route on one day as the search holds it: the visits in driving order
//! with their earliest starts and latest starts cached, so that inserting a bundle or merging
//! it into a visit is checked without replaying the route.

mod exchange;
mod or_opt;
pub(crate) mod sequence;
mod two_opt;

use super::bundle::Bundle;
use super::context::Ctx;
use super::rules::{
    self,
    shift::{Shift, earliest_start, latest_start},
    weights::{Terms, missing_visits, weigh},
};
use crate::model::{DayIndex, Minute, TaskIndex, TeamIndex};

/// Smallest travel saving (km) an intra-route move must bring, so float noise never loops.
const MIN_GAIN_KM: f64 = 1e-7;

/// One team's visits on one day.
#[derive(Debug, Clone)]
pub(crate) struct RouteSt {
    /// The team.
    pub team: TeamIndex,
    /// The day.
    pub day: DayIndex,
    /// Visits in driving order.
    pub visits: Vec<Bundle>,
    /// Earliest start of on-site work at each visit.
    starts: Vec<Minute>,
    /// Latest start of each visit from which the rest of the route still fits the shift.
    latest: Vec<Minute>,
    /// Road kilometres, base to base.
    pub km: f64,
    /// Driving minutes, base to base.
    pub drive: u32,
    /// On-site minutes.
    pub onsite: u32,
    /// Demand of all its tasks on the team's daily capacity.
    pub load: u32,
}

/// Where a bundle goes in a route.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Place {
    /// As a new visit before the visit now at this position (or at the end).
    At(usize),
    /// Into the existing visit at this position, which is at the same firm.
    Merge(usize),
}

/// A feasible way to put a bundle into a route, and what it adds to the objective.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Insertion {
    /// Added objective: a visit's weight (none for a merge) plus the added travel.
    pub cost: f64,
    /// Where.
    pub place: Place,
}

/// Timing of a route replayed from its base.
pub(crate) struct Replay {
    /// Earliest start at each visit.
    pub starts: Vec<Minute>,
    /// Road kilometres.
    pub km: f64,
    /// Driving minutes.
    pub drive: u32,
}

/// Replays `visits` (in the order `order` gives, or as they are) for `team` from the shift
/// start, starting each visit as early as possible; `None` when some visit or the way back
/// does not fit.
pub(crate) fn replay(ctx: &Ctx, team: TeamIndex, visits: &[&Bundle]) -> Option<Replay> {
    let mut starts = Vec::with_capacity(visits.len());
    let (km, drive) = timed(ctx, team, visits.iter().copied(), |s| starts.push(s))?;
    Some(Replay { starts, km, drive })
}

/// Whether `visits`, in that order, fit `team`'s shift: [`replay`] without keeping the starts,
/// so that the many reorders tried and refused while a route is shortened allocate nothing.
pub(crate) fn fits<'a>(
    ctx: &Ctx,
    team: TeamIndex,
    visits: impl Iterator<Item = &'a Bundle>,
) -> bool {
    timed(ctx, team, visits, |_| ()).is_some()
}

/// Times `visits` from the shift start, each as early as possible, handing each start to
/// `start`; the kilometres and driving minutes, or `None` when some visit or the way back
/// does not fit.
fn timed<'a>(
    ctx: &Ctx,
    team: TeamIndex,
    visits: impl Iterator<Item = &'a Bundle>,
    mut start: impl FnMut(Minute),
) -> Option<(f64, u32)> {
    let base = ctx.base_point(team);
    let (mut t, mut at) = (Shift::start(ctx, team), base);
    let mut km = 0.0;
    let mut drive = 0;
    for v in visits {
        let p = ctx.firm_point(v.firm);
        let leg = ctx.minutes(at, p);
        km += ctx.km(at, p);
        drive += leg;
        let s = earliest_start(ctx.windows(team, v.firm), t + leg, v.dur)?;
        start(s);
        t = s + v.dur;
        at = p;
    }
    let leg = ctx.minutes(at, base);
    km += ctx.km(at, base);
    drive += leg;
    Shift::back_in_time(ctx, team, t + leg).then_some((km, drive))
}

/// On-site minutes of one visit doing the tasks of `a` and `b`, without building it.
fn merged_minutes(ctx: &Ctx, a: &[TaskIndex], b: &[TaskIndex]) -> Minute {
    let tasks = &ctx.inst.tasks;
    let depts = ctx.inst.departments_of(a).union(ctx.inst.departments_of(b));
    let longest = depts
        .iter()
        .map(|d| {
            a.iter()
                .chain(b)
                .filter(|&&t| tasks[t].department == d)
                .map(|&t| tasks[t].minutes)
                .sum::<u32>()
        })
        .max()
        .unwrap_or(0);
    ctx.inst.settings.visit_setup_minutes + longest
}

impl RouteSt {
    /// An empty route.
    pub fn new(team: TeamIndex, day: DayIndex) -> Self {
        Self {
            team,
            day,
            visits: Vec::new(),
            starts: Vec::new(),
            latest: Vec::new(),
            km: 0.0,
            drive: 0,
            onsite: 0,
            load: 0,
        }
    }

    /// Total working minutes: driving plus on-site.
    pub fn workload(&self) -> u32 {
        self.drive + self.onsite
    }

    /// Earliest start of each visit.
    pub fn starts(&self) -> &[Minute] {
        &self.starts
    }

    /// Latest start of each visit from which the rest of the route still fits the shift.
    pub fn latest(&self) -> &[Minute] {
        &self.latest
    }

    /// Position of the visit at `firm`, if any.
    pub fn position_of(&self, firm: usize) -> Option<usize> {
        self.visits.iter().position(|v| v.firm == firm)
    }

    /// Recomputes the cached timing after the visits changed.
    ///
    /// # Panics
    /// In debug builds, when the route is infeasible: callers only make checked changes.
    pub fn refresh(&mut self, ctx: &Ctx) {
        let refs: Vec<&Bundle> = self.visits.iter().collect();
        let Some(r) = replay(ctx, self.team, &refs) else {
            debug_assert!(false, "refresh of an infeasible route");
            return;
        };
        self.starts = r.starts;
        self.km = r.km;
        self.drive = r.drive;
        self.onsite = self.visits.iter().map(|v| v.dur).sum();
        self.load = self.visits.iter().map(|v| v.demand).sum();
        let base = ctx.base_point(self.team);
        self.latest = vec![0; self.visits.len()];
        let mut next_latest = Shift::end(ctx, self.team);
        let mut next_point = base;
        for i in (0..self.visits.len()).rev() {
            let v = &self.visits[i];
            let p = ctx.firm_point(v.firm);
            let end_by = next_latest.saturating_sub(ctx.minutes(p, next_point));
            let l = latest_start(ctx.windows(self.team, v.firm), end_by, v.dur)
                .expect("a feasible route has a latest start");
            self.latest[i] = l;
            next_latest = l;
            next_point = p;
        }
    }

    /// When the team leaves the stop before position `p`, and from which matrix point.
    fn depart_before(&self, ctx: &Ctx, p: usize) -> (Minute, usize) {
        if p == 0 {
            (Shift::start(ctx, self.team), ctx.base_point(self.team))
        } else {
            let v = &self.visits[p - 1];
            (self.starts[p - 1] + v.dur, ctx.firm_point(v.firm))
        }
    }

    /// The latest arrival at position `p` (the shift end, less the drive home, at the end),
    /// and the matrix point there.
    fn latest_at(&self, ctx: &Ctx, p: usize) -> (Minute, usize) {
        if p == self.visits.len() {
            (Shift::end(ctx, self.team), ctx.base_point(self.team))
        } else {
            (self.latest[p], ctx.firm_point(self.visits[p].firm))
        }
    }

    /// The cheapest feasible way to put `b` into this route; the caller has checked that the
    /// rules let the team do `b` ([`rules::team_may`]) on this day ([`rules::day_may`]).
    ///
    /// A route that already visits `b`'s firm can only take `b` into that visit, since one
    /// team never enters one firm twice a day. Opening an empty route costs the route weight,
    /// so that work joins routes already out before it sends another team out.
    pub fn best_insertion(&self, ctx: &Ctx, b: &Bundle) -> Option<Insertion> {
        self.best_insertion_skipping(ctx, b, &mut || false)
    }

    /// [`RouteSt::best_insertion`] that passes over each new position for which `skip` says
    /// so, asked once per position in order. A merge into the visit at `b`'s firm is never
    /// passed over: it is the only place the route has for `b`.
    pub fn best_insertion_skipping(
        &self,
        ctx: &Ctx,
        b: &Bundle,
        skip: &mut dyn FnMut() -> bool,
    ) -> Option<Insertion> {
        if !rules::load_fits(ctx, self.team, self.load, b) {
            return None;
        }
        let used = self.drive + self.onsite;
        let f = ctx.firm_point(b.firm);
        let ww = ctx.windows(self.team, b.firm);
        if let Some(j) = self.position_of(b.firm) {
            let dur = merged_minutes(ctx, &self.visits[j].tasks, &b.tasks);
            if !Shift::has_room(ctx, self.team, used, dur.saturating_sub(self.visits[j].dur)) {
                return None;
            }
            let (dep, prev) = self.depart_before(ctx, j);
            let s = earliest_start(ww, dep + ctx.minutes(prev, f), dur)?;
            let (late, next) = self.latest_at(ctx, j + 1);
            let cost = ctx.locks.as_ref().map_or(0.0, |l| {
                let merged = self.visits[j].merged(b, ctx.inst);
                let was = l.unchanged(&self.visits[j].tasks, self.team, self.day);
                let now = l.unchanged(&merged.tasks, self.team, self.day);
                let changes = Terms {
                    moved_tasks: l.moved(&b.tasks, self.team, self.day) as f64,
                    changed_visits: f64::from(u8::from(!now)) - f64::from(u8::from(!was)),
                    ..Terms::default()
                };
                weigh(&ctx.weights, &changes)
            });
            return (s + dur + ctx.minutes(f, next) <= late).then_some(Insertion {
                cost,
                place: Place::Merge(j),
            });
        }
        if !Shift::has_room(ctx, self.team, used, b.dur) {
            return None;
        }
        // What the visit changes of the plan a replan starts from, wherever it goes in the route.
        let changes = ctx.locks.as_ref().map_or(0.0, |l| {
            let changes = Terms {
                moved_tasks: l.moved(&b.tasks, self.team, self.day) as f64,
                changed_visits: f64::from(u8::from(!l.unchanged(&b.tasks, self.team, self.day))),
                ..Terms::default()
            };
            weigh(&ctx.weights, &changes)
        });
        let mut best: Option<Insertion> = None;
        for p in 0..=self.visits.len() {
            if skip() {
                continue;
            }
            let (dep, prev) = self.depart_before(ctx, p);
            let Some(s) = earliest_start(ww, dep + ctx.minutes(prev, f), b.dur) else {
                continue;
            };
            let (late, next) = self.latest_at(ctx, p);
            if s + b.dur + ctx.minutes(f, next) > late {
                continue;
            }
            let added = ctx.km(prev, f) + ctx.km(f, next) - ctx.km(prev, next);
            let n = self.visits.len();
            let visit = Terms {
                visits: 1.0,
                travel_km: added,
                missing_visits: missing_visits(&ctx.weights, n + 1)
                    - missing_visits(&ctx.weights, n),
                ..Terms::default()
            };
            let mut cost = weigh(&ctx.weights, &visit);
            if self.visits.is_empty() {
                let route = Terms {
                    routes: 1.0,
                    ..Terms::default()
                };
                cost += weigh(&ctx.weights, &route);
            }
            if ctx.locks.is_some() {
                cost += changes;
            }
            if best.is_none_or(|x| cost < x.cost) {
                best = Some(Insertion {
                    cost,
                    place: Place::At(p),
                });
            }
        }
        best
    }

    /// Puts `b` where [`RouteSt::best_insertion`] said.
    pub fn apply(&mut self, ctx: &Ctx, b: Bundle, place: Place) {
        match place {
            Place::At(p) => self.visits.insert(p, b),
            Place::Merge(j) => {
                let m = self.visits[j].merged(&b, ctx.inst);
                self.visits[j] = m;
            }
        }
        self.refresh(ctx);
    }

    /// Takes out the visit at position `i`; dropping a visit never breaks a route.
    pub fn remove(&mut self, ctx: &Ctx, i: usize) -> Bundle {
        let b = self.visits.remove(i);
        self.refresh(ctx);
        b
    }

    /// Reorders the visits to `order` when that is feasible, shorter or not; true when it did.
    pub fn set_order(&mut self, ctx: &Ctx, order: &[usize]) -> bool {
        if !fits(ctx, self.team, order.iter().map(|&i| &self.visits[i])) {
            return false;
        }
        let mut old: Vec<Option<Bundle>> = self.visits.drain(..).map(Some).collect();
        self.visits = order
            .iter()
            .map(|&i| old[i].take().expect("order is a permutation"))
            .collect();
        self.refresh(ctx);
        true
    }

    /// Reorders the visits to `order` when that is feasible and shorter; true when it did.
    fn try_order(&mut self, ctx: &Ctx, order: &[usize]) -> bool {
        let base = ctx.base_point(self.team);
        let mut at = base;
        let mut km = 0.0;
        for &i in order {
            let p = ctx.firm_point(self.visits[i].firm);
            km += ctx.km(at, p);
            at = p;
        }
        if km + ctx.km(at, base) >= self.km - MIN_GAIN_KM {
            return false;
        }
        self.set_order(ctx, order)
    }

    /// The matrix points of the route with the base at both ends: `stops[k + 1]` is visit `k`.
    fn stops(&self, ctx: &Ctx) -> Vec<usize> {
        let base = ctx.base_point(self.team);
        std::iter::once(base)
            .chain(self.visits.iter().map(|v| ctx.firm_point(v.firm)))
            .chain(std::iter::once(base))
            .collect()
    }

    /// Applies 2-opt, or-opt and exchange moves, first improvement, until none shortens the
    /// route.
    pub fn improve(&mut self, ctx: &Ctx) {
        if self.visits.len() < 2 {
            return;
        }
        while two_opt::step(self, ctx) || or_opt::step(self, ctx) || exchange::step(self, ctx) {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::synth::{SynthParams, random_instance};

    /// A bundle for each task of firm 0 that some team could do alone, with a route able to
    /// take the first of them.
    fn setup(ctx: &Ctx) -> Option<(Vec<Bundle>, usize)> {
        let inst = ctx.inst;
        let tasks: Vec<Bundle> = (0..inst.tasks.len())
            .filter(|&t| inst.tasks[t].firm == 0)
            .map(|t| Bundle::new(inst, 0, vec![t]))
            .filter(|b| b.has_option(ctx))
            .collect();
        let first = tasks.first()?;
        let r = first.candidate_routes(ctx).into_iter().find(|&r| {
            let (day, team) = ctx.slots[r];
            first.fits_alone(ctx, team, day)
        })?;
        Some((tasks, r))
    }

    #[test]
    fn a_second_bundle_at_the_same_firm_merges_into_the_visit_at_no_visit_cost() {
        let mut merged = 0;
        for seed in 0..40 {
            let inst = random_instance(seed, &SynthParams::default());
            let ctx = Ctx::new(&inst);
            let Some((bundles, r)) = setup(&ctx) else {
                continue;
            };
            let (day, team) = ctx.slots[r];
            let mut route = RouteSt::new(team, day);
            let ins = route.best_insertion(&ctx, &bundles[0]).expect("fits alone");
            assert_eq!(ins.place, Place::At(0));
            assert!(ins.cost >= ctx.weights.visit);
            route.apply(&ctx, bundles[0].clone(), ins.place);
            for b in &bundles[1..] {
                let covered = rules::team_may(&ctx, team, b);
                if let Some(ins) = route.best_insertion(&ctx, b).filter(|_| covered) {
                    if !rules::day_may(&ctx, day, b) {
                        continue;
                    }
                    assert_eq!(ins.place, Place::Merge(0));
                    assert_eq!(ins.cost, 0.0);
                    route.apply(&ctx, b.clone(), ins.place);
                    merged += 1;
                }
            }
            assert_eq!(route.visits.len(), 1);
            assert_eq!(route.onsite, inst.onsite_minutes(&route.visits[0].tasks));
        }
        assert!(merged > 0, "no merge exercised");
    }
}
