//! The language of what chayici prints: `--lang zh|en` on every command, else the locale
//! (`LC_ALL`, `LC_MESSAGES`, then `LANG`), else English. Codes and locations are the same in
//! every language.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/invalid")
        .join(name)
}

/// `chayici ARGS` with the locale variables set as `env` says and no other.
fn run(args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut c = Command::new(env!("CARGO_BIN_EXE_chayici"));
    for v in ["LC_ALL", "LC_MESSAGES", "LANG"] {
        c.env_remove(v);
    }
    c.envs(env.iter().copied())
        .args(args)
        .output()
        .expect("chayici runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

const FIRM: &str = "E1402_unknown_firm";

#[test]
fn a_chinese_locale_prints_chinese_and_lang_en_overrides_it() {
    let dir = fixture(FIRM);
    let dir = dir.to_str().unwrap();
    let zh = run(&["check", dir], &[("LANG", "zh_CN.UTF-8")]);
    assert_eq!(zh.status.code(), Some(1));
    let text = stdout(&zh);
    assert!(
        text.contains(": error[E1402]: 企业 `92330822MA2E3F4G7A` 不在企业名录 firms.csv 中"),
        "{text}"
    );
    assert!(
        text.contains("help: 请把该企业加入名录，或更正统一社会信用代码"),
        "{text}"
    );
    assert!(text.contains("1 个错误，0 个警告"), "{text}");

    let en = run(&["check", dir, "--lang", "en"], &[("LANG", "zh_CN.UTF-8")]);
    assert!(stdout(&en).contains("error[E1402]: firm `92330822MA2E3F4G7A` is not in firms.csv"));

    let c = run(&["check", dir], &[("LANG", "zh_CN.UTF-8"), ("LC_ALL", "C")]);
    assert!(
        stdout(&c).contains("is not in firms.csv"),
        "LC_ALL decides before LANG"
    );
    let none = run(&["check", dir], &[]);
    assert!(stdout(&none).contains("1 error, 0 warnings"));
}

#[test]
fn lang_is_accepted_before_the_subcommand_and_refuses_other_languages() {
    let dir = fixture(FIRM);
    let dir = dir.to_str().unwrap();
    let zh = run(&["--lang", "zh", "check", dir], &[]);
    assert!(stdout(&zh).contains("不在企业名录"), "{}", stdout(&zh));
    let fr = run(&["check", dir, "--lang", "fr"], &[]);
    assert_eq!(fr.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&fr.stderr).contains("zh"));
}

#[test]
fn json_gives_the_text_in_the_language_with_key_and_arguments() {
    let dir = fixture(FIRM);
    let o = run(
        &[
            "check",
            dir.to_str().unwrap(),
            "--format",
            "json",
            "--lang",
            "zh",
        ],
        &[],
    );
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON");
    let d = &v["diagnostics"][0];
    assert_eq!(d["code"], "E1402");
    assert_eq!(
        d["message"],
        "企业 `92330822MA2E3F4G7A` 不在企业名录 firms.csv 中"
    );
    assert_eq!(d["key"], "E1402Unknown");
    assert_eq!(d["args"]["firm"], "92330822MA2E3F4G7A");
    assert_eq!(d["help_key"], "E1402Help");
    assert_eq!(d["location"], "plans/scjg.csv:2:2 (B2)");
}
