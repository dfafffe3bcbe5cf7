//! Provides the map: firms, township seats, team bases and every team-day route, drawn as
//! inline SVG from WGS-84 coordinates so the report needs no tile server or network.

use super::escape::Esc;
use crate::model::{Instance, Plan, Point, fmt_minute};
use std::collections::BTreeMap;
use std::io::{self, Write};

/// Team colours, assigned by team index so the same team keeps its colour in every report.
/// Chosen to stay apart from one another and from the grey of unvisited firms.
pub const PALETTE: [&str; 12] = [
    "#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf",
    "#bcbd22", "#393b79", "#ad494a", "#637939",
];

/// The colour of team `t`.
pub fn team_colour(t: usize) -> &'static str {
    PALETTE[t % PALETTE.len()]
}

const WIDTH: f64 = 960.0;
const MARGIN: f64 = 36.0;

/// Equirectangular projection fitted to a bounding box: longitudes shrink by the cosine of
/// the mean latitude so that a county at 29°N is not drawn 15% too wide.
struct Projection {
    min_lon: f64,
    max_lat: f64,
    kx: f64,
    scale: f64,
    ox: f64,
    oy: f64,
    height: f64,
}

impl Projection {
    fn fit(points: impl Iterator<Item = Point>) -> Self {
        let (mut lo_x, mut hi_x, mut lo_y, mut hi_y) = (f64::MAX, f64::MIN, f64::MAX, f64::MIN);
        for p in points.filter(|p| p.lon.is_finite() && p.lat.is_finite()) {
            lo_x = lo_x.min(p.lon);
            hi_x = hi_x.max(p.lon);
            lo_y = lo_y.min(p.lat);
            hi_y = hi_y.max(p.lat);
        }
        if lo_x > hi_x {
            (lo_x, hi_x, lo_y, hi_y) = (0.0, 0.0, 0.0, 0.0);
        }
        // A single firm or a line of firms still gets a sensible square around it.
        let pad = |lo: f64, hi: f64| if hi - lo < 0.01 { 0.005 } else { 0.0 };
        let (px, py) = (pad(lo_x, hi_x), pad(lo_y, hi_y));
        let (lo_x, hi_x, lo_y, hi_y) = (lo_x - px, hi_x + px, lo_y - py, hi_y + py);
        let kx = ((lo_y + hi_y) / 2.0).to_radians().cos().max(0.05);
        let (dx, dy) = ((hi_x - lo_x) * kx, hi_y - lo_y);
        let inner = WIDTH - 2.0 * MARGIN;
        let height = (inner * dy / dx + 2.0 * MARGIN).clamp(320.0, 1100.0);
        let scale = (inner / dx).min((height - 2.0 * MARGIN) / dy);
        Self {
            min_lon: lo_x,
            max_lat: hi_y,
            kx,
            scale,
            ox: (WIDTH - dx * scale) / 2.0,
            oy: (height - dy * scale) / 2.0,
            height,
        }
    }

    fn xy(&self, p: Point) -> (f64, f64) {
        (
            self.ox + (p.lon - self.min_lon) * self.kx * self.scale,
            self.oy + (self.max_lat - p.lat) * self.scale,
        )
    }

    /// Kilometres per SVG unit (a degree of latitude is about 111.2 km).
    fn km_per_unit(&self) -> f64 {
        111.195 / self.scale
    }
}

