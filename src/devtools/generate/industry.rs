//! Provides the tables that make generated data look like a county: departments, industries,
//! which departments inspect which industry and how often, and what they check.

use super::credit::EntityKind;

/// A department the generator knows: code, display name, task-id prefix.
pub struct Dept {
    /// The short code plans and teams use.
    pub code: &'static str,
    /// The display name.
    pub name: &'static str,
    /// Prefix of its task ids (`XF` → `XF-2026-12-0001`).
    pub prefix: &'static str,
    /// How many teams cover it: 2 = most teams, 1 = some, 0 = only one or two specialised teams.
    pub breadth: u8,
}

/// Every department, in the order files and teams list them.
pub const DEPARTMENTS: [Dept; 10] = [
    Dept {
        code: "scjg",
        name: "市场监管",
        prefix: "SC",
        breadth: 2,
    },
    Dept {
        code: "xfjy",
        name: "消防救援",
        prefix: "XF",
        breadth: 2,
    },
    Dept {
        code: "yjgl",
        name: "应急管理",
        prefix: "YJ",
        breadth: 2,
    },
    Dept {
        code: "zhzf",
        name: "综合行政执法",
        prefix: "ZF",
        breadth: 2,
    },
    Dept {
        code: "wsjk",
        name: "卫生健康",
        prefix: "WS",
        breadth: 1,
    },
    Dept {
        code: "sthj",
        name: "生态环境",
        prefix: "HB",
        breadth: 1,
    },
    Dept {
        code: "nync",
        name: "农业农村",
        prefix: "NY",
        breadth: 1,
    },
    Dept {
        code: "jtys",
        name: "交通运输",
        prefix: "JT",
        breadth: 1,
    },
    Dept {
        code: "whsc",
        name: "文化市场",
        prefix: "WH",
        breadth: 0,
    },
    Dept {
        code: "zrzy",
        name: "自然资源",
        prefix: "ZR",
        breadth: 0,
    },
];

/// The department with `code`.
pub fn dept(code: &str) -> &'static Dept {
    DEPARTMENTS
        .iter()
        .find(|d| d.code == code)
        .unwrap_or(&DEPARTMENTS[0])
}

/// An industry: how common it is, what its firms are called, when they open, who inspects them.
pub struct Industry {
    /// The label written in `firms.csv`.
    pub name: &'static str,
    /// Relative frequency in urban subdistricts (街道).
    pub urban: u32,
    /// Relative frequency in rural towns and townships.
    pub rural: u32,
    /// Name endings (店铺字号后缀).
    pub suffixes: &'static [&'static str],
    /// What kind of entity usually runs it, and how often it is a sole trader instead.
    pub kind: EntityKind,
    /// Opening hours, the first the most common.
    pub hours: &'static [&'static str],
    /// Rest days, with their probability.
    pub closed: &'static [(&'static str, f64)],
    /// Departments that inspect it, with the chance of a task this month.
    pub depts: &'static [(&'static str, f64)],
    /// Chance that a department has a second item at the same firm.
    pub second_item: f64,
}

const OFFICE: &[&str] = &[
    "08:00-11:30;13:30-17:30",
    "08:30-17:30",
    "08:00-12:00;13:00-17:00",
];

