//! Provides diagnostics: one problem found in the input, with where, what and how to fix it.
//!
//! Every check collects all its problems before reporting, so a clerk gets the whole list
//! in one round trip instead of fixing one line at a time.

use crate::model::Loc;
use serde::Serialize;
use std::borrow::Cow;
use std::fmt;

/// The most characters of one echoed value (a span between backticks) a message shows; a
/// longer value is cut and ends in `…`. A clerk needs to recognise the cell, not read it whole,
/// and a file's content must not be copied into a report through one huge cell.
pub const MAX_ECHO_CHARS: usize = 60;

/// The most characters a message or help shows, whatever it quotes.
pub const MAX_MESSAGE_CHARS: usize = 400;

/// True for characters that must never reach a terminal raw: C0 and C1 controls, DEL, and the
/// bidirectional overrides, embeddings, isolates and marks that reorder what is shown.
pub fn is_unsafe_char(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}' | '\u{061c}'
        )
}

fn push_escaped(out: &mut String, c: char) {
    match c {
        '\n' => out.push_str("\\n"),
        '\r' => out.push_str("\\r"),
        '\t' => out.push_str("\\t"),
        c if (c as u32) < 0x100 => out.push_str(&format!("\\x{:02x}", c as u32)),
        c => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
    }
}

/// `s` with every unsafe character written as an escape (`\x1b`, `\u{202e}`), so input text
/// printed on a terminal can neither move the cursor, clear the screen nor reorder the line.
/// Backslashes are kept as they are: Windows paths stay readable, and an escape can only be
/// mistaken for the same text typed by hand, which does no harm.
pub fn printable(s: &str) -> Cow<'_, str> {
    if !s.chars().any(is_unsafe_char) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if is_unsafe_char(c) {
            push_escaped(&mut out, c);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// A message or help made safe to print: unsafe characters escaped, each value quoted in
/// backticks cut to [`MAX_ECHO_CHARS`], the whole cut to [`MAX_MESSAGE_CHARS`] (counting what
/// is shown, escapes included). Applying it twice changes nothing, so it guards both where a
/// diagnostic is made and where it is shown.
pub fn sanitize(s: &str) -> Cow<'_, str> {
    let spans_fit = s
        .split('`')
        .skip(1)
        .step_by(2)
        .all(|q| q.chars().count() <= MAX_ECHO_CHARS);
    if spans_fit && s.chars().count() <= MAX_MESSAGE_CHARS && !s.chars().any(is_unsafe_char) {
        return Cow::Borrowed(s);
    }
    let mut out = String::new();
    let (mut quoted, mut run, mut cut, mut shown) = (false, 0usize, false, 0usize);
    let mut shown_as = String::new();
    for c in s.chars() {
        shown_as.clear();
        if is_unsafe_char(c) {
            push_escaped(&mut shown_as, c);
        } else {
            shown_as.push(c);
        }
        let width = shown_as.chars().count();
        if c == '`' {
            (quoted, run, cut) = (!quoted, 0, false);
        } else if quoted {
            if cut {
                continue;
            }
            if run + width > MAX_ECHO_CHARS {
                cut = true;
                shown_as = "…".into();
            } else {
                run += width;
            }
        }
        let width = shown_as.chars().count();
        if shown + width > MAX_MESSAGE_CHARS {
            out.push('…');
            break;
        }
        out.push_str(&shown_as);
        shown += width;
    }
    Cow::Owned(out)
}

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

    #[test]
    fn renders_location_code_and_help() {
        let d = Diagnostic::error("E1203", Loc::line("plans/fire.csv", 17, Some(3)), "bad")
            .with_help("fix it");
        assert_eq!(
            d.to_string(),
            "plans/fire.csv:17:3: error[E1203]: bad\n  help: fix it"
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

    #[test]
    fn sanitizing_twice_changes_nothing() {
        let escapes = "\u{1b}".repeat(30);
        for s in [
            format!("`{}` and `{escapes}`", "y".repeat(200)),
            format!("{}`{}", "z".repeat(398), "\u{1b}".repeat(5)),
            "`unclosed \u{202e} value".repeat(40),
        ] {
            let once = sanitize(&s).into_owned();
            assert_eq!(sanitize(&once), once.as_str());
            assert!(!once.chars().any(is_unsafe_char));
        }
    }
}
