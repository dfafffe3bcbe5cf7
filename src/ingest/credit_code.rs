//! Provides the unified social credit code check (GB 32100-2015) and the organisation-code
//! check (GB 11714) inside it.
//!
//! The credit code keys firms across every department's plan, so a mistyped character would
//! silently create a firm nobody inspects; the check character catches nearly all typos.

/// The 31 characters of GB 32100, valued 0..30 in this order (no I, O, S, V, Z).
pub const CHARSET: &[u8; 31] = b"0123456789ABCDEFGHJKLMNPQRTUWXY";

/// Weights of positions 1..17: 3^(i-1) mod 31.
const WEIGHTS: [u32; 17] = [
    1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28,
];

/// Why a credit code is invalid.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CreditCodeError {
    /// Not 18 characters; holds the count found.
    Length(usize),
    /// A character outside the set, at a 1-based position.
    Charset {
        /// 1-based position.
        position: usize,
        /// The character found.
        found: char,
    },
    /// The 18th character is not the computed check character.
    CheckDigit {
        /// What the check character should be.
        expected: char,
        /// What was written.
        found: char,
    },
}

fn value_of(c: char) -> Option<u32> {
    CHARSET
        .iter()
        .position(|&b| b as char == c)
        .map(|v| v as u32)
}

/// The check character of the first 17 characters, or `None` when they are not 17 valid ones.
pub fn check_character(first17: &str) -> Option<char> {
    let chars: Vec<char> = first17.chars().collect();
    if chars.len() != 17 {
        return None;
    }
    let mut sum = 0;
    for (c, w) in chars.iter().zip(WEIGHTS) {
        sum += value_of(*c)? * w;
    }
    Some(CHARSET[((31 - sum % 31) % 31) as usize] as char)
}

/// Normalises a code as typed (spaces, lower case) to the form the register is keyed by.
pub fn normalize(code: &str) -> String {
    code.chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_uppercase)
        .collect()
}

/// Checks an already normalised code's length, characters and check character.
pub fn check_credit_code(code: &str) -> Result<(), CreditCodeError> {
    let chars: Vec<char> = code.chars().collect();
    if chars.len() != 18 {
        return Err(CreditCodeError::Length(chars.len()));
    }
    if let Some((i, &c)) = chars
        .iter()
        .enumerate()
        .find(|(_, c)| value_of(**c).is_none())
    {
        return Err(CreditCodeError::Charset {
            position: i + 1,
            found: c,
        });
    }
    let first17: String = chars[..17].iter().collect();
    let expected = check_character(&first17).unwrap_or('?');
    if chars[17] != expected {
        return Err(CreditCodeError::CheckDigit {
            expected,
            found: chars[17],
        });
    }
    Ok(())
}

/// True when positions 9..17 of a valid credit code pass GB 11714's own check.
///
/// Some legal early codes fail it, so callers warn and never reject on it.
pub fn org_code_ok(code: &str) -> bool {
    let chars: Vec<char> = code.chars().collect();
    if chars.len() != 18 {
        return false;
    }
    let body: String = chars[8..16].iter().collect();
    org_check_character(&body) == Some(chars[16])
}

/// The GB 11714 check character of an 8-character organisation-code body (weights
/// 3,7,9,10,5,8,4,2 mod 11; 10 is `X`, 11 is `0`), or `None` for other characters.
pub fn org_check_character(body: &str) -> Option<char> {
    let weights = [3, 7, 9, 10, 5, 8, 4, 2];
    let mut sum = 0u32;
    let mut n = 0;
    for (c, w) in body.chars().zip(weights) {
        let v = match c {
            '0'..='9' => c as u32 - '0' as u32,
            'A'..='Z' => c as u32 - 'A' as u32 + 10,
            _ => return None,
        };
        sum += v * w;
        n += 1;
    }
    if n != 8 || body.chars().count() != 8 {
        return None;
    }
    Some(match 11 - sum % 11 {
        10 => 'X',
        11 => '0',
        d => char::from_digit(d, 10)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_published_and_synthetic_codes() {
        for c in [
            "91350100M000100Y43",
            "91330822MA2DT7K580",
            "92330822MA2EKQ4N7D",
        ] {
            assert_eq!(check_credit_code(c), Ok(()), "{c}");
        }
    }

    #[test]
    fn reports_length_charset_and_check_digit() {
        assert_eq!(
            check_credit_code("9135010"),
            Err(CreditCodeError::Length(7))
        );
        assert_eq!(
            check_credit_code("91350100M000100I43"),
            Err(CreditCodeError::Charset {
                position: 16,
                found: 'I'
            })
        );
        assert_eq!(
            check_credit_code("91350100M000100Y44"),
            Err(CreditCodeError::CheckDigit {
                expected: '3',
                found: '4'
            })
        );
    }

    #[test]
    fn org_code_check_is_separate() {
        assert!(org_code_ok("91330822MA2E1C2D04"));
        assert!(org_code_ok("91330822MA2DT7K580"));
        assert!(!org_code_ok("91330822MA2DT7K507"));
        assert_eq!(normalize(" 9133 0822ma2e1c2d04 "), "91330822MA2E1C2D04");
    }
}
