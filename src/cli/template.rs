//! Provides `chayici template WORKSPACE --department CODE --out FILE.xlsx`: the workbook a
//! department's clerk fills in for the month, with the register's firms to pick from.
//! Exit 0 when it is written, 1 when the workspace has errors or does not know the
//! department, 2 when the workspace cannot be read or the file cannot be written.

use crate::cli::workspace::{self, Show};
use crate::cli::{Outcome, lang};
use chayici::diag::printable;
use chayici::msg;
use chayici::output::plan_template::plan_template;
use chayici::output::write_atomically;
use std::io::Write;
use std::path::PathBuf;

/// Arguments of `chayici template`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The workspace folder (chayici.toml, firms.csv, teams.csv, plans/).
    pub workspace: PathBuf,
    /// The department the plan is for: its code or name, as departments.csv or the plans
    /// give it.
    #[arg(long, value_name = "CODE")]
    pub department: String,
    /// Where to write the workbook (.xlsx).
    #[arg(long, value_name = "FILE.xlsx")]
    pub out: PathBuf,
}

/// Runs the subcommand.
pub fn run(args: &Args) -> anyhow::Result<Outcome> {
    let Some(ws) = workspace::load(&args.workspace, Show::CheckReport)? else {
        let m = msg!(
            TemplateWorkspaceErrors,
            workspace = args.workspace.display()
        );
        eprintln!("chayici: {}", m.render(lang()));
        return Ok(Outcome::Invalid);
    };
    let inst = &ws.instance;
    let wanted = args.department.trim().to_lowercase();
    let Some(dept) = inst
        .departments
        .iter()
        .position(|d| d.code.to_lowercase() == wanted || d.name.to_lowercase() == wanted)
    else {
        let known: Vec<String> = inst
            .departments
            .iter()
            .map(|d| format!("{} ({})", printable(&d.code), printable(&d.name)))
            .collect();
        let m = msg!(
            TemplateUnknownDepartment,
            department = printable(&args.department),
            known = known.join(", ")
        );
        eprintln!("chayici: {}", m.render(lang()));
        return Ok(Outcome::Invalid);
    };
    let bytes = plan_template(inst, dept)?;
    write_atomically(&args.out, |w| Ok(w.write_all(&bytes)?))?;
    let code = &inst.departments[dept].code;
    let m = msg!(
        TemplateWritten,
        path = args.out.display(),
        code = printable(code),
        count = inst.firms.len()
    );
    println!("{}", m.render(lang()));
    Ok(Outcome::Done)
}
