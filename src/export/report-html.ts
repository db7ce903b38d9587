// The chronology as one self-contained HTML document (styles inline, nothing loaded from anywhere),
// laid out for paper: what the PDF export prints with Chromium. The case header, the chronology table
// (its heading repeated on every page, rows never split), the flags with both sides quoted and their
// review trail, the reviewers' notes.
import { html, raw, type Html } from './html.js';
import type { ExportData } from './export-data.js';
import type { ExportOptions } from './formats.js';
import { flagText, headerFacts, itemCells, rowCells } from './report-model.js';

const STYLE = `
@page { size: Letter landscape; margin: 0.55in 0.5in 0.6in; }
* { box-sizing: border-box; }
body { font-family: "DejaVu Sans", "Liberation Sans", Arial, Helvetica, sans-serif; font-size: 8.2pt; line-height: 1.3; color: #111; margin: 0; }
h1 { font-size: 15pt; margin: 0 0 6pt; }
h2 { font-size: 11.5pt; margin: 14pt 0 5pt; border-bottom: 1px solid #999; padding-bottom: 2pt; break-after: avoid; }
h3 { font-size: 9.5pt; margin: 9pt 0 3pt; break-after: avoid; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 0.6pt solid #b9c0cc; padding: 2.5pt 4pt; vertical-align: top; text-align: left; }
thead th { background: #dde4ee; font-size: 8pt; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
.facts { width: auto; margin-bottom: 6pt; }
.facts th { background: #eef2f7; width: 1.5in; font-weight: 600; }
.chrono th.date, .chrono td.date { width: 0.95in; }
.chrono td.date b { white-space: nowrap; }
.chrono td.date .type { color: #333; font-size: 7.8pt; }
.chrono th.who, .chrono td.who { width: 1.4in; }
.chrono th.src, .chrono td.src { width: 2.7in; color: #333; overflow-wrap: anywhere; font-size: 7.8pt; }
.chrono td.src .pages { color: #555; }
.flagged { color: #a11d15; font-size: 7.8pt; }
.items td { background: #fafbfc; font-size: 7.8pt; padding-left: 14pt; }
.items div { margin: 0 0 1.5pt; }
.items .g { color: #555; }
.flag { break-inside: avoid; border-left: 3pt solid #d9a400; padding: 2pt 0 2pt 6pt; margin: 0 0 7pt; }
.flag .sev-high { color: #a11d15; }
.side { margin: 2pt 0 0 0; }
.side .role { font-weight: 600; }
blockquote { margin: 1pt 0 1pt 12pt; font-style: italic; }
blockquote cite { font-style: normal; color: #555; }
.muted { color: #555; }
.note { margin: 0 0 3pt; }
`;

export function reportHtml(data: ExportData, options: ExportOptions): string {
  const facts = headerFacts(data);
  // no provider column while the records name none; the type sits under the date: more room for the summary
  const withWho = data.rows.some((r) => r.provider || r.facility);
  const cols = withWho ? 4 : 3;
  const rows: Html[] = [];
  for (const row of data.rows) {
    const r = rowCells(row, data);
    rows.push(
      html`<tr><td class="date"><b>${r.date}</b><div class="type">${r.type}</div></td>${withWho ? html`<td class="who">${r.who || '—'}</td>` : ''}<td class="sum">${r.summary}${r.flags ? html`<div class="flagged">⚑ ${r.flags}</div>` : ''}</td><td class="src">${r.document} <span class="pages">p. ${r.pages}</span></td></tr>`,
    );
    if (options.detail === 'full' && row.items.length) {
      rows.push(
        html`<tr class="items"><td colspan="${cols}">${row.items.map((i) => {
          const c = itemCells(i);
          return html`<div><span class="g">${c.group} · </span>${c.date ? html`<b>${c.date}</b> ` : ''}${c.text} <span class="muted">(${c.page})</span></div>`;
        })}</td></tr>`,
      );
    }
  }
  const flags = data.flags.map((f) => {
    const t = flagText(f, data);
    return html`<div class="flag"><h3><span class="sev-${f.flag.severity}">${t.title}</span> — ${t.date} — ${t.status}</h3>
<div>${t.summary}</div>
${t.sides.map((s) => html`<div class="side"><span class="role">${s.role}:</span>${s.quotes.map((q) => html`<blockquote>“${q.text}” <cite>— ${q.cite}</cite></blockquote>`)}</div>`)}
<div class="side"><span class="role">Review:</span> ${t.reviews.length ? t.reviews.map((r) => html`<div>${r.line}${r.note ? html` — ${r.note}` : ''}</div>`) : html`<span class="muted">not reviewed yet</span>`}</div></div>`;
  });
  const notes = data.flags
    .flatMap((f) => f.reviews.filter((r) => r.note.trim()).map((r) => ({ f, r })))
    .sort((a, b) => a.r.createdAt.localeCompare(b.r.createdAt))
    .map(({ f, r }) => html`<p class="note"><b>${r.createdAt.slice(0, 10)} ${r.reviewer}</b> (${r.decision}, ${f.flag.kind.replace(/_/g, ' ')} ${f.flag.date ?? 'undated'}): ${r.note}</p>`);
  return html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Medical chronology — ${data.timeline.bundle}</title><style>${raw(STYLE)}</style></head>
<body>
<h1>Medical chronology</h1>
<table class="facts">${facts.map((f) => html`<tr><th>${f.label}</th><td>${f.value}</td></tr>`)}</table>
<h2>Chronology (${data.rows.length} visits and reports)</h2>
<p class="muted">Page numbers are the pages of each source document. Statements not dated in the record are listed under the visit they were reported at.</p>
<table class="chrono"><thead><tr><th class="date">Date · type</th>${withWho ? html`<th class="who">Provider / facility</th>` : ''}<th>Summary</th><th class="src">Source</th></tr></thead><tbody>${rows}</tbody></table>
<h2>Flags (${data.flags.length})</h2>
${flags.length ? flags : html`<p class="muted">No discrepancies were flagged.</p>`}
<h2>Reviewer notes</h2>
${notes.length ? notes : html`<p class="muted">No reviewer notes yet.</p>`}
</body></html>`.value;
}
