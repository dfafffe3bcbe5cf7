//! Fuzzes every reader of user files with arbitrary bytes and with mutated valid files: CSV in
//! each encoding (UTF-8, UTF-8 with BOM, GB18030, UTF-16 LE and BE), tab-separated text, XLSX
//! (damaged inside its zip, where the parser looks, and as raw bytes), JSON plans,
//! chayici.toml, the travel matrix and plan.json.
//!
//! Each reader must return a value or an error value, never panic; every diagnostic names the
//! file read; and a valid file written and read back gives the data written. This is a
//! proptest binary rather than `cargo fuzz` targets so that it builds on stable Rust and runs
//! in CI with `cargo test`. `CHAYICI_FUZZ_CASES` sets the cases of each property (default 3000;
//! set it high for a long run).

use chayici::diag::Diagnostic;
use chayici::ingest::codes;
use chayici::ingest::csv_source::read_csv;
use chayici::ingest::json_source::read_json;
use chayici::ingest::table::{Table, clean};
use chayici::ingest::toml_config::parse_config;
use chayici::ingest::travel_matrix::{PlaceIds, read_matrix};
use chayici::ingest::xlsx_source::read_workbook;
use chayici::ingest::{Loaded, SourceFile, Sources, collect_sources, load_sources_with};
use chayici::model::Instance;
use chayici::output::{read_plan_json, route_json};
use proptest::prelude::*;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

fn cases() -> u32 {
    std::env::var("CHAYICI_FUZZ_CASES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(3000)
}

/// `cases()` cases, or `1 / divisor` of them for properties that cost more per case.
fn config(divisor: u32) -> ProptestConfig {
    ProptestConfig {
        cases: (cases() / divisor).max(1),
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

fn tiny_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data/tiny")
}

/// The tiny workspace's files, read once.
fn tiny() -> &'static Sources {
    static S: OnceLock<Sources> = OnceLock::new();
    S.get_or_init(|| collect_sources(&tiny_dir()).unwrap())
}

/// The tiny workspace's instance, read once.
fn tiny_instance() -> &'static Instance {
    static I: OnceLock<Instance> = OnceLock::new();
    I.get_or_init(|| {
        chayici::ingest::load_workspace(&tiny_dir())
            .unwrap()
            .instance
            .unwrap()
    })
}

// Mutations of valid files.

/// One edit of a file's bytes; positions are taken modulo the length.
#[derive(Debug, Clone)]
enum Op {
    Flip(usize, u8),
    Insert(usize, Vec<u8>),
    Delete(usize, usize),
    Duplicate(usize, usize),
    Truncate(usize),
}

/// Bytes that mean something to one reader or another.
fn token() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        proptest::sample::select(vec![
            &b","[..],
            b"\t",
            b";",
            b"\"",
            b"\n",
            b"\r\n",
            b"\0",
            b"{",
            b"}",
            b"[",
            b"]",
            b":",
            b"=",
            b"<",
            b">",
            b"/>",
            b"&amp;",
            b"\xEF\xBB\xBF",
            b"\xFF\xFE",
            b"\x80",
            b"\xE5\xB9\xB4",
            b"99999999999999999999",
            b"-1",
            b"1e308",
            b"NaN",
            b"A1:XFD1048576",
            b"2026-02-30",
        ])
        .prop_map(<[u8]>::to_vec),
        proptest::collection::vec(any::<u8>(), 1..6),
    ]
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        (any::<usize>(), any::<u8>()).prop_map(|(p, b)| Op::Flip(p, b)),
        (any::<usize>(), token()).prop_map(|(p, t)| Op::Insert(p, t)),
        (any::<usize>(), 1usize..40).prop_map(|(p, n)| Op::Delete(p, n)),
        (any::<usize>(), 1usize..80).prop_map(|(p, n)| Op::Duplicate(p, n)),
        any::<usize>().prop_map(Op::Truncate),
    ]
}

fn ops() -> impl Strategy<Value = Vec<Op>> {
    proptest::collection::vec(op(), 1..6)
}

