//! Nothing a department wrote is dropped without a word: every column is read, declared the
//! clerk's own, or reported; every entry of plans/ is read or reported; and the text encodings
//! Excel writes (UTF-16 "Unicode text", tab-separated) read like UTF-8.

use assert_cmd::Command;
use chayici::diag::Diagnostic;
use chayici::ingest::{Loaded, load_workspace};
use std::path::{Path, PathBuf};

mod common;
use common::copy_workspace;

fn tiny() -> tempfile::TempDir {
    copy_workspace(&PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data/tiny"))
}

fn load(dir: &Path) -> Loaded {
    load_workspace(dir).expect("the workspace is read")
}

fn rendered(loaded: &Loaded) -> String {
    loaded
        .diagnostics
        .iter()
        .map(Diagnostic::to_string)
        .collect::<Vec<_>>()
        .join("\n")
}

/// Rewrites `plans/sthj.csv`'s header line with `edit`.
fn edit_sthj_header(dir: &Path, edit: impl Fn(&str) -> String) {
    let path = dir.join("plans/sthj.csv");
    let text = std::fs::read_to_string(&path).unwrap();
    let (header, rest) = text.split_once('\n').unwrap();
    std::fs::write(&path, format!("{}\n{rest}", edit(header))).unwrap();
}

fn check(dir: &Path) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_chayici"))
        .env("LC_ALL", "C")
        .arg("check")
        .arg(dir)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

// Defect 4: headers.

#[test]
fn blank_header_over_dates_is_an_error() {
    let tmp = tiny();
    edit_sthj_header(tmp.path(), |h| h.replace(",latest,", ",,"));
    let loaded = load(tmp.path());
    let text = rendered(&loaded);
    assert!(loaded.instance.is_none(), "{text}");
    assert!(
        text.contains(
            "plans/sthj.csv:1:7 (G1): error[E0110]: column 7 has no header but holds data"
        ),
        "{text}"
    );
    assert!(
        text.contains("help: name the column (this file has no `latest`, `demand`)"),
        "{text}"
    );
    let (code, out) = check(tmp.path());
    assert_eq!(code, 1, "{out}");
}

#[test]
fn cells_beyond_the_header_are_an_error() {
    let tmp = tiny();
    let path = tmp.path().join("plans/sthj.csv");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, text.replacen("重点\n", "重点,2026-12-05\n", 1)).unwrap();
    let text = rendered(&load(tmp.path()));
    assert!(
        text.contains("plans/sthj.csv:1:11 (K1): error[E0110]: column 11 has no header"),
        "{text}"
    );
    assert!(text.contains("holds data (first at line 2)"), "{text}");
}

#[test]
fn blank_columns_without_data_stay_quiet() {
    let tmp = tiny();
    let path = tmp.path().join("plans/sthj.csv");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, text.replace('\n', ",,\n")).unwrap();
    let loaded = load(tmp.path());
    assert!(loaded.diagnostics.is_empty(), "{}", rendered(&loaded));
}

#[test]
fn unknown_column_is_a_warning_naming_its_position() {
    let tmp = tiny();
    edit_sthj_header(tmp.path(), |h| h.replace(",priority,", ",urgency,"));
    let text = rendered(&load(tmp.path()));
    assert!(
        text.contains(
            "plans/sthj.csv:1:9 (I1): warning[W0109]: column 9 `urgency` is not a known column and is ignored"
        ),
        "{text}"
    );
}

#[test]
fn unknown_column_close_to_an_alias_suggests_it() {
    let tmp = tiny();
    edit_sthj_header(tmp.path(), |h| h.replace(",latest,", ",截止时间,"));
    let text = rendered(&load(tmp.path()));
    assert!(
        text.contains(
            "plans/sthj.csv:1:7 (G1): warning[W0109]: column 7 `截止时间` is not a known column"
        ),
        "{text}"
    );
    assert!(
        text.contains("help: did you mean `截止日期` (`latest`)?"),
        "{text}"
    );
    let tmp = tiny();
    edit_sthj_header(tmp.path(), |h| h.replace(",priority,", ",priorty,"));
    let text = rendered(&load(tmp.path()));
    assert!(text.contains("did you mean `priority`"), "{text}");
}

#[test]
fn declared_extra_columns_stay_quiet() {
    let tmp = tiny();
    let path = tmp.path().join("plans/sthj.csv");
    let text = std::fs::read_to_string(&path).unwrap();
    let mut lines = text.lines();
    let mut out = format!("序号,{},#联系人,备注\n", lines.next().unwrap());
    for (i, l) in lines.enumerate() {
        out.push_str(&format!("{},{l},张三,周末不营业\n", i + 1));
    }
    std::fs::write(&path, out).unwrap();
    let loaded = load(tmp.path());
    assert!(loaded.diagnostics.is_empty(), "{}", rendered(&loaded));
    assert_eq!(loaded.instance.unwrap().tasks.len(), 8);
}

