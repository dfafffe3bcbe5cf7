//! Provides `chayici plan DIR` for a folder of workspaces (one per county or district, as
//! `gen --profile province` writes): every county planned, counties side by side, each into its
//! own plan folder inside `--out`, with a roll-up of their figures.
//!
//! The whole `--out` folder is written at once like a single plan folder: an interrupted or
//! failed run leaves the previous one as it was. A county whose workspace has errors is listed
//! with its status and planned by nobody; the others are planned and written, and the command
//! ends with exit `1`. `--time-limit` applies to each county from its own start, and `--keep
//! OLD` replans each county from `OLD/<county>`.

use super::Outcome;
use super::plan::{Args, Phases, Place, Planned, plan_workspace};
use chayici::output::rollup::{
    CountyFigures, CountyRow, CountyStatus, StatsJson, rollup_targets, write_rollup_csv,
    write_rollup_html, write_rollup_json,
};
use chayici::output::{check_out_dir, write_atomically, write_out_dir};
use chayici::stats::Statistics;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::time::Instant;

/// True when `dir` is not a workspace itself but holds workspaces in its subfolders.
pub fn holds_workspaces(dir: &Path) -> bool {
    !dir.join("chayici.toml").exists() && !counties(dir).is_empty()
}

/// The subfolders of `dir` that are workspaces, by name.
fn counties(dir: &Path) -> Vec<(String, PathBuf)> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut out: Vec<(String, PathBuf)> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.join("chayici.toml").is_file())
        .filter_map(|p| Some((p.file_name()?.to_str()?.to_owned(), p)))
        .collect();
    out.sort();
    out
}

/// Plans every county of `args.workspace` and writes them with the roll-up.
pub fn run(args: &Args) -> anyhow::Result<Outcome> {
    if args.exact {
        eprintln!("chayici: --exact plans one small workspace, not a folder of counties");
        return Ok(Outcome::Invalid);
    }
    check_out_dir(&args.out, args.force, Some(&args.workspace))?;
    let list = counties(&args.workspace);
    let bar = if args.quiet || !std::io::stderr().is_terminal() {
        ProgressBar::hidden()
    } else {
        let bar =
            ProgressBar::with_draw_target(Some(list.len() as u64), ProgressDrawTarget::stderr());
        if let Ok(style) =
            ProgressStyle::with_template("{spinner} counties {pos}/{len} [{elapsed_precise}] {msg}")
        {
            bar.set_style(style);
        }
        bar.enable_steady_tick(std::time::Duration::from_millis(200));
        bar
    };
    let title = format!(
        "{} 综合查一次 汇总 roll-up",
        args.workspace
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned())
    );
    let mut rows = Vec::with_capacity(list.len());
    let mut worst = Outcome::Done;
    let mut targets = Vec::new();
    write_out_dir(&args.out, args.force, Some(&args.workspace), |dir| {
        // Counties side by side, each written as soon as it is planned so that only the
        // counties being planned are held in memory; the rows come back in the folders'
        // order whatever the threads, and each county's plan is its own, reproducible one.
        let done = side_by_side(list.len(), args.threads, |i| {
            let (name, ws) = &list[i];
            let result = plan_and_write(args, name, ws, dir).map(|r| r.map(summary_of));
            bar.inc(1);
            bar.set_message(name.clone());
            (name.clone(), result)
        });
        for (name, result) in done {
            let (status, figures, title, stats) = match result {
                Ok(Ok(s)) => (CountyStatus::Planned, s.figures, s.name, Some(s.statistics)),
                Ok(Err(o)) => {
                    worst = worse(worst, o);
                    let status = if o == Outcome::Invalid {
                        CountyStatus::WorkspaceErrors
                    } else {
                        CountyStatus::Failed
                    };
                    (status, CountyFigures::default(), String::new(), None)
                }
                Err(e) => {
                    bar.suspend(|| eprintln!("chayici: {name}: {e:#}"));
                    worst = worse(worst, Outcome::Failed);
                    (
                        CountyStatus::Failed,
                        CountyFigures::default(),
                        String::new(),
                        None,
                    )
                }
            };
            if let Some(s) = &stats {
                targets.push(s.targets);
            }
            rows.push(CountyRow {
                folder: name,
                name: title,
                status,
                reduction_percent: figures.reduction_percent(),
                figures,
                statistics: stats.as_ref().map(|s| StatsJson::of(s.overall, &s.targets)),
                departments: stats
                    .map(|s| {
                        s.departments
                            .into_iter()
                            .map(|d| (d.code, d.name, d.figures))
                            .collect()
                    })
                    .unwrap_or_default(),
            });
        }
        let targets = rollup_targets(&targets);
        write_atomically(&dir.join("rollup.json"), |w| {
            Ok(write_rollup_json(w, &rows, &targets)?)
        })?;
        write_atomically(&dir.join("rollup.csv"), |w| {
            Ok(write_rollup_csv(w, &rows, &targets)?)
        })?;
        write_atomically(&dir.join("index.html"), |w| {
            Ok(write_rollup_html(w, &title, &rows, &targets)?)
        })?;
        Ok(())
    })?;
    bar.finish_and_clear();
    if !args.quiet {
        let mut w = std::io::stdout().lock();
        write_rollup_summary(&mut w, &rows)?;
        writeln!(w, "  written to   {}", args.out.display())?;
    }
    Ok(worst)
}

