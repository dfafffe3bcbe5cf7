//! Tests of the route sheets (CSV per team, XLSX workbook) and of the files written by
//! `write_people_outputs`.

mod report_fixture;

use calamine::{Data, Reader, Xlsx, open_workbook_from_rs};
use chayici::output::report::write_people_outputs;
use chayici::output::sheets::{Lang, headers, write_route_workbook, write_team_csv};
use report_fixture::*;
use std::io::Cursor;

fn team_visits(plan: &chayici::model::Plan, team: usize) -> usize {
    plan.routes
        .iter()
        .filter(|r| r.team == team)
        .map(|r| r.visits.len())
        .sum()
}

#[test]
fn csv_has_bom_headers_a_row_per_visit_and_no_formulas() {
    let inst = hostile_instance();
    let plan = hand_plan(&inst);
    let mut out = Vec::new();
    write_team_csv(&mut out, &inst, &plan, 0, Lang::Zh).unwrap();
    assert!(out.starts_with(b"\xEF\xBB\xBF"));
    let mut rd = csv::Reader::from_reader(&out[3..]);
    let head: Vec<String> = rd.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(head, headers(Lang::Zh));
    let rows: Vec<csv::StringRecord> = rd.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), team_visits(&plan, 0));
    for row in &rows {
        for cell in row.iter() {
            assert!(
                !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "formula cell {cell:?}"
            );
        }
    }
    let names: Vec<&str> = rows.iter().map(|r| &r[6]).collect();
    assert!(names.contains(&"'=1+2"), "{names:?}");
    assert!(names.contains(&SCRIPT_NAME));
    assert!(rows.iter().any(|r| r[8] == *"'@地址"));
    assert!(
        rows.iter()
            .any(|r| r[9].starts_with("'-危化品") || r[9].contains("-危化品"))
    );
}

#[test]
fn english_headers_on_request() {
    let inst = hostile_instance();
    let plan = hand_plan(&inst);
    let mut out = Vec::new();
    write_team_csv(&mut out, &inst, &plan, 0, Lang::En).unwrap();
    let text = String::from_utf8(out[3..].to_vec()).unwrap();
    assert!(text.starts_with("date,seq,arrive,start,end,depart,firm_name,firm_id,"));
}

#[test]
fn workbook_has_a_sheet_per_team_and_only_strings() {
    let inst = hostile_instance();
    let plan = hand_plan(&inst);
    let mut out = Vec::new();
    write_route_workbook(&mut out, &inst, &plan, Lang::Zh).unwrap();
    let mut book: Xlsx<_> = open_workbook_from_rs(Cursor::new(out)).unwrap();
    let names = book.sheet_names();
    assert_eq!(names, ["team0", "组_2__x_", "team2"]);
    for (t, name) in names.iter().enumerate() {
        let range = book.worksheet_range(name).unwrap();
        assert_eq!(range.height(), 1 + team_visits(&plan, t));
        let formulas = book.worksheet_formula(name).unwrap();
        assert!(formulas.used_cells().all(|(_, _, f)| f.is_empty()));
        if t == 0 {
            let firm_names: Vec<String> = range
                .rows()
                .skip(1)
                .map(|r| match &r[6] {
                    Data::String(s) => s.clone(),
                    other => panic!("{other:?}"),
                })
                .collect();
            // The quote-prefix flag keeps `=1+2` text without changing what the cell holds.
            assert!(firm_names.iter().any(|n| n == "=1+2"), "{firm_names:?}");
            assert_eq!(range.get_value((0, 0)), Some(&Data::String("日期".into())));
        }
    }
}

#[test]
fn people_outputs_land_in_their_folders() {
    let inst = hostile_instance();
    let plan = hand_plan(&inst);
    let dir = tempfile::tempdir().unwrap();
    let out = write_people_outputs(
        dir.path(),
        &inst,
        &plan,
        &headline(&inst, &plan),
        Lang::Zh,
        None,
    )
    .unwrap();
    assert!(out.report.ends_with("report.html") && out.report.is_file());
    assert!(out.workbook.is_file());
    assert_eq!(out.team_csvs.len(), inst.teams.len());
    assert_eq!(out.calendars.len(), inst.teams.len());
    assert!(dir.path().join("sheets/team0.csv").is_file());
    assert!(dir.path().join("sheets/组_2__x_.csv").is_file());
    assert!(dir.path().join("calendars/team2.ics").is_file());
    let left: Vec<_> = ["", "sheets", "calendars"]
        .iter()
        .flat_map(|sub| std::fs::read_dir(dir.path().join(sub)).unwrap())
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert!(left.is_empty(), "temporary files left: {left:?}");
}

#[test]
fn workbook_bytes_do_not_depend_on_when_it_is_written() {
    let inst = hostile_instance();
    let plan = hand_plan(&inst);
    let mut first = Vec::new();
    write_route_workbook(&mut first, &inst, &plan, Lang::Zh).unwrap();
    // The workbook's metadata holds a creation time to the second.
    std::thread::sleep(std::time::Duration::from_millis(1100));
    let mut second = Vec::new();
    write_route_workbook(&mut second, &inst, &plan, Lang::Zh).unwrap();
    assert!(first == second, "two writes of one plan differ");
}
