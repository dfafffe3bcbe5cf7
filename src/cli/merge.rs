//! Provides `chayici merge WORKSPACE`: how many visits the departments would make alone, the
//! fewest any plan can make, and where the saving lies, before planning anything.
//! Exit 0 when the bounds are reported, 1 when the workspace has errors, 2 when it cannot be
//! read or a file cannot be written.

use super::Format;
use crate::cli::Outcome;
use crate::cli::workspace::{self, Show};
use chayici::diag::printable;
use chayici::graph::{MergeGraph, MergeReport, merge_report, share_pairs, to_dot, visit_bounds};
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
        eprintln!(
            "chayici: the workspace has errors; fix them (see `chayici check {}`) and run \
             `merge` again",
            args.workspace.display()
        );
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
        Format::Text => write_text(&mut out, &report)?,
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

/// Writes the text report.
pub fn write_text(out: &mut impl Write, r: &MergeReport) -> std::io::Result<()> {
    writeln!(out, "workspace: {}", printable(&r.workspace))?;
    writeln!(
        out,
        "  tasks:              {} ({} schedulable)",
        r.tasks, r.schedulable_tasks
    )?;
    writeln!(
        out,
        "  firms:              {} ({} with schedulable tasks)",
        r.firms, r.firms_with_schedulable_tasks
    )?;
    writeln!(out, "  naive visits:       {}", r.naive_visits)?;
    if r.exact {
        writeln!(out, "  lower bound:        {} (exact)", r.lower_bound)?;
    } else {
        writeln!(
            out,
            "  lower bound:        {} (some firms too large to prove; a partition with {} \
             exists)",
            r.lower_bound, r.upper_bound
        )?;
    }
    writeln!(out, "  possible reduction: {}", percent(r.reduction))?;
    writeln!(
        out,
        "  pairs of tasks that may share a visit: {}",
        r.share_pairs
    )?;

    writeln!(out, "\nper department")?;
    writeln!(
        out,
        "  {} {:>6} {:>6} {:>6} {:>8} {:>6} {:>9}",
        pad("department", 20),
        "tasks",
        "firms",
        "naive",
        "bound",
        "joint",
        "reduction"
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
    writeln!(
        out,
        "  (bound: the visits it leads among the fewest visits, each led by the department with \
         most tasks in it; joint: firms where it joins another department)"
    )?;

    writeln!(out, "\nper township")?;
    writeln!(
        out,
        "  {} {:>6} {:>6} {:>6} {:>6} {:>9}",
        pad("township", 20),
        "tasks",
        "firms",
        "naive",
        "bound",
        "reduction"
    )?;
    for t in &r.townships {
        writeln!(
            out,
            "  {} {:>6} {:>6} {:>6} {:>6} {:>9}",
            pad(&printable(&t.township), 20),
            t.tasks,
            t.firms,
            t.naive_visits,
            t.lower_bound,
            percent(t.reduction)
        )?;
    }

    if r.unschedulable.is_empty() {
        writeln!(out, "\nevery task can be scheduled")?;
        return Ok(());
    }
    writeln!(out, "\nunschedulable tasks: {}", r.unschedulable.len())?;
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
        writeln!(
            out,
            "    … and {} more (all in --format json)",
            r.unschedulable.len() - SHOWN
        )?;
    }
    Ok(())
}
