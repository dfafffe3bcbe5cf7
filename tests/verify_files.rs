//! `chayici verify` checks the files the teams follow, not only plan.json: each edit of
//! routes.csv, unscheduled.csv or a figure of plan.json below is caught, exit 1, with a
//! message naming the row or the figure; the plan as written passes.

mod common;

use assert_cmd::Command;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

const TINY: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/data/tiny");

/// A task whose only day is a Sunday, so that the plan has an unscheduled row to edit.
const SUNDAY_TASK: &str =
    "SC-09,常山县天马示例餐饮店,91330822MA2E0A1B7U,周末检查,2026-12-06,2026-12-06,30,一般,投诉\n";

/// The tiny workspace with [`SUNDAY_TASK`], and its plan, made once for every test; each
/// mutation works on a copy of the plan.
fn fixture() -> &'static (tempfile::TempDir, PathBuf, PathBuf) {
    static PLAN: OnceLock<(tempfile::TempDir, PathBuf, PathBuf)> = OnceLock::new();
    PLAN.get_or_init(|| {
        let tmp = tempfile::tempdir().unwrap();
        let ws = tmp.path().join("ws");
        common::copy_workspace_into(Path::new(TINY), &ws);
        let plan_file = ws.join("plans/scjg.csv");
        let text = std::fs::read_to_string(&plan_file).unwrap();
        std::fs::write(&plan_file, text + SUNDAY_TASK).unwrap();
        let out = tmp.path().join("month");
        Command::cargo_bin("chayici")
            .unwrap()
            .env("LC_ALL", "C")
            .args(["plan", ws.to_str().unwrap(), "--out", out.to_str().unwrap()])
            .args(["--quiet", "--iterations", "60", "--threads", "1"])
            .assert()
            .success();
        (tmp, ws, out)
    })
}

fn planned() -> &'static Path {
    &fixture().2
}

fn workspace() -> &'static Path {
    &fixture().1
}

/// Runs `verify` on a copy of the plan after `edit`; the exit code and stdout + stderr.
fn verify_after(edit: impl FnOnce(&Path)) -> (i32, String) {
    verify_after_in("en", edit)
}

/// [`verify_after`] with `--lang lang`.
fn verify_after_in(lang: &str, edit: impl FnOnce(&Path)) -> (i32, String) {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("month");
    common::copy_workspace_into(planned(), &dir);
    edit(&dir);
    let o = Command::cargo_bin("chayici")
        .unwrap()
        .env("LC_ALL", "C")
        .args([
            "verify",
            workspace().to_str().unwrap(),
            dir.to_str().unwrap(),
            "--lang",
            lang,
        ])
        .output()
        .unwrap();
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
    (o.status.code().unwrap(), text)
}

/// routes.csv as lines (no cell of the tiny plan holds a newline).
fn lines(dir: &Path) -> Vec<String> {
    std::fs::read_to_string(dir.join("routes.csv"))
        .unwrap()
        .lines()
        .map(str::to_owned)
        .collect()
}

fn write_lines(dir: &Path, lines: &[String]) {
    std::fs::write(dir.join("routes.csv"), lines.join("\n") + "\n").unwrap();
}

fn cells(line: &str) -> Vec<String> {
    line.split(',').map(str::to_owned).collect()
}

/// The 1-based line of the first visit row whose route has at least two visits.
fn two_visit_route() -> usize {
    let ls = lines(planned());
    (1..ls.len() - 1)
        .find(|&i| {
            let (a, b) = (cells(&ls[i]), cells(&ls[i + 1]));
            a[0] == b[0] && a[1] == b[1] && !a[3].is_empty() && !b[3].is_empty()
        })
        .expect("the tiny plan has a route with two visits")
        + 1
}

/// The 1-based line of the first visit row with two tasks.
fn joint_visit() -> usize {
    lines(planned())
        .iter()
        .position(|l| cells(l)[9].contains(';'))
        .expect("the tiny plan has a joint visit")
        + 1
}

/// Sets cell `col` of line `line` (1-based) of routes.csv.
fn set_cell(dir: &Path, line: usize, col: usize, value: &str) {
    let mut ls = lines(dir);
    let mut c = cells(&ls[line - 1]);
    c[col] = value.to_owned();
    ls[line - 1] = c.join(",");
    write_lines(dir, &ls);
}

