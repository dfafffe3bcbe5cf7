//! Provides the enumeration of every feasible route of one team-day, for the exact model.
//!
//! Routes are grown visit by visit from the base (a label-setting search). A label is a partial
//! route: the tasks done so far, the firm where it stands, when it leaves there, and its
//! kilometres and driving minutes. Two labels with the same tasks standing at the same firm
//! can be completed in exactly the same ways, so a label no earlier, no longer and no more
//! driven than another one makes that one useless; only such dominated labels are dropped,
//! which keeps the enumeration exact. Every label that can drive home is a route; the cheapest
//! per task set is kept, as the pool does.
//!
//! The number of routes grows with the product of each firm's subsets of tasks, so a few more
//! tasks can turn seconds into hours and gigabytes. The enumeration of a whole instance shares
//! one [`Work`] budget of partial and complete routes; past it, it gives up rather than run
//! away. The budget counts work, not time, so whether it is reached does not depend on the
//! machine.

use crate::model::{DayIndex, Minute, TaskIndex, TeamIndex};
use crate::solve::bundle::Bundle;
use crate::solve::context::Ctx;
use crate::solve::pool::PooledRoute;
use crate::solve::rules::{
    self,
    shift::{Shift, earliest_start},
};
use std::collections::HashMap;

/// A partial route.
#[derive(Debug, Clone)]
struct Label {
    /// Bit `i` set: candidate task `i` is done.
    done: u64,
    /// Firms entered, as visit options (indices into the options list), in driving order.
    order: Vec<usize>,
    /// When the team leaves its last stop.
    leave: Minute,
    km: f64,
    drive: u32,
    /// Demand of the tasks done on the team's daily capacity (the same for the same tasks, so
    /// it plays no part in dominance).
    load: u32,
}

/// Why the enumeration gave up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TooMany {
    /// More candidate tasks on one team-day than the bit set holds.
    Tasks(usize),
    /// The work budget ran out; the routes and partial routes counted until then.
    Work {
        /// Complete routes enumerated, over every team-day so far.
        routes: usize,
        /// Partial routes grown, over every team-day so far.
        labels: usize,
    },
}

/// The work an enumeration may do over every team-day of an instance, and what it has done.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Work {
    /// Most partial routes grown in all.
    pub max_labels: usize,
    /// Most complete routes (distinct task sets per team-day) kept in all.
    pub max_routes: usize,
    /// Partial routes grown so far.
    pub labels: usize,
    /// Complete routes kept so far.
    pub routes: usize,
}

impl Work {
    /// A fresh budget.
    pub fn new(max_labels: usize, max_routes: usize) -> Self {
        Self {
            max_labels,
            max_routes,
            labels: 0,
            routes: 0,
        }
    }

    /// `Err` once either count is past its limit.
    fn check(&self) -> Result<(), TooMany> {
        if self.labels > self.max_labels || self.routes > self.max_routes {
            return Err(TooMany::Work {
                routes: self.routes,
                labels: self.labels,
            });
        }
        Ok(())
    }
}

/// True when `a` is at least as good as `b` in every way that matters for completing it.
fn dominates(a: &Label, b: &Label) -> bool {
    a.leave <= b.leave && a.km <= b.km && a.drive <= b.drive
}

