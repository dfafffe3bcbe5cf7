//! Provides header matching: canonical English names and the Chinese aliases clerks use, in
//! any column order, ignoring case, spaces and a unit in brackets (`检查时长（分钟）`).

use super::codes;
use super::table::Table;
use crate::diag::Diagnostic;
use std::collections::HashMap;

/// A field a table may have.
#[derive(Debug, Clone, Copy)]
pub struct Field {
    /// Canonical English name.
    pub name: &'static str,
    /// Other accepted names.
    pub aliases: &'static [&'static str],
    /// True when a table without this column cannot be read.
    pub required: bool,
}

const fn field(name: &'static str, aliases: &'static [&'static str], required: bool) -> Field {
    Field {
        name,
        aliases,
        required,
    }
}

/// Columns of `firms.csv`.
pub const FIRM_FIELDS: &[Field] = &[
    field(
        "firm_id",
        &[
            "统一社会信用代码",
            "社会信用代码",
            "信用代码",
            "credit_code",
            "id",
        ],
        true,
    ),
    field("name", &["企业名称", "名称", "单位名称", "firm_name"], true),
    field("address", &["地址", "经营地址", "住所"], false),
    field(
        "township",
        &[
            "乡镇",
            "街道",
            "所属乡镇",
            "乡镇街道",
            "乡镇/街道",
            "所属街道",
        ],
        false,
    ),
    field("lon", &["经度", "longitude", "lng"], true),
    field("lat", &["纬度", "latitude"], true),
    field("industry", &["行业", "行业类别"], false),
    field("risk", &["风险等级", "风险", "信用等级"], false),
    field("hours", &["营业时间", "开放时间", "opening_hours"], false),
    field("closed", &["休息日", "歇业日", "closed_days"], false),
];

/// Columns of `teams.csv`.
pub const TEAM_FIELDS: &[Field] = &[
    field("team_id", &["检查组编号", "编号", "检查组", "id"], true),
    field("name", &["名称", "检查组名称", "team_name"], false),
    field(
        "departments",
        &["部门", "所属部门", "覆盖部门", "department"],
        true,
    ),
    field("base_lon", &["驻地经度", "经度", "lon"], true),
    field("base_lat", &["驻地纬度", "纬度", "lat"], true),
    field("shift", &["工作时间", "班次"], false),
    field("days", &["出勤日期", "出勤日", "工作日"], false),
    field("capacity", &["每日容量", "容量", "每日上限"], false),
];

/// Columns of a department's plan.
pub const PLAN_FIELDS: &[Field] = &[
    field("task_id", &["任务编号", "编号", "id"], true),
    field("department", &["部门", "检查部门"], false),
    field(
        "firm_id",
        &[
            "统一社会信用代码",
            "社会信用代码",
            "信用代码",
            "credit_code",
        ],
        true,
    ),
    field("firm_name", &["企业名称", "名称", "单位名称"], false),
    field("item", &["检查事项", "事项", "检查内容"], false),
    field(
        "earliest",
        &["最早日期", "开始日期", "最早", "起始日期"],
        false,
    ),
    field(
        "latest",
        &["最晚日期", "截止日期", "结束日期", "最晚"],
        false,
    ),
    field("minutes", &["检查时长", "时长", "分钟", "duration"], true),
    field("priority", &["优先级", "重要性"], false),
    field("source", &["来源", "任务来源", "检查类型"], false),
    field("demand", &["用量", "需求量"], false),
];

/// Columns of `departments.csv`.
pub const DEPARTMENT_FIELDS: &[Field] = &[
    field("department", &["部门", "代码", "部门代码", "code"], true),
    field("name", &["名称", "部门名称"], false),
];

/// Columns of the travel matrix named by `[travel] matrix` in `chayici.toml`. A unit in
/// brackets is ignored, so `距离(公里)` is `距离` and `时间(分钟)` is `时间`.
pub const TRAVEL_FIELDS: &[Field] = &[
    field(
        "from",
        &["起点", "出发地", "起点编号", "出发", "origin", "source"],
        true,
    ),
    field(
        "to",
        &[
            "终点",
            "目的地",
            "到达地",
            "终点编号",
            "到达",
            "destination",
            "target",
        ],
        true,
    ),
    field(
        "km",
        &[
            "距离",
            "公里",
            "里程",
            "路程",
            "distance",
            "distance_km",
            "travel_km",
        ],
        true,
    ),
    field(
        "minutes",
        &[
            "时间",
            "分钟",
            "时长",
            "用时",
            "行驶时间",
            "duration",
            "time",
            "travel_minutes",
        ],
        true,
    ),
];

/// Lower-cases, drops spaces, underscores, hyphens and a bracketed unit, so `Firm ID`,
/// `firm_id` and `FIRM-ID` match, and `检查时长（分钟）` matches `检查时长`.
pub fn normalize_header(s: &str) -> String {
    let mut base = s.trim().trim_start_matches('\u{feff}').to_lowercase();
    if let Some(i) = base.find(['(', '（', '[', '【']) {
        base.truncate(i);
    }
    base.chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '_' | '-' | '*'))
        .collect()
}

