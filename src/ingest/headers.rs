//! Provides header matching: canonical English names and the Chinese aliases clerks use, in
//! any column order, ignoring case, spaces and a unit in brackets (`检查时长（分钟）`).

use super::codes;
use super::table::Table;
use crate::diag::Diagnostic;
use crate::i18n::{Arg, Key, Msg, ToArg, optional};
use crate::model::{Loc, column_letters};
use crate::msg;
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

pub(crate) const fn field(
    name: &'static str,
    aliases: &'static [&'static str],
    required: bool,
) -> Field {
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
    field("contact", &["联系人", "负责人", "联系人姓名"], false),
    field(
        "phone",
        &["联系电话", "电话", "手机", "联系方式", "telephone", "tel"],
        false,
    ),
    field(
        "notes",
        &["备注", "说明", "附注", "note", "remark", "remarks"],
        false,
    ),
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
    field(
        "max_days",
        &["最多出勤天数", "出勤天数上限", "最多天数"],
        false,
    ),
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
    field("aliases", &["别名", "简称", "alias"], false),
];

/// Columns of `done.csv`: what became of the tasks the plan sent teams to. `note` is the
/// clerk's own remark, kept with the record.
pub const DONE_FIELDS: &[Field] = &[
    field("task_id", &["任务编号", "编号", "id"], true),
    field("status", &["状态", "完成情况", "检查结果", "结果"], true),
    field("date", &["日期", "检查日期", "完成日期"], false),
    field("note", &["备注", "notes", "remark"], false),
];

/// Columns of `pins.csv`: a task fixed to a team, a day or both; each row fills at least one.
pub const PIN_FIELDS: &[Field] = &[
    field("task_id", &["任务编号", "编号", "id"], true),
    field("team_id", &["检查组", "检查组编号", "team"], false),
    field("date", &["日期", "指定日期", "检查日期"], false),
];

