//! Property test: a plan workbook with title rows, blank rows and an instruction sheet in
//! front of its table reads the same tasks as the table alone, with only the warnings that
//! say what was skipped.

use chayici::ingest::{Loaded, SourceFile, Sources, load_sources};
use proptest::prelude::*;
use rust_xlsxwriter::Workbook;
use std::path::Path;

/// The plan's table: a header and rows of the good fixture's register.
const TABLE: [[&str; 7]; 4] = [
    [
        "任务编号",
        "统一社会信用代码",
        "检查事项",
        "最早日期",
        "最晚日期",
        "检查时长",
        "优先级",
    ],
    [
        "SC-01",
        "91330822MA2E0A1B7U",
        "食品安全检查",
        "2026-12-01",
        "2026-12-15",
        "40",
        "必查",
    ],
    [
        "SC-02",
        "91330822MA2E1C2D04",
        "价格检查",
        "",
        "",
        "30",
        "一般",
    ],
    [
        "SC-03",
        "92330822MA2E3F4G7A",
        "计量检查",
        "2026-12-07",
        "2026-12-18",
        "45",
        "可选",
    ],
];

/// What stands above the table on its sheet, top down: a title line, or a blank row.
#[derive(Debug, Clone)]
enum Above {
    Title(String),
    Blank,
}

fn above() -> impl Strategy<Value = Vec<Above>> {
    proptest::collection::vec(
        prop_oneof![
            2 => "[\u{4e00}-\u{9fa5}0-9年月（）]{1,20}".prop_map(Above::Title),
            1 => Just(Above::Blank),
        ],
        0..6,
    )
}

/// A workbook: optionally an instruction sheet first, then the rows `above` and the table,
/// starting at column `col`.
fn workbook(above: &[Above], instructions: bool, col: u16) -> Vec<u8> {
    let mut wb = Workbook::new();
    if instructions {
        let ws = wb.add_worksheet();
        ws.set_name("填表说明").unwrap();
        ws.write(0, 0, "填表说明").unwrap();
        ws.write(1, 0, "每行一项检查任务，统一社会信用代码填18位。")
            .unwrap();
        ws.write(2, 0, "检查时长").unwrap();
    }
    let ws = wb.add_worksheet();
    for (r, a) in above.iter().enumerate() {
        if let Above::Title(t) = a {
            ws.write(r as u32, col, t.as_str()).unwrap();
        }
    }
    for (r, row) in TABLE.iter().enumerate() {
        ws.write_row((above.len() + r) as u32, col, *row).unwrap();
    }
    wb.save_to_buffer().unwrap()
}

fn load(plan: Vec<u8>) -> Loaded {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/good");
    let read = |name: &str| SourceFile {
        path: name.into(),
        bytes: std::fs::read(dir.join(name)).unwrap(),
    };
    load_sources(&Sources {
        name: "props".into(),
        config: read("chayici.toml"),
        firms: read("firms.csv"),
        teams: Some(read("teams.csv")),
        departments: Some(read("departments.csv")),
        plans: vec![SourceFile {
            path: "plans/scjg.xlsx".into(),
            bytes: plan,
        }],
        ..Sources::default()
    })
}

/// Each task as its id, firm, item, window, minutes and priority.
fn tasks(l: &Loaded) -> Vec<String> {
    let inst = l.instance.as_ref().expect("the workspace loads");
    inst.tasks
        .iter()
        .map(|t| {
            format!(
                "{} {} {} {}..{} {} {:?}",
                t.id, inst.firms[t.firm].id, t.item, t.first_day, t.last_day, t.minutes, t.priority
            )
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn title_rows_blank_rows_and_an_instruction_sheet_change_no_task(
        above in above(),
        instructions in any::<bool>(),
        col in 0u16..3,
    ) {
        let plain = load(workbook(&[], false, 0));
        let messy = load(workbook(&above, instructions, col));
        prop_assert_eq!(tasks(&messy), tasks(&plain));
        prop_assert_eq!(tasks(&plain).len(), 3);
        let codes = |l: &Loaded| l.diagnostics.iter().map(|d| d.code).collect::<Vec<_>>();
        let mut extra: Vec<&str> = codes(&messy)
            .into_iter()
            .filter(|c| !codes(&plain).contains(c))
            .collect();
        extra.dedup();
        let mut want = Vec::new();
        if instructions {
            want.push("W0131");
        }
        if above.iter().any(|a| matches!(a, Above::Title(_))) {
            want.push("W0130");
        }
        prop_assert_eq!(extra, want);
    }
}
