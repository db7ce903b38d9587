// One flag: its full summary, both sides of the discrepancy quoted side by side with links to their
// pages (a side the check did not quote is found among the events: the visit a chronology flag
// concerns), the statements it concerns by their words, the decision form (a dismissal needs a note),
// the audit trail, and the previous and next flag of the queue it was opened from.
import type { FlagSide } from '../../export/flag-sides.js';
import { eventText } from '../../export/chronology.js';
import { usDate } from '../../export/format.js';
import type { TimelineEvent } from '../../schema.js';
import { REVIEW_DECISIONS, type FlagRecord, type FlagReview } from '../../store/records.js';
import type { Principal } from '../api-schemas.js';
import { html } from './html.js';
import { layout } from './layout.js';
import { DECISION_LABELS, kindLabel, shortTime, sourceHref, typeLabel } from './labels.js';

const DECISION_VERBS: Record<string, string> = { confirm: 'Confirm: a real discrepancy', dismiss: 'Dismiss: not a discrepancy', 'needs-info': 'Needs info: the records cannot tell' };

/** what each check looks for, in a reviewer's words (instead of its rule id) */
export const KIND_EXPLANATIONS: Record<string, string> = {
  exam_plan_mismatch: 'The examination and the assessment or plan of the same visit say different things about the same finding.',
  contradiction: 'Two statements in the records disagree about the same fact.',
  chronology: 'Dates that cannot both be right: something is reported as done before the date it was done.',
  duplicate: 'The same page appears more than once in the bundle; its statements are counted once.',
  gap_in_care: 'A long stretch with no visit between care that was ongoing.',
};

export interface QueuePosition {
  index: number;
  total: number;
  prev: string | null;
  next: string | null;
  /** the queue's filters as a query string ("?status=open"), kept on every link */
  query: string;
}

export interface FlagPageInput {
  principal: Principal;
  record: FlagRecord;
  reviews: readonly FlagReview[];
  documentNames: ReadonlyMap<string, string>;
  sides: readonly FlagSide[];
  /** the flag's events, in its order (those still in the timeline) */
  events: readonly TimelineEvent[];
  queue: QueuePosition | null;
  error?: string;
  note?: string;
}

export function renderFlagPage(o: FlagPageInput): string {
  const { record: r } = o;
  const f = r.flag;
  const q = o.queue?.query ?? '';
  const evidence = html`<div class="evidence">${o.sides.map(
    (side) =>
      html`<div class="side${side.derived ? ' derived' : ''}" data-role="${side.role}"><h3>${side.role}</h3>${side.quotes.map(
        (e) => html`<blockquote>${e.quote}<footer><a href="${sourceHref(e, r.bundleId)}">${o.documentNames.get(e.document) ?? e.document}, page ${e.page}</a></footer></blockquote>`,
      )}</div>`,
  )}</div>`;
  const nav = o.queue
    ? html`<nav class="queue-nav" aria-label="Flag queue">${o.queue.prev ? html`<a class="button" rel="prev" href="/flags/${o.queue.prev}${q}">← Previous</a>` : html`<span class="button" aria-disabled="true">← Previous</span>`}
<span class="muted">${o.queue.index + 1} of ${o.queue.total} in the queue</span>
${o.queue.next ? html`<a class="button" rel="next" href="/flags/${o.queue.next}${q}">Next →</a>` : html`<span class="button" aria-disabled="true">Next →</span>`}
<a href="/flags${q}">Back to the queue</a></nav>`
    : '';
  const form = html`<form class="review-form card" method="post" action="/flags/${r.id}/reviews" id="review-form">
  <h2>Decision</h2>
  ${o.error ? html`<p class="notice error" role="alert">${o.error}</p>` : ''}
  <div class="decisions">${REVIEW_DECISIONS.map((d) => html`<label><input type="radio" name="decision" value="${d}" required> ${DECISION_VERBS[d] ?? d}</label>`)}</div>
  <label for="review-note">Note <span class="muted small">(required to dismiss)</span></label>
  <textarea id="review-note" name="note" maxlength="10000" placeholder="What you checked, and why">${o.note ?? ''}</textarea>
  <input type="hidden" name="queue" value="${q}">
  <p><button class="primary" type="submit" name="next" value="">Record decision</button>${o.queue?.next ? html` <button type="submit" name="next" value="${o.queue.next}">Record and open the next flag</button>` : ''} <span class="muted">recorded as ${o.principal.name}, with the time</span></p>
</form>`;
  const audit = o.reviews.length
    ? html`<ol class="audit" id="audit-trail">${o.reviews.map(
        (v) =>
          html`<li data-decision="${v.decision}"><strong>${DECISION_LABELS[v.decision] ?? v.decision}</strong> by ${v.reviewer} · <time datetime="${v.createdAt}">${shortTime(v.createdAt)}</time>${v.note ? html`<div class="note">${v.note}</div>` : ''}</li>`,
      )}</ol>`
    : html`<p class="muted" id="audit-trail">No decisions yet.</p>`;
  const concerned = o.events.length
    ? html`<details class="card" id="flag-events"><summary><h2>The statements it concerns</h2> <span class="muted">${o.events.length}</span></summary><ul class="flag-events">${o.events.map(
        (e) =>
          html`<li><span class="type-chip t-${e.type}">${typeLabel(e.type)}</span> <strong>${usDate(e.date)}</strong> ${eventText(e)} <a href="${sourceHref(e.source, r.bundleId)}">${o.documentNames.get(e.source.document) ?? e.source.document} p.${e.source.page}</a> · <a href="/bundles/${encodeURIComponent(r.bundleId)}#${e.id}">in the chronology</a></li>`,
      )}</ul></details>`
    : '';
  return layout({
    title: `${kindLabel(f.kind)} flag`,
    page: 'flag',
    principal: o.principal,
    active: 'flags',
    body: html`<div class="page-head"><div><h1>${kindLabel(f.kind)} <span class="muted small">${usDate(f.date)}</span></h1>
<p class="meta"><span class="badge sev-${f.severity}">${f.severity}</span> <span class="badge status-${r.status}" id="flag-status">${r.status}</span> · <a href="/bundles/${encodeURIComponent(r.bundleId)}">${r.bundleName}</a></p></div>
<div class="actions"><button type="button" data-action="print">Print</button></div></div>
${nav}
<section class="card" data-flag-id="${r.id}"><p class="summary">${f.summary}</p>
<p class="muted small">${KIND_EXPLANATIONS[f.kind] ?? ''}</p></section>
<h2>Evidence</h2>
${evidence}
${concerned}
${form}
<h2>Audit trail</h2>
${audit}`,
  });
}
