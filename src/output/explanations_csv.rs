//! Provides `explanations.csv`: why a firm gets more than one visit, a row per explanation,
//! for the office to send each department its part.
//!
//! Unlike routes.csv, which scripts read, this file is for clerks: UTF-8 with a byte-order
//! mark (Excel on a Chinese Windows reads it right), Chinese headers, CRLF.

use super::escape_cell;
use crate::explain::{DayRange, Explanation};
use std::io::Write;

/// Columns of explanations.csv, in order.
pub const EXPLANATIONS_HEADER: [&str; 16] = [
    "统一社会信用代码",
    "企业名称",
    "任务编号",
    "部门",
    "入企次数",
    "原因代码",
    "原因",
    "说明",
    "Explanation",
    "时间窗甲",
    "时间窗乙",
    "相隔天数",
    "需覆盖部门",
    "检查组覆盖",
    "所需分钟",
    "可用分钟",
];

fn range(r: Option<DayRange>) -> String {
    r.map_or_else(String::new, |r| format!("{}..{}", r.first, r.last))
}

/// Writes explanations.csv.
pub fn write_explanations_csv<W: Write>(mut w: W, list: &[Explanation]) -> std::io::Result<()> {
    w.write_all(b"\xEF\xBB\xBF")?;
    let mut out = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(w);
    out.write_record(EXPLANATIONS_HEADER)?;
    for e in list {
        let f = &e.facts;
        let window_a = range(f.window_a.or(f.shared));
        let cells = [
            e.firm_id.clone(),
            e.firm_name.clone(),
            e.task_ids.join(";"),
            e.departments.join(";"),
            e.visits.to_string(),
            e.kind.code().to_owned(),
            e.kind.label_zh().to_owned(),
            e.text_zh.clone(),
            e.text_en.clone(),
            window_a,
            range(f.window_b),
            f.gap_days.map_or_else(String::new, |g| g.to_string()),
            f.departments.join(";"),
            f.teams
                .iter()
                .map(|t| format!("{}:{}", t.team, t.departments.join("+")))
                .collect::<Vec<_>>()
                .join(";"),
            f.minutes_needed.map_or_else(String::new, |m| m.to_string()),
            f.minutes_available
                .map_or_else(String::new, |m| m.to_string()),
        ];
        out.write_record(cells.iter().map(|c| escape_cell(c).into_owned()))?;
    }
    out.flush()?;
    Ok(())
}
