//! Provides escaping for text from the input placed into HTML, SVG and inline scripts.
//!
//! Firm names, addresses and items come from departments' spreadsheets, so every one of them is
//! untrusted: a firm called `<script>…` must show as text, not run.

use std::fmt;

/// Displays a string HTML-escaped, safe in element text and in quoted attribute values alike
/// (`<`, `>`, `&`, `"`, `'`), so writers need not remember which context they are in.
pub struct Esc<'a>(pub &'a str);

impl fmt::Display for Esc<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut rest = self.0;
        while let Some(i) = rest.find(['<', '>', '&', '"', '\'']) {
            f.write_str(&rest[..i])?;
            f.write_str(match rest.as_bytes()[i] {
                b'<' => "&lt;",
                b'>' => "&gt;",
                b'&' => "&amp;",
                b'"' => "&quot;",
                _ => "&#39;",
            })?;
            rest = &rest[i + 1..];
        }
        f.write_str(rest)
    }
}

/// The escaped text as a `String`.
pub fn html(s: &str) -> String {
    Esc(s).to_string()
}

/// Serialises `value` as JSON that is safe inside a `<script>` element: `<`, `>` and `&` become
/// `\u003c` …, so `</script>` or `<!--` in a name cannot end or confuse the element, and the
/// line separators U+2028/U+2029, which old JavaScript engines reject in strings, are escaped.
pub fn json_for_script(value: &serde_json::Value) -> String {
    let raw = value.to_string();
    let mut out = String::with_capacity(raw.len());
    for c in raw.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_every_html_special() {
        assert_eq!(
            html(r#"<script>alert(1)</script> A&B "x" 'y'"#),
            "&lt;script&gt;alert(1)&lt;/script&gt; A&amp;B &quot;x&quot; &#39;y&#39;"
        );
        assert_eq!(html("市场监管"), "市场监管");
    }

    #[test]
    fn json_cannot_close_the_script() {
        let v = serde_json::json!({ "name": "</script><script>alert(1)</script>" });
        let s = json_for_script(&v);
        assert!(!s.contains('<') && !s.contains('>'));
        let back: serde_json::Value = serde_json::from_str(&s).unwrap();
        assert_eq!(back, v);
    }
}
