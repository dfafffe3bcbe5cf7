//! Provides plan.json's `statistics` section (its shape is documented in the README,
//! "Reform statistics").

use crate::output::round3;
use crate::stats::{Figures, Statistics, Work};
use serde_json::{Map, Value, json};

fn figures(f: &Figures, naive: bool) -> Map<String, Value> {
    let mut m = Map::new();
    if naive {
        m.insert("naive_visits".into(), json!(f.naive_visits));
        m.insert("led_visits".into(), json!(f.led_visits));
        m.insert("visits_saved".into(), json!(f.visits_saved()));
        m.insert("reduction_percent".into(), json!(f.reduction().percent()));
    }
    m.insert("visits".into(), json!(f.visits));
    m.insert("joint_visits".into(), json!(f.joint_visits));
    m.insert("scheduled_tasks".into(), json!(f.scheduled_tasks));
    m.insert("joint_tasks".into(), json!(f.joint_tasks));
    m.insert(
        "joint_share_percent".into(),
        json!(f.joint_share().percent()),
    );
    m.insert(
        "joint_task_share_percent".into(),
        json!(f.joint_task_share().percent()),
    );
    m
}

fn work(m: &mut Map<String, Value>, w: &Work) {
    m.insert("routes".into(), json!(w.routes));
    m.insert("travel_km".into(), json!(round3(w.travel_km)));
    m.insert("travel_minutes".into(), json!(w.travel_minutes));
    m.insert("onsite_minutes".into(), json!(w.onsite_minutes));
}

fn targets_met(m: &mut Map<String, Value>, f: &Figures, s: &Statistics) {
    let (joint, reduction) = f.against(&s.targets);
    m.insert("joint_share_met".into(), json!(joint));
    m.insert("reduction_met".into(), json!(reduction));
}

/// The `statistics` section of plan.json.
pub fn statistics_json(s: &Statistics) -> Value {
    let mut overall = figures(&s.overall, true);
    targets_met(&mut overall, &s.overall, s);
    work(&mut overall, &s.work);
    let departments: Vec<Value> = s
        .departments
        .iter()
        .map(|d| {
            let mut m = figures(&d.figures, true);
            m.insert("code".into(), json!(d.code));
            m.insert("name".into(), json!(d.name));
            targets_met(&mut m, &d.figures, s);
            Value::Object(m)
        })
        .collect();
    let townships: Vec<Value> = s
        .townships
        .iter()
        .map(|t| {
            let mut m = figures(&t.figures, true);
            m.insert("township".into(), json!(t.township));
            Value::Object(m)
        })
        .collect();
    let teams: Vec<Value> = s
        .teams
        .iter()
        .map(|t| {
            let mut m = figures(&t.figures, false);
            m.insert("team_id".into(), json!(t.team_id));
            m.insert("name".into(), json!(t.name));
            work(&mut m, &t.work);
            Value::Object(m)
        })
        .collect();
    let weeks: Vec<Value> = s
        .weeks
        .iter()
        .map(|w| {
            let mut m = figures(&w.figures, false);
            m.insert("week".into(), json!(w.week.label()));
            m.insert("first_date".into(), json!(w.week.first.to_string()));
            m.insert("last_date".into(), json!(w.week.last.to_string()));
            work(&mut m, &w.work);
            Value::Object(m)
        })
        .collect();
    json!({
        "targets": {
            "joint_share": f64::from(s.targets.joint_share) / 10_000.0,
            "reduction": f64::from(s.targets.reduction) / 10_000.0,
        },
        "overall": overall,
        "departments": departments,
        "townships": townships,
        "teams": teams,
        "weeks": weeks,
    })
}
