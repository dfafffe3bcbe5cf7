//! Provides the command line: clap subcommands, each a thin file over the library.
//!
//! Every command ends in an [`Outcome`] or an error, and [`exit_code`] alone turns that into
//! the exit code and prints the error.

pub mod advise;
#[cfg(feature = "devtools")]
pub mod bench;
pub mod check;
pub mod check_report;
pub mod diff;
pub mod draw;
pub mod draw_officers;
pub mod export;
#[cfg(feature = "devtools")]
pub mod generate;
pub mod import;
pub mod merge;
pub mod plan;
pub mod replan;
pub mod report;
pub mod rollup;
#[cfg(feature = "devtools")]
pub mod solomon;
pub mod template;
pub mod verify;
pub mod workspace;

use chayici::i18n::{Key, Lang};
use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};
use std::process::ExitCode;
use std::sync::OnceLock;

/// How a command ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// It did what was asked.
    Done,
    /// The input or the plan has errors; the command has said which.
    Invalid,
    /// A file could not be read or written, or something failed inside; the command has said
    /// what in its own words.
    Failed,
}

/// Plans a month of joint inspections (综合查一次) for a county.
#[derive(Debug, Parser)]
#[command(name = "chayici", version = crate::cli::version_string(), about, long_about = None)]
pub struct Cli {
    /// Language of messages, summaries and reason_text: zh or en [default: zh when LC_ALL,
    /// LC_MESSAGES or LANG starts with zh, else en]
    #[arg(long, global = true, value_enum, value_name = "zh|en")]
    pub lang: Option<LangArg>,
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Read and validate a workspace; list every problem with file and line.
    Check(check::Args),
    /// Build the merge graph and report naive visits, the lower bound and the possible saving.
    Merge(merge::Args),
    /// Plan the month: joint visits, team-day routes, unscheduled tasks.
    Plan(plan::Args),
    /// The smallest changes that would save visits, checked by planning; a letter per
    /// department.
    Advise(advise::Args),
    /// Draw the firms each department inspects (双随机), coordinated so that their samples
    /// overlap; or replay a recorded draw.
    Draw(draw::Args),
    /// Draw two credentialed officers per department for every visit of a plan, with recusal.
    #[command(name = "draw-officers")]
    DrawOfficers(draw_officers::Args),
    /// Check a written plan against its workspace from first principles.
    Verify(verify::Args),
    /// Compare two plan folders: visits added, removed and changed, tasks moved, stability.
    Diff(diff::Args),
    /// Rewrite report.html (and with --all the route sheets and calendars) of a written plan.
    Report(report::Args),
    /// Write a department's plan workbook to fill in: Chinese headers, drop-down lists of the
    /// register's firms, items, priority and source, date cells for the month.
    Template(template::Args),
    /// Write the workspace as another solver's problem (VROOM), bundled as the planner does.
    Export(export::Args),
    /// Read another solver's solution to an exported problem and write it as a checked plan
    /// folder.
    Import(import::Args),
    /// Generate a synthetic workspace.
    #[cfg(feature = "devtools")]
    #[command(name = "gen")]
    Gen(generate::Args),
    /// Plan a suite of benchmark workspaces; print quality and cost as a markdown table.
    #[cfg(feature = "devtools")]
    Bench(bench::Args),
    /// Solve a Solomon VRPTW instance with the planner's routing engine and compare it with
    /// the best known.
    #[cfg(feature = "devtools")]
    Solomon(solomon::Args),
}

/// The values of `--lang`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum LangArg {
    /// 中文.
    Zh,
    /// English.
    En,
}

impl From<LangArg> for Lang {
    fn from(l: LangArg) -> Lang {
        match l {
            LangArg::Zh => Lang::Zh,
            LangArg::En => Lang::En,
        }
    }
}

/// The language this run speaks, set once from `--lang` or the environment before the
/// subcommand runs; every command reads it where it prints.
static LANG: OnceLock<Lang> = OnceLock::new();

/// `--lang` as given on the command line, `None` when it was not.
static LANG_FLAG: OnceLock<Option<Lang>> = OnceLock::new();