/// Every route `team` can drive on `day` over tasks in `tasks` (those it may do that day),
/// cheapest per task set, for the team-day `slot`; gives up once `work` runs out.
pub(crate) fn routes(
    ctx: &Ctx,
    slot: usize,
    tasks: &[TaskIndex],
    work: &mut Work,
) -> Result<Vec<PooledRoute>, TooMany> {
    let (day, team): (DayIndex, TeamIndex) = ctx.slots[slot];
    if tasks.len() > 64 {
        return Err(TooMany::Tasks(tasks.len()));
    }
    let inst = ctx.inst;
    // Visit options: every non-empty subset of one firm's candidate tasks.
    let mut firms: Vec<usize> = tasks.iter().map(|&t| inst.tasks[t].firm).collect();
    firms.sort_unstable();
    firms.dedup();
    let mut options: Vec<(usize, u64, Bundle)> = Vec::new();
    for (fi, &firm) in firms.iter().enumerate() {
        let mine: Vec<usize> = (0..tasks.len())
            .filter(|&i| inst.tasks[tasks[i]].firm == firm)
            .collect();
        for subset in 1u64..(1 << mine.len()) {
            let picked: Vec<usize> = (0..mine.len())
                .filter(|b| subset >> b & 1 == 1)
                .map(|b| mine[b])
                .collect();
            let bits = picked.iter().fold(0u64, |m, &i| m | 1 << i);
            let b = Bundle::new(inst, firm, picked.iter().map(|&i| tasks[i]).collect());
            debug_assert!(rules::day_may(ctx, day, &b));
            options.push((fi, bits, b));
        }
    }

    let base = ctx.base_point(team);
    let mut best: HashMap<u64, (f64, u32, Vec<usize>)> = HashMap::new();
    let mut front = vec![Label {
        done: 0,
        order: Vec::new(),
        leave: Shift::start(ctx, team),
        km: 0.0,
        drive: 0,
        load: 0,
    }];
    while !front.is_empty() {
        let mut next: HashMap<(u64, usize), Vec<Label>> = HashMap::new();
        let mut keys: Vec<(u64, usize)> = Vec::new();
        for l in &front {
            let at = l
                .order
                .last()
                .map_or(base, |&o| ctx.firm_point(options[o].2.firm));
            let entered = |fi: usize| l.order.iter().any(|&o| options[o].0 == fi);
            for (o, (fi, bits, b)) in options.iter().enumerate() {
                if entered(*fi) || !rules::load_fits(ctx, team, l.load, b) {
                    continue;
                }
                let p = ctx.firm_point(b.firm);
                let arrive = l.leave + ctx.minutes(at, p);
                let Some(s) = earliest_start(ctx.windows(team, b.firm), arrive, b.dur) else {
                    continue;
                };
                if !Shift::back_in_time(ctx, team, s + b.dur) {
                    continue;
                }
                let mut order = l.order.clone();
                order.push(o);
                let cand = Label {
                    done: l.done | bits,
                    order,
                    leave: s + b.dur,
                    km: l.km + ctx.km(at, p),
                    drive: l.drive + ctx.minutes(at, p),
                    load: l.load + b.demand,
                };
                let key = (cand.done, *fi);
                let bucket = next.entry(key).or_insert_with(|| {
                    keys.push(key);
                    Vec::new()
                });
                if bucket.iter().any(|x| dominates(x, &cand)) {
                    continue;
                }
                bucket.retain(|x| !dominates(&cand, x));
                bucket.push(cand);
                work.labels += 1;
                work.check()?;
            }
        }
        front = keys
            .into_iter()
            .flat_map(|k| next.remove(&k).unwrap_or_default())
            .collect();
        for l in &front {
            let last = ctx.firm_point(options[*l.order.last().expect("grown")].2.firm);
            if !Shift::back_in_time(ctx, team, l.leave + ctx.minutes(last, base)) {
                continue;
            }
            let km = l.km + ctx.km(last, base);
            let drive = l.drive + ctx.minutes(last, base);
            let better = best
                .get(&l.done)
                .is_none_or(|&(k, d, _)| (km, drive) < (k, d));
            if better && best.insert(l.done, (km, drive, l.order.clone())).is_none() {
                work.routes += 1;
            }
        }
        work.check()?;
    }

    let mut out: Vec<(u64, PooledRoute)> = best
        .into_iter()
        .map(|(done, (km, drive, order))| {
            let visits: Vec<Bundle> = order.iter().map(|&o| options[o].2.clone()).collect();
            let mut all: Vec<TaskIndex> = visits.iter().flat_map(|v| v.tasks.clone()).collect();
            all.sort_unstable();
            let onsite: u32 = visits.iter().map(|v| v.dur).sum();
            let r = PooledRoute {
                slot,
                visits,
                tasks: all,
                km,
                workload: drive + onsite,
            };
            (done, r)
        })
        .collect();
    out.sort_by_key(|(done, _)| *done);
    Ok(out.into_iter().map(|(_, r)| r).collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::solve::rules::tests::one_firm;

    #[test]
    fn no_route_asks_more_than_the_team_s_daily_capacity() {
        let mut inst = one_firm();
        let second = inst.tasks[0].clone();
        inst.tasks.push(second);
        let ctx = Ctx::new(&inst);
        let count = |ctx: &Ctx| {
            let mut work = Work::new(1000, 1000);
            let routes = routes(ctx, 0, &[0, 1], &mut work).expect("within the budget");
            routes.iter().map(|r| r.tasks.clone()).collect::<Vec<_>>()
        };
        assert_eq!(count(&ctx), vec![vec![0], vec![1], vec![0, 1]]);
        inst.teams[0].capacity_per_day = Some(1);
        let ctx = Ctx::new(&inst);
        assert_eq!(count(&ctx), vec![vec![0], vec![1]]);
    }
}
