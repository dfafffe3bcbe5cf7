//! Provides `chayici bench`: plans a suite of workspaces and prints quality and cost side by
//! side as a markdown table, and writes the same figures as JSON.
//!
//! Each workspace runs in a child process (`chayici bench --one NAME`) so that its peak
//! memory is its own: `VmHWM` only grows, and a city planned after a county would otherwise
//! report the larger of the two, or the county the leftovers of whatever ran before it.

use super::Outcome;
use anyhow::{Context, bail};
use chayici::devtools::bench::{
    InstanceSpec, Machine, Report, Row, RunParams, SolomonRow, Suite, instance, scaling, solomon,
    table, time_improvement,
};
use chayici::solve::SolveParams;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

/// Arguments of `chayici bench`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Which workspaces: `quick` (demo and county), `full` (and a city) or `scaling` (the
    /// improvement phase alone, for a thread-scaling table).
    #[arg(long, value_enum, default_value_t = SuiteArg::Quick)]
    pub suite: SuiteArg,
    /// Also write the figures to this JSON file.
    #[arg(long, value_name = "FILE.json")]
    pub out: Option<PathBuf>,
    /// Worker threads of the planner (0 = one per core).
    #[arg(long, default_value_t = 0)]
    pub threads: usize,
    /// Planner seed.
    #[arg(long, default_value_t = SolveParams::default().seed)]
    pub seed: u64,
    /// Improvement rounds for every workspace, instead of each one's default budget.
    #[arg(long)]
    pub iterations: Option<u64>,
    /// Skip the set-partitioning MILP that `chayici plan` runs after the search, to see what
    /// the search alone reaches and how long it takes (the `scaling` suite never runs it).
    #[arg(long)]
    pub no_milp: bool,
    /// Folder holding `demo-changshan/` (and `solomon/`); by default `./data`, else the
    /// source tree's. The demo is regenerated when it is not found.
    #[arg(long, value_name = "DIR")]
    pub data: Option<PathBuf>,
    /// Run one workspace (or `solomon:NAME`) in this process and print its row as JSON.
    #[arg(long, hide = true, value_name = "NAME")]
    pub one: Option<String>,
    /// With `--one`: the workspace folder, already prepared by the parent.
    #[arg(long, hide = true, requires = "one")]
    pub workspace: Option<PathBuf>,
    /// With `--one --workspace`: how the table names the workspace's origin.
    #[arg(long, hide = true, requires = "workspace")]
    pub source: Option<String>,
}

/// The `--suite` values: [`Suite`]'s, spelled for the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum SuiteArg {
    /// The demo county, a generated county and three Solomon instances: about a minute at the
    /// default budget on 2 cores.
    Quick,
    /// Also a generated city of about 25,000 tasks and the long-horizon Solomon instances.
    Full,
    /// Only the improvement phase on the generated county, at a fixed round budget: run it
    /// once per `--threads` value to fill the thread-scaling table.
    Scaling,
}

impl From<SuiteArg> for Suite {
    fn from(s: SuiteArg) -> Self {
        match s {
            SuiteArg::Quick => Self::Quick,
            SuiteArg::Full => Self::Full,
            SuiteArg::Scaling => Self::Scaling,
        }
    }
}

impl Args {
    fn params(&self, default_iterations: u64) -> RunParams {
        RunParams {
            seed: self.seed,
            iterations: self.iterations.unwrap_or(default_iterations),
            threads: self.threads,
            milp: !self.no_milp,
        }
    }
}

/// Runs the subcommand.
pub fn run(args: &Args) -> anyhow::Result<Outcome> {
    if let Some(name) = &args.one {
        return run_one(args, name);
    }
    let suite = Suite::from(args.suite);
    let data = instance::data_dir(args.data.as_deref());
    let scratch = tempfile::Builder::new()
        .prefix("chayici-bench-")
        .tempdir()
        .context("cannot create a scratch folder")?;
    let mut report = Report {
        chayici_version: super::version_string().to_string(),
        date: String::new(),
        suite: suite.as_str().to_string(),
        machine: Machine::this(),
        rows: Vec::new(),
        solomon: Vec::new(),
        scaling: Vec::new(),
    };
    let mut failed = 0;
    if suite == Suite::Scaling {
        report.scaling.push(scaling_row(args, scratch.path())?);
    }
    let specs = suite.workspaces();
    let total = specs.len() + suite.solomon().len();
    for (i, spec) in specs.iter().enumerate() {
        eprint!("bench [{}/{total}] {} … ", i + 1, spec.name);
        match child_row(args, spec, data.as_deref(), scratch.path()) {
            Ok(r) => {
                eprintln!(
                    "{} tasks, {} visits (bound {}), {:.2} s{}, {} MB, {}",
                    r.tasks,
                    r.visits,
                    r.lower_bound,
                    r.seconds,
                    milp_note(&r),
                    r.peak_memory_mb.map_or("n/a".into(), |m| format!("{m:.0}")),
                    if r.verified {
                        "verified"
                    } else {
                        "FAILED verify"
                    }
                );
                report.rows.push(r);
            }
            Err(e) => {
                eprintln!("failed: {e:#}");
                failed += 1;
            }
        }
    }
    for (i, name) in suite.solomon().iter().enumerate() {
        eprint!("bench [{}/{total}] {name} … ", specs.len() + i + 1);
        match solomon_child(args, name, data.as_deref()) {
            Ok(r) => {
                eprintln!(
                    "{} vehicles (best known {}), distance {:.2}, {:.2} s, {}",
                    r.vehicles,
                    r.bks_vehicles.map_or("?".into(), |v| v.to_string()),
                    r.distance,
                    r.seconds,
                    if r.feasible { "feasible" } else { "INFEASIBLE" }
                );
                report.solomon.push(r);
            }
            Err(e) => {
                eprintln!("failed: {e:#}");
                failed += 1;
            }
        }
    }
    report.date = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    let mut w = std::io::stdout().lock();
    write!(w, "{}", table::render(&report))?;
    if let Some(out) = &args.out {
        let json = serde_json::to_string_pretty(&report)?;
        std::fs::write(out, json + "\n")
            .with_context(|| format!("cannot write {}", out.display()))?;
    }
    let broken =
        report.rows.iter().any(|r| !r.verified) || report.solomon.iter().any(|r| !r.feasible);
    Ok(if failed > 0 {
        Outcome::Failed
    } else if broken {
        Outcome::Invalid
    } else {
        Outcome::Done
    })
}

