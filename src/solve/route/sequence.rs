//! Provides an order for a few visits that fits one team's day when greedy insertion found
//! none: the order that finishes earliest, found by dynamic programming over subsets.
//!
//! Because a later arrival never allows an earlier start (see [`crate::solve::rules::shift`]), the
//! earliest end over orders of a set ending at one visit is all that matters for the rest of
//! the day; so keeping just that per (set, last visit) decides exactly whether some order fits.
//! The order found is then shortened by the usual route moves.

use crate::model::{Minute, TeamIndex};
use crate::solve::bundle::Bundle;
use crate::solve::context::Ctx;
use crate::solve::rules::shift::{Shift, earliest_start};

/// Most visits sequenced this way: 2^n · n² steps stay in the tens of thousands.
pub(crate) const MAX_VISITS: usize = 10;

/// Positions of `visits` in an order `team` can do them all in within its shift, or `None`
/// when there is none (or there are more than [`MAX_VISITS`]).
pub(crate) fn fitting_order(ctx: &Ctx, team: TeamIndex, visits: &[&Bundle]) -> Option<Vec<usize>> {
    let n = visits.len();
    if n > MAX_VISITS {
        return None;
    }
    if n == 0 {
        return Some(Vec::new());
    }
    let base = ctx.base_point(team);
    let points: Vec<usize> = visits.iter().map(|v| ctx.firm_point(v.firm)).collect();
    let end_at = |from: usize, t: Minute, j: usize| -> Option<Minute> {
        let v = visits[j];
        earliest_start(
            ctx.windows(team, v.firm),
            t + ctx.minutes(from, points[j]),
            v.dur,
        )
        .map(|s| s + v.dur)
    };
    let full = (1usize << n) - 1;
    // Earliest end of the last visit, and the visit before it, per (set, last visit).
    let mut best: Vec<Option<(Minute, usize)>> = vec![None; (full + 1) * n];
    for j in 0..n {
        if let Some(e) = end_at(base, Shift::start(ctx, team), j) {
            best[(1 << j) * n + j] = Some((e, usize::MAX));
        }
    }
    for set in 1..=full {
        for last in (0..n).filter(|&j| set & (1 << j) != 0) {
            let Some((t, _)) = best[set * n + last] else {
                continue;
            };
            for next in (0..n).filter(|&j| set & (1 << j) == 0) {
                let Some(e) = end_at(points[last], t, next) else {
                    continue;
                };
                let slot = &mut best[(set | 1 << next) * n + next];
                if slot.is_none_or(|(old, _)| e < old) {
                    *slot = Some((e, last));
                }
            }
        }
    }
    let last = (0..n)
        .filter_map(|j| best[full * n + j].map(|(e, _)| (e + ctx.minutes(points[j], base), j)))
        .filter(|&(home, _)| Shift::back_in_time(ctx, team, home))
        .min()?
        .1;
    let mut order = Vec::with_capacity(n);
    let (mut set, mut at) = (full, last);
    while at != usize::MAX {
        order.push(at);
        let (_, before) = best[set * n + at].expect("reached states are set");
        set &= !(1 << at);
        at = before;
    }
    order.reverse();
    Some(order)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::solve::route::replay;
    use crate::synth::{SynthParams, random_instance};

    /// Whether any permutation of `visits` replays within the shift, by brute force.
    fn some_order_fits(ctx: &Ctx, team: TeamIndex, visits: &[&Bundle]) -> bool {
        fn permute(ctx: &Ctx, team: TeamIndex, done: &mut Vec<usize>, visits: &[&Bundle]) -> bool {
            if done.len() == visits.len() {
                let seq: Vec<&Bundle> = done.iter().map(|&i| visits[i]).collect();
                return replay(ctx, team, &seq).is_some();
            }
            for i in 0..visits.len() {
                if !done.contains(&i) {
                    done.push(i);
                    if permute(ctx, team, done, visits) {
                        return true;
                    }
                    done.pop();
                }
            }
            false
        }
        permute(ctx, team, &mut Vec::new(), visits)
    }

    #[test]
    fn finds_a_fitting_order_exactly_when_one_exists() {
        let (mut fits, mut misses) = (0, 0);
        for seed in 0..30 {
            let inst = random_instance(
                seed,
                &SynthParams {
                    firms: 7,
                    max_tasks_per_firm: 1,
                    ..SynthParams::default()
                },
            );
            let ctx = Ctx::new(&inst);
            let bundles: Vec<Bundle> = (0..inst.tasks.len())
                .map(|t| Bundle::new(&inst, inst.tasks[t].firm, vec![t]))
                .collect();
            let visits: Vec<&Bundle> = bundles.iter().take(6).collect();
            for team in 0..inst.teams.len() {
                let expected = some_order_fits(&ctx, team, &visits);
                let found = fitting_order(&ctx, team, &visits);
                assert_eq!(found.is_some(), expected, "seed {seed}, team {team}");
                if let Some(order) = found {
                    let seq: Vec<&Bundle> = order.iter().map(|&i| visits[i]).collect();
                    assert!(replay(&ctx, team, &seq).is_some());
                    let mut sorted = order.clone();
                    sorted.sort_unstable();
                    assert_eq!(sorted, (0..visits.len()).collect::<Vec<_>>());
                    fits += 1;
                } else {
                    misses += 1;
                }
            }
        }
        assert!(fits > 0 && misses > 0, "fits {fits}, misses {misses}");
    }
}
