//! Provides the rules on teams (E1302, W1305–W1307).

use crate::diag::Diagnostic;
use crate::i18n::Key;
use crate::ingest::codes;
use crate::model::Loc;
use crate::msg;
use chrono::NaiveDate;

/// E1302: a team covers at least one department.
pub fn e1302_team_no_department(count: usize, id: &str, loc: &Loc) -> Option<Diagnostic> {
    (count == 0).then(|| {
        Diagnostic::error(
            codes::TEAM_NO_DEPARTMENT,
            loc.clone(),
            msg!(E1302NoDepartment, team = id),
        )
        .with_help(Key::E1302Help)
    })
}

/// W1305: each department a team covers is named by some plan (else it is likely a typo).
pub fn w1305_team_department_unused(used: bool, dept: &str, loc: &Loc) -> Option<Diagnostic> {
    (!used).then(|| {
        Diagnostic::warning(
            codes::TEAM_DEPARTMENT_UNUSED,
            loc.clone(),
            msg!(W1305Unused, department = dept),
        )
        .with_help(Key::W1305Help)
    })
}

/// W1306: a listed team day is a working day.
pub fn w1306_team_day_not_working(date: NaiveDate, loc: &Loc) -> Diagnostic {
    Diagnostic::warning(
        codes::TEAM_DAY_NOT_WORKING,
        loc.clone(),
        msg!(W1306NotWorking, date = date),
    )
    .with_help(Key::W1306Help)
}

/// W1307: a team works at least one day of the horizon.
pub fn w1307_team_no_day(works: bool, id: &str, loc: &Loc) -> Option<Diagnostic> {
    (!works)
        .then(|| Diagnostic::warning(codes::TEAM_NO_DAY, loc.clone(), msg!(W1307NoDay, team = id)))
}