/// Every industry.
pub const INDUSTRIES: [Industry; 12] = [
    Industry {
        name: "餐饮",
        urban: 30,
        rural: 18,
        suffixes: &["餐饮店", "小吃店", "饭店", "面馆", "农家乐", "早餐店"],
        kind: EntityKind::SoleTrader,
        hours: &[
            "09:30-13:30;16:30-21:00",
            "10:00-14:00;16:30-21:30",
            "08:30-20:30",
            "06:00-13:00",
        ],
        closed: &[("Mon", 0.06)],
        depts: &[
            ("scjg", 0.65),
            ("xfjy", 0.35),
            ("zhzf", 0.35),
            ("wsjk", 0.2),
        ],
        second_item: 0.12,
    },
    Industry {
        name: "零售",
        urban: 20,
        rural: 14,
        suffixes: &["超市", "便利店", "商店", "日用品店"],
        kind: EntityKind::SoleTrader,
        hours: &["08:00-21:00", "07:30-22:00"],
        closed: &[],
        depts: &[("scjg", 0.6), ("zhzf", 0.4), ("xfjy", 0.25)],
        second_item: 0.08,
    },
    Industry {
        name: "农贸市场",
        urban: 3,
        rural: 3,
        suffixes: &["农贸市场", "菜市场"],
        kind: EntityKind::Company,
        hours: &["05:30-12:00", "06:00-18:00"],
        closed: &[],
        depts: &[
            ("scjg", 0.95),
            ("zhzf", 0.7),
            ("xfjy", 0.45),
            ("wsjk", 0.25),
        ],
        second_item: 0.3,
    },
    Industry {
        name: "加油站",
        urban: 3,
        rural: 4,
        suffixes: &["加油站"],
        kind: EntityKind::Company,
        hours: &["00:00-24:00", "06:00-22:00"],
        closed: &[],
        depts: &[
            ("yjgl", 0.75),
            ("xfjy", 0.65),
            ("scjg", 0.55),
            ("sthj", 0.3),
        ],
        second_item: 0.15,
    },
    Industry {
        name: "小微工厂",
        urban: 8,
        rural: 14,
        suffixes: &[
            "机械厂",
            "钙业有限公司",
            "塑料制品厂",
            "木业有限公司",
            "食品厂",
            "化工有限公司",
        ],
        kind: EntityKind::Company,
        hours: OFFICE,
        closed: &[("Sun", 0.4), ("Sat;Sun", 0.3)],
        depts: &[("yjgl", 0.7), ("sthj", 0.55), ("xfjy", 0.45), ("scjg", 0.3)],
        second_item: 0.2,
    },
    Industry {
        name: "民宿",
        urban: 3,
        rural: 10,
        suffixes: &["民宿", "山居", "客栈"],
        kind: EntityKind::SoleTrader,
        hours: &["08:00-22:00", "09:00-20:00"],
        closed: &[],
        depts: &[("xfjy", 0.7), ("wsjk", 0.5), ("scjg", 0.4), ("whsc", 0.15)],
        second_item: 0.08,
    },
    Industry {
        name: "养殖种植",
        urban: 1,
        rural: 18,
        suffixes: &["家庭农场", "养殖场", "胡柚专业合作社", "油茶专业合作社"],
        kind: EntityKind::Cooperative,
        hours: &["07:00-18:00", "07:30-11:30;13:30-17:30"],
        closed: &[],
        depts: &[("nync", 0.85), ("sthj", 0.45), ("scjg", 0.1)],
        second_item: 0.15,
    },
    Industry {
        name: "矿山采石",
        urban: 0,
        rural: 3,
        suffixes: &["石料有限公司", "矿业有限公司", "采石场"],
        kind: EntityKind::Company,
        hours: &["07:00-11:30;13:00-17:00"],
        closed: &[("Sun", 0.3)],
        depts: &[("zrzy", 0.85), ("yjgl", 0.8), ("sthj", 0.6)],
        second_item: 0.3,
    },
    Industry {
        name: "网吧",
        urban: 6,
        rural: 2,
        suffixes: &["网吧", "网咖"],
        kind: EntityKind::SoleTrader,
        hours: &["08:00-24:00", "09:00-24:00"],
        closed: &[],
        depts: &[("whsc", 0.85), ("xfjy", 0.55), ("wsjk", 0.45)],
        second_item: 0.1,
    },
    Industry {
        name: "道路运输",
        urban: 5,
        rural: 4,
        suffixes: &["运输有限公司", "物流有限公司", "客运站"],
        kind: EntityKind::Company,
        hours: &["08:00-12:00;13:30-17:30", "08:00-17:30"],
        closed: &[("Sun", 0.5)],
        depts: &[("jtys", 0.85), ("yjgl", 0.45), ("xfjy", 0.3)],
        second_item: 0.15,
    },
    Industry {
        name: "住宿",
        urban: 6,
        rural: 2,
        suffixes: &["宾馆", "酒店", "旅馆"],
        kind: EntityKind::Company,
        hours: &["00:00-24:00"],
        closed: &[],
        depts: &[("xfjy", 0.7), ("wsjk", 0.55), ("scjg", 0.4), ("zhzf", 0.15)],
        second_item: 0.1,
    },
    Industry {
        name: "歌舞娱乐",
        urban: 4,
        rural: 1,
        suffixes: &["KTV", "歌舞厅", "娱乐会所"],
        kind: EntityKind::Company,
        hours: &["14:00-24:00", "13:00-23:30"],
        closed: &[],
        depts: &[("whsc", 0.8), ("xfjy", 0.6), ("wsjk", 0.3)],
        second_item: 0.1,
    },
];

