//! Provides `chayici bench`: plans a suite of workspaces and prints quality and cost side by
//! side as a markdown table, and writes the same figures as JSON.
//!
//! Each workspace runs in a child process (`chayici bench --one NAME`) so that its peak
//! memory is its own: `VmHWM` only grows, and a city planned after a county would otherwise
//! report the larger of the two, or the county the leftovers of whatever ran before it.

use super::Outcome;
use anyhow::{Context, bail};
use chayici::devtools::bench::{
    InstanceSpec, Machine, PeerClassicRow, PeerRow, Report, Row, RunParams, SolomonRow, Suite,
    instance, peers, scaling, solomon, table, time_improvement,
};
use chayici::solve::SolveParams;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

/// Arguments of `chayici bench`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Which workspaces: `quick` (demo and county), `full` (and a city), `scaling` (the
    /// improvement phase alone, for a thread-scaling table), or a Gehring & Homberger set
    /// (`homberger-200`, `homberger-1000`).
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
    /// Classic instances only: stop each after this many seconds instead of a round budget
    /// (not reproducible); the 1000-customer set is meant to run this way.
    #[arg(long, value_name = "SECONDS", value_parser = super::parse_seconds)]
    pub time_limit: Option<f64>,
    /// Folder of the Gehring & Homberger instances and their `bks.csv`; by default
    /// `DATA/gehring_homberger`, else `../shared/benchmarks/gehring_homberger`.
    #[arg(long, value_name = "DIR")]
    pub homberger: Option<PathBuf>,
    /// Also run the peers (VROOM on the same workspaces and bundles, VROOM and PyVRP on the
    /// classic files) through benches/peers/peers.py, and put their rows beside chayici's.
    #[arg(long)]
    pub peers: bool,
    /// The Python that has pyvroom (and pyvrp) installed.
    #[arg(long, value_name = "PATH", default_value = "python3")]
    pub python: PathBuf,
    /// VROOM's exploration level (0–5) for the peers.
    #[arg(long, default_value_t = 5, value_parser = clap::value_parser!(u8).range(0..=5))]
    pub vroom_level: u8,
    /// Seconds per classic instance for PyVRP (and at most for VROOM) among the peers.
    #[arg(long, value_name = "SECONDS", value_parser = super::parse_seconds, default_value_t = 10.0)]
    pub peer_time_limit: f64,
    /// The peers script; by default benches/peers/peers.py of the source tree.
    #[arg(long, hide = true, value_name = "FILE")]
    pub peers_script: Option<PathBuf>,
    /// Run one workspace (or `solomon:NAME`, `classic:PATH`) in this process and print its
    /// row as JSON.
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
    /// The 60 Gehring & Homberger instances of 200 customers.
    #[value(name = "homberger-200")]
    Homberger200,
    /// The 60 Gehring & Homberger instances of 1000 customers (give --time-limit).
    #[value(name = "homberger-1000")]
    Homberger1000,
}

