//! Claims about `chayici gen` and the shipped demo county `data/demo-changshan/`.

use assert_cmd::Command;
use chayici::devtools::generate::{Generated, Profile, Workspace, generate, render, write};
use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

const DEMO: &str = "data/demo-changshan";

fn demo_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(DEMO)
}

/// Every file under `dir`, keyed by its path relative to `dir`.
fn read_tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in fs::read_dir(&d).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let rel = path
                    .strip_prefix(dir)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/");
                out.insert(rel, fs::read(&path).unwrap());
            }
        }
    }
    out
}

fn demo() -> Workspace {
    let g = generate(Profile::Changshan, 2026);
    assert_eq!(g.workspaces.len(), 1);
    g.workspaces.into_iter().next().unwrap()
}

/// The check character of GB 32100-2015, written apart from the crate's own.
fn gb32100_ok(code: &str) -> bool {
    const SET: &str = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    let values: Option<Vec<usize>> = code.chars().map(|c| SET.find(c)).collect();
    let Some(values) = values else { return false };
    if values.len() != 18 {
        return false;
    }
    let mut weight = 1;
    let mut sum = 0;
    for v in &values[..17] {
        sum += v * weight;
        weight = weight * 3 % 31;
    }
    (31 - sum % 31) % 31 == values[17]
}

#[test]
fn same_seed_writes_byte_identical_files() {
    for profile in [Profile::Changshan, Profile::Town] {
        let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
        write(&generate(profile, 11), a.path(), false).unwrap();
        write(&generate(profile, 11), b.path(), false).unwrap();
        let (ta, tb) = (read_tree(a.path()), read_tree(b.path()));
        assert!(ta.len() >= 8, "{:?}", ta.keys());
        assert_eq!(ta.keys().collect::<Vec<_>>(), tb.keys().collect::<Vec<_>>());
        for (path, bytes) in &ta {
            assert!(
                bytes == &tb[path],
                "{profile:?}: {path} differs between runs"
            );
        }
    }
}

#[test]
fn different_seeds_give_different_workspaces() {
    let files = |seed| render(&generate(Profile::Changshan, seed)).unwrap();
    let (a, b) = (files(1), files(2));
    let firms = |f: &[chayici::devtools::generate::RenderedFile]| {
        f.iter()
            .find(|f| f.path == "firms.csv")
            .unwrap()
            .bytes
            .clone()
    };
    assert_ne!(firms(&a), firms(&b));
}

#[test]
fn shipped_demo_is_what_the_generator_writes() {
    let on_disk = read_tree(&demo_dir());
    let fresh: BTreeMap<String, Vec<u8>> = render(&generate(Profile::Changshan, 2026))
        .unwrap()
        .into_iter()
        .map(|f| (f.path, f.bytes))
        .collect();
    assert_eq!(
        on_disk.keys().collect::<Vec<_>>(),
        fresh.keys().collect::<Vec<_>>()
    );
    for (path, bytes) in &fresh {
        assert!(
            &on_disk[path] == bytes,
            "{DEMO}/{path} is stale: rerun `chayici gen --profile changshan --seed 2026 --out {DEMO} --force`"
        );
    }
    let total: usize = on_disk.values().map(Vec::len).sum();
    assert!(total < 1_000_000, "the demo is {total} bytes");
}

#[test]
fn every_demo_credit_code_passes_the_check_digit() {
    let mut reader = csv::Reader::from_path(demo_dir().join("firms.csv")).unwrap();
    let mut seen = BTreeSet::new();
    for row in reader.records() {
        let row = row.unwrap();
        let code = &row[0];
        assert!(gb32100_ok(code), "{code} fails GB 32100-2015");
        assert!(
            code[2..8] == *"330822",
            "{code} is not registered in Changshan"
        );
        assert!(seen.insert(code.to_string()), "{code} appears twice");
    }
    assert!(seen.len() >= 380);
}

#[test]
fn every_task_names_an_existing_firm_by_its_name() {
    let ws = demo();
    let firms: BTreeMap<&str, &str> = ws
        .firms
        .iter()
        .map(|f| (f.id.as_str(), f.name.as_str()))
        .collect();
    let mut ids = BTreeSet::new();
    for plan in &ws.plans {
        for t in &plan.tasks {
            assert_eq!(firms.get(t.firm_id.as_str()), Some(&t.firm_name.as_str()));
            assert!(ids.insert(t.task_id.clone()), "{} repeats", t.task_id);
            assert_eq!(t.department, plan.department);
            if let (Some(a), Some(b)) = (t.earliest, t.latest) {
                assert!(a <= b && a >= ws.start && b <= ws.end, "{}", t.task_id);
            }
            assert!((20..=60).contains(&t.minutes) && t.minutes % 5 == 0);
        }
    }
}

