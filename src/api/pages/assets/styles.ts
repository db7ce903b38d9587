// The pages' stylesheet, served at /assets/app.css. Laptop-first (a timeline beside its source page
// from 1100 px), usable narrower, and a print layout a reviewer can attach to a determination.
export const STYLES = `
:root {
  --ink: #1d2430; --muted: #5b6475; --line: #d9dee7; --bg: #f6f7f9; --card: #fff; --accent: #1f5fbf;
  --high: #b3261e; --medium: #b26a00; --low: #4a6b8a; --ok: #2e7d32; --mark: #ffe58a;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  color: var(--ink); background: var(--bg); font-size: 15px; line-height: 1.45;
}
* { box-sizing: border-box; }
body { margin: 0; }
a { color: var(--accent); }
h1 { font-size: 1.45rem; margin: 0 0 .25rem; }
h2 { font-size: 1.1rem; margin: 1.25rem 0 .5rem; }
h3, h4 { margin: 0; }
button, input, select, textarea { font: inherit; }
button, .button { border: 1px solid var(--line); background: var(--card); color: var(--ink); border-radius: 6px; padding: .35rem .75rem; cursor: pointer; text-decoration: none; display: inline-block; }
button.primary, .button.primary { background: var(--accent); border-color: var(--accent); color: #fff; }
button:disabled { opacity: .6; cursor: progress; }
input[type=text], input[type=password], input[type=date], select, textarea { border: 1px solid var(--line); border-radius: 6px; padding: .35rem .5rem; background: #fff; }
textarea { width: 100%; min-height: 5rem; }
table { border-collapse: collapse; width: 100%; background: var(--card); }
th, td { text-align: left; padding: .45rem .6rem; border-bottom: 1px solid var(--line); vertical-align: top; }
th { font-size: .8rem; text-transform: uppercase; letter-spacing: .03em; color: var(--muted); }
.topbar { display: flex; align-items: center; gap: 1.5rem; padding: .6rem 1.25rem; background: #16213a; color: #fff; }
.topbar a { color: #dfe7ff; text-decoration: none; }
.topbar .brand { font-weight: 700; color: #fff; letter-spacing: .02em; }
.topbar nav { display: flex; gap: 1rem; flex: 1; }
.topbar nav a.active { color: #fff; border-bottom: 2px solid #8fb3ff; }
.topbar .who { display: flex; gap: .75rem; align-items: center; font-size: .9rem; color: #c9d3ea; }
.topbar .who form { margin: 0; }
.topbar .who button { padding: .15rem .5rem; font-size: .85rem; }
.main { padding: 1rem 1.25rem 3rem; max-width: 1600px; margin: 0 auto; }
.page-head { display: flex; flex-wrap: wrap; align-items: flex-end; gap: .5rem 1.5rem; margin-bottom: .75rem; }
.page-head .meta { color: var(--muted); margin: 0; }
.page-head .actions { margin-left: auto; display: flex; gap: .5rem; }
.card { background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: 1rem; margin-bottom: 1rem; }
.notice { padding: .6rem .8rem; border-radius: 6px; background: #eef4ff; border: 1px solid #c8d8f8; margin: .5rem 0; }
.notice.error { background: #fdecea; border-color: #f3c2bd; color: #7a1c14; }
.notice.ok { background: #e9f5ea; border-color: #bfe0c2; color: #1d4d20; }
.muted { color: var(--muted); }
.mono { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .85em; }
.badge { display: inline-block; border-radius: 999px; padding: 0 .55rem; font-size: .78rem; line-height: 1.55rem; border: 1px solid var(--line); background: #fff; white-space: nowrap; text-decoration: none; color: var(--ink); }
.badge.sev-high { background: #fdecea; border-color: #f3c2bd; color: var(--high); }
.badge.sev-medium { background: #fff4e0; border-color: #f5d49a; color: var(--medium); }
.badge.sev-low { background: #eef3f8; border-color: #cbd8e6; color: var(--low); }
.badge.status-open { background: #fff; }
.badge.status-confirmed { background: #fdecea; color: var(--high); border-color: #f3c2bd; }
.badge.status-dismissed { background: #eef0f3; color: var(--muted); }
.badge.status-needs-info { background: #fff4e0; color: var(--medium); border-color: #f5d49a; }
.badge.state-completed { background: #e9f5ea; color: var(--ok); border-color: #bfe0c2; }
.badge.state-failed { background: #fdecea; color: var(--high); border-color: #f3c2bd; }
.badge.state-processing, .badge.state-queued { background: #eef4ff; color: var(--accent); border-color: #c8d8f8; }
progress { width: 9rem; height: .8rem; vertical-align: middle; }
/* bundles */
.upload form { display: grid; grid-template-columns: repeat(auto-fit, minmax(14rem, 1fr)); gap: .75rem 1rem; align-items: end; }
.upload label { display: flex; flex-direction: column; gap: .25rem; font-size: .9rem; color: var(--muted); }
.upload .limits { grid-column: 1 / -1; margin: 0; font-size: .85rem; }
/* timeline */
.flags-summary ul { list-style: none; margin: 0; padding: 0; display: grid; gap: .4rem; }
.flags-summary li a { display: flex; gap: .5rem; align-items: baseline; text-decoration: none; color: var(--ink); padding: .4rem .6rem; border: 1px solid var(--line); border-radius: 6px; background: var(--card); }
.flags-summary li a:hover { border-color: var(--accent); }
.documents table { font-size: .9rem; }
.filters { position: sticky; top: 0; z-index: 2; background: var(--bg); padding: .5rem 0; border-bottom: 1px solid var(--line); margin-bottom: .75rem; }
.filters fieldset { border: 0; padding: 0; margin: 0; display: flex; flex-wrap: wrap; gap: .35rem .9rem; align-items: center; }
.filters legend { float: left; font-weight: 600; margin-right: .5rem; }
.filters label { white-space: nowrap; font-size: .9rem; }
.filters .count { color: var(--muted); font-size: .8rem; }
.filters .filter-status { margin: .35rem 0 0; font-size: .85rem; color: var(--muted); }
.timeline-layout { display: block; }
ol.timeline, ol.events { list-style: none; margin: 0; padding: 0; }
.day { position: relative; padding-left: 1.4rem; border-left: 3px solid #c3cde0; margin-left: .4rem; padding-bottom: .9rem; }
.day::before { content: ""; position: absolute; left: -.55rem; top: .35rem; width: .8rem; height: .8rem; border-radius: 50%; background: var(--accent); border: 2px solid #fff; }
.day-head { font-size: 1rem; padding: .1rem 0 .4rem; display: flex; gap: .6rem; align-items: baseline; }
.day-head .count { font-weight: normal; color: var(--muted); font-size: .85rem; }
.day.undated-group::before { background: var(--muted); }
.encounter { background: var(--card); border: 1px solid var(--line); border-radius: 8px; margin-bottom: .5rem; }
.enc-head { font-size: .85rem; font-weight: 600; color: var(--muted); padding: .4rem .7rem; border-bottom: 1px solid var(--line); background: #fafbfc; border-radius: 8px 8px 0 0; }
.event { padding: .4rem .7rem; border-bottom: 1px solid #eef0f4; cursor: pointer; }
.event:last-child { border-bottom: 0; }
.event:hover { background: #f5f8ff; }
.event.selected { background: #eaf1ff; box-shadow: inset 3px 0 0 var(--accent); }
.event.target { box-shadow: inset 3px 0 0 var(--medium); }
.event .ev-line { display: flex; flex-wrap: wrap; gap: .35rem .5rem; align-items: baseline; }
.event .ev-summary { color: var(--ink); text-decoration: none; flex: 1 1 20rem; }
.event .ev-summary:hover { text-decoration: underline; }
.event .ev-meta { font-size: .8rem; color: var(--muted); margin-top: .1rem; }
.event.undated { background: repeating-linear-gradient(135deg, #fff, #fff 8px, #fafafa 8px, #fafafa 16px); }
.type-chip { font-size: .72rem; text-transform: uppercase; letter-spacing: .03em; padding: 0 .4rem; border-radius: 4px; background: #e8edf6; color: #33415c; white-space: nowrap; }
.type-chip.t-exam_finding { background: #e6f2ef; color: #1f5a4c; }
.type-chip.t-imaging, .type-chip.t-test { background: #efe9f8; color: #4b2f7a; }
.type-chip.t-procedure, .type-chip.t-therapy { background: #fff1e0; color: #7a4a0b; }
.type-chip.t-determination { background: #fdecea; color: #7a1c14; }
.type-chip.t-encounter { background: #e3ecfb; color: #1f3f7a; }
.flag-badge { font-size: .75rem; }
.is-hidden { display: none !important; }
.source-panel { background: var(--card); border: 1px solid var(--line); border-radius: 8px; display: flex; flex-direction: column; }
.source-panel[hidden] { display: none; }
.panel-head { display: flex; gap: .75rem; align-items: center; padding: .5rem .75rem; border-bottom: 1px solid var(--line); }
.panel-head strong { flex: 1; font-size: .9rem; }
.panel-body { overflow: auto; padding: .75rem; position: relative; }
.page-text { white-space: pre-wrap; font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .82rem; line-height: 1.5; margin: 0; }
mark.quote { background: var(--mark); padding: .05rem 0; outline: 2px solid #f0c000; border-radius: 2px; }
.page-break { text-align: center; color: var(--muted); font-size: .8rem; margin: .75rem 0; border-top: 1px dashed var(--line); padding-top: .35rem; }
.quote-check { font-size: .8rem; color: var(--muted); margin-bottom: .5rem; }
@media (min-width: 1100px) {
  .timeline-layout.has-panel { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 44%); gap: 1rem; align-items: start; }
  .timeline-layout .source-panel { position: sticky; top: .5rem; max-height: calc(100vh - 1rem); }
}
@media (max-width: 1099px) {
  .source-panel { position: fixed; left: .5rem; right: .5rem; bottom: .5rem; height: 55vh; z-index: 5; box-shadow: 0 6px 30px rgba(0,0,0,.25); }
}
/* flags */
.facets { display: flex; flex-wrap: wrap; gap: .4rem; margin: .25rem 0 .75rem; }
.facets a.badge.on { background: var(--accent); border-color: var(--accent); color: #fff; }
.filter-form { display: grid; grid-template-columns: repeat(auto-fit, minmax(13rem, 1fr)); gap: .75rem 1rem; }
.filter-form fieldset { border: 1px solid var(--line); border-radius: 6px; padding: .4rem .6rem; margin: 0; }
.filter-form legend { font-size: .8rem; color: var(--muted); padding: 0 .25rem; }
.filter-form label { display: block; font-size: .9rem; }
.filter-form .buttons { display: flex; gap: .5rem; align-items: end; }
.flags-table td.summary { max-width: 40rem; }
.pager { display: flex; gap: .75rem; align-items: center; margin-top: .75rem; }
.evidence { display: grid; grid-template-columns: repeat(auto-fit, minmax(20rem, 1fr)); gap: 1rem; }
.evidence .side h3 { font-size: .85rem; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); margin-bottom: .5rem; }
.evidence blockquote { margin: 0 0 .75rem; padding: .5rem .75rem; border-left: 4px solid var(--mark); background: #fffbea; border-radius: 0 6px 6px 0; }
.evidence blockquote footer { font-size: .8rem; color: var(--muted); margin-top: .3rem; }
.review-form .decisions { display: flex; gap: 1rem; margin-bottom: .5rem; flex-wrap: wrap; }
.audit li { margin-bottom: .35rem; }
.login { max-width: 28rem; margin: 4rem auto; }
.login form { display: grid; gap: .75rem; }
@media print {
  :root { background: #fff; font-size: 11pt; }
  .topbar, .filters, .source-panel, .no-print, .actions, .upload, .pager, .review-form { display: none !important; }
  .main { padding: 0; max-width: none; }
  .timeline-layout, .timeline-layout.has-panel { display: block; }
  .event, .flags-summary li { break-inside: avoid; }
  .day-head, .enc-head { break-after: avoid; }
  .day { border-left-color: #999; }
  .event { cursor: auto; }
  .event.selected { background: none; box-shadow: none; }
  a { color: inherit; text-decoration: none; }
  .badge { border-color: #999; }
  details.documents { display: block; }
  details.documents > * { display: block; }
  .print-only { display: block !important; }
}
.print-only { display: none; }
`;
