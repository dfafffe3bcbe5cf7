//! `chayici plan DIR` for a folder of county workspaces: each county planned into its own plan
//! folder, which `verify` accepts, and a roll-up whose figures are the counties' own summed.

mod common;

use serde_json::Value;
use std::path::Path;

const DEMO: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/data/demo-changshan");
const TINY: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/data/tiny");

fn json(path: &Path) -> Value {
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// Two counties, the demo and the tiny workspace, in `dir/province`.
fn province(dir: &Path) -> std::path::PathBuf {
    let p = dir.join("province");
    common::copy_workspace_into(Path::new(DEMO), &p.join("changshan"));
    common::copy_workspace_into(Path::new(TINY), &p.join("tiny"));
    p
}

#[test]
fn the_roll_up_of_two_counties_is_the_sum_of_their_plans() {
    let dir = tempfile::tempdir().unwrap();
    let p = province(dir.path());
    let out = dir.path().join("plans");
    let o = common::chayici(&[
        "plan",
        p.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--iterations",
        "30",
    ]);
    assert_eq!(
        common::code(&o),
        0,
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let summary = String::from_utf8_lossy(&o.stdout);
    assert!(summary.contains("2 of 2 counties planned"), "{summary}");
    let rollup = json(&out.join("rollup.json"));
    assert_eq!(rollup["format"], "chayici-rollup");
    let keys = [
        "tasks",
        "scheduled",
        "unscheduled",
        "visits",
        "visits_lower_bound",
        "visits_naive",
        "routes",
        "firms_visited_more_than_once",
    ];
    let counties = ["changshan", "tiny"];
    for (i, county) in counties.iter().enumerate() {
        let kpis = &json(&out.join(county).join("plan.json"))["kpis"];
        let row = &rollup["counties"][i];
        assert_eq!(row["folder"], *county);
        assert_eq!(row["status"], "planned");
        for k in keys {
            assert_eq!(row[k], kpis[k], "{county}: {k}");
        }
        let checked = common::chayici(&[
            "verify",
            p.join(county).to_str().unwrap(),
            out.join(county).to_str().unwrap(),
        ]);
        assert_eq!(common::code(&checked), 0, "{county}");
    }
    for k in keys {
        let sum: u64 = counties
            .iter()
            .map(|c| {
                json(&out.join(c).join("plan.json"))["kpis"][k]
                    .as_u64()
                    .unwrap()
            })
            .sum();
        assert_eq!(rollup["totals"][k].as_u64(), Some(sum), "total {k}");
    }
    // The reform statistics: each county's row is its plan.json's, the totals their sums, and
    // the shares are taken from the summed counts.
    let stat_keys = [
        "naive_visits",
        "visits",
        "led_visits",
        "joint_visits",
        "scheduled_tasks",
        "joint_tasks",
    ];
    let overall = |c: &str| json(&out.join(c).join("plan.json"))["statistics"]["overall"].clone();
    for (i, county) in counties.iter().enumerate() {
        for k in stat_keys {
            assert_eq!(
                rollup["counties"][i]["statistics"][k],
                overall(county)[k],
                "{county}: {k}"
            );
        }
    }
    let sum = |k: &str| -> u64 {
        counties
            .iter()
            .map(|c| overall(c)[k].as_u64().unwrap())
            .sum()
    };
    for k in stat_keys {
        assert_eq!(
            rollup["totals"]["statistics"][k].as_u64(),
            Some(sum(k)),
            "total {k}"
        );
    }
    let share = (sum("joint_visits") as f64 * 1000.0 / sum("visits") as f64).round() / 10.0;
    assert_eq!(
        rollup["totals"]["statistics"]["joint_share_percent"].as_f64(),
        Some(share)
    );
    let depts = rollup["departments"].as_array().unwrap();
    let dept_visits: u64 = depts
        .iter()
        .map(|d| d["led_visits"].as_u64().unwrap())
        .sum();
    assert_eq!(
        dept_visits,
        sum("visits"),
        "led visits add up to the visits"
    );
    let km: f64 = counties
        .iter()
        .map(|c| {
            json(&out.join(c).join("plan.json"))["kpis"]["travel_km"]
                .as_f64()
                .unwrap()
        })
        .sum();
    assert!((rollup["totals"]["travel_km"].as_f64().unwrap() - km).abs() < 1e-6);
    let index = std::fs::read_to_string(out.join("index.html")).unwrap();
    assert!(index.contains("href=\"changshan/report.html\""));
    let csv = std::fs::read_to_string(out.join("rollup.csv")).unwrap();
    assert!(csv.lines().last().unwrap().starts_with("合计 total"));
}

#[test]
fn a_county_with_errors_is_listed_and_the_others_are_planned() {
    let dir = tempfile::tempdir().unwrap();
    let p = province(dir.path());
    std::fs::write(p.join("tiny/teams.csv"), "team_id,name\n").unwrap();
    let out = dir.path().join("plans");
    let o = common::chayici(&[
        "plan",
        p.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--iterations",
        "30",
    ]);
    assert_eq!(common::code(&o), 1);
    let rollup = json(&out.join("rollup.json"));
    assert_eq!(rollup["counties"][1]["status"], "workspace_errors");
    assert_eq!(rollup["totals"]["planned"], 1);
    assert!(out.join("changshan/plan.json").is_file());
    assert!(!out.join("tiny").exists());
}
