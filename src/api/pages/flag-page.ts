// One flag: its summary, the quotes on each side of the discrepancy side by side with links to their
// pages, the events it concerns, the decision form (confirm / dismiss / needs-info with a note) and
// the audit trail of every decision taken.
import type { Evidence } from '../../schema.js';
import { REVIEW_DECISIONS, type FlagRecord, type FlagReview } from '../../store/records.js';
import type { Principal } from '../api-schemas.js';
import { html } from './html.js';
import { layout } from './layout.js';
import { DECISION_LABELS, kindLabel, shortTime, sourceHref } from './labels.js';

export function renderFlagPage(o: { principal: Principal; record: FlagRecord; reviews: readonly FlagReview[]; documentNames: ReadonlyMap<string, string>; error?: string; note?: string }): string {
  const { record: r } = o;
  const f = r.flag;
  const sides = new Map<string, Evidence[]>();
  for (const e of f.evidence) (sides.get(e.role) ?? sides.set(e.role, []).get(e.role))?.push(e);
  const evidence = html`<div class="evidence">${[...sides.entries()].map(
    ([role, items]) => html`<div class="side" data-role="${role}"><h3>${role}</h3>${items.map(
      (e) => html`<blockquote>${e.quote}<footer><a href="${sourceHref(e, r.bundleId)}">${o.documentNames.get(e.document) ?? e.document}, page ${e.page}</a></footer></blockquote>`,
    )}</div>`,
  )}</div>`;
  const form = html`<form class="review-form card" method="post" action="/flags/${r.id}/reviews" id="review-form">
  <h2>Decision</h2>
  ${o.error ? html`<p class="notice error" role="alert">${o.error}</p>` : ''}
  <div class="decisions">${REVIEW_DECISIONS.map((d) => html`<label><input type="radio" name="decision" value="${d}" required> ${d}</label>`)}</div>
  <label for="review-note">Note</label>
  <textarea id="review-note" name="note" maxlength="10000" placeholder="Why: what you checked, what is missing">${o.note ?? ''}</textarea>
  <p><button class="primary" type="submit">Record decision</button> <span class="muted">recorded as ${o.principal.name}, with the time</span></p>
</form>`;
  const audit = o.reviews.length
    ? html`<ol class="audit" id="audit-trail">${o.reviews.map(
        (v) => html`<li data-decision="${v.decision}"><strong>${DECISION_LABELS[v.decision] ?? v.decision}</strong> by ${v.reviewer} · <time datetime="${v.createdAt}">${shortTime(v.createdAt)}</time>${v.note ? html`<div class="note">${v.note}</div>` : ''}</li>`,
      )}</ol>`
    : html`<p class="muted" id="audit-trail">No decisions yet.</p>`;
  return layout({
    title: `${kindLabel(f.kind)} flag`,
    page: 'flag',
    principal: o.principal,
    active: 'flags',
    body: html`<div class="page-head"><div><h1>${kindLabel(f.kind)}</h1>
<p class="meta"><span class="badge sev-${f.severity}">${f.severity}</span> <span class="badge status-${r.status}" id="flag-status">${r.status}</span> · ${f.date ?? 'undated'} · <a href="/bundles/${encodeURIComponent(r.bundleId)}">${r.bundleName}</a> · <span class="mono">${r.id}</span></p></div>
<div class="actions"><button type="button" data-action="print">Print</button></div></div>
<section class="card"><p class="summary">${f.summary}</p>
<p class="muted">Rule ${f.rule}${f.eventIds.length ? html` · events: ${f.eventIds.map((id, i) => html`${i ? ', ' : ''}<a href="/bundles/${encodeURIComponent(r.bundleId)}#${id}">${id}</a>`)}` : ''}</p></section>
<h2>Evidence</h2>
${evidence}
${form}
<h2>Audit trail</h2>
${audit}`,
  });
}
