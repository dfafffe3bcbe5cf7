//! Writes a piece of advice for people (a sentence in Chinese and in English) and for tools
//! (advice.json's shape).

use super::{Advice, Change, Direction};
use crate::model::{Instance, Plan, fmt_minute};
use serde::Serialize;

/// A piece of advice as advice.json and `advise --format json` write it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AdviceJson {
    /// Rank, 1 first.
    pub rank: usize,
    /// `widen_window`, `shift_window`, `team_covers`, `firm_hours` or `firm_open_days`.
    pub kind: &'static str,
    /// Departments asked to make the change (codes).
    pub departments: Vec<String>,
    /// Firms whose visits it saves (credit codes).
    pub firm_ids: Vec<String>,
    /// Their names.
    pub firm_names: Vec<String>,
    /// The task whose window changes.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub task_id: Option<String>,
    /// The team that would cover one more department.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub team_id: Option<String>,
    /// What it is now (a window `2026-12-01..2026-12-04`, a team's departments, opening hours).
    pub current: String,
    /// What it would be.
    pub proposed: String,
    /// Days a window moves or grows.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub days: Option<usize>,
    /// Visits the lower bound loses with the change.
    pub visits_saved_predicted: usize,
    /// Visits the firms get in the plan given to `advise`, when one was.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub visits_now: Option<usize>,
    /// The what-if: both plans' figures, when it ran.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub what_if: Option<WhatIfJson>,
    /// The advice in Chinese.
    pub text_zh: String,
    /// The advice in English.
    pub text_en: String,
}

/// advice.json's `what_if`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct WhatIfJson {
    /// Visits of the plan without the change.
    pub visits_before: usize,
    /// Visits of the plan with it.
    pub visits_after: usize,
    /// The difference: visits actually saved.
    pub visits_saved: i64,
    /// Tasks scheduled without and with it.
    pub scheduled_before: usize,
    /// Tasks scheduled with it.
    pub scheduled_after: usize,
    /// `verify` accepts the changed plan.
    pub verified: bool,
}

fn window(inst: &Instance, first: usize, last: usize) -> String {
    let d = |i: usize| {
        inst.calendar
            .date(i.min(inst.calendar.len().saturating_sub(1)))
    };
    format!("{}..{}", d(first), d(last))
}

fn hours(ws: &[crate::model::TimeWindow]) -> String {
    ws.iter()
        .map(|w| format!("{}-{}", fmt_minute(w.start), fmt_minute(w.end)))
        .collect::<Vec<_>>()
        .join(";")
}

