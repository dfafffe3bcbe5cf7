//! Provides the typed findings of the plan checker.

use crate::i18n::{Key, Lang, Msg};
use chrono::NaiveDate;
use serde::Serialize;
use std::fmt;

/// What rule a plan breaks; each kind has a stable code for scripts and tests.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ViolationKind {
    /// A task, firm, team or day index points outside the instance.
    IndexOutOfRange,
    /// A task is neither scheduled nor listed as unscheduled.
    TaskMissing,
    /// A task appears more than once (scheduled twice, unscheduled twice, or both).
    TaskDuplicated,
    /// A route lies on a day that is not a working day.
    NotWorkingDay,
    /// A route's team does not work that day.
    TeamNotWorking,
    /// A team has more than one route on one day.
    DuplicateRoute,
    /// A task is done outside its allowed date window.
    OutsideTaskWindow,
    /// The team does not cover the task's department.
    DepartmentNotCovered,
    /// A visit lists a task of another firm.
    TaskOfOtherFirm,
    /// A visit does no task.
    EmptyVisit,
    /// A team enters the same firm twice on one day.
    RepeatVisit,
    /// The team leaves its base before its shift starts.
    LeavesBeforeShift,
    /// The arrival time is not the previous departure plus the driving time.
    WrongArrival,
    /// On-site work starts before the team arrives.
    StartsBeforeArrival,
    /// The on-site time is not setup plus the longest department's minutes.
    WrongOnsiteMinutes,
    /// On-site work is not inside one of the firm's opening windows that day.
    OutsideOpeningHours,
    /// On-site work is not inside one of the team's shift windows.
    OutsideShift,
    /// The team drives off before the work ends.
    DepartsBeforeEnd,
    /// The return time is not the last departure plus the drive back.
    WrongReturn,
    /// The team is back at its base after its shift ends.
    ReturnsAfterShift,
    /// A route's tasks demand more than the team's daily capacity.
    OverCapacity,
    /// A team goes out on more working days than its `max_days`.
    OverMaxDays,
    /// An unscheduled task's reason does not hold.
    WrongReason,
    /// A pinned task (`pins.csv`) is done by another team or on another day.
    PinBroken,
    /// A route without visits (harmless, but plans leave them out).
    EmptyRoute,
    /// A file every plan folder has (plan.json, routes.csv, unscheduled.csv) is missing, or
    /// one for people (the map, the report, the sheets) is.
    MissingFile,
    /// The plan folder holds a file chayici never writes.
    UnexpectedFile,
    /// A plan file cannot be read as what chayici writes (not JSON, a wrong header).
    UnreadableFile,
    /// A row or value of a plan file cannot be read (a wrong cell count, a time that is not
    /// `HH:MM`, an id the workspace does not have).
    MalformedRow,
    /// A row plan.json has is not in routes.csv or unscheduled.csv.
    RowMissing,
    /// A row of routes.csv or unscheduled.csv that plan.json does not have.
    RowExtra,
    /// A row written twice.
    RowDuplicated,
    /// A row out of its route's driving order.
    RowOutOfOrder,
    /// A cell of routes.csv or unscheduled.csv says something else than plan.json.
    FilesDisagree,
    /// A name, department list or other cell is not what the workspace says.
    WrongCell,
    /// A leg's kilometres or minutes are not the travel between its two stops.
    WrongTravel,
    /// A figure of plan.json (`kpis`, a route's totals) is not what its routes give.
    WrongFigure,
    /// A replan does not keep a task where the plan it started from had it done before the
    /// replanning date.
    FixedVisitMoved,
    /// A replan puts a task on a day before the replanning date that the plan it started
    /// from did not do there.
    ChangedBeforeFrom,
}