fn edit_json(dir: &Path, edit: impl FnOnce(&mut serde_json::Value)) {
    let path = dir.join("plan.json");
    let mut v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    edit(&mut v);
    std::fs::write(&path, serde_json::to_string_pretty(&v).unwrap()).unwrap();
}

#[track_caller]
fn assert_caught(result: (i32, String), needles: &[&str]) {
    let (code, text) = result;
    assert_eq!(code, 1, "{text}");
    assert!(text.contains("plan INVALID"), "{text}");
    for n in needles {
        assert!(text.contains(n), "expected `{n}` in:\n{text}");
    }
}

fn at(line: usize) -> String {
    format!("routes.csv:{line}:")
}

#[test]
fn the_plan_as_written_passes() {
    let (code, text) = verify_after(|_| {});
    assert_eq!(code, 0, "{text}");
    assert!(text.contains("plan OK"), "{text}");
    assert!(text.contains("0 warning(s)"), "{text}");
}

#[test]
fn two_rows_moved_to_a_sunday() {
    let l = two_visit_route();
    let sunday = "2026-12-06";
    assert_eq!(
        chrono::NaiveDate::parse_from_str(sunday, "%Y-%m-%d")
            .unwrap()
            .format("%a")
            .to_string(),
        "Sun"
    );
    let r = verify_after(|d| {
        set_cell(d, l, 1, sunday);
        set_cell(d, l + 1, 1, sunday);
    });
    assert_caught(
        r,
        &[
            &at(l),
            &at(l + 1),
            "row_extra",
            "plan.json has this visit on",
            "not_working_day",
        ],
    );
}

#[test]
fn a_task_dropped_from_a_row() {
    let l = joint_visit();
    let ids = cells(&lines(planned())[l - 1])[9].clone();
    let (kept, dropped) = ids.split_once(';').unwrap();
    let r = verify_after(|d| set_cell(d, l, 9, kept));
    assert_caught(
        r,
        &[
            &at(l),
            "task_ids",
            &format!("missing: {dropped}"),
            "task_missing",
        ],
    );
}

#[test]
fn a_row_given_to_another_team() {
    let l = two_visit_route();
    let team = cells(&lines(planned())[l - 1])[0].clone();
    let other = if team == "T1" { "T2" } else { "T1" };
    let r = verify_after(|d| set_cell(d, l, 0, other));
    assert_caught(r, &[&at(l), "row_extra", "plan.json gives it to team"]);
}

#[test]
fn an_arrival_edited() {
    let l = two_visit_route() + 1;
    let r = verify_after(|d| set_cell(d, l, 5, "08:31"));
    assert_caught(
        r,
        &[
            &at(l),
            "arrive is `08:31`, but plan.json has",
            "wrong_arrival",
        ],
    );
}

#[test]
fn a_row_duplicated() {
    let l = two_visit_route();
    let r = verify_after(|d| {
        let mut ls = lines(d);
        ls.insert(l, ls[l - 1].clone());
        write_lines(d, &ls);
    });
    assert_caught(
        r,
        &[&at(l + 1), "row_duplicated", &format!("repeats line {l}")],
    );
}

#[test]
fn a_rows_kilometres_edited() {
    let l = two_visit_route() + 1;
    let km = cells(&lines(planned())[l - 1])[11].clone();
    let r = verify_after(|d| set_cell(d, l, 11, "99.999"));
    assert_caught(
        r,
        &[
            &at(l),
            "travel_km is `99.999`",
            &format!("is {km} km"),
            "wrong_travel",
        ],
    );
}

#[test]
fn the_drive_back_to_base_edited() {
    // The route's row back at base: the first after its visits without a firm.
    let ls = lines(planned());
    let l = (two_visit_route()..ls.len())
        .find(|&i| cells(&ls[i])[3].is_empty())
        .expect("the route ends at its base")
        + 1;
    let r = verify_after(|d| set_cell(d, l, 5, "16:00"));
    assert_caught(r, &[&at(l), "the drive back to base", "wrong_return"]);
}

