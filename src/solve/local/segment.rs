//! Provides the price of a route rebuilt from pieces of routes the search already holds: a
//! prefix of one route, up to three visits moved in, and a suffix of the same or another
//! route — the concatenation every inter-route move is made of.
//!
//! **Why not the classical segment data.** The textbook concatenation (duration, earliest and
//! latest start, time warp) assumes one time window per visit. Here a firm may open twice a
//! day and a team stops for lunch, so the on-site windows of a visit are several, and waiting
//! through a closed hour is not a time warp. What stays exact with several windows is
//! monotonicity: a later arrival never allows an earlier start
//! ([`crate::solve::rules::shift::earliest_start`]), and a route's cached latest start of a
//! visit is the latest start from which the rest of the route still fits. So a splice is
//! priced from
//! - the prefix: the route's cached earliest start of its last kept visit (when the team
//!   leaves), and cumulative kilometres, driving minutes, on-site minutes and load;
//! - the moved visits, replayed forward (three at most, so O(1));
//! - the suffix: when it belongs to a route of the same team, its cached latest start at its
//!   first visit (feasible exactly when the replayed start is not later) and its cumulative
//!   sums; when it comes from another team's route (2-opt* between teams), whose windows,
//!   shift and base may differ, it is replayed forward, which is exact but O(suffix).
//!
//! Capacity and the shift's working minutes are checked on the totals. The rules that depend
//! on each visit (departments, task windows, pins, one visit per firm a day) are not priced
//! here: [`checked`] replays a changed route through the route timing and every rule before a
//! move is kept.

use crate::model::Minute;
use crate::solve::bundle::Bundle;
use crate::solve::context::Ctx;
use crate::solve::route::{Replay, RouteSt, replay};
use crate::solve::rules::{
    self,
    capacity::Capacity,
    shift::{Shift, earliest_start},
};

/// Cumulative sums along one route, the cached data a splice is priced from.
#[derive(Debug, Clone)]
pub(crate) struct Segments {
    /// `km[s]`: kilometres from the base to stop `s` (stop 0 is the base, stop `k + 1` visit
    /// `k`, the last stop the base again).
    km: Vec<f64>,
    /// Driving minutes, as `km`.
    drive: Vec<u32>,
    /// `onsite[k]`: on-site minutes of the first `k` visits.
    onsite: Vec<u32>,
    /// Load of the first `k` visits, as `onsite`.
    load: Vec<u32>,
}

impl Segments {
    /// The sums of `route`.
    pub fn of(ctx: &Ctx, route: &RouteSt) -> Self {
        let base = ctx.base_point(route.team);
        let n = route.visits.len();
        let mut s = Self {
            km: Vec::with_capacity(n + 2),
            drive: Vec::with_capacity(n + 2),
            onsite: Vec::with_capacity(n + 1),
            load: Vec::with_capacity(n + 1),
        };
        let (mut km, mut drive, mut onsite, mut load, mut at) = (0.0, 0, 0, 0, base);
        s.km.push(0.0);
        s.drive.push(0);
        s.onsite.push(0);
        s.load.push(0);
        for v in &route.visits {
            let p = ctx.firm_point(v.firm);
            km += ctx.km(at, p);
            drive += ctx.minutes(at, p);
            onsite += v.dur;
            load += v.demand;
            s.km.push(km);
            s.drive.push(drive);
            s.onsite.push(onsite);
            s.load.push(load);
            at = p;
        }
        s.km.push(km + ctx.km(at, base));
        s.drive.push(drive + ctx.minutes(at, base));
        s
    }
}

/// A route rebuilt as `head.visits[..keep]`, then `mid`, then `tail.visits[from..]`, worked by
/// `head`'s team on `head`'s day.
pub(crate) struct Splice<'a> {
    /// The route whose prefix is kept and whose team and day the result has.
    pub head: &'a RouteSt,
    /// Its sums.
    pub head_sums: &'a Segments,
    /// Visits of `head` kept at the start.
    pub keep: usize,
    /// Visits moved in after the prefix (at most three).
    pub mid: &'a [&'a Bundle],
    /// The route whose suffix ends the result (`head` itself for a relocation or a swap).
    pub tail: &'a RouteSt,
    /// Its sums.
    pub tail_sums: &'a Segments,
    /// First visit of `tail` in the suffix.
    pub from: usize,
}

/// What a priced splice costs.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Priced {
    /// Road kilometres, base to base.
    pub km: f64,
    /// Driving minutes, base to base.
    pub drive: u32,
    /// On-site minutes.
    pub onsite: u32,
    /// Number of visits.
    pub visits: usize,
}

