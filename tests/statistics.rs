//! The reform statistics' definitions, pinned on the hand-checkable workspace `data/tiny`
//! with a plan written by hand, so every count below can be checked on paper.

mod common;

use chayici::graph::visit_bounds;
use chayici::ingest::load_workspace;
use chayici::model::{Instance, Plan, Reason, Route, Unscheduled, Visit};
use chayici::stats::{Figures, NaiveCounts, statistics};
use chrono::NaiveDate;
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::Path;

fn tiny() -> Instance {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/tiny");
    load_workspace(&dir).unwrap().instance.unwrap()
}

fn task(inst: &Instance, id: &str) -> usize {
    inst.tasks.iter().position(|t| t.id == id).unwrap()
}

fn visit(inst: &Instance, tasks: &[&str], at: u32) -> Visit {
    let tasks: Vec<usize> = tasks.iter().map(|id| task(inst, id)).collect();
    Visit {
        firm: inst.tasks[tasks[0]].firm,
        tasks,
        arrive: at,
        start: at,
        end: at + 80,
        depart: at + 80,
    }
}

fn route(inst: &Instance, team: &str, date: &str, visits: Vec<Visit>) -> Route {
    let day: NaiveDate = date.parse().unwrap();
    Route {
        team: inst.teams.iter().position(|t| t.id == team).unwrap(),
        day: inst.calendar.index_of(day).unwrap(),
        leave_base: 510,
        visits,
        return_base: 1000,
    }
}

/// T1 on Monday 7 December: 天马 with 市场监管 and 消防 together (joint), then 金川 (市场监管
/// alone); T2 on Monday 14 December: 紫港 (消防 alone), then 辉埠 with 生态环境 and 消防
/// (joint); T1 on 15 December back at 紫港 for 市场监管's task. HB-02 is left out.
fn hand_plan(inst: &Instance) -> Plan {
    Plan {
        routes: vec![
            route(
                inst,
                "T1",
                "2026-12-07",
                vec![
                    visit(inst, &["SC-01", "XF-01"], 540),
                    visit(inst, &["SC-03"], 660),
                ],
            ),
            route(
                inst,
                "T2",
                "2026-12-14",
                vec![
                    visit(inst, &["XF-02"], 540),
                    visit(inst, &["HB-01", "XF-03"], 840),
                ],
            ),
            route(inst, "T1", "2026-12-15", vec![visit(inst, &["SC-02"], 540)]),
        ],
        unscheduled: vec![Unscheduled {
            task: task(inst, "HB-02"),
            reason: Reason::NoCapacity,
        }],
    }
}

/// `naive, visits, joint, tasks, joint tasks`, every visit charged to the row.
fn f(n: usize, v: usize, j: usize, t: usize, jt: usize) -> Figures {
    led(f_(n, v, j, t, jt), v)
}

/// A department's row, which is charged only the visits it leads.
fn led(f: Figures, led_visits: usize) -> Figures {
    Figures { led_visits, ..f }
}

fn f_(n: usize, v: usize, j: usize, t: usize, jt: usize) -> Figures {
    Figures {
        naive_visits: n,
        visits: v,
        led_visits: 0,
        joint_visits: j,
        scheduled_tasks: t,
        joint_tasks: jt,
    }
}

