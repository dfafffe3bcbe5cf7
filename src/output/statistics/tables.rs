//! Lays the statistics out as tables: one per sheet, headers in Chinese with English beside
//! them, one row per department, township, team or week.

use crate::stats::{Figures, Share, Statistics, Work};

/// One cell: text, a whole number, or a number with one decimal (percent, km, hours).
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// Text.
    Text(String),
    /// A count.
    Int(i64),
    /// A figure shown with one decimal.
    Dec(f64),
    /// Nothing to show (a share without a whole).
    Empty,
}

impl Cell {
    /// The cell as CSV writes it.
    pub fn text(&self) -> String {
        match self {
            Cell::Text(s) => s.clone(),
            Cell::Int(i) => i.to_string(),
            Cell::Dec(x) => format!("{x:.1}"),
            Cell::Empty => String::new(),
        }
    }
}

/// One sheet of the workbook, one CSV file.
#[derive(Debug, Clone, PartialEq)]
pub struct StatTable {
    /// Sheet name.
    pub sheet: &'static str,
    /// Column headers.
    pub headers: Vec<&'static str>,
    /// Rows.
    pub rows: Vec<Vec<Cell>>,
}

fn int(n: usize) -> Cell {
    Cell::Int(n as i64)
}

fn pct(s: Share) -> Cell {
    s.percent().map_or(Cell::Empty, Cell::Dec)
}

fn met(m: Option<bool>) -> Cell {
    match m {
        Some(true) => Cell::Text("达标".into()),
        Some(false) => Cell::Text("未达标".into()),
        None => Cell::Empty,
    }
}

fn hours(minutes: u64) -> Cell {
    Cell::Dec((minutes as f64 / 6.0).round() / 10.0)
}

fn km(x: f64) -> Cell {
    Cell::Dec((x * 10.0).round() / 10.0)
}

const VISITS: [&str; 5] = [
    "入企 visits",
    "联合入企 joint visits",
    "完成任务 tasks done",
    "联合完成任务 tasks in joint visits",
    "联合检查占比% joint share %",
];

fn visit_cells(f: &Figures) -> Vec<Cell> {
    vec![
        int(f.visits),
        int(f.joint_visits),
        int(f.scheduled_tasks),
        int(f.joint_tasks),
        pct(f.joint_share()),
    ]
}

const WORK: [&str; 3] = [
    "行驶里程(公里) km",
    "行驶时间(小时) driving h",
    "在场时间(小时) on site h",
];

fn work_cells(w: &Work) -> Vec<Cell> {
    vec![
        km(w.travel_km),
        hours(w.travel_minutes),
        hours(w.onsite_minutes),
    ]
}

