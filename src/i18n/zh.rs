//! The Chinese catalogue, written for a county office and its clerks (企业, 统一社会信用代码, 部门, 检查组 …), not word for word.

use super::Key;

/// The template of `key`.
pub(super) fn text(key: Key) -> &'static str {
    match key {
        // files and tables (E01xx, W01xx)
        Key::E0101Nul => "文件中有 NUL 字节，不是文本表格",
        Key::E0101NulHelp => {
            "如果是 UTF-16 文本，请另存为“CSV UTF-8”，或存为带字节顺序标记（BOM）的 Unicode 文本"
        }
        Key::E0101Csv => "无法读取 CSV：{error}",
        Key::E0101Empty => "文件是空的：没有表头行",
        Key::E0101Damaged => "工作簿已损坏",
        Key::E0101DamagedHelp => "请用 Excel 或 WPS 打开后另存为 .xlsx，或导出为 CSV",
        Key::E0101SaveAgain => "请用 Excel 重新另存为 .xlsx，或导出为 CSV",
        Key::E0101OpenWorkbook => "无法打开工作簿：{error}",
        Key::E0101ReadSheet => "无法读取工作表 `{sheet}`：{error}",
        Key::E0101MergedCells => "无法读取工作表 `{sheet}` 的合并单元格：{error}",
        Key::E0101NoSheet => "工作簿中没有含数据的工作表",
        Key::E0101JsonUtf8 => "JSON 文件必须是 UTF-8 编码：{error}",
        Key::E0101JsonInvalid => "JSON 格式有误：{error}",
        Key::E0101JsonShape => "应为任务数组，或含 `department` 和 `tasks` 的对象",
        Key::E0101JsonTask => "每个任务必须是带字段名的对象",
        Key::E0101JsonKeyTwice => "键 `{key}` 在同一任务中出现两次，其中一个值会丢失",
        Key::E0101KeepOne => "两个只保留一个",
        Key::E0102Missing => "缺少必填列 `{field}`；表头为 `{header}`",
        Key::E0102Help => "请添加名为 `{field}` 或 `{alias}` 的列",
        Key::W0103Duplicate => "列 `{header}` 与另一列同为 `{field}`；使用第 {first} 列",
        Key::W0103Help => "请删除其中一列，或给它改名",
        Key::W0104NoRows => "{path} 有表头，但没有数据行",
        Key::W0104NoPlanFile => "plans/ 中没有计划文件",
        Key::E0105BrokenLink => "无法读取 `{name}`：它是指向不存在文件的链接",
        Key::E0105BrokenLinkHelp => "请让链接指向计划文件，或删除它",
        Key::E0105Unreadable => "无法读取 `{name}`：{error}",
        Key::E0105Permissions => "请检查文件的权限",
        Key::E0105Folder => "`{name}` 是文件夹；只读取 plans/ 下的文件，不读取其中的子文件夹",
        Key::E0105FolderHelp => "请把其中的计划移到 plans/ 下，或把该文件夹移出工作区",
        Key::E0105NotRegular => "`{name}` 不是普通文件",
        Key::E0105NotRegularHelp => "请把它从 plans/ 中移走",
        Key::E0105UnknownKind => {
            "`{name}` 不是 chayici 能读取的计划文件（.csv、.tsv、.txt、.xlsx、.xls 或 .json）"
        }
        Key::E0105UnknownKindHelp => {
            "请把计划另存为 .xlsx 或 .csv，或把该文件移出 plans/，或在 chayici.toml 的 [plans] ignore 中列出该文件"
        }
        Key::E0106TooMany => "共出现 {count} 个部门；最多支持 {max} 个",
        Key::E0106Help => "请检查部门名称是否写错，或在 departments.csv 中对应名称",
        Key::E0107Empty => "{what}为空",
        Key::E0107DepartmentCode => "部门代码为空",
        Key::E0108NoTeams => "工作区中没有 teams.csv",
        Key::E0108NoPlans => "工作区中没有 plans/ 文件夹",
        Key::E0108NoPlansHelp => "请把各部门的计划以 .csv、.xlsx 或 .json 格式放进 plans/",
        Key::W0109Key => "键 `{key}` 不是已知的列，已忽略",
        Key::W0109Column => "第 {column} 列 `{header}` 不是已知的列，已忽略",
        Key::W0109Kept => "第 {column} 列 `{header}` 不是已知的列；作为附加列保留",
        Key::W0109OwnKey => "如果是自己加的字段，请在键名前加 `#`",
        Key::W0109OwnColumn => "如果是自己加的列，请在表头前加 `#`",
        Key::W0109DidYouMean => "是否想写 `{field}`？或者，{own}",
        Key::W0109DidYouMeanAlias => "是否想写 `{name}`（`{field}`）？或者，{own}",
        Key::W0109Rename => "请改成已知的列名（见 README）；或者，{own}",
        Key::E0110Key => "名称为空的键中有数据",
        Key::E0110KeyHelp => "请给这个键起名{absent}，或删除它",
        Key::E0110Column => "第 {column} 列没有表头，但有数据（首个在 {at}）",
        Key::E0110ColumnHelp => "请给这一列加上表头{absent}，或删除这一列",
        Key::E0110Absent => "（此文件缺少 {fields}）",
        Key::E0110Line => "第 {line} 行",
        Key::E0111One => "第 {column} 列被合并的表头 {range} 遮住，但有数据（首个在 {first}）",
        Key::E0111Many => "第 {columns} 列被合并的表头 {range} 遮住，但有数据（首个在 {first}）",
        Key::E0111Help => "请取消合并表头单元格，给每一列写上列名；表头上方的标题行要删掉",
        Key::E0112Unsupported => "`{name}` 的工作簿格式 chayici 无法读取",
        Key::E0112Help => {
            "请另存为 .xlsx 或 .csv（在 WPS 或 Excel 中选“另存为”，再选 Excel 工作簿）"
        }
        Key::E0113TwoFiles => "`{other}` 和 `{first}` 同时存在；读取的是 `{first}`",
        Key::E0113Help => "只保留一个 {stem} 文件：删除或重命名另一个（或把它移出工作区）",
        Key::E0114Merged => "单元格 {range} 是合并的；只有第一个单元格有值，其余都读作空",
        Key::E0114Help => "请取消合并，把值填到每一行",
        Key::E0120File => "文件大小为 {size}，超过工作区单个文件上限 {max}；未读取",
        Key::E0120FileHelp => "请拆分工作区（每个县或区一个），或删去不用的列",
        Key::E0120Workspace => {
            "工作区文件合计 {size}，超过 chayici 能读取的 {max}；这是其中最大的文件"
        }
        Key::E0120WorkspaceHelp => "请拆分工作区（每个县或区一个）",
        Key::E0121Tasks => "计划中共有 {count} 个任务；chayici 最多安排 {max} 个",
        Key::E0121Help => "请拆分工作区（每个县或区一个），分别安排",
        Key::E0122Count => "文件中有 {count} 个{what}；chayici 最多安排 {max} 个",
        Key::W0130One => "表头（第 {line} 行）上方的 1 行已跳过，该行为 `{text}`",
        Key::W0130Many => "表头（第 {line} 行）上方的 {count} 行已跳过，第一行为 `{text}`",
        Key::W0130Help => "表格从表头行开始往下读取；删去表头上方的标题行即不再提示",
        Key::W0131Skipped => "工作表 `{sheet}` 没有可识别的表头，已跳过；已读取工作表 {read}",
        Key::W0131Help => "填表说明请单独放在一个工作表中；只读取有表头的工作表",
        // chayici.toml (E02xx, W02xx)
        Key::E0201Syntax => "TOML 格式有误：{error}",
        Key::E0202NoHorizon => "缺少 [horizon] 一节",
        Key::E0202NoHorizonHelp => {
            "请添加 [horizon]，写上 start = \"2026-12-01\" 和 end = \"2026-12-31\""
        }
        Key::E0202NotDate => "计划期的 `{key}` 为 `{value}`，不是日期",
        Key::E0202Missing => "缺少计划期的 `{key}`",
        Key::E0202Help => "请写 {key} = \"2026-12-01\"",
        Key::E0203Reversed => "计划期结束日 {end} 早于开始日 {start}",
        Key::W0204Unknown => "未知的键 `{key}`，已忽略",
        Key::W0204Help => "此处可用的键：{keys}",
        Key::E0205Section => "`{key}` 必须是一节（[{key}]）",
        Key::E0205NameString => "`name` 必须是字符串",
        Key::E0205TooLong => "计划期 {start}..{end} 超过一年",
        Key::E0205Crs => "crs `{value}` 既不是 \"WGS84\" 也不是 \"GCJ02\"",
        Key::E0205ListDate => "`{key}` 中的 `{item}` 不是日期",
        Key::E0205Windows => "`{key}`：{error}",
        Key::E0205ShiftString => "`{key}` 必须是 \"08:30-17:30\" 这样的字符串",
        Key::E0205Setup => "`visit_setup_minutes = {value}` 必须是 0 到 600 之间的整数（分钟）",
        Key::E0205RoadFactor => "`road_factor = {value}` 必须是 1 到 5 之间的数",
        Key::E0205Speed => "`speed_kmh = {value}` 必须是 1 到 200 之间的数",
        Key::E0205MinVisits => "`{key} = {value}` 必须是 0 到 20 之间的整数（次）",
        Key::E0205Weight => "权重 `{key} = {value}` 必须是 0 到 1000000000 之间的数",
        Key::E0205Share => "`{key} = {value}` 必须是 0 到 1 之间的比例，如 0.6 表示 60%",
        Key::E0205Matrix => "`matrix = {value}` 必须是相对于工作区的文件名，如 \"travel.csv\"",
        Key::E0205PlansIgnore => "`ignore = {value}` 应为文件名列表，如 [\"旧计划.xls\"]",
        Key::W0206NoHolidays => "未内置 {year} 年的法定节假日；只按周末休息",
        Key::W0206Help => "请在 extra_holidays 和 extra_workdays 中列出该年的节假日和调休上班日",
        Key::W0207Both => "{date} 同时列为额外节假日和额外工作日；按节假日处理",
        Key::W0208NoWorkingDay => "计划期 {start}..{end} 中没有工作日",
        Key::E0209Outside => "`{key}` 指向 `{path}`，在工作区文件夹之外",
        Key::E0209Help => {
            "请把文件复制到工作区文件夹（与 chayici.toml 放在一起），并写相对于该文件夹的路径"
        }
        // firms (E10xx, E11xx, E12xx)
        Key::E1001Length => "统一社会信用代码 `{code}` 有 {count} 位，不是 18 位",
        Key::E1001Help => "请照营业执照抄录 18 位统一社会信用代码",
        Key::E1002Charset => "统一社会信用代码 `{code}` 第 {position} 位是 `{found}`{hint}",
        Key::E1002DidYouMean => "（是否应为 {digit}？）",
        Key::E1002Help => "统一社会信用代码只含数字和 A-Y 中除 I、O、S、V 以外的字母",
        Key::E1003Check => {
            "统一社会信用代码 `{code}` 最后一位是 `{found}`，但校验码应为 `{expected}`"
        }
        Key::E1003Help => "18 位中有一位录错了，请对照营业执照核对",
        Key::E1010Bad => "统一社会信用代码 `{id}` {why}，企业名录中也没有该代码{suggestion}",
        Key::E1010Length => "为 {count} 位，应为 18 位",
        Key::E1010Charset => "第 {position} 位是 `{found}`，信用代码中不会出现该字符",
        Key::E1010Check => "最后一位是 `{found}`，但校验码应为 `{expected}`",
        Key::E1010Help => "请对照 firms.csv 或营业执照抄录 18 位统一社会信用代码",
        Key::FirmDidYouMean => "；是否应为 {id}（{name}）？",
        Key::FirmWriteCode => "请改填企业名录中的代码 {id}",
        Key::W1004Org => "`{code}` 中的组织机构代码 `{org}` 未通过 GB 11714 校验",
        Key::IdAgain => "{what} `{id}` 重复出现；首次出现在 {first}",
        Key::IdCase => "{what} `{id}` 与{what} `{written}` 只差大小写；首次出现在 {first}",
        Key::IdHelp => "请给每个{what}不同的编号，或删除重复的行",
        Key::E1101Missing => "缺少{what}",
        Key::E1101Help => "请用十进制度数填写坐标，如 118.505 和 28.904",
        Key::NotANumber => "{what} `{text}` 不是数字",
        Key::E1102Help => "请用十进制度数，如 118.505，不要用度分秒",
        Key::E1103Range => "({lon}, {lat}) 不是地球上的经纬度",
        Key::E1104China => "({lon}, {lat}) 在中国境外（经度 73-136，纬度 3-54）",
        Key::E1104Help => "请检查两个坐标的正负号和小数点",
        Key::E1105Swapped => "经度 {lon} 和纬度 {lat} 似乎填反了",
        Key::E1105Help => "请对调这两列：本地经度约为 118，纬度约为 29",
        Key::BadWindows => "{what} `{text}`：{error}",
        Key::WindowsHelp => "时间段请写成 08:00-11:30;14:00-17:30 这样",
        Key::BadDays => "{what}：{error}",
        Key::DaysHelp => "请列出星期或日期，用 `;` 分隔，如 Sat;Sun 或 2026-12-24",
        // teams (E13xx, W13xx, E21xx)
        Key::E1302NoDepartment => "检查组 `{team}` 没有负责任何部门",
        Key::E1302Help => "请列出它负责的部门，用 `;` 分隔，如 scjg;xfjy",
        Key::W1305Unused => "部门 `{department}` 在所有计划中都没有任务",
        Key::W1305Help => "请对照计划核对写法，或在 departments.csv 中对应名称",
        Key::W1306NotWorking => "{date} 不是工作日；检查组当天不出勤",
        Key::W1306Help => "如需当天出勤，请把该日期加入 chayici.toml 的 extra_workdays",
        Key::W1307NoDay => "检查组 `{team}` 在计划期内没有出勤日",
        Key::NotWholeNumber => "{what} `{text}` 不是整数",
        Key::WholeNumberHelp => "请填写整数，如 3，或留空",
        Key::E1309TeamId => "检查组编号 `{id}` {why}",
        Key::E1309Help => "检查组编号请只用字母、数字和 `-`",
        Key::E2101MaxDays => "max_days `{text}` 超过了一个月的 31 天",
        Key::E2101Help => "请填写检查组最多出勤的天数，0 到 31",
        Key::ContainsChar => "含有 `{char}`",
        Key::ContainsControl => "含有控制字符",
        // tasks (E14xx, W14xx)
        Key::E1402Unknown => "企业 `{firm}` 不在企业名录 firms.csv 中{suggestion}",
        Key::E1402Help => "请把该企业加入名录，或更正统一社会信用代码",
        Key::W1403Mismatch => "企业名称 `{given}` 与名录中的 `{registered}` 不一致",
        Key::W1403Help => "请核对统一社会信用代码是否属于要检查的企业",
        Key::NotADate => "{what} `{text}` 不是日期",
        Key::DatesHelp => "日期请写成 2026-12-05、2026/12/5 或 2026年12月5日{more}",
        Key::DatesHelpRange => "，或写成 2026-12-10~2026-12-11 这样的日期范围",
        Key::E1405Reversed => "检查期限的最晚日期 {latest} 早于最早日期 {earliest}",
        Key::E1405Help => "请对调最早日期和最晚日期",
        Key::W1406Clamped => "检查期限 {earliest}..{latest} 超出计划期；截为 {from}..{to}",
        Key::E1407Outside => "检查期限 {earliest}..{latest} 完全在计划期 {first}..{last} 之外",
        Key::E1407Help => "请把任务放到所属月份的计划中，或扩大计划期",
        Key::W1408NoWorkingDay => "检查期限 {first}..{last} 内没有工作日；该任务无法安排",
        Key::W1408Help => "请放宽检查期限，或在 chayici.toml 的 extra_workdays 中加一个日期",
        Key::E1409Minutes => "检查时长 `{text}` 不是正整数",
        Key::E1409Help => "请用整数填写现场检查的分钟数，如 30",
        Key::E1410Priority => "无法识别优先级 `{text}`",
        Key::E1410Help => "请填写 必查、一般 或 可选（mandatory、normal、low）",
        Key::W1411Uncovered => "没有检查组负责部门 `{department}`；它的 {tasks} 个任务无法安排",
        Key::W1411Help => "请在 teams.csv 中把该部门加到某个检查组，写法须完全一致",
        Key::E1412NoDepartment => "任务没有写部门",
        Key::E1412Help => "请填写 `department`（部门）列，或用部门名称给文件命名",
        Key::W1413TooLong => {
            "任务 `{task}` 连同准备时间需在现场 {onsite} 分钟，但负责的检查组工作时间中最长的时段只有 {longest} 分钟"
        }
        Key::W1413Help => "请拆分任务，或延长工作时间",
        Key::E1415TaskId => "任务编号 `{id}` {why}",
        Key::E1415Help => "routes.csv 用 `;` 分隔任务编号；请改用其他字符，如 `-`",
        Key::E1416Department => "部门 `{department}` {why}",
        Key::E1416Help => "每个任务只写一个部门；teams.csv 用 `;` 分隔部门",
        Key::E1420Unknown => {
            "部门 `{department}` 不在部门名录 departments.csv 中；最接近的是：{closest}"
        }
        Key::E1420Help => "请填写 departments.csv 中的部门代码，或把该部门补充到 departments.csv",
        Key::W1421Mapped => "部门 `{department}` 按 `{code}`（{name}）识别",
        Key::W1421Help => {
            "请填写部门代码 `{code}`，或在 departments.csv 中把 `{department}` 列为别名"
        }
        // travel matrix (E15xx, W15xx)
        Key::E1501Unknown => "{what} `{text}` 既不是名录中的企业，也不是检查组",
        Key::E1501Help => {
            "请填写企业的统一社会信用代码（firm_id），或检查组编号（team_id，表示其驻地）"
        }
        Key::E1502Negative => "{what} `{text}` 是负数",
        Key::E1502TooLarge => "{what} `{text}` 超过 {max}",
        Key::E1502KmHelp => "请填写道路公里数，0 到 2000 之间（不是米）",
        Key::E1502MinutesHelp => "请填写行车分钟数，0 到 1440 之间（不是秒）",
        Key::W1503Again => "`{from}` → `{to}` 这一对重复列出（首次在 {first}）；以这一行为准",
        Key::DeleteOneRow => "请删除两行中的一行",
        Key::E1504NotFound => "在工作区文件夹中找不到路程矩阵 `{path}`",
        Key::E1504Help => {
            "请写相对于 chayici.toml 所在文件夹的路径，或删除 [travel] matrix 改用球面距离模型"
        }
        Key::W1505Partial => {
            "路程矩阵给出了路线可能经过的 {pairs} 对地点中的 {given} 对；其余 {missing} 对按球面距离模型估算"
        }
        Key::W1505Help => {
            "`{from}` → `{to}` 是其中之一；道路与模型出入大的路段请补上，若模型对其余路段够用，可忽略此提示"
        }
        // the month's records (E17xx, W17xx)
        Key::E1701UnknownTask => "任务 `{task}` 不在任何部门的计划中",
        Key::E1701Help => "请对照 plans/ 中的计划核对编号，或删除该行",
        Key::E1702UnknownTeam => "检查组 `{team}` 不在 teams.csv 中",
        Key::E1702Help => "请对照 teams.csv 核对编号，或删除该行",
        Key::E1703NotADate => "日期 `{text}` 不是日期",
        Key::E1704Outside => "日期 {date} 不在计划期 {first} .. {last} 内",
        Key::E1704Help => "请填写所计划月份内的日期，或删除该行",
        Key::E1705Status => "无法识别状态 `{status}`",
        Key::E1705Help => {
            "请填写 已完成、未完成、企业关门 或 延期（done、not_done、firm_closed、postponed）"
        }
        Key::E1706EmptyPin => "这条指定既没有写检查组，也没有写日期",
        Key::E1706Help => "请填写检查组（team_id，检查组）或日期（date，日期），或两者都填",
        Key::E1707SecondPin => "任务 `{task}` 被重复指定；首次在 {first}",
        Key::E1707Help => "每个任务只保留一行，检查组和日期写在同一行",
        Key::W1708Twice => "检查组 `{team}`{on}已登记为不在岗（见 {first}）",
        Key::W1708On => " {date} ",
        Key::W1709Twice => "任务 `{task}` 重复列出（首次在 {first}）；以后面这一行为准",
        Key::W1709Help => "每个任务只保留一行；若保留两行，以最后一行为准",
        Key::PinLeft => "；该任务将不予安排（pin_not_possible）",
        Key::W1710Uncovered => {
            "任务 `{task}`（{department}）被指定给检查组 `{team}`，但该组不负责 {department}{left}"
        }
        Key::W1710ItsDepartment => "其所属部门",
        Key::W1710Help => {
            "请指定给负责 {department} 的检查组，或在 teams.csv 中为该组加上 {department}"
        }
        Key::W1711Outside => {
            "任务 `{task}` 被指定在 {date}，不在其检查期限 {first} .. {last} 内{left}"
        }
        Key::W1711Help => "请指定期限内的一天，或请部门放宽期限",
        Key::W1712Impossible => "任务 `{task}` 被指定在 {date}，但{why}{left}",
        Key::W1712NotWorking => "当天不是工作日",
        Key::W1712TeamOff => "检查组 `{team}` 当天不出勤",
        Key::W1712FirmClosed => "企业当天不营业",
        Key::W1712Help => "请指定其他日期，或取消指定",
        // contacts (W20xx)
        Key::W2001Phone => "电话 `{phone}` 既不是手机号码，也不是固定电话号码",
        Key::W2001Help => "手机号码写成 13912345678，固定电话连同区号写成 0570-1234567",
        Key::W2102Both => "同时设置了 `team_day` 和它的旧名 `route`；使用 `team_day`",
        Key::W2102Help => "请删除 `route` 这一行",
        // words passed into messages
        Key::WordFirm => "企业",
        Key::WordTeam => "检查组",
        Key::WordTask => "任务",
        Key::WordFirms => "企业",
        Key::WordTeams => "检查组",
        Key::WordTeamId => "检查组编号",
        Key::WordTaskId => "任务编号",
        Key::WordFirmId => "企业统一社会信用代码",
        Key::WordFirmIdCredit => "企业统一社会信用代码（firm_id）",
        Key::WordFirmName => "企业名称",
        Key::WordStatus => "状态",
        Key::WordDate => "日期",
        Key::WordEarliest => "最早日期",
        Key::WordLatest => "最晚日期",
        Key::WordOpeningHours => "营业时间",
        Key::WordShift => "工作时间",
        Key::WordClosedDays => "休息日",
        Key::WordTeamDays => "出勤日期",
        Key::WordCapacity => "每日容量",
        Key::WordDemand => "占用容量",
        Key::WordLongitude => "经度",
        Key::WordLatitude => "纬度",
        Key::WordTravelFrom => "路程起点 `from`",
        Key::WordTravelTo => "路程终点 `to`",
        Key::WordFrom => "起点",
        Key::WordTo => "终点",
        Key::WordKm => "公里数",
        Key::WordMinutes => "分钟数",
        Key::WordMaxDays => "最多出勤天数 max_days",
        // check's summary
        Key::SumWorkspace => "工作区：{name}",
        Key::SumHorizon => "  计划期：{start} .. {end}（{days}，{working}）",
        Key::SumHorizonNotSet => "  计划期：未设置",
        Key::SumDay => "{n} 天",
        Key::SumDays => "{n} 天",
        Key::SumWorkingDay => "{n} 个工作日",
        Key::SumWorkingDays => "{n} 个工作日",
        Key::SumFirms => "  企业：{n}",
        Key::SumTeams => "  检查组：{n}",
        Key::SumTasks => "  任务：{n}",
        Key::SumUncovered => "  没有检查组负责",
        Key::SumTravel => "  路程：{travel}",
        Key::SumError => "{n} 个错误",
        Key::SumErrors => "{n} 个错误",
        Key::SumWarning => "{n} 个警告",
        Key::SumWarnings => "{n} 个警告",
        Key::SumTotals => "{errors}，{warnings}",
        // reasons of the time and day parsers, passed into messages
        Key::TimeNotRange => "`{part}` 不是 08:00-11:30 这样的时间段",
        Key::TimeNotStart => "`{time}` 不是 08:00 这样的时刻",
        Key::TimeNotEnd => "`{time}` 不是 17:30 这样的时刻",
        Key::TimeBackwards => "`{part}` 的结束早于开始",
        Key::TimeNone => "没有填写时间段",
        Key::TimeOverlap => "`{text}` 中的时间段相互重叠",
        Key::DaysBackwards => "`{item}` 不是从前到后的日期范围",
        Key::DaysNotRange => "`{item}` 不是星期范围或日期范围",
        Key::DaysNeither => "`{item}` 既不是星期也不是日期",
        // why a task is left out (unscheduled.csv's reason_text, the report)
        Key::ReasonNoTeamCoversDepartment => "没有检查组具备该部门执法资格",
        Key::ReasonNoWorkingDayInWindow => "检查时间窗内没有工作日",
        Key::ReasonFirmClosed => "时间窗内企业均不营业",
        Key::ReasonLongerThanAnyShift => "检查时长超过任何班次或营业时段",
        Key::ReasonNoTeamAvailable => "企业营业日内无可出勤的检查组",
        Key::ReasonNoCapacity => "检查组时间已排满（优先安排更重要的任务）",
        Key::ReasonTimeLimit => "规划时限已到，尚未安排（放宽 --time-limit 后重新规划）",
        Key::ReasonPinNotPossible => "指定的检查组或日期无法完成该任务（见 pins.csv）",
        // plan's and verify's summaries
        Key::PlanTasks => "  任务         {tasks} 个（已安排 {scheduled}，未安排 {unscheduled}）",
        Key::PlanByPriority => "    按优先级：{list}",
        Key::PlanVisits => {
            "  入户         {visits} 次（下界 {lower}；各部门分别检查需 {naive} 次：少 {saved} 次，{percent}%）"
        }
        Key::PlanFirms => "  企业         检查 {visited} 家，其中 {more} 家不止一次",
        Key::PlanDriving => "  行车         {km} 公里，{hours}，共 {days} 个组日",
        Key::PlanWorkload => {
            "  工作量       每组最少 {min}，中位 {median}，最多 {max}（{teams} 个检查组）"
        }
        Key::TeamDaysPerDay => "每天入户最少 {min}，中位 {median}，最多 {max}",
        Key::TeamDaysNoVisits => "没有入户",
        Key::TeamDaysOut => "  组日         出勤 {out} 个，{per_day}，{short} 个不超过 {limit} 次",
        Key::TeamDaysMonth => {
            "  本月         {working} 个工作日中有 {idle} 天无检查组出勤；最忙与最闲的检查组相差 {spread}"
        }
        Key::StatAgainst => "{percent}（目标 {target}%：{verdict}）",
        Key::StatMet => "达标",
        Key::StatNotMet => "未达标",
        Key::StatNotApplicable => "不适用",
        Key::StatJoint => {
            "  联合检查     {visits} 次入户中 {joint} 次为联合检查 {against}；已安排的 {scheduled} 个任务中 {tasks} 个在联合检查中完成（{share}）"
        }
        Key::StatReduction => "  减少入户     {naive} → {visits} 次，{against}",
        Key::StatPerDepartment => {
            "  各部门（分别检查 → 牵头入户；参与入户，其中联合；联合检查占比；减少比例）"
        }
        Key::StatDepartmentRow => "{naive} → {led}；{visits}，联合 {joint}；{share}；{reduction}",
        Key::VerifyOk => {
            "计划检查通过：共 {tasks} 个任务（{scheduled} 个安排在 {visits} 次入户中，{unscheduled} 个未安排），{warnings} 个警告"
        }
        Key::VerifyInvalid => "计划检查未通过：{violations} 处不符合规则，{warnings} 个警告",
        Key::PlanWrittenTo => "  已写入       {dir}",
        Key::TemplateWritten => {
            "已写入 {path}：{code} 的计划模板，可选企业 {count} 家；填好后请保存为 plans/{code}.xlsx"
        }
        Key::TemplateUnknownDepartment => "工作区中没有部门 `{department}`；现有部门：{known}",
        Key::TemplateWorkspaceErrors => {
            "工作区有错误；请先改正（见 `chayici check {workspace}`），再运行 `template`"
        }
        Key::ExportWorkspaceErrors => "{workspace}：工作区有错误，未导出",
        Key::ExportMaxDays => {
            "检查组 {team} 设有 max_days，VROOM 无法表达；导回时由 `chayici verify` 核查"
        }
        Key::ExportWritten => {
            "{jobs} 个作业（{tasks} 个任务），{vehicles} 辆车（每个组日一辆），{left_out} 个任务未导出；已写入 {file}"
        }
        Key::ImportWorkspaceErrors => "{workspace}：工作区有错误，未导入",
        Key::ImportNotVroom => "{file}：不是 VROOM 的求解结果：{error}",
        Key::ImportBroken => "导入的计划有 {count} 处不符合规则（见上），未写入任何文件",
        Key::ImportSolver => "VROOM 求解失败（错误码 {code}）：{message}",
        Key::ImportUnknownVehicle => "导出的问题中没有车辆 {vehicle}",
        Key::ImportUnknownJob => "导出的问题中没有作业 {job}",
        Key::ImportJobTwice => "作业 {job} 出现了不止一次",
        Key::ImportVehicleTwice => "车辆 {vehicle} 有不止一条路线",
        Key::ImportNoEnd => "车辆 {vehicle} 的路线缺少终点（end）步骤",
        Key::ImportOffDay => "车辆 {vehicle}：时刻 {time} 秒不在该车辆的工作日内",
        // --help (the English texts are the doc comments of the command line; a test keeps them equal)
        Key::HelpAbout => "为一个县规划一个月的综合查一次：进一次门、查多项事",
        Key::HelpLang => {
            "消息、汇总和 reason_text 的语言：zh 或 en［默认：LC_ALL、LC_MESSAGES 或 LANG 以 zh 开头时为 zh，否则为 en］"
        }
        Key::HelpCheck => "读取并检查工作区；逐条列出每个问题及其文件和行号",
        Key::HelpMerge => "建立合并图，报告各部门分别检查的入户次数、下界和可节省的次数",
        Key::HelpPlan => "规划本月：联合入户、各检查组每天的路线、未能安排的任务",
        Key::HelpAdvise => "找出能节省入户次数的最小改动，并经规划验证；为每个部门写一封函",
        Key::HelpVerify => "从基本规则出发，对照工作区核查已写出的计划",
        Key::HelpDiff => "比较两个计划文件夹：增加、取消和改变的入户，调动的任务，稳定性",
        Key::HelpReport => "重新生成已写出计划的 report.html（加 --all 时还有路线表和日历）",
        Key::HelpTemplate => {
            "生成部门待填的计划工作簿：中文表头，企业名录、检查事项、优先级和来源的下拉列表，本月的日期单元格"
        }
        Key::HelpExport => "把工作区写成其他求解器（VROOM）的问题，按规划器的方式打包",
        Key::HelpImport => "读取其他求解器对导出问题的解，核查后写成计划文件夹",
        Key::HelpGen => "生成合成的工作区",
        Key::HelpBench => "规划一组基准工作区；以 markdown 表格列出质量和耗时",
        Key::HelpSolomon => "用规划器的路线引擎求解 Solomon VRPTW 算例，并与已知最优解比较",
        // progress labels
        Key::ProgReading => "读取",
        Key::ProgBounds => "计算下界",
        Key::ProgExact => "精确求解",
        Key::ProgChecking => "核查计划",
        Key::ProgWriting => "写出文件",
        Key::ProgConstruction => "构造初始方案",
        Key::ProgSearch => "搜索改进",
        Key::ProgSetPartitioning => "集合划分",
        Key::ProgIterations => "已迭代 {n} 次，最优 {best}",
        Key::ProgIterationsOf => "已迭代 {n}/{budget} 次，最优 {best}",
        Key::ProgAdviseBase => "先按不作改动规划",
        Key::ProgAdviseWhatIf => "假设 {i}/{n}：{change}",
    }
}
