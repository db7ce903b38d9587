// The pure pipeline, end to end: files → documents → events → timeline → flags.
// The CLI, the queue workers and the API all call these functions.
import { assembleTimeline } from './timeline/build-timeline.js';
import { runChecks } from './checks/run-checks.js';
import { extractDocument } from './extract/extract-document.js';
import { fingerprintPage } from './ingest/fingerprint.js';
import { ingestDocument, type InputFile, type IngestedDocument } from './ingest/ingest-document.js';
import { annotateOcr, fillOcrProvenance } from './ingest/ocr-provenance.js';
import type { OcrOptions } from './ingest/ocr-pages.js';
import { pageWorkOf } from './ingest/pdf-pool.js';
import { readPdfPages, type RawPage } from './ingest/read-pdf.js';
import { maxTextCharsFromEnv } from './ingest/size-budget.js';
import { loadPatterns, type Patterns } from './patterns/load-patterns.js';
import type { DocumentResult, PageText } from './model/document-result.js';
import { UNCLASSIFIED } from './model/document-kind.js';
import type { DocumentInfo, DocumentKind, Timeline } from './schema.js';

export type { DocumentResult, PageText } from './model/document-result.js';

export interface PipelineOptions {
  patterns?: Patterns;
  /** "today": two-digit years and future-date checks are read against it; tests pass a fixed one */
  referenceDate?: Date;
  /** replaces pdf-parse on the calling thread, e.g. by a worker-thread pool (src/ingest/pdf-pool.ts) */
  pdfReader?: (data: Uint8Array) => Promise<RawPage[]>;
  /**
   * processBundle: documents in progress at once (default 1). With a pdfReader that reads on other
   * threads, the next documents are read while this thread analyses the current one; results,
   * progress and onDocument still come in file order.
   */
  concurrency?: number;
  /** adds the time spent in each stage (ms), summed over documents */
  timings?: StageTimings;
  /** OCR of pages without a text layer (on by default, on the process's OCR pool) */
  ocr?: Omit<OcrOptions, 'onPage'>;
  /** characters of text one document may have; past it the document is refused as too_large (default: CHARTLINE_MAX_DOCUMENT_MB or 8 million) */
  maxTextChars?: number;
  /** after each OCR'd page of a document: pages done of those the document needs OCR'd */
  onOcrPage?: (file: string, done: number, total: number) => void;
}

/** Time per pipeline stage in ms. ingest: reading the PDF (on a pool thread, if any) and cleaning its pages. */
export interface StageTimings {
  ingest: number;
  text: number;
  dates: number;
  extract: number;
  fingerprint: number;
  checks: number;
  timeline: number;
}

export function emptyTimings(): StageTimings {
  return { ingest: 0, text: 0, dates: 0, extract: 0, fingerprint: 0, checks: 0, timeline: 0 };
}

export function pageTexts(doc: IngestedDocument): PageText[] {
  return doc.pages.map((p) => ({ num: p.num, text: doc.text.slice(p.offset, p.offset + p.length) }));
}

export function documentInfo(doc: IngestedDocument, kind: DocumentKind = UNCLASSIFIED): DocumentInfo {
  return {
    id: doc.id,
    name: doc.name,
    pages: doc.pages.length,
    sha256: doc.sha256,
    kind,
    errors: doc.errors,
    pageInfo: doc.pageInfo,
    ...(doc.encoding ? { encoding: doc.encoding } : {}),
    ...(doc.notes ? { notes: doc.notes } : {}),
  };
}

export async function processDocument(file: InputFile, options: PipelineOptions = {}): Promise<DocumentResult> {
  const patterns = options.patterns ?? loadPatterns();
  // ingest time counts the reading itself, not the wait for a free pool thread
  const reader = options.pdfReader ?? readPdfPages;
  let waited = 0;
  let read = 0;
  let raw: RawPage[] | undefined;
  const timedReader = async (data: Uint8Array): Promise<RawPage[]> => {
    const start = performance.now();
    raw = await reader(data);
    waited = performance.now() - start;
    read = (raw && pageWorkOf(raw)?.ms) ?? waited;
    return raw;
  };
  const t0 = performance.now();
  const onOcrPage = options.onOcrPage;
  const doc = await ingestDocument(
    file,
    timedReader,
    { ...options.ocr, ...(onOcrPage ? { onPage: (done: number, total: number) => onOcrPage(file.name, done, total) } : {}) },
    options.maxTextChars ?? maxTextCharsFromEnv(),
  );
  const ocrd = doc.pageInfo.some((p) => p.text === 'ocr');
  const t1 = performance.now();
  const analysis = { text: 0, dates: 0 };
  const extracted = doc.text.trim() ? extractDocument(doc, patterns, { referenceDate: options.referenceDate, timings: analysis }) : null;
  const events = extracted?.events ?? [];
  // each quote: null for text-layer text, else the mean OCR confidence of its words
  annotateOcr(events, doc);
  const t2 = performance.now();
  const shingle = patterns.data.checks.duplicate.shingleSize;
  const pages = pageTexts(doc);
  // a pool thread that read the pages fingerprinted them already (its time counts as ingest)
  const work = raw && !ocrd ? pageWorkOf(raw) : undefined;
  const fingerprints = work?.fingerprints && work.shingle === shingle ? work.fingerprints : pages.map((p) => fingerprintPage(p.num, p.text, shingle));
  const t3 = performance.now();
  const stageMs = { ingest: t1 - t0 - waited + read, extract: t2 - t1 - analysis.text - analysis.dates, text: analysis.text, dates: analysis.dates, fingerprint: t3 - t2 };
  const total = options.timings;
  if (total) {
    total.ingest += stageMs.ingest;
    total.text += stageMs.text;
    total.dates += stageMs.dates;
    total.extract += stageMs.extract;
    total.fingerprint += stageMs.fingerprint;
  }
  return { info: documentInfo(doc, extracted?.kind), events, fingerprints, pages, stageMs };
}

