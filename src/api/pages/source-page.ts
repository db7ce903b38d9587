// A source page on its own (the link behind every statement and evidence quote): the original page
// as an image with the quote boxed, beside the page's text with the quote highlighted — carried onto
// the next page when it runs past the end — and the original file to download.
import type { PageRecord } from '../../store/records.js';
import type { Principal } from '../api-schemas.js';
import { highlightContinuation, highlightOnPage, type PageHighlight } from '../quote-highlight.js';
import { html, type Html } from './html.js';
import { layout } from './layout.js';

function pageText(h: PageHighlight): Html {
  return html`<pre class="page-text">${h.before}${h.quote ? html`<mark class="quote">${h.quote}</mark>` : ''}${h.after}</pre>`;
}

export interface SourcePageInput {
  principal: Principal;
  page: PageRecord;
  /** the following page, when the quote continues onto it */
  next: PageRecord | null;
  range: { start: number; end: number } | null;
  documentName: string | null;
  bundleId: string | null;
  /** the original is a PDF: its page can be shown as an image */
  hasImage: boolean;
  /** the page was read by OCR: its mean word confidence and the URL of its picture (a TIFF, PNG or JPEG original has no PDF page to show) */
  ocr?: { confidence: number | null; image: string } | null;
}

export function renderSourcePage(o: SourcePageInput): string {
  const { page, range } = o;
  const name = o.documentName ?? page.documentId;
  const first = range ? highlightOnPage(page.text, range.start, range.end) : { before: page.text, quote: '', after: '', continues: 0 };
  const keep = new URLSearchParams();
  if (o.bundleId) keep.set('bundle', o.bundleId);
  const pageLink = (n: number) => `/documents/${encodeURIComponent(page.documentId)}/pages/${n}${keep.size ? `?${keep.toString()}` : ''}`;
  const doc = encodeURIComponent(page.documentId);
  const boxes = range ? `/api/documents/${doc}/pages/${page.num}/boxes?start=${range.start}&end=${Math.max(range.start, range.end)}` : '';
  const original = o.hasImage
    ? html`<section class="original-col card"><h2 class="small muted">Original page</h2><div class="page-image"${boxes ? html` data-boxes="${boxes}"` : ''}><img src="/api/documents/${doc}/pages/${page.num}/image" alt="page ${page.num} of ${name} as received" width="1100"></div></section>`
    : '';
  const text = html`<section class="card text-col"><h2 class="small muted">Text as read${range ? ', the quote marked' : ''}</h2>${pageText(first)}${
    o.next && first.continues > 0 ? html`<div class="page-break">page ${o.next.num} (the quote continues)</div>${pageText(highlightContinuation(o.next.text, first.continues))}` : ''
  }</section>`;
  return layout({
    title: `${name} p.${page.num}`,
    page: 'source',
    principal: o.principal,
    active: 'bundles',
    body: html`<div class="page-head"><div><h1>${name}</h1><p class="meta">page ${page.num} of ${page.pageCount} · <span class="mono">${page.documentId}</span></p></div>
<div class="actions">${page.num > 1 ? html`<a class="button" href="${pageLink(page.num - 1)}">← Page ${page.num - 1}</a>` : ''}${page.num < page.pageCount ? html`<a class="button" href="${pageLink(page.num + 1)}">Page ${page.num + 1} →</a>` : ''}<a class="button" href="/api/documents/${doc}/original${o.bundleId ? `?bundle=${encodeURIComponent(o.bundleId)}` : ''}" download>Original file</a>${o.bundleId ? html`<a class="button" href="/bundles/${encodeURIComponent(o.bundleId)}">Chronology</a>` : ''}<button type="button" data-action="print">Print</button></div></div>
${o.ocr ? html`<p class="meta">This page was read by OCR${o.ocr.confidence === null ? '' : html` (mean word confidence ${Math.round(o.ocr.confidence)}%)`}: check the text against the scan.</p>` : ''}
<div class="${o.hasImage || o.ocr ? 'source-split' : ''}">${o.hasImage ? original : o.ocr ? html`<section class="original-col card"><h2 class="small muted">Scanned page</h2><div class="page-image"><img src="${o.ocr.image}" alt="scan of page ${page.num}" width="1100"></div></section>` : ''}${text}</div>`,
  });
}