fn mutate(mut b: Vec<u8>, ops: &[Op]) -> Vec<u8> {
    for op in ops {
        let at = |p: usize| p % (b.len() + 1);
        match op {
            Op::Flip(p, x) if !b.is_empty() => {
                let i = p % b.len();
                b[i] ^= x | 1;
            }
            Op::Flip(..) => {}
            Op::Insert(p, t) => {
                let i = at(*p);
                b.splice(i..i, t.iter().copied());
            }
            Op::Delete(p, n) => {
                let i = at(*p);
                b.drain(i..(i + n).min(b.len()));
            }
            Op::Duplicate(p, n) => {
                let i = at(*p);
                let piece = b[i..(i + n).min(b.len())].to_vec();
                b.splice(i..i, piece);
            }
            Op::Truncate(p) => b.truncate(at(*p)),
        }
    }
    b
}

// Encodings.

#[derive(Debug, Clone, Copy)]
enum Enc {
    Utf8,
    Utf8Bom,
    Gb18030,
    Utf16Le,
    Utf16Be,
}

fn enc() -> impl Strategy<Value = Enc> {
    proptest::sample::select(vec![
        Enc::Utf8,
        Enc::Utf8Bom,
        Enc::Gb18030,
        Enc::Utf16Le,
        Enc::Utf16Be,
    ])
}

/// `text` in `enc`, or `None` when GB18030 cannot hold it unambiguously (it has no code for
/// some characters, and a few GB18030 texts are also valid UTF-8, which the reader prefers).
fn encode(text: &str, enc: Enc) -> Option<Vec<u8>> {
    let utf16 = |bom: [u8; 2], f: fn(u16) -> [u8; 2]| {
        bom.into_iter()
            .chain(text.encode_utf16().flat_map(f))
            .collect()
    };
    Some(match enc {
        Enc::Utf8 => text.as_bytes().to_vec(),
        Enc::Utf8Bom => [&b"\xEF\xBB\xBF"[..], text.as_bytes()].concat(),
        Enc::Gb18030 => {
            let (b, _, unmappable) = encoding_rs::GB18030.encode(text);
            if unmappable || (!text.is_ascii() && std::str::from_utf8(&b).is_ok()) {
                return None;
            }
            b.into_owned()
        }
        Enc::Utf16Le => utf16([0xFF, 0xFE], u16::to_le_bytes),
        Enc::Utf16Be => utf16([0xFE, 0xFF], u16::to_be_bytes),
    })
}

// What every reader must give.

/// A reader's error is an E0101 error at the file read.
fn assert_file_error(d: &Diagnostic, file: &str) {
    assert!(d.is_error(), "{d}");
    assert!(
        [codes::FILE_UNREADABLE, codes::UNSUPPORTED_WORKBOOK].contains(&d.code),
        "{d}"
    );
    assert_eq!(d.loc.file, file, "{d}");
    assert!(!d.message.en().is_empty());
}

/// Every cell of a table read from `file` says it is from `file`, and data cells are trimmed
/// (JSON keys are kept as written).
fn assert_table_of(t: &Table, file: &str) {
    for c in &t.header {
        assert_eq!(c.loc.file, file);
    }
    for c in t.rows.iter().flat_map(|r| &r.cells) {
        assert_eq!(c.loc.file, file);
        assert_eq!(c.text, clean(&c.text), "cells are trimmed");
    }
}

/// The tiny workspace with `plans/sthj.csv` replaced by `file`, loaded: the instance is built
/// exactly when no error is found, and every diagnostic names a file of the workspace.
fn load_with_plan(file: SourceFile) -> Loaded {
    let mut src = tiny().clone();
    src.plans.retain(|p| p.path != "plans/sthj.csv");
    src.plans.push(file);
    let loaded = load_sources_with(&src, &[]);
    assert_workspace_diagnostics(&src, &loaded, &[]);
    loaded
}

fn assert_workspace_diagnostics(src: &Sources, loaded: &Loaded, named: &[SourceFile]) {
    assert_eq!(loaded.instance.is_some(), !loaded.has_errors());
    for d in &loaded.diagnostics {
        let file = d.loc.file.trim_end_matches('/');
        assert!(
            src.files().chain(named).any(|f| f.path == file) || file == "plans",
            "diagnostic about a file that was not read: {d}"
        );
    }
}

