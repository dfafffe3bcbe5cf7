//! Provides the "1+X" joint teams: one lead department plus the others its officers hold
//! credentials for, based at township seats where the work is.

use super::firms::{GenFirm, apportion};
use super::industry::dept;
use super::places::round6;
use super::{PlanFile, TeamRow, Township};
use rand::Rng;
use std::collections::BTreeMap;

const NUMERALS: [&str; 10] = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

/// `n` teams over `towns`, in proportion to the tasks of each township.
///
/// Common departments (market, fire, safety, law enforcement) sit on most teams; specialised
/// ones (culture, natural resources) on one or two teams placed where their firms are, which is
/// what makes some tasks hard to combine.
pub(super) fn generate(
    rng: &mut impl Rng,
    n: usize,
    towns: &[Township],
    firms: &[GenFirm],
    plans: &[PlanFile],
) -> Vec<TeamRow> {
    let depts: Vec<&str> = plans.iter().map(|p| p.department.as_str()).collect();
    let town_of: BTreeMap<&str, usize> =
        firms.iter().map(|f| (f.row.id.as_str(), f.town)).collect();
    // tasks[d][t]: tasks of department d at firms of township t.
    let mut tasks = vec![vec![0u32; towns.len()]; depts.len()];
    for (d, plan) in plans.iter().enumerate() {
        for task in &plan.tasks {
            if let Some(&t) = town_of.get(task.firm_id.as_str()) {
                tasks[d][t] += 1;
            }
        }
    }
    let per_town: Vec<u32> = (0..towns.len())
        .map(|t| tasks.iter().map(|row| row[t]).sum::<u32>().max(1))
        .collect();
    let counts = apportion(n, &per_town);
    let homes: Vec<usize> = counts
        .iter()
        .enumerate()
        .flat_map(|(t, &c)| std::iter::repeat_n(t, c))
        .collect();
    let leads: Vec<usize> = (0..depts.len())
        .filter(|&d| dept(depts[d]).breadth == 2)
        .collect();
    let mut sets: Vec<Vec<bool>> = homes
        .iter()
        .enumerate()
        .map(|(i, _)| {
            let mut set = vec![false; depts.len()];
            if !leads.is_empty() {
                set[leads[i % leads.len()]] = true;
            }
            for (d, code) in depts.iter().enumerate() {
                let p = [0.0, 0.4, 0.6][usize::from(dept(code).breadth)];
                if set.iter().filter(|&&x| x).count() < 5 && rng.gen_bool(p) {
                    set[d] = true;
                }
            }
            set
        })
        .collect();
    if sets.is_empty() {
        return Vec::new();
    }
    for (d, code) in depts.iter().enumerate() {
        let wanted = if dept(code).breadth == 0 {
            (n / 6).max(1)
        } else {
            1
        };
        let covering = sets.iter().filter(|s| s[d]).count();
        // Give the department to the teams at the townships with most of its work.
        let mut order: Vec<usize> = (0..sets.len()).filter(|&i| !sets[i][d]).collect();
        order.sort_by_key(|&i| (std::cmp::Reverse(tasks[d][homes[i]]), i));
        for &i in order.iter().take(wanted.saturating_sub(covering)) {
            sets[i][d] = true;
        }
    }
    // A joint team worth the name covers at least three departments: top small ones up with
    // the departments busiest around their base.
    for (i, set) in sets.iter_mut().enumerate() {
        let mut order: Vec<usize> = (0..depts.len())
            .filter(|&d| !set[d] && dept(depts[d]).breadth > 0)
            .collect();
        order.sort_by_key(|&d| (std::cmp::Reverse(tasks[d][homes[i]]), d));
        let short = 3usize.saturating_sub(set.iter().filter(|&&x| x).count());
        for &d in order.iter().take(short) {
            set[d] = true;
        }
    }
    let width = n.to_string().len().max(2);
    let mut seen = vec![0usize; towns.len()];
    homes
        .iter()
        .zip(sets)
        .enumerate()
        .map(|(i, (&t, set))| {
            seen[t] += 1;
            let k = seen[t];
            let numeral = NUMERALS.get(k - 1).map_or(k.to_string(), |s| s.to_string());
            let shift = if rng.gen_bool(0.6) {
                "08:30-17:30"
            } else {
                "08:30-12:00;13:30-17:30"
            };
            TeamRow {
                id: format!("T{:0width$}", i + 1),
                name: format!("{}1+X联合检查{numeral}组", towns[t].name),
                departments: (0..depts.len())
                    .filter(|&d| set[d])
                    .map(|d| depts[d].to_string())
                    .collect(),
                base_lon: round6(towns[t].seat.lon),
                base_lat: round6(towns[t].seat.lat),
                shift: shift.to_string(),
                days: String::new(),
            }
        })
        .collect()
}
