"""The style sheet and the script of the HTML report, written inline into the page.

The page makes no request of any kind: its Content-Security-Policy allows only inline
styles and scripts and ``data:`` images.  The script never builds HTML from text: it
creates elements and sets ``textContent``, from the inert JSON blocks the writer made safe.
Marks survive black-and-white printing: each has its own border style and symbol besides
its colour.
"""

from __future__ import annotations

__all__ = ["CSP", "SCRIPT", "STYLE"]

CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:"

STYLE = """
:root{--err:#b00020;--warn:#8a5a00;--info:#205a9c;--line:#999;--soft:#f3f3f3}
*{box-sizing:border-box}
body{margin:0 auto;max-width:1200px;padding:16px 20px 60px;color:#111;background:#fff;font:14px/1.5
 "Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei","PingFang SC","WenQuanYi Micro Hei",sans-serif}
h1{font-size:22px;margin:0 0 2px}h2{font-size:18px;margin:18px 0 8px}h3{font-size:15px;margin:14px 0 6px}
.muted{color:#555}.path{font-family:ui-monospace,Menlo,Consolas,monospace;word-break:break-all}
.cards{display:flex;flex-wrap:wrap;gap:8px;margin:8px 0}
.card{border:1px solid var(--line);border-radius:4px;padding:6px 12px;min-width:110px}
.card b{display:block;font-size:22px}
.sev{font-weight:bold;white-space:nowrap}
.sev-error{color:var(--err)}.sev-error::before{content:"\\2716\\00a0"}
.sev-warning{color:var(--warn)}.sev-warning::before{content:"\\25b2\\00a0"}
.sev-info{color:var(--info)}.sev-info::before{content:"\\25cf\\00a0"}
table{border-collapse:collapse;margin:6px 0}
th,td{border:1px solid var(--line);padding:3px 6px;vertical-align:top}
th{background:var(--soft);font-weight:600;text-align:left}
.num{text-align:right;font-variant-numeric:tabular-nums}
.lists{display:flex;flex-wrap:wrap;gap:24px}.lists>div{flex:1 1 300px}.lists>div.narrow{flex:0 1 180px}
.chips{display:flex;flex-wrap:wrap;gap:4px;padding:0;margin:4px 0;list-style:none}
.chips li{border:1px solid var(--line);border-radius:3px;padding:0 6px}
.controls{display:flex;flex-wrap:wrap;gap:10px;align-items:end;margin:6px 0}
.controls label{display:flex;flex-direction:column;font-size:12px}
#files{width:100%}#files th{cursor:pointer;user-select:none}
#files th[aria-sort=ascending]::after{content:" \\25b2"}#files th[aria-sort=descending]::after{content:" \\25bc"}
.report{border-top:3px double #333;margin-top:24px;padding-top:4px}
.report h2{margin-top:6px}.report .summary-line{margin:2px 0 6px}
.failed-reason{border:2px dashed var(--err);padding:4px 8px}
button{font:inherit;padding:2px 10px;cursor:pointer}
.outline td.state-missing,.outline td.state-out_of_order,.outline td.state-duplicate{font-weight:bold}
.outline td.state-missing::before{content:"\\2717 "}.outline td.state-present::before{content:"\\2713 "}
.outline td.state-out_of_order::before,.outline td.state-duplicate::before{content:"\\21c5 "}
.stat{table-layout:fixed;width:100%;font-size:12.5px}
.stat td{text-align:right;font-variant-numeric:tabular-nums;word-break:break-all}
.stat th{font-size:12px;font-weight:normal}
.stat.t-applications col.g{width:13%}.stat.t-applications col.l{width:27%}
.stat.t-active col.l{width:34%}
td.m-blank{outline:2px dashed var(--err);outline-offset:-3px;background:repeating-linear-gradient(
 45deg,#fff 0 4px,#f2c4c4 4px 6px)}
td.m-blank::before{content:"\\2205";color:var(--err);font-weight:bold}
td.m-invalid{border:3px double var(--err);font-weight:bold}td.m-invalid::before{content:"\\2717 "}
td.m-wrong{border:3px solid var(--err);font-weight:bold}td.m-wrong::before{content:"\\2260 "}
td.m-note{border:2px dotted var(--warn)}td.m-note::before{content:"\\203b "}
td .note{display:block;font-size:10.5px;font-weight:normal;color:#333;white-space:nowrap}
.legend{display:flex;flex-wrap:wrap;gap:10px;font-size:12px;margin:4px 0}
.legend span{display:inline-block;border:1px solid var(--line);padding:0 6px}
.legend .m-blank{border:2px dashed var(--err)}.legend .m-invalid{border:3px double var(--err)}
.legend .m-wrong{border:3px solid var(--err)}.legend .m-note{border:2px dotted var(--warn)}
.finding-list{width:100%;font-size:13px;table-layout:fixed}.finding-list td.where{white-space:nowrap}
.finding-list th:nth-child(1){width:6.5em}.finding-list th:nth-child(2){width:8em}
.finding-list th:nth-child(3){width:34%}
.quote{margin:0;font-family:ui-monospace,Menlo,Consolas,monospace;font-size:12px;white-space:pre-wrap;
 word-break:break-all}
.quote .ln{color:#666;display:inline-block;min-width:3.5em}.quote .hit{background:#fff3b0;
 border-left:3px solid #333}
.rule{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:12px;color:#444}
[hidden]{display:none!important}
@media print{
 @page{size:A4;margin:12mm}
 body{max-width:none;padding:0;font-size:10.5pt}
 .no-print,.controls,button{display:none!important}
 .report{break-before:page;border-top:none}#reports>h2{display:none}
 h3,h4{break-after:avoid}
 .stat{font-size:8pt;break-inside:avoid}.stat th{font-size:7.5pt}.stat th,.stat td{padding:1px 3px}
 td.m-blank{background:#e8e8e8}
 tr,td,th{break-inside:avoid}
 *{-webkit-print-color-adjust:exact;print-color-adjust:exact}
}
"""

