//! Provides each firm's permanent random number: published, so anyone can recompute it.
//!
//! The number of a firm is `u = (k + 0.5) / 2^53`, where `k` is the top 53 bits of the first
//! 8 bytes (big-endian) of SHA-256 of the UTF-8 text `seed|credit_code`. 53 bits because an
//! `f64` holds them exactly, so the same text gives the same `u` on every machine; the half
//! keeps `u` strictly inside (0, 1), so `u < ratio` is true with probability exactly `ratio`
//! (up to 2^-53) and never for a ratio of 0. An independent draw hashes
//! `seed|department|credit_code` instead, a number per department.

use sha2::{Digest, Sha256};

/// The random number of `key` under `seed`: SHA-256 of `seed|key`, as described above.
pub fn random_number(seed: &str, key: &str) -> f64 {
    let mut h = Sha256::new();
    h.update(seed.as_bytes());
    h.update(b"|");
    h.update(key.as_bytes());
    let digest = h.finalize();
    let mut first = [0u8; 8];
    first.copy_from_slice(&digest[..8]);
    let k = u64::from_be_bytes(first) >> 11;
    (k as f64 + 0.5) / (1u64 << 53) as f64
}

/// The number a department uses for a firm: the firm's shared number when the draw is
/// coordinated, the department's own (`seed|department|code`) when it is independent.
pub fn number_for(seed: &str, department: Option<&str>, credit_code: &str) -> f64 {
    match department {
        None => random_number(seed, credit_code),
        Some(d) => random_number(seed, &format!("{d}|{credit_code}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_lie_strictly_inside_the_unit_interval_and_are_stable() {
        let u = random_number("20261201", "91330822MA2DT7K580");
        assert!(u > 0.0 && u < 1.0);
        assert_eq!(u, random_number("20261201", "91330822MA2DT7K580"));
        assert_ne!(u, random_number("20261202", "91330822MA2DT7K580"));
        assert_ne!(
            number_for("s", None, "X"),
            number_for("s", Some("scjg"), "X")
        );
    }

    #[test]
    fn the_number_is_the_documented_hash() {
        // `printf 'a|b' | sha256sum` starts 0eab8a0a3380abf4.
        let k = 0x0eab_8a0a_3380_abf4_u64 >> 11;
        assert_eq!(
            random_number("a", "b"),
            (k as f64 + 0.5) / 9007199254740992.0
        );
    }
}