/// An inspection item: the department that checks it and the industries it applies to
/// (empty: any industry that department inspects).
struct Item(&'static str, &'static str, &'static [&'static str]);

const ITEMS: &[Item] = &[
    Item(
        "scjg",
        "食品安全检查",
        &["餐饮", "零售", "农贸市场", "民宿", "住宿", "小微工厂"],
    ),
    Item("scjg", "食品经营许可检查", &["餐饮", "零售", "农贸市场"]),
    Item(
        "scjg",
        "价格行为检查",
        &["零售", "农贸市场", "住宿", "民宿", "餐饮"],
    ),
    Item("scjg", "计量器具检查", &["加油站", "农贸市场"]),
    Item("scjg", "成品油质量抽检", &["加油站"]),
    Item("scjg", "特种设备安全检查", &["小微工厂", "住宿"]),
    Item("scjg", "产品质量抽查", &["小微工厂", "养殖种植"]),
    Item("xfjy", "消防安全检查", &[]),
    Item("xfjy", "消防设施器材检查", &[]),
    Item(
        "xfjy",
        "疏散通道检查",
        &["餐饮", "住宿", "民宿", "网吧", "歌舞娱乐", "零售"],
    ),
    Item("yjgl", "安全生产检查", &[]),
    Item("yjgl", "危险化学品检查", &["加油站", "小微工厂"]),
    Item("yjgl", "非煤矿山安全检查", &["矿山采石"]),
    Item("yjgl", "有限空间作业检查", &["小微工厂"]),
    Item("zhzf", "餐饮油烟检查", &["餐饮"]),
    Item("zhzf", "餐厨垃圾检查", &["餐饮", "住宿"]),
    Item("zhzf", "门前三包检查", &["零售", "农贸市场", "餐饮"]),
    Item("zhzf", "户外广告检查", &["零售", "住宿"]),
    Item(
        "wsjk",
        "公共场所卫生检查",
        &["住宿", "民宿", "网吧", "歌舞娱乐", "农贸市场"],
    ),
    Item("wsjk", "从业人员健康证检查", &[]),
    Item("wsjk", "生活饮用水卫生检查", &["民宿", "住宿", "餐饮"]),
    Item("sthj", "排污许可检查", &["小微工厂", "矿山采石"]),
    Item("sthj", "危险废物检查", &["小微工厂"]),
    Item("sthj", "油气回收检查", &["加油站"]),
    Item("sthj", "畜禽粪污处理检查", &["养殖种植"]),
    Item("sthj", "扬尘治理检查", &["矿山采石"]),
    Item("nync", "农药兽药使用检查", &["养殖种植"]),
    Item("nync", "动物防疫检查", &["养殖种植"]),
    Item("nync", "农产品质量安全检查", &["养殖种植"]),
    Item("jtys", "道路运输安全检查", &[]),
    Item("jtys", "营运车辆技术状况检查", &[]),
    Item("whsc", "网吧经营检查", &["网吧"]),
    Item("whsc", "娱乐场所经营检查", &["歌舞娱乐", "民宿"]),
    Item("whsc", "文化经营许可检查", &[]),
    Item("zrzy", "矿产资源开采检查", &["矿山采石"]),
    Item("zrzy", "土地复垦检查", &["矿山采石"]),
];

/// The items `dept` checks at a firm of `industry`, in table order.
pub fn items(dept: &str, industry: &str) -> Vec<&'static str> {
    ITEMS
        .iter()
        .filter(|i| i.0 == dept && (i.2.is_empty() || i.2.contains(&industry)))
        .map(|i| i.1)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_industry_department_pair_has_an_item() {
        for ind in &INDUSTRIES {
            for (d, _) in ind.depts {
                assert!(!items(d, ind.name).is_empty(), "{} {d}", ind.name);
                assert_eq!(dept(d).code, *d);
            }
        }
    }
}
