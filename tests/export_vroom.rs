//! `chayici export --format vroom` and `chayici import --format vroom` end to end: the problem
//! holds one job per bundle with its departments as skills and its firm's windows, one
//! vehicle per team and working day; a solution made by hand from the exported file alone
//! comes back as a plan folder that `chayici verify` accepts, and a solution whose times do
//! not hold is refused.

mod common;

use common::{chayici, code};
use serde_json::{Value, json};
use std::path::{Path, PathBuf};

fn data(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("data")
        .join(name)
}

fn export(workspace: &Path, out: &Path) -> Value {
    let o = chayici(&[
        "export",
        workspace.to_str().unwrap(),
        "--format",
        "vroom",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code(&o), 0, "{}", String::from_utf8_lossy(&o.stderr));
    serde_json::from_str(&std::fs::read_to_string(out).unwrap()).unwrap()
}

fn u(v: &Value) -> u64 {
    v.as_u64().expect("a whole number")
}

#[test]
fn the_demo_exports_jobs_skills_vehicles_and_windows() {
    let tmp = tempfile::tempdir().unwrap();
    let p = export(&data("demo-changshan"), &tmp.path().join("demo.json"));
    let jobs = p["jobs"].as_array().unwrap();
    let vehicles = p["vehicles"].as_array().unwrap();
    let m = &p["matrices"]["car"];
    let n = m["durations"].as_array().unwrap().len();
    assert_eq!(m["distances"].as_array().unwrap().len(), n);
    // One job per visit of the bounds' witness partition.
    let merge = chayici(&[
        "merge",
        data("demo-changshan").to_str().unwrap(),
        "--format",
        "json",
    ]);
    let merge: Value = serde_json::from_slice(&merge.stdout).unwrap();
    assert_eq!(jobs.len() as u64, u(&merge["upper_bound"]));
    let tasks: usize = jobs
        .iter()
        .map(|j| j["description"].as_str().unwrap().split(' ').count() - 1)
        .sum();
    assert_eq!(tasks, 824, "every task of the demo in one job");
    let departments = 9;
    for j in jobs {
        let skills = j["skills"].as_array().unwrap();
        assert!(!skills.is_empty(), "{j}");
        assert!(skills.iter().all(|s| u(s) < departments + 12), "{j}");
        assert!(u(&j["location_index"]) < n as u64);
        assert!(u(&j["service"]) > 0 && u(&j["service"]).is_multiple_of(60));
        let windows = j["time_windows"].as_array().unwrap();
        assert!(!windows.is_empty(), "{j}");
        for w in windows {
            let (a, b) = (u(&w[0]), u(&w[1]));
            // The window bounds the start: work started at its end still ends that day.
            assert!(
                a <= b && b + u(&j["service"]) <= (a / 86_400 + 1) * 86_400,
                "{j}"
            );
        }
    }
    // Teams of the demo work every working day of December 2026 (23 of them) unless absent.
    assert!(
        vehicles.len() <= 12 * 23 && vehicles.len() > 12 * 20,
        "{}",
        vehicles.len()
    );
    let mut ids: Vec<u64> = vehicles.iter().map(|v| u(&v["id"])).collect();
    ids.dedup();
    assert_eq!(ids.len(), vehicles.len());
    for v in vehicles {
        let w = &v["time_window"];
        assert_eq!(u(&w[0]) / 86_400, u(&w[1]) / 86_400, "one day: {v}");
        assert_eq!(v["start_index"], v["end_index"]);
        assert!(v["skills"].as_array().unwrap().len() >= 2);
        for b in v["breaks"].as_array().into_iter().flatten() {
            let at = u(&b["time_windows"][0][0]);
            assert!(u(&w[0]) < at && at + u(&b["service"]) < u(&w[1]), "{v}");
        }
    }
}

/// A solver for tests, reading only the exported file: each job alone on the first free
/// vehicle that has its skills, started as early as its windows, the vehicle's day and the
/// breaks allow. Returns VROOM's solution JSON.
fn solve_one_job_per_vehicle(p: &Value) -> Value {
    let d = &p["matrices"]["car"]["durations"];
    let mut used = vec![false; p["vehicles"].as_array().unwrap().len()];
    let mut routes = Vec::new();
    let mut unassigned = Vec::new();
    'jobs: for j in p["jobs"].as_array().unwrap() {
        let loc = u(&j["location_index"]) as usize;
        let service = u(&j["service"]);
        for (k, v) in p["vehicles"].as_array().unwrap().iter().enumerate() {
            let skills: Vec<u64> = v["skills"].as_array().unwrap().iter().map(u).collect();
            if used[k]
                || !j["skills"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .all(|s| skills.contains(&u(s)))
            {
                continue;
            }
            let base = u(&v["start_index"]) as usize;
            let (open, close) = (u(&v["time_window"][0]), u(&v["time_window"][1]));
            let there = u(&d[base][loc]);
            let back = u(&d[loc][base]);
            let breaks: Vec<(u64, u64)> = v["breaks"]
                .as_array()
                .into_iter()
                .flatten()
                .map(|b| {
                    let s = u(&b["time_windows"][0][0]);
                    (s, s + u(&b["service"]))
                })
                .collect();
            for w in j["time_windows"].as_array().unwrap() {
                let mut start = (open + there).max(u(&w[0]));
                for &(bs, be) in &breaks {
                    if start < be && start + service > bs {
                        start = be;
                    }
                }
                if start > u(&w[1]) || start + service + back > close {
                    continue;
                }
                used[k] = true;
                let arrival = start;
                let leave = arrival - there;
                routes.push(json!({
                    "vehicle": v["id"],
                    "steps": [
                        {"type": "start", "arrival": leave},
                        {"type": "job", "id": j["id"], "arrival": arrival, "waiting_time": 0,
                         "service": service},
                        {"type": "end", "arrival": start + service + back},
                    ],
                }));
                continue 'jobs;
            }
        }
        unassigned.push(json!({"id": j["id"]}));
    }
    json!({"code": 0, "routes": routes, "unassigned": unassigned})
}

fn import(workspace: &Path, solution: &Value, dir: &Path) -> std::process::Output {
    let file = dir.join("solution.json");
    std::fs::write(&file, solution.to_string()).unwrap();
    chayici(&[
        "import",
        "--format",
        "vroom",
        workspace.to_str().unwrap(),
        file.to_str().unwrap(),
        "--out",
        dir.join("plan").to_str().unwrap(),
    ])
}

#[test]
fn a_solution_made_from_the_export_comes_back_as_a_plan_verify_accepts() {
    let tmp = tempfile::tempdir().unwrap();
    let ws = data("tiny");
    let p = export(&ws, &tmp.path().join("tiny.json"));
    let solution = solve_one_job_per_vehicle(&p);
    assert!(
        solution["unassigned"].as_array().unwrap().is_empty(),
        "{solution}"
    );
    let o = import(&ws, &solution, tmp.path());
    assert_eq!(code(&o), 0, "{}", String::from_utf8_lossy(&o.stderr));
    let plan = tmp.path().join("plan");
    assert!(plan.join("routes.csv").is_file() && plan.join("report.html").is_file());
    let v = chayici(&["verify", ws.to_str().unwrap(), plan.to_str().unwrap()]);
    let out = String::from_utf8_lossy(&v.stdout);
    assert_eq!(code(&v), 0, "{out}");
    assert!(out.contains("plan OK: 8 tasks (8 scheduled"), "{out}");
}

#[test]
fn a_solution_whose_times_do_not_hold_is_refused_and_nothing_written() {
    let tmp = tempfile::tempdir().unwrap();
    let ws = data("tiny");
    let p = export(&ws, &tmp.path().join("tiny.json"));
    let mut solution = solve_one_job_per_vehicle(&p);
    // Arrive ten minutes earlier than the drive allows.
    let step = &mut solution["routes"][0]["steps"][1]["arrival"];
    *step = json!(u(step) - 600);
    let o = import(&ws, &solution, tmp.path());
    assert_eq!(code(&o), 1);
    assert!(String::from_utf8_lossy(&o.stderr).contains("breaks"));
    assert!(!tmp.path().join("plan").exists());
}

#[test]
fn an_unknown_job_is_named() {
    let tmp = tempfile::tempdir().unwrap();
    let ws = data("tiny");
    export(&ws, &tmp.path().join("tiny.json"));
    let solution = json!({"code": 0, "routes": [], "unassigned": [{"id": 999}]});
    let o = import(&ws, &solution, tmp.path());
    assert_eq!(code(&o), 1);
    assert!(String::from_utf8_lossy(&o.stderr).contains("job 999 is not in the exported problem"));
}

#[test]
fn export_and_import_speak_the_language_asked() {
    let tmp = tempfile::tempdir().unwrap();
    let ws = data("tiny");
    let out = tmp.path().join("tiny.json");
    let o = chayici(&[
        "export",
        ws.to_str().unwrap(),
        "--format",
        "vroom",
        "--out",
        out.to_str().unwrap(),
        "--lang",
        "zh",
    ]);
    assert_eq!(code(&o), 0, "{}", String::from_utf8_lossy(&o.stderr));
    let stdout = String::from_utf8_lossy(&o.stdout);
    assert!(
        stdout.contains(" 个作业（") && stdout.contains("；已写入 "),
        "{stdout}"
    );
    let file = tmp.path().join("solution.json");
    let import_zh = |solution: &Value| {
        std::fs::write(&file, solution.to_string()).unwrap();
        chayici(&[
            "import",
            "--format",
            "vroom",
            ws.to_str().unwrap(),
            file.to_str().unwrap(),
            "--out",
            tmp.path().join("plan").to_str().unwrap(),
            "--lang",
            "zh",
        ])
    };
    let o = import_zh(&json!({"code": 0, "routes": [], "unassigned": [{"id": 999}]}));
    assert_eq!(code(&o), 1);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(stderr.contains("导出的问题中没有作业 999"), "{stderr}");
    let o = import_zh(&json!({"code": 3, "error": "bad input"}));
    assert_eq!(code(&o), 1);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(stderr.contains("VROOM 求解失败（错误码 3）"), "{stderr}");
}