/// The language of this run's messages (English until [`main`] has decided).
pub fn lang() -> Lang {
    LANG.get().copied().unwrap_or_default()
}

/// The language of this run while the arguments are still being parsed (a value that does
/// not parse is reported in it): as [`lang`] once decided, else from the arguments and the
/// locale.
pub fn arg_lang() -> Lang {
    LANG.get()
        .copied()
        .unwrap_or_else(|| lang_of_args(&std::env::args_os().collect::<Vec<_>>()))
}

/// `--lang` when it was given: for outputs whose default does not follow the locale (the
/// route sheets are Chinese unless asked otherwise).
pub fn lang_flag() -> Option<Lang> {
    LANG_FLAG.get().copied().flatten()
}

/// The version line, naming the MILP backend compiled in.
pub fn version_string() -> &'static str {
    #[cfg(feature = "highs")]
    const VERSION: &str = concat!(env!("CARGO_PKG_VERSION"), " (MILP backend: highs)");
    #[cfg(not(feature = "highs"))]
    const VERSION: &str = concat!(env!("CARGO_PKG_VERSION"), " (MILP backend: microlp)");
    VERSION
}

/// Each subcommand's one-line help in the catalogue; English is the doc comment above.
const SUBCOMMAND_HELP: &[(&str, Key)] = &[
    ("check", Key::HelpCheck),
    ("merge", Key::HelpMerge),
    ("plan", Key::HelpPlan),
    ("advise", Key::HelpAdvise),
    ("draw", Key::HelpDraw),
    ("draw-officers", Key::HelpDrawOfficers),
    ("verify", Key::HelpVerify),
    ("diff", Key::HelpDiff),
    ("report", Key::HelpReport),
    ("template", Key::HelpTemplate),
    ("export", Key::HelpExport),
    ("import", Key::HelpImport),
    ("gen", Key::HelpGen),
    ("bench", Key::HelpBench),
    ("solomon", Key::HelpSolomon),
];

/// The language asked for before the arguments are parsed, so that `--help` can be in it:
/// `--lang X` or `--lang=X` before any `--`, else the locale.
fn lang_of_args(args: &[std::ffi::OsString]) -> Lang {
    let args: Vec<String> = args
        .iter()
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    let mut it = args.iter().skip(1).take_while(|a| *a != "--");
    while let Some(a) = it.next() {
        let value = match a.strip_prefix("--lang") {
            Some("") => it.next().map(String::as_str),
            Some(rest) => rest.strip_prefix('='),
            None => None,
        };
        match value {
            Some("zh") => return Lang::Zh,
            Some("en") => return Lang::En,
            _ => {}
        }
    }
    Lang::from_env()
}

/// The command line with its help in `lang`: the top-level text, each subcommand's line and
/// `--lang`'s. clap's own words (Usage, Options, the other arguments' help) stay English.
fn command_in(lang: Lang) -> clap::Command {
    let mut cmd = Cli::command();
    if lang == Lang::En {
        return cmd;
    }
    cmd = cmd
        .about(lang.text(Key::HelpAbout))
        .mut_arg("lang", |a| a.help(lang.text(Key::HelpLang)));
    for &(name, key) in SUBCOMMAND_HELP {
        if cmd.find_subcommand(name).is_some() {
            cmd = cmd.mut_subcommand(name, |s| s.about(lang.text(key)));
        }
    }
    cmd
}

/// Parses the arguments, runs the subcommand and turns its result into an exit code.
pub fn main() -> ExitCode {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let cli = command_in(lang_of_args(&args))
        .try_get_matches_from(&args)
        .and_then(|m| Cli::from_arg_matches(&m))
        .unwrap_or_else(|e| e.exit());
    let flag = cli.lang.map(Lang::from);
    let _ = LANG_FLAG.set(flag);
    let _ = LANG.set(flag.unwrap_or_else(Lang::from_env));
    // Ctrl-C while a plan folder is being written must not leave its staging folder behind.
    let _ = ctrlc::set_handler(|| {
        chayici::output::remove_staging_on_interrupt();
        std::process::exit(130);
    });
    exit_code(match &cli.command {
        Command::Check(a) => check::run(a),
        Command::Merge(a) => merge::run(a),
        Command::Plan(a) => plan::run(a),
        Command::Advise(a) => advise::run(a),
        Command::Verify(a) => verify::run(a),
        Command::Draw(a) => draw::run(a),
        Command::DrawOfficers(a) => draw_officers::run(a),
        Command::Report(a) => report::run(a),
        Command::Diff(a) => diff::run(a),
        Command::Template(a) => template::run(a),
        Command::Export(a) => export::run(a),
        Command::Import(a) => import::run(a),
        #[cfg(feature = "devtools")]
        Command::Gen(a) => generate::run(a),
        #[cfg(feature = "devtools")]
        Command::Bench(a) => bench::run(a),
        #[cfg(feature = "devtools")]
        Command::Solomon(a) => solomon::run(a),
    })
}

