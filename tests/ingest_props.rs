//! Property tests: no input makes a reader or parser panic; each returns a value or an error.

use chayici::ingest::credit_code::{check_credit_code, org_code_ok};
use chayici::ingest::csv_source::read_csv;
use chayici::ingest::dates::{parse_date, parse_day_list, parse_weekday};
use chayici::ingest::json_source::read_json;
use chayici::ingest::toml_config::parse_config;
use chayici::ingest::xlsx_source::read_workbook;
use chayici::ingest::{SourceFile, Sources, load_sources};
use proptest::prelude::*;

/// Text made of the characters CSV files and dates are made of, so the readers' interesting
/// paths (quotes, separators, digits, Chinese date marks) are reached often.
fn csvish() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            Just(",".to_string()),
            Just("\n".to_string()),
            Just("\"".to_string()),
            Just(";".to_string()),
            Just("-".to_string()),
            Just("年".to_string()),
            Just("2026".to_string()),
            Just("task_id".to_string()),
            Just("firm_id".to_string()),
            Just("minutes".to_string()),
            Just("91330822MA2E0A1B7U".to_string()),
            "[0-9.:]{1,4}",
            "\\PC{0,3}",
        ],
        0..60,
    )
    .prop_map(|v| v.concat())
}

fn source(path: &str, bytes: Vec<u8>) -> SourceFile {
    SourceFile {
        path: path.into(),
        bytes,
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn readers_never_panic_on_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        let _ = read_csv(&bytes, "f.csv");
        let _ = read_json(&bytes, "f.json");
        let _ = read_workbook(&bytes, "f.xlsx");
    }

    #[test]
    fn readers_never_panic_on_csvish_text(text in csvish()) {
        let _ = read_csv(text.as_bytes(), "f.csv");
        let _ = read_json(text.as_bytes(), "f.json");
        let _ = parse_config(&text, "chayici.toml");
    }

    #[test]
    fn parsers_never_panic(s in "\\PC{0,24}", t in csvish()) {
        for x in [&s, &t] {
            let _ = parse_date(x);
            let _ = parse_day_list(x);
            let _ = parse_weekday(x);
            let _ = check_credit_code(x);
            let _ = org_code_ok(x);
            let _ = chayici::model::parse_windows(x);
        }
    }

    #[test]
    fn whole_workspace_never_panics(firms in csvish(), plan in csvish(), teams in csvish()) {
        let src = Sources {
            name: "prop".into(),
            config: source("chayici.toml", b"[horizon]\nstart = \"2026-12-01\"\nend = \"2026-12-31\"\n".to_vec()),
            firms: source("firms.csv", format!("firm_id,name,lon,lat\n{firms}").into_bytes()),
            teams: Some(source("teams.csv", format!("team_id,departments,base_lon,base_lat,days\n{teams}").into_bytes())),
            departments: None,
            plans: vec![source("plans/p.csv", format!("task_id,firm_id,minutes,earliest,latest\n{plan}").into_bytes())],
            problems: Vec::new(),
            ..Sources::default()
        };
        let loaded = load_sources(&src);
        prop_assert_eq!(loaded.instance.is_some(), loaded.summary.errors == 0);
    }
}
