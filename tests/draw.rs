//! `chayici draw`: the lottery written into a workspace, replayed byte for byte, a changed
//! input named by its hash, exempt and capped firms never drawn, and the drawn plans read by
//! `check` and planned by `plan`, the plan accepted by `verify`.

mod common;

use common::{chayici, code, copy_workspace};
use std::path::Path;

const GOOD: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/good");

/// The fixture workspace with a lottery: two departments at 50% for every grade.
fn workspace() -> tempfile::TempDir {
    let ws = copy_workspace(Path::new(GOOD));
    std::fs::write(
        ws.path().join("sampling.csv"),
        "部门,风险等级,抽查比例,检查事项,检查时长\n\
         scjg,*,50%,食品安全,30\n\
         xfjy,*,0.5,消防安全,20\n\
         xfjy,D,1,消防安全,20\n",
    )
    .unwrap();
    ws
}

fn run(args: &[&str]) -> (i32, String, String) {
    let o = chayici(args);
    (
        code(&o),
        String::from_utf8_lossy(&o.stdout).into_owned(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

fn draw(dir: &Path, seed: &str) -> (i32, String, String) {
    run(&[
        "draw",
        dir.to_str().unwrap(),
        "--seed",
        seed,
        "--date",
        "2026-11-30",
    ])
}

fn record(dir: &Path) -> serde_json::Value {
    serde_json::from_slice(&std::fs::read(dir.join("draw.json")).unwrap()).unwrap()
}

/// (department, firm) of every firm drawn, from draw.json.
fn selection(dir: &Path) -> Vec<(String, String)> {
    record(dir)["selection"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["department"].as_str().unwrap().to_string(),
                s["firm_id"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn a_draw_replays_byte_for_byte_and_a_changed_input_is_named_by_its_hash() {
    let ws = workspace();
    let (rc, out, err) = draw(ws.path(), "2026-12-01/公证处/0417");
    assert_eq!(rc, 0, "{out}{err}");
    for f in [
        "draw.json",
        "公示名单.csv",
        "公示名单.xlsx",
        "plans/draw-scjg.csv",
    ] {
        assert!(ws.path().join(f).is_file(), "{f} not written");
    }
    let json = ws.path().join("draw.json");
    let (rc, out, err) = run(&["draw", "--replay", json.to_str().unwrap()]);
    assert_eq!(rc, 0, "{out}{err}");
    assert!(out.contains("byte-identical"), "{out}");

    // The same draw made again in another folder gives the same bytes.
    let again = workspace();
    assert_eq!(draw(again.path(), "2026-12-01/公证处/0417").0, 0);
    for f in [
        "draw.json",
        "公示名单.csv",
        "公示名单.xlsx",
        "plans/draw-xfjy.csv",
    ] {
        assert_eq!(
            std::fs::read(ws.path().join(f)).unwrap(),
            std::fs::read(again.path().join(f)).unwrap(),
            "{f}"
        );
    }

    // One exemption added: the replay names the file by its hash, and says what it changes.
    let firm = selection(ws.path())[0].1.clone();
    std::fs::write(
        ws.path().join("exempt.csv"),
        format!("firm_id,department,reason\n{firm},*,无事不扰\n"),
    )
    .unwrap();
    let (rc, out, _) = run(&["draw", "--replay", json.to_str().unwrap()]);
    assert_eq!(rc, 1, "{out}");
    assert!(out.contains("input exempt.csv is new"), "{out}");
    assert!(
        out.contains(&format!("drew {firm}, which the inputs now leave out")),
        "{out}"
    );
    std::fs::remove_file(ws.path().join("exempt.csv")).unwrap();

    // One byte of firms.csv changed (a name): named by its SHA-256.
    let firms = ws.path().join("firms.csv");
    let text = std::fs::read_to_string(&firms).unwrap();
    std::fs::write(&firms, text.replacen("示例餐饮店", "示例饭店", 1)).unwrap();
    let (rc, out, _) = run(&["draw", "--replay", json.to_str().unwrap()]);
    assert_eq!(rc, 1, "{out}");
    assert!(out.contains("input firms.csv changed: SHA-256"), "{out}");
    std::fs::write(&firms, text).unwrap();

    // An edited plan file is caught too.
    let plan = ws.path().join("plans/draw-scjg.csv");
    let text = std::fs::read_to_string(&plan).unwrap();
    std::fs::write(&plan, text.replace("食品安全", "价格")).unwrap();
    let (rc, out, _) = run(&["draw", "--replay", json.to_str().unwrap()]);
    assert_eq!(rc, 1, "{out}");
    assert!(out.contains("plans/draw-scjg.csv differs"), "{out}");
}

#[test]
fn a_second_draw_does_not_overwrite_the_first() {
    let ws = workspace();
    assert_eq!(draw(ws.path(), "a").0, 0);
    let before = std::fs::read(ws.path().join("draw.json")).unwrap();
    let (rc, _, err) = draw(ws.path(), "b");
    assert_eq!(rc, 1);
    assert!(err.contains("already records a draw"), "{err}");
    assert_eq!(before, std::fs::read(ws.path().join("draw.json")).unwrap());
}

#[test]
fn exempt_and_capped_firms_are_never_drawn_whatever_the_seed() {
    let ws = workspace();
    // Every firm would be drawn at 100%; one is exempt everywhere, one capped for scjg, one
    // inspected by xfjy ten days before the month.
    std::fs::write(
        ws.path().join("sampling.csv"),
        "department,grade,ratio,minutes\nscjg,*,1,30\nxfjy,*,1,20\n",
    )
    .unwrap();
    std::fs::write(
        ws.path().join("exempt.csv"),
        "统一社会信用代码,部门,原因\n91330822MA2E0A1B7U,,无事不扰\n",
    )
    .unwrap();
    std::fs::write(
        ws.path().join("history.csv"),
        "日期,部门,统一社会信用代码\n2026-03-02,scjg,92330822MA2E3F4G7A\n2026-11-21,xfjy,91330822MA2E5H6J03\n",
    )
    .unwrap();
    let toml = ws.path().join("chayici.toml");
    let mut text = std::fs::read_to_string(&toml).unwrap();
    text.push_str("\n[draw]\nmax_per_year = 1\n");
    std::fs::write(&toml, text).unwrap();
    let (rc, out, err) = run(&["check", ws.path().to_str().unwrap()]);
    assert_eq!(rc, 0, "{out}{err}");
    for seed in ["1", "2", "3", "4", "5"] {
        for f in ["draw.json", "公示名单.csv", "公示名单.xlsx"] {
            let _ = std::fs::remove_file(ws.path().join(f));
        }
        for f in ["plans/draw-scjg.csv", "plans/draw-xfjy.csv"] {
            let _ = std::fs::remove_file(ws.path().join(f));
        }
        let (rc, out, err) = draw(ws.path(), seed);
        assert_eq!(rc, 0, "{out}{err}");
        let drawn = selection(ws.path());
        let has = |d: &str, f: &str| drawn.iter().any(|(x, y)| x == d && y == f);
        assert!(!has("scjg", "91330822MA2E0A1B7U") && !has("xfjy", "91330822MA2E0A1B7U"));
        assert!(!has("scjg", "92330822MA2E3F4G7A"), "capped firm drawn");
        assert!(
            has("xfjy", "92330822MA2E3F4G7A"),
            "the cap is per department"
        );
        assert!(!has("xfjy", "91330822MA2E5H6J03"), "repeat drawn");
        assert_eq!(drawn.len(), 2 * 5 - 4);
        let reasons: Vec<String> = record(ws.path())["exclusions"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| format!("{} {} {}", e["department"], e["firm_id"], e["reason"]))
            .collect();
        assert_eq!(reasons.len(), 4, "{reasons:?}");
        assert!(out.contains("exempt: 无事不扰"), "{out}");
    }
}

#[test]
fn the_drawn_plans_are_read_by_check_and_planned_and_the_plan_verifies() {
    let ws = workspace();
    let (_, before, _) = run(&["check", ws.path().to_str().unwrap(), "--format", "json"]);
    let tasks = |s: &str| {
        serde_json::from_str::<serde_json::Value>(s).unwrap()["summary"]["tasks"]
            .as_u64()
            .unwrap()
    };
    assert_eq!(draw(ws.path(), "7").0, 0);
    let drawn = selection(ws.path()).len() as u64;
    assert!(drawn > 0);
    let (rc, after, err) = run(&["check", ws.path().to_str().unwrap(), "--format", "json"]);
    assert_eq!(rc, 0, "{after}{err}");
    assert_eq!(tasks(&after), tasks(&before) + drawn);
    let out_dir = tempfile::tempdir().unwrap();
    let out = out_dir.path().join("plan");
    let (rc, o, e) = run(&[
        "plan",
        ws.path().to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--iterations",
        "200",
    ]);
    assert_eq!(rc, 0, "{o}{e}");
    let (rc, o, e) = run(&["verify", ws.path().to_str().unwrap(), out.to_str().unwrap()]);
    assert_eq!(rc, 0, "{o}{e}");
    let routes = std::fs::read_to_string(out.join("routes.csv")).unwrap();
    assert!(routes.contains("DRAW-scjg-0001"), "{routes}");
}

#[test]
fn officers_are_drawn_two_per_department_never_with_a_conflict_and_replay() {
    let ws = workspace();
    assert_eq!(draw(ws.path(), "7").0, 0);
    let out_dir = tempfile::tempdir().unwrap();
    let out = out_dir.path().join("plan");
    let w = ws.path().to_str().unwrap();
    let o = out.to_str().unwrap();
    assert_eq!(run(&["plan", w, "--out", o, "--iterations", "200"]).0, 0);
    // S1 must not inspect the homestay; S3 is away the whole month; X3 has no credential.
    std::fs::write(
        ws.path().join("officers.csv"),
        "执法人员编号,姓名,部门,执法证号,检查组,不可用日期,回避企业\n\
         S1,张一,scjg,3308001,T1,,91330822ma2e1c2d04\n\
         S2,=张二<b>;,scjg,3308002,T1,,\n\
         S3,张三,scjg,3308003,,2026-12-01~2026-12-31,\n\
         S4,张四,scjg,3308004,,,\n\
         X1,李一,xfjy,3308101,,,\n\
         X2,李二,xfjy,3308102,,,\n\
         X3,李三,xfjy,,,,\n\
         E1,王一,sthj,3308201,,,\n\
         E2,王二,sthj,3308202,,,\n",
    )
    .unwrap();
    let (rc, stdout, err) = run(&["draw-officers", w, o, "--seed", "0417"]);
    assert_eq!(rc, 0, "{stdout}{err}");
    assert!(stdout.contains("0 slots not staffed"), "{stdout}");
    let csv = std::fs::read_to_string(out.join("officers.csv")).unwrap();
    let mut per_slot: std::collections::BTreeMap<(String, String, String), Vec<String>> =
        Default::default();
    let mut homestay = 0;
    for line in csv.lines().skip(1) {
        let c: Vec<&str> = line.split(',').collect();
        let (team, date, seq, firm, dep, officer) = (c[0], c[1], c[2], c[3], c[5], c[6]);
        assert!(!(officer == "S1" && firm == "91330822MA2E1C2D04"), "{line}");
        assert!(officer != "S3" && officer != "X3", "{line}");
        let prefix = match dep {
            "scjg" => "S",
            "xfjy" => "X",
            _ => "E",
        };
        assert!(
            officer.starts_with(prefix),
            "an officer of another department: {line}"
        );
        homestay += usize::from(firm == "91330822MA2E1C2D04" && dep == "scjg");
        per_slot
            .entry((
                format!("{team}{date}{seq}"),
                dep.to_string(),
                firm.to_string(),
            ))
            .or_default()
            .push(officer.to_string());
    }
    assert!(
        homestay >= 2,
        "the homestay is drawn by scjg and staffed: {csv}"
    );
    assert!(per_slot.values().all(|o| o.len() == 2), "{per_slot:?}");
    the_sheets_and_calendars_name_the_officers(&out, &csv);
    // The folder is still a plan `verify` accepts, the officers' files chayici's own.
    let (rc, text, err) = run(&["verify", w, o]);
    assert_eq!(rc, 0, "{text}{err}");
    assert!(!text.contains("unexpected_file"), "{text}");
    let listed = std::fs::read_to_string(out.join(".chayici-files")).unwrap();
    assert!(listed.lines().any(|l| l == "officers.json"), "{listed}");
    // `report --all` names them the same way, from officers.json.
    let sheet = std::fs::read(out.join("sheets/T1.csv")).unwrap();
    let ics = std::fs::read(out.join("calendars/T1.ics")).unwrap();
    let (rc, text, err) = run(&["report", o, "--all"]);
    assert_eq!(rc, 0, "{text}{err}");
    assert_eq!(std::fs::read(out.join("sheets/T1.csv")).unwrap(), sheet);
    assert_eq!(std::fs::read(out.join("calendars/T1.ics")).unwrap(), ics);
    let (rc, stdout, _) = run(&["draw-officers", w, o, "--replay"]);
    assert_eq!(rc, 0, "{stdout}");
    assert!(stdout.contains("byte-identical"), "{stdout}");
    // The files do not depend on the language: a replay in Chinese finds them identical.
    let (rc, stdout, _) = run(&["draw-officers", w, o, "--replay", "--lang", "zh"]);
    assert_eq!(rc, 0, "{stdout}");
    assert!(stdout.contains("复核：逐字节一致"), "{stdout}");
}

/// Every officer of officers.csv is named, `name（credential）`, on the row of the visit in the
/// team's sheet CSV and in the visit's calendar event, and the names stay inert: a name
/// starting with `=` never starts a cell, `;` is escaped in the calendar, `<b>` in the day
/// sheets is text.
fn the_sheets_and_calendars_name_the_officers(plan: &Path, officers_csv: &str) {
    let mut named = 0;
    for line in officers_csv.lines().skip(1) {
        let c: Vec<&str> = line.split(',').collect();
        let (team, date, seq, firm) = (c[0], c[1], c[2], c[3]);
        // officers.csv escapes a leading `=` as a spreadsheet would need.
        let name = c[7].strip_prefix('\'').unwrap_or(c[7]);
        let who = format!("{name}（{}）", c[8]);
        let sheet = std::fs::read_to_string(plan.join(format!("sheets/{team}.csv"))).unwrap();
        let row = sheet
            .lines()
            .find(|l| l.starts_with(&format!("{date},{seq},")) && l.contains(firm))
            .unwrap_or_else(|| panic!("no row of {line} in {sheet}"));
        assert!(row.contains(&who), "{who} not on {row}");
        let ics = std::fs::read_to_string(plan.join(format!("calendars/{team}.ics")))
            .unwrap()
            .replace("\r\n ", "");
        let day = date.replace('-', "");
        let event = ics
            .split("BEGIN:VEVENT")
            .find(|e| {
                e.contains(&format!(":{day}T"))
                    && e.contains(&format!("第{seq}站"))
                    && e.contains(firm)
            })
            .unwrap_or_else(|| panic!("no event of {line}"));
        assert!(
            event.contains("检查人员：") && event.contains(&who.replace(';', "\\;")),
            "{who} not in {event}"
        );
        named += 1;
    }
    assert!(named > 0);
    for team in ["T1", "T2"] {
        let sheet = std::fs::read_to_string(plan.join(format!("sheets/{team}.csv"))).unwrap();
        assert!(!sheet.contains(",=") && !sheet.contains(",\"="), "{sheet}");
    }
    let html = std::fs::read_to_string(plan.join("day_sheets.html")).unwrap();
    assert!(
        html.contains("检查人员：=张二&lt;b&gt;;（3308002）"),
        "the day sheets name S2 as text"
    );
    assert!(!html.contains("<b>;"));
}

#[test]
fn a_draw_in_chinese_prints_chinese_and_writes_the_same_files_as_in_english() {
    let en = workspace();
    assert_eq!(draw(en.path(), "0417").0, 0);
    let zh = workspace();
    let (rc, out, err) = run(&[
        "draw",
        zh.path().to_str().unwrap(),
        "--seed",
        "0417",
        "--date",
        "2026-11-30",
        "--lang",
        "zh",
    ]);
    assert_eq!(rc, 0, "{out}{err}");
    assert!(
        out.contains("双随机抽取，随机种子 `0417`，联合抽取"),
        "{out}"
    );
    assert!(out.contains("名录数") && out.contains("已写入"), "{out}");
    assert!(!out.contains("seed") && !out.contains("wrote"), "{out}");
    for f in [
        "draw.json",
        "公示名单.csv",
        "公示名单.xlsx",
        "plans/draw-scjg.csv",
        "plans/draw-xfjy.csv",
    ] {
        assert_eq!(
            std::fs::read(en.path().join(f)).unwrap(),
            std::fs::read(zh.path().join(f)).unwrap(),
            "{f}"
        );
    }
    // A draw made in English replays in Chinese, and the other way round.
    for (ws, lang, said) in [
        (&en, "zh", "复核：逐字节一致"),
        (&zh, "en", "byte-identical"),
    ] {
        let json = ws.path().join("draw.json");
        let (rc, out, err) = run(&["draw", "--replay", json.to_str().unwrap(), "--lang", lang]);
        assert_eq!(rc, 0, "{out}{err}");
        assert!(out.contains(said), "{out}");
    }
    // The draw's own errors follow the language too.
    let (rc, _, err) = run(&[
        "draw",
        zh.path().to_str().unwrap(),
        "--seed",
        "1",
        "--lang",
        "zh",
    ]);
    assert_eq!(rc, 1);
    assert!(err.contains("已记录一次抽取"), "{err}");
}
