//! The register's contact columns (联系人, 联系电话, 备注) and its other columns reach every
//! file a team works from, and hostile text in them stays text in each: CSV and XLSX show a
//! formula instead of running it, HTML shows markup as text, and ICS keeps its structure.

mod common;

use calamine::{Data, Reader, Xlsx, open_workbook};
use common::{chayici, code, copy_workspace};
use serde_json::Value;
use std::path::Path;

const HOSTILE_CONTACT: &str = "=HYPERLINK(\"http://x.example\",\"王经理\")";
const HOSTILE_NOTES: &str = "<script>alert(1)</script>;后门,进\n二楼";
const EXTRA_VALUE: &str = "@王某";
const MOBILE: &str = "+86 139 1234 5678";

/// data/tiny with contact columns on its register: a hostile contact, notes and extra
/// column on 天马示例餐饮店, a mobile on 紫港示例民宿.
fn workspace() -> tempfile::TempDir {
    let ws = copy_workspace(Path::new("data/tiny"));
    let path = ws.path().join("firms.csv");
    let text = std::fs::read_to_string(&path).unwrap();
    let mut out = csv::Writer::from_writer(Vec::new());
    for (i, line) in text.lines().enumerate() {
        let mut cells: Vec<String> = line.split(',').map(String::from).collect();
        let added: [&str; 4] = match i {
            0 => ["联系人", "联系电话", "备注", "法人代表"],
            1 => [HOSTILE_CONTACT, "0570-1234567", HOSTILE_NOTES, EXTRA_VALUE],
            2 => ["李女士", MOBILE, "", ""],
            _ => ["", "", "", ""],
        };
        cells.extend(added.iter().map(|s| s.to_string()));
        out.write_record(&cells).unwrap();
    }
    std::fs::write(&path, out.into_inner().unwrap()).unwrap();
    ws
}

fn plan(ws: &Path, out: &Path) {
    let o = chayici(&[
        "plan",
        ws.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--quiet",
        "--iterations",
        "60",
    ]);
    assert_eq!(code(&o), 0, "{}", String::from_utf8_lossy(&o.stderr));
}

fn read(dir: &Path, rel: &str) -> String {
    std::fs::read_to_string(dir.join(rel)).unwrap()
}