#[test]
fn the_definitions_on_a_hand_checked_plan() {
    let inst = tiny();
    let plan = hand_plan(&inst);
    let naive = NaiveCounts::of(&inst, &visit_bounds(&inst));
    let s = statistics(&inst, &plan, &naive);

    // Alone: 市场监管 at 3 firms, 生态环境 at 2, 消防 at 3.
    assert_eq!(s.overall, f(8, 5, 2, 7, 4));
    assert_eq!(s.overall.joint_share().percent(), Some(40.0));
    assert_eq!(s.overall.joint_task_share().percent(), Some(57.1));
    assert_eq!(s.overall.reduction().percent(), Some(37.5));
    assert_eq!(s.overall.against(&s.targets), (Some(false), Some(true)));

    let depts: Vec<(&str, Figures)> = s
        .departments
        .iter()
        .map(|d| (d.code.as_str(), d.figures))
        .collect();
    assert_eq!(
        depts,
        [
            ("scjg", led(f_(3, 3, 1, 3, 1), 3)),
            ("xfjy", led(f_(3, 3, 2, 3, 2), 1)),
            ("sthj", led(f_(2, 1, 1, 1, 1), 1)),
        ]
    );
    // 市场监管 leads at 天马 (40 minutes against 消防's 30), 生态环境 at 辉埠 (60 against 40):
    // the led visits add up to the county's.
    let led_sum: usize = s.departments.iter().map(|d| d.figures.led_visits).sum();
    assert_eq!(led_sum, s.overall.visits);
    let naive_sum: usize = s.departments.iter().map(|d| d.figures.naive_visits).sum();
    assert_eq!(naive_sum, s.overall.naive_visits);
    let sthj = &s.departments[2].figures;
    assert_eq!(sthj.against(&s.targets), (Some(true), Some(true)));
    let xfjy = &s.departments[1].figures;
    assert_eq!(xfjy.joint_share().percent(), Some(66.7));
    assert_eq!(xfjy.reduction().percent(), Some(66.7));
    assert_eq!(xfjy.against(&s.targets), (Some(true), Some(true)));
    let scjg = &s.departments[0].figures;
    assert_eq!(scjg.against(&s.targets), (Some(false), Some(false)));

    let towns: Vec<(&str, Figures)> = s
        .townships
        .iter()
        .map(|t| (t.township.as_str(), t.figures))
        .collect();
    assert_eq!(
        towns,
        [
            ("天马街道", f(2, 1, 1, 2, 2)),
            ("紫港街道", f(2, 2, 0, 2, 0)),
            ("辉埠镇", f(2, 1, 1, 2, 2)),
            ("金川街道", f(1, 1, 0, 1, 0)),
            ("青石镇", f(1, 0, 0, 0, 0)),
        ]
    );

    let teams: Vec<(&str, Figures, usize)> = s
        .teams
        .iter()
        .map(|t| (t.team_id.as_str(), t.figures, t.work.routes))
        .collect();
    assert_eq!(
        teams,
        [("T1", f(0, 3, 1, 4, 2), 2), ("T2", f(0, 2, 1, 3, 2), 1)]
    );
    let team_km: f64 = s.teams.iter().map(|t| t.work.travel_km).sum();
    assert!((team_km - s.work.travel_km).abs() < 1e-9);
    assert_eq!(
        s.work.onsite_minutes,
        s.teams.iter().map(|t| t.work.onsite_minutes).sum::<u64>()
    );

    let weeks: Vec<(String, String, Figures)> = s
        .weeks
        .iter()
        .map(|w| {
            (
                w.week.label(),
                format!("{}~{}", w.week.first, w.week.last),
                w.figures,
            )
        })
        .collect();
    let week = |l: &str, d: &str, fig| (l.to_string(), d.to_string(), fig);
    assert_eq!(
        weeks,
        [
            week("2026-W49", "2026-12-01~2026-12-06", f(0, 0, 0, 0, 0)),
            week("2026-W50", "2026-12-07~2026-12-13", f(0, 2, 1, 3, 2)),
            week("2026-W51", "2026-12-14~2026-12-20", f(0, 3, 1, 4, 2)),
            week("2026-W52", "2026-12-21~2026-12-27", f(0, 0, 0, 0, 0)),
            week("2026-W53", "2026-12-28~2026-12-31", f(0, 0, 0, 0, 0)),
        ]
    );
}

