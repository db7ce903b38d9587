// The analyst's queue: flags across bundles with filters (kind, severity, status, bundle, dates),
// counts by kind and status, paging, and the CSV export of exactly what is filtered.
import { FLAG_KINDS, SEVERITIES } from '../../schema.js';
import { FLAG_STATUSES, type BundleRecord, type FlagPage } from '../../store/records.js';
import type { Principal } from '../api-schemas.js';
import { flagQueryString, type FlagQuery } from '../flag-query.js';
import { html } from './html.js';
import { layout } from './layout.js';
import { kindLabel } from './labels.js';
import { usDate } from '../../export/format.js';

function checkboxes(name: string, values: readonly string[], selected: readonly string[] | undefined, label: (v: string) => string, counts?: Record<string, number>) {
  return values.map(
    (v) =>
      html`<label><input type="checkbox" name="${name}" value="${v}"${selected?.includes(v) ? html` checked` : ''}> ${label(v)}${counts ? html` <span class="muted">(${counts[v] ?? 0})</span>` : ''}</label>`,
  );
}

export function renderFlagsPage(o: {
  principal: Principal;
  query: FlagQuery;
  page: FlagPage;
  bundles: readonly BundleRecord[];
  error?: string;
  note?: string;
  done?: { count: number; decision: string };
}): string {
  const { query: q, page } = o;
  const facet = (field: 'kind' | 'status', value: string, label: string, n: number) => {
    const on = q[field]?.length === 1 && q[field]?.[0] === value;
    const href = `/flags${flagQueryString({ ...q, [field]: on ? undefined : [value] })}`;
    return html`<a class="badge${on ? ' on' : ''}" href="${href}" data-facet="${field}:${value}">${label} <strong>${n}</strong></a>`;
  };
  const byKind = page.counts.byKind;
  const byStatus = page.counts.byStatus;
  const filters = html`<form class="filter-form card" method="get" action="/flags" id="flag-filters">
  <fieldset><legend>Kind</legend>${checkboxes('kind', FLAG_KINDS, q.kind, kindLabel, byKind)}</fieldset>
  <fieldset><legend>Status</legend>${checkboxes('status', FLAG_STATUSES, q.status, (v) => v, byStatus)}</fieldset>
  <fieldset><legend>Severity</legend>${checkboxes('severity', SEVERITIES, q.severity, (v) => v)}</fieldset>
  <fieldset><legend>Bundle and dates</legend>
    <label>Bundle <select name="bundle"><option value="">all bundles</option>${o.bundles.map((b) => html`<option value="${b.id}"${q.bundle === b.id ? html` selected` : ''}>${b.name}</option>`)}</select></label>
    <label>From <input type="text" name="from" value="${q.from ?? ''}" placeholder="YYYY-MM-DD" pattern="\\d{4}(-\\d{2}(-\\d{2})?)?" size="10" inputmode="numeric"></label>
    <label>To <input type="text" name="to" value="${q.to ?? ''}" placeholder="YYYY-MM-DD" pattern="\\d{4}(-\\d{2}(-\\d{2})?)?" size="10" inputmode="numeric"></label>
  </fieldset>
  <div class="buttons"><button class="primary" type="submit">Apply</button><a class="button" href="/flags">Clear</a></div>
</form>`;
  const from = page.total === 0 ? 0 : q.offset + 1;
  const to = Math.min(q.offset + page.items.length, page.total);
  // every link into a flag carries the queue's filters: its page offers the previous and next of this queue
  const queue = flagQueryString(q);
  const rows = page.items.length
    ? page.items.map(
        (r) => html`<tr data-flag-id="${r.id}" data-kind="${r.flag.kind}" data-status="${r.status}">
  <td class="sel"><input type="checkbox" name="id" value="${r.id}" form="bulk-form" aria-label="select this flag"></td>
  <td><span class="badge sev-${r.flag.severity}">${r.flag.severity}</span></td>
  <td>${kindLabel(r.flag.kind)}</td>
  <td>${r.flag.date ? usDate(r.flag.date) : html`<span class="muted">undated</span>`}</td>
  <td><a href="/bundles/${encodeURIComponent(r.bundleId)}">${r.bundleName}</a></td>
  <td class="summary"><a href="/flags/${r.id}${queue}">${r.flag.summary}</a></td>
  <td><span class="badge status-${r.status}">${r.status}</span>${r.reviews ? html` <span class="muted">${r.reviews} review${r.reviews === 1 ? '' : 's'}</span>` : ''}</td>
</tr>`,
      )
    : html`<tr><td colspan="7" class="muted">No flags match these filters.</td></tr>`;
  const bulk = html`<form class="bulk card" id="bulk-form" method="post" action="/flags/reviews" aria-label="Decide on the selected flags">
  ${o.error ? html`<p class="notice error" role="alert">${o.error}</p>` : ''}
  ${o.done ? html`<p class="notice ok" role="status">Recorded: ${o.done.decision} on ${o.done.count} flag${o.done.count === 1 ? '' : 's'}.</p>` : ''}
  <strong id="bulk-count">0 selected</strong>
  <select name="decision" aria-label="decision"><option value="dismiss">dismiss</option><option value="confirm">confirm</option><option value="needs-info">needs info</option></select>
  <input type="text" name="note" maxlength="10000" placeholder="One note for all of them (required to dismiss)" value="${o.note ?? ''}" aria-label="note">
  <input type="hidden" name="back" value="${queue}">
  <button type="submit" class="primary">Record for the selected</button>
</form>`;
  const prev = q.offset > 0 ? html`<a class="button" href="/flags${flagQueryString(q, { offset: Math.max(0, q.offset - q.limit), limit: q.limit })}">← Previous</a>` : '';
  const next = q.offset + page.items.length < page.total ? html`<a class="button" href="/flags${flagQueryString(q, { offset: q.offset + q.limit, limit: q.limit })}">Next →</a>` : '';
  return layout({
    title: 'Flags',
    page: 'flags',
    principal: o.principal,
    active: 'flags',
    body: html`<div class="page-head"><div><h1>Flags</h1><p class="meta">${page.total} matching · showing ${from}–${to}</p></div>
<div class="actions"><a class="button" id="csv-export" href="/api/flags.csv${flagQueryString(q)}">Export CSV</a><button type="button" data-action="print">Print</button></div></div>
<div class="facets" aria-label="Counts by kind">${FLAG_KINDS.filter((k) => byKind[k]).map((k) => facet('kind', k, kindLabel(k), byKind[k] ?? 0))}</div>
<div class="facets" aria-label="Counts by status">${FLAG_STATUSES.map((s) => facet('status', s, s, byStatus[s] ?? 0))}</div>
${filters}
${bulk}
<table class="flags-table"><thead><tr><th class="sel"><input type="checkbox" id="select-all" aria-label="select every flag on this page"></th><th>Severity</th><th>Kind</th><th>Date</th><th>Bundle</th><th>Summary</th><th>Status</th></tr></thead>
<tbody>${rows}</tbody></table>
<div class="pager">${prev}${next}</div>`,
  });
}
