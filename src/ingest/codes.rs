//! Provides the registry of diagnostic codes: every code `check` can print, with its severity
//! and a one-line description, so the README's error index and the code never drift apart.
//!
//! Codes are grouped by what they concern: `0xxx` files and settings, `10xx` firms, `11xx`
//! coordinates, `12xx` opening hours, `13xx` teams, `14xx` tasks, `15xx` the travel matrix,
//! `17xx` the month's records (`done.csv`, `pins.csv`, `absences.csv`), `20xx` firms' contacts,
//! `21xx` team-days, `22xx` the lottery's files (`sampling.csv`, `exempt.csv`, `history.csv`,
//! `officers.csv`).

use crate::diag::Severity;

/// One registered code.
#[derive(Debug, Clone, Copy)]
pub struct CodeInfo {
    /// The code, e.g. `E1003`.
    pub code: &'static str,
    /// Whether it is an error or a warning.
    pub severity: Severity,
    /// One line saying what it means.
    pub summary: &'static str,
}

macro_rules! codes {
    ($($name:ident = $code:literal, $sev:ident, $summary:literal;)*) => {
        $(
            #[doc = $summary]
            pub const $name: &str = $code;
        )*
        /// Every code, in code order.
        pub const ALL: &[CodeInfo] = &[
            $(CodeInfo { code: $code, severity: Severity::$sev, summary: $summary },)*
        ];
    };
}

