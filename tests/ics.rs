//! Tests of the per-team calendars: parsed back with a small RFC 5545 reader written here,
//! independent of the writer.

mod report_fixture;

use chayici::diff::PlanSnapshot;
use chayici::output::calendar_ics::{
    CalendarUpdate, PreviousCalendars, published_sequences, write_team_calendar,
    write_team_calendar_updated, write_team_changes,
};
use report_fixture::*;
use std::collections::HashSet;

/// One unfolded content line: name, parameters and raw value.
#[derive(Debug)]
struct Prop {
    name: String,
    params: Vec<String>,
    value: String,
}

/// Checks the physical layout (CRLF only, at most 75 octets, folds on UTF-8 boundaries),
/// then unfolds and splits every content line.
fn parse(bytes: &[u8]) -> Vec<Prop> {
    assert!(bytes.ends_with(b"\r\n"), "ends with CRLF");
    for (i, &b) in bytes.iter().enumerate() {
        if b == b'\n' {
            assert!(i > 0 && bytes[i - 1] == b'\r', "bare LF at byte {i}");
        }
        if b == b'\r' {
            assert_eq!(bytes.get(i + 1), Some(&b'\n'), "bare CR at byte {i}");
        }
    }
    let mut logical: Vec<String> = Vec::new();
    for phys in bytes[..bytes.len() - 2].split(|&b| b == b'\n') {
        let phys = phys.strip_suffix(b"\r").unwrap_or(phys);
        assert!(phys.len() <= 75, "line of {} octets", phys.len());
        let text = std::str::from_utf8(phys).expect("fold split a character");
        if let Some(rest) = text.strip_prefix([' ', '\t']) {
            logical
                .last_mut()
                .expect("continuation first")
                .push_str(rest);
        } else {
            logical.push(text.to_string());
        }
    }
    logical
        .into_iter()
        .map(|l| {
            let mut in_quotes = false;
            let colon = l
                .char_indices()
                .find(|&(_, c)| {
                    if c == '"' {
                        in_quotes = !in_quotes;
                    }
                    c == ':' && !in_quotes
                })
                .map(|(i, _)| i)
                .unwrap_or_else(|| panic!("no colon in {l}"));
            let mut head = l[..colon].split(';');
            Prop {
                name: head.next().unwrap().to_ascii_uppercase(),
                params: head.map(str::to_string).collect(),
                value: l[colon + 1..].to_string(),
            }
        })
        .collect()
}

fn unescape(s: &str) -> String {
    let mut out = String::new();
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('n' | 'N') => out.push('\n'),
                Some(c) => out.push(c),
                None => panic!("dangling backslash"),
            }
        } else {
            assert!(c != ';' && c != ',', "unescaped {c} in TEXT {s}");
            out.push(c);
        }
    }
    out
}

fn calendar(team: usize) -> (Vec<u8>, chayici::model::Instance, chayici::model::Plan) {
    let inst = hostile_instance();
    let plan = hand_plan(&inst);
    let mut out = Vec::new();
    write_team_calendar(&mut out, &inst, &plan, team).unwrap();
    (out, inst, plan)
}

