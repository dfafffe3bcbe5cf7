//! Provides the date and weekday readers for the many ways clerks write them.
//!
//! Excel exports dates as `2026/12/5`, as `2026年12月5日`, or as a bare serial number when a
//! cell lost its format; all mean the same day and must not bounce a plan back to its clerk.

use crate::i18n::Msg;
use crate::msg;
use chrono::{Duration, NaiveDate};

/// Reads a date: `2026-12-05`, `2026/12/5`, `2026.12.5`, `2026年12月5日`, `20261205`, an
/// Excel serial such as `46361`, or any of these followed by a time (`2026-12-05 00:00:00`).
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    let s = s
        .split(['T', ' ', '\u{3000}'])
        .next()
        .unwrap_or_default()
        .trim();
    if s.is_empty() {
        return None;
    }
    if s.bytes().all(|b| b.is_ascii_digit()) {
        return match s.len() {
            8 => ymd(&s[..4], &s[4..6], &s[6..]),
            1..=6 => excel_serial(s.parse().ok()?),
            _ => None,
        };
    }
    if let Some((whole, frac)) = s.split_once('.')
        && !whole.is_empty()
        && whole.len() <= 6
        && whole.bytes().all(|b| b.is_ascii_digit())
        && frac.bytes().all(|b| b.is_ascii_digit())
        && !frac.is_empty()
        && !s[whole.len() + 1..].contains('.')
        && whole.len() != 4
    {
        return excel_serial(whole.parse().ok()?);
    }
    let normalized = s
        .replace(['年', '月', '/', '.', '－'], "-")
        .replace('日', "");
    let mut parts = normalized.split('-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() {
        return None;
    }
    ymd(y, m, d)
}

fn ymd(y: &str, m: &str, d: &str) -> Option<NaiveDate> {
    let (y, m, d) = (y.trim(), m.trim(), d.trim());
    if y.len() != 4 || !(1..=2).contains(&m.len()) || !(1..=2).contains(&d.len()) {
        return None;
    }
    NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
}

/// The date of an Excel serial day number (1900 system; 1 = 1900-01-01, with Excel's phantom
/// 1900-02-29 accounted for). Serials before 1 March 1900 are rejected, no plan needs them.
pub fn excel_serial(serial: i64) -> Option<NaiveDate> {
    if !(61..=2_958_465).contains(&serial) {
        return None;
    }
    NaiveDate::from_ymd_opt(1899, 12, 30)?.checked_add_signed(Duration::days(serial))
}

/// Reads a weekday, Monday = 0: `Mon`, `Monday`, `周一`, `星期一`, `礼拜一`, `一`, `1` (… `7`
/// or `日`/`天` for Sunday).
pub fn parse_weekday(s: &str) -> Option<usize> {
    let s = s.trim().to_lowercase();
    const EN: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
    if s.len() >= 3 && s.is_ascii() {
        return EN.iter().position(|p| s.starts_with(p));
    }
    let rest = ["星期", "礼拜", "周"]
        .iter()
        .find_map(|p| s.strip_prefix(p))
        .unwrap_or(&s);
    match rest {
        "一" | "1" => Some(0),
        "二" | "2" => Some(1),
        "三" | "3" => Some(2),
        "四" | "4" => Some(3),
        "五" | "5" => Some(4),
        "六" | "6" => Some(5),
        "日" | "天" | "七" | "7" => Some(6),
        _ => None,
    }
}

/// Weekdays and dates named by a list such as `Sat;Sun`, `周六、周日`, `周一至周五` or
/// `2026-12-01~2026-12-05;2026-12-08`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DayList {
    /// Weekdays named, Monday = 0.
    pub weekdays: [bool; 7],
    /// Dates named, in the order given (ranges expanded).
    pub dates: Vec<NaiveDate>,
    /// Dates named one by one, not as part of a range: the ones a clerk chose deliberately.
    pub singles: Vec<NaiveDate>,
}

impl DayList {
    /// True when nothing was named.
    pub fn is_empty(&self) -> bool {
        !self.weekdays.contains(&true) && self.dates.is_empty()
    }

    /// True when `date` is named, directly or by its weekday.
    pub fn contains(&self, date: NaiveDate) -> bool {
        use chrono::Datelike;
        self.weekdays[date.weekday().num_days_from_monday() as usize] || self.dates.contains(&date)
    }
}

/// Longest date range a list may expand, so a typo such as `2026-12-01~9999-12-31` cannot
/// allocate millions of dates.
const MAX_RANGE_DAYS: i64 = 3660;

/// Reads a list of weekdays and dates; an error names the first item that is neither.
pub fn parse_day_list(s: &str) -> Result<DayList, Msg> {
    let mut out = DayList::default();
    for item in s
        .split([';', '；', ',', '，', '、', ' ', '\t', '\u{3000}'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        let range = item
            .split_once(['~', '～', '至'])
            .or_else(|| item.split_once(".."));
        if let Some((a, b)) = range {
            if let (Some(a), Some(b)) = (parse_weekday(a), parse_weekday(b)) {
                let mut d = a;
                loop {
                    out.weekdays[d] = true;
                    if d == b {
                        break;
                    }
                    d = (d + 1) % 7;
                }
            } else if let (Some(a), Some(b)) = (parse_date(a), parse_date(b)) {
                if b < a || (b - a).num_days() > MAX_RANGE_DAYS {
                    return Err(msg!(DaysBackwards, item = item));
                }
                out.dates.extend(a.iter_days().take_while(|d| *d <= b));
            } else {
                return Err(msg!(DaysNotRange, item = item));
            }
        } else if let Some(w) = parse_weekday(item) {
            out.weekdays[w] = true;
        } else if let Some(d) = parse_date(item) {
            out.dates.push(d);
            out.singles.push(d);
        } else {
            return Err(msg!(DaysNeither, item = item));
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn reads_every_written_form() {
        for s in [
            "2026-12-05",
            "2026/12/5",
            "2026.12.5",
            "2026年12月5日",
            "20261205",
            "46361",
            "46361.0",
            "2026-12-05 00:00:00",
            " 2026-12-05T08:00 ",
        ] {
            assert_eq!(parse_date(s), Some(d(2026, 12, 5)), "{s}");
        }
    }

    #[test]
    fn rejects_nonsense() {
        for s in [
            "",
            "2026-13-01",
            "2026-02-30",
            "12/05/2026",
            "soon",
            "2026-12",
            "1.2.3.4",
        ] {
            assert_eq!(parse_date(s), None, "{s}");
        }
    }

    #[test]
    fn reads_weekdays_in_both_languages() {
        assert_eq!(parse_weekday("Sat"), Some(5));
        assert_eq!(parse_weekday("sunday"), Some(6));
        assert_eq!(parse_weekday("周六"), Some(5));
        assert_eq!(parse_weekday("星期日"), Some(6));
        assert_eq!(parse_weekday("7"), Some(6));
        assert_eq!(parse_weekday("x"), None);
    }

    #[test]
    fn reads_lists_and_ranges() {
        let l = parse_day_list("周六;周日").unwrap();
        assert!(l.weekdays[5] && l.weekdays[6] && !l.weekdays[0]);
        let l = parse_day_list("周一至周五").unwrap();
        assert_eq!(l.weekdays, [true, true, true, true, true, false, false]);
        let l = parse_day_list("2026-12-01~2026-12-03、2026/12/8").unwrap();
        assert_eq!(l.dates.len(), 4);
        assert!(l.contains(d(2026, 12, 2)));
        assert!(parse_day_list("someday").is_err());
        assert!(parse_day_list("2026-12-01~9999-12-31").is_err());
    }
}
