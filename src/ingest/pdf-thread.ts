// Worker-thread entry for the PDF reader pool (pdf-pool.ts): reads one PDF at a time with the same
// readPdfPages the main thread would use, so the page texts are the same; bad input comes back as
// the IngestError code and message readPdfPages gives. While the pages are at hand it also does the
// per-page work that needs nothing else of the document's analysis: cleanPages, and (when asked) the
// duplicate check's page fingerprints of the clean text — the same functions the main thread would
// call, on the same input.
import type { PageFingerprint } from '../model/page-fingerprint.js';
import { fingerprintPage } from './fingerprint.js';
import { serveTasks } from '../thread-pool.js';
import { cleanPages, type CleanPage } from './clean-pages.js';
import { preloadPdfReader, readPdfPages, type RawPage } from './read-pdf.js';

export interface PdfTask {
  data: Uint8Array;
  /** fingerprint the clean pages with this shingle size */
  shingle?: number;
  /** clean the pages here (else the caller does) */
  clean: boolean;
}

export interface PdfResult {
  pages: RawPage[];
  clean?: CleanPage[];
  fingerprints?: PageFingerprint[];
  shingle?: number;
  /** ms the thread spent on the document */
  ms: number;
}

async function read(task: PdfTask): Promise<PdfResult> {
  const t0 = performance.now();
  const pages = await readPdfPages(task.data);
  const shingle = task.shingle;
  // fingerprints are of the clean text: asking for them means cleaning here too
  const clean = task.clean || shingle !== undefined ? cleanPages(pages) : undefined;
  const fingerprints = shingle === undefined || !clean ? undefined : clean.map((p) => fingerprintPage(p.num, p.text, shingle));
  return { pages, ...(clean ? { clean } : {}), ...(fingerprints ? { fingerprints, shingle } : {}), ms: performance.now() - t0 };
}

serveTasks(read);
// pdf.js takes ~0.1 s to load; a thread starts before the caller has its first document ready
preloadPdfReader().catch(() => undefined);
