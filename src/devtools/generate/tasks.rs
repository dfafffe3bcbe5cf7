//! Provides the tasks departments want done at each firm this month: which departments, which
//! items, in which window, how long and how urgent.

use super::firms::GenFirm;
use super::industry::{INDUSTRIES, items};
use crate::model::Priority;
use chrono::{Datelike, Duration, NaiveDate, Weekday};
use rand::Rng;

/// A task before it gets its id and file.
pub(super) struct Draft {
    pub dept: &'static str,
    pub firm: usize,
    pub item: &'static str,
    pub source: &'static str,
    /// `None`: the whole horizon.
    pub window: Option<(NaiveDate, NaiveDate)>,
    pub minutes: u32,
    pub priority: Priority,
}

/// Per department, the weeks of its special campaigns (专项行动), Monday to Sunday.
pub(super) fn campaign_weeks(
    rng: &mut impl Rng,
    start: NaiveDate,
    end: NaiveDate,
) -> Vec<NaiveDate> {
    let mut mondays: Vec<NaiveDate> = start
        .iter_days()
        .take_while(|d| *d + Duration::days(6) <= end)
        .filter(|d| d.weekday() == Weekday::Mon)
        .collect();
    let keep = if rng.gen_bool(0.3) { 2 } else { 1 };
    while mondays.len() > keep {
        mondays.remove(rng.gen_range(0..mondays.len()));
    }
    mondays
}

/// The tasks of one firm. `campaigns[d]` are the campaign weeks of `depts[d]`.
pub(super) fn draw(
    rng: &mut impl Rng,
    fi: usize,
    firm: &GenFirm,
    depts: &[&'static str],
    campaigns: &[Vec<NaiveDate>],
    horizon: (NaiveDate, NaiveDate),
) -> Vec<Draft> {
    let ind = &INDUSTRIES[firm.industry];
    let risk = match firm.row.risk {
        'A' => 0.7,
        'B' => 1.0,
        'C' => 1.2,
        _ => 1.5,
    };
    let inspecting: Vec<(usize, f64)> = ind
        .depts
        .iter()
        .filter_map(|&(d, p)| depts.iter().position(|x| *x == d).map(|i| (i, p)))
        .collect();
    let mut chosen: Vec<usize> = inspecting
        .iter()
        .filter(|&&(_, p)| rng.gen_bool((p * risk).min(0.95)))
        .map(|&(i, _)| i)
        .collect();
    // Most firms on the register get something this month; some are left alone (无事不扰).
    let wanted = if firm.featured {
        2
    } else {
        usize::from(rng.gen_bool(0.7))
    };
    for &(i, _) in &inspecting {
        if chosen.len() >= wanted {
            break;
        }
        if !chosen.contains(&i) {
            chosen.push(i);
        }
    }
    chosen.sort_unstable();
    let heavy = matches!(ind.name, "小微工厂" | "矿山采石" | "农贸市场");
    let mut out = Vec::new();
    for d in chosen {
        let dept = depts[d];
        let mut pool = items(dept, ind.name);
        let n = if rng.gen_bool(ind.second_item) { 2 } else { 1 };
        for _ in 0..n.min(pool.len()) {
            let item = pool.remove(rng.gen_range(0..pool.len()));
            let (source, window, priority) = when(rng, firm, &campaigns[d], horizon);
            let mut minutes = [20, 25, 30, 30, 30, 40, 40, 45, 50, 60][rng.gen_range(0..10)];
            if heavy {
                minutes = (minutes + 10).min(60);
            }
            out.push(Draft {
                dept,
                firm: fi,
                item,
                source,
                window,
                minutes,
                priority,
            });
        }
    }
    out
}

/// Why, when and how urgently: random checks over the month, key supervision of risky firms,
/// campaign weeks, and complaints that need a visit within days.
fn when(
    rng: &mut impl Rng,
    firm: &GenFirm,
    campaigns: &[NaiveDate],
    (start, end): (NaiveDate, NaiveDate),
) -> (&'static str, Option<(NaiveDate, NaiveDate)>, Priority) {
    let key_share = if matches!(firm.row.risk, 'C' | 'D') {
        0.25
    } else {
        0.08
    };
    let u: f64 = rng.gen_range(0.0..1.0);
    let prio = |rng: &mut dyn rand::RngCore, m: f64, low: f64| {
        let v: f64 = rng.gen_range(0.0..1.0);
        if v < m {
            Priority::Mandatory
        } else if v < m + low {
            Priority::Low
        } else {
            Priority::Normal
        }
    };
    if u < 0.55 {
        ("双随机", None, prio(rng, 0.05, 0.2))
    } else if u < 0.55 + key_share {
        let mid = start + Duration::days(14);
        let window = match rng.gen_range(0..3) {
            0 => Some((start, mid)),
            1 => Some((mid + Duration::days(1), end)),
            _ => None,
        };
        ("重点", window, prio(rng, 0.6, 0.0))
    } else if u < 0.93 && !campaigns.is_empty() {
        let monday = campaigns[rng.gen_range(0..campaigns.len())];
        let window = Some((monday, monday + Duration::days(6)));
        ("专项", window, prio(rng, 0.2, 0.1))
    } else {
        // A complaint: a few days from a weekday the firm is open, so it can be answered.
        let open: Vec<NaiveDate> = start
            .iter_days()
            .take_while(|d| *d <= end)
            .filter(|d| d.weekday().num_days_from_monday() < 5)
            .filter(|d| !firm.closed[d.weekday().num_days_from_monday() as usize])
            .collect();
        if open.is_empty() {
            return ("双随机", None, Priority::Normal);
        }
        let from = open[rng.gen_range(0..open.len())];
        let to = (from + Duration::days(rng.gen_range(1..5))).min(end);
        ("投诉", Some((from, to)), prio(rng, 0.9, 0.0))
    }
}
