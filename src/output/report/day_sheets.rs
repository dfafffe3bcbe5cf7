//! Provides `day_sheets.html`, the paper a team takes out for a day: one page per team and
//! working day with its stops, whom to ask for, what each department inspects, and empty
//! columns for the result and the signatures.
//!
//! HTML with print CSS rather than a PDF: every office computer has a browser that prints
//! it on A4 the same way, the text stays searchable and copyable, Chinese needs no embedded
//! font (the browser's own is used), and no PDF library joins the build. `@page` sets A4
//! landscape, each team-day ends with a page break, a visit's row never splits across pages
//! and the table's header repeats on a continued page.

use super::escape::Esc;
use crate::model::{Instance, Plan, Route, fmt_minute};
use crate::output::firm_location;
use crate::output::sheets::{Lang, VisitOfficers, crew_text, dept_groups};
use chrono::Datelike;
use std::io::{self, Write};

/// The file's name in the plan folder.
pub const DAY_SHEETS_HTML: &str = "day_sheets.html";

/// Print CSS: what makes the browser's print the sheet a team signs.
const STYLE: &str = "\
@page { size: A4 landscape; margin: 10mm; }
body { font-family: \"PingFang SC\", \"Microsoft YaHei\", \"Noto Sans CJK SC\", sans-serif; font-size: 10.5pt; margin: 0; color: #000; }
section.day { break-after: page; page-break-after: always; }
section.day:last-of-type { break-after: auto; page-break-after: auto; }
h1 { font-size: 14pt; margin: 0 0 2mm; }
h1, .facts { break-after: avoid; page-break-after: avoid; }
.facts { margin: 0 0 3mm; }
.facts span { margin-right: 6mm; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
th, td { border: 1px solid #000; padding: 1.5mm; vertical-align: top; overflow-wrap: anywhere; }
th { background: #eee; font-weight: bold; }
td.sign { height: 11mm; }
.note { font-size: 9pt; color: #333; }
ul { margin: 0; padding-left: 4mm; }
@media screen { body { margin: 8mm; } section.day { border-bottom: 2px dashed #999; margin-bottom: 8mm; padding-bottom: 8mm; } }
";

/// Widths of the columns, in percent of the page.
const COLUMNS: [(&str, u32); 10] = [
    ("顺序", 4),
    ("时间", 8),
    ("企业", 13),
    ("地址", 12),
    ("联系人", 7),
    ("联系电话", 9),
    ("检查事项", 18),
    ("检查结果", 11),
    ("企业签字", 9),
    ("检查人员签字", 9),
];

/// Writes the day sheets of `plan`: a `<section class="day">` per route with a visit, by team
/// then date.
pub fn write_day_sheets<W: Write>(w: W, inst: &Instance, plan: &Plan) -> io::Result<()> {
    write_day_sheets_with_officers(w, inst, plan, &VisitOfficers::default())
}

/// Like [`write_day_sheets`], each department's items followed by its officers (name and
/// credential number) where `officers` has them.
pub fn write_day_sheets_with_officers<W: Write>(
    mut w: W,
    inst: &Instance,
    plan: &Plan,
    officers: &VisitOfficers,
) -> io::Result<()> {
    let w = &mut w;
    writeln!(w, "<!DOCTYPE html>")?;
    writeln!(w, "<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">")?;
    writeln!(w, "<title>{} 检查日程单</title>", Esc(&inst.name))?;
    writeln!(w, "<style>\n{STYLE}</style>\n</head>\n<body>")?;
    let mut routes: Vec<&Route> = plan
        .routes
        .iter()
        .filter(|r| !r.visits.is_empty())
        .collect();
    routes.sort_by_key(|r| (r.team, r.day));
    for r in routes {
        write_day(w, inst, r, officers)?;
    }
    writeln!(w, "</body>\n</html>")
}

const WEEKDAYS: [&str; 7] = ["一", "二", "三", "四", "五", "六", "日"];

fn write_day<W: Write>(
    w: &mut W,
    inst: &Instance,
    r: &Route,
    officers: &VisitOfficers,
) -> io::Result<()> {
    let team = &inst.teams[r.team];
    let date = inst.calendar.date(r.day);
    let weekday = WEEKDAYS[date.weekday().num_days_from_monday() as usize];
    writeln!(
        w,
        "<section class=\"day\" data-team=\"{}\" data-date=\"{date}\">",
        Esc(&team.id)
    )?;
    writeln!(
        w,
        "<h1>{} {} · {date} 星期{weekday}</h1>",
        Esc(&team.id),
        Esc(&team.name)
    )?;
    let depts: Vec<&str> = team
        .departments
        .iter()
        .map(|d| inst.departments[d].name.as_str())
        .collect();
    writeln!(
        w,
        "<p class=\"facts\"><span>部门：{}</span><span>出发：{}</span><span>返回：{}</span><span>企业：{} 家</span></p>",
        Esc(&depts.join("、")),
        fmt_minute(r.leave_base),
        fmt_minute(r.return_base),
        r.visits.len()
    )?;
    writeln!(w, "<table>\n<colgroup>")?;
    for (_, width) in COLUMNS {
        writeln!(w, "<col style=\"width:{width}%\">")?;
    }
    write!(w, "</colgroup>\n<thead><tr>")?;
    for (title, _) in COLUMNS {
        write!(w, "<th>{title}</th>")?;
    }
    writeln!(w, "</tr></thead>\n<tbody>")?;
    for (i, v) in r.visits.iter().enumerate() {
        let firm = &inst.firms[v.firm];
        write!(
            w,
            "<tr><td>{}</td><td>{}–{}<div class=\"note\">到达 {}</div></td><td>{}",
            i + 1,
            fmt_minute(v.start),
            fmt_minute(v.end),
            fmt_minute(v.arrive),
            Esc(&firm.name)
        )?;
        if !firm.notes.is_empty() {
            write!(w, "<div class=\"note\">备注：{}</div>", Esc(&firm.notes))?;
        }
        for (header, value) in &firm.extra {
            write!(
                w,
                "<div class=\"note\">{}：{}</div>",
                Esc(header),
                Esc(value)
            )?;
        }
        write!(
            w,
            "</td><td>{}</td><td>{}</td><td>{}</td><td><ul>",
            Esc(&firm_location(inst, firm)),
            Esc(&firm.contact),
            Esc(&firm.phone)
        )?;
        let crews = officers.crews(&team.id, date, i + 1, &firm.id);
        for (d, tasks) in dept_groups(inst, &v.tasks) {
            let items: Vec<&str> = tasks.iter().map(|&t| inst.tasks[t].item.as_str()).collect();
            let dept = &inst.departments[d];
            write!(
                w,
                "<li><b>{}</b>：{}",
                Esc(&dept.name),
                Esc(&items.join("、"))
            )?;
            if let Some(crew) = crews.iter().find(|c| c.department == dept.code) {
                write!(
                    w,
                    "<div class=\"note\">检查人员：{}</div>",
                    Esc(&crew_text(crew, Lang::Zh))
                )?;
            }
            write!(w, "</li>")?;
        }
        writeln!(
            w,
            "</ul></td><td class=\"sign\"></td><td class=\"sign\"></td><td class=\"sign\"></td></tr>"
        )?;
    }
    writeln!(w, "</tbody>\n</table>\n</section>")
}
