//! Provides the page around the sections: document head with inline CSS, the script-error
//! hook, the headline figures and the filter script. Nothing is loaded from the network.

use super::ReportHeadline;
use super::charts_svg::num;
use super::escape::{Esc, json_for_script};
use crate::model::Instance;
use std::io::{self, Write};

const CSS: &str = r##"
body{font:14px/1.5 "PingFang SC","Microsoft YaHei","Noto Sans CJK SC","Source Han Sans SC","WenQuanYi Micro Hei",sans-serif;margin:0;color:#222;background:#fafafa}
header,main{max-width:1180px;margin:0 auto;padding:0 16px}
header{padding-top:12px}
h1{font-size:22px;margin:8px 0 2px}h2{font-size:18px;margin:28px 0 8px;border-bottom:2px solid #2a6fb0;padding-bottom:4px}
h3{font-size:15px;margin:18px 0 6px}small,.muted{color:#666}.miss{color:#b00000;font-weight:600}
nav a{margin-right:12px;color:#2a6fb0;text-decoration:none}
.kpis{display:flex;flex-wrap:wrap;gap:10px;margin:12px 0}
.kpi{background:#fff;border:1px solid #ddd;border-radius:6px;padding:8px 12px;min-width:120px}
.kpi b{display:block;font-size:22px}.kpi span{color:#555;font-size:12px}
.kpi.main{border-color:#2a6fb0}.ok{color:#2a7a2a}
svg.map{width:100%;height:auto;background:#fff;border:1px solid #ccc}
svg.map .sea{fill:#f7f9fb}svg.map .firm{stroke:#fff;stroke-width:.5}
svg.map polyline{fill:none;stroke-width:2;stroke-opacity:.75;stroke-linejoin:round}
svg.map .stop{stroke:#fff;stroke-width:1;cursor:pointer}svg.map .stop:hover{r:6}
svg.map .base{stroke:#000;stroke-width:1}
svg.map .seat{fill:#555}svg.map .towns text{font-size:12px;fill:#333;paint-order:stroke;stroke:#fff;stroke-width:3px}
svg.map .scale path{fill:none;stroke:#333;stroke-width:1.5}svg.map .scale text{font-size:11px}
svg .off,.off{display:none}
svg.chart{width:100%;max-width:900px;height:auto;background:#fff;border:1px solid #eee;margin:4px 0 12px}
svg.chart text{font-size:12px}svg.chart .small{font-size:10px}
.filters{margin:8px 0}.filters select{font:inherit;margin-right:8px}
.legend span{margin-right:14px;white-space:nowrap}.legend i,.sw{display:inline-block;width:12px;height:12px;margin-right:4px;vertical-align:middle;border-radius:2px}
.legend i.grey{background:#b8b8b8;border-radius:6px}.legend i.sq{background:#fff;border:1px solid #000}
table{border-collapse:collapse;width:100%;background:#fff;margin-bottom:10px}
th,td{border:1px solid #ddd;padding:3px 6px;text-align:left;vertical-align:top}
thead th{background:#eef3f8;font-weight:600}tr.day th{background:#f6f6f6}
.charts{display:grid;grid-template-columns:1fr;gap:6px}
footer{max-width:1180px;margin:30px auto;padding:0 16px;color:#888;font-size:12px}
.scroll{overflow-x:auto}
a.nav,a.tel{color:#2a6fb0;font-size:12px;white-space:nowrap;margin-right:8px}
@media (max-width:480px){
header,main,footer{padding:0 8px}h1{font-size:18px}h2{font-size:16px}
nav a{display:inline-block;margin:2px 10px 2px 0}.kpi{min-width:0;flex:1 1 40%}
.filters select{max-width:100%;margin:4px 0}
svg.chart{width:var(--w);max-width:none}
table{display:block;overflow-x:auto}td{overflow-wrap:anywhere}
table.route,table.route tbody,table.route tr,table.route th,table.route td{display:block;border:0}
table.route{overflow:visible;background:none}table.route thead,table.route tr.off{display:none}
table.route tr.day th{background:#2a6fb0;color:#fff;border-radius:6px;padding:6px 10px;margin:16px 0 4px}
table.route tr.visit{background:#fff;border:1px solid #ccc;border-radius:8px;margin:8px 0;padding:8px 10px}
table.route td{padding:2px 0}
table.route td.seq,table.route td.time{display:inline-block;margin-right:10px}
table.route td.time.same{display:none}
table.route td.seq::before{content:"#"}table.route td.time::before{content:attr(data-label) " ";color:#666;font-size:12px}
table.route td.name b{font-size:16px}
table.route a.nav,table.route a.tel{display:inline-block;max-width:100%;white-space:normal;overflow-wrap:anywhere;font-size:14px;padding:6px 10px;margin:6px 8px 0 0;border:1px solid #2a6fb0;border-radius:6px;text-decoration:none}
}
@page{size:A4;margin:12mm 10mm 14mm}
@media print{
.filters,nav,a.nav,#js-errors{display:none}body{background:#fff;font-size:10pt}
header,main,footer{max-width:none;padding:0}
h2,h3,tr.day{break-after:avoid;page-break-after:avoid}
tr,.kpi,svg.chart,svg.map,table.route tr.visit{break-inside:avoid;page-break-inside:avoid}
thead{display:table-header-group}.scroll{overflow:visible}
a.tel{color:inherit;text-decoration:none}
}
"##;

/// Applies the day and team filters to every element marked `flt` that carries `data-day`
/// and/or `data-team`, on the map and in the tables alike. A link ending in
/// `#team=T01&date=2026-12-07` (team by its id or index, `day=` as well as `date=`) opens the
/// page filtered to that team-day and scrolled to it, so the office can send a team its day;
/// it runs offline, like the rest of the page.
const FILTER_JS: &str = r#"
(function(){
  var day=document.getElementById('f-day'),team=document.getElementById('f-team');
  function apply(){
    var dv=day.value,tv=team.value,n=0,els=document.querySelectorAll('.flt');
    for(var i=0;i<els.length;i++){
      var e=els[i],d=e.getAttribute('data-day'),t=e.getAttribute('data-team');
      var on=(dv===''||d===null||d===dv)&&(tv===''||t===null||t===tv);
      e.classList.toggle('off',!on);
      if(on&&e.classList.contains('route'))n++;
    }
    document.getElementById('f-count').textContent=String(n);
  }
  function pick(sel,v){
    var i,o=sel.options;
    for(i=0;i<o.length;i++)if(o[i].getAttribute('data-id')===v){sel.value=o[i].value;return true;}
    for(i=0;i<o.length;i++)if(o[i].value===v){sel.value=v;return true;}
    return false;
  }
  function fromHash(){
    var h=location.hash.slice(1),any=false;
    if(h.indexOf('=')<0)return false;
    h.split('&').forEach(function(kv){
      var i=kv.indexOf('='),k=kv.slice(0,i),v=kv.slice(i+1);
      try{v=decodeURIComponent(v);}catch(e){return;}
      var sel=(k==='day'||k==='date')?day:k==='team'?team:null;
      if(sel&&pick(sel,v))any=true;
    });
    return any;
  }
  function reveal(){
    var els=document.querySelectorAll('table.route tr.day:not(.off),section.team:not(.off)');
    for(var i=0;i<els.length;i++){
      if(els[i].tagName==='TR'||team.value!==''){els[i].scrollIntoView();return;}
    }
  }
  function open(){if(fromHash()){apply();reveal();}}
  var linked=fromHash();
  day.addEventListener('change',apply);team.addEventListener('change',apply);apply();
  if(linked)reveal();
  window.addEventListener('hashchange',open);
  document.getElementById('map').setAttribute('data-js','ready');
})();
"#;

/// Writes everything before the map: head, error hook, title and headline figures.
/// `changes` adds the link to the section on changes since the previous plan.
pub fn write_head<W: Write>(
    w: &mut W,
    inst: &Instance,
    h: &ReportHeadline,
    changes: bool,
) -> io::Result<()> {
    let horizon = match (inst.calendar.dates.first(), inst.calendar.dates.last()) {
        (Some(a), Some(b)) => format!("{} – {}", a.format("%Y-%m-%d"), b.format("%Y-%m-%d")),
        _ => String::new(),
    };
    writeln!(
        w,
        r##"<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>综合查一次检查计划 · {}</title>
<style>{CSS}</style></head>
<body>
<pre id="js-errors" hidden></pre>
<script>window.onerror=function(m,s,l,c){{var e=document.getElementById('js-errors');e.textContent+=m+' @'+l+':'+c+'\n';e.setAttribute('data-count',String((+e.getAttribute('data-count')||0)+1));}};</script>
<header><h1>综合查一次 · 月度联合检查计划 <small>joint inspection plan</small></h1>
<div class="muted">{} · {horizon}{}</div>
<nav><a href="#headline">概况 summary</a>{}<a href="#map-section">地图 map</a><a href="#savings">减少入企 savings</a><a href="#workload">工作量 workload</a><a href="#routes">路线 routes</a><a href="#unscheduled">未安排 unscheduled</a><a href="#explanations">多次入企原因 why</a></nav></header>
<main>"##,
        Esc(&inst.name),
        Esc(&inst.name),
        h.seed
            .map_or(String::new(), |s| format!(" · 随机种子 seed {s}")),
        if changes {
            r##"<a href="#changes">变化 changes</a>"##
        } else {
            ""
        },
    )?;
    write_headline(w, inst, h)
}

fn kpi<W: Write>(w: &mut W, key: &str, value: &str, label: &str, main: bool) -> io::Result<()> {
    writeln!(
        w,
        r#"<div class="kpi{}" data-kpi="{key}"><b>{}</b><span>{label}</span></div>"#,
        if main { " main" } else { "" },
        Esc(value)
    )
}

fn write_headline<W: Write>(w: &mut W, inst: &Instance, h: &ReportHeadline) -> io::Result<()> {
    writeln!(
        w,
        r#"<section id="headline"><h2>概况 Summary</h2><div class="kpis">"#
    )?;
    kpi(w, "tasks", &h.tasks.to_string(), "检查任务 tasks", false)?;
    kpi(
        w,
        "scheduled",
        &h.scheduled.to_string(),
        "已安排 scheduled",
        false,
    )?;
    kpi(
        w,
        "unscheduled",
        &h.unscheduled.to_string(),
        "未安排 unscheduled",
        false,
    )?;
    kpi(w, "visits", &h.visits.to_string(), "入企次数 visits", true)?;
    kpi(
        w,
        "visits_naive",
        &h.visits_naive.to_string(),
        "各部门单独入企 naive",
        false,
    )?;
    kpi(
        w,
        "visits_lower_bound",
        &h.visits_lower_bound.to_string(),
        "入企下界 lower bound",
        false,
    )?;
    let reduction = h
        .reduction_percent()
        .map_or_else(|| "—".to_string(), |p| format!("{p:.1}%"));
    kpi(w, "reduction", &reduction, "减少入企 reduction", true)?;
    kpi(
        w,
        "travel_km",
        &format!("{:.1}", h.travel_km),
        "行车里程 km driven",
        false,
    )?;
    kpi(
        w,
        "travel_hours",
        &num((h.travel_minutes as f64 / 6.0).round() / 10.0),
        "行车时间 hours driving",
        false,
    )?;
    writeln!(w, "</div>")?;
    writeln!(
        w,
        r#"<p>{} 个检查组、{} 家企业、{} 个部门。各部门单独检查需入企 {} 次，联合检查后 {} 次（理论下界 {} 次）。<br><small>{} teams, {} firms, {} departments; visits {} against {} if departments went alone (lower bound {}).</small></p>"#,
        inst.teams.len(),
        inst.firms.len(),
        inst.departments.len(),
        h.visits_naive,
        h.visits,
        h.visits_lower_bound,
        inst.teams.len(),
        inst.firms.len(),
        inst.departments.len(),
        h.visits,
        h.visits_naive,
        h.visits_lower_bound
    )?;
    let data = serde_json::json!({ "workspace": inst.name, "kpis": h });
    writeln!(
        w,
        r#"<script type="application/json" id="chayici-kpis">{}</script></section>"#,
        json_for_script(&data)
    )
}

/// Writes the closing part: the filter script and the end of the document.
pub fn write_foot<W: Write>(w: &mut W) -> io::Result<()> {
    writeln!(
        w,
        r#"</main><footer>由 chayici（查一次）{} 生成；地图为经纬度等距投影示意，非测绘地图。Generated by chayici; the map is a schematic equirectangular projection of WGS-84 coordinates.</footer>
<script>{FILTER_JS}</script>
</body></html>"#,
        env!("CARGO_PKG_VERSION")
    )
}