impl ViolationKind {
    /// The stable code printed by `chayici verify`.
    pub fn code(&self) -> &'static str {
        match self {
            Self::IndexOutOfRange => "index_out_of_range",
            Self::TaskMissing => "task_missing",
            Self::TaskDuplicated => "task_duplicated",
            Self::NotWorkingDay => "not_working_day",
            Self::TeamNotWorking => "team_not_working",
            Self::DuplicateRoute => "duplicate_route",
            Self::OutsideTaskWindow => "outside_task_window",
            Self::DepartmentNotCovered => "department_not_covered",
            Self::TaskOfOtherFirm => "task_of_other_firm",
            Self::EmptyVisit => "empty_visit",
            Self::RepeatVisit => "repeat_visit",
            Self::LeavesBeforeShift => "leaves_before_shift",
            Self::WrongArrival => "wrong_arrival",
            Self::StartsBeforeArrival => "starts_before_arrival",
            Self::WrongOnsiteMinutes => "wrong_onsite_minutes",
            Self::OutsideOpeningHours => "outside_opening_hours",
            Self::OutsideShift => "outside_shift",
            Self::DepartsBeforeEnd => "departs_before_end",
            Self::WrongReturn => "wrong_return",
            Self::ReturnsAfterShift => "returns_after_shift",
            Self::OverCapacity => "over_capacity",
            Self::OverMaxDays => "over_max_days",
            Self::WrongReason => "wrong_reason",
            Self::PinBroken => "pin_broken",
            Self::EmptyRoute => "empty_route",
            Self::MissingFile => "missing_file",
            Self::UnexpectedFile => "unexpected_file",
            Self::UnreadableFile => "unreadable_file",
            Self::MalformedRow => "malformed_row",
            Self::RowMissing => "row_missing",
            Self::RowExtra => "row_extra",
            Self::RowDuplicated => "row_duplicated",
            Self::RowOutOfOrder => "row_out_of_order",
            Self::FilesDisagree => "files_disagree",
            Self::WrongCell => "wrong_cell",
            Self::WrongTravel => "wrong_travel",
            Self::WrongFigure => "wrong_figure",
            Self::FixedVisitMoved => "fixed_visit_moved",
            Self::ChangedBeforeFrom => "changed_before_from",
        }
    }

    /// The rule in words, in the catalogue.
    pub fn key(&self) -> Key {
        match self {
            Self::IndexOutOfRange => Key::ViolationIndexOutOfRange,
            Self::TaskMissing => Key::ViolationTaskMissing,
            Self::TaskDuplicated => Key::ViolationTaskDuplicated,
            Self::NotWorkingDay => Key::ViolationNotWorkingDay,
            Self::TeamNotWorking => Key::ViolationTeamNotWorking,
            Self::DuplicateRoute => Key::ViolationDuplicateRoute,
            Self::OutsideTaskWindow => Key::ViolationOutsideTaskWindow,
            Self::DepartmentNotCovered => Key::ViolationDepartmentNotCovered,
            Self::TaskOfOtherFirm => Key::ViolationTaskOfOtherFirm,
            Self::EmptyVisit => Key::ViolationEmptyVisit,
            Self::RepeatVisit => Key::ViolationRepeatVisit,
            Self::LeavesBeforeShift => Key::ViolationLeavesBeforeShift,
            Self::WrongArrival => Key::ViolationWrongArrival,
            Self::StartsBeforeArrival => Key::ViolationStartsBeforeArrival,
            Self::WrongOnsiteMinutes => Key::ViolationWrongOnsiteMinutes,
            Self::OutsideOpeningHours => Key::ViolationOutsideOpeningHours,
            Self::OutsideShift => Key::ViolationOutsideShift,
            Self::DepartsBeforeEnd => Key::ViolationDepartsBeforeEnd,
            Self::WrongReturn => Key::ViolationWrongReturn,
            Self::ReturnsAfterShift => Key::ViolationReturnsAfterShift,
            Self::OverCapacity => Key::ViolationOverCapacity,
            Self::OverMaxDays => Key::ViolationOverMaxDays,
            Self::WrongReason => Key::ViolationWrongReason,
            Self::PinBroken => Key::ViolationPinBroken,
            Self::EmptyRoute => Key::ViolationEmptyRoute,
            Self::MissingFile => Key::ViolationMissingFile,
            Self::UnexpectedFile => Key::ViolationUnexpectedFile,
            Self::UnreadableFile => Key::ViolationUnreadableFile,
            Self::MalformedRow => Key::ViolationMalformedRow,
            Self::RowMissing => Key::ViolationRowMissing,
            Self::RowExtra => Key::ViolationRowExtra,
            Self::RowDuplicated => Key::ViolationRowDuplicated,
            Self::RowOutOfOrder => Key::ViolationRowOutOfOrder,
            Self::FilesDisagree => Key::ViolationFilesDisagree,
            Self::WrongCell => Key::ViolationWrongCell,
            Self::WrongTravel => Key::ViolationWrongTravel,
            Self::WrongFigure => Key::ViolationWrongFigure,
            Self::FixedVisitMoved => Key::ViolationFixedVisitMoved,
            Self::ChangedBeforeFrom => Key::ViolationChangedBeforeFrom,
        }
    }
}

impl fmt::Display for ViolationKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// One broken rule, naming what it concerns by the ids a clerk knows, not by indices.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Violation {
    /// The rule broken.
    pub kind: ViolationKind,
    /// The task concerned, when one is.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub task: Option<String>,
    /// The team concerned, when one is.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub team: Option<String>,
    /// The date concerned, when one is.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<NaiveDate>,
    /// The firm concerned, when one is.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub firm: Option<String>,
    /// The plan file concerned (`routes.csv`), when the finding is about one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
    /// The 1-based line of `file`, when the finding is about one row.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    /// What is wrong, with the values involved.
    pub message: String,
    /// The same as a catalogue message, when it is one: shown in the language of the run.
    #[serde(skip)]
    pub text: Option<Msg>,
}

impl Violation {
    /// A violation with no subject yet; the builder methods below add them.
    pub fn new(kind: ViolationKind, message: impl Into<String>) -> Self {
        Self {
            kind,
            task: None,
            team: None,
            date: None,
            firm: None,
            file: None,
            line: None,
            message: message.into(),
            text: None,
        }
    }

