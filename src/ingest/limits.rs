//! Provides the workspace's size limits: how large a workspace chayici reads and plans.
//!
//! The limits sit far above what a real workspace holds (a county has about 2,000 tasks, a
//! city about 25,000 tasks at 12,500 firms with 320 teams, in under 5 MiB of files) and below
//! what would exhaust an office computer: reading costs about twenty times a file's size in
//! memory, so 64 MiB of files is read in about 1.5 GB, and a file over the limit is refused
//! from its size alone, before it is read. Past a limit, the workspace is refused with an
//! error rather than planned for hours.

use super::codes;
use crate::diag::Diagnostic;
use crate::i18n::Key;
use crate::model::Loc;
use crate::msg;

/// Most bytes one input file, or all of a workspace's input files together, may hold.
pub const MAX_BYTES: u64 = 64 << 20;
/// Most tasks all plans together may hold (eight times a generated city).
pub const MAX_TASKS: usize = 200_000;
/// Most firms the register may hold.
pub const MAX_FIRMS: usize = 200_000;
/// Most teams (three times a generated city): the planner keeps, for every firm with tasks,
/// the teams by distance from it.
pub const MAX_TEAMS: usize = 1_000;

/// `12.3 MiB`.
fn mib(bytes: u64) -> String {
    format!("{:.1} MiB", bytes as f64 / f64::from(1 << 20))
}

/// The error for the file `path` of `bytes` bytes, over [`MAX_BYTES`] alone.
pub fn file_too_large(path: &str, bytes: u64) -> Diagnostic {
    Diagnostic::error(
        codes::FILE_TOO_LARGE,
        Loc::file(path),
        msg!(E0120File, size = mib(bytes), max = mib(MAX_BYTES)),
    )
    .with_help(Key::E0120FileHelp)
}

/// The error for a workspace whose files hold `bytes` together, over [`MAX_BYTES`]; `largest`
/// names its largest file.
pub fn workspace_too_large(largest: &str, bytes: u64) -> Diagnostic {
    Diagnostic::error(
        codes::FILE_TOO_LARGE,
        Loc::file(largest),
        msg!(E0120Workspace, size = mib(bytes), max = mib(MAX_BYTES)),
    )
    .with_help(Key::E0120WorkspaceHelp)
}

/// The errors for counts over the limits: `tasks` in the plans, `firms` in `firms_file`,
/// `teams` in `teams_file`.
pub fn count_errors(tasks: usize, firms: (usize, &str), teams: (usize, &str)) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    if tasks > MAX_TASKS {
        out.push(
            Diagnostic::error(
                codes::TOO_MANY_TASKS,
                Loc::file("plans/"),
                msg!(E0121Tasks, count = tasks, max = MAX_TASKS),
            )
            .with_help(Key::E0121Help),
        );
    }
    for (n, file, what, max) in [
        (firms.0, firms.1, Key::WordFirms, MAX_FIRMS),
        (teams.0, teams.1, Key::WordTeams, MAX_TEAMS),
    ] {
        if n > max {
            out.push(
                Diagnostic::error(
                    codes::TOO_MANY_FIRMS_OR_TEAMS,
                    Loc::file(file),
                    msg!(E0122Count, count = n, what = what, max = max),
                )
                .with_help(Key::E0121Help),
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_within_the_limits_give_no_error() {
        assert!(
            count_errors(
                MAX_TASKS,
                (MAX_FIRMS, "firms.csv"),
                (MAX_TEAMS, "teams.csv")
            )
            .is_empty()
        );
    }

    #[test]
    fn each_count_over_its_limit_names_the_limit() {
        let e = count_errors(
            MAX_TASKS + 1,
            (MAX_FIRMS + 1, "firms.csv"),
            (MAX_TEAMS + 1, "t.csv"),
        );
        let codes: Vec<&str> = e.iter().map(|d| d.code).collect();
        assert_eq!(codes, ["E0121", "E0122", "E0122"]);
        assert!(
            e[0].message.en().contains("200000"),
            "{}",
            e[0].message.en()
        );
        assert!(e[2].message.en().contains("1000"), "{}", e[2].message.en());
    }
}
