//! The English catalogue: the texts chayici has always printed, so English output stays as it was.

use super::Key;

/// The template of `key`.
pub(super) fn text(key: Key) -> &'static str {
    match key {
        // files and tables (E01xx, W01xx)
        Key::E0101Nul => "the file holds NUL bytes, which no text table has",
        Key::E0101NulHelp => {
            "if it is UTF-16 text, save it again as CSV UTF-8, or as Unicode text (which starts with a byte-order mark)"
        }
        Key::E0101Csv => "cannot read CSV: {error}",
        Key::E0101Empty => "the file is empty: no header row",
        Key::E0101Damaged => "the workbook is damaged",
        Key::E0101DamagedHelp => {
            "open it in Excel or WPS and save it again as .xlsx, or export it as CSV"
        }
        Key::E0101SaveAgain => "save the file again from Excel as .xlsx, or export it as CSV",
        Key::E0101OpenWorkbook => "cannot open the workbook: {error}",
        Key::E0101ReadSheet => "cannot read sheet `{sheet}`: {error}",
        Key::E0101MergedCells => "cannot read the merged cells of sheet `{sheet}`: {error}",
        Key::E0101NoSheet => "the workbook has no sheet with data",
        Key::E0101JsonUtf8 => "JSON must be UTF-8: {error}",
        Key::E0101JsonInvalid => "invalid JSON: {error}",
        Key::E0101JsonShape => {
            "expected an array of tasks, or an object with `department` and `tasks`"
        }
        Key::E0101JsonTask => "a task must be an object of named fields",
        Key::E0101JsonKeyTwice => {
            "key `{key}` appears twice in one task, so one of its values would be lost"
        }
        Key::E0101KeepOne => "keep one of the two",
        Key::E0102Missing => "required column `{field}` is missing; the header reads `{header}`",
        Key::E0102Help => "add a column named `{field}` or `{alias}`",
        Key::W0103Duplicate => {
            "column `{header}` is another `{field}` column; column {first} is used"
        }
        Key::W0103Help => "remove or rename one of the two columns",
        Key::W0104NoRows => "{path} has a header but no data rows",
        Key::W0104NoPlanFile => "plans/ holds no plan file",
        Key::E0105BrokenLink => {
            "`{name}` cannot be read: it is a link to a file that does not exist"
        }
        Key::E0105BrokenLinkHelp => "point the link at the plan, or delete it",
        Key::E0105Unreadable => "`{name}` cannot be read: {error}",
        Key::E0105Permissions => "check the file's permissions",
        Key::E0105Folder => {
            "`{name}` is a folder; plans are read from plans/ itself, not from folders in it"
        }
        Key::E0105FolderHelp => {
            "move its plans into plans/, or move the folder out of the workspace"
        }
        Key::E0105NotRegular => "`{name}` is not a regular file",
        Key::E0105NotRegularHelp => "remove it from plans/",
        Key::E0105UnknownKind => {
            "`{name}` is not a plan chayici reads (.csv, .tsv, .txt, .xlsx, .xls or .json)"
        }
        Key::E0105UnknownKindHelp => {
            "save the plan as .xlsx or .csv, move the file out of plans/, or list it in [plans] ignore in chayici.toml"
        }
        Key::E0106TooMany => "{count} departments are named; at most {max} are supported",
        Key::E0106Help => "check for misspelt department names, or map names in departments.csv",
        Key::E0107Empty => "{what} is empty",
        Key::E0107DepartmentCode => "department code is empty",
        Key::E0108NoTeams => "the workspace has no teams.csv",
        Key::E0108NoPlans => "the workspace has no plans/ folder",
        Key::E0108NoPlansHelp => "put each department's plan in plans/ as .csv, .xlsx or .json",
        Key::W0109Key => "key `{key}` is not a known column and is ignored",
        Key::W0109Column => "column {column} `{header}` is not a known column and is ignored",
        Key::W0109Kept => {
            "column {column} `{header}` is not a known column; it is carried as an extra column"
        }
        Key::W0109OwnKey => "start the key with `#` if the field is your own",
        Key::W0109OwnColumn => "start its header with `#` if the column is your own",
        Key::W0109DidYouMean => "did you mean `{field}`? or {own}",
        Key::W0109DidYouMeanAlias => "did you mean `{name}` (`{field}`)? or {own}",
        Key::W0109Rename => "rename it to a known column (see the README), or {own}",
        Key::E0110Key => "a key with an empty name holds data",
        Key::E0110KeyHelp => "name the key{absent}, or remove it",
        Key::E0110Column => "column {column} has no header but holds data (first at {at})",
        Key::E0110ColumnHelp => "name the column{absent}, or delete it",
        Key::E0110Absent => " (this file has no {fields})",
        Key::E0110Line => "line {line}",
        Key::E0111One => {
            "column {column} is hidden under the merged header {range} but holds data (first at {first})"
        }
        Key::E0111Many => {
            "columns {columns} are hidden under the merged header {range} but hold data (first at {first})"
        }
        Key::E0111Help => {
            "unmerge the header cells and name each column; a title row above the header must go"
        }
        Key::E0112Unsupported => "`{name}` is a workbook format chayici does not read",
        Key::E0112Help => {
            "save it as .xlsx or .csv (in WPS or Excel: Save As, then Excel workbook)"
        }
        Key::E0113TwoFiles => "`{other}` and `{first}` are both here; `{first}` is read",
        Key::E0113Help => {
            "keep one {stem} file: delete or rename the other (or move it out of the workspace)"
        }
        Key::E0114Merged => {
            "cells {range} are merged; only the first holds the value and the others read as empty"
        }
        Key::E0114Help => "unmerge the cells and fill the value into every row",
        Key::E0120File => {
            "the file holds {size}, more than the {max} a workspace file may hold; it was not read"
        }
        Key::E0120FileHelp => {
            "split the workspace (one per county or district), or leave out unused columns"
        }
        Key::E0120Workspace => {
            "the workspace's files hold {size} together, more than the {max} chayici reads; this is the largest"
        }
        Key::E0120WorkspaceHelp => "split the workspace (one per county or district)",
        Key::E0121Tasks => "the plans hold {count} tasks; chayici plans at most {max}",
        Key::E0121Help => "split the workspace (one per county or district) and plan each",
        Key::E0122Count => "the file lists {count} {what}; chayici plans at most {max}",
        Key::W0130One => "1 row above the header on row {line} skipped, starting `{text}`",
        Key::W0130Many => "{count} rows above the header on row {line} skipped, starting `{text}`",
        Key::W0130Help => {
            "the table is read from its header down; delete the title rows to silence this"
        }
        Key::W0131Skipped => {
            "sheet `{sheet}` has no header of known columns and is skipped; read sheet {read}"
        }
        Key::W0131Help => {
            "keep instructions on a sheet of their own; only sheets with a header are read"
        }
        // chayici.toml (E02xx, W02xx)
        Key::E0201Syntax => "{error}",
        Key::E0202NoHorizon => "no [horizon] section",
        Key::E0202NoHorizonHelp => {
            "add [horizon] with start = \"2026-12-01\" and end = \"2026-12-31\""
        }
        Key::E0202NotDate => "horizon `{key}` is `{value}`, not a date",
        Key::E0202Missing => "horizon `{key}` is missing",
        Key::E0202Help => "write {key} = \"2026-12-01\"",
        Key::E0203Reversed => "the horizon ends on {end}, before it starts on {start}",
        Key::W0204Unknown => "unknown key `{key}` is ignored",
        Key::W0204Help => "known keys here: {keys}",
        Key::E0205Section => "`{key}` must be a section",
        Key::E0205NameString => "`name` must be a string",
        Key::E0205TooLong => "the horizon {start}..{end} is longer than a year",
        Key::E0205Crs => "crs `{value}` is neither \"WGS84\" nor \"GCJ02\"",
        Key::E0205ListDate => "`{item}` in `{key}` is not a date",
        Key::E0205Windows => "`{key}`: {error}",
        Key::E0205ShiftString => "`{key}` must be a string like \"08:30-17:30\"",
        Key::E0205Setup => {
            "`visit_setup_minutes = {value}` must be a whole number of minutes, 0 to 600"
        }
        Key::E0205RoadFactor => "`road_factor = {value}` must be a number from 1 to 5",
        Key::E0205Speed => "`speed_kmh = {value}` must be a number from 1 to 200",
        Key::E0205MinVisits => "`{key} = {value}` must be a whole number of visits from 0 to 20",
        Key::E0205Weight => "weight `{key} = {value}` must be a number from 0 to 1000000000",
        Key::E0205Share => "`{key} = {value}` must be a share from 0 to 1, like 0.6 for 60 %",
        Key::E0205Matrix => {
            "`matrix = {value}` must name a file, like \"travel.csv\", relative to the workspace"
        }
        Key::E0205PlansIgnore => {
            "`ignore = {value}` must be a list of file names, like [\"旧计划.xls\"]"
        }
        Key::W0206NoHolidays => {
            "no statutory holidays are built in for {year}; only weekends are off"
        }
        Key::W0206Help => {
            "list that year's holidays and make-up days in extra_holidays and extra_workdays"
        }
        Key::W0207Both => {
            "{date} is both an extra holiday and an extra workday; it is taken as a holiday"
        }
        Key::W0208NoWorkingDay => "the horizon {start}..{end} holds no working day",
        Key::E0209Outside => "`{key}` names `{path}`, which lies outside the workspace folder",
        Key::E0209Help => {
            "copy the file into the workspace folder (beside chayici.toml) and name it by a path relative to that folder"
        }
        // firms (E10xx, E11xx, E12xx)
        Key::E1001Length => "credit code `{code}` has {count} characters, not 18",
        Key::E1001Help => "copy the 18-character 统一社会信用代码 from the business licence",
        Key::E1002Charset => "credit code `{code}` has `{found}` at position {position}{hint}",
        Key::E1002DidYouMean => " (did you mean {digit}?)",
        Key::E1002Help => "credit codes use digits and the letters A-Y except I, O, S, V",
        Key::E1003Check => {
            "credit code `{code}` ends in `{found}`, but its check character is `{expected}`"
        }
        Key::E1003Help => "one of the 18 characters is mistyped; compare with the licence",
        Key::E1010Bad => "credit code `{id}` {why}, and no firm has it{suggestion}",
        Key::E1010Length => "has {count} characters, not 18",
        Key::E1010Charset => "has `{found}` at position {position}, which no credit code has",
        Key::E1010Check => "ends in `{found}`, but its check character is `{expected}`",
        Key::E1010Help => {
            "copy the 18-character 统一社会信用代码 from firms.csv or the business licence"
        }
        Key::FirmDidYouMean => "; did you mean {id} ({name})?",
        Key::FirmWriteCode => "write the register's code {id}",
        Key::W1004Org => "the organisation code `{org}` inside `{code}` fails the GB 11714 check",
        Key::IdAgain => "{what} `{id}` appears again; first at {first}",
        Key::IdCase => {
            "{what} `{id}` differs from {what} `{written}` only by case; first at {first}"
        }
        Key::IdHelp => "give each {what} its own id, or delete the repeated row",
        Key::E1101Missing => "{what} is missing",
        Key::E1101Help => "give coordinates in decimal degrees, e.g. 118.505 and 28.904",
        Key::NotANumber => "{what} `{text}` is not a number",
        Key::E1102Help => "use decimal degrees such as 118.505, not degrees-minutes-seconds",
        Key::E1103Range => "({lon}, {lat}) is not a longitude and latitude on Earth",
        Key::E1104China => "({lon}, {lat}) lies outside China (lon 73-136, lat 3-54)",
        Key::E1104Help => "check the sign and the decimal point of both coordinates",
        Key::E1105Swapped => "longitude {lon} and latitude {lat} look swapped",
        Key::E1105Help => {
            "swap the columns: longitude (经度) is about 118 here, latitude (纬度) about 29"
        }
        Key::BadWindows => "{what} `{text}`: {error}",
        Key::WindowsHelp => "write time ranges like 08:00-11:30;14:00-17:30",
        Key::BadDays => "{what}: {error}",
        Key::DaysHelp => "list weekdays or dates separated by `;`, e.g. Sat;Sun or 2026-12-24",
        // teams (E13xx, W13xx, E21xx)
        Key::E1302NoDepartment => "team `{team}` covers no department",
        Key::E1302Help => "list its departments separated by `;`, e.g. scjg;xfjy",
        Key::W1305Unused => "department `{department}` has no task in any plan",
        Key::W1305Help => "check the spelling against the plans, or map names in departments.csv",
        Key::W1306NotWorking => "{date} is not a working day; the team does not work then",
        Key::W1306Help => "add the date to extra_workdays in chayici.toml to work it",
        Key::W1307NoDay => "team `{team}` works no day of the horizon",
        Key::NotWholeNumber => "{what} `{text}` is not a whole number",
        Key::WholeNumberHelp => "give a whole number such as 3, or leave the cell empty",
        Key::E1309TeamId => "team id `{id}` {why}",
        Key::E1309Help => "write the team id with letters, digits and `-`",
        Key::E2101MaxDays => "max_days `{text}` is more than the 31 days of a month",
        Key::E2101Help => "give the most days the team may go out, from 0 to 31",
        Key::ContainsChar => "contains `{char}`",
        Key::ContainsControl => "contains a control character",
        // tasks (E14xx, W14xx)
        Key::E1402Unknown => "firm `{firm}` is not in firms.csv{suggestion}",
        Key::E1402Help => "add the firm to the register, or correct the credit code",
        Key::W1403Mismatch => "firm name `{given}` differs from the register's `{registered}`",
        Key::W1403Help => "check that the credit code belongs to the firm meant",
        Key::NotADate => "{what} `{text}` is not a date",
        Key::DatesHelp => "write dates like 2026-12-05, 2026/12/5 or 2026年12月5日{more}",
        Key::DatesHelpRange => ", or a range like 2026-12-10~2026-12-11",
        Key::E1405Reversed => "the window ends on {latest}, before it starts on {earliest}",
        Key::E1405Help => "swap the earliest and latest dates",
        Key::W1406Clamped => {
            "the window {earliest}..{latest} reaches outside the horizon; it is cut to {from}..{to}"
        }
        Key::E1407Outside => {
            "the window {earliest}..{latest} lies outside the horizon {first}..{last}"
        }
        Key::E1407Help => "move the task to the month it belongs to, or widen the horizon",
        Key::W1408NoWorkingDay => {
            "the window {first}..{last} holds no working day; the task cannot be scheduled"
        }
        Key::W1408Help => "widen the window, or add a date to extra_workdays in chayici.toml",
        Key::E1409Minutes => "minutes `{text}` is not a positive whole number",
        Key::E1409Help => "give the on-site minutes as a whole number such as 30",
        Key::E1410Priority => "priority `{text}` is not known",
        Key::E1410Help => "use mandatory, normal or low (必查, 一般, 可选)",
        Key::W1411Uncovered => {
            "no team covers department `{department}`; its {tasks} task(s) cannot be scheduled"
        }
        Key::W1411Help => "add the department to a team in teams.csv, spelled the same way",
        Key::E1412NoDepartment => "the task names no department",
        Key::E1412Help => "fill the `department` column, or name the file after the department",
        Key::W1413TooLong => {
            "task `{task}` needs {onsite} minutes on site with setup, but no covering team's shift has a window longer than {longest} minutes"
        }
        Key::W1413Help => "split the task, or lengthen the shift",
        Key::E1415TaskId => "task id `{id}` {why}",
        Key::E1415Help => {
            "`;` separates task ids in routes.csv; use another character, such as `-`"
        }
        Key::E1416Department => "department `{department}` {why}",
        Key::E1416Help => "name one department per task; `;` separates departments in teams.csv",
        Key::E1420Unknown => {
            "department `{department}` is not in departments.csv; closest: {closest}"
        }
        Key::E1420Help => {
            "write a department code from departments.csv, or add the department there"
        }
        Key::W1421Mapped => "department `{department}` is read as `{code}` ({name})",
        Key::W1421Help => {
            "write the code `{code}`, or list `{department}` as an alias in departments.csv"
        }
        // travel matrix (E15xx, W15xx)
        Key::E1501Unknown => "{what} `{text}` is neither a firm in the register nor a team",
        Key::E1501Help => {
            "write a firm's firm_id (统一社会信用代码) or a team's team_id (its base)"
        }
        Key::E1502Negative => "{what} `{text}` is negative",
        Key::E1502TooLarge => "{what} `{text}` is more than {max}",
        Key::E1502KmHelp => "write road kilometres, a number from 0 to 2000 (not metres)",
        Key::E1502MinutesHelp => "write driving minutes, a number from 0 to 1440 (not seconds)",
        Key::W1503Again => {
            "pair `{from}` → `{to}` is listed again (first at {first}); this row is used"
        }
        Key::DeleteOneRow => "delete one of the two rows",
        Key::E1504NotFound => "the travel matrix `{path}` is not found in the workspace folder",
        Key::E1504Help => {
            "give the path relative to the folder holding chayici.toml, or remove [travel] matrix to use the great-circle model"
        }
        Key::W1505Partial => {
            "the matrix gives {given} of the {pairs} pairs a route can drive; {missing} use the great-circle model"
        }
        Key::W1505Help => {
            "`{from}` → `{to}` is one of them; add rows for the legs whose roads differ from the model, or ignore this if the model is good enough for the rest"
        }
        // the month's records (E17xx, W17xx)
        Key::E1701UnknownTask => "task `{task}` is not in any plan",
        Key::E1701Help => "check the id against the plans in plans/, or delete the row",
        Key::E1702UnknownTeam => "team `{team}` is not in teams.csv",
        Key::E1702Help => "check the id against teams.csv, or delete the row",
        Key::E1703NotADate => "date `{text}` is not a date",
        Key::E1704Outside => "date {date} lies outside the horizon {first} .. {last}",
        Key::E1704Help => "give a date of the month planned, or delete the row",
        Key::E1705Status => "status `{status}` is not known",
        Key::E1705Help => {
            "use done, not_done, firm_closed or postponed (已完成, 未完成, 企业关门, 延期)"
        }
        Key::E1706EmptyPin => "the pin names neither a team nor a date",
        Key::E1706Help => "give the team (team_id, 检查组), the date (date, 日期), or both",
        Key::E1707SecondPin => "task `{task}` is pinned again; first at {first}",
        Key::E1707Help => "keep one row per task, with its team and its date on that row",
        Key::W1708Twice => "team `{team}` is already recorded out{on} (at {first})",
        Key::W1708On => " on {date}",
        Key::W1709Twice => {
            "task `{task}` is listed again (first at {first}); this later row is used"
        }
        Key::W1709Help => "keep one row per task; when two are kept, the last one counts",
        Key::PinLeft => "; the task will be left unscheduled (pin_not_possible)",
        Key::W1710Uncovered => {
            "task `{task}` ({department}) is pinned to team `{team}`, which does not cover {department}{left}"
        }
        Key::W1710ItsDepartment => "its department",
        Key::W1710Help => {
            "pin it to a team covering {department}, or add {department} to the team in teams.csv"
        }
        Key::W1711Outside => {
            "task `{task}` is pinned to {date}, outside its window {first} .. {last}{left}"
        }
        Key::W1711Help => "pin a day inside the window, or ask the department to widen it",
        Key::W1712Impossible => "task `{task}` is pinned to {date}, but {why}{left}",
        Key::W1712NotWorking => "it is not a working day",
        Key::W1712TeamOff => "team `{team}` does not work that day",
        Key::W1712FirmClosed => "the firm is closed that day",
        Key::W1712Help => "pin another day, or remove the pin",
        // contacts (W20xx)
        Key::W2001Phone => "phone `{phone}` is neither a mobile nor a landline number",
        Key::W2001Help => {
            "write a mobile as 13912345678 or a landline with its area code as 0570-1234567"
        }
        Key::W2102Both => "both `team_day` and its old name `route` are set; `team_day` is used",
        Key::W2102Help => "delete the `route` line",
        // words passed into messages
        Key::WordFirm => "firm",
        Key::WordTeam => "team",
        Key::WordTask => "task",
        Key::WordFirms => "firms",
        Key::WordTeams => "teams",
        Key::WordTeamId => "team id",
        Key::WordTaskId => "task id",
        Key::WordFirmId => "firm id",
        Key::WordFirmIdCredit => "firm id (统一社会信用代码)",
        Key::WordFirmName => "firm name",
        Key::WordStatus => "status",
        Key::WordDate => "date",
        Key::WordEarliest => "earliest date",
        Key::WordLatest => "latest date",
        Key::WordOpeningHours => "opening hours",
        Key::WordShift => "shift",
        Key::WordClosedDays => "closed days",
        Key::WordTeamDays => "team days",
        Key::WordCapacity => "capacity",
        Key::WordDemand => "demand",
        Key::WordLongitude => "longitude",
        Key::WordLatitude => "latitude",
        Key::WordTravelFrom => "travel `from`",
        Key::WordTravelTo => "travel `to`",
        Key::WordFrom => "from",
        Key::WordTo => "to",
        Key::WordKm => "km",
        Key::WordMinutes => "minutes",
        Key::WordMaxDays => "max_days",
        // check's summary
        Key::SumWorkspace => "workspace: {name}",
        Key::SumHorizon => "  horizon:  {start} .. {end} ({days}, {working})",
        Key::SumHorizonNotSet => "  horizon:  not set",
        Key::SumDay => "{n} day",
        Key::SumDays => "{n} days",
        Key::SumWorkingDay => "{n} working day",
        Key::SumWorkingDays => "{n} working days",
        Key::SumFirms => "  firms:    {n}",
        Key::SumTeams => "  teams:    {n}",
        Key::SumTasks => "  tasks:    {n}",
        Key::SumUncovered => "  no team covers it",
        Key::SumTravel => "  travel:   {travel}",
        Key::SumError => "{n} error",
        Key::SumErrors => "{n} errors",
        Key::SumWarning => "{n} warning",
        Key::SumWarnings => "{n} warnings",
        Key::SumTotals => "{errors}, {warnings}",
        // reasons of the time and day parsers, passed into messages
        Key::TimeNotRange => "`{part}` is not a time range like 08:00-11:30",
        Key::TimeNotStart => "`{time}` is not a time like 08:00",
        Key::TimeNotEnd => "`{time}` is not a time like 17:30",
        Key::TimeBackwards => "`{part}` ends before it starts",
        Key::TimeNone => "no time range given",
        Key::TimeOverlap => "`{text}` has overlapping ranges",
        Key::DaysBackwards => "`{item}` is not a forward range of dates",
        Key::DaysNotRange => "`{item}` is not a range of weekdays or dates",
        Key::DaysNeither => "`{item}` is neither a weekday nor a date",
        // why a task is left out (unscheduled.csv's reason_text, the report)
        Key::ReasonNoTeamCoversDepartment => "no team covers the task's department",
        Key::ReasonNoWorkingDayInWindow => "the task's window holds no working day",
        Key::ReasonFirmClosed => "the firm is closed on every working day of the window",
        Key::ReasonLongerThanAnyShift => "the on-site time fits in no shift or opening window",
        Key::ReasonNoTeamAvailable => {
            "no covering team works on a day the firm is open within the window"
        }
        Key::ReasonNoCapacity => "the teams' time went to more important tasks",
        Key::ReasonTimeLimit => {
            "the time limit ran out before the task was placed (plan again with a longer --time-limit)"
        }
        Key::ReasonPinNotPossible => "the team or day pinned in pins.csv cannot take the task",
        // plan's and verify's summaries
        Key::PlanTasks => {
            "  tasks        {tasks} ({scheduled} scheduled, {unscheduled} unscheduled)"
        }
        Key::PlanByPriority => "    by priority: {list}",
        Key::PlanVisits => {
            "  visits       {visits} (lower bound {lower}, naive {naive}: {saved} fewer, {percent}%)"
        }
        Key::PlanFirms => "  firms        {visited} visited, {more} more than once",
        Key::PlanDriving => "  driving      {km} km, {hours} over {days} team-days",
        Key::PlanWorkload => {
            "  workload     min {min}, median {median}, max {max} per team ({teams} teams)"
        }
        Key::TeamDaysPerDay => "visits per day min {min}, median {median}, max {max}",
        Key::TeamDaysNoVisits => "no visits",
        Key::TeamDaysOut => {
            "  team-days    {out} out, {per_day}, {short} with {limit} visits or fewer"
        }
        Key::TeamDaysMonth => {
            "  month        {idle} of {working} working days with no team out; busiest − idlest team {spread}"
        }
        Key::StatAgainst => "{percent} (target {target}%: {verdict})",
        Key::StatMet => "met",
        Key::StatNotMet => "NOT MET",
        Key::StatNotApplicable => "n/a",
        Key::StatJoint => {
            "  joint        {joint} of {visits} visits joint {against}; {tasks} of {scheduled} tasks in joint visits ({share})"
        }
        Key::StatReduction => "  reduction    {naive} → {visits} visits, {against}",
        Key::StatPerDepartment => {
            "  per department (naive → led visits; visits taken part in, joint; joint share; reduction)"
        }
        Key::StatDepartmentRow => "{naive} → {led}; {visits}, {joint} joint; {share}; {reduction}",
        Key::VerifyOk => {
            "plan OK: {tasks} tasks ({scheduled} scheduled in {visits} visits, {unscheduled} unscheduled), {warnings} warning(s)"
        }
        Key::VerifyInvalid => "plan INVALID: {violations} violation(s), {warnings} warning(s)",
        Key::PlanWrittenTo => "  written to   {dir}",
        Key::TemplateWritten => {
            "wrote {path}: the plan template of {code} for {count} firms; save it filled in as plans/{code}.xlsx"
        }
        Key::TemplateUnknownDepartment => {
            "department `{department}` is not in the workspace; its departments are: {known}"
        }
        Key::TemplateWorkspaceErrors => {
            "the workspace has errors; fix them (see `chayici check {workspace}`) and run `template` again"
        }
        Key::ExportWorkspaceErrors => "{workspace}: the workspace has errors; nothing exported",
        Key::ExportMaxDays => {
            "team {team} has max_days, which VROOM cannot express; `chayici verify` will judge it on the way back"
        }
        Key::ExportWritten => {
            "{jobs} jobs ({tasks} tasks), {vehicles} vehicles (team-days), {left_out} tasks left out; written to {file}"
        }
        Key::ImportWorkspaceErrors => "{workspace}: the workspace has errors; nothing imported",
        Key::ImportNotVroom => "{file}: not a VROOM solution: {error}",
        Key::ImportBroken => {
            "the imported plan breaks {count} rule(s) (listed above); nothing written"
        }
        Key::ImportSolver => "VROOM failed (code {code}): {message}",
        Key::ImportUnknownVehicle => "vehicle {vehicle} is not in the exported problem",
        Key::ImportUnknownJob => "job {job} is not in the exported problem",
        Key::ImportJobTwice => "job {job} appears more than once",
        Key::ImportVehicleTwice => "vehicle {vehicle} has more than one route",
        Key::ImportNoEnd => "the route of vehicle {vehicle} has no end step",
        Key::ImportOffDay => "vehicle {vehicle}: time {time} s is not on its day",
        // --help (the English texts are the doc comments of the command line; a test keeps them equal)
        Key::HelpAbout => {
            "Plans a month of joint administrative inspections (综合查一次) for a county"
        }
        Key::HelpLang => {
            "Language of messages, summaries and reason_text: zh or en [default: zh when LC_ALL, LC_MESSAGES or LANG starts with zh, else en]"
        }
        Key::HelpCheck => "Read and validate a workspace; list every problem with file and line",
        Key::HelpMerge => {
            "Build the merge graph and report naive visits, the lower bound and the possible saving"
        }
        Key::HelpPlan => "Plan the month: joint visits, team-day routes, unscheduled tasks",
        Key::HelpAdvise => {
            "The smallest changes that would save visits, checked by planning; a letter per department"
        }
        Key::HelpVerify => "Check a written plan against its workspace from first principles",
        Key::HelpDiff => {
            "Compare two plan folders: visits added, removed and changed, tasks moved, stability"
        }
        Key::HelpReport => {
            "Rewrite report.html (and with --all the route sheets and calendars) of a written plan"
        }
        Key::HelpTemplate => {
            "Write a department's plan workbook to fill in: Chinese headers, drop-down lists of the register's firms, items, priority and source, date cells for the month"
        }
        Key::HelpExport => {
            "Write the workspace as another solver's problem (VROOM), bundled as the planner does"
        }
        Key::HelpImport => {
            "Read another solver's solution to an exported problem and write it as a checked plan folder"
        }
        Key::HelpGen => "Generate a synthetic workspace",
        Key::HelpBench => {
            "Plan a suite of benchmark workspaces; print quality and cost as a markdown table"
        }
        Key::HelpSolomon => {
            "Solve a Solomon VRPTW instance with the planner's routing engine and compare it with the best known"
        }
        // progress labels
        Key::ProgReading => "reading",
        Key::ProgBounds => "bounds",
        Key::ProgExact => "exact",
        Key::ProgChecking => "checking",
        Key::ProgWriting => "writing",
        Key::ProgConstruction => "construction",
        Key::ProgSearch => "search",
        Key::ProgSetPartitioning => "set partitioning",
        Key::ProgIterations => "{n} iterations, best {best}",
        Key::ProgIterationsOf => "{n}/{budget} iterations, best {best}",
        Key::ProgAdviseBase => "planning without changes",
        Key::ProgAdviseWhatIf => "what-if {i}/{n}: {change}",
    }
}
