//! Provides the rules on the credit code a task names (E1010, and E1402's suggestion): what is
//! wrong with a code the register does not hold, and which firm of the register the clerk
//! most likely meant, found by the row's firm name or by a one-character change of the code.

use crate::diag::Diagnostic;
use crate::i18n::{Arg, Key, Msg, optional};
use crate::ingest::codes;
use crate::ingest::credit_code::{CHARSET, CreditCodeError, check_credit_code};
use crate::ingest::firms::Register;
use crate::model::{FirmIndex, Loc};
use crate::msg;

/// Compares names ignoring spaces and the width of brackets, which differ between systems.
pub fn same_name(a: &str, b: &str) -> bool {
    let norm = |s: &str| -> String {
        s.chars()
            .filter(|c| !c.is_whitespace())
            .map(|c| match c {
                '（' => '(',
                '）' => ')',
                c => c,
            })
            .collect()
    };
    norm(a) == norm(b)
}

/// The firm a task naming the unknown code `id` and the firm name `name` most likely means:
/// the one firm whose name is `name`, else the one firm whose code is `id` with one character
/// changed, inserted or removed (a digit for a letter O, a wrong check character, a dropped
/// character). `None` when no firm or several fit.
pub fn likely_firm(register: &Register, id: &str, name: &str) -> Option<FirmIndex> {
    if !name.trim().is_empty() {
        let mut by_name = register
            .firms
            .iter()
            .enumerate()
            .filter(|(_, f)| same_name(&f.name, name))
            .map(|(i, _)| i);
        if let (Some(i), None) = (by_name.next(), by_name.next()) {
            return Some(i);
        }
    }
    let chars: Vec<char> = id.chars().collect();
    if chars.len() > 40 {
        return None;
    }
    let mut found: Vec<FirmIndex> = Vec::new();
    let mut try_code = |code: String| {
        if let Some(&i) = register.index.get(&code)
            && !found.contains(&i)
        {
            found.push(i);
        }
    };
    for at in 0..=chars.len() {
        for &b in CHARSET {
            let c = b as char;
            if at < chars.len() && chars[at] != c {
                let mut v = chars.clone();
                v[at] = c;
                try_code(v.iter().collect());
            }
            let mut v = chars.clone();
            v.insert(at, c);
            try_code(v.iter().collect());
        }
        if at < chars.len() {
            let mut v = chars.clone();
            v.remove(at);
            try_code(v.iter().collect());
        }
    }
    match found[..] {
        [i] => Some(i),
        _ => None,
    }
}

/// `; did you mean 91330822MA2E0A1B7U (常山县某某餐饮店)?`, or nothing.
fn suggestion(register: &Register, firm: Option<FirmIndex>) -> Arg {
    optional(firm.map(|i| {
        let f = &register.firms[i];
        msg!(FirmDidYouMean, id = &f.id, name = &f.name)
    }))
}

/// E1010 for a code that is no credit code at all (wrong length, a character outside the
/// set, a wrong check character), else E1402 for a valid code the register does not hold;
/// either with the firm the clerk likely meant.
pub fn unknown_firm(register: &Register, id: &str, name: &str, loc: &Loc) -> Diagnostic {
    let likely = likely_firm(register, id, name);
    let did_you_mean = suggestion(register, likely);
    let help = |otherwise: Key| -> Msg {
        likely.map_or_else(
            || otherwise.into(),
            |i| msg!(FirmWriteCode, id = &register.firms[i].id),
        )
    };
    let why = match check_credit_code(id) {
        Ok(()) => {
            return Diagnostic::error(
                codes::UNKNOWN_FIRM,
                loc.clone(),
                msg!(E1402Unknown, firm = id, suggestion = did_you_mean),
            )
            .with_help(help(Key::E1402Help));
        }
        Err(CreditCodeError::Length(n)) => msg!(E1010Length, count = n),
        Err(CreditCodeError::Charset { position, found }) => {
            msg!(E1010Charset, found = found, position = position)
        }
        Err(CreditCodeError::CheckDigit { expected, found }) => {
            msg!(E1010Check, found = found, expected = expected)
        }
    };
    Diagnostic::error(
        codes::BAD_TASK_CREDIT_CODE,
        loc.clone(),
        msg!(E1010Bad, id = id, why = why, suggestion = did_you_mean),
    )
    .with_help(help(Key::E1010Help))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::csv_source::read_csv;
    use crate::ingest::firms::read_firms;
    use crate::ingest::toml_config::Config;

    fn register(firms: &[(&str, &str)]) -> Register {
        let mut csv = String::from("firm_id,name,lon,lat\n");
        for (id, name) in firms {
            csv.push_str(&format!("{id},{name},118.5,28.9\n"));
        }
        let (table, _) = read_csv(csv.as_bytes(), "firms.csv").unwrap();
        let mut diags = Vec::new();
        let r = read_firms(&[table], &Config::default(), &mut diags);
        assert_eq!(r.firms.len(), firms.len(), "{diags:?}");
        r
    }

    #[test]
    fn a_name_or_a_one_character_change_finds_the_one_firm() {
        let r = register(&[
            ("91330822MA2E0A1B7U", "常山县某某餐饮店"),
            ("91330822MA2E1C2D04", "紫港民宿"),
        ]);
        assert_eq!(likely_firm(&r, "X", "紫港 民宿"), Some(1));
        assert_eq!(likely_firm(&r, "91330822MA2EOA1B7U", ""), Some(0));
        assert_eq!(likely_firm(&r, "91330822MA2E0A1B7", ""), Some(0));
        assert_eq!(likely_firm(&r, "91330822MA2E0A1B7UU", ""), Some(0));
        assert_eq!(likely_firm(&r, "91330822MA2E9Z9Z99", ""), None);
    }

    #[test]
    fn two_firms_one_character_away_suggest_neither() {
        let r = register(&[("91330822MA2E0A1B7U", "甲"), ("91330822MA2E0A1B8U", "乙")]);
        assert_eq!(likely_firm(&r, "91330822MA2E0A1B9U", ""), None);
        assert!(
            !unknown_firm(&r, "91330822MA2E0A1B9U", "", &Loc::file("p.csv"))
                .message
                .en()
                .contains("did you mean")
        );
    }
}