/// The demo planned quickly, and what `merge --format json` says of it.
fn demo_plan() -> (tempfile::TempDir, Value) {
    let ws = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/demo-changshan");
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("plan");
    let o = common::chayici(&[
        "plan",
        ws.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--iterations",
        "2",
        "--no-milp",
    ]);
    assert_eq!(
        common::code(&o),
        0,
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    std::fs::write(tmp.path().join("summary.txt"), &o.stdout).unwrap();
    let m = common::chayici(&["merge", ws.to_str().unwrap(), "--format", "json"]);
    assert_eq!(common::code(&m), 0);
    (tmp, serde_json::from_slice(&m.stdout).unwrap())
}

/// `label: naive → visits` of each bar of the report's chart `id`.
fn chart_rows(html: &str, id: &str) -> Vec<(String, String, String)> {
    let start = html.find(&format!(r#"<svg id="{id}""#)).unwrap();
    let svg = &html[start..start + html[start..].find("</svg>").unwrap()];
    svg.split("<title>")
        .skip(1)
        .map(|t| {
            let t = &t[..t.find("</title>").unwrap()];
            let (label, rest) = t.rsplit_once(": ").unwrap();
            let (naive, rest) = rest.split_once(" → ").unwrap();
            let visits = rest.split(' ').next().unwrap();
            (label.to_string(), naive.to_string(), visits.to_string())
        })
        .collect()
}

#[test]
fn the_report_counts_naive_visits_as_merge_does_in_whole_numbers() {
    let (tmp, merge) = demo_plan();
    let html = std::fs::read_to_string(tmp.path().join("plan/report.html")).unwrap();
    let rows = chart_rows(&html, "chart-departments");
    let merge_naive: BTreeMap<String, String> = merge["departments"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["tasks"].as_u64() > Some(0))
        .map(|d| {
            (
                d["name"].as_str().unwrap().to_string(),
                d["naive_visits"].to_string(),
            )
        })
        .collect();
    let report_naive: BTreeMap<String, String> = rows
        .iter()
        .map(|(l, n, _)| (l.clone(), n.clone()))
        .collect();
    assert_eq!(report_naive, merge_naive);
    let sum: u64 = rows.iter().map(|(_, n, _)| n.parse::<u64>().unwrap()).sum();
    assert_eq!(sum, merge["naive_visits"].as_u64().unwrap());
    for (label, naive, visits) in rows.iter().chain(&chart_rows(&html, "chart-townships")) {
        assert!(
            naive.parse::<u64>().is_ok() && visits.parse::<u64>().is_ok(),
            "{label}: {naive} → {visits} is not in whole visits"
        );
    }
}

#[test]
fn merge_the_summary_plan_json_the_report_and_the_sheets_agree_on_the_demo() {
    let (tmp, merge) = demo_plan();
    let dir = tmp.path().join("plan");
    let plan: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("plan.json")).unwrap()).unwrap();
    let stats = &plan["statistics"];
    let depts = stats["departments"].as_array().unwrap();
    let html = std::fs::read_to_string(dir.join("report.html")).unwrap();
    let chart = chart_rows(&html, "chart-departments");
    let summary = std::fs::read_to_string(tmp.path().join("summary.txt")).unwrap();
    let csv = std::fs::read_to_string(dir.join("statistics/department.csv")).unwrap();
    let csv_rows: Vec<Vec<&str>> = csv
        .trim_start_matches('\u{feff}')
        .lines()
        .skip(1)
        .map(|l| l.split(',').collect())
        .collect();
    assert_eq!(csv_rows.len(), depts.len());
    for (i, d) in depts.iter().enumerate() {
        let code = d["code"].as_str().unwrap();
        let m = merge["departments"]
            .as_array()
            .unwrap()
            .iter()
            .find(|m| m["code"] == code)
            .unwrap();
        assert_eq!(d["naive_visits"], m["naive_visits"], "{code}: merge");
        assert_eq!(
            (chart[i].1.as_str(), chart[i].2.as_str()),
            (
                d["naive_visits"].to_string().as_str(),
                d["led_visits"].to_string().as_str()
            ),
            "{code}: report"
        );
        let row = &csv_rows[i];
        assert_eq!(row[0], code);
        let cells = [
            ("naive_visits", 2),
            ("visits", 3),
            ("joint_visits", 4),
            ("scheduled_tasks", 5),
            ("joint_tasks", 6),
            ("led_visits", 11),
        ];
        for (key, col) in cells {
            assert_eq!(row[col], d[key].to_string(), "{code}: {key} in the sheet");
        }
        assert_eq!(
            row[7],
            format!("{:.1}", d["joint_share_percent"].as_f64().unwrap())
        );
        let line = format!(
            "    {code:<10} {} → {}; {}, {} joint; {:.1}%",
            d["naive_visits"],
            d["led_visits"],
            d["visits"],
            d["joint_visits"],
            d["joint_share_percent"].as_f64().unwrap()
        );
        assert!(summary.contains(&line), "{line} not in\n{summary}");
    }
    let o = &stats["overall"];
    assert_eq!(o["naive_visits"], merge["naive_visits"]);
    assert_eq!(o["naive_visits"], plan["kpis"]["visits_naive"]);
    assert_eq!(o["visits"], plan["kpis"]["visits"]);
    let led: u64 = depts
        .iter()
        .map(|d| d["led_visits"].as_u64().unwrap())
        .sum();
    assert_eq!(led, o["visits"].as_u64().unwrap());
    let line = format!(
        "  joint        {} of {} visits joint {:.1}%",
        o["joint_visits"],
        o["visits"],
        o["joint_share_percent"].as_f64().unwrap()
    );
    assert!(summary.contains(&line), "{line} not in\n{summary}");
    let overall = std::fs::read_to_string(dir.join("statistics/overall.csv")).unwrap();
    assert!(
        overall.contains(&format!("联合入企 joint visits,{},", o["joint_visits"])),
        "{overall}"
    );
    // The workbook holds the same five sheets, the department sheet the same figures.
    use calamine::{Data, Reader, Xlsx, open_workbook_from_rs};
    let bytes = std::fs::read(dir.join("statistics.xlsx")).unwrap();
    let mut book: Xlsx<_> = open_workbook_from_rs(std::io::Cursor::new(bytes)).unwrap();
    assert_eq!(book.sheet_names(), ["总体", "部门", "乡镇", "检查组", "周"]);
    let sheet = book.worksheet_range("部门").unwrap();
    for (i, d) in depts.iter().enumerate() {
        let row = i as u32 + 1;
        assert_eq!(
            sheet.get_value((row, 0)),
            Some(&Data::String(d["code"].as_str().unwrap().into()))
        );
        assert_eq!(
            sheet.get_value((row, 4)),
            Some(&Data::Float(d["joint_visits"].as_f64().unwrap()))
        );
    }
}
