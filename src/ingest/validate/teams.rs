//! Provides the rules on teams (E1302, W1305–W1307).

use crate::diag::Diagnostic;
use crate::ingest::codes;
use crate::model::Loc;
use chrono::NaiveDate;

/// E1302: a team covers at least one department.
pub fn e1302_team_no_department(count: usize, id: &str, loc: &Loc) -> Option<Diagnostic> {
    (count == 0).then(|| {
        Diagnostic::error(
            codes::TEAM_NO_DEPARTMENT,
            loc.clone(),
            format!("team `{id}` covers no department"),
        )
        .with_help("list its departments separated by `;`, e.g. scjg;xfjy")
    })
}

/// W1305: each department a team covers is named by some plan (else it is likely a typo).
pub fn w1305_team_department_unused(used: bool, dept: &str, loc: &Loc) -> Option<Diagnostic> {
    (!used).then(|| {
        Diagnostic::warning(
            codes::TEAM_DEPARTMENT_UNUSED,
            loc.clone(),
            format!("department `{dept}` has no task in any plan"),
        )
        .with_help("check the spelling against the plans, or map names in departments.csv")
    })
}

/// W1306: a listed team day is a working day.
pub fn w1306_team_day_not_working(date: NaiveDate, loc: &Loc) -> Diagnostic {
    Diagnostic::warning(
        codes::TEAM_DAY_NOT_WORKING,
        loc.clone(),
        format!("{date} is not a working day; the team does not work then"),
    )
    .with_help("add the date to extra_workdays in chayici.toml to work it")
}

/// W1307: a team works at least one day of the horizon.
pub fn w1307_team_no_day(works: bool, id: &str, loc: &Loc) -> Option<Diagnostic> {
    (!works).then(|| {
        Diagnostic::warning(
            codes::TEAM_NO_DAY,
            loc.clone(),
            format!("team `{id}` works no day of the horizon"),
        )
    })
}
