//! Provides the message catalogues: every text a clerk reads in a diagnostic, keyed, with one
//! template per language (`zh.rs`, `en.rs`), rendered only at the edge where the language is
//! known.
//!
//! A message is a [`Key`] with named arguments (`{firm}`, `{column}` …). The keys are an enum
//! and each catalogue is an exhaustive `match`, so a key missing from a language does not
//! compile; the tests check that both templates of a key name the same arguments. Values
//! read from the files (ids, cells, dates) are arguments and never translated; words the
//! message itself supplies (`team`, `opening hours`) are keys too, passed as arguments.

/// Declares [`Key`]: the enum, [`Key::ALL`] and [`Key::id`].
macro_rules! keys {
    ($($name:ident,)*) => {
        /// A message or a word of the catalogue; its texts are in `en.rs` and `zh.rs`.
        #[allow(missing_docs)]
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Key {
            $($name,)*
        }

        impl Key {
            /// Every key, in catalogue order.
            pub const ALL: &'static [Key] = &[$(Key::$name,)*];

            /// The key's name, as written in the code.
            pub fn id(self) -> &'static str {
                match self {
                    $(Key::$name => stringify!($name),)*
                }
            }
        }
    };
}

/// A [`Msg`] from a key and named arguments: `msg!(E1402Unknown, firm = id)`.
#[macro_export]
macro_rules! msg {
    ($key:ident $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::i18n::Msg::new($crate::i18n::Key::$key)$(.arg(stringify!($name), $value))*
    };
}

mod en;
mod keys;
mod zh;

pub use keys::Key;

use crate::model::Reason;
use crate::safe_text::sanitize;
use std::fmt;

/// A language chayici speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// 中文 (简体).
    Zh,
    /// English.
    #[default]
    En,
}

impl Lang {
    /// The language the environment asks for: the first of `LC_ALL`, `LC_MESSAGES` and `LANG`
    /// that is set and not empty decides, as POSIX orders them; zh when it starts with `zh`,
    /// else en (also when none is set).
    pub fn from_env() -> Lang {
        Self::from_vars(|name| std::env::var(name).ok())
    }

    /// [`Lang::from_env`] over any source of variables, so it can be tested without touching
    /// the process environment.
    pub fn from_vars(var: impl Fn(&str) -> Option<String>) -> Lang {
        let chosen = ["LC_ALL", "LC_MESSAGES", "LANG"]
            .into_iter()
            .filter_map(var)
            .find(|v| !v.is_empty());
        match chosen {
            Some(v) if v.to_ascii_lowercase().starts_with("zh") => Lang::Zh,
            _ => Lang::En,
        }
    }

    /// The template of `key` in this language.
    pub fn template(self, key: Key) -> &'static str {
        match self {
            Lang::Zh => zh::text(key),
            Lang::En => en::text(key),
        }
    }

    /// The text of a key without arguments (a word, a heading) in this language.
    pub fn text(self, key: Key) -> &'static str {
        self.template(key)
    }
}

/// The longest argument kept, in characters: a message shows at most
/// [`crate::safe_text::MAX_MESSAGE_CHARS`], so a longer cell only costs memory.
const MAX_ARG_CHARS: usize = 4096;

/// One argument of a message: a value read from the files, shown as it is, or a word of the
/// catalogue, shown in the message's language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Arg {
    /// A value shown verbatim in every language.
    Text(String),
    /// A nested message, rendered in the same language.
    Msg(Box<Msg>),
}

/// Turns a value into an [`Arg`]: anything displayable is shown verbatim; a [`Key`] or a
/// [`Msg`] is translated.
pub trait ToArg {
    /// The argument.
    fn to_arg(&self) -> Arg;
}

impl<T: fmt::Display + ?Sized> ToArg for T {
    fn to_arg(&self) -> Arg {
        let mut s = self.to_string();
        if let Some((i, _)) = s.char_indices().nth(MAX_ARG_CHARS) {
            s.truncate(i);
        }
        Arg::Text(s)
    }
}