// CSV.

/// A header name: ASCII or Chinese, with no separator in it.
fn header_name() -> impl Strategy<Value = String> {
    prop_oneof!["[a-z_]{1,10}", "[\u{4e00}-\u{9fa5}]{1,5}"]
}

/// A cell: anything printable, with separators, quotes and line breaks often.
fn cell_text() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            3 => "\\PC{0,6}",
            1 => proptest::sample::select(vec![",", "\t", ";", "\"", "\n", "\r\n", " ", "年"])
                .prop_map(str::to_string),
        ],
        0..5,
    )
    .prop_map(|v| v.concat())
}

fn grid() -> impl Strategy<Value = (Vec<String>, Vec<Vec<String>>)> {
    proptest::collection::vec(header_name(), 1..6).prop_flat_map(|header| {
        let n = header.len();
        let rows = proptest::collection::vec(proptest::collection::vec(cell_text(), n), 0..8);
        (Just(header), rows)
    })
}

fn write_delimited(header: &[String], rows: &[Vec<String>], delimiter: u8) -> String {
    let mut w = csv::WriterBuilder::new()
        .delimiter(delimiter)
        .from_writer(Vec::new());
    w.write_record(header).unwrap();
    for r in rows {
        w.write_record(r).unwrap();
    }
    String::from_utf8(w.into_inner().unwrap()).unwrap()
}

proptest! {
    #![proptest_config(config(1))]

    #[test]
    fn csv_round_trips_in_every_encoding(
        (header, rows) in grid(),
        enc in enc(),
        tsv in any::<bool>(),
    ) {
        let (delimiter, file) = if tsv { (b'\t', "plans/p.tsv") } else { (b',', "plans/p.csv") };
        let text = write_delimited(&header, &rows, delimiter);
        let Some(bytes) = encode(&text, enc) else { return Ok(()) };
        let (table, _) = read_csv(&bytes, file).unwrap();
        assert_table_of(&table, file);
        let got: Vec<&str> = table.header.iter().map(|c| c.text.as_str()).collect();
        prop_assert_eq!(got, header.iter().map(String::as_str).collect::<Vec<_>>());
        let want: Vec<Vec<String>> = rows
            .iter()
            .map(|r| r.iter().map(|c| clean(c)).collect::<Vec<_>>())
            .filter(|r| r.iter().any(|c| !c.is_empty()))
            .collect();
        let got: Vec<Vec<String>> = table
            .rows
            .iter()
            .map(|r| r.cells.iter().map(|c| c.text.clone()).collect())
            .collect();
        prop_assert_eq!(got, want);
        for r in &table.rows {
            for (i, c) in r.cells.iter().enumerate() {
                prop_assert_eq!(c.loc.col, Some(i as u32 + 1));
            }
        }
    }

    #[test]
    fn csv_reader_takes_any_bytes(
        prefix in proptest::sample::select(vec![&b""[..], b"\xEF\xBB\xBF", b"\xFF\xFE", b"\xFE\xFF"]),
        body in proptest::collection::vec(any::<u8>(), 0..300),
    ) {
        let bytes = [prefix, &body[..]].concat();
        match read_csv(&bytes, "f.csv") {
            Ok((t, _)) => assert_table_of(&t, "f.csv"),
            Err(d) => assert_file_error(&d, "f.csv"),
        }
    }

    #[test]
    fn mutated_plans_in_every_encoding_are_read_or_reported(enc in enc(), ops in ops(), tsv in any::<bool>()) {
        let original = String::from_utf8(
            tiny().plans.iter().find(|p| p.path == "plans/sthj.csv").unwrap().bytes.clone(),
        )
        .unwrap();
        let (text, path) = if tsv {
            (original.replace(',', "\t"), "plans/sthj.tsv")
        } else {
            (original, "plans/sthj.csv")
        };
        let Some(bytes) = encode(&text, enc) else { return Ok(()) };
        let bytes = mutate(bytes, &ops);
        match read_csv(&bytes, path) {
            Ok((t, _)) => assert_table_of(&t, path),
            Err(d) => assert_file_error(&d, path),
        }
        load_with_plan(SourceFile { path: path.into(), bytes });
    }
}

