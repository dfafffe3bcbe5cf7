use super::*;
use chrono::NaiveDate;

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, d).unwrap()
}

fn visit(firm: &str, tasks: &[&str], start: u32) -> VisitSnap {
    VisitSnap {
        firm: firm.to_owned(),
        firm_name: format!("{firm} 公司"),
        tasks: tasks.iter().map(|t| (*t).to_owned()).collect(),
        arrive: start,
        start,
        end: start + 30,
        depart: start + 30,
    }
}

fn route(team: &str, d: u32, visits: Vec<VisitSnap>) -> RouteSnap {
    RouteSnap {
        team: team.to_owned(),
        date: day(d),
        leave_base: 500,
        return_base: 1000,
        visits,
    }
}

/// T1 on the 3rd and the 10th, T2 on the 11th.
fn old_plan() -> PlanSnapshot {
    PlanSnapshot {
        routes: vec![
            route(
                "T1",
                3,
                vec![visit("F1", &["a"], 540), visit("F2", &["b", "c"], 600)],
            ),
            route(
                "T1",
                10,
                vec![visit("F3", &["d"], 540), visit("F4", &["e"], 600)],
            ),
            route("T2", 11, vec![visit("F5", &["f"], 540)]),
        ],
        replan_from: None,
        unscheduled: Vec::new(),
    }
}

#[test]
fn a_plan_against_itself_has_no_change_and_full_stability() {
    let d = diff(&old_plan(), &old_plan(), None);
    assert!(d.is_empty(), "{d:?}");
    assert_eq!(d.totals.visits_kept, 5);
    assert_eq!(d.totals.stability_percent(), Some(100.0));
    let mut text = Vec::new();
    write_diff_text(&mut text, &d, "a", "a").unwrap();
    assert!(
        String::from_utf8(text)
            .unwrap()
            .contains(text::NOTHING_CHANGED)
    );
}

#[test]
fn a_visit_moved_to_another_day_is_one_removed_one_added_and_its_tasks_moved() {
    let mut new = old_plan();
    // F4 (task e) goes from T1 on the 10th to T2 on the 11th; F3 starts later; a late task g
    // joins F5; task c is dropped.
    let f4 = new.routes[1].visits.remove(1);
    new.routes[2].visits.push(f4);
    new.routes[1].visits[0].start += 15;
    new.routes[2].visits[0].tasks.push("g".to_owned());
    new.routes[0].visits[1].tasks.retain(|t| t != "c");
    new.replan_from = Some(day(10));
    let d = diff(&old_plan(), &new, None);
    assert_eq!(d.from, Some(day(10)), "from comes from the new plan");
    let t = &d.totals;
    assert_eq!((t.old_visits, t.new_visits), (5, 5));
    assert_eq!(t.visits_kept, 1, "only F1 on the 3rd is as it was");
    assert_eq!(
        t.visits_changed, 3,
        "F2 lost a task, F3 moved in time, F5 got one"
    );
    assert_eq!((t.visits_added, t.visits_removed), (1, 1));
    assert_eq!(d.moved_tasks.len(), 1);
    let m = &d.moved_tasks[0];
    assert_eq!(m.task, "e");
    assert_eq!((m.old.team.as_str(), m.old.date), ("T1", day(10)));
    assert_eq!((m.new.team.as_str(), m.new.date), ("T2", day(11)));
    assert_eq!(
        d.added_tasks
            .iter()
            .map(|p| &p.task[..])
            .collect::<Vec<_>>(),
        ["g"]
    );
    assert_eq!(
        d.dropped_tasks
            .iter()
            .map(|p| &p.task[..])
            .collect::<Vec<_>>(),
        ["c"]
    );
    // From the 10th the old plan has F3, F4 and F5: F3 keeps its tasks (a later start is
    // still the same visit), F4 moved, F5 got another task.
    assert_eq!((t.stability_base, t.stability_kept), (3, 1));
    assert_eq!(t.stability_percent(), Some(33.3));
    assert_eq!(t.changes_before_from, 1, "F2 on the 3rd changed");
    // Days come per team then date.
    let slots: Vec<(&str, NaiveDate)> = d
        .days
        .iter()
        .map(|x| (x.slot.team.as_str(), x.slot.date))
        .collect();
    assert_eq!(slots, [("T1", day(3)), ("T1", day(10)), ("T2", day(11))]);
}

#[test]
fn an_explicit_from_overrides_the_replan_day_and_none_counts_every_visit() {
    let mut new = old_plan();
    new.routes[0].visits.remove(0);
    new.replan_from = Some(day(10));
    assert_eq!(diff(&old_plan(), &new, None).totals.stability_base, 3);
    new.replan_from = None;
    let all = diff(&old_plan(), &new, None).totals;
    assert_eq!((all.stability_base, all.stability_kept), (5, 4));
    assert_eq!(
        diff(&old_plan(), &new, Some(day(11))).totals.stability_base,
        1
    );
}

#[test]
fn json_has_the_documented_shape() {
    let mut new = old_plan();
    new.routes[2].visits[0].tasks.push("g".to_owned());
    let d = diff(&old_plan(), &new, None);
    let v = json::diff_json(&d, "old", "new");
    assert_eq!(v["format"], DIFF_FORMAT);
    assert_eq!(v["format_version"], 1);
    assert_eq!(v["unchanged"], false);
    assert_eq!(v["totals"]["visits_changed"], 1);
    assert_eq!(v["days"][0]["changed"][0]["new"]["task_ids"][1], "g");
    assert_eq!(v["days"][0]["changed"][0]["old"]["start"], "09:00");
    assert_eq!(v["added_tasks"][0]["team_id"], "T2");
    assert_eq!(v["added_tasks"][0]["date"], "2026-12-11");
}
