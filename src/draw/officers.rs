//! Provides the draw of inspectors (the second 随机 of 双随机): for every visit of a plan and
//! every department in it, two credentialed officers of that department (行政处罚法 Art. 42),
//! never one with a conflict at the firm (Art. 43), never one unavailable that day, never one
//! in two places at once, with the load spread.
//!
//! An officer rides with one team a day: once drawn for a team's day, the officer does that
//! team's visits only, so the visits never overlap (a team's visits are one after another)
//! and no travel between teams is assumed. For each team-day and department a crew of two is
//! drawn; at a firm where a crew member has a conflict, a free officer of the department
//! stands in for that visit (and is with that team for the day). Among the officers who may
//! go, the draw prefers those of the team (`team` in officers.csv, or none), then the fewest
//! visits so far this month, then the smallest random number of `seed|date|team|officer_id`
//! (as [`super::numbers`]), so it is seeded and replayable.

use super::numbers::random_number;
use crate::i18n::Msg;
use crate::msg;
use chrono::NaiveDate;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap, HashSet};

/// Officers per department at a visit (Art. 42).
pub const PER_DEPARTMENT: usize = 2;

/// An officer of the roster.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Officer {
    /// Officer id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Department code.
    pub department: String,
    /// Enforcement credential number; an officer without one is never drawn.
    pub credential: String,
    /// The team the officer usually works with, if any.
    pub team: String,
    /// Days the officer cannot go out.
    pub unavailable: HashSet<NaiveDate>,
    /// Firms (credit codes, upper case) the officer must not inspect.
    pub conflicts: HashSet<String>,
}

/// One visit of a plan, as the officers' draw sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VisitSlot {
    /// Team id.
    pub team: String,
    /// Day.
    pub date: NaiveDate,
    /// Position in the team's route that day, from 1.
    pub seq: usize,
    /// Firm (credit code).
    pub firm: String,
    /// Departments inspecting, in code order.
    pub departments: Vec<String>,
}

/// Officers drawn for one department at one visit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Staffing {
    /// Index of the visit.
    pub visit: usize,
    /// Department code.
    pub department: String,
    /// Officer indices in the roster (fewer than two when unstaffed).
    pub officers: Vec<usize>,
    /// Why not two, when fewer.
    pub unstaffed: Option<Shortfall>,
}

/// Why fewer than two officers of a department could go to a visit: the counts that ruled
/// them out, put into words in any language by [`Shortfall::msg`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Shortfall {
    /// Department code.
    pub department: String,
    /// Officers drawn.
    pub found: usize,
    /// Officers of the department on the roster.
    pub all: usize,
    /// Of them, without an enforcement credential.
    pub uncredentialed: usize,
    /// Credentialed, but unavailable that day.
    pub away: usize,
    /// Credentialed, with a conflict at the firm.
    pub conflict: usize,
    /// Credentialed, with another team that day.
    pub elsewhere: usize,
}

impl Shortfall {
    /// The reason in words: `1 of 2 officers of scjg: 3 on the roster, …`.
    pub fn msg(&self) -> Msg {
        msg!(
            OfficersShort,
            found = self.found,
            need = PER_DEPARTMENT,
            department = &self.department,
            all = self.all,
            uncredentialed = self.uncredentialed,
            away = self.away,
            conflict = self.conflict,
            elsewhere = self.elsewhere,
        )
    }
}

