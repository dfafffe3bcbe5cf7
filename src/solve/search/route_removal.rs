//! Provides route removal: empties a whole team-day and then other teams' routes that day, so
//! repair can move work to other days and teams and close a route entirely.

use crate::solve::bundle::Bundle;
use crate::solve::context::Ctx;
use crate::solve::solution::Solution;
use rand::seq::SliceRandom;
use rand_chacha::ChaCha8Rng;

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
