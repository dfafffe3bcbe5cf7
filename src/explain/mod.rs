//! Explains, in the words of a department's clerk, why a firm's door is knocked on more than
//! once: for every two visits of one firm, and for every task done alone while another
//! department's task at the same firm was left out, the reason the two are not one visit and
//! the facts behind it (two windows and the gap between them, the teams' coverage, minutes
//! against the opening hours, the firm's closed days, pins).
//!
//! Pure: it reads the instance and a plan, and [`crate::output`] writes what it finds into
//! `explanations.csv`, plan.json and the report.

mod diagnose;
mod text;

pub use diagnose::{codes as codes_of, why_apart};

use crate::model::{DayIndex, FirmIndex, Instance, Plan, TaskIndex};
use chrono::NaiveDate;
use serde::Serialize;

/// Why two groups of one firm's tasks are not one visit; the code is stable, for scripts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ExplanationKind {
    /// Their date windows share no day.
    WindowsApart,
    /// No team covers all their departments together.
    NoTeamCovers,
    /// The firm is closed (or it is a holiday) on every day their windows share.
    FirmClosed,
    /// No team covering their departments works on a day the windows share and the firm is open.
    TeamsAway,
    /// Together they need more minutes on site than any opening window of the firm and shift
    /// window of a team allows.
    TooLongForHours,
    /// Pinned (`pins.csv`) to different teams or days.
    PinnedApart,
    /// One visit could do them all; the plan spent the teams' time elsewhere.
    CapacitySpent,
}

impl ExplanationKind {
    /// The code written in `explanations.csv` and plan.json.
    pub fn code(self) -> &'static str {
        match self {
            Self::WindowsApart => "windows_apart",
            Self::NoTeamCovers => "no_team_covers",
            Self::FirmClosed => "firm_closed",
            Self::TeamsAway => "teams_away",
            Self::TooLongForHours => "too_long_for_hours",
            Self::PinnedApart => "pinned_apart",
            Self::CapacitySpent => "capacity_spent",
        }
    }

    /// Short Chinese label, for the report.
    pub fn label_zh(self) -> &'static str {
        match self {
            Self::WindowsApart => "时间窗不重叠",
            Self::NoTeamCovers => "无检查组覆盖全部部门",
            Self::FirmClosed => "共同日期企业不营业",
            Self::TeamsAway => "共同日期无检查组出勤",
            Self::TooLongForHours => "检查时长超过营业时段",
            Self::PinnedApart => "已指定不同检查组或日期",
            Self::CapacitySpent => "检查组时间已安排其他任务",
        }
    }
}

/// A run of days, by date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct DayRange {
    /// First day.
    pub first: NaiveDate,
    /// Last day (inclusive).
    pub last: NaiveDate,
}

impl DayRange {
    /// The dates of days `first..=last` of the horizon.
    pub fn of(inst: &Instance, first: DayIndex, last: DayIndex) -> Self {
        let end = inst.calendar.len().saturating_sub(1);
        Self {
            first: inst.calendar.date(first.min(end)),
            last: inst.calendar.date(last.min(end)),
        }
    }

    /// `12-01至12-04`-like text, the same in both languages but for the word between.
    pub fn show(&self, between: &str) -> String {
        format!(
            "{}{between}{}",
            self.first.format("%m-%d"),
            self.last.format("%m-%d")
        )
    }
}

/// Which departments a team may inspect for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TeamCoverage {
    /// Team id.
    pub team: String,
    /// Department codes.
    pub departments: Vec<String>,
}

