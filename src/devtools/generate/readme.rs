//! Provides the README written with every generated workspace, so a folder found on disk says
//! what it is, how to rebuild it and how each file is encoded.

use super::{Generated, Profile, Workspace};
use std::fmt::Write;

/// The command that rebuilds `generated`; the demo names the folder it ships in.
fn command(generated: &Generated) -> String {
    let out = match generated.profile {
        Profile::Changshan => "data/demo-changshan",
        _ => "DIR",
    };
    format!(
        "chayici gen --profile {} --seed {} --out {out} --force",
        generated.profile.as_str(),
        generated.seed
    )
}

/// README of one workspace folder.
pub(super) fn workspace(ws: &Workspace, generated: &Generated) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "# {}\n", ws.name);
    let _ = writeln!(
        s,
        "Synthetic data (合成数据，仅供演示和测试): every firm, credit code, name, address, task \
         and team is invented; any likeness to a real entity is chance."
    );
    if generated.profile == Profile::Changshan {
        let _ = writeln!(
            s,
            "The county is shaped on Changshan County (常山县), Quzhou, Zhejiang: its 14 \
             townships and subdistricts at their approximate seats, firms clustered around them, \
             credit codes with Changshan's division code 330822 (they pass the GB 32100-2015 \
             check digit but belong to no one)."
        );
    }
    let _ = writeln!(s, "\nGenerated with:\n\n    {}\n", command(generated));
    let _ = writeln!(
        s,
        "The same command gives byte-identical files. Check it with `chayici check {}`.\n",
        if generated.profile == Profile::Changshan {
            "data/demo-changshan"
        } else {
            "DIR"
        }
    );
    let _ = writeln!(s, "## Figures\n");
    let _ = writeln!(
        s,
        "| horizon | townships | firms | departments | teams | tasks |"
    );
    let _ = writeln!(s, "| --- | --- | --- | --- | --- | --- |");
    let _ = writeln!(
        s,
        "| {} to {} | {} | {} | {} | {} | {} |\n",
        ws.start,
        ws.end,
        ws.townships.len(),
        ws.firms.len(),
        ws.departments.len(),
        ws.teams.len(),
        ws.task_count()
    );
    let _ = writeln!(s, "## Departments and teams\n");
    let _ = writeln!(s, "| department | name | tasks | teams covering it |");
    let _ = writeln!(s, "| --- | --- | --- | --- |");
    for d in &ws.departments {
        let tasks = ws
            .plans
            .iter()
            .filter(|p| p.department == d.code)
            .map(|p| p.tasks.len())
            .sum::<usize>();
        let teams = ws
            .teams
            .iter()
            .filter(|t| t.departments.contains(&d.code))
            .count();
        let _ = writeln!(s, "| `{}` | {} | {tasks} | {teams} |", d.code, d.name);
    }
    let _ = writeln!(
        s,
        "\nTeams are \"1+X\" joint teams based at township seats; a team covers a department \
         when at least two of its officers hold that department's credentials.\n"
    );
    let _ = writeln!(s, "## Files\n");
    let _ = writeln!(s, "| file | content | format |");
    let _ = writeln!(s, "| --- | --- | --- |");
    let rows = [
        (
            "chayici.toml",
            "horizon, calendar overrides, defaults",
            "TOML, UTF-8",
        ),
        (
            "firms.csv",
            "`firm_id,name,address,township,lon,lat,industry,risk,hours,closed`",
            "CSV, UTF-8, WGS-84 degrees with 6 decimals",
        ),
        (
            "teams.csv",
            "`team_id,name,departments,base_lon,base_lat,shift,days` (departments `;`-separated)",
            "CSV, UTF-8",
        ),
        ("departments.csv", "`department,name`", "CSV, UTF-8"),
    ];
    for (file, content, format) in rows {
        let _ = writeln!(s, "| `{file}` | {content} | {format} |");
    }
    for plan in &ws.plans {
        let name = ws
            .departments
            .iter()
            .find(|d| d.code == plan.department)
            .map_or("", |d| d.name.as_str());
        let _ = writeln!(
            s,
            "| `plans/{}` | {} tasks of {} ({}) | {} |",
            plan.file_name,
            plan.tasks.len(),
            plan.department,
            name,
            plan.format.describe()
        );
    }
    let _ = writeln!(
        s,
        "\nPlan columns are `task_id,department,firm_id,firm_name,item,earliest,latest,minutes,\
         priority,source`, or in Chinese `任务编号,部门,统一社会信用代码,企业名称,检查事项,\
         最早日期,最晚日期,检查时长,优先级,来源`. An empty window means the whole month. \
         Sources: 双随机 (random checks, whole month), 重点 (key supervision of risky firms), \
         专项 (a department's one-week campaign), 投诉 (a complaint, 2–5 days). Priorities: \
         mandatory/normal/low, or 必查/一般/可选."
    );
    if generated.profile == Profile::Changshan {
        s.push_str(
            "\n## Awkward on purpose\n\n\
             - a restaurant named `常山县<新>餐饮&小吃店` with `<`, `>` and `&`, to exercise \
             escaping in HTML, XML and SVG outputs;\n\
             - a shop whose address holds double quotes and a comma, to exercise CSV quoting;\n\
             - a hotel closed on one date (`closed` = `2026-12-24`) rather than on weekdays;\n\
             - whole-month windows left empty by some departments and spelled out by others.\n",
        );
    }
    s
}

/// README at the top of a multi-county output.
pub(super) fn top(generated: &Generated) -> String {
    let mut s = String::new();
    let tasks: usize = generated.workspaces.iter().map(Workspace::task_count).sum();
    let firms: usize = generated.workspaces.iter().map(|w| w.firms.len()).sum();
    let _ = writeln!(
        s,
        "# Synthetic province ({} counties)\n",
        generated.workspaces.len()
    );
    let _ = writeln!(
        s,
        "Synthetic data (合成数据): {} invented counties, {firms} firms and {tasks} tasks in all. \
         Each subfolder is a complete workspace planned on its own, as counties plan side by \
         side:\n\n    for d in county-*; do chayici plan $d --out out/$d; done\n",
        generated.workspaces.len()
    );
    let _ = writeln!(s, "Generated with:\n\n    {}\n", command(generated));
    let _ = writeln!(s, "| folder | county | firms | teams | tasks |");
    let _ = writeln!(s, "| --- | --- | --- | --- | --- |");
    for ws in &generated.workspaces {
        let _ = writeln!(
            s,
            "| `{}` | {} | {} | {} | {} |",
            ws.dir,
            ws.name,
            ws.firms.len(),
            ws.teams.len(),
            ws.task_count()
        );
    }
    s
}
