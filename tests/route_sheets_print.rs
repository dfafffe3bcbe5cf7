//! `route_sheets.xlsx` prints a team's month a day at a time: a page break before each new
//! day, the header row repeated on every page, and rows tall enough for their wrapped text.

mod report_fixture;

use chayici::output::sheets::{Lang, write_route_workbook};
use report_fixture::*;
use std::io::{Cursor, Read};

fn part(zip: &mut zip::ZipArchive<Cursor<Vec<u8>>>, name: &str) -> String {
    let mut s = String::new();
    zip.by_name(name).unwrap().read_to_string(&mut s).unwrap();
    s
}

#[test]
fn each_day_starts_a_page_under_a_repeated_header_and_rows_fit_their_text() {
    let mut inst = hostile_instance();
    inst.firms[0].notes = "后门进，找前台登记。".repeat(8);
    let plan = hand_plan(&inst);
    let mut out = Vec::new();
    write_route_workbook(&mut out, &inst, &plan, Lang::Zh).unwrap();
    let mut zip = zip::ZipArchive::new(Cursor::new(out)).unwrap();
    let book = part(&mut zip, "xl/workbook.xml");
    assert_eq!(
        book.matches("_xlnm.Print_Titles").count(),
        inst.teams.len(),
        "{book}"
    );
    for team in 0..inst.teams.len() {
        let sheet = part(&mut zip, &format!("xl/worksheets/sheet{}.xml", team + 1));
        let days = plan
            .routes
            .iter()
            .filter(|r| r.team == team && !r.visits.is_empty())
            .count();
        let breaks = sheet.matches("<brk ").count();
        assert_eq!(breaks, days.saturating_sub(1), "team {team}: {sheet}");
        assert!(
            !sheet.contains("fitToPage"),
            "fit to page would drop the breaks"
        );
        let visits: usize = plan
            .routes
            .iter()
            .filter(|r| r.team == team)
            .map(|r| r.visits.len())
            .sum();
        assert_eq!(sheet.matches("customHeight=\"1\"").count(), visits);
    }
    // The long note of firm 0 wraps over several lines, and its row is as tall.
    let team = plan
        .routes
        .iter()
        .find(|r| r.visits.iter().any(|v| v.firm == 0))
        .unwrap()
        .team;
    let sheet = part(&mut zip, &format!("xl/worksheets/sheet{}.xml", team + 1));
    let tallest = sheet
        .split("ht=\"")
        .skip(1)
        .map(|s| s.split('"').next().unwrap().parse::<f64>().unwrap())
        .fold(0.0, f64::max);
    assert!(tallest >= 15.0 * 8.0, "tallest row {tallest} pt");
}