/// The facts behind an explanation; only those of its kind are set.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Facts {
    /// The earlier window (`windows_apart`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub window_a: Option<DayRange>,
    /// The later window (`windows_apart`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub window_b: Option<DayRange>,
    /// The task whose window ends first (`windows_apart`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub task_a: Option<String>,
    /// The task whose window starts last (`windows_apart`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub task_b: Option<String>,
    /// Days from the end of the earlier window to the start of the later one: moving either
    /// by this many days makes them meet (`windows_apart`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gap_days: Option<i64>,
    /// The days the windows share (`firm_closed`, `teams_away`, `too_long_for_hours`,
    /// `capacity_spent`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub shared: Option<DayRange>,
    /// Departments one team would have to cover (`no_team_covers`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub departments: Vec<String>,
    /// The teams and what they cover (`no_team_covers`, `teams_away`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub teams: Vec<TeamCoverage>,
    /// Minutes on site one visit would take, setup included (`too_long_for_hours`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub minutes_needed: Option<u32>,
    /// Longest stretch the firm's opening hours and a team's shift allow together
    /// (`too_long_for_hours`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub minutes_available: Option<u32>,
    /// `task:team@date` of each pinned task (`pinned_apart`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub pins: Vec<String>,
}

/// One explanation: a firm, the tasks concerned, why they are not one visit, and the facts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Explanation {
    /// The firm, by index (not written).
    #[serde(skip)]
    pub firm: FirmIndex,
    /// The firm's unified social credit code.
    pub firm_id: String,
    /// The firm's name.
    pub firm_name: String,
    /// The tasks concerned, in task order.
    pub task_ids: Vec<String>,
    /// Their departments' codes, in index order.
    pub departments: Vec<String>,
    /// Visits the firm gets in the plan.
    pub visits: usize,
    /// Why.
    pub kind: ExplanationKind,
    /// The reason in Chinese.
    pub text_zh: String,
    /// The reason in English.
    pub text_en: String,
    /// The facts.
    pub facts: Facts,
}

/// Every explanation the plan calls for, by firm, then by the visits' order (day, team).
///
/// For a firm visited more than once, one per pair of its visits; for a visit of a single
/// department, one per task of another department at the firm left unscheduled.
pub fn explain_plan(inst: &Instance, plan: &Plan) -> Vec<Explanation> {
    let mut visits: Vec<Vec<&[TaskIndex]>> = vec![Vec::new(); inst.firms.len()];
    // Routes are sorted by (day, team), so each firm's visits are in that order.
    for v in plan.routes.iter().flat_map(|r| &r.visits) {
        visits[v.firm].push(&v.tasks);
    }
    let mut left: Vec<Vec<TaskIndex>> = vec![Vec::new(); inst.firms.len()];
    for u in &plan.unscheduled {
        left[inst.tasks[u.task].firm].push(u.task);
    }
    let mut out = Vec::new();
    for (firm, vs) in visits.iter().enumerate() {
        for i in 0..vs.len() {
            for j in i + 1..vs.len() {
                out.push(explanation(inst, firm, vs.len(), vs[i], vs[j]));
            }
        }
        for v in vs {
            let depts = inst.departments_of(v);
            if depts.len() != 1 {
                continue;
            }
            for &u in &left[firm] {
                if !depts.contains(inst.tasks[u].department) {
                    out.push(explanation(inst, firm, vs.len(), v, &[u]));
                }
            }
        }
    }
    out
}

fn explanation(
    inst: &Instance,
    firm: FirmIndex,
    visits: usize,
    a: &[TaskIndex],
    b: &[TaskIndex],
) -> Explanation {
    let (kind, facts) = why_apart(inst, a, b);
    let mut tasks: Vec<TaskIndex> = a.iter().chain(b).copied().collect();
    tasks.sort_unstable();
    let (text_zh, text_en) = text::reason(inst, a, b, kind, &facts);
    Explanation {
        firm,
        firm_id: inst.firms[firm].id.clone(),
        firm_name: inst.firms[firm].name.clone(),
        task_ids: tasks.iter().map(|&t| inst.tasks[t].id.clone()).collect(),
        departments: diagnose::codes(inst, inst.departments_of(&tasks)),
        visits,
        kind,
        text_zh,
        text_en,
        facts,
    }
}
