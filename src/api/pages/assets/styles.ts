// The pages' stylesheet, served at /assets/app.css. Laptop-first (the chronology beside its source
// page from 1200 px), a readable list on a phone (390 px, nothing wider than the screen), and a print
// layout a reviewer can attach to a determination: one line per visit, no chrome.
export const STYLES = `
:root {
  --ink: #1d2430; --muted: #5b6475; --line: #d9dee7; --bg: #f6f7f9; --card: #fff; --accent: #1f5fbf;
  --high: #b3261e; --medium: #9a5b00; --low: #4a6b8a; --ok: #2e7d32; --mark: #ffe58a; --amber-bg: #fff4e0; --amber-line: #f0c36d;
  --tools-h: 0px;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  color: var(--ink); background: var(--bg); font-size: 15px; line-height: 1.45;
}
* { box-sizing: border-box; }
body { margin: 0; overflow-wrap: anywhere; }
a { color: var(--accent); }
h1 { font-size: 1.45rem; margin: 0 0 .25rem; overflow-wrap: anywhere; }
h2 { font-size: 1.1rem; margin: 1.25rem 0 .5rem; }
h3, h4 { margin: 0; }
button, input, select, textarea { font: inherit; max-width: 100%; }
button, .button { border: 1px solid var(--line); background: var(--card); color: var(--ink); border-radius: 6px; padding: .35rem .75rem; cursor: pointer; text-decoration: none; display: inline-block; }
button.primary, .button.primary { background: var(--accent); border-color: var(--accent); color: #fff; }
button:disabled, .button[aria-disabled=true] { opacity: .45; cursor: not-allowed; }
button:focus-visible, a:focus-visible, input:focus-visible, select:focus-visible, summary:focus-visible { outline: 3px solid #8fb3ff; outline-offset: 1px; }
input[type=text], input[type=search], input[type=password], input[type=date], select, textarea { border: 1px solid var(--line); border-radius: 6px; padding: .35rem .5rem; background: #fff; }
textarea { width: 100%; min-height: 5rem; }
table { border-collapse: collapse; width: 100%; background: var(--card); }
th, td { text-align: left; padding: .45rem .6rem; border-bottom: 1px solid var(--line); vertical-align: top; }
th { font-size: .8rem; text-transform: uppercase; letter-spacing: .03em; color: var(--muted); }
.sr-only { position: absolute !important; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
.skip-link { position: absolute; left: .5rem; top: -3rem; z-index: 20; background: #fff; color: var(--accent); padding: .5rem .75rem; border: 2px solid var(--accent); border-radius: 6px; }
.skip-link:focus { top: .5rem; }
.small { font-size: .85rem; }
.topbar { display: flex; flex-wrap: wrap; align-items: center; gap: .4rem 1.5rem; padding: .6rem 1.25rem; background: #16213a; color: #fff; }
.topbar a { color: #dfe7ff; text-decoration: none; }
.topbar .brand { font-weight: 700; color: #fff; letter-spacing: .02em; }
.topbar nav { display: flex; flex-wrap: wrap; gap: .4rem 1rem; flex: 1; }
.topbar nav a.active { color: #fff; border-bottom: 2px solid #8fb3ff; }
.topbar .who { display: flex; gap: .75rem; align-items: center; font-size: .9rem; color: #c9d3ea; }
.topbar .who form { margin: 0; }
.topbar .who button { padding: .15rem .5rem; font-size: .85rem; }
.main { padding: 1rem 1.25rem 3rem; max-width: 1700px; margin: 0 auto; }
.page-head { display: flex; flex-wrap: wrap; align-items: flex-end; gap: .5rem 1.5rem; margin-bottom: .75rem; }
.page-head > div:first-child { min-width: 0; flex: 1 1 30rem; }
.page-head .meta { color: var(--muted); margin: 0; }
.page-head .actions { margin-left: auto; display: flex; flex-wrap: wrap; gap: .5rem; align-items: flex-start; }
.case-line { margin: .2rem 0; display: flex; flex-wrap: wrap; gap: .15rem .1rem; color: var(--ink); }
.case-line .sep { color: var(--muted); }
.card { background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: 1rem; margin-bottom: 1rem; }
details.card > summary { cursor: pointer; list-style: none; display: flex; flex-wrap: wrap; gap: .4rem .75rem; align-items: baseline; }
details.card > summary::-webkit-details-marker { display: none; }
details.card > summary::before { content: "▸"; color: var(--muted); width: 1rem; }
details.card[open] > summary::before { content: "▾"; }
details.card > summary h2 { display: inline; margin: 0; font-size: 1.05rem; }
.notice { padding: .6rem .8rem; border-radius: 6px; background: #eef4ff; border: 1px solid #c8d8f8; margin: .5rem 0; }
.notice.error { background: #fdecea; border-color: #f3c2bd; color: #7a1c14; }
.notice.warn { background: var(--amber-bg); border-color: var(--amber-line); color: #5c3b00; }
.notice.ok { background: #e9f5ea; border-color: #bfe0c2; color: #1d4d20; }
.notice ul { margin: .35rem 0 0; padding-left: 1.2rem; }
.muted { color: var(--muted); }
.mono { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .85em; }
.badge { display: inline-block; border-radius: 999px; padding: 0 .55rem; font-size: .78rem; line-height: 1.55rem; border: 1px solid var(--line); background: #fff; white-space: nowrap; text-decoration: none; color: var(--ink); }
.badge.sev-high { background: #fdecea; border-color: #f3c2bd; color: var(--high); }
.badge.sev-medium { background: var(--amber-bg); border-color: #f5d49a; color: var(--medium); }
.badge.sev-low { background: #eef3f8; border-color: #cbd8e6; color: var(--low); }
.badge.status-open { background: #fff; }
.badge.status-confirmed { background: #fdecea; color: var(--high); border-color: #f3c2bd; }
.badge.status-dismissed { background: #eef0f3; color: var(--muted); }
.badge.status-needs-info { background: var(--amber-bg); color: var(--medium); border-color: #f5d49a; }
.badge.state-completed { background: #e9f5ea; color: var(--ok); border-color: #bfe0c2; }
.badge.state-completed.partial { background: var(--amber-bg); color: var(--medium); border-color: var(--amber-line); }
.badge.state-failed { background: #fdecea; color: var(--high); border-color: #f3c2bd; }
.badge.state-processing, .badge.state-queued { background: #eef4ff; color: var(--accent); border-color: #c8d8f8; }
progress { width: 9rem; max-width: 40vw; height: .8rem; vertical-align: middle; }
.is-hidden { display: none !important; }
/* bundles */
.upload form { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(14rem, 100%), 1fr)); gap: .75rem 1rem; align-items: end; }
.upload label { display: flex; flex-direction: column; gap: .25rem; font-size: .9rem; color: var(--muted); }
.upload .limits { grid-column: 1 / -1; margin: 0; font-size: .85rem; }
.bundles .problems { margin-top: .3rem; font-size: .85rem; }
.bundles .problems summary { cursor: pointer; color: var(--medium); }
/* the chronology */
.flags-summary .summary-counts { display: inline-flex; flex-wrap: wrap; gap: .3rem; align-items: center; }
.flag-list { list-style: none; margin: .6rem 0 0; padding: 0; display: grid; gap: .35rem; }
.flag-list li a { display: flex; flex-wrap: wrap; gap: .3rem .5rem; align-items: baseline; text-decoration: none; color: var(--ink); padding: .4rem .6rem; border: 1px solid var(--line); border-radius: 6px; background: var(--card); }
.flag-list li a:hover { border-color: var(--accent); }
.flag-list .when { font-weight: 600; white-space: nowrap; }
.flag-list .flag-summary-text { flex: 1 1 24rem; min-width: 0; }
.more-flags { margin-top: .5rem; }
.more-flags > summary { cursor: pointer; color: var(--accent); }
.documents table { font-size: .9rem; }
.chrono-tools { position: sticky; top: 0; z-index: 4; background: var(--bg); padding: .5rem 0 .35rem; border-bottom: 1px solid var(--line); margin-bottom: .5rem; }
.chrono-tools .tool-row { display: flex; flex-wrap: wrap; gap: .4rem .8rem; align-items: center; margin-bottom: .35rem; }
.chrono-tools label { font-size: .88rem; color: var(--muted); display: inline-flex; gap: .3rem; align-items: center; }
.chrono-tools .search { flex: 1 1 22rem; }
.chrono-tools .search input { width: 100%; font-size: 1rem; padding: .45rem .6rem; }
.chrono-tools .fold-all { display: inline-flex; gap: .3rem; }
.chrono-status { margin: 0; font-size: .85rem; color: var(--muted); }
.text-hits { padding: .6rem .9rem; }
.text-hits summary { cursor: pointer; }
.hit-list { margin: .4rem 0 0; padding-left: 1.4rem; display: grid; gap: .3rem; font-size: .9rem; }
.hit-list .snippet { color: var(--muted); }
.hit-list mark { background: var(--mark); color: var(--ink); }
.chrono-layout { display: block; }
table.chronology { table-layout: fixed; border: 1px solid var(--line); }
table.chronology thead th { background: #eef1f6; }
table.chronology th.c-date, table.chronology td.c-date { width: 7rem; }
table.chronology th.c-kind, table.chronology td.c-kind { width: 8.2rem; }
table.chronology th.c-who, table.chronology td.c-who { width: 11rem; }
table.chronology th.c-source, table.chronology td.c-source { width: 13rem; }
table.chronology th.c-flags, table.chronology td.c-flags { width: 9rem; }
tr.day-head th { position: sticky; top: var(--tools-h); z-index: 2; background: #e8edf6; color: var(--ink); text-transform: none; letter-spacing: 0; font-size: .95rem; padding: .3rem .6rem; border-top: 2px solid #c3cde0; }
tr.day-head .count { font-weight: normal; color: var(--muted); font-size: .8rem; margin-left: .5rem; }
tr.visit td { border-bottom: 1px solid #eceff4; }
tr.visit:hover td { background: #f7f9fd; }
tr.visit.open td { background: #f3f6fc; border-bottom-color: transparent; }
tr.visit.target td { background: #fff6e0; }
tr.visit.target td:first-child { box-shadow: inset 4px 0 0 var(--medium); }
tr.visit.account td { color: #3d4656; }
tr.visit .c-date .d { font-weight: 600; white-space: nowrap; font-variant-numeric: tabular-nums; }
.kind-chip { display: inline-block; font-size: .78rem; padding: 0 .45rem; border-radius: 4px; background: #e3ecfb; color: #1f3f7a; }
.c-who .provider { font-weight: 600; }
.c-who .facility { color: var(--muted); font-size: .88rem; }
button.fold { border: 0; background: transparent; padding: .05rem .25rem; float: left; margin-right: .3rem; line-height: 1.2; }
button.fold .caret::before { content: "▸"; color: var(--accent); font-size: 1rem; }
button.fold[aria-expanded=true] .caret::before { content: "▾"; }
.summary-body { cursor: pointer; overflow: hidden; }
.summary-text { color: var(--ink); }
.counts { font-size: .78rem; color: var(--muted); margin-top: .1rem; }
.c-source .doc-name { display: block; font-size: .84rem; color: var(--muted); overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.c-source .pages { font-size: .88rem; display: flex; flex-wrap: wrap; gap: .1rem .35rem; }
.c-source .page-link { font-variant-numeric: tabular-nums; }
.c-flags .flag-badge { margin: 0 .2rem .2rem 0; white-space: normal; line-height: 1.3rem; }
tr.items > td { background: #fbfcfe; padding: .4rem .8rem .8rem 2.3rem; border-bottom: 1px solid var(--line); }
.groups { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(100%, 30rem), 1fr)); gap: .4rem 1.5rem; }
.group h4 { font-size: .78rem; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); margin: .35rem 0 .2rem; }
.group h4 .count { font-weight: normal; }
.group ul { list-style: none; margin: 0; padding: 0; }
li.item { padding: .2rem .3rem; border-radius: 4px; cursor: pointer; font-size: .92rem; }
li.item:hover { background: #eef3fc; }
li.item.selected { background: #e2ebfb; box-shadow: inset 3px 0 0 var(--accent); }
li.item.target { box-shadow: inset 3px 0 0 var(--medium); }
li.item.abnormal .item-text { font-weight: 600; }
li.item .other-date { font-size: .78rem; font-weight: 600; color: #5a3d00; background: var(--amber-bg); border-radius: 3px; padding: 0 .3rem; white-space: nowrap; }
li.item .other-date.undated { color: var(--muted); background: #eef0f3; font-weight: normal; }
li.item .src { font-size: .8rem; margin-left: .2rem; white-space: nowrap; }
.finding-chips { margin-left: .3rem; }
.fchip { font-size: .7rem; border-radius: 3px; padding: 0 .3rem; margin-right: .2rem; background: #eef0f3; color: var(--muted); white-space: nowrap; }
.fchip.pol-abnormal, .fchip.pol-present { background: #fdecea; color: var(--high); }
.fchip.pol-normal, .fchip.pol-absent { background: #e9f5ea; color: var(--ok); }
.type-chip { font-size: .68rem; text-transform: uppercase; letter-spacing: .03em; padding: 0 .35rem; border-radius: 4px; background: #e8edf6; color: #33415c; white-space: nowrap; }
.type-chip.t-exam_finding { background: #e6f2ef; color: #1f5a4c; }
.type-chip.t-imaging, .type-chip.t-test { background: #efe9f8; color: #4b2f7a; }
.type-chip.t-procedure, .type-chip.t-therapy { background: #fff1e0; color: #7a4a0b; }
.type-chip.t-determination { background: #fdecea; color: #7a1c14; }
.flag-badge { font-size: .75rem; }
.export-menu { position: relative; }
.export-menu > summary { list-style: none; }
.export-menu > summary::-webkit-details-marker { display: none; }
.export-menu .menu { position: absolute; right: 0; top: 2.3rem; z-index: 10; background: #fff; border: 1px solid var(--line); border-radius: 8px; box-shadow: 0 6px 24px rgba(0,0,0,.15); padding: .4rem; width: 17rem; max-width: 90vw; display: grid; gap: .15rem; }
.export-menu .menu a { padding: .35rem .5rem; border-radius: 4px; text-decoration: none; }
.export-menu .menu a:hover { background: #eef3fc; }
.export-menu .menu p { margin: .3rem .4rem 0; }
/* the source panel: the original page (quote boxed), its text (quote marked) */
.source-panel { background: var(--card); border: 1px solid var(--line); border-radius: 8px; display: flex; flex-direction: column; }
.source-panel[hidden] { display: none; }
.panel-head { display: flex; flex-wrap: wrap; gap: .4rem .75rem; align-items: center; padding: .5rem .75rem; border-bottom: 1px solid var(--line); }
.panel-head strong { flex: 1 1 100%; font-size: .9rem; display: flex; justify-content: space-between; gap: .5rem; }
.panel-head .panel-links { display: inline-flex; gap: .75rem; font-size: .88rem; margin-left: auto; align-items: center; }
.panel-tabs { display: inline-flex; }
.panel-tabs button { border-radius: 0; padding: .2rem .6rem; font-size: .85rem; }
.panel-tabs button:first-child { border-radius: 6px 0 0 6px; }
.panel-tabs button:last-child { border-radius: 0 6px 6px 0; border-left: 0; }
.panel-tabs button[aria-selected=true] { background: var(--accent); color: #fff; border-color: var(--accent); }
.panel-body { overflow: auto; padding: .75rem; position: relative; }
.page-image { position: relative; border: 1px solid var(--line); box-shadow: 0 1px 6px rgba(0,0,0,.08); background: #fff; }
.page-image img { display: block; width: 100%; height: auto; cursor: zoom-in; }
.page-image.zoomed { width: 170%; }
.page-image.zoomed img { cursor: zoom-out; }
.quote-box { position: absolute; background: rgba(255, 213, 0, .33); outline: 2px solid #e0a800; border-radius: 2px; pointer-events: none; mix-blend-mode: multiply; }
.page-text { white-space: pre-wrap; font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .82rem; line-height: 1.5; margin: 0; }
mark.quote { background: var(--mark); padding: .05rem 0; outline: 2px solid #f0c000; border-radius: 2px; }
.page-break { text-align: center; color: var(--muted); font-size: .8rem; margin: .75rem 0; border-top: 1px dashed var(--line); padding-top: .35rem; }
.source-split { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 1rem; align-items: start; }
.source-split .original-col { position: sticky; top: .5rem; }
@media (max-width: 900px) { .source-split { grid-template-columns: minmax(0, 1fr); } .source-split .original-col { position: static; } }
@media (min-width: 1200px) {
  .chrono-layout.has-panel { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 40%); gap: 1rem; align-items: start; }
  .chrono-layout .source-panel { position: sticky; top: calc(var(--tools-h) + .5rem); max-height: calc(100vh - var(--tools-h) - 1rem); }
  /* beside the page, the table keeps date, type, summary and source; the script narrows the spans */
  .chrono-layout.has-panel .c-who, .chrono-layout.has-panel .c-flags { display: none; }
}
@media (max-width: 1199px) {
  .source-panel { position: fixed; left: .5rem; right: .5rem; bottom: .5rem; height: 60vh; z-index: 6; box-shadow: 0 6px 30px rgba(0,0,0,.25); }
}
/* flags */
.facets { display: flex; flex-wrap: wrap; gap: .4rem; margin: .25rem 0 .75rem; }
.facets a.badge.on { background: var(--accent); border-color: var(--accent); color: #fff; }
.filter-form { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(13rem, 100%), 1fr)); gap: .75rem 1rem; }
.filter-form fieldset { border: 1px solid var(--line); border-radius: 6px; padding: .4rem .6rem; margin: 0; min-width: 0; }
.filter-form legend { font-size: .8rem; color: var(--muted); padding: 0 .25rem; }
.filter-form label { display: block; font-size: .9rem; }
.filter-form .buttons { display: flex; gap: .5rem; align-items: end; }
.flags-table td.summary { max-width: 48rem; }
.flags-table td.sel { width: 2rem; }
.bulk { display: flex; flex-wrap: wrap; gap: .5rem .75rem; align-items: center; margin: .5rem 0; }
.bulk input[type=text] { flex: 1 1 20rem; }
.pager { display: flex; gap: .75rem; align-items: center; margin-top: .75rem; }
.evidence { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(20rem, 100%), 1fr)); gap: 1rem; }
.evidence .side h3 { font-size: .85rem; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); margin-bottom: .5rem; }
.evidence .side.derived h3::after { content: " · from the records"; text-transform: none; letter-spacing: 0; font-weight: normal; }
.evidence blockquote { margin: 0 0 .75rem; padding: .5rem .75rem; border-left: 4px solid var(--mark); background: #fffbea; border-radius: 0 6px 6px 0; }
.evidence blockquote footer { font-size: .8rem; color: var(--muted); margin-top: .3rem; }
.queue-nav { display: flex; flex-wrap: wrap; gap: .5rem; align-items: center; }
.review-form .decisions { display: flex; gap: 1rem; margin-bottom: .5rem; flex-wrap: wrap; }
.audit li { margin-bottom: .35rem; }
.login { max-width: 28rem; margin: 4rem auto; }
.login form { display: grid; gap: .75rem; }
.tokens-form { display: flex; flex-wrap: wrap; gap: .6rem 1rem; align-items: end; }
.tokens-form label { display: flex; flex-direction: column; gap: .25rem; font-size: .9rem; color: var(--muted); }
.new-token input { width: 100%; font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
/* phones: the chronology becomes a list of visits; nothing is wider than the screen */
@media (max-width: 760px) {
  :root { font-size: 15px; }
  .main { padding: .75rem .6rem 2.5rem; }
  .topbar { padding: .5rem .75rem; gap: .3rem 1rem; }
  .topbar .who { width: 100%; justify-content: space-between; }
  .chrono-tools { position: static; }
  .chrono-tools .tool-row { gap: .35rem .6rem; }
  .chrono-tools label { flex: 1 1 9rem; }
  .chrono-tools label input, .chrono-tools label select { flex: 1; min-width: 0; }
  tr.day-head th { top: 0; }
  table.chronology, table.chronology tbody, table.chronology tr, table.chronology td, table.chronology th { display: block; width: auto !important; }
  table.chronology thead { display: none; }
  table.chronology tbody.is-hidden, table.chronology tr.is-hidden, table.chronology tr[hidden], table.chronology tbody[hidden] { display: none !important; }
  tr.visit { display: grid !important; grid-template-columns: auto 1fr; gap: .15rem .5rem; padding: .5rem .6rem; border-bottom: 1px solid var(--line); }
  tr.visit td { border: 0; padding: 0; background: transparent !important; }
  tr.visit .c-date { grid-column: 1; }
  tr.visit .c-kind { grid-column: 2; }
  tr.visit .c-who, tr.visit .c-summary, tr.visit .c-source, tr.visit .c-flags { grid-column: 1 / -1; }
  tr.visit .c-who:has(> .muted:only-child), tr.visit .c-flags:empty { display: none; }
  tr.items > td { padding: .3rem .6rem .6rem; }
  table.bundles, table.flags-table, .documents table, #pending table, .tokens table { display: block; overflow-x: auto; }
  .flags-table td.summary { max-width: none; min-width: 14rem; }
  .page-head .actions { margin-left: 0; }
}
@media print {
  :root { background: #fff; font-size: 9pt; }
  @page { size: Letter landscape; margin: .45in .4in; }
  .topbar, .skip-link, .chrono-tools, .text-hits, .source-panel, .no-print, .actions, .upload, .pager, .review-form, .bulk, button.fold { display: none !important; }
  .main { padding: 0; max-width: none; }
  .card { border: 0; padding: 0; margin-bottom: .6rem; }
  .chrono-layout, .chrono-layout.has-panel { display: block; }
  table.chronology { border: 0; }
  table.chronology thead { display: table-header-group; }
  table.chronology thead th { background: #eee !important; }
  /* every row carries its date: on paper the day headings only cost lines */
  tr.day-head { display: none; }
  tr.visit td { padding: .15rem .35rem; }
  tr.visit, tr.items { break-inside: avoid; }
  tr.day-head { break-after: avoid; }
  .counts { display: none; }
  .c-source .doc-name { white-space: normal; display: inline; }
  table.chronology th.c-flags, table.chronology td.c-flags { width: 6rem; }
  table.chronology th.c-source, table.chronology td.c-source { width: 17rem; font-size: 7.5pt; }
  table.chronology th.c-date, table.chronology td.c-date { width: 6.6rem; }
  table.chronology th.c-kind, table.chronology td.c-kind { width: 7rem; }
  .c-source .pages { display: inline; margin-left: .4em; }
  .documents table td, .documents table th { padding: .05rem .3rem; font-size: 7.5pt; }
  .documents table td:last-child, .documents table th:last-child { display: none; }
  tr.items > td { padding: .1rem .35rem .3rem 1.2rem; }
  li.item { padding: 0; }
  a { color: inherit; text-decoration: none; }
  .badge { border-color: #999; }
  details.documents table { font-size: 8pt; }
  .print-only { display: block !important; }
}
.print-only { display: none; }
`;
