//! Provides the round's decomposition: the month cut into disjoint groups of routes, each
//! improved on its own by one neighbour, all of them merged into one more candidate.
//!
//! Eight whole neighbours keep at most eight threads busy, and a round waits for the slowest
//! of them. The groups add a piece of work per couple of working days and half of the teams
//! (a month gives about two dozen), each small because it repairs only into its own routes.
//! The cut depends on the round's seed and on the instance, never on the thread count, and
//! the groups share no route, so the merge of their results is exact and the round's result
//! stays the same for any number of threads.

use super::super::bundle::Bundle;
use super::super::context::Ctx;
use super::super::objective::evaluate;
use super::super::route::RouteSt;
use super::super::solution::Solution;
use crate::model::Place;
use rand::Rng;
use rand_chacha::ChaCha8Rng;
use std::sync::Arc;

/// Consecutive working days one group spans: bundles move between days inside it.
const GROUP_DAYS: usize = 2;

/// Spatial groups the teams are cut into, when there are at least [`MIN_TEAMS`] teams.
const TEAM_GROUPS: usize = 2;

/// Fewest teams for a spatial cut: with fewer, a group's routes leave a repair little choice.
const MIN_TEAMS: usize = 4;

/// The routes (indices into [`Ctx::slots`]) of each group, in a fixed order; every route is
/// in exactly one group, and no group is empty.
///
/// Working days are cut into runs of [`GROUP_DAYS`] from an offset the generator draws; with
/// enough teams, each run is cut again into the teams nearer and farther from a team the
/// generator draws, so that a group's routes are near each other.
pub(super) fn groups(ctx: &Ctx, rng: &mut ChaCha8Rng) -> Vec<Vec<usize>> {
    let n_teams = ctx.inst.teams.len();
    let mut rank_of_day = vec![0; ctx.n_days];
    let mut days: Vec<usize> = ctx.slots.iter().map(|&(day, _)| day).collect();
    days.dedup();
    for (rank, &day) in days.iter().enumerate() {
        rank_of_day[day] = rank;
    }
    let offset = rng.gen_range(0..GROUP_DAYS);
    let part_of_team = if n_teams >= MIN_TEAMS {
        let pivot = rng.gen_range(0..n_teams);
        let mut by_distance: Vec<(f64, usize)> = (0..n_teams)
            .map(|t| (ctx.inst.travel_km(Place::Base(pivot), Place::Base(t)), t))
            .collect();
        by_distance.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
        let mut part = vec![0; n_teams];
        for (i, &(_, t)) in by_distance.iter().enumerate() {
            part[t] = i * TEAM_GROUPS / n_teams;
        }
        part
    } else {
        vec![0; n_teams]
    };
    let runs = (days.len() + offset).div_ceil(GROUP_DAYS);
    let mut out = vec![Vec::new(); runs * TEAM_GROUPS];
    for (r, &(day, team)) in ctx.slots.iter().enumerate() {
        let run = (rank_of_day[day] + offset) / GROUP_DAYS;
        out[run * TEAM_GROUPS + part_of_team[team]].push(r);
    }
    out.retain(|g| !g.is_empty());
    out
}

/// The unassigned bundles dealt among `parts` groups in turn from a drawn start, so that
/// each is offered to exactly one group.
pub(super) fn deal(unassigned: &[Bundle], parts: usize, rng: &mut ChaCha8Rng) -> Vec<Vec<Bundle>> {
    let mut out = vec![Vec::new(); parts];
    if parts == 0 {
        return out;
    }
    let start = rng.gen_range(0..parts);
    for (i, b) in unassigned.iter().enumerate() {
        out[(start + i) % parts].push(b.clone());
    }
    out
}

/// What one group's neighbour changed: its routes, and the bundles of its share still
/// unassigned.
pub(super) struct Part {
    routes: Vec<(usize, Arc<RouteSt>)>,
    unassigned: Vec<Bundle>,
}

/// Builds one neighbour of the group's routes alone, with `share` of the unassigned
/// bundles; keeps it when the group's part of the objective is no worse, else the group as
/// it was.
///
/// The other routes are empty and closed to repair, so the neighbour touches only the
/// group's; `empty` is [`Solution::empty`]'s routes, shared rather than built per group.
pub(super) fn improve_part(
    ctx: &Ctx,
    current: &Solution,
    empty: &[Arc<RouteSt>],
    group: &[usize],
    share: Vec<Bundle>,
    rng: &mut ChaCha8Rng,
) -> Part {
    let mut open = vec![false; empty.len()];
    let mut routes = empty.to_vec();
    for &r in group {
        routes[r] = Arc::clone(&current.routes[r]);
        open[r] = true;
    }
    let before = Solution {
        routes,
        unassigned: share,
        open: Some(open.into()),
    };
    let mut after = before.clone();
    super::neighbour(ctx, &mut after, rng);
    let kept = if evaluate(ctx, &after).total <= evaluate(ctx, &before).total {
        after
    } else {
        before
    };
    Part {
        routes: group
            .iter()
            .map(|&r| (r, Arc::clone(&kept.routes[r])))
            .collect(),
        unassigned: kept.unassigned,
    }
}

/// `current` with every group's routes and unassigned bundles replaced by its part's, in
/// group order; and which routes changed.
pub(super) fn merge(current: &Solution, parts: Vec<Part>) -> (Solution, Vec<bool>) {
    let mut merged = current.clone();
    let mut touched = vec![false; merged.routes.len()];
    merged.unassigned.clear();
    for part in parts {
        for (r, route) in part.routes {
            touched[r] = !Arc::ptr_eq(&route, &current.routes[r]);
            merged.routes[r] = route;
        }
        merged.unassigned.extend(part.unassigned);
    }
    (merged, touched)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::devtools::synth::{SynthParams, random_instance};
    use rand::SeedableRng;

    #[test]
    fn groups_cover_every_route_once_within_two_working_days() {
        let shape = SynthParams {
            teams: 6,
            days: 20,
            ..SynthParams::default()
        };
        let inst = random_instance(3, &shape);
        let ctx = Ctx::new(&inst);
        for seed in 0..20 {
            let mut rng = ChaCha8Rng::seed_from_u64(seed);
            let groups = groups(&ctx, &mut rng);
            assert!(groups.len() > super::super::CANDIDATES, "{}", groups.len());
            let mut seen = vec![0; ctx.slots.len()];
            for g in &groups {
                assert!(!g.is_empty());
                g.iter().for_each(|&r| seen[r] += 1);
                let days: std::collections::BTreeSet<_> =
                    g.iter().map(|&r| ctx.slots[r].0).collect();
                assert!(days.len() <= GROUP_DAYS, "{days:?}");
            }
            assert!(seen.iter().all(|&n| n == 1), "{seen:?}");
        }
    }
}
