// Bundles: the upload form and every bundle with its status and progress (the rows refresh by
// themselves while something is running).
import type { Principal } from '../api-schemas.js';
import { roleAllows } from '../auth/roles.js';
import type { BundleList, BundleRecord } from '../../store/records.js';
import { formatBytes, type UploadLimits } from '../upload-limits.js';
import { html, type Html } from './html.js';
import { layout } from './layout.js';
import { shortTime } from './labels.js';

export function renderBundleRows(items: readonly BundleRecord[], principal: Principal): Html {
  if (items.length === 0) return html`<tr><td colspan="6" class="muted">No bundles yet.</td></tr>`;
  const canRead = roleAllows(principal.role, 'reviewer');
  return html`${items.map(
    (b) => html`<tr data-bundle-id="${b.id}" data-status="${b.status}">
  <td>${canRead && b.hasTimeline ? html`<a href="/bundles/${encodeURIComponent(b.id)}">${b.name}</a>` : b.name}<div class="muted mono">${b.id}</div></td>
  <td><span class="badge state-${b.status}">${b.status}</span>${b.error ? html`<div class="muted">${b.error}</div>` : ''}</td>
  <td><progress max="100" value="${b.progress}">${b.progress}%</progress> <span class="muted">${b.progress}%</span></td>
  <td>${b.documentsDone} / ${b.documentsTotal}</td>
  <td>${shortTime(b.createdAt)}</td>
  <td>${canRead && b.hasTimeline ? html`<a class="button" href="/bundles/${encodeURIComponent(b.id)}">Timeline</a>` : ''}</td>
</tr>`,
  )}`;
}

export function renderBundlesPage(o: { principal: Principal; list: BundleList; limits: UploadLimits }): string {
  const upload = html`<section class="upload card">
  <h2>Upload a bundle</h2>
  <form id="upload-form" method="post" action="/api/bundles" enctype="multipart/form-data">
    <label>Files (PDF or text) <input type="file" name="files" multiple accept=".pdf,.txt,application/pdf,text/plain" required></label>
    <label>Name <input type="text" name="name" maxlength="200" placeholder="default: the first file's name"></label>
    <label>Read dates as of <input type="date" name="referenceDate"></label>
    <div><button class="primary" type="submit">Upload and process</button></div>
    <p class="limits muted">Up to ${o.limits.maxFiles} files, ${formatBytes(o.limits.maxFileBytes)} each, ${formatBytes(o.limits.maxTotalBytes)} in all.</p>
  </form>
  <p id="upload-status" class="notice" role="status" hidden></p>
</section>`;
  return layout({
    title: 'Bundles',
    page: 'bundles',
    principal: o.principal,
    active: 'bundles',
    body: html`<div class="page-head"><h1>Bundles</h1><p class="meta">${o.list.total} bundle${o.list.total === 1 ? '' : 's'}</p></div>
${upload}
<table class="bundles">
  <thead><tr><th>Bundle</th><th>Status</th><th>Progress</th><th>Documents</th><th>Uploaded</th><th></th></tr></thead>
  <tbody id="bundle-rows">${renderBundleRows(o.list.items, o.principal)}</tbody>
</table>`,
  });
}
