//! `[travel] matrix` end to end: `check` reads the matrix and says so, `plan` drives the
//! matrix's kilometres and minutes leg by leg, a partial matrix falls back to the great-circle
//! model pair by pair, and a broken or missing matrix is reported at its file and line.

use chayici::ingest::load_workspace;
use chayici::model::{Instance, Place};
use chayici::spatial::Travel;
use std::collections::HashMap;
use std::path::Path;
use std::process::Command;

mod common;
use common::copy_workspace;

const GOOD: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/travel_matrix");
const BAD: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/travel_matrix_bad"
);

/// Runs the binary: exit code, stdout, stderr.
fn chayici(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_chayici"))
        .env("LC_ALL", "C")
        .args(args)
        .output()
        .expect("the binary runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn check(dir: &Path) -> (i32, String) {
    let (code, out, _) = chayici(&["check", dir.to_str().unwrap()]);
    (code, out)
}

/// The fixture's matrix rows as written: from, to, km, minutes (possibly fractional).
fn matrix_rows(dir: &Path) -> Vec<(String, String, f64, f64)> {
    let text = std::fs::read_to_string(dir.join("travel.csv")).unwrap();
    let text = text.trim_start_matches('\u{feff}');
    text.lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let f: Vec<&str> = l.split(',').collect();
            (
                f[0].to_string(),
                f[1].to_string(),
                f[2].parse().unwrap(),
                f[3].parse().unwrap(),
            )
        })
        .collect()
}

/// The matrix by (from, to): kilometres, and minutes rounded up to whole minutes.
fn matrix(dir: &Path) -> HashMap<(String, String), (f64, u32)> {
    matrix_rows(dir)
        .into_iter()
        .map(|(a, b, km, min)| ((a, b), (km, min.ceil() as u32)))
        .collect()
}

fn write_rows(dir: &Path, rows: &[(String, String, f64, f64)]) {
    let mut text = String::from("from,to,km,minutes\n");
    for (a, b, km, min) in rows {
        text.push_str(&format!("{a},{b},{km},{min}\n"));
    }
    std::fs::write(dir.join("travel.csv"), text).unwrap();
}

fn place(inst: &Instance, id: &str) -> Place {
    match inst.firms.iter().position(|f| f.id == id) {
        Some(f) => Place::Firm(f),
        None => Place::Base(inst.teams.iter().position(|t| t.id == id).unwrap()),
    }
}

fn model(inst: &Instance, a: Place, b: Place) -> (f64, u32) {
    let travel = Travel::from_settings(&inst.settings);
    let (pa, pb) = (inst.place_point(a), inst.place_point(b));
    (travel.km(pa, pb), travel.minutes(pa, pb))
}

#[test]
fn check_reads_the_matrix_and_says_how_many_pairs() {
    let (code, out) = check(Path::new(GOOD));
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("0 errors, 0 warnings"), "{out}");
    assert!(
        out.contains("  travel:   matrix travel.csv read: 40 pairs\n"),
        "{out}"
    );
    let (code, json, _) = chayici(&["check", GOOD, "--format", "json"]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["summary"]["travel"]["pairs"], 40);
    assert_eq!(v["summary"]["travel"]["fallback"], 0);

    // Without [travel] the summary says nothing about travel.
    let (_, out) = check(&Path::new(env!("CARGO_MANIFEST_DIR")).join("data/tiny"));
    assert!(!out.contains("travel:"), "{out}");
}