/// Columns of `absences.csv`: a team out on a day or a range of days.
pub const ABSENCE_FIELDS: &[Field] = &[
    field("team_id", &["检查组", "检查组编号", "team"], true),
    field("date", &["日期", "缺勤日期", "请假日期"], true),
    field("reason", &["原因", "事由"], false),
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

/// Headers of columns a clerk keeps for themselves (row numbers, notes): not read, and not
/// reported. Any header starting with `#` is the clerk's own too.
pub const OWN_COLUMNS: &[&str] = &[
    "序号", "备注", "说明", "附注", "note", "notes", "remark", "remarks", "comment", "comments",
];

/// True when a header declares the column the clerk's own, so it is read as nothing and
/// reported as nothing.
pub fn is_own_column(header: &str) -> bool {
    let t = header.trim().trim_start_matches('\u{feff}');
    let h = normalize_header(t);
    t.starts_with(['#', '＃']) || OWN_COLUMNS.iter().any(|n| normalize_header(n) == h)
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
/// column that is not read: a required field missing, a field named twice, an unknown header,
/// a column holding data under no header or under a merged one, and merged cells that leave
/// a known column empty. Columns whose header [`is_own_column`] are left alone.
pub fn map_headers(table: &Table, fields: &[Field]) -> (Columns, Vec<Diagnostic>) {
    let (cols, _, diags) = map_headers_with(table, fields, false);
    (cols, diags)
}

/// Like [`map_headers`], for a table whose unknown columns are carried rather than dropped
/// (the register's own columns, such as `法人代表`): returns them too, in header order. Such a
/// column is only reported (`W0109`) when its header is close to a known one, as a typo may
/// hide a field that is then not read.
pub fn map_headers_keeping(
    table: &Table,
    fields: &[Field],
) -> (Columns, Vec<usize>, Vec<Diagnostic>) {
    map_headers_with(table, fields, true)
}

fn map_headers_with(
    table: &Table,
    fields: &[Field],
    keep: bool,
) -> (Columns, Vec<usize>, Vec<Diagnostic>) {
    let mut cols = Columns::default();
    let mut diags = Vec::new();
    let mut unknown = Vec::new();
    for (i, cell) in table.header.iter().enumerate() {
        let h = normalize_header(&cell.text);
        if h.is_empty() {
            continue;
        }
        // A field's own name comes first: done.csv reads its `note` (备注) column, which in
        // every other table is the clerk's own.
        let found = fields.iter().find(|f| {
            normalize_header(f.name) == h || f.aliases.iter().any(|a| normalize_header(a) == h)
        });
        let Some(f) = found else {
            if !is_own_column(&cell.text) {
                unknown.push(i);
            }
            continue;
        };
        if let Some(&first) = cols.by_field.get(f.name) {
            diags.push(
                Diagnostic::warning(
                    codes::DUPLICATE_COLUMN,
                    cell.loc.clone(),
                    msg!(
                        W0103Duplicate,
                        header = &cell.text,
                        field = f.name,
                        first = first + 1
                    ),
                )
                .with_help(Key::W0103Help),
            );
        } else {
            cols.by_field.insert(f.name, i);
        }
    }
    for &i in &unknown {
        if !keep {
            diags.push(w0109_unknown_column(table, i, fields, &cols));
        } else if closest(&normalize_header(&table.header[i].text), fields, &cols).is_some() {
            diags.push(w0109_kept_column(table, i, fields, &cols));
        }
    }
    diags.extend(headerless_data(table, &absent_fields(fields, &cols)));
    diags.extend(e0114_merged_data(table, &cols));
    for f in fields.iter().filter(|f| f.required) {
        if cols.get(f.name).is_none() {
            let alias = f.aliases.first().copied().unwrap_or(f.name);
            diags.push(
                Diagnostic::error(
                    codes::MISSING_COLUMN,
                    table.header_loc.clone(),
                    msg!(E0102Missing, field = f.name, header = header_text(table)),
                )
                .with_help(msg!(E0102Help, field = f.name, alias = alias)),
            );
        }
    }
    let kept = if keep { unknown } else { Vec::new() };
    (cols, kept, diags)
}

/// How a message names column `loc`: its letter in a workbook, its number in a text file.
fn column_label(loc: &Loc) -> String {
    match (loc.col, &loc.sheet) {
        (Some(c), Some(_)) => column_letters(c),
        (Some(c), None) => c.to_string(),
        (None, _) => "?".into(),
    }
}

/// W0109: a header that names no field, with the closest field name when one is close.
fn w0109_unknown_column(table: &Table, i: usize, fields: &[Field], cols: &Columns) -> Diagnostic {
    let cell = &table.header[i];
    let message = if table.keyed {
        msg!(W0109Key, key = &cell.text)
    } else {
        msg!(
            W0109Column,
            column = column_label(&cell.loc),
            header = &cell.text
        )
    };
    let own = if table.keyed {
        Key::W0109OwnKey
    } else {
        Key::W0109OwnColumn
    };
    let help = match closest(&normalize_header(&cell.text), fields, cols) {
        Some((name, field)) if name == field => msg!(W0109DidYouMean, field = field, own = own),
        Some((name, field)) => msg!(W0109DidYouMeanAlias, name = name, field = field, own = own),
        None => msg!(W0109Rename, own = own),
    };
    Diagnostic::warning(codes::UNKNOWN_COLUMN, cell.loc.clone(), message).with_help(help)
}

/// W0109 for a carried column whose header is close to a known field: it is kept as an
/// extra column, but the field it may have meant is not read.
fn w0109_kept_column(table: &Table, i: usize, fields: &[Field], cols: &Columns) -> Diagnostic {
    let cell = &table.header[i];
    let mut d = w0109_unknown_column(table, i, fields, cols);
    d.message = msg!(
        W0109Kept,
        column = column_label(&cell.loc),
        header = &cell.text
    );
    d
}

/// The name (as written in the table of fields) and field closest to header `h` among the
/// fields the table does not have yet, when at most half its characters differ.
fn closest(h: &str, fields: &[Field], cols: &Columns) -> Option<(&'static str, &'static str)> {
    let mut best: Option<(f64, &'static str, &'static str)> = None;
    for f in fields.iter().filter(|f| cols.get(f.name).is_none()) {
        for name in std::iter::once(f.name).chain(f.aliases.iter().copied()) {
            let n = normalize_header(name);
            let longest = n.chars().count().max(h.chars().count());
            let d = edit_distance(h, &n);
            let score = d as f64 / longest.max(1) as f64;
            if 2 * d <= longest && d < longest && best.is_none_or(|(b, _, _)| score < b) {
                best = Some((score, name, f.name));
            }
        }
    }
    best.map(|(_, name, field)| (name, field))
}

/// Levenshtein distance in characters.
pub(crate) fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            let swap = prev[j] + usize::from(ca != *cb);
            cur[j + 1] = swap.min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

/// The fields a table lacks, for a help that suggests what an unnamed column may be:
/// ` (this file has no `latest`, `source`)`, or nothing when it has them all.
fn absent_fields(fields: &[Field], cols: &Columns) -> Option<Msg> {
    let names: Vec<String> = fields
        .iter()
        .filter(|f| cols.get(f.name).is_none())
        .map(|f| format!("`{}`", f.name))
        .collect();
    (!names.is_empty()).then(|| msg!(E0110Absent, fields = names.join(", ")))
}

/// The columns holding data that one merged header block hides.
#[derive(Debug, Clone, Default)]
struct HiddenColumns {
    /// Their labels (`E`).
    labels: Vec<String>,
    /// The first one's header cell, and where its first datum is.
    first: Option<(Loc, Arg)>,
}

/// E0110 and E0111: a column that holds data under an empty header (or beyond the header's
/// last cell), which no field could read; E0111 when a merged header cell hides it.
fn headerless_data(table: &Table, absent: &Option<Msg>) -> Vec<Diagnostic> {
    let width = table
        .rows
        .iter()
        .map(|r| r.cells.len())
        .chain([table.header.len()])
        .max()
        .unwrap_or(0);
    let blank: Vec<bool> = (0..width)
        .map(|c| {
            table
                .header
                .get(c)
                .is_none_or(|h| normalize_header(&h.text).is_empty())
        })
        .collect();
    let mut first_data: Vec<Option<&Loc>> = vec![None; width];
    for row in &table.rows {
        for (c, cell) in row.cells.iter().enumerate() {
            if blank[c] && first_data[c].is_none() && !cell.text.is_empty() {
                first_data[c] = Some(&cell.loc);
            }
        }
    }
    let header_line = table.header_loc.line.unwrap_or(1);
    let mut diags = Vec::new();
    let mut under_merge = vec![HiddenColumns::default(); table.merged.len()];
    for (c, data) in first_data.into_iter().enumerate() {
        let Some(data) = data else { continue };
        let loc = match table.header.get(c) {
            Some(h) => h.loc.clone(),
            None => Loc {
                line: table.header_loc.line,
                ..data.clone()
            },
        };
        let label = column_label(&loc);
        let at = match (&data.sheet, data.line, data.col) {
            (Some(_), Some(l), Some(col)) => format!("{}{l}", column_letters(col)).to_arg(),
            (_, Some(l), _) => msg!(E0110Line, line = l).to_arg(),
            _ => data.to_arg(),
        };
        if let Some(m) = table.merged.iter().position(|m| m.hides(header_line, c)) {
            let hidden = &mut under_merge[m];
            hidden.first.get_or_insert((loc, at));
            hidden.labels.push(label);
        } else if table.keyed {
            diags.push(
                Diagnostic::error(codes::HEADERLESS_COLUMN, data.clone(), msg!(E0110Key))
                    .with_help(msg!(E0110KeyHelp, absent = optional(absent.clone()))),
            );
        } else {
            diags.push(
                Diagnostic::error(
                    codes::HEADERLESS_COLUMN,
                    loc,
                    msg!(E0110Column, column = label, at = at),
                )
                .with_help(msg!(E0110ColumnHelp, absent = optional(absent.clone()))),
            );
        }
    }
    for (m, HiddenColumns { labels, first }) in table.merged.iter().zip(under_merge) {
        let Some((loc, first)) = first else { continue };
        let one = &labels[0];
        let message = if labels.len() == 1 {
            msg!(E0111One, column = one, range = &m.range, first = first)
        } else {
            msg!(
                E0111Many,
                columns = labels.join(", "),
                range = &m.range,
                first = first
            )
        };
        diags.push(Diagnostic::error(codes::MERGED_HEADER, loc, message).with_help(Key::E0111Help));
    }
    diags
}

/// E0114: merged cells over a known column below the header, which leave every cell but the
/// first empty, though the sheet shows them filled.
fn e0114_merged_data(table: &Table, cols: &Columns) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    for m in &table.merged {
        let first = table
            .rows
            .partition_point(|r| r.loc.line.unwrap_or(0) < m.lines.0);
        let hides_known = table.rows[first..]
            .iter()
            .take_while(|r| r.loc.line.unwrap_or(0) <= m.lines.1)
            .any(|r| {
                let line = r.loc.line.unwrap_or(0);
                cols.by_field.values().any(|&c| m.hides(line, c))
            });
        if hides_known {
            diags.push(
                Diagnostic::error(
                    codes::MERGED_CELLS,
                    m.loc.clone(),
                    msg!(E0114Merged, range = &m.range),
                )
                .with_help(Key::E0114Help),
            );
        }
    }
    diags
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
            d[1].message.en(),
            "required column `firm_id` is missing; the header reads `task_id, 任务编号`"
        );
    }

    #[test]
    fn own_columns_are_declared_by_hash_or_a_note_name() {
        assert!(is_own_column("#联系人"));
        assert!(is_own_column("＃ contact"));
        assert!(is_own_column("备注"));
        assert!(is_own_column(" Remarks "));
        assert!(!is_own_column("latest"));
        assert!(!is_own_column("截止时间"));
    }

    #[test]
    fn edit_distance_counts_characters() {
        assert_eq!(edit_distance("截止时间", "截止日期"), 2);
        assert_eq!(edit_distance("priorty", "priority"), 1);
        assert_eq!(edit_distance("", "abc"), 3);
    }

    #[test]
    fn keyed_tables_name_keys_not_positions() {
        let mut t = table(&["task_id", "deadline"]);
        t.keyed = true;
        let (_, d) = map_headers(&t, PLAN_FIELDS);
        assert_eq!(d[0].code, codes::UNKNOWN_COLUMN);
        assert!(
            d[0].message.en().starts_with("key `deadline`"),
            "{}",
            d[0].message.en()
        );
    }
}
