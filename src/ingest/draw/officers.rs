//! Provides `officers.csv`, the roster the inspectors are drawn from.

use super::{failed, field, required, tables};
use crate::diag::Diagnostic;
use crate::draw::officers::Officer;
use crate::i18n::Key;
use crate::ingest::codes;
use crate::ingest::dates::parse_day_list;
use crate::ingest::headers::{Field, map_headers};
use crate::ingest::loaded::SourceFile;
use crate::ingest::validate::ids::e1416_department;
use crate::model::Loc;
use crate::msg;
use std::collections::{HashMap, HashSet};

/// Columns of `officers.csv`. `unavailable` lists dates and ranges (`2026-12-03;2026-12-10~
/// 2026-12-12`) or weekdays; `conflicts` lists credit codes, `;`-separated.
pub const OFFICER_FIELDS: &[Field] = &[
    field(
        "officer_id",
        &["执法人员编号", "人员编号", "编号", "工号", "id"],
        true,
    ),
    field("name", &["姓名", "名称", "执法人员"], false),
    field("department", &["部门", "所属部门"], true),
    field(
        "credential",
        &[
            "执法证号",
            "执法证件号",
            "执法证编号",
            "证件号",
            "credential_number",
        ],
        false,
    ),
    field("team", &["检查组", "检查组编号", "team_id"], false),
    field(
        "unavailable",
        &["不可用日期", "请假日期", "不在岗日期", "休假日期"],
        false,
    ),
    field(
        "conflicts",
        &["回避企业", "利害关系企业", "回避", "conflict"],
        false,
    ),
];

/// Reads the roster. `firms` is the register's credit codes (upper case), for W2207.
pub fn read_officers(
    file: &SourceFile,
    firms: Option<&HashSet<String>>,
    diags: &mut Vec<Diagnostic>,
) -> Vec<Officer> {
    let mut out = Vec::new();
    let mut first: HashMap<String, Loc> = HashMap::new();
    for table in tables(file, diags) {
        let (cols, d) = map_headers(&table, OFFICER_FIELDS);
        diags.extend(d);
        let c = |name: &str| cols.get(name);
        if c("officer_id").is_none() || c("department").is_none() {
            continue;
        }
        for row in &table.rows {
            let before = diags.len();
            required(row, c("officer_id"), Key::WordOfficerId, diags);
            if !required(row, c("department"), Key::WordDepartment, diags) {
                failed(
                    e1416_department(row.text(c("department")), &row.loc_of(c("department"))),
                    diags,
                );
            }
            let unavailable = match row.get(c("unavailable")) {
                None => HashSet::new(),
                Some(cell) => match parse_day_list(&cell.text) {
                    Ok(list) => list.dates.into_iter().collect(),
                    Err(why) => {
                        diags.push(
                            Diagnostic::error(
                                codes::BAD_DATE,
                                cell.loc.clone(),
                                msg!(UnavailableDays, text = &cell.text, error = why),
                            )
                            .with_help(Key::UnavailableDaysHelp),
                        );
                        HashSet::new()
                    }
                },
            };
            if diags[before..].iter().any(Diagnostic::is_error) {
                continue;
            }
            let id = row.text(c("officer_id")).to_string();
            let id_loc = row.loc_of(c("officer_id"));
            if let Some(earlier) = first.get(&id.to_lowercase()) {
                diags.push(
                    Diagnostic::error(
                        codes::DUPLICATE_OFFICER,
                        id_loc,
                        msg!(E2205Again, id = &id, first = &earlier),
                    )
                    .with_help(Key::E2205Help),
                );
                continue;
            }
            first.insert(id.to_lowercase(), id_loc.clone());
            let credential = row.text(c("credential")).to_string();
            if credential.is_empty() {
                diags.push(
                    Diagnostic::warning(
                        codes::NO_CREDENTIAL,
                        row.loc_of(c("credential")),
                        msg!(W2206NoCredential, id = &id),
                    )
                    .with_help(Key::W2206Help),
                );
            }
            let mut conflicts = HashSet::new();
            for code in row
                .text(c("conflicts"))
                .split([';', '；', ',', '，', '、'])
                .map(str::trim)
                .filter(|s| !s.is_empty())
            {
                let code = crate::ingest::credit_code::normalize(code);
                if firms.is_some_and(|f| !f.contains(&code)) {
                    diags.push(
                        Diagnostic::warning(
                            codes::CONFLICT_UNKNOWN_FIRM,
                            row.loc_of(c("conflicts")),
                            msg!(W2207Unknown, id = &id, firm = &code),
                        )
                        .with_help(Key::W2207Help),
                    );
                }
                conflicts.insert(code);
            }
            out.push(Officer {
                id,
                name: row.text(c("name")).to_string(),
                department: row.text(c("department")).to_string(),
                credential,
                team: row.text(c("team")).to_string(),
                unavailable,
                conflicts,
            });
        }
    }
    out
}