impl From<SuiteArg> for Suite {
    fn from(s: SuiteArg) -> Self {
        match s {
            SuiteArg::Quick => Self::Quick,
            SuiteArg::Full => Self::Full,
            SuiteArg::Scaling => Self::Scaling,
            SuiteArg::Homberger200 => Self::Homberger200,
            SuiteArg::Homberger1000 => Self::Homberger1000,
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
        peers: Vec::new(),
        peers_classic: Vec::new(),
        peers_note: None,
    };
    let peers = if args.peers {
        match probe_peers(args) {
            Ok(()) => true,
            Err((zh, en)) => {
                let note = peers::missing_note(&zh, &en);
                eprintln!("{note}");
                report.peers_note = Some(note);
                false
            }
        }
    } else {
        false
    };
    let mut failed = 0;
    if suite == Suite::Scaling {
        report.scaling.push(scaling_row(args, scratch.path())?);
    }
    let specs = suite.workspaces();
    let classic = classic_files(args, suite, data.as_deref())?;
    let total = specs.len() + classic.len();
    for (i, spec) in specs.iter().enumerate() {
        eprint!("bench [{}/{total}] {} … ", i + 1, spec.name);
        match child_row(args, spec, data.as_deref(), scratch.path()) {
            Ok((r, dir)) => {
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
                if peers {
                    match vroom_peer(args, spec.name, &dir, scratch.path()) {
                        Ok(p) => {
                            eprintln!(
                                "  vroom: {} visits, {} unscheduled, {:.1} km, {:.2} s, {}",
                                p.visits,
                                p.unscheduled,
                                p.travel_km,
                                p.seconds,
                                if p.verified {
                                    "verified"
                                } else {
                                    "FAILED verify"
                                }
                            );
                            report.peers.push(p);
                        }
                        Err(e) => eprintln!("  vroom failed: {e:#}"),
                    }
                }
            }
            Err(e) => {
                eprintln!("failed: {e:#}");
                failed += 1;
            }
        }
    }
    for (i, path) in classic.iter().enumerate() {
        let name = path
            .file_stem()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
        eprint!("bench [{}/{total}] {name} … ", specs.len() + i + 1);
        match solomon_child(args, path) {
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
        if peers {
            match classic_peers(args, path) {
                Ok(rows) => {
                    for p in &rows {
                        eprintln!(
                            "  {}: {} vehicles, distance {:.2}, {:.2} s, {}",
                            p.solver,
                            p.vehicles,
                            p.distance,
                            p.seconds,
                            if p.feasible { "feasible" } else { "INFEASIBLE" }
                        );
                    }
                    report.peers_classic.extend(rows);
                }
                Err(e) => eprintln!("  peers failed on {name}: {e:#}"),
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
    // A peer's broken plan is its own result, shown in its row, not a failure of the run.
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
    let json = if let Some(path) = name.strip_prefix("classic:") {
        let params = args.params(if args.time_limit.is_some() {
            u64::MAX
        } else {
            SolveParams::default().iterations
        });
        let row = solomon::run_classic(Path::new(path), &params, args.time_limit)?;
        serde_json::to_string(&row)?
    } else if let Some(solomon_name) = name.strip_prefix("solomon:") {
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

/// Prepares `spec` and measures it in a child process; also returns the workspace's folder.
fn child_row(
    args: &Args,
    spec: &InstanceSpec,
    data: Option<&Path>,
    scratch: &Path,
) -> anyhow::Result<(Row, PathBuf)> {
    let prepared = spec.prepare(data, scratch)?;
    let mut cmd = child(args, spec.name);
    cmd.arg("--workspace")
        .arg(&prepared.dir)
        .arg("--source")
        .arg(&prepared.source);
    Ok((run_child(cmd)?, prepared.dir))
}

/// Solves the classic file at `path` in a child process.
fn solomon_child(args: &Args, path: &Path) -> anyhow::Result<SolomonRow> {
    let mut cmd = child(args, &format!("classic:{}", path.display()));
    if let Some(t) = args.time_limit {
        cmd.args(["--time-limit", &t.to_string()]);
    }
    run_child(cmd)
}

/// The classic files of the suite: the Solomon sample under `data/solomon/`, or a Gehring &
/// Homberger set.
fn classic_files(args: &Args, suite: Suite, data: Option<&Path>) -> anyhow::Result<Vec<PathBuf>> {
    if let Some(customers) = suite.homberger() {
        let dir = match &args.homberger {
            Some(d) => d.clone(),
            None => solomon::homberger_dir(data).context(
                "no Gehring & Homberger folder (give --homberger DIR holding the files and bks.csv)",
            )?,
        };
        let files = solomon::homberger_files(&dir, customers);
        if files.is_empty() {
            bail!("{} holds no {customers}-customer instance", dir.display());
        }
        return Ok(files);
    }
    let names = suite.solomon();
    if names.is_empty() {
        return Ok(Vec::new());
    }
    let data = data.context("no data folder holding solomon/ (give --data)")?;
    Ok(names
        .iter()
        .map(|n| data.join("solomon").join(format!("{n}.txt")))
        .collect())
}

/// Checks that the script runs and imports pyvroom; the error says what is missing, in
/// Chinese and in English.
fn probe_peers(args: &Args) -> Result<(), (String, String)> {
    let script = peers::script(args.peers_script.as_deref());
    if !script.is_file() {
        let s = script.display();
        return Err((format!("找不到脚本 {s}"), format!("no script {s}")));
    }
    let python = args.python.display();
    let out = Command::new(&args.python)
        .arg(&script)
        .arg("probe")
        .output()
        .map_err(|_| {
            (
                format!("找不到 Python（{python}）"),
                format!("no python at `{python}`"),
            )
        })?;
    if out.status.success() {
        Ok(())
    } else {
        Err((
            format!("{python} 未安装 pyvroom"),
            format!("pyvroom is not installed for {python}"),
        ))
    }
}

/// VROOM on the workspace in `dir`: exported with the planner's bundles, solved by the script,
/// read back and checked.
fn vroom_peer(args: &Args, name: &str, dir: &Path, scratch: &Path) -> anyhow::Result<PeerRow> {
    let loaded = super::workspace::read(dir)?;
    let Some(inst) = loaded.instance.filter(|_| loaded.summary.errors == 0) else {
        bail!("{name} has errors");
    };
    let export = chayici::export::vroom_problem(&inst, &chayici::graph::visit_bounds(&inst));
    let problem = scratch.join(format!("{name}.vroom.json"));
    let solution = scratch.join(format!("{name}.vroom-solution.json"));
    std::fs::write(&problem, serde_json::to_vec(&export.problem)?)
        .with_context(|| format!("cannot write {}", problem.display()))?;
    let threads = peer_threads(args);
    let out = Command::new(&args.python)
        .arg(peers::script(args.peers_script.as_deref()))
        .arg("vroom")
        .arg(&problem)
        .arg("--out")
        .arg(&solution)
        .args(["--level", &args.vroom_level.to_string()])
        .args(["--threads", &threads.to_string()])
        .output()
        .context("cannot start python")?;
    if !out.status.success() {
        bail!("{}", last_line(&out.stderr));
    }
    #[derive(serde::Deserialize)]
    struct Ran {
        seconds: f64,
    }
    let stdout = String::from_utf8_lossy(&out.stdout);
    let ran: Ran = serde_json::from_str(stdout.lines().last().unwrap_or_default())
        .context("unreadable output of the peers script")?;
    let text = std::fs::read_to_string(&solution)
        .with_context(|| format!("cannot read {}", solution.display()))?;
    let sol = serde_json::from_str(&text).context("not a VROOM solution")?;
    let setting = format!("level {}, {threads} threads", args.vroom_level);
    Ok(peers::vroom_row(
        name,
        &setting,
        &inst,
        &export,
        &sol,
        ran.seconds,
    ))
}

/// The threads the peers get: the same as chayici's rows, so the comparison is fair.
fn peer_threads(args: &Args) -> usize {
    RunParams {
        threads: args.threads,
        ..args.params(0)
    }
    .effective_threads()
}

/// The script's last line on stderr: Python's exception, which says why it failed.
fn last_line(stderr: &[u8]) -> String {
    String::from_utf8_lossy(stderr)
        .lines()
        .last()
        .unwrap_or_default()
        .to_string()
}

/// VROOM and PyVRP on one classic file, through the script.
fn classic_peers(args: &Args, path: &Path) -> anyhow::Result<Vec<PeerClassicRow>> {
    let threads = peer_threads(args);
    let out = Command::new(&args.python)
        .arg(peers::script(args.peers_script.as_deref()))
        .arg("classic")
        .arg(path)
        .args(["--json", "--solvers", "vroom,pyvrp"])
        .args(["--time-limit", &args.peer_time_limit.to_string()])
        .args(["--level", &args.vroom_level.to_string()])
        .args(["--threads", &threads.to_string()])
        .output()
        .context("cannot start python")?;
    let rows = peers::parse_classic_rows(&String::from_utf8_lossy(&out.stdout));
    if rows.is_empty() {
        bail!("{}", last_line(&out.stderr));
    }
    Ok(rows)
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