/// The five tables, in sheet order: 总体, 部门, 乡镇, 检查组, 周.
pub fn statistics_tables(s: &Statistics) -> Vec<StatTable> {
    let t = &s.targets;
    let o = &s.overall;
    let (o_joint, o_red) = o.against(t);
    let target = |hundredths: u32| Cell::Dec(f64::from(hundredths) / 100.0);
    // A figure with no target.
    let figure =
        |label: &str, value: Cell| vec![Cell::Text(label.into()), value, Cell::Empty, Cell::Empty];
    let overall = StatTable {
        sheet: "总体",
        headers: vec!["指标 figure", "数值 value", "目标 target", "是否达标 met"],
        rows: vec![
            figure("单独检查入企 naive visits", int(o.naive_visits)),
            figure("入企 visits", int(o.visits)),
            figure("联合入企 joint visits", int(o.joint_visits)),
            figure("减少入企 visits saved", Cell::Int(o.visits_saved())),
            figure("完成任务 tasks done", int(o.scheduled_tasks)),
            figure("联合完成任务 tasks in joint visits", int(o.joint_tasks)),
            vec![
                Cell::Text("联合检查占比% joint share %".into()),
                pct(o.joint_share()),
                target(t.joint_share),
                met(o_joint),
            ],
            figure("任务联合率% task share %", pct(o.joint_task_share())),
            vec![
                Cell::Text("减少入企比例% reduction %".into()),
                pct(o.reduction()),
                target(t.reduction),
                met(o_red),
            ],
            figure("检查组出勤(组·日) team-days", int(s.work.routes)),
            figure("行驶里程(公里) km", km(s.work.travel_km)),
            figure("行驶时间(小时) driving h", hours(s.work.travel_minutes)),
            figure("在场时间(小时) on site h", hours(s.work.onsite_minutes)),
        ],
    };
    let shares = |f: &Figures| {
        let mut c = vec![int(f.naive_visits)];
        c.extend(visit_cells(f));
        c.push(pct(f.joint_task_share()));
        c.push(Cell::Int(f.visits_saved()));
        c.push(pct(f.reduction()));
        c
    };
    let mut share_heads = vec!["单独检查入企 naive visits"];
    share_heads.extend(VISITS);
    share_heads.extend([
        "任务联合率% task share %",
        "减少入企 visits saved",
        "减少入企比例% reduction %",
    ]);
    let mut dept_heads = vec!["部门代码 code", "部门 department"];
    dept_heads.extend(share_heads.iter().copied());
    dept_heads.push("牵头入企 led visits");
    dept_heads.extend([
        "联合检查占比达标 joint share met",
        "减少入企达标 reduction met",
    ]);
    let departments = StatTable {
        sheet: "部门",
        headers: dept_heads,
        rows: s
            .departments
            .iter()
            .map(|d| {
                let (j, r) = d.figures.against(t);
                let mut row = vec![Cell::Text(d.code.clone()), Cell::Text(d.name.clone())];
                row.extend(shares(&d.figures));
                row.push(int(d.figures.led_visits));
                row.extend([met(j), met(r)]);
                row
            })
            .collect(),
    };
    let mut town_heads = vec!["乡镇 township"];
    town_heads.extend(share_heads.iter().copied());
    let townships = StatTable {
        sheet: "乡镇",
        headers: town_heads,
        rows: s
            .townships
            .iter()
            .map(|r| {
                let mut row = vec![Cell::Text(r.township.clone())];
                row.extend(shares(&r.figures));
                row
            })
            .collect(),
    };
    let mut team_heads = vec!["检查组编号 team id", "检查组 team", "出勤天数 days"];
    team_heads.extend(VISITS);
    team_heads.push("任务联合率% task share %");
    team_heads.extend(WORK);
    let teams = StatTable {
        sheet: "检查组",
        headers: team_heads,
        rows: s
            .teams
            .iter()
            .map(|r| {
                let mut row = vec![
                    Cell::Text(r.team_id.clone()),
                    Cell::Text(r.name.clone()),
                    int(r.work.routes),
                ];
                row.extend(visit_cells(&r.figures));
                row.push(pct(r.figures.joint_task_share()));
                row.extend(work_cells(&r.work));
                row
            })
            .collect(),
    };
    let mut week_heads = vec![
        "周 ISO week",
        "起 from",
        "止 to",
        "检查组出勤(组·日) team-days",
    ];
    week_heads.extend(VISITS);
    week_heads.push("任务联合率% task share %");
    week_heads.extend(WORK);
    let weeks = StatTable {
        sheet: "周",
        headers: week_heads,
        rows: s
            .weeks
            .iter()
            .map(|r| {
                let mut row = vec![
                    Cell::Text(r.week.label()),
                    Cell::Text(r.week.first.to_string()),
                    Cell::Text(r.week.last.to_string()),
                    int(r.work.routes),
                ];
                row.extend(visit_cells(&r.figures));
                row.push(pct(r.figures.joint_task_share()));
                row.extend(work_cells(&r.work));
                row
            })
            .collect(),
    };
    vec![overall, departments, townships, teams, weeks]
}