// XLSX.

/// A valid workbook of a plan, with a merged header block and merged data cells, so that a
/// mutation can reach the sheet data, the shared strings and the merged-cell list.
fn plan_workbook(cells: &[Vec<String>]) -> Vec<u8> {
    use rust_xlsxwriter::{Format, Workbook};
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    let header = [
        "task_id", "firm_id", "minutes", "earliest", "latest", "备注", "",
    ];
    ws.write_row(0, 0, header).unwrap();
    ws.write_row(1, 0, ["HB-01", "91330822MA2E5H6J03"]).unwrap();
    ws.write(1, 2, 60).unwrap();
    ws.write_row(1, 3, ["2026-12-01", "2026-12-04"]).unwrap();
    ws.merge_range(0, 5, 0, 6, "备注", &Format::new()).unwrap();
    ws.merge_range(1, 5, 2, 5, "merged", &Format::new())
        .unwrap();
    for (r, row) in cells.iter().enumerate() {
        for (c, text) in row.iter().enumerate() {
            ws.write(r as u32 + 3, c as u16, text.as_str()).unwrap();
        }
    }
    wb.save_to_buffer().unwrap()
}

/// A workbook's parts, unzipped.
fn unzip(bytes: &[u8]) -> Vec<(String, Vec<u8>)> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    (0..zip.len())
        .map(|i| {
            let mut f = zip.by_index(i).unwrap();
            let mut b = Vec::new();
            f.read_to_end(&mut b).unwrap();
            (f.name().unwrap().to_string(), b)
        })
        .collect()
}

fn rezip(parts: &[(String, Vec<u8>)]) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for (name, bytes) in parts {
        w.start_file(name, options).unwrap();
        w.write_all(bytes).unwrap();
    }
    w.finish().unwrap().into_inner()
}

/// The workbook's parts a mutation aims at: the sheet first, as the parser spends its time
/// there.
fn workbook_part() -> impl Strategy<Value = &'static str> {
    proptest::sample::select(vec![
        "xl/worksheets/sheet1.xml",
        "xl/worksheets/sheet1.xml",
        "xl/worksheets/sheet1.xml",
        "xl/sharedStrings.xml",
        "xl/workbook.xml",
        "xl/_rels/workbook.xml.rels",
        "[Content_Types].xml",
        "xl/styles.xml",
    ])
}

fn xlsx_cells() -> impl Strategy<Value = Vec<Vec<String>>> {
    proptest::collection::vec(proptest::collection::vec("\\PC{1,12}", 1..7), 0..6)
}

fn check_workbook(bytes: &[u8]) {
    let file = "plans/sthj.xlsx";
    match read_workbook(bytes, file) {
        Ok(sheets) => {
            for (_, t) in &sheets {
                assert_table_of(t, file);
            }
        }
        Err(d) => assert_file_error(&d, file),
    }
    load_with_plan(SourceFile {
        path: file.into(),
        bytes: bytes.to_vec(),
    });
}

