//! Provides worst removal: visits whose detour costs the most driving, picked with a bias
//! rather than strictly, so repeated rounds do not remove the same ones.

use crate::solve::bundle::Bundle;
use crate::solve::context::Ctx;
use crate::solve::solution::Solution;
use rand::Rng;
use rand_chacha::ChaCha8Rng;

/// Higher values pick more strictly from the worst end.
const BIAS: i32 = 3;

/// Removes `q` visits, biased towards those with the longest detour.
pub(super) fn destroy(
    ctx: &Ctx,
    sol: &mut Solution,
    rng: &mut ChaCha8Rng,
    q: usize,
    touched: &mut [bool],
) -> Vec<Bundle> {
    let mut scored: Vec<(f64, (usize, usize))> = Vec::new();
    for (r, route) in sol.routes.iter().enumerate() {
        let base = ctx.base_point(route.team);
        let points: Vec<usize> = route
            .visits
            .iter()
            .map(|v| ctx.firm_point(v.firm))
            .collect();
        for (i, &p) in points.iter().enumerate() {
            let prev = if i == 0 { base } else { points[i - 1] };
            let next = points.get(i + 1).copied().unwrap_or(base);
            let detour = ctx.km(prev, p) + ctx.km(p, next) - ctx.km(prev, next);
            scored.push((detour, (r, i)));
        }
    }
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    let mut picks = Vec::with_capacity(q);
    while picks.len() < q && !scored.is_empty() {
        let u: f64 = rng.r#gen();
        let k = ((u.powi(BIAS) * scored.len() as f64) as usize).min(scored.len() - 1);
        picks.push(scored.remove(k).1);
    }
    sol.take(ctx, &picks, touched)
}
