// The pure pipeline, end to end: files → documents → events → timeline → flags.
// The CLI, the queue workers and the API all call these functions.
import { assembleTimeline } from './timeline/build-timeline.js';
import { runChecks } from './checks/run-checks.js';
import { fingerprintPage, type PageFingerprint } from './checks/fingerprint.js';
import { extractDocument } from './extract/extract-document.js';
import { ingestDocument, type InputFile, type IngestedDocument } from './ingest/ingest-document.js';
import type { RawPage } from './ingest/read-pdf.js';
import { loadPatterns, type Patterns } from './patterns/load-patterns.js';
import type { DocumentInfo, Timeline, TimelineEvent } from './schema.js';

export interface PipelineOptions {
  patterns?: Patterns;
  /** "today": two-digit years and future-date checks are read against it; tests pass a fixed one */
  referenceDate?: Date;
  /** replaces pdf-parse on the calling thread, e.g. by a worker-thread pool */
  pdfReader?: (data: Uint8Array) => Promise<RawPage[]>;
}

export interface PageText {
  num: number;
  text: string;
}

/** Everything the timeline and the checks need from one document; JSON-serialisable for queue jobs. */
export interface DocumentResult {
  info: DocumentInfo;
  events: TimelineEvent[];
  fingerprints: PageFingerprint[];
  /** the clean page texts every source offset refers to (kept for storage and the source viewer) */
  pages: PageText[];
  stageMs: { ingest: number; extract: number };
}

export function pageTexts(doc: IngestedDocument): PageText[] {
  return doc.pages.map((p) => ({ num: p.num, text: doc.text.slice(p.offset, p.offset + p.length) }));
}

export function documentInfo(doc: IngestedDocument): DocumentInfo {
  return { id: doc.id, name: doc.name, pages: doc.pages.length, sha256: doc.sha256, errors: doc.errors };
}

export async function processDocument(file: InputFile, options: PipelineOptions = {}): Promise<DocumentResult> {
  const patterns = options.patterns ?? loadPatterns();
  const t0 = performance.now();
  const doc = await ingestDocument(file, options.pdfReader);
  const t1 = performance.now();
  const events = doc.text.trim() ? extractDocument(doc, patterns, { referenceDate: options.referenceDate }).events : [];
  const t2 = performance.now();
  const shingle = patterns.data.checks.duplicate.shingleSize;
  const pages = pageTexts(doc);
  return {
    info: documentInfo(doc),
    events,
    fingerprints: pages.map((p) => fingerprintPage(p.num, p.text, shingle)),
    pages,
    stageMs: { ingest: t1 - t0, extract: t2 - t1 },
  };
}

export function buildTimeline(bundle: string, documents: readonly DocumentResult[], options: PipelineOptions = {}): Timeline {
  const patterns = options.patterns ?? loadPatterns();
  const flags = runChecks({ patterns, documents, referenceDate: options.referenceDate ?? new Date() });
  return assembleTimeline(bundle, documents, flags);
}

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
  for (const [i, file] of files.entries()) {
    options.onProgress?.({ done: i, total: files.length, pages, current: file.name });
    const r = await processDocument(file, options);
    await options.onDocument?.(r, file);
    // page texts are not part of the timeline; drop them so a long bundle does not hold every page
    results.push({ ...r, pages: [] });
    pages += r.info.pages;
  }
  options.onProgress?.({ done: files.length, total: files.length, pages, current: '' });
  return buildTimeline(bundle, results, options);
}