/**
 * The same file twice in a bundle (the same bytes under two names) is one document read once: both
 * names are listed, the copy with the id "<id>-2", no events of its own (they would count twice)
 * and a note naming the first; its errors name itself. `chartline process` and the queue's bundle
 * job both come through here, so both list copies alike (they differed: two ids in one, one in the
 * other, and the copy's error named the first file).
 */
export function markCopies(documents: readonly DocumentResult[]): DocumentResult[] {
  const first = new Map<string, string>();
  const count = new Map<string, number>();
  return documents.map((r) => {
    const original = first.get(r.info.sha256);
    if (original === undefined) {
      first.set(r.info.sha256, r.info.name);
      return r;
    }
    const n = (count.get(r.info.sha256) ?? 1) + 1;
    count.set(r.info.sha256, n);
    const errors = r.info.errors.map((e) => (e.message.startsWith(`${original}: `) ? { ...e, message: `${r.info.name}: ${e.message.slice(original.length + 2)}` } : e));
    const note = `the same file as ${original}: read once, its events are listed there`;
    return { ...r, info: { ...r.info, id: `${r.info.id.replace(/-\d+$/, '')}-${n}`, errors, notes: [...(r.info.notes ?? []), note] }, events: [] };
  });
}

export function buildTimeline(bundle: string, results: readonly DocumentResult[], options: PipelineOptions = {}): Timeline {
  const patterns = options.patterns ?? loadPatterns();
  const documents = markCopies(results);
  const t0 = performance.now();
  const flags = runChecks({ patterns, documents, referenceDate: options.referenceDate ?? new Date() });
  const t1 = performance.now();
  const timeline = assembleTimeline(bundle, documents, flags);
  fillOcrProvenance(timeline);
  if (options.timings) {
    options.timings.checks += t1 - t0;
    options.timings.timeline += performance.now() - t1;
  }
  return timeline;
}

const DONE: Promise<DocumentResult> = Promise.resolve({} as DocumentResult);

export interface BundleProgress {
  done: number;
  total: number;
  pages: number;
  current: string;
}

export async function processBundle(
  bundle: string,
  files: readonly InputFile[],
  options: PipelineOptions & {
    onProgress?: (p: BundleProgress) => void;
    /** each document's full result, page texts included, before they are dropped (`process --store` keeps them) */
    onDocument?: (result: DocumentResult, file: InputFile) => void | Promise<void>;
  } = {},
): Promise<Timeline> {
  const results: DocumentResult[] = [];
  let pages = 0;
  // documents started ahead of the one being collected; each settles on its own, collected in order
  const window = Math.max(1, Math.floor(options.concurrency ?? 1));
  const started: Promise<DocumentResult>[] = [];
  const startUpTo = (end: number) => {
    while (started.length < Math.min(end, files.length)) {
      const p = processDocument(files[started.length] as InputFile, options);
      // a failure is reported when its turn comes, not as an unhandled rejection meanwhile
      p.catch(() => undefined);
      started.push(p);
    }
  };
  for (const [i, file] of files.entries()) {
    options.onProgress?.({ done: i, total: files.length, pages, current: file.name });
    startUpTo(i + window);
    const r = await (started[i] as Promise<DocumentResult>);
    // collected: let go of the promise, which holds the page texts
    started[i] = DONE;
    await options.onDocument?.(r, file);
    // page texts are not part of the timeline; drop them so a long bundle does not hold every page
    results.push({ ...r, pages: [] });
    pages += r.info.pages;
  }
  options.onProgress?.({ done: files.length, total: files.length, pages, current: '' });
  return buildTimeline(bundle, results, options);
}