#[test]
fn every_team_calendar_parses_back() {
    let inst = hostile_instance();
    let plan = hand_plan(&inst);
    let mut uids = HashSet::new();
    let mut names_seen = HashSet::new();
    for team in 0..inst.teams.len() {
        let (bytes, _, _) = calendar(team);
        let props = parse(&bytes);
        let mut stack: Vec<String> = Vec::new();
        let mut events = 0;
        let mut current: Vec<&Prop> = Vec::new();
        for p in &props {
            match p.name.as_str() {
                "BEGIN" => {
                    stack.push(p.value.clone());
                    if p.value == "VEVENT" {
                        current.clear();
                    }
                }
                "END" => {
                    assert_eq!(stack.pop().as_deref(), Some(p.value.as_str()), "END");
                    if p.value == "VEVENT" {
                        events += 1;
                        let get = |n: &str| {
                            current
                                .iter()
                                .find(|q| q.name == n)
                                .unwrap_or_else(|| panic!("{n} missing"))
                        };
                        assert!(uids.insert(get("UID").value.clone()), "UID repeated");
                        assert!(get("DTSTAMP").value.ends_with('Z'));
                        let (s, e) = (get("DTSTART"), get("DTEND"));
                        assert_eq!(s.params, ["TZID=Asia/Shanghai"]);
                        assert_eq!(e.params, ["TZID=Asia/Shanghai"]);
                        assert_eq!(s.value.len(), 15);
                        assert!(s.value < e.value, "DTSTART < DTEND");
                        let (lat, lon) = get("GEO").value.split_once(';').unwrap();
                        assert!(lat.parse::<f64>().unwrap() > 20.0);
                        assert!(lon.parse::<f64>().unwrap() > 100.0);
                        names_seen.insert(unescape(&get("SUMMARY").value));
                        unescape(&get("LOCATION").value);
                        let desc = unescape(&get("DESCRIPTION").value);
                        assert!(desc.contains("任务编号"));
                    }
                }
                _ => current.push(p),
            }
        }
        assert!(stack.is_empty(), "unbalanced BEGIN/END");
        let visits: usize = plan
            .routes
            .iter()
            .filter(|r| r.team == team)
            .map(|r| r.visits.len())
            .sum();
        assert_eq!(events, visits, "one VEVENT per visit of team {team}");
        assert_eq!(props[0].name, "BEGIN");
        assert_eq!(props[0].value, "VCALENDAR");
        assert!(
            props
                .iter()
                .any(|p| p.name == "VERSION" && p.value == "2.0")
        );
        assert!(props.iter().any(|p| p.name == "PRODID"));
        assert!(
            props
                .iter()
                .any(|p| p.name == "TZID" && p.value == "Asia/Shanghai")
        );
    }
    assert!(names_seen.contains(ICS_NAME), "TEXT escaping round-trips");
    assert!(names_seen.contains(SCRIPT_NAME));
}

#[test]
fn long_chinese_lines_are_folded() {
    let (bytes, _, _) = calendar(0);
    let text = String::from_utf8(bytes).unwrap();
    assert!(text.contains("\r\n "), "some line was folded");
}

#[test]
fn calendars_are_byte_identical_across_runs() {
    assert_eq!(calendar(0).0, calendar(0).0);
    assert_eq!(calendar(1).0, calendar(1).0);
}

/// The VEVENTs of a calendar as (UID, SEQUENCE, DTSTART, STATUS).
fn events(bytes: &[u8]) -> Vec<(String, u32, String, String)> {
    let mut out = Vec::new();
    let mut cur = (String::new(), 0, String::new(), String::new());
    for p in parse(bytes) {
        match (p.name.as_str(), p.value.as_str()) {
            ("BEGIN", "VEVENT") => cur = (String::new(), 0, String::new(), String::new()),
            ("END", "VEVENT") => out.push(cur.clone()),
            ("UID", v) => cur.0 = v.to_string(),
            ("SEQUENCE", v) => cur.1 = v.parse().unwrap(),
            ("DTSTART", v) => cur.2 = v.to_string(),
            ("STATUS", v) => cur.3 = v.to_string(),
            _ => {}
        }
    }
    out
}

/// The hand plan with team 0's last visit of its first route moved to its second route
/// (another day) and the first visit of team 1's first route dropped.
fn replanned(
    inst: &chayici::model::Instance,
    plan: &chayici::model::Plan,
) -> (chayici::model::Plan, chayici::model::Visit) {
    let mut new = plan.clone();
    let of_team = |t: usize| -> Vec<usize> {
        (0..plan.routes.len())
            .filter(|&i| plan.routes[i].team == t)
            .collect()
    };
    let zero = of_team(0);
    assert!(zero.len() >= 2, "team 0 works two days");
    let moved = new.routes[zero[0]].visits.pop().unwrap();
    new.routes[zero[1]].visits.push(moved.clone());
    let one = of_team(1)[0];
    let dropped = new.routes[one].visits.remove(0);
    new.unscheduled.extend(
        dropped
            .tasks
            .iter()
            .map(|&task| chayici::model::Unscheduled {
                task,
                reason: chayici::model::Reason::NoCapacity,
            }),
    );
    assert_ne!(inst.teams[0].id, inst.teams[1].id);
    (new, moved)
}

fn write(
    inst: &chayici::model::Instance,
    plan: &chayici::model::Plan,
    team: usize,
    update: Option<&CalendarUpdate>,
) -> Vec<u8> {
    let mut out = Vec::new();
    write_team_calendar_updated(&mut out, inst, plan, team, update).unwrap();
    out
}

