//! Provides the register of firms: where they are, what they do, when they open.

use super::credit::{EntityKind, random_code};
use super::industry::{INDUSTRIES, Industry};
use super::places::{Bounds, round6, scatter};
use super::{FirmRow, Township};
use rand::Rng;
use std::collections::BTreeSet;

/// A generated firm with what later steps need beyond its row.
pub(super) struct GenFirm {
    pub row: FirmRow,
    /// Index into [`INDUSTRIES`].
    pub industry: usize,
    /// Index into the county's townships.
    pub town: usize,
    /// Closed weekdays, Monday = 0.
    pub closed: [bool; 7],
    /// Always given tasks, so that its tricky name reaches every output.
    pub featured: bool,
}

const BRAND_A: &[char] = &[
    '鑫', '福', '佳', '老', '兴', '永', '宏', '金', '富', '顺', '恒', '惠', '乐', '好', '百', '明',
    '康', '和', '华', '吉', '聚', '天', '瑞', '正', '同', '众', '利', '绿', '青', '鸿', '美', '新',
];
const BRAND_B: &[char] = &[
    '源', '满', '味', '街', '旺', '盛', '达', '成', '通', '民', '家', '运', '珠', '泰', '顺', '丰',
    '祥', '福', '诚', '利', '山', '柚', '意', '缘', '发', '隆', '安', '记', '香', '昌', '辉', '峰',
];
const ROADS: &[&str] = &[
    "人民路",
    "定阳路",
    "文峰路",
    "紫港路",
    "振兴路",
    "建设路",
    "育才路",
    "胜利路",
    "和平路",
    "解放路",
    "柚香路",
    "常山港路",
    "东明路",
    "新都大道",
];
const VILLAGES: &[&str] = &[
    "五里", "东坞", "大塘", "新桥", "金源", "石门", "高峰", "枫林", "塘边", "下坞", "溪口", "前山",
    "后山", "上方", "中村", "黄泥", "桥头", "坑口", "樟村", "田畈",
];

/// `n` firms spread over `towns` by weight, of industries some of `depts` inspect.
pub(super) fn generate(
    rng: &mut impl Rng,
    n: usize,
    towns: &[Township],
    bounds: Bounds,
    place: &str,
    depts: &[&str],
) -> Vec<GenFirm> {
    let counts = apportion(n, &towns.iter().map(|t| t.weight).collect::<Vec<_>>());
    let mut names = BTreeSet::new();
    let mut codes = BTreeSet::new();
    let mut firms = Vec::with_capacity(n);
    for (ti, town) in towns.iter().enumerate() {
        let mining = match town.name.as_str() {
            "辉埠镇" | "青石镇" => 4,
            _ if town.urban => 0,
            _ => [0, 1, 1, 3][rng.gen_range(0..4)],
        };
        let weights: Vec<u32> = INDUSTRIES
            .iter()
            .map(|ind| {
                let relevant = ind.depts.iter().any(|(d, _)| depts.contains(d));
                let base = if town.urban { ind.urban } else { ind.rural };
                match ind.name {
                    _ if !relevant => 0,
                    "矿山采石" => base * mining,
                    _ => base,
                }
            })
            .collect();
        for _ in 0..counts[ti] {
            let industry = pick(rng, &weights);
            let f = firm(
                rng,
                &INDUSTRIES[industry],
                town,
                bounds,
                place,
                &mut names,
                &mut codes,
            );
            let mut closed = [false; 7];
            for part in f.closed.split(';') {
                if let Some(d) = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
                    .iter()
                    .position(|w| *w == part)
                {
                    closed[d] = true;
                }
            }
            firms.push(GenFirm {
                row: f,
                industry,
                town: ti,
                closed,
                featured: false,
            });
        }
    }
    firms
}

