//! Provides text safe to print: input echoed on a terminal or in a report can neither move
//! the cursor, clear the screen nor reorder the line, and a huge cell is cut.
//!
//! A leaf module, so that the model (whose locations print file and sheet names from the
//! input) and the diagnostics built on it both use it; [`crate::diag`] re-exports it.

use std::borrow::Cow;

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

#[cfg(test)]
mod tests {
    use super::*;

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
