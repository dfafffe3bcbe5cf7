//! Writes an explanation's reason for a clerk, in Chinese and in English, from its facts.

use super::{ExplanationKind as K, Facts};
use crate::model::{Instance, TaskIndex};

/// `名称（任务 A、B）`-like naming of a group: its departments' names and its tasks' ids.
fn group(inst: &Instance, tasks: &[TaskIndex], sep: &str) -> String {
    let names: Vec<&str> = inst
        .departments_of(tasks)
        .iter()
        .map(|d| inst.departments[d].name.as_str())
        .collect();
    let ids: Vec<&str> = tasks.iter().map(|&t| inst.tasks[t].id.as_str()).collect();
    format!("{} {}", names.join(sep), ids.join(sep))
}

/// The reason in Chinese and in English.
pub fn reason(
    inst: &Instance,
    a: &[TaskIndex],
    b: &[TaskIndex],
    kind: K,
    f: &Facts,
) -> (String, String) {
    let (ga, gb) = (group(inst, a, "、"), group(inst, b, "、"));
    let (ea, eb) = (group(inst, a, ", "), group(inst, b, ", "));
    let opt = |s: &Option<String>| s.clone().unwrap_or_default();
    match kind {
        K::WindowsApart => {
            let (wa, wb) = (
                f.window_a.unwrap_or_else(dummy),
                f.window_b.unwrap_or_else(dummy),
            );
            let gap = f.gap_days.unwrap_or(0);
            (
                format!(
                    "任务 {} 的检查时间为 {}，任务 {} 为 {}，两段时间不重叠，相隔 {gap} 天，无法同一次入企完成；将其中一项调整 {gap} 天两段时间即可衔接。",
                    opt(&f.task_a),
                    wa.show("至"),
                    opt(&f.task_b),
                    wb.show("至"),
                ),
                format!(
                    "the windows of {} ({}) and {} ({}) do not overlap: {gap} days apart; moving one by {gap} days makes them meet.",
                    opt(&f.task_a),
                    wa.show(" to "),
                    opt(&f.task_b),
                    wb.show(" to "),
                ),
            )
        }
        K::NoTeamCovers => {
            let cover = |sep: &str| {
                f.teams
                    .iter()
                    .map(|t| format!("{}: {}", t.team, t.departments.join(sep)))
                    .collect::<Vec<_>>()
                    .join("; ")
            };
            (
                format!(
                    "没有一个检查组同时具备 {} 的检查资格（各组覆盖：{}），{ga} 与 {gb} 只能分开入企。",
                    f.departments.join("、"),
                    cover("、"),
                ),
                format!(
                    "no team covers {} together (teams: {}), so {ea} and {eb} are separate visits.",
                    f.departments.join(", "),
                    cover(", "),
                ),
            )
        }
        K::FirmClosed => {
            let s = f.shared.unwrap_or_else(dummy);
            (
                format!(
                    "{ga} 与 {gb} 共同可查的日期 {} 企业均不营业（休息日或节假日），只能分开入企。",
                    s.show("至")
                ),
                format!(
                    "the firm is closed (or it is a holiday) on every day {ea} and {eb} share ({}).",
                    s.show(" to ")
                ),
            )
        }
        K::TeamsAway => {
            let s = f.shared.unwrap_or_else(dummy);
            let teams: Vec<&str> = f.teams.iter().map(|t| t.team.as_str()).collect();
            (
                format!(
                    "{ga} 与 {gb} 共同可查的日期 {} 内，能同时检查的检查组（{}）均不出勤。",
                    s.show("至"),
                    teams.join("、")
                ),
                format!(
                    "no team able to do {ea} and {eb} together ({}) works on the days they share ({}).",
                    teams.join(", "),
                    s.show(" to ")
                ),
            )
        }
        K::TooLongForHours => {
            let (need, have) = (
                f.minutes_needed.unwrap_or(0),
                f.minutes_available.unwrap_or(0),
            );
            (
                format!(
                    "{ga} 与 {gb} 合并检查需在场 {need} 分钟，超过企业营业时段与检查组工作时段的最长连续时间 {have} 分钟。"
                ),
                format!(
                    "{ea} and {eb} together need {need} minutes on site, more than the {have} minutes the firm's opening hours and a team's shift allow in one stretch."
                ),
            )
        }
        K::PinnedApart => (
            format!(
                "{ga} 与 {gb} 已被指定给不同的检查组或日期（{}）。",
                f.pins.join("；")
            ),
            format!(
                "{ea} and {eb} are pinned to different teams or days ({}).",
                f.pins.join("; ")
            ),
        ),
        K::CapacitySpent => (
            format!("{ga} 与 {gb} 本可一次入企完成，但检查组当期时间已安排其他任务（排程取舍）。"),
            format!(
                "{ea} and {eb} could share one visit, but the plan spent the teams' time elsewhere (a planning choice)."
            ),
        ),
    }
}

fn dummy() -> super::DayRange {
    let d = chrono::NaiveDate::MIN;
    super::DayRange { first: d, last: d }
}
