//! The plan's files: exact columns, escaping, valid GeoJSON, and a plan.json that reads back
//! into the same plan.

#[path = "verify/fixture.rs"]
mod fixture;

use chayici::output::{
    Bounds, InputFile, PLAN_FORMAT, Parameters, PlanMeta, PlanReadError, ROUTES_HEADER, Timing,
    read_plan_json, write_plan_json, write_routes_csv, write_routes_geojson, write_run_json,
    write_summary, write_unscheduled_csv,
};
use chayici::solve::ObjectiveParts;
use chayici::verify::Kpis;
use fixture::*;

fn meta() -> PlanMeta {
    PlanMeta {
        workspace: None,
        parameters: Parameters {
            seed: 7,
            iterations: 100,
            time_limit_seconds: None,
            chayici_version: "test".into(),
        },
        inputs: vec![InputFile {
            path: "firms.csv".into(),
            sha256: "00".repeat(32),
        }],
        bounds: Bounds {
            visits_lower_bound: 3,
            visits_naive: 4,
            cut_by_time_limit: false,
        },
        objective: ObjectiveParts::default(),
        milp: Default::default(),
        timing: Timing {
            elapsed_seconds: 1.5,
            threads: 4,
            iterations_done: 100,
            milp_seconds: None,
            deadline_seconds: None,
            phases: Vec::new(),
            timed_out_tasks: 0,
        },
        replan: None,
        naive_counts: None,
    }
}

fn text(f: impl FnOnce(&mut Vec<u8>)) -> String {
    let mut buf = Vec::new();
    f(&mut buf);
    String::from_utf8(buf).unwrap()
}

#[test]
fn routes_csv_has_the_documented_columns_and_a_row_back_to_base() {
    let inst = instance();
    let plan = valid_plan(&inst);
    let csv = text(|b| write_routes_csv(b, &inst, &plan).unwrap());
    let mut r = csv::Reader::from_reader(csv.as_bytes());
    assert_eq!(
        r.headers().unwrap().iter().collect::<Vec<_>>(),
        ROUTES_HEADER.to_vec()
    );
    assert_eq!(
        ROUTES_HEADER.join(","),
        "team_id,date,seq,firm_id,firm_name,arrive,start,end,depart,task_ids,departments,travel_km,travel_minutes,contact,phone,notes"
    );
    let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
    // Three routes of one visit each: a visit row and a back-to-base row per route.
    assert_eq!(rows.len(), 6);
    let first = &rows[0];
    assert_eq!(&first[0], "A");
    assert_eq!(&first[1], "2026-12-07");
    assert_eq!(&first[2], "1");
    assert_eq!(&first[3], "F1");
    assert_eq!(&first[4], "'=HYPERLINK(\"x\")", "formula escaped");
    assert_eq!(&first[9], "T1;T2");
    assert_eq!(&first[10], "scjg;xfjy");
    assert!(first[5].len() == 5 && first[5].as_bytes()[2] == b':');
    let back = &rows[1];
    assert_eq!((&back[2], &back[3]), ("2", ""));
    assert!(back[12].parse::<u32>().unwrap() > 0);
}

#[test]
fn unscheduled_csv_lists_each_task_with_its_reason() {
    let inst = instance();
    let plan = valid_plan(&inst);
    let csv = |lang| text(|b| write_unscheduled_csv(b, &inst, &plan, lang).unwrap());
    assert_eq!(
        csv(chayici::i18n::Lang::En),
        "task_id,department,firm_id,reason,reason_text\n\
         T5,wsjk,F1,no_team_covers_department,no team covers the task's department\n"
    );
    assert_eq!(
        csv(chayici::i18n::Lang::Zh),
        "task_id,department,firm_id,reason,reason_text\n\
         T5,wsjk,F1,no_team_covers_department,没有检查组具备该部门执法资格\n"
    );
}

