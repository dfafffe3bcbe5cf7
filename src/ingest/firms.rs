//! Provides the register of firms read from `firms.csv` (or a workbook).

use super::credit_code::normalize;
use super::headers::{FIRM_FIELDS, map_headers_keeping};
use super::table::Table;
use super::toml_config::Config;
use super::validate::{coords, credit, ids, phone, values};
use crate::diag::Diagnostic;
use crate::model::{Firm, FirmIndex, OpeningHours, Point};
use std::collections::HashMap;

/// The firms, and their index by normalised credit code.
#[derive(Debug, Default)]
pub struct Register {
    /// Firms in file order; repeated ids are left out.
    pub firms: Vec<Firm>,
    /// Index of each firm by its normalised id.
    pub index: HashMap<String, FirmIndex>,
}

/// Reads the register's tables, pushing every problem to `diags`.
pub fn read_firms(tables: &[Table], cfg: &Config, diags: &mut Vec<Diagnostic>) -> Register {
    let mut reg = Register::default();
    let mut seen = ids::Seen::default();
    let default_hours = cfg.hours.clone().unwrap_or_else(|| cfg.shift.clone());
    for table in tables {
        let (cols, extra_cols, d) = map_headers_keeping(table, FIRM_FIELDS);
        diags.extend(d);
        let c = |name: &str| cols.get(name);
        if c("firm_id").is_none() {
            continue;
        }
        for row in &table.rows {
            let id_loc = row.loc_of(c("firm_id"));
            let id = normalize(row.text(c("firm_id")));
            if let Some(d) =
                ids::e0107_empty_required(&id, crate::i18n::Key::WordFirmIdCredit, &id_loc)
            {
                diags.push(d);
                continue;
            }
            if let Some(d) = ids::e1005_duplicate_firm(&mut seen, &id, &id_loc) {
                diags.push(d);
                continue;
            }
            diags.extend(credit::credit_code(&id, &id_loc));
            let name = row.text(c("name")).to_string();
            if c("name").is_some()
                && let Some(d) = ids::e0107_empty_required(
                    &name,
                    crate::i18n::Key::WordFirmName,
                    &row.loc_of(c("name")),
                )
            {
                diags.push(d);
            }
            let point = if c("lon").is_some() && c("lat").is_some() {
                coords::read_point(
                    row.get(c("lon")),
                    row.get(c("lat")),
                    &row.loc,
                    cfg.crs,
                    diags,
                )
            } else {
                None
            };
            let mut hours = OpeningHours::always(default_hours.clone());
            if let Some(cell) = row.get(c("hours")) {
                match values::e1201_hours(cell) {
                    Ok(w) => hours.windows = w,
                    Err(d) => diags.push(d),
                }
            }
            if let Some(cell) = row.get(c("closed")) {
                match values::e1202_closed(cell) {
                    Ok(list) => {
                        hours.closed_weekdays = list.weekdays;
                        hours.closed_dates = list.dates;
                    }
                    Err(d) => diags.push(d),
                }
            }
            let phone = row.text(c("phone")).to_string();
            diags.extend(phone::w2001_bad_phone(&phone, &row.loc_of(c("phone"))));
            let extra = extra_cols
                .iter()
                .filter_map(|&i| {
                    let value = row.text(Some(i));
                    (!value.is_empty()).then(|| (table.header[i].text.clone(), value.to_string()))
                })
                .collect();
            reg.index.insert(id.clone(), reg.firms.len());
            reg.firms.push(Firm {
                id,
                name,
                address: row.text(c("address")).to_string(),
                township: row.text(c("township")).to_string(),
                point: point.unwrap_or(Point::new(0.0, 0.0)),
                industry: row.text(c("industry")).to_string(),
                risk: row.text(c("risk")).to_string(),
                hours,
                contact: row.text(c("contact")).to_string(),
                phone,
                notes: row.text(c("notes")).to_string(),
                extra,
            });
        }
    }
    reg
}