SCRIPT = r"""
(function () {
"use strict";
function data(id) { return JSON.parse(document.getElementById(id).textContent); }
var W = data("gaudit-words"), L = data("gaudit-layouts"), C = data("gaudit-config");
var PAGE = 200;
function el(tag, cls, text) {
  var e = document.createElement(tag);
  if (cls) { e.className = cls; }
  if (text !== undefined && text !== null) { e.textContent = String(text); }
  return e;
}
function fill(s, o) { return s.replace(/\{(\w+)\}/g, function (m, k) { return String(o[k]); }); }
function kv(rows, head) {
  var t = el("table", "facts");
  rows.forEach(function (r) {
    var tr = el("tr");
    tr.appendChild(el("th", "", r[0])); tr.appendChild(el("td", "", r[1])); t.appendChild(tr);
  });
  var box = el("div"); box.appendChild(el("h3", "", head)); box.appendChild(t); return box;
}
function outline(rows) {
  var box = el("div"), t = el("table", "outline");
  box.appendChild(el("h3", "", W.outline));
  rows.forEach(function (r) {
    var tr = el("tr");
    tr.appendChild(el("td", "state-" + r[4], W[r[4]]));
    tr.appendChild(el("td", "", r[1])); tr.appendChild(el("td", "", r[2])); tr.appendChild(el("td", "muted", r[3]));
    t.appendChild(tr);
  });
  box.appendChild(t); return box;
}
function span(cell, tag) {
  var e = el(tag, "", cell[0]);
  if (cell[1] > 1) { e.colSpan = cell[1]; }
  if (cell[2] > 1) { e.rowSpan = cell[2]; }
  return e;
}
function statTable(key, fmt, values, marks) {
  var lay = L[key + "/" + fmt], t = el("table", "stat t-" + key), m = {};
  marks.forEach(function (x) { m[x[0]] = x; });
  var cols = el("colgroup");
  if (key === "applications") { cols.appendChild(el("col", "g")); }
  if (key !== "reviews") { cols.appendChild(el("col", "l")); t.appendChild(cols); }
  var thead = el("thead");
  lay.head.forEach(function (row) {
    var tr = el("tr");
    row.forEach(function (c) { tr.appendChild(span(c, "th")); });
    thead.appendChild(tr);
  });
  t.appendChild(thead);
  var tbody = el("tbody");
  lay.body.forEach(function (row) {
    var tr = el("tr");
    row.forEach(function (c) {
      if (c[0] === "th") { tr.appendChild(span(c.slice(1), "th")); return; }
      var td = el("td", "", values[c[1]]), mk = m[c[1]];
      if (c[2] > 1) { td.colSpan = c[2]; }
      if (mk) {
        td.className = "m-" + mk[1]; td.title = W["mark_" + mk[1]];
        if (mk[2]) { td.appendChild(el("span", "note", mk[2])); }
      }
      tr.appendChild(td);
    });
    tbody.appendChild(tr);
  });
  t.appendChild(tbody); return t;
}
function legend() {
  var box = el("div", "legend");
  box.appendChild(el("b", "", W.legend));
  ["blank", "invalid", "wrong", "note"].forEach(function (k) {
    box.appendChild(el("span", "m-" + k, W["mark_" + k]));
  });
  return box;
}
function tables(list) {
  var box = el("div");
  box.appendChild(el("h3", "", W.tables)); box.appendChild(legend());
  list.forEach(function (t) {
    box.appendChild(el("h4", "", C.titles[t[0]]));
    if (t[1] === null) { box.appendChild(el("p", "muted", W.table_missing)); return; }
    box.appendChild(statTable(t[0], t[1], t[2], t[3]));
  });
  return box;
}
function quote(lines) {
  var pre = el("pre", "quote");
  lines.forEach(function (q) {
    var line = el("div", q[2] ? "hit" : "");
    line.appendChild(el("span", "ln", q[0])); line.appendChild(document.createTextNode(q[1]));
    pre.appendChild(line);
  });
  return pre;
}
function findingRow(f) {
  var tr = el("tr");
  tr.appendChild(el("td", "sev sev-" + f[0], W[f[0]]));
  tr.appendChild(el("td", "where", f[4]));
  var msg = el("td", "", f[3]);
  msg.appendChild(el("div", "rule", f[1] + " \u00b7 " + (C.kinds[f[2]] || f[2])));
  f[6].forEach(function (r) {
    var d = el("div", "related", W.related + ": "), a = el("a", "path", r[0]);
    a.href = "#" + r[1]; d.appendChild(a); if (r[2]) { d.appendChild(document.createTextNode(" " + r[2])); }
    msg.appendChild(d);
  });
  tr.appendChild(msg);
  var q = el("td"); q.appendChild(quote(f[5])); tr.appendChild(q);
  return tr;
}
function findings(list) {
  var box = el("div");
  box.appendChild(el("h3", "", W.findings_of_file + " (" + list.length + ")"));
  if (!list.length) { box.appendChild(el("p", "", W.no_findings)); return box; }
  var t = el("table", "finding-list"), head = el("tr");
  ["col_severity", "col_where", "col_message", "col_text"].forEach(function (k) {
    head.appendChild(el("th", "", W[k]));
  });
  t.appendChild(el("thead")).appendChild(head);
  var body = el("tbody"), shown = 0, more = el("button", "no-print");
  t.appendChild(body); box.appendChild(t);
  function next() {
    var end = Math.min(list.length, shown + PAGE);
    for (; shown < end; shown++) { body.appendChild(findingRow(list[shown])); }
    more.hidden = shown >= list.length;
    more.textContent = fill(W.show_more, {n: Math.min(PAGE, list.length - shown), total: list.length});
  }
  more.addEventListener("click", next); box.appendChild(more); next();
  return box;
}
function render(sec) {
  if (sec.getAttribute("data-done")) { return; }
  var s = sec.querySelector("script.data"); if (!s) { return; }
  var d = JSON.parse(s.textContent), box = sec.querySelector(".detail");
  box.appendChild(kv(d.facts, W.facts)); box.appendChild(outline(d.outline));
  box.appendChild(tables(d.tables)); box.appendChild(findings(d.findings));
  sec.setAttribute("data-done", "1");
}
function toggle(sec, on) {
  var box = sec.querySelector(".detail"), b = sec.querySelector("button.show");
  if (!box) { return; }
  if (on) { render(sec); }
  box.hidden = !on; if (b) { b.textContent = on ? W.hide : W.show; }
}
var reports = Array.prototype.slice.call(document.querySelectorAll("section.report"));
reports.forEach(function (sec) {
  var b = sec.querySelector("button.show");
  if (b) { b.addEventListener("click", function () { toggle(sec, sec.querySelector(".detail").hidden); }); }
});
function openAll() { reports.forEach(function (s) { toggle(s, true); }); }
function openHash() {
  var id = location.hash.slice(1), sec = id && document.getElementById(id);
  if (sec && sec.classList.contains("report")) { toggle(sec, true); sec.scrollIntoView(); }
}
var all = document.getElementById("expand-all"); if (all) { all.addEventListener("click", openAll); }
var pr = document.getElementById("print");
if (pr) { pr.addEventListener("click", function () { openAll(); window.print(); }); }
window.addEventListener("beforeprint", openAll);
window.addEventListener("hashchange", openHash);
/* the file table: sort and filter */
var table = document.getElementById("files");
if (table) {
  var rows = Array.prototype.slice.call(table.tBodies[0].rows), byId = {};
  reports.forEach(function (s) { byId[s.id] = s; });
  var f = {sev: document.getElementById("f-sev"), kind: document.getElementById("f-kind"),
           organ: document.getElementById("f-organ"), text: document.getElementById("f-text")};
  var count = document.getElementById("shown");
  var filter = function () {
    var sev = f.sev.value, kind = f.kind.value, organ = f.organ.value, text = f.text.value.toLowerCase(), n = 0;
    rows.forEach(function (r) {
      var d = r.dataset, ok = (sev === "" || (sev === "error" && +d.e > 0) || (sev === "warning" && +d.w > 0) ||
        (sev === "clean" && d.state === "clean") || (sev === "failed" && d.state === "failed")) &&
        (kind === "" || (" " + d.kinds + " ").indexOf(" " + kind + " ") >= 0) &&
        (organ === "" || d.organ === organ) && (text === "" || d.path.toLowerCase().indexOf(text) >= 0);
      r.hidden = !ok; if (ok) { n++; }
      var sec = byId[d.target]; if (sec) { sec.hidden = !ok; }
    });
    count.textContent = fill(W.shown, {shown: n, total: rows.length});
  };
  [f.sev, f.kind, f.organ].forEach(function (x) { x.addEventListener("change", filter); });
  f.text.addEventListener("input", filter);
  Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, i) {
    th.addEventListener("click", function () {
      var asc = th.getAttribute("aria-sort") !== "ascending", num = th.hasAttribute("data-num");
      Array.prototype.forEach.call(table.tHead.rows[0].cells, function (o) { o.removeAttribute("aria-sort"); });
      th.setAttribute("aria-sort", asc ? "ascending" : "descending");
      rows.sort(function (a, b) {
        var x = a.cells[i].getAttribute("data-v") || a.cells[i].textContent;
        var y = b.cells[i].getAttribute("data-v") || b.cells[i].textContent;
        var c = num ? (+x) - (+y) : x.localeCompare(y);
        return asc ? c : -c;
      });
      var body = table.tBodies[0]; rows.forEach(function (r) { body.appendChild(r); });
    });
  });
  filter();
}
if (C.eager) { openAll(); }
openHash();
}());
"""