/// What the change's object is now and would be, and the advice in Chinese and English.
pub fn describe(inst: &Instance, a: &Advice) -> (String, String, String, String) {
    let saved = a.predicted;
    match &a.change {
        Change::WidenWindow {
            task,
            direction,
            days,
        }
        | Change::ShiftWindow {
            task,
            direction,
            days,
        } => {
            let t = &inst.tasks[*task];
            let mut changed = inst.clone();
            let _ = a.change.apply(&mut changed);
            let n = &changed.tasks[*task];
            let (current, proposed) = (
                window(inst, t.first_day, t.last_day),
                window(inst, n.first_day, n.last_day),
            );
            let firm = &inst.firms[t.firm].name;
            let shift = matches!(a.change, Change::ShiftWindow { .. });
            let (zh_verb, en_verb) = match (shift, direction) {
                (true, Direction::Earlier) => ("整体提前", "move it earlier by"),
                (true, Direction::Later) => ("整体推后", "move it later by"),
                (false, Direction::Earlier) => ("向前放宽", "open it earlier by"),
                (false, Direction::Later) => ("向后放宽", "extend it later by"),
            };
            (
                current.clone(),
                proposed.clone(),
                format!(
                    "任务 {}（{}，{}）检查时间 {current}，建议{zh_verb} {days} 天至 {proposed}，可与其他部门同一次入企，减少入企 {saved} 次。",
                    t.id, firm, t.item
                ),
                format!(
                    "task {} at {firm}: window {current}; {en_verb} {days} days to {proposed} and it shares a visit, saving {saved} visit(s).",
                    t.id
                ),
            )
        }
        Change::TeamCovers { team, department } => {
            let tm = &inst.teams[*team];
            let codes = |s: crate::model::DeptSet| crate::explain::codes_of(inst, s).join(";");
            let mut more = tm.departments;
            more.insert(*department);
            let dept = &inst.departments[*department].name;
            (
                codes(tm.departments),
                codes(more),
                format!(
                    "检查组 {}（{}）增加 {dept} 执法人员（或资格），可在 {} 家企业联合检查，减少入企 {saved} 次。",
                    tm.id,
                    tm.name,
                    a.firms.len()
                ),
                format!(
                    "let team {} also inspect for {dept}: joint visits at {} firm(s), saving {saved} visit(s).",
                    tm.id,
                    a.firms.len()
                ),
            )
        }
        Change::FirmHours { firm, windows } => {
            let f = &inst.firms[*firm];
            let (now, new) = (hours(&f.hours.windows), hours(windows));
            (
                now.clone(),
                new.clone(),
                format!(
                    "与 {} 协商接受检查的时间由 {now} 调整为 {new}，各部门可一次查完，减少入企 {saved} 次。",
                    f.name
                ),
                format!(
                    "agree with {} to receive inspectors {new} instead of {now}: one visit for all, saving {saved} visit(s).",
                    f.name
                ),
            )
        }
        Change::FirmOpenDays { firm } => {
            let f = &inst.firms[*firm];
            const DAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
            let closed: Vec<&str> = (0..7)
                .filter(|&d| f.hours.closed_weekdays[d])
                .map(|d| DAYS[d])
                .collect();
            let now = format!("closed {}", closed.join(";"));
            (
                now.clone(),
                "open every working day".into(),
                format!(
                    "与 {} 协商在其休息日（{}）接受检查，各部门可一次查完，减少入企 {saved} 次。",
                    f.name,
                    closed.join("、")
                ),
                format!(
                    "agree with {} to receive inspectors on its closed days ({}): saving {saved} visit(s).",
                    f.name,
                    closed.join(", ")
                ),
            )
        }
    }
}

/// The advice in advice.json's shape; `plan`, when given, counts the firms' current visits.
pub fn advice_json(inst: &Instance, list: &[Advice], plan: Option<&Plan>) -> Vec<AdviceJson> {
    list.iter()
        .enumerate()
        .map(|(i, a)| {
            let (current, proposed, text_zh, text_en) = describe(inst, a);
            let (task_id, team_id, days) = match &a.change {
                Change::WidenWindow { task, days, .. } | Change::ShiftWindow { task, days, .. } => {
                    (Some(inst.tasks[*task].id.clone()), None, Some(*days))
                }
                Change::TeamCovers { team, .. } => (None, Some(inst.teams[*team].id.clone()), None),
                _ => (None, None, None),
            };
            AdviceJson {
                rank: i + 1,
                kind: a.change.kind(),
                departments: a
                    .departments
                    .iter()
                    .map(|&d| inst.departments[d].code.clone())
                    .collect(),
                firm_ids: a.firms.iter().map(|&f| inst.firms[f].id.clone()).collect(),
                firm_names: a
                    .firms
                    .iter()
                    .map(|&f| inst.firms[f].name.clone())
                    .collect(),
                task_id,
                team_id,
                current,
                proposed,
                days,
                visits_saved_predicted: a.predicted,
                visits_now: plan.map(|p| {
                    p.routes
                        .iter()
                        .flat_map(|r| &r.visits)
                        .filter(|v| a.firms.contains(&v.firm))
                        .count()
                }),
                what_if: a.what_if.map(|w| WhatIfJson {
                    visits_before: w.visits_before,
                    visits_after: w.visits_after,
                    visits_saved: w.saved(),
                    scheduled_before: w.scheduled_before,
                    scheduled_after: w.scheduled_after,
                    verified: w.verified,
                }),
                text_zh,
                text_en,
            }
        })
        .collect()
}
