//! Writes one letter per department (致 XX局), in Chinese, listing the advice it is asked to
//! act on: the firm, the task, what it is now, the proposed change and the door-knocks saved.
//! HTML to print or mail, XLSX to forward and fill in.

use super::AdviceJson;
use crate::model::{DeptIndex, Instance};
use crate::output::escape_cell;
use crate::output::report::escape::Esc;
use rust_xlsxwriter::{Format, FormatBorder, Workbook, XlsxError};
use std::fmt::Write as _;
use std::io::Write;

/// Columns of a letter's table.
const HEADER: [&str; 7] = [
    "序号",
    "企业",
    "任务/检查组",
    "现状",
    "建议调整",
    "可减少入企（次）",
    "说明",
];

/// Per department with advice, in department order, its pieces of advice in rank order.
pub fn letters_for<'a>(
    inst: &Instance,
    advice: &'a [AdviceJson],
) -> Vec<(DeptIndex, Vec<&'a AdviceJson>)> {
    (0..inst.departments.len())
        .map(|d| {
            let code = &inst.departments[d].code;
            let mine: Vec<&AdviceJson> = advice
                .iter()
                .filter(|a| a.departments.contains(code))
                .collect();
            (d, mine)
        })
        .filter(|(_, m)| !m.is_empty())
        .collect()
}

fn row(a: &AdviceJson) -> [String; 7] {
    let saved = match a.what_if {
        Some(w) => format!(
            "{}（试排实际 {}）",
            a.visits_saved_predicted, w.visits_saved
        ),
        None => a.visits_saved_predicted.to_string(),
    };
    [
        a.rank.to_string(),
        a.firm_names.join("、"),
        a.task_id
            .clone()
            .or_else(|| a.team_id.clone())
            .unwrap_or_default(),
        a.current.clone(),
        a.proposed.clone(),
        saved,
        a.text_zh.clone(),
    ]
}

/// The letter to department `d` as a self-contained HTML page.
pub fn letter_html(inst: &Instance, d: DeptIndex, items: &[&AdviceJson]) -> String {
    let name = &inst.departments[d].name;
    let total: usize = items.iter().map(|a| a.visits_saved_predicted).sum();
    let mut s = String::new();
    let _ = write!(
        s,
        r#"<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>致{n}：减少入企的建议</title>
<style>body{{font-family:sans-serif;max-width:60em;margin:2em auto}}table{{border-collapse:collapse;width:100%}}td,th{{border:1px solid #999;padding:4px 6px;vertical-align:top}}th{{background:#dde7f0}}</style></head>
<body><h1>致{n}</h1>
<p>为落实“综合查一次”、减少对企业的重复打扰，综合协调办公室根据 {ws} 本月各部门检查计划测算，下列 {k} 项调整可减少入企约 {total} 次。请研究后反馈意见。</p>
<table><thead><tr>"#,
        n = Esc(name),
        ws = Esc(&inst.name),
        k = items.len(),
    );
    for h in HEADER {
        let _ = write!(s, "<th>{h}</th>");
    }
    s.push_str("</tr></thead><tbody>\n");
    for a in items {
        s.push_str("<tr>");
        for c in row(a) {
            let _ = write!(s, "<td>{}</td>", Esc(&c));
        }
        s.push_str("</tr>\n");
    }
    s.push_str("</tbody></table>\n<p>“可减少入企”为按下界测算的次数；括号内为按调整后重新排程的实际结果。</p>\n</body></html>\n");
    s
}

/// The letter to department `d` as a workbook with one sheet.
pub fn letter_xlsx<W: Write>(
    w: W,
    inst: &Instance,
    d: DeptIndex,
    items: &[&AdviceJson],
) -> Result<(), XlsxError> {
    let mut book = Workbook::new();
    let head = Format::new()
        .set_bold()
        .set_background_color(0xDDE7F0)
        .set_border(FormatBorder::Thin);
    let cell = Format::new().set_text_wrap().set_border(FormatBorder::Thin);
    let sheet = book.add_worksheet();
    sheet.set_name("建议")?;
    sheet.write_string(0, 0, format!("致{}", inst.departments[d].name))?;
    for (c, (h, width)) in HEADER
        .iter()
        .zip([6.0, 28.0, 18.0, 24.0, 24.0, 14.0, 60.0])
        .enumerate()
    {
        sheet.set_column_width(c as u16, width)?;
        sheet.write_string_with_format(2, c as u16, *h, &head)?;
    }
    for (r, a) in items.iter().enumerate() {
        for (c, text) in row(a).iter().enumerate() {
            sheet.write_string_with_format(
                r as u32 + 3,
                c as u16,
                escape_cell(text).as_ref(),
                &cell,
            )?;
        }
    }
    let bytes = book.save_to_buffer()?;
    let mut w = w;
    w.write_all(&bytes)?;
    Ok(())
}
