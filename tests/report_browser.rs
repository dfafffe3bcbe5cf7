//! Opens `report.html` in headless Chromium, when installed, and checks that the page's
//! scripts ran without error and the map and headline are in the DOM they produced; that on
//! a 390-px phone the routes fit the screen as cards with navigation and call links, charts
//! keep legible text and `#team=…&date=…` opens on one team-day; and that it prints on A4.
//!
//! The CI script installs Debian's `chromium`; elsewhere the test prints a note and passes.

mod report_fixture;

use chayici::model::{Instance, Plan};
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

/// Appended to a copy of the page after its own scripts: measures the laid-out page and
/// writes the figures as JSON into `<pre id="probe">`, which `--dump-dom` returns.
const PROBE: &str = r#"<pre id="probe"></pre><script>(function(){
var vw=document.documentElement.clientWidth,vh=window.innerHeight,r={vw:vw,scroll_w:document.documentElement.scrollWidth,
over:[],min_chart_px:1e9,scroll_y:window.scrollY,shown_visits:0,shown_days:[],nav:0,tel:[],cards:false};
var rows=document.querySelectorAll('#routes table, #routes tbody tr');
for(var i=0;i<rows.length;i++){var b=rows[i].getBoundingClientRect();
 if(b.width>0&&(b.right>vw+0.5||b.left<-0.5))r.over.push(rows[i].tagName+' '+Math.round(b.left)+'..'+Math.round(b.right));}
var all=document.body.getElementsByTagName('*');
function clipped(e){for(e=e.parentElement;e&&e!==document.body;e=e.parentElement){var o=getComputedStyle(e).overflowX;if(o!=='visible')return true;}return false;}
r.wide=[];for(var i=0;i<all.length&&r.wide.length<5;i++){var b=all[i].getBoundingClientRect();
 if(b.right>vw+0.5&&!clipped(all[i]))r.wide.push(all[i].tagName+'#'+all[i].id+'.'+all[i].getAttribute('class')+' '+Math.round(b.right));}
var texts=document.querySelectorAll('svg.chart text');
for(var i=0;i<texts.length;i++){var m=texts[i].getScreenCTM();if(!m)continue;
 var px=parseFloat(getComputedStyle(texts[i]).fontSize)*Math.sqrt(m.a*m.a+m.b*m.b);if(px<r.min_chart_px)r.min_chart_px=px;}
var visits=document.querySelectorAll('table.route tr.visit');
for(var i=0;i<visits.length;i++){if(visits[i].getClientRects().length)r.shown_visits++;}
var days=document.querySelectorAll('table.route tr.day');
for(var i=0;i<days.length;i++){if(days[i].getClientRects().length)r.shown_days.push(Math.round(days[i].getBoundingClientRect().top));}
r.nav=document.querySelectorAll('table.route tr.visit a.nav-amap').length+document.querySelectorAll('table.route tr.visit a.nav-baidu').length;
var tels=document.querySelectorAll('a[href^="tel:"]');for(var i=0;i<tels.length;i++)r.tel.push(tels[i].getAttribute('href'));
var v=document.querySelector('table.route tr.visit');r.cards=!!v&&getComputedStyle(v).display==='block';
document.getElementById('probe').textContent=JSON.stringify(r);})();</script>"#;