/// The exit-code policy (the README's "Exit codes"): 0 done, 1 the input or the plan has
/// errors, 2 a file could not be read or written, or something failed inside. An error is
/// printed here, once; a closed stdout (`chayici check … | head`) is not an error.
fn exit_code(result: anyhow::Result<Outcome>) -> ExitCode {
    ExitCode::from(match result {
        Ok(Outcome::Done) => 0,
        Ok(Outcome::Invalid) => 1,
        Ok(Outcome::Failed) => 2,
        Err(e) if is_broken_pipe(&e) => 0,
        Err(e) => {
            eprintln!("chayici: error: {e:#}");
            2
        }
    })
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

/// The `--format` of the commands that report: text for people (the default), or one JSON
/// object for tools, whose shape the README gives per command.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// For people: the command's tables and lists.
    #[default]
    Text,
    /// For tools: the same figures as one JSON object.
    Json,
}

/// Parses a `--time-limit`-like value: a positive, finite number of seconds.
pub fn parse_seconds(s: &str) -> Result<f64, String> {
    match s.parse::<f64>() {
        Ok(x) if x.is_finite() && x > 0.0 && x < 1e9 => Ok(x),
        _ => Err(format!("`{s}` is not a positive number of seconds")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The English of the help texts in the catalogue is what clap shows from the doc
    /// comments, so the two cannot drift apart; Chinese replaces each of them.
    #[test]
    fn help_texts_match_the_catalogue_in_both_languages() {
        let en = Cli::command();
        let about = |c: &clap::Command| c.get_about().map(|s| s.to_string());
        let lang_help = |c: &clap::Command| {
            c.get_arguments()
                .find(|a| a.get_id() == "lang")
                .and_then(|a| a.get_help())
                .map(|s| s.to_string())
        };
        assert_eq!(about(&en).as_deref(), Some(Lang::En.text(Key::HelpAbout)));
        assert_eq!(
            lang_help(&en).as_deref(),
            Some(Lang::En.text(Key::HelpLang))
        );
        let zh = command_in(Lang::Zh);
        assert_eq!(about(&zh).as_deref(), Some(Lang::Zh.text(Key::HelpAbout)));
        assert_eq!(
            lang_help(&zh).as_deref(),
            Some(Lang::Zh.text(Key::HelpLang))
        );
        for &(name, key) in SUBCOMMAND_HELP {
            let Some(s) = en.find_subcommand(name) else {
                continue; // a devtools command, not built
            };
            assert_eq!(about(s).as_deref(), Some(Lang::En.text(key)), "{name}");
            let s = zh.find_subcommand(name).expect("the same commands");
            assert_eq!(about(s).as_deref(), Some(Lang::Zh.text(key)), "{name}");
        }
    }

    #[test]
    fn lang_is_found_in_the_arguments_before_parsing() {
        let args = |a: &[&str]| -> Vec<std::ffi::OsString> { a.iter().map(Into::into).collect() };
        assert_eq!(
            lang_of_args(&args(&["chayici", "--lang", "zh", "--help"])),
            Lang::Zh
        );
        assert_eq!(
            lang_of_args(&args(&["chayici", "check", "--lang=zh"])),
            Lang::Zh
        );
        assert_eq!(
            lang_of_args(&args(&["chayici", "check", "--lang", "en"])),
            Lang::En
        );
    }
}