#[test]
fn plan_drives_the_matrix_legs() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("plan");
    let (code, _, err) = chayici(&[
        "plan",
        GOOD,
        "--out",
        out.to_str().unwrap(),
        "--quiet",
        "--iterations",
        "60",
    ]);
    assert_eq!(code, 0, "{err}");
    let m = matrix(Path::new(GOOD));

    // routes.csv: every leg is the matrix's, from the base through each firm back to base.
    let mut reader = csv::Reader::from_path(out.join("routes.csv")).unwrap();
    let header = reader.headers().unwrap().clone();
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let (team, date, firm) = (col("team_id"), col("date"), col("firm_id"));
    let (km_col, min_col) = (col("travel_km"), col("travel_minutes"));
    let mut at: HashMap<(String, String), String> = HashMap::new();
    let (mut legs, mut total_km, mut total_min) = (0, 0.0, 0u64);
    for row in reader.records() {
        let row = row.unwrap();
        let key = (row[team].to_string(), row[date].to_string());
        let from = at
            .get(&key)
            .cloned()
            .unwrap_or_else(|| row[team].to_string());
        let to = if row[firm].is_empty() {
            row[team].to_string()
        } else {
            row[firm].to_string()
        };
        let (km, min) = m[&(from.clone(), to.clone())];
        let written: f64 = row[km_col].parse().unwrap();
        assert!((written - km).abs() < 1e-9, "{from} → {to}: {written} km");
        assert_eq!(row[min_col].parse::<u32>().unwrap(), min, "{from} → {to}");
        total_km += km;
        total_min += u64::from(min);
        legs += 1;
        at.insert(key, to);
    }
    assert!(legs >= 4, "the plan drives some legs");

    // plan.json: the totals are the sums of the matrix entries of those legs.
    let plan: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("plan.json")).unwrap()).unwrap();
    let kpi_km = plan["kpis"]["travel_km"].as_f64().unwrap();
    assert!((kpi_km - total_km).abs() < 1e-6, "{kpi_km} vs {total_km}");
    assert_eq!(plan["kpis"]["travel_minutes"].as_u64().unwrap(), total_min);
    let route_km: f64 = plan["routes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["travel_km"].as_f64().unwrap())
        .sum();
    assert!((route_km - total_km).abs() < 1e-6);
    // The matrix is an input of the plan, hashed like the others.
    let inputs: Vec<&str> = plan["inputs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["path"].as_str().unwrap())
        .collect();
    assert!(inputs.contains(&"travel.csv"), "{inputs:?}");
}

#[test]
fn a_partial_matrix_falls_back_pair_by_pair_and_one_direction_only() {
    let tmp = copy_workspace(Path::new(GOOD));
    let rows = matrix_rows(Path::new(GOOD));
    // Keep the legs from T1's base, and those from the first firm except the way back to T1.
    let first_firm = rows[0].0.clone();
    let kept: Vec<_> = rows
        .iter()
        .filter(|r| r.0 == "T1" || (r.0 == first_firm && r.1 != "T1"))
        .cloned()
        .collect();
    write_rows(tmp.path(), &kept);
    let (code, out) = check(tmp.path());
    assert_eq!(code, 0, "{out}");
    let fallback = 40 - kept.len();
    assert!(
        out.contains(&format!(
            "chayici.toml:19:1: warning[W1505]: the matrix gives {} of the 40 pairs a route can drive; \
             {fallback} use the great-circle model",
            kept.len()
        )),
        "{out}"
    );
    assert!(
        out.contains(&format!(
            "matrix travel.csv read: {} pairs ({fallback} more by great circle)",
            kept.len()
        )),
        "{out}"
    );
    assert!(out.contains("0 errors, 1 warning"), "{out}");

    let inst = load_workspace(tmp.path()).unwrap().instance.unwrap();
    let m = matrix(Path::new(GOOD));
    let (t1, f0) = (place(&inst, "T1"), place(&inst, &first_firm));
    let listed = m[&("T1".to_string(), first_firm.clone())];
    assert_eq!(
        (inst.travel_km(t1, f0), inst.travel_minutes(t1, f0)),
        listed
    );
    // The way back is not listed: the model gives it (T1's base and the first firm share a
    // point, so the model says 0 where the left-out row said 1 km).
    let back = model(&inst, f0, t1);
    assert_eq!((inst.travel_km(f0, t1), inst.travel_minutes(f0, t1)), back);
    assert_eq!(back, (0.0, 0));
    let (t2, f1) = (place(&inst, "T2"), Place::Firm(1));
    assert_eq!(
        (inst.travel_km(t2, f1), inst.travel_minutes(t2, f1)),
        model(&inst, t2, f1)
    );
    assert_eq!(
        (inst.travel_km(f1, f1), inst.travel_minutes(f1, f1)),
        (0.0, 0)
    );

    // A plan of the partial matrix still verifies.
    let out_root = tempfile::tempdir().unwrap();
    let plan_dir = out_root.path().join("out");
    let (code, _, err) = chayici(&[
        "plan",
        tmp.path().to_str().unwrap(),
        "--out",
        plan_dir.to_str().unwrap(),
        "--quiet",
        "--iterations",
        "30",
    ]);
    assert_eq!(code, 0, "{err}");
}

#[test]
fn bad_matrix_is_reported_row_by_row() {
    let (code, out) = check(Path::new(BAD));
    assert_eq!(code, 1, "{out}");
    for expected in [
        "roads/travel.csv:3:2 (B3): error[E1501]: to `91330822MA2E9Z9Z99` is neither a firm in the \
         register nor a team",
        "roads/travel.csv:4:3 (C4): error[E1502]: km `-6.3` is negative",
        "roads/travel.csv:6:1 (A6): warning[W1503]: pair `T1` → `91330822MA2E1C2D04` is listed again \
         (first at roads/travel.csv:2:1 (A2)); this row is used",
        "chayici.toml:19:1: warning[W1505]: the matrix gives 2 of the 40 pairs",
        "matrix roads/travel.csv read: 2 pairs (38 more by great circle)",
        "2 errors, 2 warnings",
    ] {
        assert!(out.contains(expected), "missing `{expected}` in\n{out}");
    }
    let (code, _, err) = chayici(&[
        "plan",
        BAD,
        "--out",
        tempfile::tempdir()
            .unwrap()
            .path()
            .join("o")
            .to_str()
            .unwrap(),
        "--quiet",
    ]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("error[E1501]"), "{err}");
}

#[test]
fn absurd_values_and_empty_cells_are_errors() {
    let tmp = copy_workspace(Path::new(GOOD));
    std::fs::write(
        tmp.path().join("travel.csv"),
        "from,to,km,minutes\nT1,T2,2500,10\nT1,T2,10,1441\nT1,T2,,10\nT1,T2,x,10\nT1,,1,1\n",
    )
    .unwrap();
    let (code, out) = check(tmp.path());
    assert_eq!(code, 1, "{out}");
    for expected in [
        "travel.csv:2:3 (C2): error[E1502]: km `2500` is more than 2000",
        "travel.csv:3:4 (D3): error[E1502]: minutes `1441` is more than 1440",
        "travel.csv:4:3 (C4): error[E1502]: km is empty",
        "travel.csv:5:3 (C5): error[E1502]: km `x` is not a number",
        "travel.csv:6:2 (B6): error[E0107]",
        "5 errors",
    ] {
        assert!(out.contains(expected), "missing `{expected}` in\n{out}");
    }
}

#[test]
fn a_matrix_named_but_not_there_is_an_error_at_the_setting() {
    let tmp = copy_workspace(Path::new(GOOD));
    std::fs::remove_file(tmp.path().join("travel.csv")).unwrap();
    let toml = std::fs::read_to_string(tmp.path().join("chayici.toml")).unwrap();
    let line = toml.lines().position(|l| l.starts_with("matrix")).unwrap() + 1;
    let (code, out) = check(tmp.path());
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains(&format!(
            "chayici.toml:{line}:1: error[E1504]: the travel matrix `travel.csv` is not found"
        )),
        "{out}"
    );
    assert!(!out.contains("travel:   matrix"), "{out}");
    assert!(out.contains("1 error,"), "{out}");
}

