//! Provides `chayici advise WORKSPACE [PLAN_DIR]`: the smallest changes to the departments'
//! plans, the teams or the firms' hours that would save door-knocks, each checked by planning
//! the changed workspace, and with `--out` a letter per department.
//! Exit 0 when the advice is given, 1 when the workspace or the plan does not fit, 2 when a
//! file cannot be read or written.

use super::Format;
use crate::cli::Outcome;
use crate::cli::workspace::{self, Show};
use anyhow::Context;
use chayici::advise::{
    AdviceJson, advice_json, advise, letter_html, letter_xlsx, letters_for, plan_for_what_if,
    what_if,
};
use chayici::i18n::{Key, Lang};
use chayici::msg;
use chayici::output::sheets::file_stems;
use chayici::output::{PLAN_JSON, read_plan_json, write_atomically};
use chayici::solve::SolveParams;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use serde::Serialize;
use std::io::{IsTerminal, Write};
use std::path::PathBuf;

/// Arguments of `chayici advise`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The workspace folder.
    pub workspace: PathBuf,
    /// A plan of it (a `plan --out` folder): the advice then says how many visits each firm
    /// gets in it now.
    pub plan_dir: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Also write advice.json and letters/<department>.html and .xlsx here.
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// Most pieces of advice listed.
    #[arg(long, default_value_t = 20)]
    pub limit: usize,
    /// Check this many of the best by planning the changed workspace (0: bounds only).
    #[arg(long, default_value_t = 3)]
    pub check: usize,
    /// Iterations of each what-if plan; the same for the plan without the change.
    #[arg(long, default_value_t = 1000)]
    pub iterations: u64,
    /// Seed of the what-if plans.
    #[arg(long, default_value_t = SolveParams::default().seed)]
    pub seed: u64,
    /// Print no progress bar.
    #[arg(long, short)]
    pub quiet: bool,
}

#[derive(Serialize)]
struct AdviceDoc<'a> {
    workspace: &'a str,
    visits_lower_bound: usize,
    visits_naive: usize,
    what_if_seed: u64,
    what_if_iterations: u64,
    advice: &'a [AdviceJson],
}

/// Runs the subcommand.
pub fn run(args: &Args) -> anyhow::Result<Outcome> {
    let Some(ws) = workspace::load(&args.workspace, Show::CheckReport)? else {
        let m = msg!(
            WorkspaceErrorsRunAgain,
            workspace = args.workspace.display(),
            command = "advise"
        );
        eprintln!("chayici: {}", m.render(super::lang()));
        return Ok(Outcome::Invalid);
    };
    let inst = &ws.instance;
    let plan = match &args.plan_dir {
        Some(dir) => {
            let path = dir.join(PLAN_JSON);
            let text = std::fs::read_to_string(&path)
                .with_context(|| format!("cannot read {}", path.display()))?;
            match read_plan_json(&text, inst) {
                Ok(p) => Some(p),
                Err(e) => {
                    eprintln!("{}: error: {e}", path.display());
                    let help = super::lang().text(Key::AdvisePlanHelp);
                    eprintln!("  help: {help}");
                    return Ok(Outcome::Invalid);
                }
            }
        }
        None => None,
    };
    let bounds = chayici::graph::visit_bounds(inst);
    let mut list = advise(inst, &bounds);
    list.truncate(args.limit);
    let checks = args.check.min(list.len());
    if checks > 0 {
        let bar = progress(args.quiet, checks as u64 + 1);
        let params = SolveParams {
            seed: args.seed,
            iterations: args.iterations,
            ..SolveParams::default()
        };
        bar.set_message(super::lang().text(Key::ProgAdviseBase));
        let baseline = plan_for_what_if(inst, &params);
        bar.inc(1);
        for (i, a) in list.iter_mut().take(checks).enumerate() {
            let label = msg!(
                ProgAdviseWhatIf,
                i = i + 1,
                n = checks,
                change = a.change.kind()
            );
            bar.set_message(label.render(super::lang()));
            a.what_if = Some(what_if(inst, a, &params, &baseline));
            bar.inc(1);
        }
        bar.finish_and_clear();
    }
    let json = advice_json(inst, &list, plan.as_ref());
    let doc = AdviceDoc {
        workspace: &inst.name,
        visits_lower_bound: bounds.lower_bound,
        visits_naive: bounds.naive,
        what_if_seed: args.seed,
        what_if_iterations: args.iterations,
        advice: &json,
    };
    let mut out = std::io::stdout().lock();
    match args.format {
        Format::Json => {
            serde_json::to_writer_pretty(&mut out, &doc)?;
            writeln!(out)?;
        }
        Format::Text => write_text(&mut out, &doc, super::lang())?,
    }
    if let Some(dir) = &args.out {
        let letters = dir.join("letters");
        std::fs::create_dir_all(&letters)
            .with_context(|| format!("cannot create {}", letters.display()))?;
        write_atomically(&dir.join("advice.json"), |w| {
            serde_json::to_writer_pretty(&mut *w, &doc)?;
            Ok(writeln!(w)?)
        })?;
        let by_dept = letters_for(inst, &json);
        let codes: Vec<&str> = by_dept
            .iter()
            .map(|(d, _)| inst.departments[*d].code.as_str())
            .collect();
        for ((d, items), stem) in by_dept.iter().zip(file_stems(&codes)) {
            let html = letter_html(inst, *d, items);
            write_atomically(&letters.join(format!("{stem}.html")), |w| {
                Ok(w.write_all(html.as_bytes())?)
            })?;
            write_atomically(&letters.join(format!("{stem}.xlsx")), |w| {
                Ok(letter_xlsx(w, inst, *d, items)?)
            })?;
        }
    }
    Ok(Outcome::Done)
}

fn progress(quiet: bool, len: u64) -> ProgressBar {
    if quiet || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(Some(len), ProgressDrawTarget::stderr());
    if let Ok(style) =
        ProgressStyle::with_template("{spinner} [{elapsed_precise}] {pos}/{len} {msg}")
    {
        bar.set_style(style);
    }
    bar.enable_steady_tick(std::time::Duration::from_millis(200));
    bar
}

fn write_text<W: Write>(w: &mut W, doc: &AdviceDoc, lang: Lang) -> std::io::Result<()> {
    let header = msg!(
        AdviseHeader,
        workspace = doc.workspace,
        lower = doc.visits_lower_bound,
        naive = doc.visits_naive
    );
    writeln!(w, "{}", header.render(lang))?;
    if doc.advice.is_empty() {
        return writeln!(w, "  {}", lang.text(Key::AdviseNone));
    }
    for a in doc.advice {
        let actual = a.what_if.map_or(String::new(), |x| {
            msg!(
                AdvisePlanned,
                before = x.visits_before,
                after = x.visits_after,
                saved = x.visits_saved,
                verified = if x.verified {
                    Key::AdviseVerified
                } else {
                    Key::AdviseNotVerified
                }
            )
            .render(lang)
        });
        let saves = msg!(AdviseSaves, visits = a.visits_saved_predicted).render(lang);
        write!(
            w,
            "{:>3}. [{}] {saves}{actual}\n     {}\n",
            a.rank, a.kind, a.text_zh
        )?;
        // The Chinese text is the letters' own; English readers get both.
        if lang == Lang::En {
            writeln!(w, "     {}", a.text_en)?;
        }
    }
    Ok(())
}