/// Which column holds each field of a table.
#[derive(Debug, Clone, Default)]
pub struct Columns {
    by_field: HashMap<&'static str, usize>,
}

impl Columns {
    /// The column of `field`, if the table has it.
    pub fn get(&self, field: &str) -> Option<usize> {
        self.by_field.get(field).copied()
    }
}

/// The header's cells as written, `, `-joined, for the message that says a column is missing.
fn header_text(table: &Table) -> String {
    let cells: Vec<&str> = table.header.iter().map(|c| c.text.as_str()).collect();
    cells.join(", ")
}

/// Matches a table's header against `fields`. Returns the columns and a diagnostic for every
/// required column missing and every field named twice; extra columns are ignored.
pub fn map_headers(table: &Table, fields: &[Field]) -> (Columns, Vec<Diagnostic>) {
    let mut cols = Columns::default();
    let mut diags = Vec::new();
    for (i, cell) in table.header.iter().enumerate() {
        let h = normalize_header(&cell.text);
        if h.is_empty() {
            continue;
        }
        let found = fields.iter().find(|f| {
            normalize_header(f.name) == h || f.aliases.iter().any(|a| normalize_header(a) == h)
        });
        let Some(f) = found else { continue };
        if let Some(&first) = cols.by_field.get(f.name) {
            diags.push(
                Diagnostic::warning(
                    codes::DUPLICATE_COLUMN,
                    cell.loc.clone(),
                    format!(
                        "column `{}` is another `{}` column; column {} is used",
                        cell.text,
                        f.name,
                        first + 1
                    ),
                )
                .with_help("remove or rename one of the two columns"),
            );
        } else {
            cols.by_field.insert(f.name, i);
        }
    }
    for f in fields.iter().filter(|f| f.required) {
        if cols.get(f.name).is_none() {
            let alias = f.aliases.first().copied().unwrap_or(f.name);
            diags.push(
                Diagnostic::error(
                    codes::MISSING_COLUMN,
                    table.header_loc.clone(),
                    format!(
                        "required column `{}` is missing; the header reads `{}`",
                        f.name,
                        header_text(table)
                    ),
                )
                .with_help(format!("add a column named `{}` or `{alias}`", f.name)),
            );
        }
    }
    (cols, diags)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::table::Cell;
    use crate::model::Loc;

    fn table(names: &[&str]) -> Table {
        Table {
            header: names
                .iter()
                .enumerate()
                .map(|(i, n)| Cell {
                    text: n.to_string(),
                    loc: Loc::line("f.csv", 1, Some(i as u32 + 1)),
                })
                .collect(),
            header_loc: Loc::line("f.csv", 1, None),
            ..Table::default()
        }
    }

    #[test]
    fn matches_aliases_in_any_order() {
        let t = table(&["检查时长（分钟）", " Task ID ", "统一社会信用代码", "备注"]);
        let (c, d) = map_headers(&t, PLAN_FIELDS);
        assert!(d.is_empty(), "{d:?}");
        assert_eq!(c.get("minutes"), Some(0));
        assert_eq!(c.get("task_id"), Some(1));
        assert_eq!(c.get("firm_id"), Some(2));
        assert_eq!(c.get("item"), None);
    }

    #[test]
    fn reports_missing_and_duplicate_columns() {
        let t = table(&["task_id", "任务编号"]);
        let (_, d) = map_headers(&t, PLAN_FIELDS);
        let codes: Vec<_> = d.iter().map(|d| d.code).collect();
        assert_eq!(codes, vec!["W0103", "E0102", "E0102"]);
        assert_eq!(
            d[1].message,
            "required column `firm_id` is missing; the header reads `task_id, 任务编号`"
        );
    }
}