#[test]
fn contact_columns_reach_every_output_and_stay_inert() {
    let ws = workspace();
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("plan");
    plan(ws.path(), &out);
    let v = chayici(&["verify", ws.path().to_str().unwrap(), out.to_str().unwrap()]);
    assert_eq!(code(&v), 0, "{}", String::from_utf8_lossy(&v.stdout));

    // plan.json: the text as the register has it.
    let doc: Value = serde_json::from_str(&read(&out, "plan.json")).unwrap();
    let visits: Vec<&Value> = doc["routes"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|r| r["visits"].as_array().unwrap())
        .collect();
    let tianma = visits
        .iter()
        .find(|v| v["firm_id"] == "91330822MA2E0A1B7U")
        .expect("the plan visits 天马示例餐饮店");
    assert_eq!(tianma["contact"], HOSTILE_CONTACT);
    assert_eq!(tianma["phone"], "0570-1234567");
    assert_eq!(tianma["notes"], HOSTILE_NOTES);
    assert_eq!(
        tianma["extra"],
        serde_json::json!([["法人代表", EXTRA_VALUE]])
    );
    let zigang = visits
        .iter()
        .find(|v| v["firm_id"] == "91330822MA2E1C2D04")
        .unwrap();
    assert_eq!(zigang["phone"], MOBILE);

    // routes.csv: three columns at the end, formula starts quoted.
    let routes = read(&out, "routes.csv");
    let mut rd = csv::Reader::from_reader(routes.as_bytes());
    let head: Vec<String> = rd.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(head[13..], ["contact", "phone", "notes"]);
    let rows: Vec<csv::StringRecord> = rd.records().map(Result::unwrap).collect();
    let row = rows.iter().find(|r| &r[3] == "91330822MA2E0A1B7U").unwrap();
    assert_eq!(&row[13], format!("'{HOSTILE_CONTACT}"));
    assert_eq!(&row[14], "0570-1234567");
    assert_eq!(&row[15], HOSTILE_NOTES);
    let row = rows.iter().find(|r| &r[3] == "91330822MA2E1C2D04").unwrap();
    assert_eq!(&row[14], format!("'{MOBILE}"));

    // sheets/<team>.csv: the contact columns and the extra one under its own header.
    let mut found = false;
    for entry in std::fs::read_dir(out.join("sheets")).unwrap() {
        let bytes = std::fs::read(entry.unwrap().path()).unwrap();
        let mut rd = csv::Reader::from_reader(&bytes[3..]);
        let head: Vec<String> = rd.headers().unwrap().iter().map(String::from).collect();
        assert_eq!(head[11..], ["联系人", "联系电话", "备注", "法人代表"]);
        for r in rd.records().map(Result::unwrap) {
            if &r[7] == "91330822MA2E0A1B7U" {
                found = true;
                assert_eq!(&r[11], format!("'{HOSTILE_CONTACT}"));
                assert_eq!(&r[12], "0570-1234567");
                assert_eq!(&r[13], HOSTILE_NOTES);
                assert_eq!(&r[14], format!("'{EXTRA_VALUE}"));
            }
        }
    }
    assert!(found, "a team sheet lists 天马示例餐饮店");

    // route_sheets.xlsx: strings only, the text itself (Excel's hidden quote prefix).
    let mut book: Xlsx<_> = open_workbook(out.join("route_sheets.xlsx")).unwrap();
    let mut found = false;
    for name in book.sheet_names() {
        let formulas = book.worksheet_formula(&name).unwrap();
        assert!(formulas.used_cells().all(|(_, _, f)| f.is_empty()));
        let range = book.worksheet_range(&name).unwrap();
        let head: Vec<String> = range.rows().next().unwrap()[11..]
            .iter()
            .map(|c| c.to_string())
            .collect();
        assert_eq!(head, ["联系人", "联系电话", "备注", "法人代表"]);
        for r in range.rows().skip(1) {
            if r[7] == Data::String("91330822MA2E0A1B7U".into()) {
                found = true;
                assert_eq!(r[11], Data::String(HOSTILE_CONTACT.into()));
                assert_eq!(r[12], Data::String("0570-1234567".into()));
                assert_eq!(r[13], Data::String(HOSTILE_NOTES.into()));
                assert_eq!(r[14], Data::String(EXTRA_VALUE.into()));
            }
        }
    }
    assert!(found, "the workbook lists 天马示例餐饮店");

    // calendars: contact lines in the description, escaped; the county in the location.
    let ics: String = std::fs::read_dir(out.join("calendars"))
        .unwrap()
        .filter_map(|e| {
            let p = e.unwrap().path();
            p.is_file().then(|| std::fs::read_to_string(p).unwrap())
        })
        .collect();
    let unfolded = ics.replace("\r\n ", "");
    assert!(unfolded.contains("联系电话：0570-1234567"), "{unfolded}");
    assert!(unfolded.contains("联系人：=HYPERLINK(\"http://x.example\"\\,\"王经理\")"));
    assert!(unfolded.contains("备注：<script>alert(1)</script>\\;后门\\,进\\n二楼"));
    assert!(unfolded.contains("法人代表：@王某"));
    assert!(unfolded.contains("LOCATION:常山县 天马街道 定阳北路1号\r\n"));
    assert!(!unfolded.contains("进\n二楼") && !unfolded.contains("进\r\n二楼"));

    // day_sheets.html: markup shown as text.
    let html = read(&out, "day_sheets.html");
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(!html.contains("<script>"));
    assert!(html.contains("=HYPERLINK(&quot;http://x.example&quot;,&quot;王经理&quot;)"));
    assert!(html.contains("0570-1234567") && html.contains(MOBILE));
    assert!(html.contains("法人代表：@王某"));
}

#[test]
fn verify_rejects_a_phone_in_routes_csv_the_register_does_not_give() {
    let ws = workspace();
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("plan");
    plan(ws.path(), &out);
    let path = out.join("routes.csv");
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains(",0570-1234567,"));
    std::fs::write(&path, text.replace(",0570-1234567,", ",0570-7654321,")).unwrap();
    let v = chayici(&["verify", ws.path().to_str().unwrap(), out.to_str().unwrap()]);
    let stdout = String::from_utf8_lossy(&v.stdout);
    assert_eq!(code(&v), 1, "{stdout}");
    assert!(
        stdout.contains(
            "phone is `0570-7654321`, but the register gives firm 91330822MA2E0A1B7U `0570-1234567`"
        ),
        "{stdout}"
    );
}

#[test]
fn a_phone_that_cannot_be_dialled_is_a_warning_and_still_carried() {
    let ws = workspace();
    let path = ws.path().join("firms.csv");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, text.replace("0570-1234567", "5123-456")).unwrap();
    let o = chayici(&["check", ws.path().to_str().unwrap()]);
    let stdout = String::from_utf8_lossy(&o.stdout);
    assert!(
        stdout.contains("firms.csv:2:12 (L2): warning[W2001]: phone `5123-456` is neither a mobile nor a landline number"),
        "{stdout}"
    );
    assert!(
        !stdout.contains("W0109"),
        "extra columns are carried: {stdout}"
    );
}
