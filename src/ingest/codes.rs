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
    /// The same line in Chinese, for the user guide's list of messages.
    pub summary_zh: &'static str,
}

macro_rules! codes {
    ($($name:ident = $code:literal, $sev:ident, $summary:literal, $zh:literal;)*) => {
        $(
            #[doc = $summary]
            pub const $name: &str = $code;
        )*
        /// Every code, in code order.
        pub const ALL: &[CodeInfo] = &[
            $(CodeInfo { code: $code, severity: Severity::$sev, summary: $summary, summary_zh: $zh },)*
        ];
    };
}

codes! {
    FILE_UNREADABLE = "E0101", Error, "A file cannot be decoded or parsed (CSV, XLSX, JSON).",
        "文件无法解码或解析（CSV、XLSX、JSON）。";
    MISSING_COLUMN = "E0102", Error, "A required column is missing from a table's header.",
        "表头缺少必填列。";
    DUPLICATE_COLUMN = "W0103", Warning, "Two columns mean the same field; the first is used.",
        "两列表示同一字段，使用前一列。";
    NO_ROWS = "W0104", Warning, "A table has a header but no data rows.",
        "表格只有表头，没有数据行。";
    NOT_READ = "E0105", Error, "An entry of plans/ is not read: a folder, a broken link, an unreadable or unknown file.",
        "plans/ 中有未读取的项：文件夹、失效的链接、无法读取或无法识别的文件。";
    TOO_MANY_DEPARTMENTS = "E0106", Error, "More departments than the planner supports (64).",
        "部门数超过规划能支持的上限（64 个）。";
    EMPTY_REQUIRED = "E0107", Error, "A required value is empty.",
        "必填值为空。";
    MISSING_FILE = "E0108", Error, "teams.csv or the plans/ folder is missing.",
        "缺少 teams.csv 或 plans/ 文件夹。";
    UNKNOWN_COLUMN = "W0109", Warning, "A column's header names no known field; the column is ignored.",
        "列名不是可识别的字段，该列不读取。";
    HEADERLESS_COLUMN = "E0110", Error, "A column holds data under an empty header.",
        "表头为空的列中有数据。";
    MERGED_HEADER = "E0111", Error, "A merged header cell hides a column that holds data.",
        "合并的表头单元格遮住了一列有数据的列。";
    UNSUPPORTED_WORKBOOK = "E0112", Error, "A workbook format chayici does not read (.et, .ods, .numbers).",
        "不能读取的工作簿格式（无法识别的 .et、.ods、.numbers 等）。";
    TWO_FILES = "E0113", Error, "Two files hold the same table (firms.csv and firms.xlsx); one would be ignored.",
        "同一张表有两个文件（如 firms.csv 和 firms.xlsx），其中一个会被忽略。";
    MERGED_CELLS = "E0114", Error, "Merged cells leave a known column empty in every row but the first.",
        "合并单元格使某一已知列除首行外全部为空。";
    FILE_TOO_LARGE = "E0120", Error, "A file, or the workspace's files together, exceed 64 MiB.",
        "单个文件或整个工作区的文件超过 64 MiB。";
    TOO_MANY_TASKS = "E0121", Error, "The plans hold more tasks than chayici plans (200,000).",
        "计划中的任务数超过上限（200,000 项）。";
    TOO_MANY_FIRMS_OR_TEAMS = "E0122", Error, "More firms (200,000) or teams (1,000) than chayici plans.",
        "企业数（200,000 家）或检查组数（1,000 个）超过上限。";
    ROWS_ABOVE_HEADER = "W0130", Warning, "Title or blank rows above a table's header are skipped.",
        "表头上方的标题行或空行已跳过。";
    SHEET_SKIPPED = "W0131", Warning, "A sheet in front of a workbook's data sheet without a header of known columns (instructions) is skipped.",
        "数据表前面没有可识别表头的工作表（如填表说明）已跳过。";
    TOML_SYNTAX = "E0201", Error, "chayici.toml is not valid TOML.",
        "chayici.toml 不是有效的 TOML。";
    HORIZON_MISSING = "E0202", Error, "The horizon's start or end is missing or not a date.",
        "计划期的起止日期缺失或不是日期。";
    HORIZON_REVERSED = "E0203", Error, "The horizon ends before it starts.",
        "计划期的结束日期早于开始日期。";
    UNKNOWN_KEY = "W0204", Warning, "chayici.toml has a key the tool does not know; it is ignored.",
        "chayici.toml 中有不认识的设置项，已忽略。";
    BAD_SETTING = "E0205", Error, "A setting in chayici.toml has an invalid value.",
        "chayici.toml 中某项设置的值无效。";
    NO_HOLIDAY_TABLE = "W0206", Warning, "The horizon reaches a year without built-in holidays.",
        "计划期跨入了没有内置节假日的年份。";
    CONFLICTING_OVERRIDE = "W0207", Warning, "A date is both an extra holiday and an extra workday.",
        "同一日期既是额外节假日又是额外工作日。";
    NO_WORKING_DAY = "W0208", Warning, "The horizon holds no working day.",
        "计划期内没有工作日。";
    OUTSIDE_WORKSPACE = "E0209", Error, "A file named in chayici.toml lies outside the workspace folder.",
        "chayici.toml 指定的文件在工作区文件夹之外。";
    CODE_LENGTH = "E1001", Error, "A credit code does not have 18 characters.",
        "统一社会信用代码不是 18 位。";
    CODE_CHARSET = "E1002", Error, "A credit code has a character outside GB 32100's set.",
        "统一社会信用代码含有 GB 32100 规定以外的字符。";
    CODE_CHECK_DIGIT = "E1003", Error, "A credit code's check character is wrong.",
        "统一社会信用代码的校验码不对。";
    ORG_CODE_CHECK = "W1004", Warning, "The organisation code inside a credit code fails GB 11714.",
        "统一社会信用代码中的组织机构代码不符合 GB 11714。";
    DUPLICATE_FIRM = "E1005", Error, "The same firm id appears twice in the register.",
        "企业名录中同一企业代码出现两次。";
    BAD_TASK_CREDIT_CODE = "E1010", Error, "A task's credit code is malformed (length, a letter such as O for 0, the check character) and names no firm; the likely firm is suggested.",
        "任务的统一社会信用代码写法有误（位数、把 0 写成字母 O、校验码），且对不上任何企业；会提示最可能的企业。";
    COORD_MISSING = "E1101", Error, "A longitude or latitude is missing.",
        "缺少经度或纬度。";
    COORD_NOT_NUMBER = "E1102", Error, "A longitude or latitude is not a number.",
        "经度或纬度不是数字。";
    COORD_OUT_OF_RANGE = "E1103", Error, "A longitude or latitude is outside -180..180 / -90..90.",
        "经度或纬度超出 -180～180 / -90～90。";
    COORD_OUTSIDE_CHINA = "E1104", Error, "A point lies outside China (lon 73-136, lat 3-54).",
        "坐标不在中国境内（经度 73～136，纬度 3～54）。";
    COORD_SWAPPED = "E1105", Error, "Longitude and latitude look swapped.",
        "经度和纬度疑似填反。";
    BAD_HOURS = "E1201", Error, "Opening hours are not time ranges like 08:00-11:30;14:00-17:30.",
        "营业时间不是 08:00-11:30;14:00-17:30 这样的时段。";
    BAD_CLOSED = "E1202", Error, "Closed days are not weekdays or dates.",
        "休息日不是星期或日期。";
    DUPLICATE_TEAM = "E1301", Error, "The same team id appears twice (ignoring case).",
        "检查组编号重复（不区分大小写）。";
    TEAM_NO_DEPARTMENT = "E1302", Error, "A team covers no department.",
        "检查组没有可检查的部门。";
    BAD_SHIFT = "E1303", Error, "A shift is not time ranges like 08:30-12:00;13:00-17:30.",
        "工作时间不是 08:30-12:00;13:00-17:30 这样的时段。";
    BAD_TEAM_DAYS = "E1304", Error, "A team's days are not weekdays or dates.",
        "检查组的出勤日期不是星期或日期。";
    TEAM_DEPARTMENT_UNUSED = "W1305", Warning, "A team covers a department no plan names.",
        "检查组可检查的部门没有出现在任何计划中。";
    TEAM_DAY_NOT_WORKING = "W1306", Warning, "A team's listed day is not a working day.",
        "检查组列出的出勤日不是工作日。";
    TEAM_NO_DAY = "W1307", Warning, "A team works no day of the horizon.",
        "检查组在计划期内没有一天出勤。";
    BAD_CAPACITY = "E1308", Error, "A team's daily capacity is not a whole number.",
        "检查组的每日容量不是整数。";
    BAD_TEAM_ID = "E1309", Error, "A team id contains `;` or a control character.",
        "检查组编号含有 `;` 或控制字符。";
    DUPLICATE_TASK = "E1401", Error, "The same task id appears twice in the workspace (ignoring case).",
        "任务编号在工作区中重复（不区分大小写）。";
    UNKNOWN_FIRM = "E1402", Error, "A task names a firm that is not in the register.",
        "任务所指的企业不在企业名录中。";
    FIRM_NAME_MISMATCH = "W1403", Warning, "A task's firm name differs from the register's.",
        "任务中的企业名称与名录不一致。";
    BAD_DATE = "E1404", Error, "A date cannot be read.",
        "日期无法识别。";
    WINDOW_REVERSED = "E1405", Error, "A task's earliest date is after its latest date.",
        "任务的最早日期晚于最晚日期。";
    WINDOW_CLAMPED = "W1406", Warning, "A task's window reaches outside the horizon and is cut.",
        "任务的时间窗超出计划期，超出部分已截去。";
    WINDOW_OUTSIDE = "E1407", Error, "A task's window lies entirely outside the horizon.",
        "任务的时间窗完全在计划期之外。";
    WINDOW_NO_WORKING_DAY = "W1408", Warning, "A task's window holds no working day.",
        "任务的时间窗内没有工作日。";
    BAD_MINUTES = "E1409", Error, "Minutes are not a positive whole number.",
        "检查时长不是正整数（分钟）。";
    BAD_PRIORITY = "E1410", Error, "A priority is not mandatory/normal/low (必查/一般/可选).",
        "优先级不是 必查/一般/可选（mandatory/normal/low）。";
    DEPARTMENT_UNCOVERED = "W1411", Warning, "No team covers a department that has tasks.",
        "有任务的部门没有检查组能查。";
    NO_DEPARTMENT = "E1412", Error, "A task has no department (no column, no file department).",
        "任务没有部门（既无部门列，文件也不代表部门）。";
    TASK_TOO_LONG = "W1413", Warning, "A task needs more minutes than any shift window holds.",
        "任务所需时长超过任何一个工作时段。";
    BAD_DEMAND = "E1414", Error, "A task's demand is not a whole number.",
        "任务的用量不是整数。";
    BAD_TASK_ID = "E1415", Error, "A task id contains `;` or a control character.",
        "任务编号含有 `;` 或控制字符。";
    BAD_DEPARTMENT = "E1416", Error, "A department named by a task contains `;`, `；` or a control character.",
        "任务所写的部门含有 `;`、`；` 或控制字符。";
    UNKNOWN_DEPARTMENT = "E1420", Error, "A plan or team names a department departments.csv does not list; the closest are named.",
        "计划或检查组所写的部门不在 departments.csv 中；会列出最接近的部门。";
    DEPARTMENT_NAME_MAPPED = "W1421", Warning, "A department written by its full name (`市场监管局`) is read as the listed department it names.",
        "部门写的是全称（如“市场监管局”），已按 departments.csv 中对应的部门读取。";
    UNKNOWN_PLACE = "E1501", Error, "A travel matrix row names neither a firm nor a team.",
        "行车矩阵中的某行既不是企业也不是检查组。";
    BAD_TRAVEL = "E1502", Error, "A travel km or minutes value is missing, not a number, negative or too large.",
        "行车里程或分钟数缺失、不是数字、为负数或过大。";
    DUPLICATE_PAIR = "W1503", Warning, "A travel matrix lists a pair twice; the later row is used.",
        "行车矩阵中同一对地点出现两次，使用后一行。";
    MATRIX_NOT_FOUND = "E1504", Error, "The travel matrix file named in chayici.toml is not found.",
        "chayici.toml 指定的行车矩阵文件不存在。";
    MATRIX_PARTIAL = "W1505", Warning, "The travel matrix leaves pairs out; they use the great-circle model.",
        "行车矩阵缺少部分地点对，这些地点对按直线距离估算。";
    UNKNOWN_MONTH_TASK = "E1701", Error, "A row of done.csv or pins.csv names a task no plan has.",
        "done.csv 或 pins.csv 的某行所写的任务不在任何计划中。";
    UNKNOWN_MONTH_TEAM = "E1702", Error, "A row of pins.csv or absences.csv names a team teams.csv does not have.",
        "pins.csv 或 absences.csv 的某行所写的检查组不在 teams.csv 中。";
    BAD_MONTH_DATE = "E1703", Error, "A date in done.csv, pins.csv or absences.csv cannot be read.",
        "done.csv、pins.csv 或 absences.csv 中的日期无法识别。";
    MONTH_DATE_OUTSIDE = "E1704", Error, "A date in done.csv, pins.csv or absences.csv lies outside the horizon.",
        "done.csv、pins.csv 或 absences.csv 中的日期在计划期之外。";
    BAD_STATUS = "E1705", Error, "A status in done.csv is not done/not_done/firm_closed/postponed (已完成/未完成/企业关门/延期).",
        "done.csv 中的状态不是 已完成/未完成/企业关门/延期（done/not_done/firm_closed/postponed）。";
    EMPTY_PIN = "E1706", Error, "A row of pins.csv names neither a team nor a date.",
        "pins.csv 的某行既没写检查组也没写日期。";
    SECOND_PIN = "E1707", Error, "A task is pinned twice in pins.csv.",
        "同一任务在 pins.csv 中指定了两次。";
    ABSENCE_TWICE = "W1708", Warning, "absences.csv records a team out on the same day twice.",
        "absences.csv 中同一检查组同一天的请假记录了两次。";
    DONE_TWICE = "W1709", Warning, "done.csv lists a task twice; the later row is used.",
        "done.csv 中同一任务出现两次，使用后一行。";
    PIN_TEAM_UNCOVERED = "W1710", Warning, "A task is pinned to a team that does not cover its department; it will not be scheduled.",
        "任务指定的检查组不能查该任务的部门，该任务将无法安排。";
    PIN_OUTSIDE_WINDOW = "W1711", Warning, "A task is pinned to a day outside its window; it will not be scheduled.",
        "任务指定的日期在其时间窗之外，该任务将无法安排。";
    PIN_DAY_IMPOSSIBLE = "W1712", Warning, "A task is pinned to a day that is not a working day, on which its team is out or the firm is closed; it will not be scheduled.",
        "任务指定的日期不是工作日、检查组请假或企业休息，该任务将无法安排。";
    BAD_PHONE = "W2001", Warning, "A firm's phone is neither a mainland mobile nor a landline number.",
        "企业电话既不是大陆手机号，也不是固定电话号码。";
    BAD_MAX_DAYS = "E2101", Error, "A team's `max_days` is not a whole number from 0 to 31.",
        "检查组的最多出勤天数（max_days）不是 0 到 31 之间的整数。";
    TEAM_DAY_TWICE = "W2102", Warning, "`[objective]` sets both `team_day` and its old name `route`; `team_day` is used.",
        "`[objective]` 同时设置了 `team_day` 和旧名称 `route`，使用 `team_day`。";
    BAD_RATIO = "E2201", Error, "A sampling ratio is not a share from 0 to 1 (0.05 or 5%).",
        "抽查比例不是 0 到 1 之间的比例（0.05 或 5%）。";
    DUPLICATE_SAMPLING = "E2202", Error, "sampling.csv gives a department two ratios for the same grade.",
        "sampling.csv 对同一部门同一等级给了两个抽查比例。";
    DRAW_UNKNOWN_FIRM = "W2203", Warning, "exempt.csv or history.csv names a firm not in firms.csv; the row is ignored.",
        "exempt.csv 或 history.csv 所写的企业不在 firms.csv 中，该行已忽略。";
    GRADE_WITHOUT_FIRMS = "W2204", Warning, "sampling.csv names a grade no firm of firms.csv has; the row draws nothing.",
        "sampling.csv 所写的等级在 firms.csv 中没有企业，该行抽不到任何企业。";
    DUPLICATE_OFFICER = "E2205", Error, "officers.csv lists the same officer id twice (ignoring case).",
        "officers.csv 中同一执法人员编号出现两次（不区分大小写）。";
    NO_CREDENTIAL = "W2206", Warning, "An officer has no enforcement credential number and is never drawn.",
        "执法人员没有执法证号，不参与抽取。";
    CONFLICT_UNKNOWN_FIRM = "W2207", Warning, "An officer's conflict names a firm not in firms.csv.",
        "执法人员需回避的企业不在 firms.csv 中。";
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
    fn every_code_says_what_it_means_in_chinese() {
        for info in ALL {
            assert!(
                info.summary_zh
                    .chars()
                    .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
                "{} has no Chinese summary",
                info.code
            );
        }
    }

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