#[test]
fn a_row_deleted() {
    let l = two_visit_route() + 1;
    // The row's first task: a joint visit's row lists several, each reported on its own.
    let task = cells(&lines(planned())[l - 1])[9]
        .split(';')
        .next()
        .unwrap()
        .to_string();
    let r = verify_after(|d| {
        let mut ls = lines(d);
        ls.remove(l - 1);
        write_lines(d, &ls);
    });
    assert_caught(
        r,
        &["row_missing", "no row for team", &format!("task {task}")],
    );
}

#[test]
fn seq_reordered() {
    let l = two_visit_route();
    let r = verify_after(|d| {
        set_cell(d, l, 2, "2");
        set_cell(d, l + 1, 2, "1");
    });
    assert_caught(
        r,
        &[&at(l), &at(l + 1), "seq is `2`, but the row is stop 1"],
    );
}

#[test]
fn two_rows_swapped() {
    let l = two_visit_route();
    let r = verify_after(|d| {
        let mut ls = lines(d);
        ls.swap(l - 1, l);
        write_lines(d, &ls);
    });
    assert_caught(r, &[&at(l + 1), "row_out_of_order", "wrong_travel"]);
}

#[test]
fn routes_csv_deleted() {
    let r = verify_after(|d| std::fs::remove_file(d.join("routes.csv")).unwrap());
    assert_caught(r, &["routes.csv: error[missing_file]"]);
}

#[test]
fn a_scheduled_task_added_to_unscheduled_csv_or_the_file_deleted() {
    let l = joint_visit();
    let c = cells(&lines(planned())[l - 1]);
    let (task, dept) = (
        c[9].split(';').next().unwrap(),
        c[10].split(';').next().unwrap(),
    );
    let row = format!(
        "{task},{dept},{},no_capacity,the teams' time went to more important tasks\n",
        c[3]
    );
    let r = verify_after(|d| {
        let path = d.join("unscheduled.csv");
        let text = std::fs::read_to_string(&path).unwrap() + &row;
        std::fs::write(path, text).unwrap();
    });
    assert_caught(
        r,
        &[
            "unscheduled.csv:3:",
            "plan.json schedules this task",
            "task_duplicated",
        ],
    );
    let r = verify_after(|d| std::fs::remove_file(d.join("unscheduled.csv")).unwrap());
    assert_caught(r, &["unscheduled.csv: error[missing_file]"]);
}

#[test]
fn an_unscheduled_reason_edited_or_its_row_deleted() {
    let text = std::fs::read_to_string(planned().join("unscheduled.csv")).unwrap();
    assert!(
        text.contains("SC-09,scjg,91330822MA2E0A1B7U,no_working_day_in_window"),
        "{text}"
    );
    let edit = |from: &'static str, to: &'static str| {
        move |d: &Path| {
            let path = d.join("unscheduled.csv");
            let text = std::fs::read_to_string(&path).unwrap();
            std::fs::write(path, text.replace(from, to)).unwrap();
        }
    };
    let r = verify_after(edit("no_working_day_in_window", "no_capacity"));
    assert_caught(
        r,
        &[
            "unscheduled.csv:2:",
            "reason is `no_capacity`, but plan.json has",
        ],
    );
    let r = verify_after(edit(
        "no_working_day_in_window",
        "no_team_covers_department",
    ));
    assert_caught(
        r,
        &["unscheduled.csv:2: error[wrong_reason]", "team T1 covers"],
    );
    let r = verify_after(|d: &Path| {
        let path = d.join("unscheduled.csv");
        let text = std::fs::read_to_string(&path).unwrap();
        let kept: String = text
            .lines()
            .filter(|l| !l.starts_with("SC-09,"))
            .map(|l| format!("{l}\n"))
            .collect();
        std::fs::write(path, kept).unwrap();
    });
    assert_caught(r, &["unscheduled.csv: error[row_missing]", "task_missing"]);
}

