//! Renders bench results as markdown tables, the form BENCHMARKS.md keeps.
//!
//! Quality and cost sit side by side in one row so that a change that buys speed with visits
//! (or the reverse) shows at a glance.

use super::peers::{PeerClassicRow, PeerRow};
use super::row::{Report, Row, ScalingRow, SolomonRow};
use std::fmt::Write;

/// Column headers of the workspace table, in order.
pub const COLUMNS: [&str; 15] = [
    "instance",
    "seed",
    "budget",
    "tasks",
    "visits",
    "lower bound",
    "naive",
    "visit gap %",
    "km",
    "seconds",
    "threads",
    "peak MB",
    "unscheduled",
    "verified",
    "source",
];

/// Column headers of the set-partitioning table, in order.
pub const MILP_COLUMNS: [&str; 10] = [
    "instance",
    "backend",
    "mode",
    "columns",
    "objective before",
    "objective after",
    "bound",
    "gap %",
    "MILP s",
    "status",
];

/// The whole report as markdown: the machine, then one table per kind of row present.
pub fn render(report: &Report) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "chayici bench --suite {} — {} — {}\n",
        report.suite,
        report.date,
        report.machine.line()
    );
    if !report.rows.is_empty() {
        out.push_str(&workspace_table(&report.rows));
    }
    if report.rows.iter().any(|r| r.milp.is_some()) {
        out.push('\n');
        out.push_str(&milp_table(&report.rows));
    }
    if !report.peers.is_empty() {
        out.push('\n');
        out.push_str(&peers_table(&report.rows, &report.peers));
    }
    if !report.solomon.is_empty() {
        out.push('\n');
        out.push_str(&solomon_table(&report.solomon));
    }
    if !report.peers_classic.is_empty() {
        out.push('\n');
        out.push_str(&classic_peers_table(&report.solomon, &report.peers_classic));
    }
    if let Some(note) = &report.peers_note {
        let _ = writeln!(out, "\n{note}");
    }
    if !report.scaling.is_empty() {
        out.push('\n');
        out.push_str(&scaling_table(&report.scaling));
    }
    out
}

fn header(out: &mut String, columns: &[&str]) {
    let _ = writeln!(out, "| {} |", columns.join(" | "));
    let rule: Vec<&str> = columns.iter().map(|_| "---").collect();
    let _ = writeln!(out, "| {} |", rule.join(" | "));
}

fn line(out: &mut String, cells: &[String]) {
    let _ = writeln!(out, "| {} |", cells.join(" | "));
}

/// A percentage with its sign, `+0.00` rather than `-0.00` for a rounding below zero.
fn signed(p: f64) -> String {
    if p.abs() < 0.005 {
        "+0.00".to_string()
    } else {
        format!("{p:+.2}")
    }
}

fn peak(mb: Option<f64>) -> String {
    mb.map_or_else(|| "n/a".to_string(), |m| format!("{m:.0}"))
}

/// The workspace table.
pub fn workspace_table(rows: &[Row]) -> String {
    let mut out = String::new();
    header(&mut out, &COLUMNS);
    for r in rows {
        let verified = if r.verified {
            "yes".to_string()
        } else {
            format!("NO ({} violations)", r.violations)
        };
        line(
            &mut out,
            &[
                r.instance.clone(),
                r.seed.to_string(),
                format!("{} rounds", r.iterations),
                r.tasks.to_string(),
                r.visits.to_string(),
                r.lower_bound.to_string(),
                r.naive.to_string(),
                format!("{:.2}", r.visit_gap_percent),
                format!("{:.1}", r.travel_km),
                format!("{:.2}", r.seconds),
                r.threads.to_string(),
                peak(r.peak_memory_mb),
                r.unscheduled.to_string(),
                verified,
                format!("`{}`", r.source),
            ],
        );
    }
    out
}

