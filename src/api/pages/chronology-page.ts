// One bundle as a reviewer reads it: a header with the case (claimant, claim number, date of injury,
// date range, documents), what could not be read, a collapsible flag summary, then the chronology —
// one row per encounter or report (date, type, provider, facility, a one-line summary, page links,
// flags) with everything reported at it folded underneath — with search across the events and the
// records' text, a date range, jump to a date, filters, sticky date headings, and each statement one
// click from its original page with the quote marked.
import { ITEM_GROUP_LABELS, ITEM_GROUPS, type ChronologyItem, type ChronologyRow } from '../../export/chronology.js';
import type { ChronologyFilter } from '../../export/chronology-filter.js';
import type { ExportData } from '../../export/export-data.js';
import { exportFormats, exporterLabel } from '../../export/exporters.js';
import { longDate, usDate } from '../../export/format.js';
import { unreadableReason } from '../../store/document-health.js';
import type { BundleDocument, BundleRecord, FlagRecord } from '../../store/records.js';
import type { TextHit } from '../../store/store.js';
import type { Principal } from '../api-schemas.js';
import { roleAllows } from '../auth/roles.js';
import { escapeHtml, html, raw, type Html } from './html.js';
import { layout } from './layout.js';
import { kindLabel, shortTime, sourceHref, typeLabel } from './labels.js';

export interface ChronologyPageInput {
  principal: Principal;
  data: ExportData;
  filter: ChronologyFilter;
  /** page-text matches of filter.q (rendered without script; the script fetches its own) */
  textHits: { hits: TextHit[]; pages: number } | null;
}

const SEVERITY_ORDER = ['high', 'medium', 'low'] as const;

// The rows and their statements are the bulk of a page (5,000 statements: megabytes of markup), so
// they are written as escaped strings joined once, not as nested html`` fragments.
const e = escapeHtml;

/** "1 finding", not "1 findings" */
const ONE_OF: Record<(typeof ITEM_GROUPS)[number], string> = {
  finding: 'finding',
  imaging: 'imaging/test',
  diagnosis: 'diagnosis',
  treatment: 'procedure/treatment',
  plan: 'plan/request',
  decision: 'decision',
  visit: 'visit/history',
};

function flagBadgeText(f: FlagRecord): string {
  return `<a class="badge flag-badge sev-${f.flag.severity} status-${f.status}" href="/flags/${f.id}" title="${e(f.flag.summary)}" data-flag-id="${f.id}">⚑ ${e(kindLabel(f.flag.kind))}${f.status === 'open' ? '' : ` · ${e(f.status)}`}</a>`;
}

function pageLinks(row: ChronologyRow, bundleId: string): string {
  // the first statement quoted on each page: the link opens the page with it marked
  const firstOnPage = new Map<number, ChronologyItem>();
  for (const i of row.items) {
    const s = i.event.source;
    const seen = firstOnPage.get(s.page);
    if (!seen || s.start < seen.event.source.start) firstOnPage.set(s.page, i);
  }
  return row.pages
    .map((p) => {
      const s = (firstOnPage.get(p) as ChronologyItem).event.source;
      return `<a class="page-link" href="${e(sourceHref(s, bundleId))}" data-doc="${e(s.document)}" data-page="${s.page}" data-start="${s.start}" data-end="${s.end}" aria-label="page ${p} of ${e(row.document.name)}">${p}</a>`;
    })
    .join(' ');
}