/// Writes the filters, the SVG map and its legend.
pub fn write_map_section<W: Write>(w: &mut W, inst: &Instance, plan: &Plan) -> io::Result<()> {
    let proj = Projection::fit(
        inst.firms
            .iter()
            .map(|f| f.point)
            .chain(inst.teams.iter().map(|t| t.base)),
    );
    write_filters(w, inst, plan)?;
    writeln!(
        w,
        r##"<svg id="map" class="map" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {h:.0}" role="img" aria-label="检查路线图 route map">"##,
        h = proj.height
    )?;
    writeln!(
        w,
        r##"<rect class="sea" x="0" y="0" width="{WIDTH}" height="{:.0}"/>"##,
        proj.height
    )?;
    write_firms(w, inst, plan, &proj)?;
    write_routes(w, inst, plan, &proj)?;
    write_bases(w, inst, &proj)?;
    write_towns(w, inst, &proj)?;
    write_scale_bar(w, &proj)?;
    writeln!(w, "</svg>")?;
    write!(w, r#"<p class="legend">"#)?;
    for (t, team) in inst.teams.iter().enumerate() {
        write!(
            w,
            r#"<span><i style="background:{}"></i>{} {}</span>"#,
            team_colour(t),
            Esc(&team.id),
            Esc(&team.name)
        )?;
    }
    writeln!(
        w,
        r#"<span><i class="grey"></i>未走访企业 firm not visited</span><span><i class="sq"></i>驻地 base</span></p>"#
    )
}

fn write_filters<W: Write>(w: &mut W, inst: &Instance, plan: &Plan) -> io::Result<()> {
    let days: std::collections::BTreeSet<usize> = plan.routes.iter().map(|r| r.day).collect();
    write!(
        w,
        r#"<form class="filters" onsubmit="return false"><label>日期 Day <select id="f-day"><option value="">全部 all</option>"#
    )?;
    for d in days {
        let date = inst.calendar.date(d).format("%Y-%m-%d");
        write!(w, r#"<option value="{date}">{date}</option>"#)?;
    }
    write!(
        w,
        r#"</select></label> <label>检查组 Team <select id="f-team"><option value="">全部 all</option>"#
    )?;
    for (t, team) in inst.teams.iter().enumerate() {
        write!(
            w,
            r#"<option value="{t}" data-id="{}">{} {}</option>"#,
            Esc(&team.id),
            Esc(&team.id),
            Esc(&team.name)
        )?;
    }
    writeln!(
        w,
        r#"</select></label> <span class="muted">显示路线 routes shown: <b id="f-count">{}</b></span></form>"#,
        plan.routes.len()
    )
}

fn write_firms<W: Write>(
    w: &mut W,
    inst: &Instance,
    plan: &Plan,
    proj: &Projection,
) -> io::Result<()> {
    let mut first_team = vec![None; inst.firms.len()];
    for r in &plan.routes {
        for v in &r.visits {
            first_team[v.firm].get_or_insert(r.team);
        }
    }
    writeln!(w, r#"<g class="firms">"#)?;
    for (f, firm) in inst.firms.iter().enumerate() {
        let (x, y) = proj.xy(firm.point);
        let fill = first_team[f].map_or("#b8b8b8", team_colour);
        writeln!(
            w,
            r#"<circle class="firm" cx="{x:.1}" cy="{y:.1}" r="2.4" fill="{fill}"><title>{} ({})</title></circle>"#,
            Esc(&firm.name),
            Esc(&firm.id)
        )?;
    }
    writeln!(w, "</g>")
}

fn write_routes<W: Write>(
    w: &mut W,
    inst: &Instance,
    plan: &Plan,
    proj: &Projection,
) -> io::Result<()> {
    writeln!(w, r#"<g class="routes">"#)?;
    for r in &plan.routes {
        let team = &inst.teams[r.team];
        let colour = team_colour(r.team);
        let date = inst.calendar.date(r.day).format("%Y-%m-%d");
        let base = proj.xy(team.base);
        let stops: Vec<(f64, f64)> = r
            .visits
            .iter()
            .map(|v| proj.xy(inst.firms[v.firm].point))
            .collect();
        writeln!(
            w,
            r#"<g class="route flt" data-day="{date}" data-team="{}"><title>{} {date}</title>"#,
            r.team,
            Esc(&team.id)
        )?;
        write!(w, r#"<polyline stroke="{colour}" points=""#)?;
        for (x, y) in std::iter::once(base)
            .chain(stops.iter().copied())
            .chain([base])
        {
            write!(w, "{x:.1},{y:.1} ")?;
        }
        writeln!(w, r#""/>"#)?;
        for (i, (v, (x, y))) in r.visits.iter().zip(&stops).enumerate() {
            let firm = &inst.firms[v.firm];
            writeln!(
                w,
                r#"<circle class="stop" cx="{x:.1}" cy="{y:.1}" r="4" fill="{colour}"><title>{} · {} {date} #{} {}–{} · {}</title></circle>"#,
                Esc(&firm.name),
                Esc(&team.id),
                i + 1,
                fmt_minute(v.start),
                fmt_minute(v.end),
                Esc(&firm.address)
            )?;
        }
        writeln!(w, "</g>")?;
    }
    writeln!(w, "</g>")
}

fn write_bases<W: Write>(w: &mut W, inst: &Instance, proj: &Projection) -> io::Result<()> {
    writeln!(w, r#"<g class="bases">"#)?;
    for (t, team) in inst.teams.iter().enumerate() {
        let (x, y) = proj.xy(team.base);
        writeln!(
            w,
            r#"<rect class="base flt" data-team="{t}" x="{:.1}" y="{:.1}" width="10" height="10" fill="{}"><title>驻地 base: {} {}</title></rect>"#,
            x - 5.0,
            y - 5.0,
            team_colour(t),
            Esc(&team.id),
            Esc(&team.name)
        )?;
    }
    writeln!(w, "</g>")
}

/// Township seats are not in the register, so each is drawn at the centroid of its firms.
fn write_towns<W: Write>(w: &mut W, inst: &Instance, proj: &Projection) -> io::Result<()> {
    let mut sums: BTreeMap<&str, (f64, f64, usize)> = BTreeMap::new();
    for f in inst.firms.iter().filter(|f| !f.township.trim().is_empty()) {
        let e = sums.entry(f.township.as_str()).or_default();
        e.0 += f.point.lon;
        e.1 += f.point.lat;
        e.2 += 1;
    }
    writeln!(w, r#"<g class="towns">"#)?;
    for (name, (lon, lat, n)) in sums {
        let (x, y) = proj.xy(Point::new(lon / n as f64, lat / n as f64));
        writeln!(
            w,
            r#"<circle class="seat" cx="{x:.1}" cy="{y:.1}" r="3"/><text x="{:.1}" y="{:.1}">{}</text>"#,
            x + 5.0,
            y - 5.0,
            Esc(name)
        )?;
    }
    writeln!(w, "</g>")
}

fn write_scale_bar<W: Write>(w: &mut W, proj: &Projection) -> io::Result<()> {
    let target = proj.km_per_unit() * 120.0;
    let km = [
        0.1, 0.2, 0.5, 1.0, 2.0, 5.0, 10.0, 20.0, 50.0, 100.0, 200.0, 500.0,
    ]
    .into_iter()
    .rfind(|&k| k <= target)
    .unwrap_or(0.1);
    let len = km / proj.km_per_unit();
    let (x, y) = (MARGIN / 2.0, proj.height - MARGIN / 2.0);
    writeln!(
        w,
        r#"<g class="scale"><path d="M{x:.1} {:.1}v4h{len:.1}v-4"/><text x="{x:.1}" y="{:.1}">{km} km</text></g>"#,
        y - 4.0,
        y - 8.0
    )
}