/// The set-partitioning table: one line per row that ran the MILP, so the objective it
/// started from, what it reached and how far a bound leaves it sit beside its time.
pub fn milp_table(rows: &[Row]) -> String {
    let mut out = String::from("set partitioning\n\n");
    header(&mut out, &MILP_COLUMNS);
    let or_dash = |v: Option<String>| v.unwrap_or_else(|| "—".to_string());
    for (r, m) in rows.iter().filter_map(|r| Some((r, r.milp.as_ref()?))) {
        line(
            &mut out,
            &[
                r.instance.clone(),
                m.backend.clone(),
                m.mode.clone(),
                m.columns.to_string(),
                format!("{:.3}", m.objective_before),
                format!("{:.3}", m.objective_after),
                or_dash(m.bound().map(|b| format!("{b:.3}"))),
                or_dash(m.gap_percent.map(|g| format!("{g:.2}"))),
                format!("{:.2}", m.seconds),
                m.status.clone(),
            ],
        );
    }
    out
}

/// The Solomon table.
pub fn solomon_table(rows: &[SolomonRow]) -> String {
    let mut out = String::new();
    header(
        &mut out,
        &[
            "instance",
            "seed",
            "budget",
            "customers",
            "vehicles",
            "BKS vehicles",
            "distance",
            "BKS distance",
            "gap %",
            "seconds",
            "threads",
            "peak MB",
            "feasible",
        ],
    );
    let or_dash = |v: Option<String>| v.unwrap_or_else(|| "–".to_string());
    for r in rows {
        line(
            &mut out,
            &[
                r.instance.clone(),
                r.seed.to_string(),
                match r.time_limit_seconds {
                    Some(t) if r.iterations == u64::MAX => format!("{t} s"),
                    Some(t) => format!("{} rounds, {t} s", r.iterations),
                    None => format!("{} rounds", r.iterations),
                },
                r.customers.to_string(),
                r.vehicles.to_string(),
                or_dash(r.bks_vehicles.map(|v| v.to_string())),
                format!("{:.2}", r.distance),
                or_dash(r.bks_distance.map(|d| format!("{d:.2}"))),
                or_dash(r.gap_percent.map(signed)),
                format!("{:.2}", r.seconds),
                r.threads.to_string(),
                peak(r.peak_memory_mb),
                if r.feasible { "yes" } else { "NO" }.to_string(),
            ],
        );
    }
    out
}

/// Column headers of the peers' workspace table, in order.
pub const PEER_COLUMNS: [&str; 8] = [
    "instance",
    "solver",
    "visits",
    "unscheduled",
    "km",
    "team-days",
    "seconds",
    "verified",
];

/// chayici's rows and the peers' on the same workspaces, one workspace after another, so that
/// kilometres and seconds compare line by line.
pub fn peers_table(rows: &[Row], peers: &[PeerRow]) -> String {
    let mut out = String::from("peers on the same workspaces and bundles\n\n");
    header(&mut out, &PEER_COLUMNS);
    let mut names: Vec<&str> = rows.iter().map(|r| r.instance.as_str()).collect();
    for p in peers {
        if !names.contains(&p.instance.as_str()) {
            names.push(&p.instance);
        }
    }
    for name in names {
        for r in rows.iter().filter(|r| r.instance == name) {
            line(
                &mut out,
                &[
                    r.instance.clone(),
                    format!("chayici ({} rounds)", r.iterations),
                    r.visits.to_string(),
                    r.unscheduled.to_string(),
                    format!("{:.1}", r.travel_km),
                    r.team_days.map_or("–".into(), |d| d.to_string()),
                    format!("{:.2}", r.seconds),
                    if r.verified { "yes" } else { "NO" }.to_string(),
                ],
            );
        }
        for p in peers.iter().filter(|p| p.instance == name) {
            let verified = if p.verified {
                "yes".to_string()
            } else {
                format!("NO ({} problems)", p.problems.len())
            };
            line(
                &mut out,
                &[
                    p.instance.clone(),
                    format!("{} ({})", p.solver, p.setting),
                    p.visits.to_string(),
                    p.unscheduled.to_string(),
                    format!("{:.1}", p.travel_km),
                    p.routes.to_string(),
                    format!("{:.2}", p.seconds),
                    verified,
                ],
            );
        }
    }
    out
}