impl Splice<'_> {
    /// The visits of the rebuilt route, in order.
    pub fn visits(&self) -> Vec<&Bundle> {
        self.head.visits[..self.keep]
            .iter()
            .chain(self.mid.iter().copied())
            .chain(&self.tail.visits[self.from..])
            .collect()
    }

    /// The rebuilt route's kilometres and number of visits alone, without its timing: the
    /// cheap first test of a move, since most moves of a sweep lengthen the routes.
    pub fn km(&self, ctx: &Ctx) -> (f64, usize) {
        let (h, t) = (self.head, self.tail);
        let base = ctx.base_point(h.team);
        let mut km = self.head_sums.km[self.keep];
        let mut at = match self.keep {
            0 => base,
            k => ctx.firm_point(h.visits[k - 1].firm),
        };
        for v in self.mid {
            let p = ctx.firm_point(v.firm);
            km += ctx.km(at, p);
            at = p;
        }
        let n = t.visits.len();
        if self.from < n {
            let p = ctx.firm_point(t.visits[self.from].firm);
            km += ctx.km(at, p) + self.tail_sums.km[n] - self.tail_sums.km[self.from + 1];
            at = ctx.firm_point(t.visits[n - 1].firm);
        }
        km += ctx.km(at, base);
        (km, self.keep + self.mid.len() + n.saturating_sub(self.from))
    }

    /// The rebuilt route's cost when its timing, its load and its working minutes fit; `None`
    /// otherwise. O(1) unless the suffix comes from another team's route.
    pub fn price(&self, ctx: &Ctx) -> Option<Priced> {
        let (h, t) = (self.head, self.tail);
        let team = h.team;
        let base = ctx.base_point(team);
        let mut km = self.head_sums.km[self.keep];
        let mut drive = self.head_sums.drive[self.keep];
        let mut onsite = self.head_sums.onsite[self.keep];
        let mut load = self.head_sums.load[self.keep];
        let (mut clock, mut at): (Minute, usize) = if self.keep == 0 {
            (Shift::start(ctx, team), base)
        } else {
            let v = &h.visits[self.keep - 1];
            (h.starts()[self.keep - 1] + v.dur, ctx.firm_point(v.firm))
        };
        let mut step = |v: &Bundle, clock: &mut Minute, at: &mut usize| -> Option<Minute> {
            let p = ctx.firm_point(v.firm);
            let leg = ctx.minutes(*at, p);
            km += ctx.km(*at, p);
            drive += leg;
            let s = earliest_start(ctx.windows(team, v.firm), *clock + leg, v.dur)?;
            *clock = s + v.dur;
            *at = p;
            Some(s)
        };
        for v in self.mid {
            step(v, &mut clock, &mut at)?;
            onsite += v.dur;
            load += v.demand;
        }
        let n = t.visits.len();
        if self.from < n && t.team == team {
            let s = step(&t.visits[self.from], &mut clock, &mut at)?;
            if s > t.latest()[self.from] {
                return None;
            }
            km += t_sums_km(self.tail_sums, self.from + 1, n + 1);
            drive += self.tail_sums.drive[n + 1] - self.tail_sums.drive[self.from + 1];
        } else {
            for v in &t.visits[self.from..] {
                step(v, &mut clock, &mut at)?;
            }
            let leg = ctx.minutes(at, base);
            km += ctx.km(at, base);
            drive += leg;
            if !Shift::back_in_time(ctx, team, clock + leg) {
                return None;
            }
        }
        onsite += self.tail_sums.onsite[n] - self.tail_sums.onsite[self.from];
        load += self.tail_sums.load[n] - self.tail_sums.load[self.from];
        let fits =
            Capacity::holds(ctx, team, load) && Shift::has_room(ctx, team, 0, drive + onsite);
        fits.then_some(Priced {
            km,
            drive,
            onsite,
            visits: self.keep + self.mid.len() + n - self.from,
        })
    }
}

/// Kilometres between stops `a` and `b` of a route from its sums.
fn t_sums_km(s: &Segments, a: usize, b: usize) -> f64 {
    s.km[b] - s.km[a]
}

/// The timing of `visits` as one route of `team` on `day` when every rule allows it: each
/// visit's departments, pins and task window, one visit per firm, the load on the day's
/// capacity, the working minutes, and the clock replayed from the shift start.
pub(crate) fn checked(
    ctx: &Ctx,
    team: usize,
    day: usize,
    visits: &[&Bundle],
) -> Option<(Replay, u32)> {
    for (k, v) in visits.iter().enumerate() {
        if !rules::team_may(ctx, team, *v)
            || !rules::day_may(ctx, day, *v)
            || visits[..k].iter().any(|w| w.firm == v.firm)
        {
            return None;
        }
    }
    if !rules::loads_fit(ctx, team, visits.iter().copied()) {
        return None;
    }
    let r = replay(ctx, team, visits)?;
    let onsite: u32 = visits.iter().map(|v| v.dur).sum();
    Shift::has_room(ctx, team, 0, r.drive + onsite).then_some((r, onsite))
}
