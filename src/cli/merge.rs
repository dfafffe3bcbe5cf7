//! Provides `chayici merge WORKSPACE`: how many visits the departments would make alone, the
//! fewest any plan can make, and where the saving lies, before planning anything.
//! Exit 0 when the bounds are reported, 1 when the workspace has errors, 2 when it cannot be
//! read or a file cannot be written.

use super::Format;
use crate::cli::Outcome;
use crate::cli::workspace::{self, Show};
use chayici::diag::printable;
use chayici::graph::{MergeGraph, MergeReport, merge_report, share_pairs, to_dot, visit_bounds};
use chayici::i18n::{Key, Lang, Msg};
use chayici::msg;
use chayici::output::write_atomically;
use std::io::Write;
use std::path::PathBuf;

/// Arguments of `chayici merge`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The workspace folder (chayici.toml, firms.csv, teams.csv, plans/).
    pub workspace: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Also write the merge graph (firms, tasks, departments, teams) in Graphviz DOT here.
    #[arg(long, value_name = "FILE")]
    pub dot: Option<PathBuf>,
}

/// Runs the subcommand.
pub fn run(args: &Args) -> anyhow::Result<Outcome> {
    let Some(ws) = workspace::load(&args.workspace, Show::CheckReport)? else {
        let m = msg!(
            WorkspaceErrorsRunAgain,
            workspace = args.workspace.display(),
            command = "merge"
        );
        eprintln!("chayici: {}", m.render(super::lang()));
        return Ok(Outcome::Invalid);
    };
    let inst = &ws.instance;
    let bounds = visit_bounds(inst);
    let report = merge_report(inst, &bounds, share_pairs(inst).len());
    if let Some(path) = &args.dot {
        let dot = to_dot(inst, &MergeGraph::build(inst));
        write_atomically(path, |w| Ok(w.write_all(dot.as_bytes())?))?;
    }
    let mut out = std::io::stdout().lock();
    match args.format {
        Format::Text => write_text(&mut out, &report, super::lang())?,
        Format::Json => {
            serde_json::to_writer_pretty(&mut out, &report)?;
            writeln!(out)?;
        }
    }
    out.flush()?;
    Ok(Outcome::Done)
}

/// Pads `s` to `width` terminal columns: Chinese names take two columns a character, which
/// `format!`'s padding (counting characters) would misalign.
fn pad(s: &str, width: usize) -> String {
    let w = unicode_width::UnicodeWidthStr::width(s);
    format!("{s}{}", " ".repeat(width.saturating_sub(w)))
}

fn percent(x: f64) -> String {
    format!("{:.1}%", x * 100.0)
}

/// Right-aligns `s` in `width` terminal columns, as `{:>width}` does for ASCII.
fn rpad(s: &str, width: usize) -> String {
    let w = unicode_width::UnicodeWidthStr::width(s);
    format!("{}{s}", " ".repeat(width.saturating_sub(w)))
}

/// Writes the text report in `lang`.
pub fn write_text(out: &mut impl Write, r: &MergeReport, lang: Lang) -> std::io::Result<()> {
    let t = |k: Key| lang.text(k);
    let line = |label: Key, value: Msg| format!("  {}{}", pad(t(label), 20), value.render(lang));
    writeln!(
        out,
        "{}",
        msg!(MergeWorkspace, name = printable(&r.workspace)).render(lang)
    )?;
    let tasks = msg!(
        MergeTasks,
        tasks = r.tasks,
        schedulable = r.schedulable_tasks
    );
    writeln!(out, "{}", line(Key::MergeLabelTasks, tasks))?;
    let firms = msg!(
        MergeFirms,
        firms = r.firms,
        schedulable = r.firms_with_schedulable_tasks
    );
    writeln!(out, "{}", line(Key::MergeLabelFirms, firms))?;
    let naive = msg!(MergeNaive, visits = r.naive_visits);
    writeln!(out, "{}", line(Key::MergeLabelNaive, naive))?;
    let bound = if r.exact {
        msg!(MergeBoundExact, visits = r.lower_bound)
    } else {
        msg!(
            MergeBoundPartial,
            visits = r.lower_bound,
            upper = r.upper_bound
        )
    };
    writeln!(out, "{}", line(Key::MergeLabelBound, bound))?;
    writeln!(
        out,
        "  {}{}",
        pad(t(Key::MergeLabelReduction), 20),
        percent(r.reduction)
    )?;
    writeln!(
        out,
        "  {}",
        msg!(MergeSharePairs, pairs = r.share_pairs).render(lang)
    )?;

    writeln!(out, "\n{}", t(Key::MergePerDepartment))?;
    writeln!(
        out,
        "  {} {} {} {} {} {} {}",
        pad(t(Key::MergeColDepartment), 20),
        rpad(t(Key::MergeColTasks), 6),
        rpad(t(Key::MergeColFirms), 6),
        rpad(t(Key::MergeColNaive), 6),
        rpad(t(Key::MergeColBound), 8),
        rpad(t(Key::MergeColJoint), 6),
        rpad(t(Key::MergeColReduction), 9)
    )?;
    for d in &r.departments {
        let name = if d.name != d.code {
            format!("{} {}", d.code, d.name)
        } else {
            d.code.clone()
        };
        writeln!(
            out,
            "  {} {:>6} {:>6} {:>6} {:>8} {:>6} {:>9}",
            pad(&printable(&name), 20),
            d.tasks,
            d.firms,
            d.naive_visits,
            d.bound_led_visits,
            d.joint_firms,
            percent(d.reduction)
        )?;
    }
    writeln!(out, "  {}", t(Key::MergeDepartmentNote))?;

    writeln!(out, "\n{}", t(Key::MergePerTownship))?;
    writeln!(
        out,
        "  {} {} {} {} {} {}",
        pad(t(Key::MergeColTownship), 20),
        rpad(t(Key::MergeColTasks), 6),
        rpad(t(Key::MergeColFirms), 6),
        rpad(t(Key::MergeColNaive), 6),
        rpad(t(Key::MergeColBound), 6),
        rpad(t(Key::MergeColReduction), 9)
    )?;
    for tw in &r.townships {
        writeln!(
            out,
            "  {} {:>6} {:>6} {:>6} {:>6} {:>9}",
            pad(&printable(&tw.township), 20),
            tw.tasks,
            tw.firms,
            tw.naive_visits,
            tw.lower_bound,
            percent(tw.reduction)
        )?;
    }

    if r.unschedulable.is_empty() {
        writeln!(out, "\n{}", t(Key::MergeAllSchedulable))?;
        return Ok(());
    }
    writeln!(
        out,
        "\n{}",
        msg!(MergeUnschedulable, tasks = r.unschedulable.len()).render(lang)
    )?;
    for c in &r.unschedulable_by_reason {
        writeln!(out, "  {:<28} {:>6}", c.reason.code(), c.tasks)?;
    }
    const SHOWN: usize = 20;
    for u in r.unschedulable.iter().take(SHOWN) {
        writeln!(
            out,
            "    {}  {}  {}  {}",
            printable(&u.task_id),
            printable(&u.department),
            printable(&u.firm_id),
            u.reason
        )?;
    }
    if r.unschedulable.len() > SHOWN {
        let more = msg!(MergeMore, more = r.unschedulable.len() - SHOWN);
        writeln!(out, "    {}", more.render(lang))?;
    }
    Ok(())
}