/// chayici's classic rows and the peers', instance by instance.
pub fn classic_peers_table(ours: &[SolomonRow], peers: &[PeerClassicRow]) -> String {
    let mut out = String::from("peers on the classic VRPTW instances\n\n");
    header(
        &mut out,
        &[
            "instance",
            "solver",
            "vehicles",
            "BKS vehicles",
            "distance",
            "gap %",
            "seconds",
            "feasible",
        ],
    );
    let or_dash = |v: Option<String>| v.unwrap_or_else(|| "–".to_string());
    let mut names: Vec<&str> = ours.iter().map(|r| r.instance.as_str()).collect();
    for p in peers {
        if !names.contains(&p.instance.as_str()) {
            names.push(&p.instance);
        }
    }
    for name in names {
        for r in ours.iter().filter(|r| r.instance == name) {
            line(
                &mut out,
                &[
                    r.instance.clone(),
                    "chayici".into(),
                    r.vehicles.to_string(),
                    or_dash(r.bks_vehicles.map(|v| v.to_string())),
                    format!("{:.2}", r.distance),
                    or_dash(r.gap_percent.map(signed)),
                    format!("{:.2}", r.seconds),
                    if r.feasible { "yes" } else { "NO" }.to_string(),
                ],
            );
        }
        for p in peers.iter().filter(|p| p.instance == name) {
            line(
                &mut out,
                &[
                    p.instance.clone(),
                    p.solver.clone(),
                    p.vehicles.to_string(),
                    or_dash(p.bks_vehicles.map(|v| v.to_string())),
                    format!("{:.2}", p.distance),
                    or_dash(p.gap_percent.map(signed)),
                    format!("{:.2}", p.seconds),
                    if p.feasible { "yes" } else { "NO" }.to_string(),
                ],
            );
        }
    }
    out
}