/// Draws officers for every visit. `visits` in any order; the result follows (date, team,
/// seq, department).
pub fn draw_officers(seed: &str, officers: &[Officer], visits: &[VisitSlot]) -> Vec<Staffing> {
    let mut order: Vec<usize> = (0..visits.len()).collect();
    order.sort_by(|&a, &b| {
        let (x, y) = (&visits[a], &visits[b]);
        (x.date, &x.team, x.seq).cmp(&(y.date, &y.team, y.seq))
    });
    let mut by_department: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, o) in officers.iter().enumerate() {
        if !o.credential.trim().is_empty() {
            by_department.entry(&o.department).or_default().push(i);
        }
    }
    let mut load = vec![0usize; officers.len()];
    // Officer → the team it rides with, per day.
    let mut riding: HashMap<(NaiveDate, usize), String> = HashMap::new();
    // (date, team, department) → the crew drawn for that team-day.
    let mut crews: BTreeMap<(NaiveDate, String, String), Vec<usize>> = BTreeMap::new();
    let mut out = Vec::new();
    for v in order {
        let visit = &visits[v];
        for department in &visit.departments {
            let pool = by_department
                .get(department.as_str())
                .map_or(&[][..], Vec::as_slice);
            let free = |o: usize, riding: &HashMap<(NaiveDate, usize), String>| {
                !officers[o].unavailable.contains(&visit.date)
                    && riding
                        .get(&(visit.date, o))
                        .is_none_or(|t| *t == visit.team)
            };
            let rank = |o: usize, load: &[usize]| {
                let other_team = !officers[o].team.is_empty() && officers[o].team != visit.team;
                let u = random_number(
                    seed,
                    &format!("{}|{}|{}", visit.date, visit.team, officers[o].id),
                );
                (other_team, load[o], u)
            };
            let key = (visit.date, visit.team.clone(), department.clone());
            if !crews.contains_key(&key) {
                let mut candidates: Vec<usize> =
                    pool.iter().copied().filter(|&o| free(o, &riding)).collect();
                candidates.sort_by(|&a, &b| {
                    let (x, y) = (rank(a, &load), rank(b, &load));
                    x.0.cmp(&y.0)
                        .then(x.1.cmp(&y.1))
                        .then(x.2.total_cmp(&y.2))
                        .then(a.cmp(&b))
                });
                candidates.truncate(PER_DEPARTMENT);
                for &o in &candidates {
                    riding.insert((visit.date, o), visit.team.clone());
                }
                crews.insert(key.clone(), candidates);
            }
            let conflicted = |o: usize| officers[o].conflicts.contains(&visit.firm.to_uppercase());
            let mut chosen: Vec<usize> = crews[&key]
                .iter()
                .copied()
                .filter(|&o| !conflicted(o))
                .collect();
            if chosen.len() < PER_DEPARTMENT {
                let mut standby: Vec<usize> = pool
                    .iter()
                    .copied()
                    .filter(|&o| !chosen.contains(&o) && !conflicted(o) && free(o, &riding))
                    .filter(|o| !crews[&key].contains(o))
                    .collect();
                standby.sort_by(|&a, &b| {
                    let (x, y) = (rank(a, &load), rank(b, &load));
                    x.0.cmp(&y.0)
                        .then(x.1.cmp(&y.1))
                        .then(x.2.total_cmp(&y.2))
                        .then(a.cmp(&b))
                });
                for o in standby.into_iter().take(PER_DEPARTMENT - chosen.len()) {
                    riding.insert((visit.date, o), visit.team.clone());
                    chosen.push(o);
                }
            }
            let unstaffed = (chosen.len() < PER_DEPARTMENT).then(|| {
                unstaffed_reason(officers, pool, visit, department, &riding, chosen.len())
            });
            for &o in &chosen {
                load[o] += 1;
            }
            chosen.sort_unstable();
            out.push(Staffing {
                visit: v,
                department: department.clone(),
                officers: chosen,
                unstaffed,
            });
        }
    }
    out
}