#[test]
fn geojson_is_a_feature_collection_of_lines_and_points() {
    let inst = instance();
    let plan = valid_plan(&inst);
    let s = text(|b| write_routes_geojson(b, &inst, &plan).unwrap());
    let v: serde_json::Value = serde_json::from_str(&s).unwrap();
    assert_eq!(v["type"], "FeatureCollection");
    let features = v["features"].as_array().unwrap();
    let kinds: Vec<&str> = features
        .iter()
        .map(|f| f["geometry"]["type"].as_str().unwrap())
        .collect();
    assert_eq!(kinds.iter().filter(|k| **k == "LineString").count(), 3);
    assert_eq!(kinds.iter().filter(|k| **k == "Point").count(), 3);
    let line = &features[0]["geometry"]["coordinates"];
    assert_eq!(line.as_array().unwrap().len(), 3, "base, F1, base");
    assert_eq!(line[0][0].as_f64().unwrap(), 118.51, "[lon, lat] order");
    assert_eq!(features[1]["properties"]["firm_id"], "F1");
}

#[test]
fn plan_json_reads_back_into_the_same_plan() {
    let inst = instance();
    let plan = valid_plan(&inst);
    let s = text(|b| write_plan_json(b, &inst, &plan, &meta()).unwrap());
    let v: serde_json::Value = serde_json::from_str(&s).unwrap();
    assert_eq!(v["format"], PLAN_FORMAT);
    for key in [
        "tasks",
        "scheduled",
        "unscheduled",
        "visits",
        "visits_lower_bound",
        "visits_naive",
        "travel_km",
        "travel_minutes",
    ] {
        assert!(v["kpis"][key].is_number(), "kpis.{key}");
    }
    assert_eq!(v["kpis"]["visits"], 3);
    assert_eq!(v["routes"][0]["visits"][0]["task_ids"][1], "T2");
    assert!(v.get("timing").is_none(), "timing goes to run.json");
    assert!(
        v["parameters"].get("threads").is_none(),
        "threads only in run.json"
    );
    let run = text(|b| write_run_json(b, &meta().timing).unwrap());
    let run: serde_json::Value = serde_json::from_str(&run).unwrap();
    assert_eq!(run["threads"], 4);
    assert_eq!(read_plan_json(&s, &inst).unwrap(), plan);
}

#[test]
fn plan_json_with_unknown_ids_is_a_mismatch_naming_the_id() {
    let inst = instance();
    let plan = valid_plan(&inst);
    let s = text(|b| write_plan_json(b, &inst, &plan, &meta()).unwrap());
    let err = read_plan_json(&s.replace("\"T3\"", "\"T99\""), &inst).unwrap_err();
    assert!(
        err.is_mismatch() && err.to_string().contains("T99"),
        "{err}"
    );
    let err = read_plan_json(
        &s.replace("\"team_id\": \"B\"", "\"team_id\": \"Z\""),
        &inst,
    )
    .unwrap_err();
    assert!(err.to_string().contains("team `Z`"), "{err}");
    let err = read_plan_json("{\"routes\": 3}", &inst).unwrap_err();
    assert!(matches!(err, PlanReadError::Malformed(_)), "{err}");
    let err = read_plan_json(&s.replace("\"08:3", "\"8h3"), &inst).unwrap_err();
    assert!(!err.is_mismatch(), "{err}");
}

#[test]
fn summary_names_the_figures_an_office_reads_first() {
    let inst = instance();
    let k = Kpis::of(&inst, &valid_plan(&inst));
    let s =
        text(|b| write_summary(b, "fixture", &k, meta().bounds, chayici::i18n::Lang::En).unwrap());
    assert!(s.contains("5 (4 scheduled, 1 unscheduled)"), "{s}");
    assert!(s.contains("no_team_covers_department"), "{s}");
    assert!(s.contains("lower bound 3, naive 4: 1 fewer, 25.0%"), "{s}");
    let zh =
        text(|b| write_summary(b, "fixture", &k, meta().bounds, chayici::i18n::Lang::Zh).unwrap());
    assert!(
        zh.contains("  任务         5 个（已安排 4，未安排 1）"),
        "{zh}"
    );
    assert!(zh.contains("no_team_covers_department"), "{zh}");
    assert!(
        zh.contains("下界 3；各部门分别检查需 4 次：少 1 次，25.0%"),
        "{zh}"
    );
}
