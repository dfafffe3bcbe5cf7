//! Provides diagnostics: one problem found in the input, with where, what and how to fix it.
//!
//! Every check collects all its problems before reporting, so a clerk gets the whole list
//! in one round trip instead of fixing one line at a time.

use crate::model::Loc;
pub use crate::safe_text::{
    MAX_ECHO_CHARS, MAX_MESSAGE_CHARS, is_unsafe_char, printable, sanitize,
};
use serde::Serialize;
use std::fmt;

/// How bad a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The workspace cannot be planned until this is fixed.
    Error,
    /// Plannable, but probably not what the department meant.
    Warning,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        })
    }
}

/// One problem in the input.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// Stable code such as `E1203`, listed in the README's error index.
    pub code: &'static str,
    /// Where the problem is.
    pub loc: Loc,
    /// What is wrong, naming the offending value.
    pub message: String,
    /// How to fix it, when there is something useful to say.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
}

impl Diagnostic {
    /// An error at `loc`.
    pub fn error(code: &'static str, loc: Loc, message: impl Into<String>) -> Self {
        Self {
            severity: Severity::Error,
            code,
            loc,
            message: sanitize(&message.into()).into_owned(),
            help: None,
        }
    }

    /// A warning at `loc`.
    pub fn warning(code: &'static str, loc: Loc, message: impl Into<String>) -> Self {
        Self {
            severity: Severity::Warning,
            code,
            loc,
            message: sanitize(&message.into()).into_owned(),
            help: None,
        }
    }

    /// The same diagnostic with a hint on how to fix it.
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(sanitize(&help.into()).into_owned());
        self
    }

    /// True for errors.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Diagnostic {
    /// `file:line:col: error[E1203]: message`, then `  help: …` on its own line; the text
    /// sanitized again, since the fields are public and may have been set after construction.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: {}[{}]: {}",
            self.loc,
            self.severity,
            self.code,
            sanitize(&self.message)
        )?;
        if let Some(help) = &self.help {
            write!(f, "\n  help: {}", sanitize(help))?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::borrow::Cow;

    #[test]
    fn renders_location_code_and_help() {
        let d = Diagnostic::error("E1203", Loc::line("plans/fire.csv", 17, Some(3)), "bad")
            .with_help("fix it");
        assert_eq!(
            d.to_string(),
            "plans/fire.csv:17:3 (C17): error[E1203]: bad\n  help: fix it"
        );
    }

    #[test]
    fn escapes_controls_and_bidi_and_cuts_long_values() {
        let shown = printable("a\u{1b}[2J\u{9b}\u{7f}\t\u{202e}b\\c");
        assert_eq!(shown, "a\\x1b[2J\\x9b\\x7f\\t\\u{202e}b\\c");
        assert!(matches!(printable("常山县 ok"), Cow::Borrowed(_)));

        let long = "x".repeat(500);
        let d = Diagnostic::error("E1001", Loc::file("firms.csv"), format!("id `{long}` bad"));
        assert_eq!(
            d.message,
            format!("id `{}…` bad", "x".repeat(MAX_ECHO_CHARS))
        );
        let d = Diagnostic::error("E1001", Loc::file("f"), long.clone()).with_help(long);
        assert_eq!(d.message.chars().count(), MAX_MESSAGE_CHARS + 1);
        assert_eq!(d.help.as_deref(), Some(d.message.as_str()));

        let mut d = Diagnostic::warning("W1403", Loc::file("f\u{1b}.csv"), "ok");
        d.message = "\u{1b}]0;title\u{7}".into();
        let text = d.to_string();
        assert!(!text.chars().any(is_unsafe_char), "{text}");
        assert_eq!(text, "f\\x1b.csv: warning[W1403]: \\x1b]0;title\\x07");
    }
}