#[test]
fn unknown_json_key_is_a_warning_at_the_key() {
    let tmp = tiny();
    let path = tmp.path().join("plans/xfjy.json");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, text.replace("\"latest\"", "\"deadline\"")).unwrap();
    let text = rendered(&load(tmp.path()));
    assert!(
        text.contains("plans/xfjy.json:4:"),
        "the warning points at the key's line: {text}"
    );
    assert!(
        text.contains("warning[W0109]: key `deadline` is not a known column and is ignored"),
        "{text}"
    );
}

/// A sthj plan as a workbook: `merge` is called to merge some cells before saving.
fn sthj_workbook(dir: &Path, merge: impl Fn(&mut rust_xlsxwriter::Worksheet)) {
    use rust_xlsxwriter::Workbook;
    std::fs::remove_file(dir.join("plans/sthj.csv")).unwrap();
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.write_row(
        0,
        0,
        [
            "task_id", "firm_id", "minutes", "earliest", "latest", "priority",
        ],
    )
    .unwrap();
    ws.write_row(
        1,
        0,
        [
            "HB-01",
            "91330822MA2E5H6J03",
            "60",
            "2026-12-01",
            "2026-12-04",
            "必查",
        ],
    )
    .unwrap();
    ws.write_row(
        2,
        0,
        [
            "HB-02",
            "93330822MA2E7K8L94",
            "45",
            "2026-12-14",
            "2026-12-18",
            "必查",
        ],
    )
    .unwrap();
    merge(ws);
    wb.save(dir.join("plans/sthj.xlsx")).unwrap();
}

#[test]
fn merged_header_hiding_a_column_with_data_is_an_error() {
    use rust_xlsxwriter::Format;
    let tmp = tiny();
    sthj_workbook(tmp.path(), |ws| {
        ws.merge_range(0, 3, 0, 4, "日期", &Format::new()).unwrap();
    });
    let text = rendered(&load(tmp.path()));
    assert!(
        text.contains("plans/sthj.xlsx:Sheet1!E1: error[E0111]: column E is hidden under the merged header D1:E1"),
        "{text}"
    );
}

#[test]
fn merged_data_cells_in_a_known_column_are_an_error() {
    use rust_xlsxwriter::Format;
    let tmp = tiny();
    sthj_workbook(tmp.path(), |ws| {
        ws.merge_range(1, 4, 2, 4, "2026-12-04", &Format::new())
            .unwrap();
    });
    let loaded = load(tmp.path());
    let text = rendered(&loaded);
    assert!(loaded.instance.is_none(), "{text}");
    assert!(
        text.contains("plans/sthj.xlsx:Sheet1!E2: error[E0114]: cells E2:E3 are merged"),
        "{text}"
    );
}

// Defect 9: entries of plans/ that are not read.

#[test]
fn every_entry_of_plans_not_read_is_an_error() {
    let tmp = tiny();
    let plans = tmp.path().join("plans");
    std::fs::write(plans.join("wsjk.et"), b"\xD0\xCF\x11\xE0not really").unwrap();
    std::fs::write(plans.join("whsc.ods"), b"PK\x03\x04").unwrap();
    std::fs::write(plans.join("nync.docx"), b"PK\x03\x04").unwrap();
    std::fs::create_dir(plans.join("old")).unwrap();
    std::fs::write(plans.join("old/zrzy.csv"), "task_id\n").unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(plans.join("gone.csv"), plans.join("yjgl.csv")).unwrap();
    let loaded = load(tmp.path());
    let text = rendered(&loaded);
    for expected in [
        "plans/wsjk.et: error[E0112]",
        "plans/whsc.ods: error[E0112]",
        "help: save it as .xlsx or .csv",
        "plans/nync.docx: error[E0105]",
        "plans/old: error[E0105]: `old` is a folder",
        #[cfg(unix)]
        "plans/yjgl.csv: error[E0105]: `yjgl.csv` cannot be read",
    ] {
        assert!(text.contains(expected), "missing `{expected}` in\n{text}");
    }
    let (code, out) = check(tmp.path());
    assert_eq!(code, 1, "{out}");
}

#[test]
fn notes_hidden_and_lock_files_in_plans_are_left_alone() {
    let tmp = tiny();
    let plans = tmp.path().join("plans");
    std::fs::write(plans.join(".DS_Store"), b"\0\0\0\x01Bud1").unwrap();
    std::fs::write(plans.join("~$sthj.xlsx"), b"\x05clerk").unwrap();
    std::fs::write(plans.join("README.md"), "# 各部门计划\n").unwrap();
    std::fs::write(plans.join("Thumbs.db"), b"\xD0\xCF").unwrap();
    let loaded = load(tmp.path());
    assert!(loaded.diagnostics.is_empty(), "{}", rendered(&loaded));
}

