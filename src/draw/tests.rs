use super::*;

fn firms(n: usize) -> Vec<DirectoryFirm> {
    (0..n)
        .map(|i| DirectoryFirm {
            id: format!("F{i:05}"),
            name: format!("firm {i}"),
            grade: ["A", "B", "C"][i % 3].to_string(),
        })
        .collect()
}

fn rule(department: &str, grade: &str, ratio: f64) -> SamplingRule {
    let d = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
    SamplingRule {
        department: department.into(),
        grade: grade.into(),
        ratio,
        item: "item".into(),
        minutes: 30,
        earliest: d,
        latest: d,
        source: "双随机".into(),
    }
}

fn run(seed: &str, independent: bool, f: &[DirectoryFirm], rules: &[SamplingRule]) -> Draw {
    draw(&DrawInput {
        seed,
        independent,
        firms: f,
        rules,
        exempt: &[],
        history: &[],
        settings: &DrawSettings::default(),
    })
}

fn drawn_ids(d: &DepartmentDraw, f: &[DirectoryFirm]) -> Vec<String> {
    d.drawn.iter().map(|x| f[x.firm].id.clone()).collect()
}

#[test]
fn a_grade_row_wins_over_the_star_row_and_ratio_one_takes_all() {
    let f = firms(30);
    let rules = [rule("a", "*", 0.0), rule("a", "B", 1.0)];
    let d = &run("s", false, &f, &rules).departments[0];
    assert_eq!(d.frame, 30);
    assert_eq!(d.drawn.len(), 10);
    assert!(d.drawn.iter().all(|x| f[x.firm].grade == "B"));
}

#[test]
fn coordinated_samples_are_nested_by_ratio() {
    let f = firms(500);
    let rules = [rule("a", "*", 0.1), rule("b", "*", 0.3)];
    for seed in ["1", "2", "3"] {
        let d = run(seed, false, &f, &rules);
        let a = drawn_ids(&d.departments[0], &f);
        let b = drawn_ids(&d.departments[1], &f);
        assert!(a.iter().all(|x| b.contains(x)), "seed {seed}");
        assert_eq!(d.overlap(), a.len());
    }
}

#[test]
fn coordinated_overlap_is_at_least_the_independent_overlap_on_every_seed() {
    let f = firms(300);
    let rules = [
        rule("a", "A", 0.05),
        rule("a", "*", 0.2),
        rule("b", "*", 0.15),
        rule("c", "C", 0.6),
    ];
    for seed in 0..50 {
        let seed = seed.to_string();
        let coordinated = run(&seed, false, &f, &rules).overlap();
        let independent = run(&seed, true, &f, &rules).overlap();
        assert!(
            coordinated >= independent,
            "seed {seed}: coordinated {coordinated} < independent {independent}"
        );
    }
}

#[test]
fn fixed_size_takes_round_ratio_times_eligible_per_grade() {
    let f = firms(31); // 11 of grade A, 10 of B, 10 of C
    let mut settings = DrawSettings::default();
    settings.fixed_size.insert("a".into());
    let rules = [rule("a", "A", 0.25), rule("a", "*", 0.15)];
    for seed in ["x", "y", "z"] {
        let d = draw(&DrawInput {
            seed,
            independent: false,
            firms: &f,
            rules: &rules,
            exempt: &[],
            history: &[],
            settings: &settings,
        });
        let a = &d.departments[0];
        let of = |g: &str| a.drawn.iter().filter(|x| f[x.firm].grade == g).count();
        assert_eq!(of("A"), 3); // round(0.25 × 11) = round(2.75)
        assert_eq!(of("B") + of("C"), 3); // round(0.15 × 20)
    }
}