    /// A violation whose message is `text` of the catalogue; `message` keeps its English.
    pub fn from_msg(kind: ViolationKind, text: Msg) -> Self {
        let mut v = Self::new(kind, text.raw(Lang::En));
        v.text = Some(text);
        v
    }

    /// The same violation, naming a task.
    pub fn task(mut self, id: &str) -> Self {
        self.task = Some(id.to_owned());
        self
    }

    /// The same violation, naming a team.
    pub fn team(mut self, id: &str) -> Self {
        self.team = Some(id.to_owned());
        self
    }

    /// The same violation, naming a date.
    pub fn date(mut self, date: NaiveDate) -> Self {
        self.date = Some(date);
        self
    }

    /// The same violation, naming a firm.
    pub fn firm(mut self, id: &str) -> Self {
        self.firm = Some(id.to_owned());
        self
    }

    /// The same violation, found in a file of the plan folder.
    pub fn in_file(mut self, file: &str) -> Self {
        self.file = Some(file.to_owned());
        self
    }

    /// The same violation, found on a line of its file.
    pub fn line(mut self, line: usize) -> Self {
        self.line = Some(line);
        self
    }

    /// `routes.csv:14`, `plan.json`, or nothing: where the finding is, for a prefix the way
    /// compilers and `chayici check` write it.
    pub fn location(&self) -> Option<String> {
        let file = self.file.as_deref()?;
        Some(match self.line {
            Some(l) => format!("{file}:{l}"),
            None => file.to_owned(),
        })
    }
}

impl fmt::Display for Violation {
    /// `[code] team T1 2026-12-03 firm … task …: message`, with control characters escaped,
    /// since a tampered plan.json can put anything in an id or a reason.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use crate::diag::printable;
        write!(f, "[{}]", self.kind)?;
        if let Some(t) = &self.team {
            write!(f, " team {}", printable(t))?;
        }
        if let Some(d) = &self.date {
            write!(f, " {d}")?;
        }
        if let Some(x) = &self.firm {
            write!(f, " firm {}", printable(x))?;
        }
        if let Some(t) = &self.task {
            write!(f, " task {}", printable(t))?;
        }
        write!(f, ": {}", printable(&self.message))
    }
}

impl Violation {
    /// The line in `lang`: in English exactly as [`fmt::Display`] writes it; in Chinese with
    /// the same stable code, the subjects named in Chinese and the message from the
    /// catalogue, or, where the check words it itself, the rule in Chinese with its English
    /// detail in brackets.
    pub fn render(&self, lang: Lang) -> String {
        use crate::diag::printable;
        if lang == Lang::En {
            return self.to_string();
        }
        let mut s = format!("[{}]", self.kind);
        if let Some(t) = &self.team {
            s.push(' ');
            s.push_str(
                &Msg::new(Key::ViolationTeam)
                    .arg("team", printable(t))
                    .raw(lang),
            );
        }
        if let Some(d) = &self.date {
            s.push_str(&format!(" {d}"));
        }
        if let Some(x) = &self.firm {
            s.push(' ');
            s.push_str(
                &Msg::new(Key::ViolationFirm)
                    .arg("firm", printable(x))
                    .raw(lang),
            );
        }
        if let Some(t) = &self.task {
            s.push(' ');
            s.push_str(
                &Msg::new(Key::ViolationTask)
                    .arg("task", printable(t))
                    .raw(lang),
            );
        }
        let detail = match &self.text {
            Some(m) => printable(&m.raw(lang)).into_owned(),
            None => Msg::new(Key::ViolationUntranslated)
                .arg("rule", self.kind.key())
                .arg("detail", printable(&self.message))
                .raw(lang),
        };
        s.push_str(lang.text(Key::ViolationColon));
        s.push_str(&detail);
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::msg;

    #[test]
    fn a_catalogue_message_keeps_its_english_and_is_worded_in_chinese() {
        let was = msg!(ViolationLockWas, team = "T1", date = "2026-12-03");
        let v = Violation::from_msg(
            ViolationKind::FixedVisitMoved,
            msg!(ViolationLockDropped, was = was),
        )
        .task("SC-01");
        let en = "[fixed_visit_moved] task SC-01: was done by team T1 on 2026-12-03 (the plan it \
                  started from), but this plan does not have it in any route";
        assert_eq!(v.to_string(), en);
        assert_eq!(v.render(Lang::En), en);
        assert_eq!(
            v.render(Lang::Zh),
            "[fixed_visit_moved] 任务 SC-01：原计划中已由检查组 T1 于 2026-12-03 完成，但本计划的路线中没有它"
        );
        let plain = Violation::new(ViolationKind::WrongArrival, "arrives at 09:10").team("T2");
        assert_eq!(
            plain.render(Lang::Zh),
            "[wrong_arrival] 检查组 T2：到达时间不等于上一站离开时间加车程（arrives at 09:10）"
        );
    }
}
