//! Provides synthetic workspaces: the shipped demo county and benchmark instances from a
//! town to a province.
//!
//! Generation is pure and seeded ([`generate`]): the same profile and seed give the same
//! [`Generated`] value, and [`render`] turns it into the same bytes, so benchmark instances
//! can be rebuilt anywhere instead of being stored. [`write`] puts the files on disk.
//!
//! The province profile writes one workspace per county in subfolders (`county-01` …
//! `county-90`), because counties plan independently side by side (DESIGN.md).

mod credit;
mod firms;
mod industry;
mod places;
mod plan_columns;
mod plans;
mod readme;
mod render;
mod rows;
mod sheets;
mod tasks;
mod teams;
mod write;

pub use credit::{CHARSET, EntityKind, check_char, random_code};
pub use render::{GbkDates, PlanFormat, RenderError, RenderedFile, render, render_workspace};
pub use rows::{
    DepartmentRow, FirmRow, Generated, PlanFile, TaskRow, TeamRow, Township, Workspace,
};
pub use write::{Summary, WriteError, write};

use crate::model::Point;
use chrono::NaiveDate;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use std::collections::BTreeSet;

/// A size and shape of generated instance.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Profile {
    /// Four invented townships, ~200 tasks: quick to plan in tests and examples.
    Town,
    /// The shipped demo: Changshan County's 14 townships, ~400 firms, ~800 tasks, mixed formats.
    Changshan,
    /// An invented county, ~2,000 tasks.
    County,
    /// An invented city of eight districts, ~25,000 tasks, one workspace.
    City,
    /// 90 invented counties, ~2,000 tasks each, one workspace per county.
    Province,
}

impl Profile {
    /// The name used on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Town => "town",
            Self::Changshan => "changshan",
            Self::County => "county",
            Self::City => "city",
            Self::Province => "province",
        }
    }
}

/// Shape of one county-sized workspace.
struct Spec {
    townships: usize,
    firms: usize,
    teams: usize,
    departments: &'static [&'static str],
    radius_km: f64,
    mixed_formats: bool,
}

const ALL_TEN: &[&str] = &[
    "scjg", "xfjy", "yjgl", "zhzf", "wsjk", "sthj", "nync", "jtys", "whsc", "zrzy",
];

/// Generates the workspaces of `profile` from `seed`.
pub fn generate(profile: Profile, seed: u64) -> Generated {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let county = |firms, teams| Spec {
        townships: 14,
        firms,
        teams,
        departments: ALL_TEN,
        radius_km: 22.0,
        mixed_formats: false,
    };
    let mut taken = BTreeSet::new();
    let workspaces = match profile {
        Profile::Changshan => {
            let (towns, bounds) = places::changshan();
            let spec = Spec {
                townships: 14,
                firms: 420,
                teams: 12,
                departments: &[
                    "scjg", "xfjy", "yjgl", "zhzf", "wsjk", "sthj", "nync", "whsc", "zrzy",
                ],
                radius_km: 0.0,
                mixed_formats: true,
            };
            let name = "常山县 2026年12月综合查一次（合成数据）".to_string();
            vec![county_workspace(
                &mut rng,
                &spec,
                "",
                name,
                "常山县",
                towns,
                bounds,
            )]
        }
        Profile::Town => {
            let spec = Spec {
                townships: 4,
                firms: 105,
                teams: 4,
                departments: &["scjg", "xfjy", "yjgl", "zhzf", "wsjk", "sthj"],
                radius_km: 9.0,
                mixed_formats: false,
            };
            vec![invented(
                &mut rng,
                &spec,
                "",
                Point::new(120.10, 29.30),
                "339921",
                &mut taken,
            )]
        }
        Profile::County => {
            let spec = county(1000, 26);
            vec![invented(
                &mut rng,
                &spec,
                "",
                Point::new(119.60, 29.10),
                "339922",
                &mut taken,
            )]
        }
        Profile::City => {
            let spec = Spec {
                townships: 104,
                firms: 12_500,
                teams: 320,
                departments: ALL_TEN,
                radius_km: 50.0,
                mixed_formats: false,
            };
            vec![invented(
                &mut rng,
                &spec,
                "",
                Point::new(120.55, 30.00),
                "3399",
                &mut taken,
            )]
        }
        Profile::Province => (0..90)
            .map(|i| {
                let (row, col) = (i / 10, i % 10);
                let centre = Point::new(
                    118.3 + 0.4 * col as f64 + rng.gen_range(-0.08..0.08),
                    27.3 + 0.42 * row as f64 + rng.gen_range(-0.08..0.08),
                );
                let division = format!("33{:02}{:02}", i / 9 + 1, 21 + i % 9);
                let dir = format!("county-{:02}", i + 1);
                let mut county_rng = ChaCha8Rng::seed_from_u64(rng.r#gen());
                invented(
                    &mut county_rng,
                    &county(1000, 26),
                    &dir,
                    centre,
                    &division,
                    &mut taken,
                )
            })
            .collect(),
    };
    Generated {
        profile,
        seed,
        workspaces,
    }
}

/// A workspace for an invented county (or, with a four-digit `division`, a city whose
/// townships are split over eight districts `division01` … `division08`).
fn invented(
    rng: &mut ChaCha8Rng,
    spec: &Spec,
    dir: &str,
    centre: Point,
    division: &str,
    taken: &mut BTreeSet<String>,
) -> Workspace {
    let (place, towns) = if division.len() == 4 {
        let place = "青州市".to_string();
        let mut towns = places::invent(rng, centre, spec.radius_km, spec.townships, "", taken);
        for (i, t) in towns.iter_mut().enumerate() {
            t.division = format!("{division}{:02}", i % 8 + 1);
            t.urban = t.urban || i % 13 == 0;
        }
        (place, towns)
    } else {
        let place = places::county_name(rng, taken);
        let towns = places::invent(rng, centre, spec.radius_km, spec.townships, division, taken);
        (place, towns)
    };
    let bounds = places::Bounds::Disc(centre, spec.radius_km * 1.25);
    let name = format!("{place} 2026年12月综合查一次（合成数据）");
    county_workspace(rng, spec, dir, name, &place, towns, bounds)
}

fn county_workspace(
    rng: &mut ChaCha8Rng,
    spec: &Spec,
    dir: &str,
    name: String,
    place: &str,
    towns: Vec<Township>,
    bounds: places::Bounds,
) -> Workspace {
    let start = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap_or_default();
    let end = NaiveDate::from_ymd_opt(2026, 12, 31).unwrap_or_default();
    let mut firms = firms::generate(rng, spec.firms, &towns, bounds, place, spec.departments);
    if spec.mixed_formats {
        firms::add_tricky(&mut firms, place);
    }
    let plans = plans::generate(
        rng,
        &firms,
        spec.departments,
        start,
        end,
        spec.mixed_formats,
    );
    let teams = teams::generate(rng, spec.teams, &towns, &firms, &plans);
    let departments = spec
        .departments
        .iter()
        .map(|&c| DepartmentRow {
            code: c.to_string(),
            name: industry::dept(c).name.to_string(),
        })
        .collect();
    Workspace {
        dir: dir.to_string(),
        name,
        start,
        end,
        townships: towns,
        departments,
        firms: firms.into_iter().map(|f| f.row).collect(),
        teams,
        plans,
    }
}
