//! Provides what a replan changes in the teams' calendars: each event's `SEQUENCE`, which
//! events are new or changed, and which old events are gone, so that a phone that imported
//! the previous calendar updates or cancels its events instead of keeping both.
//!
//! RFC 5545 §3.8.7.4: a calendar replaces an event it already has (same `UID`) only when the
//! new `SEQUENCE` is higher. So a changed event gets the old plan's `SEQUENCE` plus one, an
//! unchanged one keeps it, and a cancelled one is sent once more, one higher, with
//! `STATUS:CANCELLED`. The old plan's sequences are read back from its calendars, since
//! plan.json does not record them.

use super::event_uid;
use crate::diff::{PlanSnapshot, VisitSnap};
use chrono::NaiveDate;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// The previous plan as the calendars need it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PreviousCalendars {
    /// The previous plan.
    pub snapshot: PlanSnapshot,
    /// The highest `SEQUENCE` its calendars published per `UID` (cancelled events
    /// included); an event not listed was published with 0.
    pub sequences: HashMap<String, u32>,
}

/// An event as the calendar shows it: what a change of makes the phone update it.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Shown<'a> {
    date: NaiveDate,
    seq: usize,
    visit: &'a VisitSnap,
}

/// An old event the new plan no longer has, to be sent with `STATUS:CANCELLED`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CancelledEvent {
    /// Its `UID`.
    pub uid: String,
    /// The `SEQUENCE` it is cancelled with.
    pub sequence: u32,
    /// Its day.
    pub date: NaiveDate,
    /// The visit as the old plan had it.
    pub visit: VisitSnap,
}

/// What a replan does to the calendars, per `UID`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CalendarUpdate {
    /// `SEQUENCE` of the new plan's events; 0 when not listed.
    pub sequences: HashMap<String, u32>,
    /// `UID`s of the new plan's events that are new or changed.
    pub updated: BTreeSet<String>,
    /// Per team id, the old events that are gone, by date and time.
    pub cancelled: BTreeMap<String, Vec<CancelledEvent>>,
    /// The day of the replan, stamped on every event (`DTSTAMP`) so it is later than the
    /// stamp the previous calendar had.
    pub stamp: Option<NaiveDate>,
}

fn shown(plan: &PlanSnapshot) -> HashMap<String, (&str, Shown<'_>)> {
    plan.visits()
        .map(|(r, seq, v)| {
            (
                event_uid(&r.team, &v.firm, v.tasks.first().map_or("", String::as_str)),
                (
                    r.team.as_str(),
                    Shown {
                        date: r.date,
                        seq,
                        visit: v,
                    },
                ),
            )
        })
        .collect()
}

impl CalendarUpdate {
    /// Compares the previous plan's events with `new`'s; `stamp` is the replan day.
    pub fn between(prev: &PreviousCalendars, new: &PlanSnapshot, stamp: Option<NaiveDate>) -> Self {
        let (old, now) = (shown(&prev.snapshot), shown(new));
        let published = |uid: &str| prev.sequences.get(uid).copied().unwrap_or(0);
        let mut out = Self {
            stamp,
            ..Self::default()
        };
        for (uid, (_, event)) in &now {
            let sequence = match old.get(uid) {
                Some((_, was)) if was == event => published(uid),
                // Changed, or back after a cancel: one higher than anything published.
                Some(_) => published(uid) + 1,
                None if prev.sequences.contains_key(uid) => published(uid) + 1,
                None => 0,
            };
            if old.get(uid).is_none_or(|(_, was)| was != event) {
                out.updated.insert(uid.clone());
            }
            if sequence > 0 {
                out.sequences.insert(uid.clone(), sequence);
            }
        }
        for (uid, (team, was)) in &old {
            if !now.contains_key(uid) {
                out.cancelled
                    .entry((*team).to_owned())
                    .or_default()
                    .push(CancelledEvent {
                        uid: uid.clone(),
                        sequence: published(uid) + 1,
                        date: was.date,
                        visit: was.visit.clone(),
                    });
            }
        }
        for list in out.cancelled.values_mut() {
            list.sort_by(|a, b| {
                (a.date, a.visit.start, &a.uid).cmp(&(b.date, b.visit.start, &b.uid))
            });
        }
        out
    }

    /// True when a team's calendar has something to send.
    pub fn touches(&self, team_id: &str, new_uids: &[String]) -> bool {
        self.cancelled.contains_key(team_id) || new_uids.iter().any(|u| self.updated.contains(u))
    }
}

/// The `UID`s and `SEQUENCE`s a calendar file published, read from its text; an event
/// without `SEQUENCE` has 0. Lenient: what it cannot read it skips.
pub fn published_sequences(ics: &str) -> Vec<(String, u32)> {
    let unfolded = ics.replace("\r\n ", "").replace("\n ", "");
    let mut out = Vec::new();
    let (mut uid, mut seq) = (None, 0);
    for line in unfolded.lines() {
        let line = line.trim_end_matches('\r');
        if line == "BEGIN:VEVENT" {
            (uid, seq) = (None, 0);
        } else if let Some(u) = line.strip_prefix("UID:") {
            uid = Some(u.to_owned());
        } else if let Some(s) = line.strip_prefix("SEQUENCE:") {
            seq = s.trim().parse().unwrap_or(0);
        } else if line == "END:VEVENT"
            && let Some(u) = uid.take()
        {
            out.push((u, seq));
        }
    }
    out
}
