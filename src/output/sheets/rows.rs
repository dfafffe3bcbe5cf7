//! Provides one flat row per visit, shared by the CSV and XLSX sheets, the calendars and the
//! HTML report so they never disagree about what a team does where.

use super::Lang;
use crate::model::{
    DayIndex, DeptIndex, FirmIndex, Instance, Minute, Plan, Route, TaskIndex, TeamIndex, Visit,
};
use chrono::NaiveDate;

/// One visit, flattened for a sheet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VisitRow {
    /// The team.
    pub team: TeamIndex,
    /// The day index, for grouping.
    pub day: DayIndex,
    /// The date of the visit.
    pub date: NaiveDate,
    /// 1-based position in the day's route.
    pub seq: usize,
    /// Arrival at the firm.
    pub arrive: Minute,
    /// Start of on-site work.
    pub start: Minute,
    /// End of on-site work.
    pub end: Minute,
    /// Departure from the firm.
    pub depart: Minute,
    /// The firm.
    pub firm: FirmIndex,
    /// The visit's inspection items grouped by department, as one line of text.
    pub items: String,
    /// The visit's task ids, `;`-separated as in `routes.csv`.
    pub task_ids: String,
    /// The visit's tasks, for outputs that lay them out their own way.
    pub tasks: Vec<TaskIndex>,
}

/// The tasks of a visit grouped by department, departments in index order, so officers of
/// each department see their own items together.
pub fn dept_groups(inst: &Instance, tasks: &[TaskIndex]) -> Vec<(DeptIndex, Vec<TaskIndex>)> {
    let mut groups: Vec<(DeptIndex, Vec<TaskIndex>)> = Vec::new();
    for &t in tasks {
        let d = inst.tasks[t].department;
        match groups.iter_mut().find(|(g, _)| *g == d) {
            Some((_, ts)) => ts.push(t),
            None => groups.push((d, vec![t])),
        }
    }
    groups.sort_by_key(|(d, _)| *d);
    groups
}

/// `部门：事项、事项；部门：事项` (or `dept: item, item; dept: item` in English).
pub fn items_text(inst: &Instance, tasks: &[TaskIndex], lang: Lang) -> String {
    let (colon, comma, semi) = match lang {
        Lang::Zh => ("：", "、", "；"),
        Lang::En => (": ", ", ", "; "),
    };
    dept_groups(inst, tasks)
        .iter()
        .map(|(d, ts)| {
            let items: Vec<&str> = ts.iter().map(|&t| inst.tasks[t].item.as_str()).collect();
            format!("{}{colon}{}", inst.departments[*d].name, items.join(comma))
        })
        .collect::<Vec<_>>()
        .join(semi)
}

fn row(inst: &Instance, route: &Route, seq: usize, v: &Visit, lang: Lang) -> VisitRow {
    VisitRow {
        team: route.team,
        day: route.day,
        date: inst.calendar.date(route.day),
        seq: seq + 1,
        arrive: v.arrive,
        start: v.start,
        end: v.end,
        depart: v.depart,
        firm: v.firm,
        items: items_text(inst, &v.tasks, lang),
        task_ids: v
            .tasks
            .iter()
            .map(|&t| inst.tasks[t].id.as_str())
            .collect::<Vec<_>>()
            .join(";"),
        tasks: v.tasks.clone(),
    }
}

/// Every visit of the plan, ordered by team, then date, then position in the route.
pub fn visit_rows(inst: &Instance, plan: &Plan, lang: Lang) -> Vec<VisitRow> {
    let mut routes: Vec<&Route> = plan.routes.iter().collect();
    routes.sort_by_key(|r| (r.team, r.day));
    routes
        .into_iter()
        .flat_map(|r| {
            r.visits
                .iter()
                .enumerate()
                .map(move |(i, v)| row(inst, r, i, v, lang))
        })
        .collect()
}

/// The rows of one team, by date and position.
pub fn team_rows(inst: &Instance, plan: &Plan, team: TeamIndex, lang: Lang) -> Vec<VisitRow> {
    let mut routes: Vec<&Route> = plan.routes.iter().filter(|r| r.team == team).collect();
    routes.sort_by_key(|r| r.day);
    routes
        .into_iter()
        .flat_map(|r| {
            r.visits
                .iter()
                .enumerate()
                .map(move |(i, v)| row(inst, r, i, v, lang))
        })
        .collect()
}

impl VisitRow {
    /// The cells of the row as text, in [`super::headers`] order, before formula escaping.
    pub fn cells<'a>(&'a self, inst: &'a Instance) -> [std::borrow::Cow<'a, str>; 14] {
        use crate::model::fmt_minute;
        let firm = &inst.firms[self.firm];
        [
            self.date.format("%Y-%m-%d").to_string().into(),
            self.seq.to_string().into(),
            fmt_minute(self.arrive).into(),
            fmt_minute(self.start).into(),
            fmt_minute(self.end).into(),
            fmt_minute(self.depart).into(),
            firm.name.as_str().into(),
            firm.id.as_str().into(),
            firm.address.as_str().into(),
            self.items.as_str().into(),
            self.task_ids.as_str().into(),
            firm.contact.as_str().into(),
            firm.phone.as_str().into(),
            firm.notes.as_str().into(),
        ]
    }

    /// The firm's value under each of `headers` (from [`extra_headers`]), `""` where it has
    /// none.
    pub fn extra_cells<'a>(&self, inst: &'a Instance, headers: &[String]) -> Vec<&'a str> {
        let firm = &inst.firms[self.firm];
        headers
            .iter()
            .map(|h| {
                firm.extra
                    .iter()
                    .find(|(k, _)| k == h)
                    .map_or("", |(_, v)| v.as_str())
            })
            .collect()
    }
}

/// The register's other columns, each once, in the order the firms first name them: the
/// route sheets carry them under their own headers.
pub fn extra_headers(inst: &Instance) -> Vec<String> {
    let mut headers: Vec<String> = Vec::new();
    for (h, _) in inst.firms.iter().flat_map(|f| &f.extra) {
        if !headers.contains(h) {
            headers.push(h.clone());
        }
    }
    headers
}
