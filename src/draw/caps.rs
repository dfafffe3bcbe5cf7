//! Provides the firms a department leaves out of its draw: exempt firms (无事不扰), firms at
//! the yearly cap, and firms it inspected recently.
//!
//! A firm left out is taken out of the department's frame before the draw, so the ratio
//! applies to the firms that may be inspected; it never changes which other firms are drawn
//! under Poisson sampling, since each firm is decided by its own number alone.

use super::{DrawSettings, Exemption, PastInspection, Reason, RepeatRule};
use chrono::{Datelike, NaiveDate};
use std::collections::HashMap;

/// Whether a firm may be drawn by a department.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// Yes; with the date of a recent inspection when repeats are flagged.
    In(Option<NaiveDate>),
    /// No, and why.
    Out(Reason),
}

/// The exemptions and the history, indexed for [`Caps::check`].
pub struct Caps<'a> {
    exempt: HashMap<(&'a str, Option<&'a str>), &'a str>,
    history: HashMap<(&'a str, &'a str), Vec<NaiveDate>>,
    settings: &'a DrawSettings,
}

impl<'a> Caps<'a> {
    /// Indexes the exemptions and past inspections.
    pub fn new(
        exempt: &'a [Exemption],
        history: &'a [PastInspection],
        settings: &'a DrawSettings,
    ) -> Self {
        let mut e = HashMap::new();
        for x in exempt {
            e.entry((x.firm.as_str(), x.department.as_deref()))
                .or_insert(x.reason.as_str());
        }
        let mut h: HashMap<(&str, &str), Vec<NaiveDate>> = HashMap::new();
        for p in history {
            h.entry((p.department.as_str(), p.firm.as_str()))
                .or_default()
                .push(p.date);
        }
        Self {
            exempt: e,
            history: h,
            settings,
        }
    }

    /// Whether `department` may draw `firm` for a window opening on `start`. The year of the
    /// cap is the calendar year of `start`. A repeat is an inspection less than
    /// `repeat_days` before `start` (or after it): the new inspection could then fall within
    /// `repeat_days` of it.
    pub fn check(&self, department: &str, firm: &str, start: NaiveDate) -> Verdict {
        let exempt = self
            .exempt
            .get(&(firm, Some(department)))
            .or_else(|| self.exempt.get(&(firm, None)));
        if let Some(reason) = exempt {
            return Verdict::Out(Reason::Exempt(reason.to_string()));
        }
        let dates = self.history.get(&(department, firm));
        let dates = dates.map_or(&[][..], Vec::as_slice);
        if let Some(cap) = self.settings.max_per_year {
            let this_year = dates.iter().filter(|d| d.year() == start.year()).count() as u32;
            if this_year >= cap {
                return Verdict::Out(Reason::Cap(this_year));
            }
        }
        let since = start - chrono::Days::new(u64::from(self.settings.repeat_days));
        let recent = dates.iter().filter(|&&d| d > since).max().copied();
        match (recent, self.settings.repeat) {
            (Some(d), RepeatRule::Exclude) if self.settings.repeat_days > 0 => {
                Verdict::Out(Reason::Repeat(d))
            }
            (Some(d), RepeatRule::Flag) if self.settings.repeat_days > 0 => Verdict::In(Some(d)),
            _ => Verdict::In(None),
        }
    }
}
