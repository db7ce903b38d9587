// One bundle's timeline: its flags, documents, then every event in date order, grouped by date and by
// the document (encounter) reporting it, with type filters, flag badges on the events a flag concerns,
// and each event one click from its source page with the quote highlighted.
import type { Timeline, TimelineEvent } from '../../schema.js';
import type { BundleDocument, BundleRecord, FlagRecord } from '../../store/records.js';
import type { Principal } from '../api-schemas.js';
import { formatPartialDate, groupTimeline, type GroupedEvent } from '../timeline-groups.js';
import { html, type Html } from './html.js';
import { layout } from './layout.js';
import { kindLabel, shortTime, sourceHref, typeLabel } from './labels.js';

function flagBadges(flags: readonly FlagRecord[]): Html {
  return html`${flags.map(
    (f) => html`<a class="badge flag-badge sev-${f.flag.severity}" href="/flags/${f.id}" title="${f.flag.summary}" data-flag-id="${f.id}">⚑ ${kindLabel(f.flag.kind)} · ${f.status}</a>`,
  )}`;
}

function eventItem(g: GroupedEvent, bundleId: string, docName: string, flags: readonly FlagRecord[]): Html {
  const e: TimelineEvent = g.event;
  const s = e.source;
  const meta: (string | Html)[] = [];
  if (g.undated) meta.push(e.reportedOn ? `undated · reported at the visit of ${e.reportedOn}` : 'undated');
  else if (e.dateCertainty && e.dateCertainty !== 'explicit') meta.push(`date ${e.dateCertainty}${e.dateText ? ` (“${e.dateText}”)` : ''}`);
  else if (e.dateText) meta.push(`“${e.dateText}”`);
  if (e.assertion !== 'present') meta.push(e.assertion);
  if (e.section) meta.push(e.section);
  meta.push(html`<span class="src">${docName} p.${s.page}</span>`);
  if (e.sources.length > 1) meta.push(`also stated in ${e.sources.length - 1} other place${e.sources.length === 2 ? '' : 's'}`);
  return html`<li class="event${g.undated ? ' undated' : ''}" id="${e.id}" tabindex="0" data-type="${e.type}" data-doc="${s.document}" data-page="${s.page}" data-start="${s.start}" data-end="${s.end}">
  <div class="ev-line"><span class="type-chip t-${e.type}">${typeLabel(e.type)}</span> <a class="ev-summary source-link" href="${sourceHref(s, bundleId)}">${e.summary}</a> ${flagBadges(flags)}</div>
  <div class="ev-meta">${meta.map((m, i) => html`${i ? ' · ' : ''}${m}`)}</div>
</li>`;
}

