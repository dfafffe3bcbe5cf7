//! Provides the 双随机 lottery of firms: each department draws the firms it will inspect at
//! its ratio, by grade, with every firm's published random number ([`numbers`]).
//!
//! Coordinated (the default): every department uses the same number per firm and takes a
//! firm when its number is below the department's ratio for the firm's grade (Poisson
//! sampling). Two departments therefore take the firms with the smallest numbers, and their
//! samples overlap as much as their ratios allow (a firm taken at ratio 10% is taken by every
//! department whose ratio for it is higher), while each department alone still takes each firm
//! with probability exactly its ratio. With `fixed_size`, a department takes in each grade the
//! `round(ratio × eligible)` eligible firms with the smallest numbers: exactly that many, each
//! eligible firm of the grade with probability exactly `n / eligible` (within `1 / (2 ×
//! eligible)` of the ratio), and the samples stay nested across departments as before.
//!
//! Pure: no file is read or written here.

pub mod caps;
pub mod numbers;
pub mod officers;

use chrono::NaiveDate;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// A firm of the directory the departments draw from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DirectoryFirm {
    /// Unified social credit code (`firm_id`).
    pub id: String,
    /// Name, for the publication list.
    pub name: String,
    /// Risk or credit grade (`risk` of firms.csv); may be empty.
    pub grade: String,
}

/// One row of `sampling.csv`: a department's ratio for the firms of one grade (`*`: every
/// grade no other row of the department names).
#[derive(Debug, Clone, PartialEq)]
pub struct SamplingRule {
    /// Department code, as plans and teams name it.
    pub department: String,
    /// The grade, or `*`.
    pub grade: String,
    /// The share of the grade's eligible firms to inspect, in 0..=1.
    pub ratio: f64,
    /// The inspection item (检查事项) of the tasks drawn.
    pub item: String,
    /// On-site minutes of each task drawn.
    pub minutes: u32,
    /// First day of the tasks' window.
    pub earliest: NaiveDate,
    /// Last day of the tasks' window.
    pub latest: NaiveDate,
    /// The tasks' source (双随机 unless the row says otherwise).
    pub source: String,
}

/// A firm a department (or every department, `None`) must leave alone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Exemption {
    /// The firm's credit code.
    pub firm: String,
    /// The department, or `None` for all.
    pub department: Option<String>,
    /// Why, as written.
    pub reason: String,
}

/// A past inspection, from `history.csv`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PastInspection {
    /// When.
    pub date: NaiveDate,
    /// By which department.
    pub department: String,
    /// Which firm (credit code).
    pub firm: String,
}

/// What to do with a firm the same department inspected less than `repeat_days` before the
/// window opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum RepeatRule {
    /// Leave it out of the draw (the default).
    #[default]
    Exclude,
    /// Keep it in the draw and flag it when drawn.
    Flag,
}

/// The `[draw]` settings of chayici.toml.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DrawSettings {
    /// Inspections a department may make of one firm in a calendar year, counting the one
    /// drawn; `None`: no cap.
    pub max_per_year: Option<u32>,
    /// A firm inspected by the same department fewer than this many days before the window
    /// opens is a repeat.
    pub repeat_days: u32,
    /// What a repeat does.
    pub repeat: RepeatRule,
    /// Departments that draw a fixed size per grade instead of Poisson sampling; `*`: all.
    pub fixed_size: BTreeSet<String>,
}

impl Default for DrawSettings {
    fn default() -> Self {
        Self {
            max_per_year: None,
            repeat_days: 30,
            repeat: RepeatRule::Exclude,
            fixed_size: BTreeSet::new(),
        }
    }
}

/// Everything a draw is computed from.
#[derive(Debug, Clone)]
pub struct DrawInput<'a> {
    /// The published seed.
    pub seed: &'a str,
    /// True: each department with its own numbers (for comparison only).
    pub independent: bool,
    /// The directory.
    pub firms: &'a [DirectoryFirm],
    /// Ratios.
    pub rules: &'a [SamplingRule],
    /// Firms left alone.
    pub exempt: &'a [Exemption],
    /// Past inspections.
    pub history: &'a [PastInspection],
    /// Caps and repeats.
    pub settings: &'a DrawSettings,
}

/// A firm a department drew.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Drawn {
    /// Index of the firm in the directory.
    #[serde(skip)]
    pub firm: usize,
    /// Index of the rule it was drawn under.
    #[serde(skip)]
    pub rule: usize,
    /// The number used.
    pub u: f64,
    /// Set when the department inspected the firm recently (`repeat = "flag"`): the date.
    pub repeat_of: Option<NaiveDate>,
}

/// Why a firm of a department's frame was left out before drawing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Reason {
    /// On exempt.csv; the reason as written.
    Exempt(String),
    /// Inspected this many times by the department this year already (the cap).
    Cap(u32),
    /// Inspected by the department on this date, fewer than `repeat_days` before the window.
    Repeat(NaiveDate),
}

impl Reason {
    /// The kind, as the summary counts it.
    pub fn kind(&self) -> &'static str {
        match self {
            Reason::Exempt(_) => "exempt",
            Reason::Cap(_) => "cap",
            Reason::Repeat(_) => "repeat",
        }
    }
}

