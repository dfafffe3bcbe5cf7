//! Provides `routes.geojson`: every team-day as a line and every visit as a point, in WGS-84
//! as RFC 7946 requires, so any GIS or web map can show the month.

use super::legs::{route_legs, route_points};
use super::round3;
use crate::model::{Instance, Plan, Point, fmt_minute};
use serde_json::{Value, json};
use std::io::Write;

/// Coordinates rounded to 6 decimals (about 10 cm): finer digits only bloat the file.
fn position(p: Point) -> Value {
    let r = |x: f64| (x * 1e6).round() / 1e6;
    json!([r(p.lon), r(p.lat)])
}

/// The FeatureCollection of the plan's routes and visits.
pub fn routes_geojson(inst: &Instance, plan: &Plan) -> Value {
    let mut features = Vec::new();
    for r in &plan.routes {
        let team = &inst.teams[r.team];
        let date = inst.calendar.date(r.day).to_string();
        let legs = route_legs(inst, r);
        features.push(json!({
            "type": "Feature",
            "geometry": {
                "type": "LineString",
                "coordinates": route_points(inst, r).into_iter().map(position).collect::<Vec<_>>(),
            },
            "properties": {
                "kind": "route",
                "team_id": team.id,
                "team_name": team.name,
                "date": date,
                "visits": r.visits.len(),
                "leave_base": fmt_minute(r.leave_base),
                "return_base": fmt_minute(r.return_base),
                "travel_km": round3(legs.iter().map(|l| l.km).sum()),
                "travel_minutes": legs.iter().map(|l| l.minutes).sum::<u32>(),
            },
        }));
        for (i, v) in r.visits.iter().enumerate() {
            let firm = &inst.firms[v.firm];
            let mut depts: Vec<&str> = inst
                .departments_of(&v.tasks)
                .iter()
                .map(|d| inst.departments[d].code.as_str())
                .collect();
            depts.sort_unstable();
            let task_ids: Vec<&str> = v.tasks.iter().map(|&t| inst.tasks[t].id.as_str()).collect();
            features.push(json!({
                "type": "Feature",
                "geometry": { "type": "Point", "coordinates": position(firm.point) },
                "properties": {
                    "kind": "visit",
                    "team_id": team.id,
                    "date": date,
                    "seq": i + 1,
                    "firm_id": firm.id,
                    "firm_name": firm.name,
                    "township": firm.township,
                    "arrive": fmt_minute(v.arrive),
                    "start": fmt_minute(v.start),
                    "end": fmt_minute(v.end),
                    "depart": fmt_minute(v.depart),
                    "task_ids": task_ids,
                    "departments": depts,
                },
            }));
        }
    }
    json!({ "type": "FeatureCollection", "features": features })
}

/// Writes routes.geojson with a final newline.
pub fn write_routes_geojson<W: Write>(
    mut w: W,
    inst: &Instance,
    plan: &Plan,
) -> std::io::Result<()> {
    serde_json::to_writer(&mut w, &routes_geojson(inst, plan))?;
    w.write_all(b"\n")
}