/// The MILP's share of a progress line, e.g. ` (MILP 0.41 s, gap 1.20 %)`; empty when it
/// did not run.
fn milp_note(r: &Row) -> String {
    match &r.milp {
        Some(m) => {
            let gap = m
                .gap_percent
                .map_or("gap n/a".into(), |g| format!("gap {g:.2} %"));
            format!(" (MILP {:.2} s, {gap})", m.seconds)
        }
        None => String::new(),
    }
}

/// `--one NAME`: measures one workspace here and prints its row as JSON on stdout.
fn run_one(args: &Args, name: &str) -> anyhow::Result<Outcome> {
    let json = if let Some(solomon_name) = name.strip_prefix("solomon:") {
        let data = instance::data_dir(args.data.as_deref())
            .context("no data folder holding solomon/ (give --data)")?;
        let params = args.params(SolveParams::default().iterations);
        let row = solomon::run_solomon(solomon_name, &data, &params)?;
        serde_json::to_string(&row)?
    } else {
        let spec = InstanceSpec::named(name).with_context(|| format!("no workspace `{name}`"))?;
        let scratch = tempfile::tempdir().context("cannot create a scratch folder")?;
        let prepared = match &args.workspace {
            Some(dir) => chayici::devtools::bench::Prepared {
                dir: dir.clone(),
                source: args
                    .source
                    .clone()
                    .unwrap_or_else(|| dir.display().to_string()),
            },
            None => spec.prepare(
                instance::data_dir(args.data.as_deref()).as_deref(),
                scratch.path(),
            )?,
        };
        let params = args.params(spec.default_iterations);
        let row = chayici::devtools::bench::run_instance(
            spec.name,
            &prepared.source,
            &prepared.dir,
            &params,
        )?;
        serde_json::to_string(&row)?
    };
    println!("{json}");
    Ok(Outcome::Done)
}

/// Prepares `spec` and measures it in a child process.
fn child_row(
    args: &Args,
    spec: &InstanceSpec,
    data: Option<&Path>,
    scratch: &Path,
) -> anyhow::Result<Row> {
    let prepared = spec.prepare(data, scratch)?;
    let mut cmd = child(args, spec.name);
    cmd.arg("--workspace")
        .arg(&prepared.dir)
        .arg("--source")
        .arg(&prepared.source);
    run_child(cmd)
}

fn solomon_child(args: &Args, name: &str, data: Option<&Path>) -> anyhow::Result<SolomonRow> {
    let mut cmd = child(args, &format!("solomon:{name}"));
    if let Some(d) = data {
        cmd.arg("--data").arg(d);
    }
    run_child(cmd)
}

/// `chayici bench --one NAME` with this run's seed, threads, budget and MILP setting.
fn child(args: &Args, name: &str) -> Command {
    let exe = std::env::current_exe().unwrap_or_else(|_| PathBuf::from("chayici"));
    let mut cmd = Command::new(exe);
    cmd.args(["bench", "--one", name])
        .args(["--seed", &args.seed.to_string()])
        .args(["--threads", &args.threads.to_string()]);
    if let Some(n) = args.iterations {
        cmd.args(["--iterations", &n.to_string()]);
    }
    if args.no_milp {
        cmd.arg("--no-milp");
    }
    cmd
}

/// Runs a child and reads the JSON row it prints last.
fn run_child<T: serde::de::DeserializeOwned>(mut cmd: Command) -> anyhow::Result<T> {
    let out = cmd
        .output()
        .context("cannot start the bench child process")?;
    let stdout = String::from_utf8_lossy(&out.stdout);
    if !out.status.success() {
        let stderr = String::from_utf8_lossy(&out.stderr);
        let tail: Vec<&str> = stderr.lines().rev().take(5).collect();
        let tail: Vec<&str> = tail.into_iter().rev().collect();
        bail!("child exited with {}: {}", out.status, tail.join(" / "));
    }
    let last = stdout.lines().last().unwrap_or_default();
    serde_json::from_str(last).with_context(|| format!("unreadable child output `{last}`"))
}

/// The `scaling` suite: the improvement phase of the generated county, in this process.
fn scaling_row(
    args: &Args,
    scratch: &Path,
) -> anyhow::Result<chayici::devtools::bench::ScalingRow> {
    let spec = instance::COUNTY;
    let prepared = spec.prepare(None, scratch)?;
    let loaded = super::workspace::read(&prepared.dir)?;
    let Some(inst) = loaded.instance.filter(|_| loaded.summary.errors == 0) else {
        bail!("{} has errors", spec.name);
    };
    let params = args.params(scaling::DEFAULT_ITERATIONS);
    eprint!(
        "bench scaling: {} rounds on {} with {} thread(s) … ",
        params.iterations,
        spec.name,
        params.effective_threads()
    );
    let started = Instant::now();
    let row = time_improvement(spec.name, &inst, &params);
    eprintln!("{:.2} s", started.elapsed().as_secs_f64());
    Ok(row)
}