function itemLine(i: ChronologyItem, bundleId: string, flagsById: ReadonlyMap<string, FlagRecord>): string {
  const ev = i.event;
  const s = ev.source;
  // each finding once ("normal · bilateral · lower extremity"), however many clauses state it
  const chipTexts = [
    ...new Set((ev.findings ?? []).filter((f) => f.assertion === 'present').map((f) => `${f.polarity}|${[f.polarity, f.value, f.side, f.site?.replace(/_/g, ' ')].filter(Boolean).join(' · ')}`)),
  ].slice(0, 4);
  const chips = chipTexts.length
    ? `<span class="finding-chips">${chipTexts
        .map((c) => {
          const [pol, text] = c.split('|') as [string, string];
          return `<span class="fchip pol-${pol}">${e(text)}</span>`;
        })
        .join('')}</span>`
    : '';
  // the group names the kind already ("Findings"); a chip only where the group holds several kinds
  const chip = i.group === 'finding' || i.group === 'diagnosis' ? '' : `<span class="type-chip t-${ev.type}">${e(typeLabel(ev.type))}</span> `;
  const when = i.otherDate
    ? `<span class="other-date" title="its own date">${usDate(i.otherDate)}</span> `
    : i.undated
      ? '<span class="other-date undated" title="no date of its own: reported at this visit">undated</span> '
      : '';
  let flags = '';
  for (const id of i.flagIds) {
    const f = flagsById.get(id);
    if (f) flags += flagBadgeText(f);
  }
  // where the quote is travels in the link alone (the script reads it from there): 5,000 of these add up
  return `<li class="item${i.abnormal ? ' abnormal' : ''}" id="${e(ev.id)}">${chip}${when}<span class="item-text">${e(i.text)}</span>${chips}${ev.assertion !== 'present' ? ` <span class="muted">(${ev.assertion})</span>` : ''} <a class="src" href="${e(sourceHref(s, bundleId))}">p.${s.page}</a>${flags}</li>`;
}

function rowHtml(row: ChronologyRow, data: ExportData, flagsById: ReadonlyMap<string, FlagRecord>, shown: boolean, withWho: boolean): string {
  const bundleId = data.bundle.id;
  const flags = row.flagIds.map((id) => flagsById.get(id)).filter((f): f is FlagRecord => !!f);
  const open = flags.filter((f) => f.status === 'open' || f.status === 'needs-info').length;
  const present = ITEM_GROUPS.filter((g) => row.counts[g] > 0);
  const counts = present.map((g) => `${row.counts[g]} ${(row.counts[g] === 1 ? ONE_OF[g] : ITEM_GROUP_LABELS[g].toLowerCase()).replace(' and ', '/')}`).join(' · ');
  const groups = present
    .map(
      (g) =>
        `<section class="group g-${g}"><h4>${e(ITEM_GROUP_LABELS[g])} <span class="count">${row.counts[g]}</span></h4><ul>${row.items
          .filter((i) => i.group === g)
          .map((i) => itemLine(i, bundleId, flagsById))
          .join('')}</ul></section>`,
    )
    .join('');
  const who = `${row.provider ? `<div class="provider">${e(row.provider)}</div>` : ''}${row.facility ? `<div class="facility">${e(row.facility)}</div>` : ''}${!row.provider && !row.facility ? '<span class="muted" title="the record names no provider or facility for this visit">—</span>' : ''}`;
  return `<tr class="visit${row.account ? ' account' : ''}${flags.length ? ' flagged' : ''}${shown ? '' : ' is-hidden'}" id="${row.id}" data-date="${row.date ?? ''}" data-kind="${e(row.kind)}" data-provider="${e(row.provider ?? '')}" data-facility="${e(row.facility ?? '')}" data-flags="${flags.length}" data-open-flags="${open}">
  <td class="c-date"><span class="d">${usDate(row.date)}</span></td>
  <td class="c-kind"><span class="kind-chip">${e(row.kind)}</span>${row.account ? '<div class="muted small">as summarised</div>' : ''}</td>
${withWho ? `  <td class="c-who">${who}</td>\n` : ''}  <td class="c-summary"><button type="button" class="fold" aria-expanded="false" aria-controls="i-${row.id}"><span class="caret" aria-hidden="true"></span><span class="sr-only">Show the ${row.items.length} statements of this ${e(row.kind.toLowerCase())}</span></button><div class="summary-body"><span class="summary-text">${e(row.summary)}</span><div class="counts">${e(counts)}</div></div></td>
  <td class="c-source"><span class="doc-name" title="${e(row.document.name)}">${e(row.document.name)}</span><div class="pages"><span class="muted">p.</span> ${pageLinks(row, bundleId)}</div></td>
  <td class="c-flags">${flags.map(flagBadgeText).join('')}</td>
</tr>
<tr class="items" id="i-${row.id}" data-for="${row.id}" hidden><td colspan="${withWho ? 6 : 5}"><div class="groups">${groups}</div></td></tr>`;
}

