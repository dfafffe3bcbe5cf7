//! Provides cell and name hygiene: formula-injection escaping, Excel sheet names, file names.

use crate::output::escape_cell;
use std::borrow::Cow;
use std::collections::HashSet;

/// True when a spreadsheet would read `s` as a formula; the rule is `routes.csv`'s
/// [`escape_cell`], so every file of a plan escapes the same cells.
pub fn needs_formula_escape(s: &str) -> bool {
    matches!(escape_cell(s), Cow::Owned(_))
}

/// Excel's longest sheet name, counted in UTF-16 code units.
const SHEET_NAME_MAX: usize = 31;

/// One valid, distinct Excel sheet name per id, in order.
///
/// Excel refuses names over 31 UTF-16 units, with `[]:*?/\`, starting or ending with `'`,
/// blank, equal to the reserved `History`, or equal to another ignoring case; team ids are
/// free text, so each rule is applied and clashes get a `~2`, `~3` … suffix.
pub fn sheet_names(ids: &[&str]) -> Vec<String> {
    let mut taken = HashSet::new();
    ids.iter()
        .map(|id| {
            let cleaned: String = id
                .chars()
                .map(|c| match c {
                    '[' | ']' | ':' | '*' | '?' | '/' | '\\' => '_',
                    c if c.is_control() => '_',
                    c => c,
                })
                .collect();
            let cleaned = cleaned.trim().trim_matches('\'').to_string();
            let base = if cleaned.is_empty() || cleaned.eq_ignore_ascii_case("history") {
                format!("team {cleaned}").trim().to_string()
            } else {
                cleaned
            };
            unique(&base, SHEET_NAME_MAX, &mut taken)
        })
        .collect()
}

/// One safe, distinct file stem per id, in order, for `sheets/<id>.csv` and
/// `calendars/<id>.ics`.
///
/// Keeps letters (CJK included), digits, `-`, `_` and `.`; anything that could leave the
/// folder or trouble Windows (`/`, `\`, `:`, a leading dot …) becomes `_`. Case-insensitive
/// clashes get a suffix because Windows and macOS file systems ignore case.
pub fn file_stems(ids: &[&str]) -> Vec<String> {
    let mut taken = HashSet::new();
    ids.iter()
        .map(|id| {
            let mut stem: String = id
                .trim()
                .chars()
                .map(|c| {
                    if c.is_alphanumeric() || matches!(c, '-' | '_' | '.') {
                        c
                    } else {
                        '_'
                    }
                })
                .collect();
            if stem.starts_with('.') {
                stem.replace_range(0..1, "_");
            }
            if stem.is_empty() || is_windows_device(&stem) {
                stem = format!("team_{stem}");
            }
            unique(&stem, 100, &mut taken)
        })
        .collect()
}

fn is_windows_device(stem: &str) -> bool {
    let head = stem.split('.').next().unwrap_or("").to_ascii_uppercase();
    matches!(head.as_str(), "CON" | "PRN" | "AUX" | "NUL")
        || (head.len() == 4
            && (head.starts_with("COM") || head.starts_with("LPT"))
            && head.as_bytes()[3].is_ascii_digit())
}

/// `base` cut to `max` UTF-16 units, with a `~n` suffix until no name taken so far equals it
/// ignoring case.
fn unique(base: &str, max: usize, taken: &mut HashSet<String>) -> String {
    let mut n = 1usize;
    loop {
        let suffix = if n == 1 {
            String::new()
        } else {
            format!("~{n}")
        };
        let mut name = truncate_utf16(base, max - suffix.len()).to_string();
        name.push_str(&suffix);
        if taken.insert(name.to_lowercase()) {
            return name;
        }
        n += 1;
    }
}

fn truncate_utf16(s: &str, max: usize) -> &str {
    let mut units = 0;
    for (i, c) in s.char_indices() {
        units += c.len_utf16();
        if units > max {
            return &s[..i];
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flags_cells_a_spreadsheet_would_evaluate() {
        for bad in ["=1+1", "+86", "-2", "@SUM(A1)", "\tx", "\rx"] {
            assert!(needs_formula_escape(bad), "{bad:?}");
        }
        assert!(!needs_formula_escape("市场监管"));
        assert!(!needs_formula_escape(""));
    }

    #[test]
    fn sheet_names_follow_excel_rules() {
        let long = "第一检查组".repeat(10);
        let names = sheet_names(&["a/b", "A_B", "'x'", "", "History", &long, &long]);
        assert_eq!(names[0], "a_b");
        assert_eq!(names[1], "A_B~2");
        assert_eq!(names[2], "x");
        assert_eq!(names[3], "team");
        assert_eq!(names[4], "team History");
        assert_eq!(names[5].encode_utf16().count(), 31);
        assert_ne!(names[5], names[6]);
        for n in &names {
            rust_xlsxwriter::utility::check_sheet_name(n).unwrap();
        }
    }

    #[test]
    fn file_stems_stay_in_the_folder() {
        let stems = file_stems(&["../etc", "a:b", "CON", "检查组1", "X", "x"]);
        assert_eq!(stems, ["_._etc", "a_b", "team_CON", "检查组1", "X", "x~2"]);
    }
}
