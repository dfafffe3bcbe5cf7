//! Provides the credit-code rules (E1001–E1003, W1004).

use crate::diag::Diagnostic;
use crate::i18n::Key;
use crate::ingest::codes;
use crate::ingest::credit_code::{CreditCodeError, check_credit_code, org_code_ok};
use crate::model::Loc;
use crate::msg;

/// E1001: a credit code has 18 characters.
pub fn e1001_code_length(code: &str, loc: &Loc) -> Option<Diagnostic> {
    match check_credit_code(code) {
        Err(CreditCodeError::Length(n)) => Some(
            Diagnostic::error(
                codes::CODE_LENGTH,
                loc.clone(),
                msg!(E1001Length, code = code, count = n),
            )
            .with_help(Key::E1001Help),
        ),
        _ => None,
    }
}

/// E1002: every character is in GB 32100's set.
pub fn e1002_code_charset(code: &str, loc: &Loc) -> Option<Diagnostic> {
    match check_credit_code(code) {
        Err(CreditCodeError::Charset { position, found }) => {
            let hint = match found {
                'I' => Some('1'),
                'O' => Some('0'),
                'S' => Some('5'),
                'Z' => Some('2'),
                _ => None,
            }
            .map(|digit| msg!(E1002DidYouMean, digit = digit));
            Some(
                Diagnostic::error(
                    codes::CODE_CHARSET,
                    loc.clone(),
                    msg!(
                        E1002Charset,
                        code = code,
                        found = found,
                        position = position,
                        hint = crate::i18n::optional(hint)
                    ),
                )
                .with_help(Key::E1002Help),
            )
        }
        _ => None,
    }
}

/// E1003: the 18th character matches the check computed from the first 17.
pub fn e1003_code_check_digit(code: &str, loc: &Loc) -> Option<Diagnostic> {
    match check_credit_code(code) {
        Err(CreditCodeError::CheckDigit { expected, found }) => Some(
            Diagnostic::error(
                codes::CODE_CHECK_DIGIT,
                loc.clone(),
                msg!(E1003Check, code = code, found = found, expected = expected),
            )
            .with_help(Key::E1003Help),
        ),
        _ => None,
    }
}

/// W1004: the organisation code inside passes GB 11714 (a warning: some old codes fail it).
pub fn w1004_org_code(code: &str, loc: &Loc) -> Option<Diagnostic> {
    (check_credit_code(code).is_ok() && !org_code_ok(code)).then(|| {
        Diagnostic::warning(
            codes::ORG_CODE_CHECK,
            loc.clone(),
            msg!(W1004Org, org = &code[8..17], code = code),
        )
    })
}

/// All credit-code rules: at most one error, else the organisation-code warning.
pub fn credit_code(code: &str, loc: &Loc) -> Option<Diagnostic> {
    e1001_code_length(code, loc)
        .or_else(|| e1002_code_charset(code, loc))
        .or_else(|| e1003_code_check_digit(code, loc))
        .or_else(|| w1004_org_code(code, loc))
}
