//! Provides the duplicate-id rules (E1005, E1301, E1401): ids key every cross-reference, so a
//! second row with the same id is an error that names where the first one is.

use crate::diag::Diagnostic;
use crate::ingest::codes;
use crate::model::Loc;
use std::collections::HashMap;

/// First occurrences of ids of one kind.
#[derive(Debug, Default)]
pub struct Seen {
    first: HashMap<String, Loc>,
}

impl Seen {
    /// Records `id` at `loc`; returns where it was first seen when this is a repeat.
    pub fn repeat_of(&mut self, id: &str, loc: &Loc) -> Option<Loc> {
        match self.first.get(id) {
            Some(first) => Some(first.clone()),
            None => {
                self.first.insert(id.to_string(), loc.clone());
                None
            }
        }
    }
}

fn duplicate(code: &'static str, what: &str, id: &str, loc: &Loc, first: &Loc) -> Diagnostic {
    Diagnostic::error(
        code,
        loc.clone(),
        format!("{what} `{id}` appears again; first at {first}"),
    )
    .with_help(format!(
        "give each {what} its own id, or delete the repeated row"
    ))
}

/// E1005: a firm id appears once in the register.
pub fn e1005_duplicate_firm(seen: &mut Seen, id: &str, loc: &Loc) -> Option<Diagnostic> {
    let first = seen.repeat_of(id, loc)?;
    Some(duplicate(codes::DUPLICATE_FIRM, "firm", id, loc, &first))
}

/// E1301: a team id appears once.
pub fn e1301_duplicate_team(seen: &mut Seen, id: &str, loc: &Loc) -> Option<Diagnostic> {
    let first = seen.repeat_of(id, loc)?;
    Some(duplicate(codes::DUPLICATE_TEAM, "team", id, loc, &first))
}

/// E1401: a task id appears once in the whole workspace.
pub fn e1401_duplicate_task(seen: &mut Seen, id: &str, loc: &Loc) -> Option<Diagnostic> {
    let first = seen.repeat_of(id, loc)?;
    Some(duplicate(codes::DUPLICATE_TASK, "task", id, loc, &first))
}

/// E0107: a required value is present.
pub fn e0107_empty_required(value: &str, what: &str, loc: &Loc) -> Option<Diagnostic> {
    value.is_empty().then(|| {
        Diagnostic::error(
            codes::EMPTY_REQUIRED,
            loc.clone(),
            format!("{what} is empty"),
        )
    })
}
