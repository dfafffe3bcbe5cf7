//! Provides the files of the inspectors' draw, written into the plan folder: `officers.csv`
//! (a row per officer at a visit) and `officers.json` (the seed, the hashes of the roster and
//! the plan, every visit's officers or why it has too few, and each officer's load).

use super::InputHash;
use crate::draw::officers::{Officer, Staffing, VisitSlot};
use crate::i18n::Lang;
use crate::output::csv_files::escape_cell;
use crate::output::sheets::{Crew, NamedOfficer, VisitOfficers};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The roster draw's CSV, in the plan folder.
pub const OFFICERS_CSV: &str = "officers.csv";
/// Its record.
pub const OFFICERS_JSON: &str = "officers.json";

/// One department's officers at one visit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffingRecord {
    /// Team.
    pub team_id: String,
    /// Day.
    pub date: String,
    /// Position in the team's route that day.
    pub seq: usize,
    /// Firm.
    pub firm_id: String,
    /// Department.
    pub department: String,
    /// Officer ids drawn.
    pub officers: Vec<String>,
    /// Why fewer than two.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub unstaffed: Option<String>,
}

/// `officers.json`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OfficersRecord {
    /// `chayici-officers/1`.
    pub format: String,
    /// The seed.
    pub seed: String,
    /// officers.csv of the workspace and plan.json of the plan folder.
    pub inputs: Vec<InputHash>,
    /// Every visit and department.
    pub staffing: Vec<StaffingRecord>,
    /// Visits per officer drawn.
    pub load: BTreeMap<String, usize>,
}

/// Builds both files: (name, bytes), the CSV first.
pub fn officer_files(
    seed: &str,
    inputs: Vec<InputHash>,
    roster: &[Officer],
    visits: &[VisitSlot],
    names: &BTreeMap<String, String>,
    staffing: &[Staffing],
) -> anyhow::Result<Vec<(String, Vec<u8>)>> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record([
        "team_id",
        "date",
        "seq",
        "firm_id",
        "firm_name",
        "department",
        "officer_id",
        "name",
        "credential",
    ])?;
    let mut records = Vec::new();
    let mut load: BTreeMap<String, usize> = BTreeMap::new();
    for s in staffing {
        let v = &visits[s.visit];
        for &o in &s.officers {
            let of = &roster[o];
            *load.entry(of.id.clone()).or_default() += 1;
            let row = [
                v.team.clone(),
                v.date.to_string(),
                v.seq.to_string(),
                v.firm.clone(),
                names.get(&v.firm).cloned().unwrap_or_default(),
                s.department.clone(),
                of.id.clone(),
                of.name.clone(),
                of.credential.clone(),
            ];
            w.write_record(row.iter().map(|c| escape_cell(c).into_owned()))?;
        }
        records.push(StaffingRecord {
            team_id: v.team.clone(),
            date: v.date.to_string(),
            seq: v.seq,
            firm_id: v.firm.clone(),
            department: s.department.clone(),
            officers: s.officers.iter().map(|&o| roster[o].id.clone()).collect(),
            // In English whatever the language of the run: the file is the record a replay
            // compares byte for byte.
            unstaffed: s.unstaffed.as_ref().map(|u| u.msg().raw(Lang::En)),
        });
    }
    let record = OfficersRecord {
        format: "chayici-officers/1".into(),
        seed: seed.to_string(),
        inputs,
        staffing: records,
        load,
    };
    let mut json = serde_json::to_vec_pretty(&record)?;
    json.push(b'\n');
    Ok(vec![
        (OFFICERS_CSV.to_string(), w.into_inner()?),
        (OFFICERS_JSON.to_string(), json),
    ])
}

/// The officers of every visit as the route sheets, day sheets and calendars name them: the
/// record's staffing, each officer's name and credential number from `roster` (an officer no
/// longer on it is named by id, without a credential).
pub fn visit_officers(record: &OfficersRecord, roster: &[Officer]) -> VisitOfficers {
    let by_id: BTreeMap<&str, &Officer> = roster.iter().map(|o| (o.id.as_str(), o)).collect();
    let mut out = VisitOfficers::default();
    for s in &record.staffing {
        let Ok(date) = s.date.parse::<NaiveDate>() else {
            continue;
        };
        let officers = s
            .officers
            .iter()
            .map(|id| match by_id.get(id.as_str()) {
                Some(o) => NamedOfficer {
                    name: o.name.clone(),
                    credential: o.credential.clone(),
                },
                None => NamedOfficer {
                    name: id.clone(),
                    credential: String::new(),
                },
            })
            .collect();
        out.insert(
            &s.team_id,
            date,
            s.seq,
            &s.firm_id,
            Crew {
                department: s.department.clone(),
                officers,
                short: s.unstaffed.is_some(),
            },
        );
    }
    out
}