impl ToArg for Key {
    fn to_arg(&self) -> Arg {
        Arg::Msg(Box::new(Msg::new(*self)))
    }
}

impl ToArg for Arg {
    fn to_arg(&self) -> Arg {
        self.clone()
    }
}

/// An optional part of a sentence: nothing when absent.
pub fn optional(part: Option<Msg>) -> Arg {
    match part {
        Some(m) => Arg::Msg(Box::new(m)),
        None => Arg::Text(String::new()),
    }
}

impl ToArg for Msg {
    fn to_arg(&self) -> Arg {
        Arg::Msg(Box::new(self.clone()))
    }
}

/// A message of the catalogue with its arguments, rendered in any language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Msg {
    /// Which message.
    pub key: Key,
    /// The named arguments, in the order given.
    pub args: Vec<(&'static str, Arg)>,
}

impl Msg {
    /// The message `key`, no arguments yet.
    pub fn new(key: Key) -> Self {
        Self {
            key,
            args: Vec::new(),
        }
    }

    /// The same message with argument `{name}` set to `value`.
    pub fn arg(mut self, name: &'static str, value: impl ToArg) -> Self {
        self.args.push((name, value.to_arg()));
        self
    }

    /// The text in `lang`, arguments filled in, not yet sanitized.
    pub fn raw(&self, lang: Lang) -> String {
        fill(lang.template(self.key), |name| {
            self.args
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, a)| match a {
                    Arg::Text(s) => s.clone(),
                    Arg::Msg(m) => m.raw(lang),
                })
        })
    }

    /// The text in `lang`, safe to print: control characters escaped, long values cut.
    pub fn render(&self, lang: Lang) -> String {
        sanitize(&self.raw(lang)).into_owned()
    }

    /// The English text: what the library's callers and tests compare against.
    pub fn en(&self) -> String {
        self.render(Lang::En)
    }

    /// The arguments as strings (nested words in `lang`), for JSON output.
    pub fn args_in(&self, lang: Lang) -> serde_json::Map<String, serde_json::Value> {
        self.args
            .iter()
            .map(|(n, a)| {
                let v = match a {
                    Arg::Text(s) => sanitize(s).into_owned(),
                    Arg::Msg(m) => m.render(lang),
                };
                (n.to_string(), v.into())
            })
            .collect()
    }
}

impl From<Key> for Msg {
    fn from(key: Key) -> Self {
        Msg::new(key)
    }
}

/// `template` with every `{name}` replaced by `value(name)`; a brace pair naming no argument
/// is left as written.
fn fill(template: &str, value: impl Fn(&str) -> Option<String>) -> String {
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}').and_then(|close| {
            let name = &after[..close];
            is_name(name)
                .then(|| value(name))
                .flatten()
                .map(|v| (v, close))
        }) {
            Some((v, close)) => {
                out.push_str(&v);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

fn is_name(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| c.is_ascii_lowercase() || c == '_')
}

/// The argument names a template uses, sorted and without repeats.
pub fn placeholders(template: &str) -> Vec<&str> {
    let mut names: Vec<&str> = template
        .split('{')
        .skip(1)
        .filter_map(|s| s.split_once('}').map(|(n, _)| n))
        .filter(|n| is_name(n))
        .collect();
    names.sort_unstable();
    names.dedup();
    names
}

/// The words for why a task is left out: `unscheduled.csv`'s `reason_text` and the report.
pub fn reason_key(r: Reason) -> Key {
    match r {
        Reason::NoTeamCoversDepartment => Key::ReasonNoTeamCoversDepartment,
        Reason::NoWorkingDayInWindow => Key::ReasonNoWorkingDayInWindow,
        Reason::FirmClosed => Key::ReasonFirmClosed,
        Reason::LongerThanAnyShift => Key::ReasonLongerThanAnyShift,
        Reason::NoTeamAvailable => Key::ReasonNoTeamAvailable,
        Reason::NoCapacity => Key::ReasonNoCapacity,
        Reason::TimeLimit => Key::ReasonTimeLimit,
        Reason::PinNotPossible => Key::ReasonPinNotPossible,
    }
}

/// One entry of the catalogue, for a guide that lists every message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Entry {
    /// The key, as written in the code.
    pub key: &'static str,
    /// The Chinese template.
    pub zh: &'static str,
    /// The English template.
    pub en: &'static str,
}