export function renderTimelinePage(o: { principal: Principal; bundle: BundleRecord; timeline: Timeline; flags: readonly FlagRecord[] }): string {
  const { bundle, timeline, flags } = o;
  const names = new Map(timeline.documents.map((d) => [d.id, d.name]));
  const flagsByEvent = new Map<string, FlagRecord[]>();
  for (const f of flags) for (const id of f.flag.eventIds) (flagsByEvent.get(id) ?? flagsByEvent.set(id, []).get(id))?.push(f);
  const typeCounts = new Map<string, number>();
  for (const e of timeline.events) typeCounts.set(e.type, (typeCounts.get(e.type) ?? 0) + 1);
  const groups = groupTimeline(timeline);

  const flagList = flags.length
    ? html`<ul>${flags.map(
        (f) => html`<li><a href="/flags/${f.id}"><span class="badge sev-${f.flag.severity}">${f.flag.severity}</span><span class="badge">${kindLabel(f.flag.kind)}</span><span class="badge status-${f.status}">${f.status}</span><span>${f.flag.summary}</span></a></li>`,
      )}</ul>`
    : html`<p class="muted">No discrepancies were flagged.</p>`;

  const documents = html`<details class="documents card"><summary>Documents (${timeline.documents.length})</summary>
<table><thead><tr><th>#</th><th>Document</th><th>Pages</th><th>Problems</th></tr></thead><tbody>
${timeline.documents.map(
  (d, i) => html`<tr data-document-id="${d.id}" data-document-name="${d.name}"><td>${i + 1}</td><td>${d.name}<div class="muted mono">${d.id}</div></td><td>${d.pages}</td><td>${d.errors.map((er) => html`<div class="notice error">${er.message}</div>`)}</td></tr>`,
)}
</tbody></table></details>`;

  const filters = html`<form class="filters" id="type-filters" aria-label="Filter events by type"><fieldset><legend>Event types</legend>
${[...typeCounts.entries()].map(([t, n]) => html`<label><input type="checkbox" name="type" value="${t}" checked> ${typeLabel(t)} <span class="count">${n}</span></label>`)}
<button type="button" data-filter="all">All</button><button type="button" data-filter="none">None</button>
</fieldset><p class="filter-status" id="filter-status">Showing ${timeline.events.length} of ${timeline.events.length} events</p></form>`;

  const list = html`<ol class="timeline" id="timeline">
${groups.map(
  (g) => html`<li class="day${g.date === null ? ' undated-group' : ''}" data-date="${g.date ?? ''}">
  <h3 class="day-head"><time${g.date ? html` datetime="${g.date}"` : ''}>${formatPartialDate(g.date)}</time><span class="count">${g.size} event${g.size === 1 ? '' : 's'}</span></h3>
  ${g.encounters.map(
    (enc) => html`<section class="encounter" data-doc="${enc.document}"><h4 class="enc-head">${enc.documentName}</h4>
    <ol class="events">${enc.events.map((ge) => eventItem(ge, bundle.id, names.get(ge.event.source.document) ?? ge.event.source.document, flagsByEvent.get(ge.event.id) ?? []))}</ol></section>`,
  )}
</li>`,
)}
</ol>`;

  return layout({
    title: `${bundle.name} timeline`,
    page: 'timeline',
    principal: o.principal,
    active: 'bundles',
    body: html`<div class="page-head"><div><h1>${timeline.bundle}</h1>
<p class="meta"><span class="mono">${bundle.id}</span> · ${timeline.documents.length} documents · ${timeline.events.length} events · ${flags.length} flag${flags.length === 1 ? '' : 's'} · processed ${shortTime(bundle.completedAt)}${bundle.referenceDate ? ` · dates read as of ${bundle.referenceDate}` : ''}</p></div>
<div class="actions"><button type="button" data-action="print">Print</button><a class="button" href="/api/bundles/${encodeURIComponent(bundle.id)}/timeline" download="${bundle.id}.json">JSON</a></div></div>
<section class="flags-summary"><h2>Flags (${flags.length})</h2>${flagList}</section>
${documents}
<h2>Timeline</h2>
<div class="timeline-layout">
  <div class="timeline-col">${filters}${list}</div>
  <aside class="source-panel" id="source-panel" hidden aria-live="polite">
    <div class="panel-head"><strong id="panel-title"></strong><a id="panel-open" href="#" target="_blank" rel="noopener">Open page</a><button type="button" id="panel-close" aria-label="Close the source page">✕</button></div>
    <div class="panel-body" id="panel-body"></div>
  </aside>
</div>`,
  });
}

/** a bundle without a timeline yet: where it is, refreshing itself */
export function renderPendingPage(o: { principal: Principal; bundle: BundleRecord; documents: readonly BundleDocument[] }): string {
  const b = o.bundle;
  return layout({
    title: b.name,
    page: 'pending',
    principal: o.principal,
    active: 'bundles',
    body: html`<div class="page-head"><h1>${b.name}</h1><p class="meta mono">${b.id}</p></div>
<section class="card" id="pending" data-status="${b.status}">
<p><span class="badge state-${b.status}">${b.status}</span> <progress max="100" value="${b.progress}">${b.progress}%</progress> ${b.progress}% · ${b.documentsDone} of ${b.documentsTotal} documents read</p>
${b.error ? html`<p class="notice error">${b.error}</p>` : ''}
${b.status === 'failed' ? '' : html`<p class="muted">The timeline appears here when the bundle is processed. <a href="/bundles/${encodeURIComponent(b.id)}">Refresh</a></p>`}
<table><thead><tr><th>Document</th><th>State</th><th>Pages</th></tr></thead><tbody>
${o.documents.map((d) => html`<tr><td>${d.name}</td><td><span class="badge state-${d.state === 'done' ? 'completed' : d.state}">${d.state}</span>${d.error ? html`<div class="muted">${d.error}</div>` : ''}</td><td>${d.pages ?? ''}</td></tr>`)}
</tbody></table></section>`,
  });
}
