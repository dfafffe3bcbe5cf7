//! Opens `report.html` in headless Chromium, when installed, and checks that the page's
//! scripts ran without error and the map and headline are in the DOM they produced.
//!
//! The CI script installs Debian's `chromium`; elsewhere the test prints a note and passes.

mod report_fixture;

use report_fixture::*;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const CHROMIUM: &str = "/usr/bin/chromium";

/// Runs Chromium with flags that keep it off the network and away from the user's profile,
/// killing it if it hangs.
fn chromium(profile: &Path, extra: &[String]) -> String {
    let out_file = profile.join("stdout.txt");
    let mut child = Command::new(CHROMIUM)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-default-apps",
            "--disable-extensions",
            "--no-first-run",
            "--mute-audio",
        ])
        .arg(format!(
            "--user-data-dir={}",
            profile.join("profile").display()
        ))
        .args(extra)
        .env("HOME", profile)
        .stdout(std::fs::File::create(&out_file).unwrap())
        .stderr(Stdio::null())
        .spawn()
        .expect("start chromium");
    let deadline = Instant::now() + Duration::from_secs(120);
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            assert!(status.success(), "chromium failed: {status}");
            break;
        }
        if Instant::now() > deadline {
            child.kill().ok();
            child.wait().ok();
            panic!("chromium did not finish within two minutes");
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    std::fs::read_to_string(out_file).unwrap()
}

#[test]
fn report_scripts_run_cleanly_in_headless_chromium() {
    if !Path::new(CHROMIUM).exists() {
        eprintln!("note: {CHROMIUM} not found; skipping the browser check of report.html");
        return;
    }
    let inst = hostile_instance();
    let plan = hand_plan(&inst);
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("report.html");
    let mut html = Vec::new();
    chayici::output::report::write_report_html(
        &mut html,
        &inst,
        &plan,
        &headline(&inst, &plan),
        None,
    )
    .unwrap();
    std::fs::write(&page, html).unwrap();
    let url = format!("file://{}", page.display());

    let dom = chromium(dir.path(), &["--dump-dom".into(), url.clone()]);
    assert!(dom.contains(r#"id="map""#), "map missing from DOM");
    assert!(
        dom.contains(r#"data-js="ready""#),
        "filter script did not finish"
    );
    assert!(dom.contains(r#"data-kpi="visits""#), "headline missing");
    let errors_at = dom.find(r#"id="js-errors""#).expect("error hook element");
    let errors_el = &dom[errors_at..dom[errors_at..].find("</pre>").unwrap() + errors_at];
    assert!(
        !errors_el.contains("data-count"),
        "script errors: {errors_el}"
    );
    assert!(
        !dom.contains("<script>alert(1)</script>"),
        "injected script in DOM"
    );
    let routes = dom.matches(r#"class="route flt""#).count();
    assert_eq!(
        routes,
        plan.routes.len(),
        "every route shown with no filter"
    );

    let (day, team) = (plan.routes[0].day, plan.routes[0].team);
    let date = inst.calendar.date(day).format("%Y-%m-%d");
    let filtered = chromium(
        dir.path(),
        &["--dump-dom".into(), format!("{url}#day={date}&team={team}")],
    );
    let expected = plan
        .routes
        .iter()
        .filter(|r| r.day == day && r.team == team)
        .count();
    assert_eq!(filtered.matches(r#"class="route flt""#).count(), expected);
    assert_eq!(
        filtered.matches(r#"class="route flt off""#).count(),
        plan.routes.len() - expected
    );
    assert!(filtered.contains(&format!(r#"<b id="f-count">{expected}</b>"#)));

    // For a look by eye: `CHAYICI_REPORT_SCREENSHOT=/tmp/r.png` also keeps `/tmp/r.html`.
    if let Some(shot) = std::env::var_os("CHAYICI_REPORT_SCREENSHOT") {
        std::fs::copy(&page, Path::new(&shot).with_extension("html")).unwrap();
        chromium(
            dir.path(),
            &[
                format!("--screenshot={}", Path::new(&shot).display()),
                "--window-size=1280,2200".into(),
                "--hide-scrollbars".into(),
                url,
            ],
        );
    }
}