function chronologyTable(data: ExportData, flagsById: ReadonlyMap<string, FlagRecord>): Html {
  const shown = new Set(data.rows.map((r) => r.id));
  const byDate: { date: string | null; rows: ChronologyRow[] }[] = [];
  for (const r of data.chronology.rows) {
    const last = byDate.at(-1);
    if (last && last.date === r.date) last.rows.push(r);
    else byDate.push({ date: r.date, rows: [r] });
  }
  // no provider column while the records name none: a column of dashes tells the reader nothing
  const anyWho = data.chronology.rows.some((r) => r.provider || r.facility);
  const cols = anyWho ? 6 : 5;
  return html`<table class="chronology" id="chronology" data-cols="${cols}" aria-describedby="chrono-status">
<caption class="sr-only">Chronology: one row per visit or report, newest last</caption>
<thead><tr><th scope="col" class="c-date">Date</th><th scope="col" class="c-kind">Type</th>${anyWho ? html`<th scope="col" class="c-who">Provider · facility</th>` : ''}<th scope="col" class="c-summary">Summary</th><th scope="col" class="c-source">Source</th><th scope="col" class="c-flags">Flags</th></tr></thead>
${byDate.map(
  (d) => html`<tbody class="day${d.rows.some((r) => shown.has(r.id)) ? '' : ' is-hidden'}" data-date="${d.date ?? ''}">
<tr class="day-head"><th colspan="${cols}" scope="rowgroup"><time${d.date ? html` datetime="${d.date}"` : ''}>${longDate(d.date)}</time> <span class="count">${d.rows.length} record${d.rows.length === 1 ? '' : 's'}</span></th></tr>
${raw(d.rows.map((r) => rowHtml(r, data, flagsById, shown.has(r.id), anyWho)).join('\n'))}
</tbody>`,
)}
<tbody class="none" id="no-rows"${data.rows.length ? html` hidden` : ''}><tr><td colspan="${cols}" class="muted">No visits or reports match. <a href="?" data-action="clear-filters">Show all</a></td></tr></tbody>
</table>`;
}

function flagSummary(data: ExportData, records: readonly FlagRecord[], principal: Principal): Html {
  if (records.length === 0) return html`<section class="card flags-summary" id="flags-summary"><h2>Flags</h2><p class="muted">No discrepancies were flagged in these records.</p></section>`;
  const open = records.filter((r) => r.status === 'open' || r.status === 'needs-info');
  const byKind = new Map<string, number>();
  const bySeverity = new Map<string, number>();
  for (const r of records) {
    byKind.set(r.flag.kind, (byKind.get(r.flag.kind) ?? 0) + 1);
    bySeverity.set(r.flag.severity, (bySeverity.get(r.flag.severity) ?? 0) + 1);
  }
  const top = [...open].sort((a, b) => SEVERITY_ORDER.indexOf(a.flag.severity) - SEVERITY_ORDER.indexOf(b.flag.severity)).slice(0, 5);
  const rest = records.filter((r) => !top.includes(r));
  const item = (r: FlagRecord) =>
    html`<li data-flag-id="${r.id}"><a href="/flags/${r.id}"><span class="badge sev-${r.flag.severity}">${r.flag.severity}</span> <span class="badge">${kindLabel(r.flag.kind)}</span> <span class="badge status-${r.status}">${r.status}</span> <span class="when">${usDate(r.flag.date)}</span> <span class="flag-summary-text">${r.flag.summary}</span></a></li>`;
  const all = roleAllows(principal.role, 'analyst') ? html`<a href="/flags?bundle=${encodeURIComponent(data.bundle.id)}">All ${records.length} in the flag queue →</a>` : '';
  return html`<details class="card flags-summary" id="flags-summary"${open.length && open.length <= 8 ? html` open` : ''}>
<summary><h2>Flags</h2> <span class="summary-counts"><strong>${open.length}</strong> open of ${records.length} · ${SEVERITY_ORDER.filter((s) => bySeverity.get(s)).map((s) => html`<span class="badge sev-${s}">${bySeverity.get(s)} ${s}</span> `)} ${[...byKind.entries()].map(([k, n]) => html`<span class="badge">${kindLabel(k)} ${n}</span> `)}</span></summary>
${top.length ? html`<ul class="flag-list">${top.map(item)}</ul>` : html`<p class="muted">Every flag has been reviewed.</p>`}
${rest.length ? html`<details class="more-flags"><summary>${top.length ? `${rest.length} more` : `Show all ${rest.length}`}</summary><ul class="flag-list">${rest.map(item)}</ul></details>` : ''}
<p class="small">${all}</p>
</details>`;
}

