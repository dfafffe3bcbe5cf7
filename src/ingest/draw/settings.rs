//! Provides chayici.toml's `[draw]` table:
//!
//! ```toml
//! [draw]
//! max_per_year = 2        # inspections a department makes of one firm a year, the drawn one counted
//! repeat_days = 30        # a firm inspected by the department this recently is a repeat
//! repeat = "exclude"      # or "flag": drawn, but flagged in the publication list
//! fixed_size = ["scjg"]   # departments that draw round(ratio × eligible) firms per grade; true: all
//! ```

use crate::diag::Diagnostic;
use crate::draw::{DrawSettings, RepeatRule};
use crate::i18n::Msg;
use crate::ingest::codes;
use crate::model::Loc;
use crate::msg;
use toml::Value;

const KEYS: &[&str] = &["max_per_year", "repeat_days", "repeat", "fixed_size"];

/// The line of `key` inside `[draw]`, or of the `[draw]` header.
fn key_loc(text: &str, file: &str, key: &str) -> Loc {
    let mut inside = false;
    let mut header = None;
    for (i, line) in text.lines().enumerate() {
        let t = line.trim();
        if t.starts_with('[') {
            inside = t.trim_start_matches('[').trim_end_matches(']').trim() == "draw";
            if inside {
                header = Some(i as u32 + 1);
            }
            continue;
        }
        let written = t
            .split('=')
            .next()
            .unwrap_or_default()
            .trim()
            .trim_matches('"');
        if inside && t.contains('=') && written == key {
            let col = line.len() - line.trim_start().len() + 1;
            return Loc::line(file, i as u32 + 1, Some(col as u32));
        }
    }
    header.map_or_else(|| Loc::file(file), |l| Loc::line(file, l, None))
}

/// Reads `[draw]` from chayici.toml's text; the defaults when it is absent. Syntax errors are
/// `check`'s to report (E0201), so a file that does not parse gives the defaults here.
pub fn parse_draw_settings(text: &str, file: &str) -> (DrawSettings, Vec<Diagnostic>) {
    let mut s = DrawSettings::default();
    let mut diags = Vec::new();
    let Ok(table) = text.parse::<toml::Table>() else {
        return (s, diags);
    };
    let Some(draw) = table.get("draw") else {
        return (s, diags);
    };
    let Some(draw) = draw.as_table() else {
        diags.push(Diagnostic::error(
            codes::BAD_SETTING,
            key_loc(text, file, "draw"),
            msg!(DrawTable),
        ));
        return (s, diags);
    };
    let bad = |key: &str, message: Msg| {
        Diagnostic::error(codes::BAD_SETTING, key_loc(text, file, key), message)
    };
    let whole = |v: &Value, max: i64| v.as_integer().filter(|i| (0..=max).contains(i));
    for (key, v) in draw {
        match key.as_str() {
            "max_per_year" => match whole(v, 366) {
                Some(n) if n >= 1 => s.max_per_year = Some(n as u32),
                _ => diags.push(bad(key, msg!(DrawMaxPerYear, value = &v))),
            },
            "repeat_days" => match whole(v, 366) {
                Some(n) => s.repeat_days = n as u32,
                None => diags.push(bad(key, msg!(DrawRepeatDays, value = &v))),
            },
            "repeat" => match v.as_str() {
                Some("exclude" | "排除") => s.repeat = RepeatRule::Exclude,
                Some("flag" | "提示") => s.repeat = RepeatRule::Flag,
                _ => diags.push(bad(key, msg!(DrawRepeatRule, value = &v))),
            },
            "fixed_size" => match v {
                Value::Boolean(b) => {
                    if *b {
                        s.fixed_size.insert("*".to_string());
                    }
                }
                Value::Array(a) if a.iter().all(Value::is_str) => {
                    s.fixed_size
                        .extend(a.iter().filter_map(|x| x.as_str().map(str::to_string)));
                }
                _ => diags.push(bad(key, msg!(DrawFixedSize, value = &v))),
            },
            _ => diags.push(
                Diagnostic::warning(
                    codes::UNKNOWN_KEY,
                    key_loc(text, file, key),
                    msg!(W0204Unknown, key = format!("draw.{key}")),
                )
                .with_help(msg!(W0204Help, keys = KEYS.join(", "))),
            ),
        }
    }
    (s, diags)
}
