//! Every diagnostic code in the registry has a fixture: a small workspace under
//! `tests/fixtures/invalid/<CODE>_<defect>/` with one thing broken, and the exact output of
//! `chayici check --lang en` on it in `expected.txt`, and of `--lang zh` in `expected.zh.txt`.
//! A code added to the registry without a fixture fails here, and so does a fixture whose code
//! is not in the registry.
//!
//! `CHAYICI_BLESS=1 cargo test --test diagnostic_fixtures` rewrites the `expected.txt` and
//! `expected.zh.txt` files from what `check` prints now; review the diff before committing it.
//!
//! The workbooks (`E0111_merged_header`, `E0114_merged_cells`, `W0131_instruction_sheet`)
//! are committed as bytes;
//! `cargo test --test diagnostic_fixtures -- --ignored write_workbooks` writes them again.
//! `E0105_broken_link` holds a symbolic link to a file that does not exist.

use chayici::diag::Severity;
use chayici::ingest::codes::{self, CodeInfo};
use chayici::ingest::{SourceFile, Sources, load_sources};
use std::path::{Path, PathBuf};
use std::process::Command;

/// Codes that no fixture folder can raise through `chayici check`, each with the reason and
/// the test below that raises it instead, from a workspace built in memory.
const GENERATED: &[(&str, &str)] = &[
    (
        "E0120",
        "a file over 64 MiB is too large to commit; tests/workspace_limits.rs writes a sparse \
         one: see `a_plan_file_over_the_size_limit_is_refused_without_being_read`",
    ),
    (
        "E0121",
        "200,001 tasks are too many rows to commit; tests/workspace_limits.rs writes them: see \
         `a_workspace_over_the_task_limit_is_refused_with_the_code_and_the_limit`",
    ),
    (
        "E1412",
        "a task's department falls back to its file's stem, and every plan `check` reads from \
     plans/ has a non-empty stem (hidden files like `.csv` are passed over); only a workspace \
     given to the library in memory can hold such a plan: see `e1412_task_without_department`",
    ),
];

fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/invalid")
}

/// Each fixture folder's name, sorted.
fn fixture_names() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(fixtures_dir())
        .expect("tests/fixtures/invalid is readable")
        .map(|e| e.expect("an entry of tests/fixtures/invalid"))
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// The code a fixture folder is named after: the part before the first `_`.
fn code_of(name: &str) -> &str {
    name.split_once('_').map_or(name, |(code, _)| code)
}

#[test]
fn every_code_has_a_fixture() {
    let names = fixture_names();
    let missing: Vec<&str> = codes::ALL
        .iter()
        .map(|c| c.code)
        .filter(|code| !names.iter().any(|n| code_of(n) == *code))
        .filter(|code| !GENERATED.iter().any(|(g, _)| g == code))
        .collect();
    assert!(
        missing.is_empty(),
        "no folder tests/fixtures/invalid/<CODE>_<defect>/ for: {}",
        missing.join(", ")
    );
    for (code, _) in GENERATED {
        assert!(
            codes::lookup(code).is_some(),
            "{code} is not in the registry"
        );
        assert!(
            !names.iter().any(|n| code_of(n) == *code),
            "{code} has a fixture folder now; take it off the list of generated fixtures"
        );
    }
}

#[test]
fn every_fixture_is_named_after_a_registered_code() {
    for name in fixture_names() {
        let (code, defect) = name.split_once('_').unwrap_or((&name, ""));
        assert!(
            !defect.is_empty(),
            "fixture `{name}` is not named <CODE>_<defect>"
        );
        assert!(
            codes::lookup(code).is_some(),
            "fixture `{name}` is named after `{code}`, which is not in the code registry"
        );
    }
}

/// `chayici check NAME --lang LANG` run in the fixtures folder: stdout, stderr and the exit
/// code.
fn check(name: &str, lang: &str) -> (String, String, Option<i32>) {
    let out = Command::new(env!("CARGO_BIN_EXE_chayici"))
        .env("LC_ALL", "C")
        .arg("check")
        .arg(name)
        .args(["--lang", lang])
        .current_dir(fixtures_dir())
        .output()
        .expect("chayici runs");
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
        out.status.code(),
    )
}

/// The languages a fixture is checked in, with the file that holds the expected output.
const LANGS: &[(&str, &str)] = &[("en", "expected.txt"), ("zh", "expected.zh.txt")];

/// What is wrong with one fixture's run in `lang`, if anything.
fn problems(name: &str, info: &CodeInfo, bless: bool, (lang, file): (&str, &str)) -> Vec<String> {
    let (stdout, stderr, status) = check(name, lang);
    let mut problems = Vec::new();
    if !stderr.is_empty() {
        problems.push(format!("wrote to stderr: {stderr}"));
    }
    let tag = format!("{}[{}]", info.severity, info.code);
    if !stdout.lines().any(|l| l.contains(&format!(": {tag}: "))) {
        problems.push(format!("does not print {tag}"));
    }
    let want = match info.severity {
        Severity::Error => 1,
        Severity::Warning => 0,
    };
    if status != Some(want) {
        problems.push(format!("exits with {status:?}, not {want}"));
    }
    let expected = fixtures_dir().join(name).join(file);
    if bless {
        std::fs::write(&expected, &stdout).expect("the expected file is writable");
    } else {
        match std::fs::read_to_string(&expected) {
            Ok(e) if e == stdout => {}
            Ok(e) => problems.push(format!(
                "prints other than {file}\n--- expected\n{e}--- printed\n{stdout}"
            )),
            Err(_) => problems.push(format!("has no {file} (run with CHAYICI_BLESS=1)")),
        }
    }
    problems
}