#[test]
fn a_visit_moved_to_another_day_keeps_its_uid() {
    let inst = hostile_instance();
    let plan = hand_plan(&inst);
    let (new, moved) = replanned(&inst, &plan);
    let firm_id = &inst.firms[moved.firm].id;
    let find = |bytes: &[u8]| {
        events(bytes)
            .into_iter()
            .find(|e| e.0.contains(firm_id.as_str()))
            .expect("the moved visit has an event")
    };
    let (before, after) = (
        find(&write(&inst, &plan, 0, None)),
        find(&write(&inst, &new, 0, None)),
    );
    assert_ne!(before.2[..8], after.2[..8], "the visit is on another day");
    assert_eq!(before.0, after.0, "the same event for the phone");
    // UIDs are ASCII without TEXT specials, even for a team id like `组/2:[x]`.
    for e in events(&write(&inst, &plan, 1, None)) {
        assert!(
            e.0.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"-_.%@".contains(&b)),
            "{}",
            e.0
        );
    }
}

#[test]
fn a_replan_raises_the_sequence_of_changed_events_and_cancels_removed_ones() {
    let inst = hostile_instance();
    let plan = hand_plan(&inst);
    let (new, moved) = replanned(&inst, &plan);
    let prev = PreviousCalendars {
        snapshot: PlanSnapshot::of(&inst, &plan),
        sequences: Default::default(),
    };
    let update = CalendarUpdate::between(&prev, &PlanSnapshot::of(&inst, &new), None);
    let full = events(&write(&inst, &new, 0, Some(&update)));
    let firm_id = inst.firms[moved.firm].id.as_str();
    let raised: Vec<_> = full.iter().filter(|e| e.1 > 0).collect();
    assert_eq!(raised.len(), 1, "only the moved event changed: {full:?}");
    assert!(raised[0].0.contains(firm_id));
    assert_eq!(raised[0].1, 1);
    // Team 0's changes: the moved event alone; team 1's: the dropped one, cancelled.
    let mut out = Vec::new();
    write_team_changes(&mut out, &inst, &new, &inst.teams[0].id, &update).unwrap();
    let changes = events(&out);
    assert_eq!(changes.len(), 1, "{changes:?}");
    assert_eq!(
        (changes[0].0.as_str(), changes[0].1),
        (raised[0].0.as_str(), 1)
    );
    let mut out = Vec::new();
    write_team_changes(&mut out, &inst, &new, &inst.teams[1].id, &update).unwrap();
    // The visits after the dropped one keep their times but not their stop number (第N站 in
    // the description), so they are sent again too; nothing of another day is.
    let sent = events(&out);
    let cancelled: Vec<_> = sent.iter().filter(|e| e.3 == "CANCELLED").collect();
    assert_eq!(cancelled.len(), 1, "{sent:?}");
    assert_eq!(cancelled[0].1, 1);
    assert!(
        sent.iter().all(|e| e.2[..8] == cancelled[0].2[..8]),
        "{sent:?}"
    );
    let old_uids: Vec<String> = events(&write(&inst, &plan, 1, None))
        .into_iter()
        .map(|e| e.0)
        .collect();
    assert!(
        old_uids.contains(&cancelled[0].0),
        "it cancels the published event"
    );

    // A second replan moving the same visit back raises it once more, past what the first
    // replan's calendars published.
    let published = String::from_utf8(write(&inst, &new, 0, Some(&update))).unwrap();
    let prev = PreviousCalendars {
        snapshot: PlanSnapshot::of(&inst, &new),
        sequences: published_sequences(&published).into_iter().collect(),
    };
    let again = CalendarUpdate::between(&prev, &PlanSnapshot::of(&inst, &plan), None);
    let back = events(&write(&inst, &plan, 0, Some(&again)));
    let e = back.iter().find(|e| e.0 == raised[0].0).unwrap();
    assert_eq!(e.1, 2);
}

#[test]
fn without_a_previous_plan_no_event_has_a_sequence() {
    let inst = hostile_instance();
    let plan = hand_plan(&inst);
    let text = String::from_utf8(write(&inst, &plan, 0, None)).unwrap();
    assert!(!text.contains("SEQUENCE"));
    assert!(!text.contains("STATUS:CANCELLED"));
}
