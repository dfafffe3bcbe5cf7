//! Provides diagnostics: one problem found in the input, with where, what and how to fix it.
//!
//! Every check collects all its problems before reporting, so a clerk gets the whole list
//! in one round trip instead of fixing one line at a time.

use crate::i18n::{Lang, Msg};
use crate::model::Loc;
pub use crate::safe_text::{
    MAX_ECHO_CHARS, MAX_MESSAGE_CHARS, is_unsafe_char, printable, sanitize,
};
use serde::Serialize;
use serde::ser::SerializeStruct;
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

/// One problem in the input. Its message and help are catalogue entries with their
/// arguments, rendered in a language only where they are shown ([`Diagnostic::render`]);
/// `Display` and serde give English.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// Stable code such as `E1203`, listed in the README's error index; the same in every
    /// language.
    pub code: &'static str,
    /// Where the problem is.
    pub loc: Loc,
    /// What is wrong, naming the offending value.
    pub message: Msg,
    /// How to fix it, when there is something useful to say.
    pub help: Option<Msg>,
}

impl Diagnostic {
    /// An error at `loc`.
    pub fn error(code: &'static str, loc: Loc, message: Msg) -> Self {
        Self {
            severity: Severity::Error,
            code,
            loc,
            message,
            help: None,
        }
    }

    /// A warning at `loc`.
    pub fn warning(code: &'static str, loc: Loc, message: Msg) -> Self {
        Self {
            severity: Severity::Warning,
            code,
            loc,
            message,
            help: None,
        }
    }

    /// The same diagnostic with a hint on how to fix it.
    pub fn with_help(mut self, help: impl Into<Msg>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// True for errors.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// `file:line:col: error[E1203]: message`, then `  help: …` on its own line, in `lang`;
    /// the code, the location and the words `error`/`warning`/`help` stay as they are in
    /// every language, so scripts and editors that read them keep working.
    pub fn render(&self, lang: Lang) -> String {
        let mut s = format!(
            "{}: {}[{}]: {}",
            self.loc,
            self.severity,
            self.code,
            self.message.render(lang)
        );
        if let Some(help) = &self.help {
            s.push_str("\n  help: ");
            s.push_str(&help.render(lang));
        }
        s
    }

    /// The diagnostic for `--format json`: severity, code, location, `message` and `help` in
    /// `lang`, and the catalogue `key`, `help_key` and `args` (in `lang`), so a tool can
    /// render it again in another language.
    pub fn to_json(&self, lang: Lang) -> serde_json::Value {
        let mut v = serde_json::json!({
            "severity": self.severity,
            "code": self.code,
            "loc": self.loc,
            "message": self.message.render(lang),
            "key": self.message.key.id(),
            "args": self.message.args_in(lang),
        });
        if let (Some(help), Some(o)) = (&self.help, v.as_object_mut()) {
            o.insert("help".into(), help.render(lang).into());
            o.insert("help_key".into(), help.key.id().into());
            o.insert("help_args".into(), help.args_in(lang).into());
        }
        v
    }
}

/// English, as `--lang en` prints it: severity, code, loc, message and help.
impl Serialize for Diagnostic {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Diagnostic", 5)?;
        st.serialize_field("severity", &self.severity)?;
        st.serialize_field("code", self.code)?;
        st.serialize_field("loc", &self.loc)?;
        st.serialize_field("message", &self.message.en())?;
        match &self.help {
            Some(h) => st.serialize_field("help", &h.en())?,
            None => st.skip_field("help")?,
        }
        st.end()
    }
}

impl fmt::Display for Diagnostic {
    /// The diagnostic in English, as [`Diagnostic::render`] gives it.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(Lang::En))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::msg;
    use std::borrow::Cow;

    /// A message whose English text is `text` (the TOML syntax error passes the parser's
    /// words through).
    fn raw(text: impl Into<String>) -> Msg {
        msg!(E0201Syntax, error = text.into())
    }

    #[test]
    fn renders_location_code_and_help() {
        let d = Diagnostic::error(
            "E1203",
            Loc::line("plans/fire.csv", 17, Some(3)),
            raw("bad"),
        )
        .with_help(raw("fix it"));
        assert_eq!(
            d.to_string(),
            "plans/fire.csv:17:3 (C17): error[E1203]: bad\n  help: fix it"
        );
    }

    #[test]
    fn renders_in_the_language_asked_with_code_and_location_unchanged() {
        let d = Diagnostic::error(
            "E1402",
            Loc::line("plans/scjg.csv", 3, Some(2)),
            msg!(E1402Unknown, firm = "91330822MA2E0A1B7U", suggestion = ""),
        )
        .with_help(crate::i18n::Key::E1402Help);
        assert_eq!(
            d.render(Lang::Zh),
            "plans/scjg.csv:3:2 (B3): error[E1402]: 企业 `91330822MA2E0A1B7U` 不在企业名录 firms.csv 中\n  \
             help: 请把该企业加入名录，或更正统一社会信用代码"
        );
        assert!(
            d.render(Lang::En)
                .contains("firm `91330822MA2E0A1B7U` is not in firms.csv")
        );
        let json = d.to_json(Lang::Zh);
        assert_eq!(json["key"], "E1402Unknown");
        assert_eq!(json["args"]["firm"], "91330822MA2E0A1B7U");
        assert_eq!(json["help_key"], "E1402Help");
    }

    #[test]
    fn escapes_controls_and_bidi_and_cuts_long_values() {
        let shown = printable("a\u{1b}[2J\u{9b}\u{7f}\t\u{202e}b\\c");
        assert_eq!(shown, "a\\x1b[2J\\x9b\\x7f\\t\\u{202e}b\\c");
        assert!(matches!(printable("常山县 ok"), Cow::Borrowed(_)));

        let long = "x".repeat(500);
        let d = Diagnostic::error(
            "E1001",
            Loc::file("firms.csv"),
            raw(format!("id `{long}` bad")),
        );
        assert_eq!(
            d.message.en(),
            format!("id `{}…` bad", "x".repeat(MAX_ECHO_CHARS))
        );
        let d = Diagnostic::error("E1001", Loc::file("f"), raw(long.clone())).with_help(raw(long));
        assert_eq!(d.message.en().chars().count(), MAX_MESSAGE_CHARS + 1);
        assert_eq!(d.help.as_ref().map(Msg::en), Some(d.message.en()));

        let mut d = Diagnostic::warning("W1403", Loc::file("f\u{1b}.csv"), raw("ok"));
        d.message = raw("\u{1b}]0;title\u{7}");
        let text = d.to_string();
        assert!(!text.chars().any(is_unsafe_char), "{text}");
        assert_eq!(text, "f\\x1b.csv: warning[W1403]: \\x1b]0;title\\x07");
    }
}