/// The reason in words, in either language, beside the code; `verify` holds the words to the
/// code, and still reads a file written before the column (no `reason_text`).
#[test]
fn unscheduled_reason_text_says_the_code_in_either_language() {
    let zh = "检查时间窗内没有工作日";
    let en = "the task's window holds no working day";
    let text = std::fs::read_to_string(planned().join("unscheduled.csv")).unwrap();
    assert!(
        text.starts_with("task_id,department,firm_id,reason,reason_text\n"),
        "{text}"
    );
    let written = if text.contains(zh) { zh } else { en };
    assert!(
        text.contains(&format!("no_working_day_in_window,{written}\n")),
        "{text}"
    );
    let rewrite = |f: fn(&str) -> String| {
        move |d: &Path| {
            let path = d.join("unscheduled.csv");
            let text = std::fs::read_to_string(&path).unwrap();
            std::fs::write(path, f(&text)).unwrap();
        }
    };
    let other = |t: &str| {
        if t.contains("检查时间窗内没有工作日") {
            t.replace(
                "检查时间窗内没有工作日",
                "the task's window holds no working day",
            )
        } else {
            t.replace(
                "the task's window holds no working day",
                "检查时间窗内没有工作日",
            )
        }
    };
    let (code, out) = verify_after(rewrite(other));
    assert_eq!(code, 0, "{out}");
    let old = |t: &str| {
        t.lines()
            .map(|l| format!("{}\n", &l[..l.rfind(',').unwrap()]))
            .collect()
    };
    let (code, out) = verify_after(rewrite(old));
    assert_eq!(code, 0, "{out}");
    let wrong = |t: &str| {
        t.replace("检查时间窗内没有工作日", "企业关门").replace(
            "the task's window holds no working day",
            "the firm was closed",
        )
    };
    assert_caught(
        verify_after(rewrite(wrong)),
        &[
            "unscheduled.csv:2:",
            "reason_text is `",
            "检查时间窗内没有工作日",
        ],
    );
}

#[test]
fn kpis_visits_edited() {
    let r = verify_after(|d| edit_json(d, |v| v["kpis"]["visits"] = 99.into()));
    assert_caught(r, &["plan.json: error[wrong_figure]", "kpis.visits is 99"]);
}

#[test]
fn kpis_travel_km_edited() {
    let r = verify_after(|d| edit_json(d, |v| v["kpis"]["travel_km"] = 1.5.into()));
    assert_caught(r, &["kpis.travel_km is 1.5, but the routes give"]);
}

#[test]
fn a_routes_kilometres_edited_in_plan_json() {
    let r = verify_after(|d| {
        edit_json(d, |v| {
            v["routes"][1]["travel_km"] = 123.0.into();
            v["routes"][1]["visits"][0]["travel_km"] = 0.5.into();
        })
    });
    assert_caught(
        r,
        &[
            "routes[1] (team",
            ".travel_km is 123.0, but its legs add up to",
            ".visits[0].travel_km is 0.5, but the leg from the base of team",
        ],
    );
}

#[test]
fn statistics_figures_edited() {
    let r = verify_after(|d| {
        edit_json(d, |v| {
            v["statistics"]["overall"]["joint_visits"] = 99.into()
        })
    });
    assert_caught(
        r,
        &["statistics.overall.joint_visits is 99, but the routes give"],
    );
    let r = verify_after(|d| {
        edit_json(d, |v| {
            v["statistics"]["departments"][0]["naive_visits"] = 0.into()
        })
    });
    assert_caught(r, &["statistics.departments[0] (scjg).naive_visits is 0"]);
    let r = verify_after(|d| {
        edit_json(d, |v| {
            let met = &mut v["statistics"]["departments"][0]["joint_share_met"];
            *met = (!met.as_bool().unwrap()).into();
        })
    });
    assert_caught(r, &["(scjg).joint_share_met is"]);
    let r = verify_after(|d| {
        edit_json(d, |v| {
            v["statistics"]["weeks"][1]["joint_share_percent"] = 12.5.into()
        })
    });
    assert_caught(
        r,
        &["statistics.weeks[1] (2026-W50).joint_share_percent is 12.5"],
    );
    let r = verify_after(|d| {
        edit_json(d, |v| {
            v["statistics"]["targets"]["joint_share"] = 0.5.into()
        })
    });
    assert_caught(r, &["statistics.targets is", "[targets] give"]);
}