function caseLine(data: ExportData): Html {
  const f = data.facts;
  const parts: (string | Html)[] = [];
  if (f.claimant) parts.push(html`<span>Claimant <strong>${f.claimant}</strong></span>`);
  if (f.claimNumber) parts.push(html`<span>Claim <strong>${f.claimNumber}</strong></span>`);
  if (f.injuryDate) parts.push(html`<span>Date of injury <strong>${usDate(f.injuryDate)}</strong></span>`);
  if (f.employer) parts.push(html`<span>Employer ${f.employer}</span>`);
  const c = data.chronology;
  if (c.from) parts.push(html`<span>Records <strong>${usDate(c.from)}</strong> – <strong>${usDate(c.to)}</strong></span>`);
  const pages = data.timeline.documents.reduce((s, d) => s + d.pages, 0);
  parts.push(html`<span>${data.timeline.documents.length} documents, ${pages} pages</span>`);
  parts.push(html`<span>${c.rows.length} visits and reports from ${c.events} statements</span>`);
  return html`<p class="case-line">${parts.map((p, i) => html`${i ? html`<span class="sep" aria-hidden="true"> · </span>` : ''}${p}`)}</p>`;
}

/** "completed — 2 of 9 documents unreadable", with the reasons, for intake as for reviewers */
export function intakeNotice(bundle: BundleRecord, documents: readonly { name: string; reason: string | null }[]): Html {
  const bad = documents.filter((d) => d.reason);
  if (bad.length === 0 && bundle.status !== 'failed') return html``;
  const all = bundle.status === 'failed';
  return html`<section class="notice ${all ? 'error' : 'warn'} intake-notice" id="intake-notice" role="status">
<strong>${all ? 'Failed' : 'Completed'} — ${bad.length} of ${documents.length} document${documents.length === 1 ? '' : 's'} ${bad.length === 1 ? 'is' : 'are'} unreadable.</strong>
${bundle.error && !bad.length ? html`<div>${bundle.error}</div>` : ''}
<ul>${bad.map((d) => html`<li><span class="doc-name">${d.name}</span>: ${d.reason}</li>`)}</ul>
${all ? html`<p class="small">Nothing could be read from this bundle: upload readable copies (searchable PDFs or text), or scans once OCR is available.</p>` : ''}
</section>`;
}

function tools(data: ExportData, f: ChronologyFilter): Html {
  const kinds = [...new Set(data.chronology.rows.map((r) => r.kind))].sort();
  const providers = [...new Set(data.chronology.rows.map((r) => r.provider).filter((p): p is string => !!p))].sort();
  const facilities = [...new Set(data.chronology.rows.map((r) => r.facility).filter((p): p is string => !!p))].sort();
  const option = (v: string, selected: boolean, label = v) => html`<option value="${v}"${selected ? html` selected` : ''}>${label}</option>`;
  return html`<form class="chrono-tools" id="chrono-tools" method="get" action="/bundles/${encodeURIComponent(data.bundle.id)}" role="search" aria-label="Search and filter the chronology">
  <div class="tool-row">
    <label class="search"><span class="sr-only">Search the records</span><input type="search" name="q" id="chrono-q" value="${f.q ?? ''}" placeholder="Search events and the records' text — words or a date (08/25/14)" maxlength="200" autocomplete="off"></label>
    <button type="submit" class="primary">Search</button>
    <label>From <input type="date" name="from" value="${f.from && f.from.length === 10 ? f.from : ''}"></label>
    <label>To <input type="date" name="to" value="${f.to && f.to.length === 10 ? f.to : ''}"></label>
    <label>Jump to <input type="date" id="jump-date" name="jump" data-min="${data.chronology.from ?? ''}"></label>
  </div>
  <div class="tool-row">
    <label>Type <select name="type" id="f-type"><option value="">all types</option>${kinds.map((k) => option(k, f.kinds?.includes(k) ?? false))}</select></label>
    <label>Provider <select name="provider" id="f-provider"${providers.length ? '' : html` disabled title="the records name no provider yet"`}><option value="">${providers.length ? 'all providers' : 'none named'}</option>${providers.map((p) => option(p, f.provider === p))}</select></label>
    <label>Facility <select name="facility" id="f-facility"${facilities.length ? '' : html` disabled title="the records name no facility yet"`}><option value="">${facilities.length ? 'all facilities' : 'none named'}</option>${facilities.map((p) => option(p, f.facility === p))}</select></label>
    <label>Flags <select name="flags" id="f-flags"><option value="">any</option>${option('flagged', f.flags === 'flagged', 'flagged rows')}${option('open', f.flags === 'open', 'open flags')}</select></label>
    <span class="fold-all"><button type="button" data-action="expand-all">Expand all</button><button type="button" data-action="collapse-all">Collapse all</button></span>
    <a class="button clear" href="/bundles/${encodeURIComponent(data.bundle.id)}" data-action="clear-filters">Clear</a>
  </div>
  <p class="chrono-status" id="chrono-status" role="status" aria-live="polite">Showing ${data.rows.length} of ${data.chronology.rows.length} visits and reports</p>
</form>`;
}

