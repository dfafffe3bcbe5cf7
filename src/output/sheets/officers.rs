//! Provides the officers drawn for each visit (`chayici draw-officers`), as the route sheets,
//! the day sheets and the calendars name them: per department, each officer's name and
//! enforcement credential number.

use super::{Lang, VisitRow};
use crate::model::Instance;
use chrono::NaiveDate;
use std::collections::HashMap;

/// One officer as a sheet names them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NamedOfficer {
    /// Name.
    pub name: String,
    /// Enforcement credential number.
    pub credential: String,
}

/// The officers of one department at one visit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Crew {
    /// Department code.
    pub department: String,
    /// The officers drawn.
    pub officers: Vec<NamedOfficer>,
    /// True when fewer than the law's two could be drawn.
    pub short: bool,
}

/// The crews of every visit, keyed by team id, date, position in the route and firm id, so a
/// visit the plan no longer has finds none. Empty when no officers were drawn: the sheets
/// are then written as before, without the officers' column.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct VisitOfficers {
    visits: HashMap<(String, NaiveDate, usize, String), Vec<Crew>>,
}

impl VisitOfficers {
    /// Adds a department's crew to a visit.
    pub fn insert(
        &mut self,
        team_id: &str,
        date: NaiveDate,
        seq: usize,
        firm_id: &str,
        crew: Crew,
    ) {
        self.visits
            .entry((team_id.to_owned(), date, seq, firm_id.to_owned()))
            .or_default()
            .push(crew);
    }

    /// True when no visit has officers.
    pub fn is_empty(&self) -> bool {
        self.visits.is_empty()
    }

    /// The crews of a visit, in the order they were added.
    pub fn crews(&self, team_id: &str, date: NaiveDate, seq: usize, firm_id: &str) -> &[Crew] {
        self.visits
            .get(&(team_id.to_owned(), date, seq, firm_id.to_owned()))
            .map_or(&[], Vec::as_slice)
    }

    /// The crews of a sheet's row.
    pub fn of_row(&self, inst: &Instance, row: &VisitRow) -> &[Crew] {
        self.crews(
            &inst.teams[row.team].id,
            row.date,
            row.seq,
            &inst.firms[row.firm].id,
        )
    }
}

/// The department's display name (departments.csv), its code when it has none.
fn department_name<'a>(inst: &'a Instance, code: &'a str) -> &'a str {
    inst.departments
        .iter()
        .find(|d| d.code == code)
        .map_or(code, |d| d.name.as_str())
}

/// One crew's officers: `张一（3308001）、张二（3308002）` (or `张一 (3308001), …` in English),
/// with a note when fewer than two could be drawn. Not escaped: each format escapes it.
pub fn crew_text(crew: &Crew, lang: Lang) -> String {
    let (comma, short) = match lang {
        Lang::Zh => ("、", "（不足两人）"),
        Lang::En => (", ", " (fewer than two)"),
    };
    let mut text = crew
        .officers
        .iter()
        .map(|o| match lang {
            _ if o.credential.is_empty() => o.name.clone(),
            Lang::Zh => format!("{}（{}）", o.name, o.credential),
            Lang::En => format!("{} ({})", o.name, o.credential),
        })
        .collect::<Vec<_>>()
        .join(comma);
    if crew.short {
        text.push_str(short);
    }
    text
}

/// Every department's officers at a visit on one line, as the items are:
/// `市场监管：张一（3308001）、张二（3308002）；消防：…`.
pub fn officers_text(inst: &Instance, crews: &[Crew], lang: Lang) -> String {
    let (colon, semi) = match lang {
        Lang::Zh => ("：", "；"),
        Lang::En => (": ", "; "),
    };
    crews
        .iter()
        .map(|c| {
            format!(
                "{}{colon}{}",
                department_name(inst, &c.department),
                crew_text(c, lang)
            )
        })
        .collect::<Vec<_>>()
        .join(semi)
}

/// The header of the route sheets' officers column.
pub fn officers_header(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "检查人员(按部门)",
        Lang::En => "officers_by_department",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_crew_is_named_with_credentials_and_a_short_one_says_so() {
        let officer = |name: &str, credential: &str| NamedOfficer {
            name: name.into(),
            credential: credential.into(),
        };
        let crew = Crew {
            department: "scjg".into(),
            officers: vec![officer("张一", "3308001"), officer("S9", "")],
            short: false,
        };
        assert_eq!(crew_text(&crew, Lang::Zh), "张一（3308001）、S9");
        assert_eq!(crew_text(&crew, Lang::En), "张一 (3308001), S9");
        let short = Crew {
            officers: vec![officer("张一", "3308001")],
            short: true,
            ..crew
        };
        assert_eq!(crew_text(&short, Lang::Zh), "张一（3308001）（不足两人）");
    }
}
