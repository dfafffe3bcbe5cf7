//! Provides the id rules: duplicates (E1005, E1301, E1401) and characters an id may not hold
//! (E1309, E1415, E1416). Ids key every cross-reference and are printed on the sheets teams
//! carry, so two ids must differ in more than case, and an id must survive being written in a
//! `;`-separated list (routes.csv's `task_ids` and `departments`, teams.csv's `departments`).

use crate::diag::{Diagnostic, is_unsafe_char};
use crate::i18n::{Key, Msg};
use crate::ingest::codes;
use crate::model::Loc;
use crate::msg;
use std::collections::HashMap;

/// First occurrences of ids of one kind, keyed without case: `T01` and `t01` look the same on a
/// printed sheet read in a hurry, and a clerk typing one for the other must not get two teams.
#[derive(Debug, Default)]
pub struct Seen {
    first: HashMap<String, (String, Loc)>,
}

impl Seen {
    /// True when `id` was recorded, ignoring case.
    pub fn contains(&self, id: &str) -> bool {
        self.first.contains_key(&id.to_lowercase())
    }

    /// Records `id` at `loc`; returns the id as first written and where, when this is a repeat
    /// (ignoring case).
    pub fn repeat_of(&mut self, id: &str, loc: &Loc) -> Option<(String, Loc)> {
        let key = id.to_lowercase();
        match self.first.get(&key) {
            Some(first) => Some(first.clone()),
            None => {
                self.first.insert(key, (id.to_string(), loc.clone()));
                None
            }
        }
    }
}

fn duplicate(
    code: &'static str,
    what: Key,
    id: &str,
    loc: &Loc,
    (written, first): &(String, Loc),
) -> Diagnostic {
    let message = if written == id {
        msg!(IdAgain, what = what, id = id, first = first)
    } else {
        msg!(
            IdCase,
            what = what,
            id = id,
            written = written,
            first = first
        )
    };
    Diagnostic::error(code, loc.clone(), message).with_help(msg!(IdHelp, what = what))
}

/// E1005: a firm id appears once in the register.
pub fn e1005_duplicate_firm(seen: &mut Seen, id: &str, loc: &Loc) -> Option<Diagnostic> {
    let first = seen.repeat_of(id, loc)?;
    Some(duplicate(
        codes::DUPLICATE_FIRM,
        Key::WordFirm,
        id,
        loc,
        &first,
    ))
}

/// E1301: a team id appears once, ignoring case.
pub fn e1301_duplicate_team(seen: &mut Seen, id: &str, loc: &Loc) -> Option<Diagnostic> {
    let first = seen.repeat_of(id, loc)?;
    Some(duplicate(
        codes::DUPLICATE_TEAM,
        Key::WordTeam,
        id,
        loc,
        &first,
    ))
}

/// E1401: a task id appears once in the whole workspace, ignoring case.
pub fn e1401_duplicate_task(seen: &mut Seen, id: &str, loc: &Loc) -> Option<Diagnostic> {
    let first = seen.repeat_of(id, loc)?;
    Some(duplicate(
        codes::DUPLICATE_TASK,
        Key::WordTask,
        id,
        loc,
        &first,
    ))
}

/// What is wrong with the characters of `id`: one of `separators`, or a control character.
/// Spaces at either end never reach here: every cell is trimmed when read.
fn bad_character(id: &str, separators: &[char]) -> Option<Msg> {
    id.chars().find_map(|c| {
        if separators.contains(&c) {
            Some(msg!(ContainsChar, char = c))
        } else if is_unsafe_char(c) {
            Some(msg!(ContainsControl))
        } else {
            None
        }
    })
}

/// E1415: a task id holds no `;` (routes.csv lists a visit's task ids `;`-separated) and no
/// control character.
pub fn e1415_task_id(id: &str, loc: &Loc) -> Option<Diagnostic> {
    let why = bad_character(id, &[';'])?;
    Some(
        Diagnostic::error(
            codes::BAD_TASK_ID,
            loc.clone(),
            msg!(E1415TaskId, id = id, why = why),
        )
        .with_help(Key::E1415Help),
    )
}

/// E1309: a team id holds no `;` and no control character.
pub fn e1309_team_id(id: &str, loc: &Loc) -> Option<Diagnostic> {
    let why = bad_character(id, &[';'])?;
    Some(
        Diagnostic::error(
            codes::BAD_TEAM_ID,
            loc.clone(),
            msg!(E1309TeamId, id = id, why = why),
        )
        .with_help(Key::E1309Help),
    )
}

/// E1416: a department as a plan or departments.csv names it holds no `;` or `；` (teams.csv and
/// routes.csv list departments with them) and no control character.
pub fn e1416_department(name: &str, loc: &Loc) -> Option<Diagnostic> {
    let why = bad_character(name, &[';', '；'])?;
    Some(
        Diagnostic::error(
            codes::BAD_DEPARTMENT,
            loc.clone(),
            msg!(E1416Department, department = name, why = why),
        )
        .with_help(Key::E1416Help),
    )
}

/// E0107: a required value is present.
pub fn e0107_empty_required(value: &str, what: Key, loc: &Loc) -> Option<Diagnostic> {
    value.is_empty().then(|| {
        Diagnostic::error(
            codes::EMPTY_REQUIRED,
            loc.clone(),
            msg!(E0107Empty, what = what),
        )
    })
}
