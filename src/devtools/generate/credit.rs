//! Provides synthetic unified social credit codes (统一社会信用代码) that pass GB 32100-2015.
//!
//! The check characters come from the ingest checker's functions; the generator's tests
//! recompute them independently, so a bug there still shows.

use crate::ingest::credit_code::org_check_character;
pub use crate::ingest::credit_code::{CHARSET, check_character as check_char};
use rand::Rng;

/// The kind of registered entity, which decides the code's second character.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EntityKind {
    /// A company (企业), `91`.
    Company,
    /// A sole trader (个体工商户), `92`.
    SoleTrader,
    /// A farmers' co-operative (农民专业合作社), `93`.
    Cooperative,
}

impl EntityKind {
    fn prefix(self) -> &'static str {
        match self {
            Self::Company => "91",
            Self::SoleTrader => "92",
            Self::Cooperative => "93",
        }
    }
}

/// A random valid code for an entity registered in `division` (six digits, e.g. `330822`).
///
/// Seven in ten look like codes issued since 2015 (`MA` then random characters); the rest
/// carry an older all-digit organisation code, as firms registered before the reform do.
pub fn random_code(rng: &mut impl Rng, kind: EntityKind, division: &str) -> String {
    let mut body = Vec::with_capacity(8);
    if rng.gen_bool(0.7) {
        body.extend_from_slice(b"MA");
        while body.len() < 8 {
            body.push(CHARSET[rng.gen_range(0..CHARSET.len())]);
        }
    } else {
        body.push(b'0' + rng.gen_range(1..10u8));
        while body.len() < 8 {
            body.push(b'0' + rng.gen_range(0..10u8));
        }
    }
    let mut code = format!("{}{division}", kind.prefix());
    code.extend(body.iter().map(|&b| b as char));
    code.push(org_check_character(std::str::from_utf8(&body).unwrap_or_default()).unwrap_or('0'));
    let check = check_char(&code).unwrap_or('0');
    code.push(check);
    code
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;

    #[test]
    fn published_and_synthetic_examples_pass() {
        for code in [
            "91350100M000100Y43",
            "91330822MA2DT7K580",
            "92330822MA2EKQ4N7D",
        ] {
            assert_eq!(check_char(&code[..17]), code.chars().last(), "{code}");
        }
    }

    #[test]
    fn organisation_check_matches_a_known_code() {
        assert_eq!(org_check_character("MA2DT7K5"), Some('8'));
    }

    #[test]
    fn random_codes_pass_their_own_check() {
        let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(7);
        for _ in 0..500 {
            let code = random_code(&mut rng, EntityKind::SoleTrader, "330822");
            assert_eq!(code.len(), 18);
            assert!(code.starts_with("92330822"));
            assert_eq!(check_char(&code[..17]), code.chars().last());
        }
    }
}
