//! The Chinese user guide `docs/使用指南.md` lists every diagnostic code with its messages and
//! fixes in Chinese. The list is generated from the message catalogue and the code registry,
//! so a message changed or a code added without the guide following fails here.
//!
//! `CHAYICI_BLESS=1 cargo test --test user_guide` writes the list into the guide again.

use chayici::diag::Severity;
use chayici::i18n::{Lang, catalogue, reason_key};
use chayici::ingest::codes;
use chayici::model::Reason;
use std::path::Path;

const BEGIN: &str = "<!-- messages:begin -->\n";
const END: &str = "<!-- messages:end -->";

/// A catalogue template as a table cell: `{value}` placeholders become `〈value〉`, which
/// reads as "the value from your file" and survives Markdown.
fn cell(template: &str) -> String {
    template
        .replace('|', "\\|")
        .replace('{', "〈")
        .replace('}', "〉")
        .replace('\n', " ")
}

/// The table of codes: every registered code, its severity, what it means, and the Chinese
/// texts of its messages and of its fixes (the catalogue keys named after the code; a code
/// whose messages are shared with others, such as a date that cannot be read, has its meaning
/// only).
fn generated() -> String {
    let entries = catalogue();
    let mut out =
        String::from("| 代码 | 级别 | 含义 | 提示 | 改法 |\n| --- | --- | --- | --- | --- |\n");
    for info in codes::ALL {
        let mine: Vec<_> = entries
            .iter()
            .filter(|e| e.key.starts_with(info.code))
            .collect();
        let (helps, messages): (Vec<_>, Vec<_>) =
            mine.iter().partition(|e| e.key.ends_with("Help"));
        let level = match info.severity {
            Severity::Error => "错误",
            Severity::Warning => "警告",
        };
        let join = |v: &[&&chayici::i18n::Entry]| {
            v.iter()
                .map(|e| cell(e.zh))
                .collect::<Vec<_>>()
                .join("<br>")
        };
        out.push_str(&format!(
            "| `{}` | {} | {} | {} | {} |\n",
            info.code,
            level,
            cell(info.summary_zh),
            join(&messages),
            join(&helps)
        ));
    }
    out.push_str(
        "\n多个代码共用的提示和改法（如“日期无法识别”可出现在计划、请假、指定等多张表中）：\n\n\
         | 提示或改法 |\n| --- |\n",
    );
    let shared = entries.iter().filter(|e| {
        let coded = e.key.len() > 5
            && e.key.starts_with(['E', 'W'])
            && e.key[1..5].bytes().all(|b| b.is_ascii_digit());
        // Words, summaries, progress labels, command help and the lottery's own report are
        // not problems to fix, nor are the reports of merge and advise or the rules verify
        // holds a plan to; the reasons get their own table below.
        const NOT_MESSAGES: &[&str] = &[
            "Word",
            "Sum",
            "Prog",
            "Help",
            "Stat",
            "Draw",
            "Replay",
            "Officers",
            "Import",
            "Export",
            "Template",
            "Plan",
            "Verify",
            "Reason",
            "TeamDays",
            "Merge",
            "Advise",
            "Violation",
        ];
        !coded && !NOT_MESSAGES.iter().any(|p| e.key.starts_with(p))
    });
    for e in shared {
        out.push_str(&format!("| {} |\n", cell(e.zh)));
    }
    out.push_str(
        "\n未安排的任务在 `unscheduled.csv` 中写明原因（`reason` 为代码，`reason_text` 为文字）：\n\n\
         | 原因代码 | 含义 |\n| --- | --- |\n",
    );
    for r in Reason::ALL {
        out.push_str(&format!(
            "| `{}` | {} |\n",
            r.code(),
            cell(Lang::Zh.template(reason_key(r)))
        ));
    }
    out
}

#[test]
fn the_guide_lists_every_code_with_the_catalogues_chinese_texts() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/使用指南.md");
    let guide = std::fs::read_to_string(&path).expect("docs/使用指南.md is readable");
    let start = guide
        .find(BEGIN)
        .expect("the guide marks where the list begins")
        + BEGIN.len();
    let end = guide
        .find(END)
        .expect("the guide marks where the list ends");
    let want = generated();
    if std::env::var_os("CHAYICI_BLESS").is_some() {
        let mut new = guide[..start].to_string();
        new.push_str(&want);
        new.push_str(&guide[end..]);
        std::fs::write(&path, new).expect("the guide is writable");
        return;
    }
    assert!(
        guide[start..end] == want,
        "docs/使用指南.md's list of messages is not what the catalogue says; run \
         CHAYICI_BLESS=1 cargo test --test user_guide and review the diff"
    );
}

#[test]
fn the_readme_links_the_guide() {
    let readme = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md"))
        .expect("README.md is readable");
    assert!(readme.contains("docs/使用指南.md"));
}
