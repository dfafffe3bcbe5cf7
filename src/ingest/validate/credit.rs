//! Provides the credit-code rules (E1001–E1003, W1004).

use crate::diag::Diagnostic;
use crate::ingest::codes;
use crate::ingest::credit_code::{CreditCodeError, check_credit_code, org_code_ok};
use crate::model::Loc;

/// E1001: a credit code has 18 characters.
pub fn e1001_code_length(code: &str, loc: &Loc) -> Option<Diagnostic> {
    match check_credit_code(code) {
        Err(CreditCodeError::Length(n)) => Some(
            Diagnostic::error(
                codes::CODE_LENGTH,
                loc.clone(),
                format!("credit code `{code}` has {n} characters, not 18"),
            )
            .with_help("copy the 18-character 统一社会信用代码 from the business licence"),
        ),
        _ => None,
    }
}

/// E1002: every character is in GB 32100's set.
pub fn e1002_code_charset(code: &str, loc: &Loc) -> Option<Diagnostic> {
    match check_credit_code(code) {
        Err(CreditCodeError::Charset { position, found }) => {
            let hint = match found {
                'I' => " (did you mean 1?)",
                'O' => " (did you mean 0?)",
                'S' => " (did you mean 5?)",
                'Z' => " (did you mean 2?)",
                _ => "",
            };
            Some(
                Diagnostic::error(
                    codes::CODE_CHARSET,
                    loc.clone(),
                    format!("credit code `{code}` has `{found}` at position {position}{hint}"),
                )
                .with_help("credit codes use digits and the letters A-Y except I, O, S, V"),
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
                format!(
                    "credit code `{code}` ends in `{found}`, but its check character is `{expected}`"
                ),
            )
            .with_help("one of the 18 characters is mistyped; compare with the licence"),
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
            format!(
                "the organisation code `{}` inside `{code}` fails the GB 11714 check",
                &code[8..17]
            ),
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
