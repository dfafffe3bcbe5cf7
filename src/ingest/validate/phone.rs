//! Provides the check on a firm's phone: a team calls it from the road, so a number that
//! cannot be dialled is worth a word before the month starts.

use crate::diag::Diagnostic;
use crate::ingest::codes;
use crate::model::Loc;
use crate::msg;

/// True for a mainland mobile (`13912345678`, `+86 139-1234-5678`) or a landline with its
/// area code (`0570-1234567`, `057012345678`, with an extension after `转`, `ext`, `x` or a
/// second `-`). Spaces and dashes between digits are allowed; several numbers are checked
/// one by one when separated by `/`, `、`, `,`, `，` or `;`.
pub fn is_phone(s: &str) -> bool {
    let parts: Vec<&str> = s
        .split(['/', '、', ',', '，', ';', '；'])
        .map(str::trim)
        .collect();
    !parts.is_empty() && parts.iter().all(|p| is_one_phone(p))
}

fn is_one_phone(s: &str) -> bool {
    let s = s.trim();
    let s = s
        .strip_prefix("+86")
        .or_else(|| s.strip_prefix("(+86)"))
        .or_else(|| s.strip_prefix("（+86）"))
        .unwrap_or(s)
        .trim_start();
    let (main, ext) = split_extension(s);
    if ext.is_some_and(|e| e.is_empty() || e.len() > 6 || !e.bytes().all(|b| b.is_ascii_digit())) {
        return false;
    }
    let digits: String = main.chars().filter(|c| !matches!(c, ' ' | '-')).collect();
    if main.starts_with(['-', ' ']) || main.ends_with(['-', ' ']) || main.contains("--") {
        return false;
    }
    if !digits.bytes().all(|b| b.is_ascii_digit()) {
        return false;
    }
    // A mobile written with the country code but without the `+`.
    let digits = match digits.strip_prefix("86") {
        Some(rest) if rest.len() == 11 && rest.starts_with('1') => rest.to_owned(),
        _ => digits,
    };
    let b = digits.as_bytes();
    let mobile = ext.is_none() && b.len() == 11 && b[0] == b'1' && (b'3'..=b'9').contains(&b[1]);
    // 0 + a 2- or 3-digit area code + a 7- or 8-digit number: 10 to 12 digits.
    let landline =
        b.first() == Some(&b'0') && b.get(1) != Some(&b'0') && (10..=12).contains(&b.len());
    mobile || landline
}

/// The number and its extension, when one follows `转`, `ext`, `x` or `#`.
fn split_extension(s: &str) -> (&str, Option<&str>) {
    for sep in ["转", "ext.", "ext", "x", "#"] {
        if let Some((main, ext)) = s.split_once(sep) {
            return (main.trim(), Some(ext.trim()));
        }
    }
    (s, None)
}

/// W2001: a phone that is neither form; it is still carried to the outputs as written.
pub fn w2001_bad_phone(phone: &str, loc: &Loc) -> Option<Diagnostic> {
    if phone.is_empty() || is_phone(phone) {
        return None;
    }
    Some(
        Diagnostic::warning(
            codes::BAD_PHONE,
            loc.clone(),
            msg!(W2001Phone, phone = phone),
        )
        .with_help(crate::i18n::Key::W2001Help),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mobiles_and_landlines_are_phones() {
        for p in [
            "13912345678",
            "139 1234 5678",
            "139-1234-5678",
            "+86 13912345678",
            "8613912345678",
            "0570-1234567",
            "057012345678",
            "010-12345678",
            "0570-1234567转123",
            "0570-1234567 ext 8",
            "13912345678 / 0570-1234567",
        ] {
            assert!(is_phone(p), "{p}");
        }
    }

    #[test]
    fn other_text_is_not_a_phone() {
        for p in [
            "1234567",
            "12912345678",
            "139123456789",
            "0570-123",
            "=HYPERLINK(\"x\")",
            "王经理",
            "0570-1234567转",
            "-13912345678",
            "0012345678901",
        ] {
            assert!(!is_phone(p), "{p}");
        }
    }
}