/// A firm left out of a department's frame.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Excluded {
    /// Index of the firm in the directory.
    #[serde(skip)]
    pub firm: usize,
    /// Why.
    pub reason: Reason,
    /// Its number, so anyone can see whether it would have been drawn.
    pub u: f64,
}

/// One department's draw.
#[derive(Debug, Clone, PartialEq)]
pub struct DepartmentDraw {
    /// Department code.
    pub department: String,
    /// Firms of its grades in the directory, before exclusions.
    pub frame: usize,
    /// Firms left after exclusions: the ones that could be drawn.
    pub eligible: usize,
    /// The firms drawn, by credit code.
    pub drawn: Vec<Drawn>,
    /// The firms left out, by credit code.
    pub excluded: Vec<Excluded>,
}

/// A whole draw.
#[derive(Debug, Clone, PartialEq)]
pub struct Draw {
    /// Departments in code order.
    pub departments: Vec<DepartmentDraw>,
}

impl Draw {
    /// Firms drawn by at least two departments: the joint visits the draw makes possible.
    pub fn overlap(&self) -> usize {
        let mut count: BTreeMap<usize, usize> = BTreeMap::new();
        for d in &self.departments {
            for x in &d.drawn {
                *count.entry(x.firm).or_default() += 1;
            }
        }
        count.values().filter(|&&c| c >= 2).count()
    }

    /// Firms drawn by any department.
    pub fn firms_drawn(&self) -> usize {
        let all: BTreeSet<usize> = self
            .departments
            .iter()
            .flat_map(|d| d.drawn.iter().map(|x| x.firm))
            .collect();
        all.len()
    }
}

/// The rule of `department` that applies to a firm of `grade`: the one naming the grade,
/// else its `*` row.
fn rule_for(rules: &[(usize, &SamplingRule)], grade: &str) -> Option<usize> {
    rules
        .iter()
        .find(|(_, r)| r.grade == grade)
        .or_else(|| rules.iter().find(|(_, r)| r.grade == "*"))
        .map(|(i, _)| *i)
}

/// Runs the draw. Deterministic: the result depends on the input's content only, not on the
/// order of firms, rules or history rows.
pub fn draw(input: &DrawInput) -> Draw {
    let mut by_department: BTreeMap<&str, Vec<(usize, &SamplingRule)>> = BTreeMap::new();
    for (i, r) in input.rules.iter().enumerate() {
        by_department.entry(&r.department).or_default().push((i, r));
    }
    let mut order: Vec<usize> = (0..input.firms.len()).collect();
    order.sort_by(|&a, &b| input.firms[a].id.cmp(&input.firms[b].id));
    let shared: Vec<f64> = input
        .firms
        .iter()
        .map(|f| numbers::number_for(input.seed, None, &f.id))
        .collect();
    let caps = caps::Caps::new(input.exempt, input.history, input.settings);
    let departments = by_department
        .into_iter()
        .map(|(department, rules)| {
            let u = |firm: usize| {
                if input.independent {
                    numbers::number_for(input.seed, Some(department), &input.firms[firm].id)
                } else {
                    shared[firm]
                }
            };
            // Per rule (stratum): the eligible firms, with their numbers.
            let mut strata: BTreeMap<usize, Vec<(usize, f64, Option<NaiveDate>)>> = BTreeMap::new();
            let mut frame = 0;
            let mut excluded = Vec::new();
            for &f in &order {
                let Some(rule) = rule_for(&rules, &input.firms[f].grade) else {
                    continue;
                };
                frame += 1;
                let r = &input.rules[rule];
                match caps.check(department, &input.firms[f].id, r.earliest) {
                    caps::Verdict::Out(reason) => excluded.push(Excluded {
                        firm: f,
                        reason,
                        u: u(f),
                    }),
                    caps::Verdict::In(repeat_of) => {
                        strata.entry(rule).or_default().push((f, u(f), repeat_of))
                    }
                }
            }
            let eligible = strata.values().map(Vec::len).sum();
            let fixed = input.settings.fixed_size.contains(department)
                || input.settings.fixed_size.contains("*");
            let mut drawn = Vec::new();
            for (rule, mut firms) in strata {
                let ratio = input.rules[rule].ratio;
                if fixed {
                    let n = (ratio * firms.len() as f64).round() as usize;
                    firms.sort_by(|a, b| a.1.total_cmp(&b.1).then_with(|| a.0.cmp(&b.0)));
                    firms.truncate(n);
                } else {
                    firms.retain(|x| x.1 < ratio);
                }
                drawn.extend(firms.into_iter().map(|(firm, u, repeat_of)| Drawn {
                    firm,
                    rule,
                    u,
                    repeat_of,
                }));
            }
            drawn.sort_by(|a, b| input.firms[a.firm].id.cmp(&input.firms[b.firm].id));
            DepartmentDraw {
                department: department.to_string(),
                frame,
                eligible,
                drawn,
                excluded,
            }
        })
        .collect();
    Draw { departments }
}

#[cfg(test)]
mod tests;