/// Each firm's inclusion frequency over 4,000 fixed seeds lies within four standard
/// deviations of its ratio, for every department and grade, coordinated or not, and the
/// chi-square of all cells together stays below its 99.9% quantile.
#[test]
fn inclusion_frequencies_match_the_ratios_at_a_fixed_seed_set() {
    let f = firms(12);
    let rules = [
        rule("a", "A", 0.05),
        rule("a", "*", 0.3),
        rule("b", "*", 0.5),
        rule("b", "C", 0.9),
    ];
    let runs = 4000;
    for independent in [false, true] {
        let mut count: BTreeMap<(String, usize), (u32, f64)> = BTreeMap::new();
        for seed in 0..runs {
            let d = run(&format!("seed-{seed}"), independent, &f, &rules);
            for dep in &d.departments {
                for x in &dep.drawn {
                    count
                        .entry((dep.department.clone(), x.firm))
                        .or_insert((0, rules[x.rule].ratio))
                        .0 += 1;
                }
            }
        }
        let mut chi2 = 0.0;
        let mut cells = 0;
        for (dep, rs) in [("a", &rules[..2]), ("b", &rules[2..])] {
            let rs: Vec<(usize, &SamplingRule)> = rs.iter().enumerate().collect();
            for (i, firm) in f.iter().enumerate() {
                let p = rs[rule_for(&rs, &firm.grade).unwrap()].1.ratio;
                let k = count.get(&(dep.to_string(), i)).map_or(0, |c| c.0) as f64;
                let n = runs as f64;
                let sd = (n * p * (1.0 - p)).sqrt();
                assert!(
                    (k - n * p).abs() <= 4.0 * sd,
                    "{dep} firm {i}: {k} of {n} at ratio {p} (independent: {independent})"
                );
                chi2 += (k - n * p).powi(2) / (n * p * (1.0 - p));
                cells += 1;
            }
        }
        // 24 cells: the 99.9% quantile of chi-square with 24 degrees of freedom is 51.18.
        assert_eq!(cells, 24);
        assert!(
            chi2 < 51.18,
            "chi-square {chi2:.1} (independent: {independent})"
        );
    }
}

#[test]
fn exempt_capped_and_recent_firms_are_never_drawn_and_each_exclusion_is_listed() {
    let f = firms(60);
    let rules = [rule("a", "*", 1.0), rule("b", "*", 1.0)];
    let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).unwrap();
    let exempt = [
        Exemption {
            firm: f[0].id.clone(),
            department: None,
            reason: "白名单".into(),
        },
        Exemption {
            firm: f[1].id.clone(),
            department: Some("a".into()),
            reason: "".into(),
        },
    ];
    let history = [
        PastInspection {
            date: day(3, 1),
            department: "a".into(),
            firm: f[2].id.clone(),
        },
        PastInspection {
            date: day(6, 1),
            department: "a".into(),
            firm: f[2].id.clone(),
        },
        PastInspection {
            date: day(11, 20),
            department: "b".into(),
            firm: f[3].id.clone(),
        },
        PastInspection {
            date: day(10, 31),
            department: "b".into(),
            firm: f[4].id.clone(),
        },
    ];
    let settings = DrawSettings {
        max_per_year: Some(2),
        ..DrawSettings::default()
    };
    let d = draw(&DrawInput {
        seed: "s",
        independent: false,
        firms: &f,
        rules: &rules,
        exempt: &exempt,
        history: &history,
        settings: &settings,
    });
    let a = &d.departments[0];
    let b = &d.departments[1];
    let ids = |x: &DepartmentDraw| drawn_ids(x, &f);
    for gone in [&f[0].id, &f[1].id, &f[2].id] {
        assert!(!ids(a).contains(gone), "{gone} drawn by a");
    }
    for gone in [&f[0].id, &f[3].id] {
        assert!(!ids(b).contains(gone), "{gone} drawn by b");
    }
    // 31 days before 2026-12-01 is not within 30 days: drawn.
    assert!(ids(b).contains(&f[4].id));
    assert!(ids(b).contains(&f[1].id));
    let reasons = |x: &DepartmentDraw| -> Vec<(usize, &'static str)> {
        x.excluded
            .iter()
            .map(|e| (e.firm, e.reason.kind()))
            .collect()
    };
    assert_eq!(reasons(a), vec![(0, "exempt"), (1, "exempt"), (2, "cap")]);
    assert_eq!(reasons(b), vec![(0, "exempt"), (3, "repeat")]);
    assert_eq!((a.frame, a.eligible, a.drawn.len()), (60, 57, 57));

    let flag = DrawSettings {
        repeat: RepeatRule::Flag,
        ..settings
    };
    let d = draw(&DrawInput {
        seed: "s",
        independent: false,
        firms: &f,
        rules: &rules,
        exempt: &exempt,
        history: &history,
        settings: &flag,
    });
    let b = &d.departments[1];
    let three = b
        .drawn
        .iter()
        .find(|x| x.firm == 3)
        .expect("flagged, not excluded");
    assert_eq!(three.repeat_of, Some(day(11, 20)));
}

#[test]
fn the_draw_does_not_depend_on_the_order_of_the_directory() {
    let f = firms(100);
    let rules = [rule("a", "*", 0.3), rule("b", "B", 0.5)];
    let mut g = f.clone();
    g.reverse();
    let one = run("s", false, &f, &rules);
    let two = run("s", false, &g, &rules);
    for (x, y) in one.departments.iter().zip(&two.departments) {
        assert_eq!(drawn_ids(x, &f), drawn_ids(y, &g));
    }
}