/// Every entry of the catalogue, in key order (grouped by code, then the words).
pub fn catalogue() -> Vec<Entry> {
    Key::ALL
        .iter()
        .map(|&k| Entry {
            key: k.id(),
            zh: Lang::Zh.template(k),
            en: Lang::En.template(k),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_has_both_languages_with_the_same_arguments() {
        for e in catalogue() {
            assert!(!e.zh.is_empty() && !e.en.is_empty(), "{}", e.key);
            assert_eq!(placeholders(e.zh), placeholders(e.en), "{}", e.key);
            assert_ne!(e.zh, e.en, "{} is not translated", e.key);
        }
    }

    #[test]
    fn every_key_is_used_in_the_code() {
        let mut code = String::new();
        let mut stack = vec![std::path::PathBuf::from(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/src"
        ))];
        while let Some(dir) = stack.pop() {
            for entry in std::fs::read_dir(&dir).unwrap() {
                let path = entry.unwrap().path();
                let in_catalogue = path.parent().is_some_and(|p| p.ends_with("i18n"));
                let text = || std::fs::read_to_string(&path).unwrap();
                if path.is_dir() {
                    stack.push(path);
                } else if in_catalogue && path.ends_with("mod.rs") {
                    // This module's code uses keys too (the reasons); its tests do not count.
                    let text = text();
                    code.push_str(text.split("#[cfg(test)]").next().unwrap_or_default());
                } else if !in_catalogue && path.extension().is_some_and(|e| e == "rs") {
                    code.push_str(&text());
                }
            }
        }
        let mut used = std::collections::HashSet::new();
        for part in code
            .split("Key::")
            .skip(1)
            .chain(code.split("msg!(").skip(1))
        {
            let ident: String = part
                .trim_start()
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric())
                .collect();
            used.insert(ident);
        }
        let unused: Vec<&str> = Key::ALL
            .iter()
            .map(|k| k.id())
            .filter(|id| !used.contains(*id))
            .collect();
        assert!(unused.is_empty(), "keys no code uses: {unused:?}");
    }

    #[test]
    fn fills_named_arguments_and_nested_words_in_the_language() {
        let m = Msg::new(Key::E0107Empty).arg("what", Key::WordTeamId);
        assert_eq!(m.render(Lang::En), "team id is empty");
        assert_eq!(m.render(Lang::Zh), "检查组编号为空");
        assert_eq!(
            fill("a {x} {y} {}", |n| (n == "x").then(|| "1".into())),
            "a 1 {y} {}"
        );
    }

    #[test]
    fn language_comes_from_lc_all_then_lc_messages_then_lang() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |n: &str| {
                pairs
                    .iter()
                    .find(|(k, _)| *k == n)
                    .map(|(_, v)| v.to_string())
            }
        };
        assert_eq!(Lang::from_vars(env(&[])), Lang::En);
        assert_eq!(Lang::from_vars(env(&[("LANG", "zh_CN.UTF-8")])), Lang::Zh);
        assert_eq!(
            Lang::from_vars(env(&[("LANG", "zh_CN.UTF-8"), ("LC_ALL", "C")])),
            Lang::En
        );
        assert_eq!(
            Lang::from_vars(env(&[
                ("LC_ALL", ""),
                ("LC_MESSAGES", "zh_TW"),
                ("LANG", "en_US")
            ])),
            Lang::Zh
        );
    }
}
