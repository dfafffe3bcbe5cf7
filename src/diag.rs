//! Provides diagnostics: one problem found in the input, with where, what and how to fix it.
//!
//! Every check collects all its problems before reporting, so a clerk gets the whole list
//! in one round trip instead of fixing one line at a time.

use crate::model::Loc;
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
            message: message.into(),
            help: None,
        }
    }

    /// A warning at `loc`.
    pub fn warning(code: &'static str, loc: Loc, message: impl Into<String>) -> Self {
        Self {
            severity: Severity::Warning,
            code,
            loc,
            message: message.into(),
            help: None,
        }
    }

    /// The same diagnostic with a hint on how to fix it.
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// True for errors.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Diagnostic {
    /// `file:line:col: error[E1203]: message`, then `  help: …` on its own line.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: {}[{}]: {}",
            self.loc, self.severity, self.code, self.message
        )?;
        if let Some(help) = &self.help {
            write!(f, "\n  help: {help}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_location_code_and_help() {
        let d = Diagnostic::error("E1203", Loc::line("plans/fire.csv", 17, Some(3)), "bad")
            .with_help("fix it");
        assert_eq!(
            d.to_string(),
            "plans/fire.csv:17:3: error[E1203]: bad\n  help: fix it"
        );
    }
}