fn firm(
    rng: &mut impl Rng,
    ind: &Industry,
    town: &Township,
    bounds: Bounds,
    place: &str,
    names: &mut BTreeSet<String>,
    codes: &mut BTreeSet<String>,
) -> FirmRow {
    let kind = match ind.kind {
        EntityKind::SoleTrader if rng.gen_bool(0.3) => EntityKind::Company,
        EntityKind::Cooperative if rng.gen_bool(0.4) => EntityKind::SoleTrader,
        k => k,
    };
    let id = loop {
        let code = random_code(rng, kind, &town.division);
        if codes.insert(code.clone()) {
            break code;
        }
    };
    let suffix = ind.suffixes[rng.gen_range(0..ind.suffixes.len())];
    let mut name = String::new();
    for attempt in 0.. {
        let brand: String = [
            BRAND_A[rng.gen_range(0..BRAND_A.len())],
            BRAND_B[rng.gen_range(0..BRAND_B.len())],
        ]
        .into_iter()
        .collect();
        let branch = if attempt >= 10 {
            format!("第{}分店", attempt - 8)
        } else {
            String::new()
        };
        name = if suffix.ends_with("公司") || suffix == "加油站" {
            format!("{place}{brand}{suffix}{branch}")
        } else {
            format!("{place}{}{brand}{suffix}{branch}", town.name)
        };
        if names.insert(name.clone()) {
            break;
        }
    }
    let address = if town.urban {
        let road = ROADS[rng.gen_range(0..ROADS.len())];
        format!("{}{road}{}号", town.name, rng.gen_range(1..400))
    } else {
        let village = VILLAGES[rng.gen_range(0..VILLAGES.len())];
        format!("{}{village}村{}号", town.name, rng.gen_range(1..120))
    };
    let p = scatter(rng, town.seat, town.urban, bounds);
    let risk = ['A', 'B', 'C', 'D'][pick(rng, &[20, 45, 25, 10])];
    let hours = if rng.gen_bool(0.6) {
        ind.hours[0]
    } else {
        ind.hours[rng.gen_range(0..ind.hours.len())]
    };
    let closed = ind
        .closed
        .iter()
        .scan(rng.gen_range(0.0..1.0), |u, &(days, p)| {
            *u -= p;
            Some((*u < 0.0).then_some(days))
        })
        .flatten()
        .next()
        .unwrap_or("");
    FirmRow {
        id,
        name,
        address,
        township: town.name.clone(),
        lon: round6(p.lon),
        lat: round6(p.lat),
        industry: ind.name.to_string(),
        risk,
        hours: hours.to_string(),
        closed: closed.to_string(),
    }
}

/// Makes a few rows awkward but valid, as real registers are: markup characters in a name
/// (escaping in HTML and XML outputs), a comma and quotes in an address (CSV quoting), and a
/// one-off closing date.
pub(super) fn add_tricky(firms: &mut [GenFirm], place: &str) {
    if let Some(f) = firms.iter_mut().find(|f| f.row.industry == "餐饮") {
        f.row.name = format!("{place}<新>餐饮&小吃店");
        f.row.hours = "09:30-13:30;16:30-21:00".to_string();
        f.row.closed = String::new();
        f.closed = [false; 7];
        f.featured = true;
    }
    if let Some(f) = firms.iter_mut().find(|f| f.row.industry == "零售") {
        f.row.address = format!("{}人民路88号\"老街\"商铺,2楼", f.row.township);
    }
    if let Some(f) = firms.iter_mut().find(|f| f.row.industry == "住宿") {
        f.row.closed = "2026-12-24".to_string();
    }
}

/// An index drawn with probability proportional to `weights` (all zero: index 0).
pub(super) fn pick(rng: &mut impl Rng, weights: &[u32]) -> usize {
    let total: u32 = weights.iter().sum();
    if total == 0 {
        return 0;
    }
    let mut u = rng.gen_range(0..total);
    for (i, &w) in weights.iter().enumerate() {
        if u < w {
            return i;
        }
        u -= w;
    }
    weights.len() - 1
}

/// `n` split in proportion to `weights`, by largest remainder, so the parts add up to `n`.
pub(super) fn apportion(n: usize, weights: &[u32]) -> Vec<usize> {
    let total: u64 = weights.iter().map(|&w| u64::from(w)).sum::<u64>().max(1);
    let exact: Vec<u64> = weights.iter().map(|&w| u64::from(w) * n as u64).collect();
    let mut parts: Vec<usize> = exact.iter().map(|&e| (e / total) as usize).collect();
    let mut order: Vec<usize> = (0..weights.len()).collect();
    order.sort_by_key(|&i| (std::cmp::Reverse(exact[i] % total), i));
    let missing = n - parts.iter().sum::<usize>();
    for &i in order.iter().take(missing) {
        parts[i] += 1;
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn apportion_adds_up_and_follows_weights() {
        let parts = apportion(400, &[30, 14, 12, 9, 5, 6, 5, 4, 5, 3, 3, 3, 3, 3]);
        assert_eq!(parts.iter().sum::<usize>(), 400);
        assert!(parts[0] > parts[1] && parts[1] > parts[13]);
        assert_eq!(apportion(3, &[1, 1, 1, 1]).iter().sum::<usize>(), 3);
    }
}