#[test]
fn gbk_csv_and_xlsx_matrices_read_alike() {
    use rust_xlsxwriter::Workbook;
    let rows = matrix_rows(Path::new(GOOD));
    let m = matrix(Path::new(GOOD));
    let expect = |inst: &Instance| {
        for (a, b, _, _) in &rows {
            let (pa, pb) = (place(inst, a), place(inst, b));
            let got = (inst.travel_km(pa, pb), inst.travel_minutes(pa, pb));
            assert_eq!(got, m[&(a.clone(), b.clone())], "{a} → {b}");
        }
    };

    // GBK, as Excel on a Chinese Windows saves CSV, with other Chinese headers.
    let tmp = copy_workspace(Path::new(GOOD));
    let mut text = String::from("出发地,目的地,公里,分钟\n");
    for (a, b, km, min) in &rows {
        text.push_str(&format!("{a},{b},{km},{min}\n"));
    }
    let (gbk, _, unmappable) = encoding_rs::GBK.encode(&text);
    assert!(!unmappable);
    std::fs::write(tmp.path().join("travel.csv"), &gbk).unwrap();
    let (code, out) = check(tmp.path());
    assert_eq!(code, 0, "{out}");
    expect(&load_workspace(tmp.path()).unwrap().instance.unwrap());

    // A workbook with numeric cells.
    let tmp = copy_workspace(Path::new(GOOD));
    std::fs::remove_file(tmp.path().join("travel.csv")).unwrap();
    let toml = std::fs::read_to_string(tmp.path().join("chayici.toml")).unwrap();
    std::fs::write(
        tmp.path().join("chayici.toml"),
        toml.replace("\"travel.csv\"", "\"travel.xlsx\""),
    )
    .unwrap();
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.write_row(0, 0, ["起点", "终点", "距离（公里）", "时间（分钟）"])
        .unwrap();
    for (r, (a, b, km, min)) in rows.iter().enumerate() {
        let r = r as u32 + 1;
        ws.write(r, 0, a.as_str()).unwrap();
        ws.write(r, 1, b.as_str()).unwrap();
        ws.write(r, 2, *km).unwrap();
        ws.write(r, 3, *min).unwrap();
    }
    wb.save(tmp.path().join("travel.xlsx")).unwrap();
    let (code, out) = check(tmp.path());
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("matrix travel.xlsx read: 40 pairs"), "{out}");
    expect(&load_workspace(tmp.path()).unwrap().instance.unwrap());
}
