//! Provides RFC 5545 content lines: TEXT escaping, folding at 75 octets, CRLF endings.

use std::io::{self, Write};

/// Longest content line in octets, excluding the CRLF (RFC 5545 §3.1).
pub const MAX_LINE_OCTETS: usize = 75;

/// Escapes a TEXT value (RFC 5545 §3.3.11): backslash, `;`, `,` and line breaks, which
/// would otherwise split a property or a list. A CR LF pair becomes one `\n`.
pub fn escape_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push_str("\\n");
            }
            '\n' => out.push_str("\\n"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Writes `line` folded so that no physical line exceeds [`MAX_LINE_OCTETS`], breaking only
/// between characters so a multi-byte Chinese character is never cut in two; each
/// continuation starts with one space, which counts towards its 75 octets.
pub fn write_folded<W: Write>(w: &mut W, line: &str) -> io::Result<()> {
    let mut budget = MAX_LINE_OCTETS;
    let mut start = 0;
    let mut used = 0;
    for (i, c) in line.char_indices() {
        let n = c.len_utf8();
        if used + n > budget {
            w.write_all(&line.as_bytes()[start..i])?;
            w.write_all(b"\r\n ")?;
            start = i;
            used = 0;
            budget = MAX_LINE_OCTETS - 1;
        }
        used += n;
    }
    w.write_all(&line.as_bytes()[start..])?;
    w.write_all(b"\r\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_text_specials() {
        assert_eq!(escape_text("a\\b;c,d\r\ne\nf"), "a\\\\b\\;c\\,d\\ne\\nf");
    }

    #[test]
    fn folds_on_character_boundaries() {
        let line = format!("SUMMARY:{}", "检查".repeat(40));
        let mut out = Vec::new();
        write_folded(&mut out, &line).unwrap();
        let text = String::from_utf8(out).expect("no character was cut");
        let physical: Vec<&str> = text.split("\r\n").filter(|l| !l.is_empty()).collect();
        assert!(physical.len() > 1);
        assert!(physical.iter().all(|l| l.len() <= MAX_LINE_OCTETS));
        assert!(physical[1..].iter().all(|l| l.starts_with(' ')));
        let unfolded = text.replace("\r\n ", "");
        assert_eq!(unfolded, format!("{line}\r\n"));
    }

    #[test]
    fn short_lines_are_not_folded() {
        let mut out = Vec::new();
        write_folded(&mut out, "VERSION:2.0").unwrap();
        assert_eq!(out, b"VERSION:2.0\r\n");
    }
}