/// The improvement-phase table of the `scaling` suite.
pub fn scaling_table(rows: &[ScalingRow]) -> String {
    let mut out = String::new();
    header(
        &mut out,
        &[
            "instance",
            "seed",
            "rounds",
            "threads",
            "construction s",
            "improvement s",
            "ms per round",
        ],
    );
    for r in rows {
        line(
            &mut out,
            &[
                r.instance.clone(),
                r.seed.to_string(),
                r.iterations.to_string(),
                r.threads.to_string(),
                format!("{:.2}", r.construct_seconds),
                format!("{:.2}", r.improve_seconds),
                format!("{:.1}", r.ms_per_round),
            ],
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::devtools::bench::row::MilpRow;

    fn row() -> Row {
        Row {
            instance: "county-s1".into(),
            source: "gen --profile county --seed 1".into(),
            seed: 1,
            iterations: 10,
            iterations_done: 10,
            tasks: 1995,
            unscheduled: 0,
            visits: 1100,
            lower_bound: 1091,
            naive: 1781,
            visit_gap_percent: 0.82,
            travel_km: 4399.07,
            seconds: 3.5,
            load_seconds: 0.1,
            bounds_seconds: 0.1,
            verify_seconds: 0.1,
            threads: 2,
            peak_memory_mb: Some(45.2),
            verified: true,
            violations: 0,
            milp: None,
            team_days: Some(150),
        }
    }

    fn milp() -> MilpRow {
        MilpRow {
            backend: "microlp".into(),
            mode: "set_partitioning_windows".into(),
            columns: 812,
            objective_before: 1234.5678,
            objective_after: 1200.0,
            lp_bound: None,
            pool_bound: Some(1180.25),
            gap_percent: Some(1.6458),
            seconds: 0.456,
            status: "optimal".into(),
            improved: true,
        }
    }

    #[test]
    fn one_line_per_row_under_the_header() {
        let t = workspace_table(&[row()]);
        let lines: Vec<&str> = t.lines().collect();
        assert_eq!(lines.len(), 3);
        assert!(lines[0].contains("| visit gap % |"));
        assert_eq!(lines[0].matches('|').count(), COLUMNS.len() + 1);
        assert_eq!(lines[2].matches('|').count(), COLUMNS.len() + 1);
        assert!(lines[2].starts_with("| county-s1 | 1 | 10 rounds | 1995 | 1100 | 1091 |"));
    }

    #[test]
    fn a_failed_check_is_loud() {
        let mut r = row();
        r.verified = false;
        r.violations = 3;
        assert!(workspace_table(&[r]).contains("NO (3 violations)"));
    }

    #[test]
    fn no_milp_table_without_a_milp() {
        let report = report(vec![row()]);
        assert!(!render(&report).contains("set partitioning"));
    }

    #[test]
    fn the_milp_table_follows_the_workspace_table() {
        let mut with = row();
        with.milp = Some(milp());
        let mut other = row();
        other.instance = "demo".into();
        let text = render(&report(vec![other, with]));
        let (workspaces, milp) = text.split_once("set partitioning").expect("a MILP table");
        assert!(workspaces.contains("| visit gap % |"));
        let lines: Vec<&str> = milp.lines().filter(|l| l.starts_with('|')).collect();
        assert_eq!(
            lines.len(),
            3,
            "one line per row that ran the MILP:\n{milp}"
        );
        assert_eq!(lines[0].matches('|').count(), MILP_COLUMNS.len() + 1);
        assert_eq!(
            lines[2],
            "| county-s1 | microlp | set_partitioning_windows | 812 | 1234.568 | 1200.000 | \
             1180.250 | 1.65 | 0.46 | optimal |"
        );
    }

    #[test]
    fn the_higher_bound_shows_and_a_missing_one_is_a_dash() {
        let mut r = row();
        let mut m = milp();
        m.lp_bound = Some(1190.0);
        r.milp = Some(m.clone());
        assert!(milp_table(std::slice::from_ref(&r)).contains("| 1190.000 |"));
        m.lp_bound = None;
        m.pool_bound = None;
        m.gap_percent = None;
        r.milp = Some(m);
        assert!(milp_table(&[r]).contains("| — | — |"));
    }

    fn report(rows: Vec<Row>) -> Report {
        Report {
            chayici_version: "test".into(),
            date: "2026-01-01T00:00:00Z".into(),
            suite: "quick".into(),
            machine: crate::devtools::bench::Machine::this(),
            rows,
            solomon: Vec::new(),
            scaling: Vec::new(),
            peers: Vec::new(),
            peers_classic: Vec::new(),
            peers_note: None,
        }
    }

    #[test]
    fn peers_sit_under_chayicis_row_of_the_same_workspace() {
        let mut report = report(vec![row()]);
        report.peers.push(PeerRow {
            instance: "county-s1".into(),
            solver: "vroom".into(),
            setting: "level 5, 2 threads".into(),
            visits: 1100,
            unscheduled: 0,
            travel_km: 3900.04,
            routes: 140,
            seconds: 61.5,
            verified: true,
            problems: Vec::new(),
        });
        let text = render(&report);
        let (_, peers) = text
            .split_once("peers on the same workspaces")
            .expect("a table");
        let lines: Vec<&str> = peers.lines().filter(|l| l.starts_with('|')).collect();
        assert_eq!(lines.len(), 4, "{peers}");
        assert!(lines[2].starts_with("| county-s1 | chayici (10 rounds) | 1100 | 0 | 4399.1 |"));
        assert_eq!(
            lines[3],
            "| county-s1 | vroom (level 5, 2 threads) | 1100 | 0 | 3900.0 | 140 | 61.50 | yes |"
        );
    }

    #[test]
    fn a_missing_peer_is_said_below_the_tables() {
        let mut report = report(vec![row()]);
        report.peers_note = Some(super::super::peers::missing_note("未安装", "not installed"));
        let text = render(&report);
        assert!(text.contains("| county-s1 |"));
        assert!(text.trim_end().ends_with("(see BENCHMARKS.md)."), "{text}");
        assert!(text.contains("对照求解器未运行"));
    }
}
