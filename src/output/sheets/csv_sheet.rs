//! Provides one team's route sheet as CSV.

use super::{
    Lang, VisitOfficers, extra_headers, headers, officers_header, officers_text, team_rows,
};
use crate::model::{Instance, Plan, TeamIndex};
use crate::output::escape_cell;
use std::io::Write;

/// The UTF-8 byte-order mark: without it Excel on a Chinese Windows reads the file as GBK
/// and shows mojibake.
const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Writes `team`'s visits as CSV (UTF-8 with BOM), one row per visit, every cell escaped
/// against formula injection.
pub fn write_team_csv<W: Write>(
    w: W,
    inst: &Instance,
    plan: &Plan,
    team: TeamIndex,
    lang: Lang,
) -> std::io::Result<()> {
    write_team_csv_with_officers(w, inst, plan, team, lang, &VisitOfficers::default())
}

/// Like [`write_team_csv`], with a column of each visit's officers after 备注 when `officers`
/// has any.
pub fn write_team_csv_with_officers<W: Write>(
    w: W,
    inst: &Instance,
    plan: &Plan,
    team: TeamIndex,
    lang: Lang,
    officers: &VisitOfficers,
) -> std::io::Result<()> {
    let mut w = w;
    w.write_all(BOM)?;
    let mut out = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(w);
    let extra = extra_headers(inst);
    let named = !officers.is_empty();
    let head = headers(lang)
        .into_iter()
        .chain(named.then(|| officers_header(lang)))
        .chain(extra.iter().map(String::as_str));
    out.write_record(head.map(|h| escape_cell(h).into_owned()))?;
    for row in team_rows(inst, plan, team, lang) {
        let cells = row.cells(inst);
        let crew = named.then(|| officers_text(inst, officers.of_row(inst, &row), lang));
        let cells = cells
            .iter()
            .map(|c| c.as_ref())
            .chain(crew.as_deref())
            .chain(row.extra_cells(inst, &extra));
        out.write_record(cells.map(|c| escape_cell(c).into_owned()))?;
    }
    out.flush()?;
    Ok(())
}
