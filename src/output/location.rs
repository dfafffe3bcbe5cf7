//! Provides where a firm is, written for someone who has to find it: the county, the
//! township and the street address, so a calendar or a map search is not left to guess
//! which 建设路 is meant.

use crate::model::{Firm, Instance};

/// The county the workspace plans: the first word of its name when it ends in 县, 区, 市 or
/// 旗 (`常山县 2026年12月 示例` → `常山县`), else nothing, since a folder name says nothing
/// about a place.
pub fn county(inst: &Instance) -> &str {
    inst.name
        .split_whitespace()
        .next()
        .filter(|w| w.ends_with(['县', '区', '市', '旗']))
        .unwrap_or("")
}

/// `常山县 天马街道 建设路360号`: the county, the township and the address, each given once
/// (an address that starts with its township or county does not repeat it).
pub fn firm_location(inst: &Instance, firm: &Firm) -> String {
    let county = county(inst);
    let mut address = firm.address.trim();
    if !county.is_empty() {
        address = address.strip_prefix(county).unwrap_or(address).trim_start();
    }
    let township = firm.township.trim();
    if !township.is_empty() {
        address = address
            .strip_prefix(township)
            .unwrap_or(address)
            .trim_start();
    }
    [county, township, address]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}
