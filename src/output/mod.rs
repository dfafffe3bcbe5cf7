//! Provides the plan's files: plan.json (and its reader), routes.csv, unscheduled.csv,
//! routes.geojson, the teams' route sheets and calendars, the HTML report, the terminal
//! summary, and the all-or-nothing write of the plan folder.
//!
//! Writers take any [`std::io::Write`]; only [`write_plan_files`], [`write_out_dir`],
//! [`write_atomically`] and the report's file writers touch paths, so tests write to memory and the CLI decides where
//! files go.

mod atomic;
pub mod calendar_ics;
mod csv_files;
pub mod draw;
mod explanations_csv;
mod geojson;
mod legs;
mod location;
mod manifest;
mod out_dir;
mod plan_json;
mod plan_read;
pub mod plan_template;
pub mod report;
pub mod rollup;
pub mod sheets;
pub mod statistics;
mod summary;

pub use atomic::write_atomically;
pub use csv_files::{
    ROUTES_HEADER, UNSCHEDULED_HEADER, escape_cell, write_routes_csv, write_unscheduled_csv,
};
pub use explanations_csv::{EXPLANATIONS_HEADER, write_explanations_csv};
pub use geojson::{routes_geojson, write_routes_geojson};
pub use legs::{Leg, route_legs, route_places, route_points};
pub use location::{county, firm_location};
pub use manifest::{MANIFEST_NAME, Manifest};
pub use out_dir::{
    OutDirError, check_out_dir, holds_previous_plan, remove_staging_on_interrupt, write_out_dir,
};
pub use plan_json::{
    Bounds, FreedTask, InputFile, MilpMeta, PLAN_FORMAT, PLAN_FORMAT_VERSION, Parameters,
    PhaseTiming, PlanMeta, ReplanMeta, RouteJson, Timing, UnscheduledJson, VisitJson,
    reduction_percent, route_json, workspace_ref, write_plan_json, write_run_json,
};
pub use plan_read::{
    PlanDocInfo, PlanReadError, PlanRecord, read_plan_json, read_plan_json_with_info,
    read_plan_snapshot,
};
pub use summary::{
    write_milp_summary, write_statistics_summary, write_summary, write_team_days_summary,
};

use crate::model::{Instance, Plan};
use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::Path;

/// Name of the plan file inside a plan folder.
pub const PLAN_JSON: &str = "plan.json";

/// Name of the explanations file inside a plan folder.
pub const EXPLANATIONS_CSV: &str = "explanations.csv";

pub use crate::model::round3;

fn create(dir: &Path, name: &str) -> io::Result<BufWriter<File>> {
    Ok(BufWriter::new(File::create(dir.join(name))?))
}

fn finish(w: BufWriter<File>) -> io::Result<()> {
    w.into_inner()
        .map_err(io::IntoInnerError::into_error)?
        .sync_all()
}

/// Reads the plan in folder `dir` as published, by ids: what `diff` compares, a replan
/// starts from and `verify` checks a replan's fixed visits against.
pub fn read_plan_folder(dir: &Path) -> anyhow::Result<crate::model::PlanSnapshot> {
    use anyhow::Context;
    let path = dir.join(PLAN_JSON);
    let text = std::fs::read_to_string(&path).with_context(|| {
        format!(
            "cannot read {} (is {} a plan folder written by `chayici plan`?)",
            path.display(),
            dir.display()
        )
    })?;
    read_plan_snapshot(&text).with_context(|| format!("cannot read {}", path.display()))
}

/// Writes the machine-readable files of a plan into `dir` (an existing, empty folder):
/// plan.json, run.json, routes.csv, unscheduled.csv, explanations.csv and routes.geojson. Use it inside
/// [`write_out_dir`], next to [`report::write_people_outputs`].
pub fn write_plan_files(
    dir: &Path,
    inst: &Instance,
    plan: &Plan,
    meta: &PlanMeta,
    lang: crate::i18n::Lang,
) -> io::Result<()> {
    let mut w = create(dir, PLAN_JSON)?;
    write_plan_json(&mut w, inst, plan, meta)?;
    finish(w)?;
    let mut w = create(dir, "run.json")?;
    write_run_json(&mut w, &meta.timing)?;
    finish(w)?;
    let mut w = create(dir, "routes.csv")?;
    write_routes_csv(&mut w, inst, plan)?;
    finish(w)?;
    let mut w = create(dir, "unscheduled.csv")?;
    write_unscheduled_csv(&mut w, inst, plan, lang)?;
    finish(w)?;
    let mut w = create(dir, EXPLANATIONS_CSV)?;
    write_explanations_csv(&mut w, &crate::explain::explain_plan(inst, plan))?;
    finish(w)?;
    let mut w = create(dir, "routes.geojson")?;
    write_routes_geojson(&mut w, inst, plan)?;
    w.flush()?;
    finish(w)
}
