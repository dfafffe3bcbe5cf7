//! Tests of the per-team calendars: parsed back with a small RFC 5545 reader written here,
//! independent of the writer.

mod report_fixture;

use chayici::output::calendar_ics::write_team_calendar;
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
