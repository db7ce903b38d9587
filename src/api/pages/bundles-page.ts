// Bundles: the upload form (blank name: the first file's name; blank date: today) and every bundle
// with its status and progress — "completed — 2 of 9 unreadable" in amber with the reasons, for
// intake as for reviewers — refreshing by themselves while something is running.
import type { Principal } from '../api-schemas.js';
import { roleAllows } from '../auth/roles.js';
import type { BundleDocument, BundleList, BundleRecord } from '../../store/records.js';
import { unreadableReason } from '../../store/document-health.js';
import { formatBytes, type UploadLimits } from '../upload-limits.js';
import { html, type Html } from './html.js';
import { layout } from './layout.js';
import { shortTime } from './labels.js';

/** the documents that could not be read, with why, by bundle id (only bundles that have some) */
export type UnreadableDocuments = ReadonlyMap<string, readonly { name: string; reason: string }[]>;

export function unreadableOf(documents: readonly BundleDocument[]): { name: string; reason: string }[] {
  return documents
    .map((d) => ({ name: d.name, reason: d.error ?? unreadableReason({ pages: d.pages ?? 0, errors: d.errors }) }))
    .filter((d): d is { name: string; reason: string } => d.reason !== null);
}

function statusCell(b: BundleRecord, bad: readonly { name: string; reason: string }[] | undefined): Html {
  const n = bad?.length ?? b.documentsUnreadable;
  const label =
    b.status === 'completed' && n > 0 ? `completed — ${n} of ${b.documentsTotal} unreadable` : b.status === 'failed' && n > 0 ? `failed — ${n} of ${b.documentsTotal} unreadable` : b.status;
  const reasons = bad?.length
    ? html`<details class="problems"><summary>Why</summary><ul>${bad.map((d) => html`<li><strong>${d.name}</strong>: ${d.reason}</li>`)}</ul></details>`
    : b.error
      ? html`<div class="muted small">${b.error}</div>`
      : '';
  return html`<span class="badge state-${b.status}${b.status === 'completed' && n > 0 ? ' partial' : ''}">${label}</span>${reasons}`;
}

export function renderBundleRows(list: BundleList, principal: Principal, unreadable: UnreadableDocuments = new Map()): Html {
  const { items } = list;
  if (items.length === 0) return html`<tr data-total="0"><td colspan="6" class="muted">No bundles yet.</td></tr>`;
  const canRead = roleAllows(principal.role, 'reviewer');
  return html`${items.map(
    (b, i) => html`<tr data-bundle-id="${b.id}" data-status="${b.status}" data-unreadable="${b.documentsUnreadable}"${i === 0 ? html` data-total="${list.total}"` : ''}>
  <td><a href="/bundles/${encodeURIComponent(b.id)}">${b.name}</a><div class="muted mono">${b.id}</div></td>
  <td>${statusCell(b, unreadable.get(b.id))}</td>
  <td><progress max="100" value="${b.progress}">${b.progress}%</progress> <span class="muted">${b.progress}%</span></td>
  <td>${b.documentsDone} / ${b.documentsTotal}</td>
  <td>${shortTime(b.createdAt)}</td>
  <td>${canRead && b.hasTimeline ? html`<a class="button" href="/bundles/${encodeURIComponent(b.id)}">Chronology</a>` : html`<a class="button" href="/bundles/${encodeURIComponent(b.id)}">Status</a>`}</td>
</tr>`,
  )}`;
}

export function renderBundlesPage(o: { principal: Principal; list: BundleList; limits: UploadLimits; unreadable: UnreadableDocuments }): string {
  const upload = html`<section class="upload card">
  <h2>Upload a bundle</h2>
  <form id="upload-form" method="post" action="/api/bundles" enctype="multipart/form-data">
    <label>Files (PDF or text) <input type="file" name="files" multiple accept=".pdf,.txt,application/pdf,text/plain" required></label>
    <label>Name <input type="text" name="name" maxlength="200" placeholder="blank: the first file's name"></label>
    <label>Read dates as of <input type="date" name="referenceDate" title="blank: today"></label>
    <div><button class="primary" type="submit">Upload and process</button></div>
    <p class="limits muted">Up to ${o.limits.maxFiles} files, ${formatBytes(o.limits.maxFileBytes)} each, ${formatBytes(o.limits.maxTotalBytes)} in all. A blank date reads the records as of today.</p>
  </form>
  <p id="upload-status" class="notice" role="status" hidden></p>
</section>`;
  return layout({
    title: 'Bundles',
    page: 'bundles',
    principal: o.principal,
    active: 'bundles',
    body: html`<div class="page-head"><h1>Bundles</h1><p class="meta" id="bundle-count">${o.list.total} bundle${o.list.total === 1 ? '' : 's'}</p></div>
${upload}
<table class="bundles">
  <thead><tr><th>Bundle</th><th>Status</th><th>Progress</th><th>Documents</th><th>Uploaded</th><th></th></tr></thead>
  <tbody id="bundle-rows">${renderBundleRows(o.list, o.principal, o.unreadable)}</tbody>
</table>`,
  });
}