#[test]
fn every_fixture_prints_its_expected_output() {
    let bless = std::env::var_os("CHAYICI_BLESS").is_some_and(|v| v == "1");
    let mut failures = Vec::new();
    for name in fixture_names() {
        let Some(info) = codes::lookup(code_of(&name)) else {
            continue; // every_fixture_is_named_after_a_registered_code reports it
        };
        for &lang in LANGS {
            for p in problems(&name, info, bless, lang) {
                failures.push(format!("{name} ({}): {p}", lang.0));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

fn file(path: &str, text: &str) -> SourceFile {
    SourceFile {
        path: path.into(),
        bytes: text.as_bytes().to_vec(),
    }
}

/// E1412, generated (see [`GENERATED`]): a plan whose file has an empty stem and no
/// `department` column names no department.
#[test]
fn e1412_task_without_department() {
    let dir = fixtures_dir().join("../good");
    let read = |name: &str| {
        let bytes = std::fs::read(dir.join(name)).expect("tests/fixtures/good is readable");
        SourceFile {
            path: name.into(),
            bytes,
        }
    };
    let sources = Sources {
        name: "generated".into(),
        config: read("chayici.toml"),
        firms: read("firms.csv"),
        teams: Some(read("teams.csv")),
        plans: vec![file(
            "plans/.csv",
            "task_id,firm_id,minutes\nSC-01,91330822MA2E0A1B7U,40\n",
        )],
        ..Sources::default()
    };
    let loaded = load_sources(&sources);
    let shown: Vec<String> = loaded.diagnostics.iter().map(|d| d.to_string()).collect();
    assert!(
        shown
            .iter()
            .any(|d| d.starts_with("plans/.csv:2: error[E1412]: the task names no department")),
        "{shown:#?}"
    );
}

/// Writes the workbooks of the fixtures that need merged cells, which only a workbook has.
#[test]
#[ignore = "writes the committed .xlsx fixtures; run by hand after changing them"]
fn write_workbooks() {
    use rust_xlsxwriter::{Format, Workbook, Worksheet};
    let plan = |name: &str, merge: &dyn Fn(&mut Worksheet)| {
        let mut wb = Workbook::new();
        let ws = wb.add_worksheet();
        let rows: [[&str; 6]; 3] = [
            [
                "task_id", "firm_id", "minutes", "earliest", "latest", "priority",
            ],
            [
                "SC-01",
                "91330822MA2E0A1B7U",
                "40",
                "2026-12-01",
                "2026-12-15",
                "必查",
            ],
            [
                "SC-02",
                "91330822MA2E1C2D04",
                "30",
                "2026-12-01",
                "2026-12-15",
                "一般",
            ],
        ];
        for (r, row) in rows.iter().enumerate() {
            ws.write_row(r as u32, 0, *row).unwrap();
        }
        merge(ws);
        wb.save(fixtures_dir().join(name).join("plans/scjg.xlsx"))
            .unwrap();
    };
    plan("E0111_merged_header", &|ws| {
        ws.merge_range(0, 3, 0, 4, "日期", &Format::new()).unwrap();
    });
    plan("E0114_merged_cells", &|ws| {
        ws.merge_range(1, 4, 2, 4, "2026-12-15", &Format::new())
            .unwrap();
    });
    instruction_sheet_in_front();
}

/// W0131's workbook: an instruction sheet `填表说明` in front of the data sheet, which has a
/// title row and a blank row above its header, as clerks make them.
fn instruction_sheet_in_front() {
    use rust_xlsxwriter::Workbook;
    let mut wb = Workbook::new();
    let help = wb.add_worksheet();
    help.set_name("填表说明").unwrap();
    help.write(0, 0, "填表说明").unwrap();
    help.write(1, 0, "1. 每行一项检查任务；统一社会信用代码填18位。")
        .unwrap();
    help.write(2, 0, "2. 优先级填 必查、一般 或 可选。")
        .unwrap();
    let ws = wb.add_worksheet();
    ws.write(0, 0, "2026年12月市场监管局检查计划").unwrap();
    let rows: [[&str; 5]; 3] = [
        [
            "任务编号",
            "统一社会信用代码",
            "企业名称",
            "检查时长",
            "优先级",
        ],
        [
            "SC-01",
            "91330822MA2E0A1B7U",
            "常山县某某餐饮店",
            "40",
            "必查",
        ],
        ["SC-02", "91330822MA2E1C2D04", "紫港民宿", "30", "一般"],
    ];
    for (r, row) in rows.iter().enumerate() {
        ws.write_row(r as u32 + 2, 0, *row).unwrap();
    }
    wb.save(fixtures_dir().join("W0131_instruction_sheet/plans/scjg.xlsx"))
        .unwrap();
}
