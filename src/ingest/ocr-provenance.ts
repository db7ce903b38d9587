// Every quote says whether its text was OCR'd, and how sure OCR was of it: `source.ocr` is null for
// text-layer text, else { confidence } — the mean Tesseract confidence (0–100) of the words the quote
// covers. A reviewer can then weigh "01/13/2017 (OCR 41%)" against a typed date.
import type { DocumentInfo, OcrProvenance, Source, Timeline, TimelineEvent } from '../schema.js';
import { rawOffsetOf } from './clean-pages.js';
import type { IngestedDocument } from './ingest-document.js';

const round = (n: number) => Math.round(n * 10) / 10;

/** The OCR provenance of one quote of this document. */
export function quoteOcr(doc: Pick<IngestedDocument, 'pageInfo' | 'ocrWords'>, source: Pick<Source, 'page' | 'start' | 'end'>): OcrProvenance | null {
  const info = doc.pageInfo.find((p) => p.num === source.page);
  if (info?.text !== 'ocr') return null;
  const page = doc.ocrWords?.get(source.page);
  const fallback = info.confidence === null ? null : { confidence: info.confidence };
  if (!page) return fallback;
  const from = rawOffsetOf(page.clean, source.start);
  const to = rawOffsetOf(page.clean, Math.min(source.end, page.clean.text.length));
  const covered = page.words.filter((w) => w.end > from && w.start < to);
  if (covered.length === 0) return fallback;
  return { confidence: round(covered.reduce((s, w) => s + w.confidence, 0) / covered.length) };
}

/** Sets `ocr` on every source of the document's events (in place). */
export function annotateOcr(events: TimelineEvent[], doc: Pick<IngestedDocument, 'pageInfo' | 'ocrWords'>): void {
  if (!doc.pageInfo.some((p) => p.text === 'ocr')) {
    for (const e of events) for (const s of [e.source, ...e.sources]) s.ocr = null;
    return;
  }
  const cache = new Map<Source, OcrProvenance | null>();
  const of = (s: Source) => {
    if (!cache.has(s)) cache.set(s, quoteOcr(doc, s));
    return cache.get(s) ?? null;
  };
  for (const e of events) {
    e.source.ocr = of(e.source);
    for (const s of e.sources) s.ocr = s === e.source ? e.source.ocr : of(s);
  }
}

/**
 * The last pass over a timeline: any source or evidence without `ocr` (a flag's quote built by a
 * check, an event from a result stored before OCR) takes its page's: null for a text-layer page, the
 * page's mean confidence for an OCR'd one.
 */
export function fillOcrProvenance(timeline: Timeline): void {
  const pages = new Map<string, DocumentInfo['pageInfo']>(timeline.documents.map((d) => [d.id, d.pageInfo]));
  const fill = (s: Source) => {
    if (s.ocr !== undefined) return;
    const info = pages.get(s.document)?.find((p) => p.num === s.page);
    s.ocr = info?.text === 'ocr' && info.confidence !== null ? { confidence: info.confidence } : null;
  };
  for (const e of timeline.events) {
    fill(e.source);
    e.sources.forEach(fill);
  }
  for (const f of timeline.flags) f.evidence.forEach(fill);
}
