//! Tests of `report.html`: structure, headline figures, offline-only, and escaping of every
//! text that comes from departments' files.

mod report_fixture;

use report_fixture::*;

fn render() -> (chayici::model::Instance, chayici::model::Plan, String) {
    let inst = hostile_instance();
    let plan = hand_plan(&inst);
    let mut out = Vec::new();
    chayici::output::report::write_report_html(
        &mut out,
        &inst,
        &plan,
        &headline(&inst, &plan),
        None,
    )
    .unwrap();
    (inst, plan, String::from_utf8(out).unwrap())
}

#[test]
fn has_one_map_with_a_polyline_per_route() {
    let (inst, plan, html) = render();
    assert!(plan.routes.len() >= 4, "fixture should make several routes");
    assert_eq!(html.matches(r#"<svg id="map""#).count(), 1);
    assert_eq!(html.matches("<polyline").count(), plan.routes.len());
    assert_eq!(
        html.matches(r#"class="route flt""#).count(),
        plan.routes.len()
    );
    assert_eq!(html.matches(r#"class="stop""#).count(), plan.visit_count());
    assert_eq!(html.matches(r#"class="firm""#).count(), inst.firms.len());
    assert_eq!(
        html.matches(r#"class="base flt""#).count(),
        inst.teams.len()
    );
    assert_eq!(html.matches("<svg").count(), html.matches("</svg>").count());
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.trim_end().ends_with("</html>"));
    for town in ["城关镇", "&lt;东乡&gt;", "西乡 &amp; 北乡"] {
        assert!(html.contains(town), "{town}");
    }
}

#[test]
fn shows_the_headline_numbers() {
    let (_, plan, html) = render();
    let kpi = |key: &str, value: &str| {
        let needle = format!(r#"data-kpi="{key}"><b>{value}</b>"#);
        assert!(html.contains(&needle), "{needle}");
    };
    kpi("visits", &plan.visit_count().to_string());
    kpi("visits_naive", "4321");
    kpi("visits_lower_bound", "7");
    kpi("scheduled", &plan.scheduled_count().to_string());
    kpi("unscheduled", &plan.unscheduled.len().to_string());
    let reduction = 100.0 * (4321.0 - plan.visit_count() as f64) / 4321.0;
    kpi("reduction", &format!("{reduction:.1}%"));
    assert!(html.contains("20261201"), "seed shown");
}

#[test]
fn loads_nothing_from_the_network() {
    let (_, _, html) = render();
    // The navigation links open a map app when tapped; they load nothing with the page.
    let stripped = html
        .replace(r#"xmlns="http://www.w3.org/2000/svg""#, "")
        .replace(r#"<a class="nav nav-amap" href="https://uri.amap.com/"#, "")
        .replace(
            r#"<a class="nav nav-baidu" href="https://api.map.baidu.com/"#,
            "",
        );
    assert!(!stripped.contains("http://"), "http reference");
    assert!(!stripped.contains("https://"), "https reference");
    for tag in ["<img", "<iframe", "<link", "<script src", "@import", "url("] {
        assert!(!stripped.contains(tag), "external resource via {tag}");
    }
}

#[test]
fn escapes_every_input_text() {
    let (_, _, html) = render();
    for raw in [SCRIPT_NAME, AMP_NAME, ITEM, "一组 <b>", "<东乡>", "O'Brien"] {
        assert!(!html.contains(raw), "unescaped: {raw}");
    }
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(html.contains("A&amp;B &quot;x&quot;"));
    assert!(html.contains("O&#39;Brien"));
    assert!(html.contains("&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;"));
    // Only the page's own scripts exist: the error hook, the JSON data and the filters.
    assert_eq!(html.matches("<script").count(), 3);
    assert_eq!(html.matches("</script>").count(), 3);
}

#[test]
fn lists_unscheduled_tasks_per_department_with_reasons() {
    let (inst, plan, html) = render();
    assert!(!plan.unscheduled.is_empty());
    let section = &html[html.find(r#"id="unscheduled""#).unwrap()..];
    for u in &plan.unscheduled {
        assert!(section.contains(&inst.tasks[u.task].id));
    }
    assert!(section.contains("no_capacity") && section.contains("firm_closed"));
    let depts: std::collections::BTreeSet<_> = plan
        .unscheduled
        .iter()
        .map(|u| inst.tasks[u.task].department)
        .collect();
    assert_eq!(section.matches("<h3>").count(), depts.len());
}

#[test]
fn is_byte_identical_for_the_same_plan() {
    assert_eq!(render().2, render().2);
}

#[test]
fn renders_an_empty_plan() {
    let inst = hostile_instance();
    let plan = chayici::model::Plan::default();
    let h = chayici::output::report::ReportHeadline::from_plan(&inst, &plan, 0, 0, None);
    let mut out = Vec::new();
    chayici::output::report::write_report_html(&mut out, &inst, &plan, &h, None).unwrap();
    let html = String::from_utf8(out).unwrap();
    assert_eq!(html.matches("<polyline").count(), 0);
    assert!(html.contains(r#"data-kpi="reduction"><b>—</b>"#));
}

/// A diff of many moved tasks: the old plan is the new one with every task on the previous
/// day, so every task moved.
fn many_moves(n: usize) -> chayici::diff::PlanDiff {
    use chayici::diff::{PlanSnapshot, RouteSnap, VisitSnap};
    let visit = |i: usize| VisitSnap {
        firm: format!("F{i}"),
        firm_name: format!("<b>{i}</b>"),
        tasks: vec![format!("T{i:04}")],
        arrive: 540,
        start: 540,
        end: 600,
        depart: 600,
    };
    let route = |d: u32| RouteSnap {
        team: "G1".into(),
        date: chrono::NaiveDate::from_ymd_opt(2026, 12, d).unwrap(),
        leave_base: 500,
        return_base: 700,
        visits: (0..n).map(visit).collect(),
    };
    let old = PlanSnapshot {
        routes: vec![route(9)],
        replan_from: None,
        unscheduled: Vec::new(),
    };
    let new = PlanSnapshot {
        routes: vec![route(10)],
        replan_from: None,
        unscheduled: Vec::new(),
    };
    chayici::diff::diff(&old, &new, None)
}

#[test]
fn a_replanned_plan_shows_its_changes_linked_from_the_navigation() {
    let inst = hostile_instance();
    let plan = hand_plan(&inst);
    let render = |d: Option<&chayici::diff::PlanDiff>| {
        let mut out = Vec::new();
        chayici::output::report::write_report_html(
            &mut out,
            &inst,
            &plan,
            &headline(&inst, &plan),
            d,
        )
        .unwrap();
        String::from_utf8(out).unwrap()
    };
    let plain = render(None);
    assert!(!plain.contains(r#"id="changes""#));
    assert!(!plain.contains("#changes"));

    let shown = chayici::output::report::MOVED_TASKS_SHOWN;
    let d = many_moves(shown + 7);
    let html = render(Some(&d));
    assert_eq!(html.matches(r#"<section id="changes">"#).count(), 1);
    assert!(
        html.contains(r##"<a href="#changes">"##),
        "linked from the nav"
    );
    assert!(html.contains("自上次计划以来的变化"));
    assert!(html.contains("0.0%"), "nothing of the old plan was kept");
    let section = &html[html.find(r#"id="changes""#).unwrap()..];
    let section = &section[..section.find("</section>").unwrap()];
    assert!(section.contains("T0000"));
    assert!(section.contains("G1 2026-12-09") && section.contains("G1 2026-12-10"));
    assert_eq!(section.matches("<tr><td>T").count(), shown, "capped");
    assert!(section.contains(r#"data-more="7""#), "the rest counted");
}