// From defect 11: UTF-16 and tab-separated text.

/// `text` as Excel's "Unicode text" writes it: UTF-16 with a byte-order mark.
fn utf16(text: &str, little_endian: bool) -> Vec<u8> {
    let mut out = if little_endian {
        vec![0xFF, 0xFE]
    } else {
        vec![0xFE, 0xFF]
    };
    for unit in text.encode_utf16() {
        out.extend(if little_endian {
            unit.to_le_bytes()
        } else {
            unit.to_be_bytes()
        });
    }
    out
}

#[test]
fn utf16_unicode_text_reads_like_utf8() {
    let original = tiny();
    let reference = load(original.path()).instance.unwrap();
    for (name, little_endian, tabs) in [
        ("sthj.txt", true, true),
        ("sthj.tsv", false, true),
        ("sthj.csv", true, false),
    ] {
        let tmp = tiny();
        let plans = tmp.path().join("plans");
        let text = std::fs::read_to_string(plans.join("sthj.csv")).unwrap();
        let text = if tabs {
            text.replace(',', "\t").replace('\n', "\r\n")
        } else {
            text
        };
        std::fs::remove_file(plans.join("sthj.csv")).unwrap();
        std::fs::write(plans.join(name), utf16(&text, little_endian)).unwrap();
        let loaded = load(tmp.path());
        assert!(
            loaded.diagnostics.is_empty(),
            "{name}: {}",
            rendered(&loaded)
        );
        let inst = loaded.instance.unwrap();
        let hb02 = inst.tasks.iter().find(|t| t.id == "HB-02").unwrap();
        let want = reference.tasks.iter().find(|t| t.id == "HB-02").unwrap();
        assert_eq!(
            (hb02.first_day, hb02.last_day, hb02.minutes, &hb02.source),
            (want.first_day, want.last_day, want.minutes, &want.source),
            "{name}"
        );
    }
}

#[test]
fn two_registers_side_by_side_are_an_error() {
    let tmp = tiny();
    let p = tmp.path();
    std::fs::copy(p.join("teams.csv"), p.join("teams.xlsx")).unwrap();
    std::fs::copy(p.join("firms.csv"), p.join("firms.tsv")).unwrap();
    let loaded = load(p);
    let text = rendered(&loaded);
    assert!(loaded.instance.is_none(), "{text}");
    for expected in [
        "teams.xlsx: error[E0113]: `teams.xlsx` and `teams.csv` are both here; `teams.csv` is read",
        "firms.tsv: error[E0113]: `firms.tsv` and `firms.csv` are both here",
    ] {
        assert!(text.contains(expected), "missing `{expected}` in\n{text}");
    }
}

// From issue 14: WPS workbooks and the office's own files in plans/.

#[test]
fn a_wps_et_workbook_saved_in_xlsx_form_is_read_like_xlsx() {
    let tmp = tiny();
    sthj_workbook(tmp.path(), |_| {});
    let plans = tmp.path().join("plans");
    std::fs::rename(plans.join("sthj.xlsx"), plans.join("sthj.et")).unwrap();
    let loaded = load(tmp.path());
    assert!(loaded.diagnostics.is_empty(), "{}", rendered(&loaded));
    let inst = loaded.instance.unwrap();
    let sthj: Vec<&str> = inst
        .tasks
        .iter()
        .filter(|t| t.loc.file == "plans/sthj.et")
        .map(|t| t.id.as_str())
        .collect();
    assert_eq!(sthj, ["HB-01", "HB-02"]);
}

#[test]
fn files_listed_in_plans_ignore_are_left_alone_and_no_others() {
    let tmp = tiny();
    let plans = tmp.path().join("plans");
    std::fs::write(plans.join("旧计划.docx"), b"PK\x03\x04old").unwrap();
    std::fs::write(plans.join("scjg.csv.bak"), b"task_id\n").unwrap();
    std::fs::write(plans.join("汇总.pdf"), b"%PDF-1.4").unwrap();
    let toml = tmp.path().join("chayici.toml");
    let text = std::fs::read_to_string(&toml).unwrap();
    std::fs::write(
        &toml,
        format!("{text}\n[plans]\nignore = [\"旧计划.docx\", \"*.BAK\"]\n"),
    )
    .unwrap();
    let loaded = load(tmp.path());
    let text = rendered(&loaded);
    assert_eq!(
        loaded.diagnostics.len(),
        1,
        "only the file not listed is reported:\n{text}"
    );
    assert!(
        text.contains("plans/汇总.pdf: error[E0105]"),
        "missing E0105 for 汇总.pdf in\n{text}"
    );
}
