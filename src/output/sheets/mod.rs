//! Provides the teams' route sheets: one XLSX workbook with a sheet per team, and one CSV per
//! team, a row per visit, for the office to print and hand to each team.
//!
//! Both formats share [`visit_rows`] so a printed sheet and the CSV a team imports never
//! disagree, and both are safe to open in a spreadsheet (see [`crate::output::escape_cell`]).

mod cells;
mod csv_sheet;
mod officers;
mod rows;
mod xlsx;

pub use cells::{file_stems, needs_formula_escape, sheet_names};
pub use csv_sheet::{write_team_csv, write_team_csv_with_officers};
pub use officers::{Crew, NamedOfficer, VisitOfficers, crew_text, officers_header, officers_text};
pub use rows::{VisitRow, dept_groups, extra_headers, team_rows, visit_rows};
pub use xlsx::{write_route_workbook, write_route_workbook_with_officers};

/// Language of column headers and list separators.
///
/// Chinese is the default because the sheets are printed for inspection teams; English serves
/// developers and scripts that prefer ASCII headers.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    /// Chinese headers (日期, 顺序 …) and Chinese punctuation in lists.
    #[default]
    Zh,
    /// English snake_case headers, matching `routes.csv` where the columns coincide.
    En,
}

/// The columns of a route sheet, in order; the same for CSV and XLSX. The register's other
/// columns ([`extra_headers`]) follow them.
pub fn headers(lang: Lang) -> [&'static str; 14] {
    match lang {
        Lang::Zh => [
            "日期",
            "顺序",
            "到达",
            "开始",
            "结束",
            "离开",
            "企业名称",
            "统一社会信用代码",
            "地址",
            "检查事项(按部门)",
            "任务编号",
            "联系人",
            "联系电话",
            "备注",
        ],
        Lang::En => [
            "date",
            "seq",
            "arrive",
            "start",
            "end",
            "depart",
            "firm_name",
            "firm_id",
            "address",
            "items_by_department",
            "task_ids",
            "contact",
            "phone",
            "notes",
        ],
    }
}