#[test]
fn demo_has_the_stated_size_and_every_department_has_a_team() {
    let ws = demo();
    assert!(
        (380..=440).contains(&ws.firms.len()),
        "{} firms",
        ws.firms.len()
    );
    assert!(
        (700..=900).contains(&ws.task_count()),
        "{} tasks",
        ws.task_count()
    );
    assert_eq!(ws.teams.len(), 12);
    assert_eq!(ws.departments.len(), 9);
    assert_eq!(ws.townships.len(), 14);
    for d in &ws.departments {
        let covering = ws
            .teams
            .iter()
            .filter(|t| t.departments.contains(&d.code))
            .count();
        assert!(covering >= 1, "no team covers {}", d.code);
    }
    let formats: BTreeSet<&str> = ws.plans.iter().map(|p| p.format.describe()).collect();
    assert!(formats.len() >= 6, "{formats:?}");
    assert!(
        ws.firms
            .iter()
            .any(|f| f.name.contains('<') && f.name.contains('&'))
    );
}

#[test]
fn other_profiles_have_their_stated_size() {
    let tasks = |g: &Generated| {
        g.workspaces
            .iter()
            .map(Workspace::task_count)
            .sum::<usize>()
    };
    let town = generate(Profile::Town, 1);
    assert!((150..=260).contains(&tasks(&town)), "town {}", tasks(&town));
    let county = generate(Profile::County, 1);
    assert!(
        (1700..=2300).contains(&tasks(&county)),
        "county {}",
        tasks(&county)
    );
}

#[test]
fn gbk_plans_are_not_utf8_but_decode_as_gbk() {
    for name in ["yjgl.csv", "sthj.csv"] {
        let bytes = fs::read(demo_dir().join("plans").join(name)).unwrap();
        assert!(
            std::str::from_utf8(&bytes).is_err(),
            "{name} is valid UTF-8"
        );
        let (text, _, bad) = encoding_rs::GBK.decode(&bytes);
        assert!(!bad, "{name} is not clean GBK");
        assert!(
            text.starts_with("任务编号,部门,统一社会信用代码,企业名称"),
            "{name}"
        );
    }
    let bom = fs::read(demo_dir().join("plans/xfjy.csv")).unwrap();
    assert!(bom.starts_with("\u{feff}任务编号".as_bytes()));
}

#[test]
fn xlsx_and_json_plans_hold_every_task() {
    use calamine::{Reader, Xlsx, open_workbook};
    let ws = demo();
    for plan in &ws.plans {
        let path = demo_dir().join("plans").join(&plan.file_name);
        let rows = match plan.file_name.rsplit('.').next() {
            Some("xlsx") => {
                let mut book: Xlsx<_> = open_workbook(&path).unwrap();
                let sheet = book.worksheet_range_at(0).unwrap().unwrap();
                sheet.height() - 1
            }
            Some("json") => {
                let v: serde_json::Value =
                    serde_json::from_slice(&fs::read(&path).unwrap()).unwrap();
                assert_eq!(v["department"], plan.department.as_str());
                v["tasks"].as_array().unwrap().len()
            }
            _ => continue,
        };
        assert_eq!(rows, plan.tasks.len(), "{}", plan.file_name);
    }
}

#[test]
fn gen_refuses_a_non_empty_folder_without_force_and_keeps_other_files_with_it() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("notes.txt"), "mine").unwrap();
    fs::create_dir(dir.path().join("plans")).unwrap();
    fs::write(dir.path().join("plans/stale.csv"), "old").unwrap();
    let out = dir.path().to_str().unwrap();
    let args = ["gen", "--profile", "town", "--seed", "3", "--out", out];
    Command::cargo_bin("chayici")
        .unwrap()
        .env("LC_ALL", "C")
        .args(args)
        .assert()
        .code(2);
    assert!(!dir.path().join("firms.csv").exists());
    Command::cargo_bin("chayici")
        .unwrap()
        .env("LC_ALL", "C")
        .args(args)
        .arg("--force")
        .assert()
        .success()
        .stdout(predicates::str::contains("tasks"));
    assert_eq!(
        fs::read_to_string(dir.path().join("notes.txt")).unwrap(),
        "mine"
    );
    assert!(!dir.path().join("plans/stale.csv").exists());
    assert!(dir.path().join("firms.csv").exists());
    let left: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".chayici-gen"))
        .collect();
    assert!(left.is_empty(), "staging left behind: {left:?}");
}

#[test]
fn city_profile_is_one_workspace_of_about_25000_tasks() {
    let g = generate(Profile::City, 1);
    assert_eq!(g.workspaces.len(), 1);
    let n = g.workspaces[0].task_count();
    assert!((22_000..=28_000).contains(&n), "city {n}");
}

/// Slow in a debug build (90 counties); run with `cargo test -- --ignored`.
#[test]
#[ignore]
fn province_profile_is_ninety_county_workspaces() {
    let g = generate(Profile::Province, 1);
    assert_eq!(g.workspaces.len(), 90);
    let dirs: BTreeSet<&str> = g.workspaces.iter().map(|w| w.dir.as_str()).collect();
    assert_eq!(dirs.len(), 90);
    let n: usize = g.workspaces.iter().map(Workspace::task_count).sum();
    assert!((160_000..=200_000).contains(&n), "province {n}");
    for ws in &g.workspaces {
        for f in &ws.firms {
            assert!(gb32100_ok(&f.id), "{}", f.id);
        }
    }
}
