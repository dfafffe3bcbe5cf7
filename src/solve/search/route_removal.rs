//! Provides route removal: empties a whole team-day and then other teams' routes that day, so
//! repair can move work to other days and teams and close a route entirely.
//!
//! When used routes cost something (vehicles in VRPTW), the route emptied is drawn with a bias
//! towards the shortest ones, the likeliest to disappear, and its neighbours' visits are freed
//! with it half the time, so repair has room to absorb it into the routes left.

use super::visits_near;
use crate::solve::bundle::Bundle;
use crate::solve::context::Ctx;
use crate::solve::rules::weights::{Terms, weigh};
use crate::solve::solution::Solution;
use rand::Rng;
use rand::seq::SliceRandom;
use rand_chacha::ChaCha8Rng;

/// Higher values pick more strictly among the routes with fewest visits.
const BIAS: i32 = 3;

/// Removes the visits of a random non-empty route, then of the same day's other routes in
/// random order, until about `q` visits are out.
pub(super) fn destroy(
    ctx: &Ctx,
    sol: &mut Solution,
    rng: &mut ChaCha8Rng,
    q: usize,
    touched: &mut [bool],
) -> Vec<Bundle> {
    let used: Vec<usize> = (0..sol.routes.len())
        .filter(|&r| !sol.routes[r].visits.is_empty())
        .collect();
    let route = Terms {
        routes: 1.0,
        ..Terms::default()
    };
    if weigh(&ctx.weights, &route) > 0.0 {
        return empty_a_short_route(ctx, sol, rng, q, touched, used);
    }
    let Some(&first) = used.choose(rng) else {
        return Vec::new();
    };
    let day = sol.routes[first].day;
    let mut same_day: Vec<usize> = used
        .iter()
        .copied()
        .filter(|&r| r != first && sol.routes[r].day == day)
        .collect();
    same_day.shuffle(rng);
    let mut picks = Vec::new();
    for r in std::iter::once(first).chain(same_day) {
        if picks.len() >= q {
            break;
        }
        picks.extend((0..sol.routes[r].visits.len()).map(|i| (r, i)));
    }
    sol.take(ctx, &picks, touched)
}

/// Empties one route drawn with a bias towards the fewest visits, and half the time also up to
/// `q` visits near one of its firms.
fn empty_a_short_route(
    ctx: &Ctx,
    sol: &mut Solution,
    rng: &mut ChaCha8Rng,
    q: usize,
    touched: &mut [bool],
    mut used: Vec<usize>,
) -> Vec<Bundle> {
    if used.is_empty() {
        return Vec::new();
    }
    used.sort_by_key(|&r| (sol.routes[r].visits.len(), r));
    let u: f64 = rng.r#gen();
    let r = used[((u.powi(BIAS) * used.len() as f64) as usize).min(used.len() - 1)];
    let route = &sol.routes[r];
    let mut picks: Vec<(usize, usize)> = (0..route.visits.len()).map(|i| (r, i)).collect();
    if rng.gen_bool(0.5) {
        let firm = route.visits[rng.gen_range(0..route.visits.len())].firm;
        picks.extend(visits_near(ctx, sol, firm, q + picks.len()));
    }
    sol.take(ctx, &picks, touched)
}