/// `f(0), …, f(n - 1)`, in that order, run on `threads` threads (0: one per core), each
/// taking the next index when it is free.
///
/// Plain threads rather than rayon's: a rayon worker that waits for the parallel parts of one
/// county (its bounds, its neighbours) steals other work meanwhile, which would start more
/// counties than there are threads and hold them all in memory.
fn side_by_side<R: Send>(n: usize, threads: usize, f: impl Fn(usize) -> R + Sync) -> Vec<R> {
    let threads = match threads {
        0 => std::thread::available_parallelism().map_or(1, |p| p.get()),
        t => t,
    }
    .min(n.max(1));
    let next = std::sync::atomic::AtomicUsize::new(0);
    let results: Vec<std::sync::Mutex<Option<R>>> =
        (0..n).map(|_| std::sync::Mutex::new(None)).collect();
    std::thread::scope(|s| {
        for _ in 0..threads {
            s.spawn(|| {
                loop {
                    let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    if i >= n {
                        break;
                    }
                    let r = f(i);
                    *results[i].lock().unwrap_or_else(|e| e.into_inner()) = Some(r);
                }
            });
        }
    });
    results
        .into_iter()
        .map(|m| {
            m.into_inner()
                .unwrap_or_else(|e| e.into_inner())
                .expect("every index is run")
        })
        .collect()
}

/// What the roll-up keeps of a county once its plan is written.
struct CountySummary {
    name: String,
    figures: CountyFigures,
    statistics: Statistics,
}

fn summary_of(p: Planned) -> CountySummary {
    CountySummary {
        name: p.instance().name.clone(),
        figures: figures(&p),
        statistics: p.statistics(),
    }
}

/// Plans the county `name` of workspace folder `ws` and writes its plan into `dir/name`.
fn plan_and_write(
    args: &Args,
    name: &str,
    ws: &Path,
    dir: &Path,
) -> anyhow::Result<Result<Planned, Outcome>> {
    let out = args.out.join(name);
    let keep = args.keep.as_ref().map(|k| k.join(name));
    let place = Place {
        workspace: ws,
        out: &out,
        keep: keep.as_deref(),
    };
    let started = Instant::now();
    let mut phases = Phases::new(started, true);
    let planned = plan_workspace(&place, args, started, &mut phases)?;
    if let Ok(p) = &planned {
        let county = dir.join(name);
        std::fs::create_dir_all(&county)?;
        p.write(&county)?;
    }
    Ok(planned)
}

/// A county's figures, as its plan.json counts them.
fn figures(p: &Planned) -> CountyFigures {
    let k = p.kpis();
    CountyFigures {
        tasks: k.tasks,
        scheduled: k.scheduled,
        unscheduled: k.unscheduled,
        visits: k.visits,
        visits_lower_bound: p.bounds().visits_lower_bound,
        visits_naive: p.bounds().visits_naive,
        firms_visited_more_than_once: k.firms_visited_more_than_once,
        routes: k.routes,
        travel_km: chayici::output::round3(k.travel_km),
    }
}

fn worse(a: Outcome, b: Outcome) -> Outcome {
    match (a, b) {
        (Outcome::Failed, _) | (_, Outcome::Failed) => Outcome::Failed,
        (Outcome::Invalid, _) | (_, Outcome::Invalid) => Outcome::Invalid,
        _ => Outcome::Done,
    }
}

/// One line per county and the totals.
fn write_rollup_summary(w: &mut impl Write, rows: &[CountyRow]) -> std::io::Result<()> {
    for r in rows {
        let f = &r.figures;
        match r.status {
            CountyStatus::Planned => writeln!(
                w,
                "  {:<12} {:>6} tasks, {:>6} visits (bound {}, naive {}: {:.1}% fewer), {} unscheduled",
                r.folder,
                f.tasks,
                f.visits,
                f.visits_lower_bound,
                f.visits_naive,
                f.reduction_percent(),
                f.unscheduled
            )?,
            CountyStatus::WorkspaceErrors => writeln!(
                w,
                "  {:<12} not planned: the workspace has errors",
                r.folder
            )?,
            CountyStatus::Failed => writeln!(w, "  {:<12} not planned: failed", r.folder)?,
        }
    }
    let t = CountyFigures::total(rows.iter().map(|r| &r.figures));
    let planned = rows
        .iter()
        .filter(|r| r.status == CountyStatus::Planned)
        .count();
    let stats = chayici::output::rollup::summed_statistics(rows);
    if let Some(p) = stats.joint_share().percent() {
        writeln!(
            w,
            "  joint        {} of {} visits joint ({p:.1}%), {} of {} tasks in joint visits",
            stats.joint_visits, stats.visits, stats.joint_tasks, stats.scheduled_tasks
        )?;
    }
    writeln!(
        w,
        "  total        {planned} of {} counties planned: {} tasks, {} visits (bound {}, naive {}: {:.1}% fewer), {:.1} km",
        rows.len(),
        t.tasks,
        t.visits,
        t.visits_lower_bound,
        t.visits_naive,
        t.reduction_percent(),
        t.travel_km
    )
}