function textHitsSection(data: ExportData, q: string | undefined, found: ChronologyPageInput['textHits']): Html {
  const hits = found?.hits ?? [];
  return html`<section class="text-hits card" id="text-hits"${q && found ? '' : html` hidden`} aria-live="polite">
<details${hits.length && hits.length <= 6 ? html` open` : ''}><summary><strong id="text-hits-count">${found ? `${found.pages} page${found.pages === 1 ? '' : 's'}` : ''}</strong> of the records' text contain <q id="text-hits-q">${q ?? ''}</q></summary>
<ol class="hit-list" id="text-hit-list">${hits.map(
    (h) =>
      html`<li><a href="${sourceHref({ document: h.documentId, page: h.page, start: h.start, end: h.end }, data.bundle.id)}" data-doc="${h.documentId}" data-page="${h.page}" data-start="${h.start}" data-end="${h.end}" class="hit-link">${data.documentNames.get(h.documentId) ?? h.documentId}, p.${h.page}</a> <span class="snippet">${h.before}<mark>${h.match}</mark>${h.after}</span></li>`,
  )}</ol></details></section>`;
}

export function exportHref(bundleId: string, format: string, filter: ChronologyFilter): string {
  const p = new URLSearchParams({ format });
  if (filter.q) p.set('q', filter.q);
  if (filter.from) p.set('from', filter.from);
  if (filter.to) p.set('to', filter.to);
  if (filter.kinds?.length) p.set('type', filter.kinds.join(','));
  if (filter.provider) p.set('provider', filter.provider);
  if (filter.facility) p.set('facility', filter.facility);
  if (filter.flags) p.set('flags', filter.flags);
  return `/api/bundles/${encodeURIComponent(bundleId)}/export?${p.toString()}`;
}

export function renderChronologyPage(o: ChronologyPageInput): string {
  const { data, principal, filter } = o;
  const records = data.flags.map((f) => f.record);
  const flagsById = new Map(records.map((r) => [r.flag.id, r]));
  const bundleId = data.bundle.id;
  const documents = data.timeline.documents.map((d) => ({ name: d.name, reason: unreadableReason(d) }));
  const exportMenu = html`<details class="export-menu" id="export-menu"><summary class="button">Export</summary><div class="menu" role="menu">${exportFormats().map(
    (fmt: string) => html`<a role="menuitem" href="${exportHref(bundleId, fmt, filter)}" data-format="${fmt}" data-export>${exporterLabel(fmt)}</a>`,
  )}<a role="menuitem" href="/api/bundles/${encodeURIComponent(bundleId)}/fhir" download data-format="fhir">FHIR R4 bundle (JSON, every statement)</a><p class="small muted">Exports hold the rows shown (the filters apply), the flags with both quotes and their review status, and the reviewers' notes.</p></div></details>`;
  const docTable = html`<details class="documents card" id="documents"><summary><h2>Documents</h2> <span class="muted">${data.timeline.documents.length}</span></summary>
<table><thead><tr><th>#</th><th>Document</th><th>Kind</th><th>Pages</th><th>Problems</th><th></th></tr></thead><tbody>
${data.timeline.documents.map(
  (d, i) =>
    html`<tr data-document-id="${d.id}" data-document-name="${d.name}"><td>${i + 1}</td><td>${d.name}</td><td>${d.kind?.kind && d.kind.kind !== 'other' ? typeLabel(d.kind.kind) : html`<span class="muted">—</span>`}</td><td>${d.pages}</td><td>${d.errors.map((er) => html`<div class="notice ${unreadableReason(d) ? 'error' : 'warn'} small">${er.message}</div>`)}</td><td><a href="/api/documents/${d.id}/original?bundle=${encodeURIComponent(bundleId)}" download>Original</a></td></tr>`,
)}
</tbody></table></details>`;
  return layout({
    title: `${data.bundle.name} chronology`,
    page: 'chronology',
    principal,
    active: 'bundles',
    skipTo: { href: '#chronology', label: 'Skip to the chronology' },
    body: html`<div class="page-head"><div><h1>${data.timeline.bundle}</h1>${caseLine(data)}
<p class="meta small"><span class="mono">${bundleId}</span> · processed ${shortTime(data.bundle.completedAt)}${data.bundle.referenceDate ? ` · dates read as of ${data.bundle.referenceDate}` : ''}</p></div>
<div class="actions">${exportMenu}<button type="button" data-action="print">Print</button></div></div>
${intakeNotice(data.bundle, documents)}
${flagSummary(data, records, principal)}
${docTable}
${tools(data, filter)}
${textHitsSection(data, filter.q, o.textHits)}
<div class="chrono-layout" id="chrono-layout" data-bundle="${bundleId}">
  <div class="chrono-col">${chronologyTable(data, flagsById)}</div>
  <aside class="source-panel" id="source-panel" hidden aria-label="Source page">
    <div class="panel-head"><strong><span id="panel-title"></span><button type="button" id="panel-close" aria-label="Close the source page">✕</button></strong>
      <div class="panel-tabs" role="tablist" aria-label="Show the page as"><button type="button" role="tab" id="tab-original" aria-selected="true" data-view="original">Original page</button><button type="button" role="tab" id="tab-text" aria-selected="false" data-view="text">Text</button></div>
      <span class="panel-links"><a id="panel-open" href="#" target="_blank" rel="noopener">Open page</a><a id="panel-download" href="#" download>Original file</a></span></div>
    <div class="panel-body" id="panel-body"><div class="orig" id="panel-original"></div><div class="text" id="panel-text" hidden></div></div>
  </aside>
</div>
<p class="print-only small">Printed from chartline ${shortTime(new Date().toISOString())}. Page numbers are the pages of each source document.</p>`,
  });
}