#[test]
fn the_statistics_files_are_chayicis_own() {
    let (code, text) = verify_after(|_| {});
    assert_eq!(code, 0, "{text}");
    assert!(!text.contains("unexpected_file"), "{text}");
    assert!(planned().join("statistics/department.csv").is_file());
    assert!(planned().join("statistics.xlsx").is_file());
    let listed = std::fs::read_to_string(planned().join(".chayici-files")).unwrap();
    for f in ["statistics.xlsx", "statistics/week.csv"] {
        assert!(listed.lines().any(|l| l == f), "{f} not in {listed}");
    }
}

#[test]
fn a_note_left_in_the_folder_is_a_warning_only() {
    let (code, text) = verify_after(|d| std::fs::write(d.join("notes.txt"), "call 王").unwrap());
    assert_eq!(code, 0, "{text}");
    assert!(
        text.contains("notes.txt: warning[unexpected_file]"),
        "{text}"
    );
}

#[test]
fn a_malformed_plan_json_is_an_invalid_plan() {
    let (code, text) = verify_after(|d| std::fs::write(d.join("plan.json"), "{ not json").unwrap());
    assert_eq!(code, 1, "{text}");
    assert!(text.contains("plan.json: error[unreadable_file]"), "{text}");
}

#[test]
fn bounds_cut_by_the_time_limit_may_be_looser_but_never_wrong() {
    let as_u64 = |v: &serde_json::Value, k: &str| v["kpis"][k].as_u64().unwrap();
    let loosened = verify_after(|d| {
        edit_json(d, |v| {
            let (lb, naive) = (as_u64(v, "visits_lower_bound"), as_u64(v, "visits_naive"));
            let visits = as_u64(v, "visits");
            v["kpis"]["bounds_cut_by_time_limit"] = true.into();
            v["kpis"]["visits_lower_bound"] = (lb - 1).into();
            v["kpis"]["visits_naive"] = (naive + 1).into();
            v["kpis"]["visits_saved"] = (naive as i64 + 1 - visits as i64).into();
            let pct = ((naive + 1 - visits) as f64 / (naive + 1) as f64 * 1000.0).round() / 10.0;
            v["kpis"]["reduction_percent"] = pct.into();
        })
    });
    assert_eq!(loosened.0, 0, "{}", loosened.1);

    let claimed = verify_after(|d| {
        edit_json(d, |v| {
            let lb = as_u64(v, "visits_lower_bound");
            v["kpis"]["bounds_cut_by_time_limit"] = true.into();
            v["kpis"]["visits_lower_bound"] = (lb + 1).into();
        })
    });
    assert_caught(
        claimed,
        &[
            "kpis.visits_lower_bound is",
            "cut by the time limit it must be at most",
        ],
    );
}

#[test]
fn lang_zh_words_the_rules_in_chinese_and_keeps_the_codes() {
    let (code, text) = verify_after_in("zh", |d: &Path| {
        let path = d.join("unscheduled.csv");
        let text = std::fs::read_to_string(&path).unwrap();
        let kept: String = text
            .lines()
            .filter(|l| !l.starts_with("SC-09,"))
            .map(|l| format!("{l}\n"))
            .collect();
        std::fs::write(path, kept).unwrap();
    });
    assert_eq!(code, 1, "{text}");
    assert!(
        text.contains(
            "error[task_missing] 任务 SC-09：CSV 文件中，该任务既未排期，也未列入未排期清单"
        ),
        "{text}"
    );
    assert!(
        text.contains("unscheduled.csv: error[row_missing]：plan.json 中的一行在表格文件中缺失（"),
        "{text}"
    );
    let (_, text) = verify_after_in("zh", |d: &Path| {
        let path = d.join("unscheduled.csv");
        let text = std::fs::read_to_string(&path).unwrap();
        let edited = text.replace("no_working_day_in_window", "no_team_covers_department");
        std::fs::write(path, edited).unwrap();
    });
    assert!(
        text.contains("unscheduled.csv:2: error[wrong_reason]")
            && text.contains("：给出的原因是 `no_team_covers_department`，但检查组 T1 负责该部门"),
        "{text}"
    );
}