codes! {
    FILE_UNREADABLE = "E0101", Error, "A file cannot be decoded or parsed (CSV, XLSX, JSON).";
    MISSING_COLUMN = "E0102", Error, "A required column is missing from a table's header.";
    DUPLICATE_COLUMN = "W0103", Warning, "Two columns mean the same field; the first is used.";
    NO_ROWS = "W0104", Warning, "A table has a header but no data rows.";
    NOT_READ = "E0105", Error, "An entry of plans/ is not read: a folder, a broken link, an unreadable or unknown file.";
    TOO_MANY_DEPARTMENTS = "E0106", Error, "More departments than the planner supports (64).";
    EMPTY_REQUIRED = "E0107", Error, "A required value is empty.";
    MISSING_FILE = "E0108", Error, "teams.csv or the plans/ folder is missing.";
    UNKNOWN_COLUMN = "W0109", Warning, "A column's header names no known field; the column is ignored.";
    HEADERLESS_COLUMN = "E0110", Error, "A column holds data under an empty header.";
    MERGED_HEADER = "E0111", Error, "A merged header cell hides a column that holds data.";
    UNSUPPORTED_WORKBOOK = "E0112", Error, "A workbook format chayici does not read (.et, .ods, .numbers).";
    TWO_FILES = "E0113", Error, "Two files hold the same table (firms.csv and firms.xlsx); one would be ignored.";
    MERGED_CELLS = "E0114", Error, "Merged cells leave a known column empty in every row but the first.";
    FILE_TOO_LARGE = "E0120", Error, "A file, or the workspace's files together, exceed 64 MiB.";
    TOO_MANY_TASKS = "E0121", Error, "The plans hold more tasks than chayici plans (200,000).";
    TOO_MANY_FIRMS_OR_TEAMS = "E0122", Error, "More firms (200,000) or teams (1,000) than chayici plans.";
    ROWS_ABOVE_HEADER = "W0130", Warning, "Title or blank rows above a table's header are skipped.";
    SHEET_SKIPPED = "W0131", Warning, "A sheet in front of a workbook's data sheet without a header of known columns (instructions) is skipped.";
    TOML_SYNTAX = "E0201", Error, "chayici.toml is not valid TOML.";
    HORIZON_MISSING = "E0202", Error, "The horizon's start or end is missing or not a date.";
    HORIZON_REVERSED = "E0203", Error, "The horizon ends before it starts.";
    UNKNOWN_KEY = "W0204", Warning, "chayici.toml has a key the tool does not know; it is ignored.";
    BAD_SETTING = "E0205", Error, "A setting in chayici.toml has an invalid value.";
    NO_HOLIDAY_TABLE = "W0206", Warning, "The horizon reaches a year without built-in holidays.";
    CONFLICTING_OVERRIDE = "W0207", Warning, "A date is both an extra holiday and an extra workday.";
    NO_WORKING_DAY = "W0208", Warning, "The horizon holds no working day.";
    OUTSIDE_WORKSPACE = "E0209", Error, "A file named in chayici.toml lies outside the workspace folder.";
    CODE_LENGTH = "E1001", Error, "A credit code does not have 18 characters.";
    CODE_CHARSET = "E1002", Error, "A credit code has a character outside GB 32100's set.";
    CODE_CHECK_DIGIT = "E1003", Error, "A credit code's check character is wrong.";
    ORG_CODE_CHECK = "W1004", Warning, "The organisation code inside a credit code fails GB 11714.";
    DUPLICATE_FIRM = "E1005", Error, "The same firm id appears twice in the register.";
    BAD_TASK_CREDIT_CODE = "E1010", Error, "A task's credit code is malformed (length, a letter such as O for 0, the check character) and names no firm; the likely firm is suggested.";
    COORD_MISSING = "E1101", Error, "A longitude or latitude is missing.";
    COORD_NOT_NUMBER = "E1102", Error, "A longitude or latitude is not a number.";
    COORD_OUT_OF_RANGE = "E1103", Error, "A longitude or latitude is outside -180..180 / -90..90.";
    COORD_OUTSIDE_CHINA = "E1104", Error, "A point lies outside China (lon 73-136, lat 3-54).";
    COORD_SWAPPED = "E1105", Error, "Longitude and latitude look swapped.";
    BAD_HOURS = "E1201", Error, "Opening hours are not time ranges like 08:00-11:30;14:00-17:30.";
    BAD_CLOSED = "E1202", Error, "Closed days are not weekdays or dates.";
    DUPLICATE_TEAM = "E1301", Error, "The same team id appears twice (ignoring case).";
    TEAM_NO_DEPARTMENT = "E1302", Error, "A team covers no department.";
    BAD_SHIFT = "E1303", Error, "A shift is not time ranges like 08:30-12:00;13:00-17:30.";
    BAD_TEAM_DAYS = "E1304", Error, "A team's days are not weekdays or dates.";
    TEAM_DEPARTMENT_UNUSED = "W1305", Warning, "A team covers a department no plan names.";
    TEAM_DAY_NOT_WORKING = "W1306", Warning, "A team's listed day is not a working day.";
    TEAM_NO_DAY = "W1307", Warning, "A team works no day of the horizon.";
    BAD_CAPACITY = "E1308", Error, "A team's daily capacity is not a whole number.";
    BAD_TEAM_ID = "E1309", Error, "A team id contains `;` or a control character.";
    DUPLICATE_TASK = "E1401", Error, "The same task id appears twice in the workspace (ignoring case).";
    UNKNOWN_FIRM = "E1402", Error, "A task names a firm that is not in the register.";
    FIRM_NAME_MISMATCH = "W1403", Warning, "A task's firm name differs from the register's.";
    BAD_DATE = "E1404", Error, "A date cannot be read.";
    WINDOW_REVERSED = "E1405", Error, "A task's earliest date is after its latest date.";
    WINDOW_CLAMPED = "W1406", Warning, "A task's window reaches outside the horizon and is cut.";
    WINDOW_OUTSIDE = "E1407", Error, "A task's window lies entirely outside the horizon.";
    WINDOW_NO_WORKING_DAY = "W1408", Warning, "A task's window holds no working day.";
    BAD_MINUTES = "E1409", Error, "Minutes are not a positive whole number.";
    BAD_PRIORITY = "E1410", Error, "A priority is not mandatory/normal/low (必查/一般/可选).";
    DEPARTMENT_UNCOVERED = "W1411", Warning, "No team covers a department that has tasks.";
    NO_DEPARTMENT = "E1412", Error, "A task has no department (no column, no file department).";
    TASK_TOO_LONG = "W1413", Warning, "A task needs more minutes than any shift window holds.";
    BAD_DEMAND = "E1414", Error, "A task's demand is not a whole number.";
    BAD_TASK_ID = "E1415", Error, "A task id contains `;` or a control character.";
    BAD_DEPARTMENT = "E1416", Error, "A department named by a task contains `;`, `；` or a control character.";
    UNKNOWN_DEPARTMENT = "E1420", Error, "A plan or team names a department departments.csv does not list; the closest are named.";
    DEPARTMENT_NAME_MAPPED = "W1421", Warning, "A department written by its full name (`市场监管局`) is read as the listed department it names.";
    UNKNOWN_PLACE = "E1501", Error, "A travel matrix row names neither a firm nor a team.";
    BAD_TRAVEL = "E1502", Error, "A travel km or minutes value is missing, not a number, negative or too large.";
    DUPLICATE_PAIR = "W1503", Warning, "A travel matrix lists a pair twice; the later row is used.";
    MATRIX_NOT_FOUND = "E1504", Error, "The travel matrix file named in chayici.toml is not found.";
    MATRIX_PARTIAL = "W1505", Warning, "The travel matrix leaves pairs out; they use the great-circle model.";
    UNKNOWN_MONTH_TASK = "E1701", Error, "A row of done.csv or pins.csv names a task no plan has.";
    UNKNOWN_MONTH_TEAM = "E1702", Error, "A row of pins.csv or absences.csv names a team teams.csv does not have.";
    BAD_MONTH_DATE = "E1703", Error, "A date in done.csv, pins.csv or absences.csv cannot be read.";
    MONTH_DATE_OUTSIDE = "E1704", Error, "A date in done.csv, pins.csv or absences.csv lies outside the horizon.";
    BAD_STATUS = "E1705", Error, "A status in done.csv is not done/not_done/firm_closed/postponed (已完成/未完成/企业关门/延期).";
    EMPTY_PIN = "E1706", Error, "A row of pins.csv names neither a team nor a date.";
    SECOND_PIN = "E1707", Error, "A task is pinned twice in pins.csv.";
    ABSENCE_TWICE = "W1708", Warning, "absences.csv records a team out on the same day twice.";
    DONE_TWICE = "W1709", Warning, "done.csv lists a task twice; the later row is used.";
    PIN_TEAM_UNCOVERED = "W1710", Warning, "A task is pinned to a team that does not cover its department; it will not be scheduled.";
    PIN_OUTSIDE_WINDOW = "W1711", Warning, "A task is pinned to a day outside its window; it will not be scheduled.";
    PIN_DAY_IMPOSSIBLE = "W1712", Warning, "A task is pinned to a day that is not a working day, on which its team is out or the firm is closed; it will not be scheduled.";
    BAD_PHONE = "W2001", Warning, "A firm's phone is neither a mainland mobile nor a landline number.";
    BAD_MAX_DAYS = "E2101", Error, "A team's `max_days` is not a whole number from 0 to 31.";
    TEAM_DAY_TWICE = "W2102", Warning, "`[objective]` sets both `team_day` and its old name `route`; `team_day` is used.";
    BAD_RATIO = "E2201", Error, "A sampling ratio is not a share from 0 to 1 (0.05 or 5%).";
    DUPLICATE_SAMPLING = "E2202", Error, "sampling.csv gives a department two ratios for the same grade.";
    DRAW_UNKNOWN_FIRM = "W2203", Warning, "exempt.csv or history.csv names a firm not in firms.csv; the row is ignored.";
    GRADE_WITHOUT_FIRMS = "W2204", Warning, "sampling.csv names a grade no firm of firms.csv has; the row draws nothing.";
    DUPLICATE_OFFICER = "E2205", Error, "officers.csv lists the same officer id twice (ignoring case).";
    NO_CREDENTIAL = "W2206", Warning, "An officer has no enforcement credential number and is never drawn.";
    CONFLICT_UNKNOWN_FIRM = "W2207", Warning, "An officer's conflict names a firm not in firms.csv.";
}

/// The registry entry of `code`.
pub fn lookup(code: &str) -> Option<&'static CodeInfo> {
    ALL.iter().find(|c| c.code == code)
}

/// The error index as a markdown table, for the README.
pub fn markdown_table() -> String {
    let mut s = String::from("| code | severity | meaning |\n| --- | --- | --- |\n");
    for c in ALL {
        s.push_str(&format!(
            "| `{}` | {} | {} |\n",
            c.code, c.severity, c.summary
        ));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_sorted_and_prefixed_by_severity() {
        for w in ALL.windows(2) {
            assert!(
                w[0].code[1..] < w[1].code[1..],
                "{} {}",
                w[0].code,
                w[1].code
            );
        }
        for c in ALL {
            let prefix = match c.severity {
                Severity::Error => 'E',
                Severity::Warning => 'W',
            };
            assert!(c.code.starts_with(prefix), "{}", c.code);
        }
        assert!(lookup("E1003").is_some());
    }
}