/** a bundle without a timeline yet, or seen by intake: where it is, each document's state and what could not be read */
export function renderBundleStatusPage(o: { principal: Principal; bundle: BundleRecord; documents: readonly BundleDocument[] }): string {
  const b = o.bundle;
  const docs = o.documents.map((d) => ({ name: d.name, reason: d.error ?? unreadableReason({ pages: d.pages ?? 0, errors: d.errors }) }));
  const running = b.status === 'queued' || b.status === 'processing';
  return layout({
    title: b.name,
    page: 'pending',
    principal: o.principal,
    active: 'bundles',
    body: html`<div class="page-head"><div><h1>${b.name}</h1><p class="meta mono">${b.id}</p></div>${
      b.hasTimeline && roleAllows(o.principal.role, 'reviewer') ? html`<div class="actions"><a class="button primary" href="/bundles/${encodeURIComponent(b.id)}">Chronology</a></div>` : ''
    }</div>
${running ? '' : intakeNotice(b, docs)}
<section class="card" id="pending" data-status="${b.status}">
<p><span class="badge state-${b.status}${b.documentsUnreadable && b.status === 'completed' ? ' partial' : ''}">${b.status}</span> <progress max="100" value="${b.progress}">${b.progress}%</progress> ${b.progress}% · ${b.documentsDone} of ${b.documentsTotal} documents read${b.documentsUnreadable ? ` · ${b.documentsUnreadable} unreadable` : ''}</p>
${b.error && running ? html`<p class="notice error">${b.error}</p>` : ''}
${running ? html`<p class="muted">This page refreshes itself until the bundle is processed.</p>` : ''}
<table><thead><tr><th>Document</th><th>State</th><th>Pages</th><th>Problems</th></tr></thead><tbody>
${o.documents.map(
  (d) =>
    html`<tr data-document="${d.name}"><td>${d.name}</td><td><span class="badge state-${d.state === 'done' ? 'completed' : d.state}">${d.state}</span></td><td>${d.pages ?? ''}</td><td>${d.error ? html`<div class="notice error small">${d.error}</div>` : ''}${d.errors.map((e) => html`<div class="notice ${e.code === 'needs_ocr' && !unreadableReason({ pages: d.pages ?? 0, errors: d.errors }) ? 'warn' : 'error'} small">${e.message}</div>`)}</td></tr>`,
)}
</tbody></table></section>`,
  });
}