/// Why fewer than two officers of `department` could go: the counts that ruled them out.
fn unstaffed_reason(
    officers: &[Officer],
    pool: &[usize],
    visit: &VisitSlot,
    department: &str,
    riding: &HashMap<(NaiveDate, usize), String>,
    found: usize,
) -> Shortfall {
    let all = officers
        .iter()
        .filter(|o| o.department == department)
        .count();
    let uncredentialed = all - pool.len();
    let away = pool
        .iter()
        .filter(|&&o| officers[o].unavailable.contains(&visit.date))
        .count();
    let conflict = pool
        .iter()
        .filter(|&&o| officers[o].conflicts.contains(&visit.firm.to_uppercase()))
        .count();
    let elsewhere = pool
        .iter()
        .filter(|&&o| {
            riding
                .get(&(visit.date, o))
                .is_some_and(|t| *t != visit.team)
        })
        .count();
    Shortfall {
        department: department.to_string(),
        found,
        all,
        uncredentialed,
        away,
        conflict,
        elsewhere,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn officer(id: &str, department: &str) -> Officer {
        Officer {
            id: id.into(),
            name: id.into(),
            department: department.into(),
            credential: format!("33080{id}"),
            team: String::new(),
            unavailable: HashSet::new(),
            conflicts: HashSet::new(),
        }
    }

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, d).unwrap()
    }

    fn visit(team: &str, d: u32, seq: usize, firm: &str, deps: &[&str]) -> VisitSlot {
        VisitSlot {
            team: team.into(),
            date: day(d),
            seq,
            firm: firm.into(),
            departments: deps.iter().map(|s| s.to_string()).collect(),
        }
    }

    fn month() -> Vec<VisitSlot> {
        let mut v = Vec::new();
        for d in 1..=20 {
            for (t, team) in ["T1", "T2"].iter().enumerate() {
                for seq in 1..=4 {
                    let firm = format!("F{}", (d as usize * 7 + t * 3 + seq) % 11);
                    v.push(visit(team, d, seq, &firm, &["scjg", "xfjy"]));
                }
            }
        }
        v
    }

    #[test]
    fn an_officer_with_a_conflict_or_away_is_never_drawn_and_never_with_two_teams_a_day() {
        let mut roster: Vec<Officer> = (0..6)
            .map(|i| officer(&format!("s{i}"), "scjg"))
            .chain((0..6).map(|i| officer(&format!("x{i}"), "xfjy")))
            .collect();
        roster[0].conflicts.insert("F3".into());
        roster[1].conflicts.insert("F5".into());
        roster[6].unavailable.insert(day(4));
        roster[7].credential.clear();
        let visits = month();
        for seed in ["1", "2", "3"] {
            let s = draw_officers(seed, &roster, &visits);
            assert_eq!(s.len(), visits.len() * 2);
            let mut rides: HashMap<(NaiveDate, usize), &str> = HashMap::new();
            for x in &s {
                let v = &visits[x.visit];
                assert_eq!(x.officers.len(), 2, "{:?} {:?}", v, x.unstaffed);
                for &o in &x.officers {
                    let of = &roster[o];
                    assert_eq!(of.department, x.department);
                    assert!(!of.conflicts.contains(&v.firm), "{} at {}", of.id, v.firm);
                    assert!(!of.unavailable.contains(&v.date));
                    assert!(!of.credential.is_empty());
                    let team = rides.entry((v.date, o)).or_insert(&v.team);
                    assert_eq!(*team, v.team, "{} with two teams on {}", of.id, v.date);
                }
            }
            // The load is spread: the busiest scjg officer does at most a fifth more than the
            // least busy one who is never ruled out.
            let mut load = vec![0; roster.len()];
            for x in &s {
                for &o in &x.officers {
                    load[o] += 1;
                }
            }
            let scjg = &load[2..6];
            assert!(
                scjg.iter().max().unwrap() * 5 <= scjg.iter().min().unwrap() * 6,
                "{load:?}"
            );
            assert_eq!(load[7], 0);
        }
        assert_eq!(
            draw_officers("1", &roster, &visits),
            draw_officers("1", &roster, &visits)
        );
    }

    #[test]
    fn a_visit_no_two_officers_can_staff_is_listed_with_the_reason() {
        let mut roster = vec![
            officer("a", "scjg"),
            officer("b", "scjg"),
            officer("c", "scjg"),
        ];
        roster[0].conflicts.insert("F1".into());
        roster[1].unavailable.insert(day(1));
        let s = draw_officers("s", &roster, &[visit("T1", 1, 1, "f1", &["scjg"])]);
        assert_eq!(s[0].officers, vec![2]);
        let why = s[0].unstaffed.as_ref().unwrap().msg().en();
        assert!(
            why.contains("1 unavailable that day, 1 with a conflict"),
            "{why}"
        );
    }
}