/// Writes the report with the probe, opens it in a frame `width` × 844 px wide (with
/// `fragment` after its URL) and returns the probe's figures and the page's source.
/// A frame because headless Chromium keeps its window at least 500 px wide; the frame is the
/// viewport its media queries see, as a phone's screen is.
fn probe(dir: &Path, html: &[u8], width: u32, fragment: &str) -> (serde_json::Value, String) {
    let page = dir.join("probe.html");
    let html = String::from_utf8(html.to_vec()).unwrap();
    let at = html.rfind("</body>").unwrap();
    std::fs::write(&page, format!("{}{PROBE}{}", &html[..at], &html[at..])).unwrap();
    let outer = dir.join(format!("frame-{width}.html"));
    std::fs::write(
        &outer,
        format!(
            r#"<!DOCTYPE html><html><body style="margin:0"><pre id="probe"></pre><iframe src="probe.html{fragment}" width="{width}" height="844" style="border:0" onload="document.getElementById('probe').textContent=this.contentDocument.getElementById('probe').textContent"></iframe></body></html>"#
        ),
    )
    .unwrap();
    let dom = chromium(
        dir,
        &[
            "--dump-dom".into(),
            "--allow-file-access-from-files".into(),
            format!("--window-size={},900", width + 40),
            "--hide-scrollbars".into(),
            format!("file://{}", outer.display()),
        ],
    );
    let start = dom.find(r#"<pre id="probe">"#).expect("probe element") + 16;
    let json = &dom[start..start + dom[start..].find("</pre>").unwrap()];
    let json = json
        .replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&");
    (serde_json::from_str(&json).expect(&json), html)
}

fn percent_encode(s: &str) -> String {
    s.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

/// The fixture's report, with a phone for the first visited firm and a hostile phone cell for
/// the second; returns the plan's visited firms in order, those two first.
fn phone_report() -> (Instance, Plan, Vec<u8>, Vec<usize>) {
    let inst = hostile_instance();
    let plan = hand_plan(&inst);
    let visited: Vec<usize> = plan
        .routes
        .iter()
        .flat_map(|r| r.visits.iter().map(|v| v.firm))
        .collect();
    let (called_id, hostile_id) = (&inst.firms[visited[0]].id, &inst.firms[visited[1]].id);
    let mut html = Vec::new();
    chayici::output::report::write_report_html_with_phones(
        &mut html,
        &inst,
        &plan,
        &headline(&inst, &plan),
        None,
        &|f| {
            if &f.id == called_id {
                Some("0570-1234567")
            } else if &f.id == hostile_id {
                Some(r#"13800000000"><img src=x onerror=alert(document.domain)>"#)
            } else {
                None
            }
        },
    )
    .unwrap();
    (inst, plan, html, visited)
}

fn no_chromium() -> bool {
    let missing = !Path::new(CHROMIUM).exists();
    if missing {
        eprintln!("note: {CHROMIUM} not found; skipping a browser check of report.html");
    }
    missing
}

#[test]
fn route_cards_fit_a_390_px_phone() {
    if no_chromium() {
        return;
    }
    let (_, _, html, _) = phone_report();
    let dir = tempfile::tempdir().unwrap();
    let (wide, _) = probe(dir.path(), &html, 1400, "");
    assert_eq!(wide["vw"], 1400, "{wide}");
    assert_eq!(wide["cards"], false, "a table on a desktop: {wide}");
    assert_eq!(wide["over"].as_array().unwrap().len(), 0, "{wide}");

    let (phone, _) = probe(dir.path(), &html, 390, "");
    assert_eq!(phone["vw"], 390, "{phone}");
    assert_eq!(
        phone["over"].as_array().unwrap().len(),
        0,
        "route off the screen: {phone}"
    );
    assert!(
        phone["scroll_w"].as_u64().unwrap() <= 390,
        "the page scrolls sideways: {phone}"
    );
    assert_eq!(
        phone["cards"], true,
        "one card per visit on a phone: {phone}"
    );
}

#[test]
fn charts_keep_legible_text_on_a_phone() {
    if no_chromium() {
        return;
    }
    let (_, _, html, _) = phone_report();
    let dir = tempfile::tempdir().unwrap();
    let (phone, _) = probe(dir.path(), &html, 390, "");
    assert!(
        phone["min_chart_px"].as_f64().unwrap() >= 9.5,
        "chart text too small: {phone}"
    );
}

#[test]
fn every_visit_links_to_the_map_apps_and_known_phones() {
    if no_chromium() {
        return;
    }
    let (_, plan, html, visited) = phone_report();
    let dir = tempfile::tempdir().unwrap();
    let visits = plan.visit_count();
    for width in [1400, 390] {
        let (p, dom) = probe(dir.path(), &html, width, "");
        assert_eq!(
            p["nav"],
            2 * visits,
            "an Amap and a Baidu link per visit: {p}"
        );
        assert!(dom.contains(r#"href="https://uri.amap.com/marker?position="#));
        assert!(dom.contains(r#"href="https://api.map.baidu.com/marker?location="#));
        let tels: Vec<&str> = p["tel"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| t.as_str().unwrap())
            .collect();
        let times = |f: usize| visited.iter().filter(|&&v| v == f).count();
        assert_eq!(
            tels.iter().filter(|&&t| t == "tel:0570-1234567").count(),
            times(visited[0]),
            "{tels:?}"
        );
        assert_eq!(
            tels.iter().filter(|&&t| t == "tel:13800000000").count(),
            times(visited[1]),
            "{tels:?}"
        );
        assert_eq!(
            tels.len(),
            times(visited[0]) + times(visited[1]),
            "{tels:?}"
        );
        assert!(
            !dom.contains("<img src=x onerror=alert(document"),
            "phone cell injected"
        );
    }
}

#[test]
fn a_team_day_link_opens_on_that_team_day() {
    if no_chromium() {
        return;
    }
    let (inst, plan, html, _) = phone_report();
    let dir = tempfile::tempdir().unwrap();
    // The last route, so the page has to scroll; a team id with `/:[]` in it.
    let route = plan.routes.iter().rev().find(|r| r.team == 1).unwrap();
    let date = inst.calendar.date(route.day).format("%Y-%m-%d");
    let fragment = format!(
        "#team={}&date={date}",
        percent_encode(&inst.teams[route.team].id)
    );
    let (one, _) = probe(dir.path(), &html, 390, &fragment);
    assert_eq!(one["shown_visits"], route.visits.len(), "{fragment}: {one}");
    let days = one["shown_days"].as_array().unwrap();
    assert_eq!(days.len(), 1, "{fragment}: {one}");
    let top = days[0].as_i64().unwrap();
    assert!(
        (-2..200).contains(&top),
        "team-day not scrolled into view: {one}"
    );
    assert!(one["scroll_y"].as_f64().unwrap() > 0.0, "{one}");
}

#[test]
fn report_prints_on_a4() {
    if no_chromium() {
        return;
    }
    let (_, _, html, _) = phone_report();
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("report.html");
    std::fs::write(&page, &html).unwrap();
    let pdf = dir.path().join("report.pdf");
    chromium(
        dir.path(),
        &[
            format!("--print-to-pdf={}", pdf.display()),
            "--no-pdf-header-footer".into(),
            format!("file://{}", page.display()),
        ],
    );
    let bytes = std::fs::read(&pdf).unwrap();
    let text = String::from_utf8_lossy(&bytes);
    let boxes: Vec<&str> = text
        .match_indices("/MediaBox [")
        .map(|(i, _)| {
            let rest = &text[i + 11..];
            &rest[..rest.find(']').unwrap()]
        })
        .collect();
    assert!(!boxes.is_empty(), "no pages in the PDF");
    for b in &boxes {
        let v: Vec<f64> = b.split_whitespace().map(|x| x.parse().unwrap()).collect();
        let (w, h) = (v[2] - v[0], v[3] - v[1]);
        assert!(
            (w - 595.3).abs() < 2.0 && (h - 841.9).abs() < 2.0,
            "page {w} × {h} pt, not A4"
        );
    }
}
