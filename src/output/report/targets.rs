//! Provides the report's table of the reform's shares against the targets, per department
//! and for the county, in the words the office reports upward.

use super::escape::Esc;
use crate::stats::{Figures, Share, Statistics};
use std::io::{self, Write};

/// `47.3%`, or `—` when the share has no whole.
pub fn percent_label(s: Share) -> String {
    s.percent().map_or("—".to_string(), |p| format!("{p:.1}%"))
}

/// `达标 met`, `未达标 not met`, or `—` when there is nothing to judge.
pub fn met_label(met: Option<bool>) -> &'static str {
    match met {
        Some(true) => "达标 met",
        Some(false) => "未达标 not met",
        None => "—",
    }
}

fn row<W: Write>(w: &mut W, label: &str, f: &Figures, s: &Statistics) -> io::Result<()> {
    let (joint_met, reduction_met) = f.against(&s.targets);
    let class = |m: Option<bool>| {
        if m == Some(false) {
            r#" class="miss""#
        } else {
            ""
        }
    };
    writeln!(
        w,
        "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td{}>{} {}</td><td>{}</td><td{}>{} {}</td></tr>",
        Esc(label),
        f.naive_visits,
        f.visits,
        f.led_visits,
        f.joint_visits,
        class(joint_met),
        percent_label(f.joint_share()),
        met_label(joint_met),
        percent_label(f.joint_task_share()),
        class(reduction_met),
        percent_label(f.reduction()),
        met_label(reduction_met),
    )
}

/// The table: one row per department, then the county.
pub fn write_targets_table<W: Write>(w: &mut W, s: &Statistics) -> io::Result<()> {
    let t = &s.targets;
    writeln!(
        w,
        r#"<h3>改革指标 Reform targets</h3><p class="muted">联合检查占比目标 joint share target ≥ {:.1}%，减少入企目标 reduction target ≥ {:.1}%。联合检查占比 = 联合入企 / 入企；任务联合率 = 联合入企中完成的任务 / 已完成任务。Joint share = joint visits / visits; task share = tasks done in joint visits / tasks done.</p>"#,
        f64::from(t.joint_share) / 100.0,
        f64::from(t.reduction) / 100.0
    )?;
    writeln!(
        w,
        r#"<table id="targets"><thead><tr><th>部门 department</th><th>单独检查 naive</th><th>参加入企 visits</th><th>牵头入企 led</th><th>联合入企 joint</th><th>联合检查占比 joint share</th><th>任务联合率 task share</th><th>减少入企 reduction</th></tr></thead><tbody>"#
    )?;
    for d in &s.departments {
        row(w, &d.name, &d.figures, s)?;
    }
    row(w, "全县 county", &s.overall, s)?;
    writeln!(w, "</tbody></table>")
}
