//! Provides minutes-of-day and time windows, the integer clock every stage shares.
//!
//! Times are whole minutes since midnight so that the planner and the checker agree to the
//! minute without floating-point drift.

use crate::i18n::Msg;
use crate::msg;
use serde::{Deserialize, Serialize};
use std::fmt;

/// Minutes since midnight (0..=1440).
pub type Minute = u32;

/// A half-open interval `[start, end)` of minutes within one day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct TimeWindow {
    /// First minute of the window.
    pub start: Minute,
    /// Minute at which the window closes.
    pub end: Minute,
}

impl TimeWindow {
    /// A window from `start` to `end`; callers validate `start < end`.
    pub const fn new(start: Minute, end: Minute) -> Self {
        Self { start, end }
    }

    /// Length in minutes.
    pub fn len(&self) -> Minute {
        self.end.saturating_sub(self.start)
    }

    /// True when the window has no length.
    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }

    /// True when `[from, to]` lies inside the window.
    pub fn contains_span(&self, from: Minute, to: Minute) -> bool {
        self.start <= from && to <= self.end
    }

    /// The overlap of two windows, if any.
    pub fn intersect(&self, other: &TimeWindow) -> Option<TimeWindow> {
        let w = TimeWindow::new(self.start.max(other.start), self.end.min(other.end));
        (!w.is_empty()).then_some(w)
    }
}

impl fmt::Display for TimeWindow {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-{}", fmt_minute(self.start), fmt_minute(self.end))
    }
}

/// Formats minutes since midnight as `HH:MM`.
pub fn fmt_minute(m: Minute) -> String {
    format!("{:02}:{:02}", m / 60, m % 60)
}

/// Parses `HH:MM` (also `H:MM`, `HH：MM` with a full-width colon, `HH.MM` and `HHMM`) into
/// minutes since midnight; `24:00` is accepted as the end of the day.
pub fn parse_minute(s: &str) -> Option<Minute> {
    let s = s.trim().replace(['：', '.'], ":");
    let (h, m) = match s.split_once(':') {
        Some((h, m)) => (h.trim(), m.trim()),
        None if s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit()) => (&s[..2], &s[2..]),
        None => return None,
    };
    if h.is_empty() || m.len() != 2 {
        return None;
    }
    let h: u32 = h.parse().ok()?;
    let m: u32 = m.parse().ok()?;
    if m >= 60 || h > 24 || (h == 24 && m != 0) {
        return None;
    }
    Some(h * 60 + m)
}

/// Parses a list of windows such as `08:00-11:30;14:00-17:30`.
///
/// Separators `;`, `,`, `；`, `，`, `、` and whitespace between windows are accepted, and `-`,
/// `–`, `—`, `~`, `～`, `至` between the two times, because clerks type them all.
/// Returns the windows sorted, or a message saying what is wrong.
pub fn parse_windows(s: &str) -> Result<Vec<TimeWindow>, Msg> {
    let mut out = Vec::new();
    for part in s
        .split([';', ',', '；', '，', '、', ' ', '\t'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        let normalized = part.replace(['–', '—', '~', '～'], "-").replace('至', "-");
        let (a, b) = normalized
            .split_once('-')
            .ok_or_else(|| msg!(TimeNotRange, part = part))?;
        let start = parse_minute(a).ok_or_else(|| msg!(TimeNotStart, time = a))?;
        let end = parse_minute(b).ok_or_else(|| msg!(TimeNotEnd, time = b))?;
        if end <= start {
            return Err(msg!(TimeBackwards, part = part));
        }
        out.push(TimeWindow::new(start, end));
    }
    if out.is_empty() {
        return Err(msg!(TimeNone));
    }
    out.sort();
    if out.windows(2).any(|w| w[1].start < w[0].end) {
        return Err(msg!(TimeOverlap, text = s));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_split_opening_hours() {
        let w = parse_windows("08:00-11:30;14:00-17:30").unwrap();
        assert_eq!(
            w,
            vec![TimeWindow::new(480, 690), TimeWindow::new(840, 1050)]
        );
    }

    #[test]
    fn accepts_full_width_punctuation() {
        let w = parse_windows("8：00～12：00，13:30至17:00").unwrap();
        assert_eq!(
            w,
            vec![TimeWindow::new(480, 720), TimeWindow::new(810, 1020)]
        );
    }

    #[test]
    fn rejects_reversed_and_overlapping_ranges() {
        assert!(parse_windows("17:00-08:00").is_err());
        assert!(parse_windows("08:00-12:00;11:00-13:00").is_err());
        assert!(parse_windows("25:00-26:00").is_err());
        assert!(parse_windows("").is_err());
    }

    #[test]
    fn formats_minutes_as_clock_time() {
        assert_eq!(fmt_minute(8 * 60 + 5), "08:05");
        assert_eq!(TimeWindow::new(480, 1050).to_string(), "08:00-17:30");
    }
}