proptest! {
    #![proptest_config(config(4))]

    #[test]
    fn workbook_round_trips(cells in xlsx_cells()) {
        let bytes = plan_workbook(&cells);
        let sheets = read_workbook(&bytes, "p.xlsx").unwrap();
        prop_assert_eq!(sheets.len(), 1);
        let t = &sheets[0].1;
        prop_assert_eq!(t.merged.len(), 2);
        let extra: Vec<&Vec<String>> = cells.iter().filter(|r| r.iter().any(|c| !clean(c).is_empty())).collect();
        prop_assert_eq!(t.rows.len(), 1 + extra.len());
        for (row, want) in t.rows[1..].iter().zip(extra) {
            for (i, w) in want.iter().enumerate() {
                prop_assert_eq!(row.cells.get(i).map_or("", |c| c.text.as_str()), clean(w));
            }
        }
    }

    #[test]
    fn mutated_workbook_parts_are_read_or_reported(
        cells in xlsx_cells(),
        part in workbook_part(),
        ops in ops(),
    ) {
        let mut parts = unzip(&plan_workbook(&cells));
        if let Some((_, b)) = parts.iter_mut().find(|(n, _)| n == part) {
            *b = mutate(std::mem::take(b), &ops);
        }
        check_workbook(&rezip(&parts));
    }

    #[test]
    fn mutated_workbook_bytes_are_read_or_reported(ops in ops()) {
        check_workbook(&mutate(plan_workbook(&[]), &ops));
    }

    #[test]
    fn workbook_reader_takes_any_bytes(
        prefix in proptest::sample::select(vec![&b""[..], b"PK\x03\x04", b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"]),
        body in proptest::collection::vec(any::<u8>(), 0..300),
    ) {
        match read_workbook(&[prefix, &body[..]].concat(), "f.xlsx") {
            Ok(sheets) => sheets.iter().for_each(|(_, t)| assert_table_of(t, "f.xlsx")),
            Err(d) => assert_file_error(&d, "f.xlsx"),
        }
    }
}

// JSON plans.

#[derive(Debug, Clone)]
enum JsonValue {
    Text(String),
    Number(i64),
    Null,
}

fn json_record() -> impl Strategy<Value = Vec<(String, JsonValue)>> {
    let key = prop_oneof![
        proptest::sample::select(vec![
            "task_id", "firm_id", "minutes", "latest", "priority", "备注", "#own"
        ])
        .prop_map(str::to_string),
        "\\PC{0,8}",
    ];
    let value = prop_oneof![
        "\\PC{0,12}".prop_map(JsonValue::Text),
        any::<i64>().prop_map(JsonValue::Number),
        Just(JsonValue::Null),
    ];
    proptest::collection::btree_map(key, value, 0..6).prop_map(|m| m.into_iter().collect())
}

fn json_of(v: &JsonValue) -> serde_json::Value {
    match v {
        JsonValue::Text(s) => s.clone().into(),
        JsonValue::Number(n) => (*n).into(),
        JsonValue::Null => serde_json::Value::Null,
    }
}

proptest! {
    #![proptest_config(config(1))]

    #[test]
    fn json_plan_round_trips(
        records in proptest::collection::vec(json_record(), 0..6),
        department in proptest::option::of("[a-z]{1,6}"),
        pretty in any::<bool>(),
    ) {
        let tasks: Vec<serde_json::Value> = records
            .iter()
            .map(|r| serde_json::Value::Object(r.iter().map(|(k, v)| (k.clone(), json_of(v))).collect()))
            .collect();
        let doc = match &department {
            Some(d) => serde_json::json!({ "department": d, "tasks": tasks }),
            None => serde_json::Value::Array(tasks),
        };
        let text = if pretty { serde_json::to_string_pretty(&doc) } else { serde_json::to_string(&doc) }.unwrap();
        let t = read_json(text.as_bytes(), "p.json").unwrap();
        assert_table_of(&t, "p.json");
        prop_assert_eq!(&t.department, &department);
        prop_assert_eq!(t.rows.len(), records.len());
        for (row, record) in t.rows.iter().zip(&records) {
            for (k, v) in record {
                let col = t.header.iter().position(|h| &h.text == k).unwrap();
                let want = match v {
                    JsonValue::Text(s) => clean(s),
                    JsonValue::Number(n) => n.to_string(),
                    JsonValue::Null => String::new(),
                };
                prop_assert_eq!(&row.cells[col].text, &want);
            }
        }
    }

    #[test]
    fn mutated_json_plans_are_read_or_reported(ops in ops()) {
        let original = tiny().plans.iter().find(|p| p.path == "plans/xfjy.json").unwrap();
        let bytes = mutate(original.bytes.clone(), &ops);
        match read_json(&bytes, "plans/xfjy.json") {
            Ok(t) => assert_table_of(&t, "plans/xfjy.json"),
            Err(d) => assert_file_error(&d, "plans/xfjy.json"),
        }
        load_with_plan(SourceFile { path: "plans/sthj.json".into(), bytes });
    }

    #[test]
    fn json_reader_takes_any_bytes(body in proptest::collection::vec(any::<u8>(), 0..300)) {
        match read_json(&body, "f.json") {
            Ok(t) => assert_table_of(&t, "f.json"),
            Err(d) => assert_file_error(&d, "f.json"),
        }
    }
}

// chayici.toml.

proptest! {
    #![proptest_config(config(1))]

    #[test]
    fn config_round_trips(
        start in 0i64..3000,
        days in 0i64..365,
        setup in 0u32..120,
        speed in 1u32..120,
    ) {
        let base = chrono::NaiveDate::from_ymd_opt(2024, 1, 1).unwrap();
        let start = base + chrono::Duration::days(start);
        let end = start + chrono::Duration::days(days);
        let text = format!(
            "[horizon]\nstart = \"{start}\"\nend = \"{end}\"\n\n[defaults]\nvisit_setup_minutes = {setup}\nspeed_kmh = {speed}\n"
        );
        let (cfg, diags) = parse_config(&text, "chayici.toml");
        prop_assert!(diags.iter().all(|d| !d.is_error()), "{:?}", diags);
        prop_assert_eq!(cfg.horizon, Some((start, end)));
        prop_assert_eq!(cfg.settings.visit_setup_minutes, setup);
    }

    #[test]
    fn mutated_configs_are_read_or_reported(ops in ops()) {
        let bytes = mutate(tiny().config.bytes.clone(), &ops);
        let text = String::from_utf8_lossy(&bytes);
        let (_, diags) = parse_config(&text, "chayici.toml");
        for d in &diags {
            prop_assert_eq!(&d.loc.file, "chayici.toml");
        }
        let mut src = tiny().clone();
        src.config.bytes = bytes.clone();
        let loaded = load_sources_with(&src, &[]);
        assert_workspace_diagnostics(&src, &loaded, &[]);
    }

    #[test]
    fn config_parser_takes_any_text(text in "\\PC{0,200}") {
        let (_, diags) = parse_config(&text, "chayici.toml");
        for d in &diags {
            prop_assert_eq!(&d.loc.file, "chayici.toml");
        }
    }
}

// The travel matrix.

/// The places of the tiny workspace, as a matrix names them.
fn tiny_places() -> (Vec<String>, PlaceIds) {
    let inst = tiny_instance();
    let firms: Vec<&str> = inst.firms.iter().map(|f| f.id.as_str()).collect();
    let teams: Vec<&str> = inst.teams.iter().map(|t| t.id.as_str()).collect();
    let names = firms.iter().chain(&teams).map(|s| s.to_string()).collect();
    (names, PlaceIds::new(firms, teams))
}

fn matrix_rows() -> impl Strategy<Value = Vec<(usize, usize, u32, u32)>> {
    let n = tiny_places().0.len();
    proptest::collection::btree_map((0..n, 0..n), (0u32..2_000_000, 0u32..14_400), 0..30).prop_map(
        |m| {
            m.into_iter()
                .map(|((a, b), (km, min))| (a, b, km, min))
                .collect()
        },
    )
}

/// A valid matrix's CSV: km in thousandths, minutes in tenths.
fn matrix_csv(rows: &[(usize, usize, u32, u32)], names: &[String]) -> String {
    let mut text = String::from("起点,终点,距离(公里),时间(分钟)\n");
    for &(a, b, km, min) in rows {
        text.push_str(&format!(
            "{},{},{},{}\n",
            names[a],
            names[b],
            f64::from(km) / 1000.0,
            f64::from(min) / 10.0
        ));
    }
    text
}

fn read_matrix_bytes(bytes: &[u8], places: &PlaceIds) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    match read_csv(bytes, "travel.csv") {
        Ok((t, _)) => {
            read_matrix(&[t], places, &mut diags);
        }
        Err(d) => diags.push(d),
    }
    diags
}

proptest! {
    #![proptest_config(config(2))]

    #[test]
    fn travel_matrix_round_trips(rows in matrix_rows(), enc in enc()) {
        let (names, places) = tiny_places();
        let Some(bytes) = encode(&matrix_csv(&rows, &names), enc) else { return Ok(()) };
        let (t, _) = read_csv(&bytes, "travel.csv").unwrap();
        let mut diags = Vec::new();
        let m = read_matrix(&[t], &places, &mut diags).unwrap();
        prop_assert!(diags.is_empty(), "{:?}", diags);
        for &(a, b, km, min) in &rows {
            let got = m.get(a, b);
            if a == b {
                continue;
            }
            let (got_km, got_min) = got.unwrap();
            prop_assert_eq!(got_km, f64::from(km) / 1000.0);
            prop_assert_eq!(got_min, min.div_ceil(10));
        }
    }

    #[test]
    fn mutated_travel_matrices_are_read_or_reported(rows in matrix_rows(), enc in enc(), ops in ops()) {
        let (names, places) = tiny_places();
        let Some(bytes) = encode(&matrix_csv(&rows, &names), enc) else { return Ok(()) };
        let bytes = mutate(bytes, &ops);
        for d in read_matrix_bytes(&bytes, &places) {
            prop_assert_eq!(&d.loc.file, "travel.csv");
        }
        let mut src = tiny().clone();
        let config = String::from_utf8(src.config.bytes.clone()).unwrap();
        src.config.bytes = format!("{config}\n[travel]\nmatrix = \"travel.csv\"\n").into_bytes();
        let named = [SourceFile { path: "travel.csv".into(), bytes }];
        let loaded = load_sources_with(&src, &named);
        assert_workspace_diagnostics(&src, &loaded, &named);
    }
}

// plan.json.

/// plan.json of the tiny workspace, as `chayici plan` writes it.
fn tiny_plan_json() -> &'static str {
    static P: OnceLock<String> = OnceLock::new();
    P.get_or_init(|| {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("out");
        let status = std::process::Command::new(env!("CARGO_BIN_EXE_chayici"))
            .env("LC_ALL", "C")
            .args(["plan", "--quiet", "--iterations", "200", "--no-milp"])
            .arg(tiny_dir())
            .arg("--out")
            .arg(&out)
            .status()
            .unwrap();
        assert!(status.success());
        std::fs::read_to_string(Path::new(&out).join("plan.json")).unwrap()
    })
}

