use super::*;

fn file(path: &str, text: &str) -> SourceFile {
    SourceFile {
        path: path.into(),
        bytes: text.as_bytes().to_vec(),
    }
}

fn firms() -> Vec<DirectoryFirm> {
    ["91330822MA2E0A1B7U", "91330822MA2E1C2D04"]
        .iter()
        .map(|id| DirectoryFirm {
            id: id.to_string(),
            name: String::new(),
            grade: "B".into(),
        })
        .collect()
}

fn read(files: &DrawFiles, toml: &str) -> (DrawInputs, Vec<String>) {
    let h = |d| NaiveDate::from_ymd_opt(2026, 12, d).unwrap();
    let f = firms();
    let (inputs, diags) =
        read_draw_inputs(files, toml, "chayici.toml", Some(&f), Some((h(1), h(31))));
    let shown = diags
        .iter()
        .map(|d| format!("{} {}", d.loc, d.code))
        .collect();
    (inputs, shown)
}

#[test]
fn bad_rows_of_every_lottery_file_are_reported_at_their_cell() {
    let files = DrawFiles {
        sampling: Some(file(
            "sampling.csv",
            "部门,等级,比例,检查事项,检查时长,最早日期,最晚日期\n\
             scjg,B,5%,食品,30,,\n\
             hbj,*,abc,排污,30,,\n\
             yjj,*,0.1,安全,半小时,,\n\
             xf,*,0.1,消防,30,2026-12-20,2026-12-10\n\
             ;x,*,0.1,消防,30,,\n",
        )),
        exempt: Some(file("exempt.csv", "信用代码,部门,原因\n,scjg,白名单\n")),
        history: Some(file(
            "history.csv",
            "日期,部门,统一社会信用代码\n2026-13-01,scjg,91330822MA2E0A1B7U\n2026-11-20,scjg,91330822ma2e0a1b7u\n",
        )),
        officers: None,
    };
    let (inputs, shown) = read(&files, "");
    assert_eq!(
        shown,
        vec![
            "sampling.csv:3:3 (C3) E2201",
            "sampling.csv:4:5 (E4) E1409",
            "sampling.csv:5:6 (F5) E1405",
            "sampling.csv:6:1 (A6) E1416",
            "exempt.csv:2:1 (A2) E0107",
            "history.csv:2:1 (A2) E1404",
        ]
    );
    assert_eq!(inputs.rules.len(), 1);
    assert_eq!(inputs.rules[0].ratio, 0.05);
    assert_eq!(inputs.rules[0].source, "双随机");
    assert_eq!(inputs.history.len(), 1);
    // Written in lower case, read as the register keys it.
    assert_eq!(inputs.history[0].firm, "91330822MA2E0A1B7U");
}

#[test]
fn draw_settings_are_read_and_bad_ones_reported_at_their_key() {
    let (s, d) = parse_draw_settings(
        "[horizon]\nstart = \"2026-12-01\"\n[draw]\nmax_per_year = 2\nrepeat = \"flag\"\nfixed_size = [\"scjg\"]\n",
        "chayici.toml",
    );
    assert!(d.is_empty(), "{d:?}");
    assert_eq!(s.max_per_year, Some(2));
    assert_eq!(s.repeat, crate::draw::RepeatRule::Flag);
    assert!(s.fixed_size.contains("scjg"));
    let (_, d) = parse_draw_settings("[draw]\nrepeat_days = -1\nodd = 1\n", "chayici.toml");
    let shown: Vec<String> = d.iter().map(|d| format!("{} {}", d.loc, d.code)).collect();
    assert_eq!(
        shown,
        vec!["chayici.toml:3:1 W0204", "chayici.toml:2:1 E0205"]
    );
}

#[test]
fn bad_rows_of_the_roster_are_reported_at_their_cell() {
    let roster = file(
        "officers.csv",
        "执法人员编号,姓名,部门,执法证号,不可用日期,回避企业\n\
         S1,张一,scjg,3308001,2026-12-40,\n\
         S2,张二,,3308002,,\n\
         S3,张三,scjg,3308003,,91330822ma2e0a1b7u\n\
         s3,张四,scjg,3308004,,\n",
    );
    let codes: HashSet<String> = firms().into_iter().map(|f| f.id).collect();
    let mut diags = Vec::new();
    let officers = read_officers(&roster, Some(&codes), &mut diags);
    let shown: Vec<String> = diags
        .iter()
        .map(|d| format!("{} {}", d.loc, d.code))
        .collect();
    assert_eq!(
        shown,
        vec![
            "officers.csv:2:5 (E2) E1404",
            "officers.csv:3:3 (C3) E0107",
            "officers.csv:5:1 (A5) E2205"
        ]
    );
    assert_eq!(officers.len(), 1);
    assert!(officers[0].conflicts.contains("91330822MA2E0A1B7U"));
}
