//! Provides what every format of a generated plan file shares, CSV as well as XLSX and JSON:
//! the header in English and in Chinese, and how dates and priorities are spelled.

use crate::model::Priority;
use chrono::NaiveDate;

/// The plan files' header in English.
pub(super) const EN_TASK: [&str; 10] = crate::ingest::plans::CANONICAL_COLUMNS;

/// The plan files' header as Chinese clerks write it.
pub(super) const ZH_TASK: [&str; 10] = [
    "任务编号",
    "部门",
    "统一社会信用代码",
    "企业名称",
    "检查事项",
    "最早日期",
    "最晚日期",
    "检查时长",
    "优先级",
    "来源",
];

/// A date as ISO 8601 writes it, `2026-12-01`.
pub(super) fn iso(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

pub(super) fn chinese_priority(p: &Priority) -> &'static str {
    match p {
        Priority::Mandatory => "必查",
        Priority::Normal => "一般",
        Priority::Low => "可选",
    }
}