#[test]
fn plan_json_round_trips() {
    let inst = tiny_instance();
    let text = tiny_plan_json();
    let plan = read_plan_json(text, inst).unwrap();
    let doc: serde_json::Value = serde_json::from_str(text).unwrap();
    let routes: Vec<serde_json::Value> = plan
        .routes
        .iter()
        .map(|r| serde_json::to_value(route_json(inst, r)).unwrap())
        .collect();
    assert_eq!(doc["routes"].as_array().unwrap(), &routes);
    let unscheduled: Vec<&str> = plan
        .unscheduled
        .iter()
        .map(|u| inst.tasks[u.task].id.as_str())
        .collect();
    let written: Vec<&str> = doc["unscheduled"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["task_id"].as_str().unwrap())
        .collect();
    assert_eq!(unscheduled, written);
    assert!(chayici::verify::verify_plan(inst, &plan).is_ok());
}

proptest! {
    #![proptest_config(config(4))]

    /// A damaged plan.json is refused or read; a plan read, however wrong, is checked without
    /// a panic.
    #[test]
    fn mutated_plan_json_is_read_or_refused(ops in ops()) {
        let inst = tiny_instance();
        let bytes = mutate(tiny_plan_json().as_bytes().to_vec(), &ops);
        let text = String::from_utf8_lossy(&bytes);
        if let Ok(plan) = read_plan_json(&text, inst) {
            let _ = chayici::verify::verify_plan(inst, &plan);
        }
    }

    #[test]
    fn plan_reader_takes_any_text(text in "\\PC{0,300}") {
        let _ = read_plan_json(&text, tiny_instance());
    }
}
