// Worker-thread entry for the PDF reader pool (pdf-pool.ts): reads one PDF at a time with the same
// readPdfPages the main thread would use, so the page texts are the same; bad input comes back as
// the IngestError code and message readPdfPages gives. While the pages are at hand it also does the
// per-page work that needs nothing else of the document's analysis: cleanPages, and (when asked) the
// duplicate check's page fingerprints of the clean text — the same functions the main thread would
// call, on the same input.
import { parentPort } from 'node:worker_threads';
import { fingerprintPage, type PageFingerprint } from '../checks/fingerprint.js';
import { cleanPages, type CleanPage } from './clean-pages.js';
import { IngestError } from './ingest-error.js';
import { readPdfPages, type RawPage } from './read-pdf.js';

export interface PdfTask {
  id: number;
  data: Uint8Array;
  /** fingerprint the clean pages with this shingle size */
  shingle?: number;
}

export type PdfReply =
  | { id: number; ok: true; pages: RawPage[]; clean: CleanPage[]; fingerprints?: PageFingerprint[]; shingle?: number; ms: number }
  | { id: number; ok: false; ingest: boolean; code?: IngestError['code']; name: string; message: string };

async function read(task: PdfTask): Promise<PdfReply> {
  const t0 = performance.now();
  const pages = await readPdfPages(task.data);
  const clean = cleanPages(pages);
  const shingle = task.shingle;
  const fingerprints = shingle === undefined ? undefined : clean.map((p) => fingerprintPage(p.num, p.text, shingle));
  return { id: task.id, ok: true, pages, clean, ...(fingerprints ? { fingerprints, shingle } : {}), ms: performance.now() - t0 };
}

const port = parentPort;
if (!port) throw new Error('pdf-thread.js runs as a worker thread, started by the PDF reader pool');
port.on('message', (task: PdfTask) => {
  read(task).then(
    (reply) => port.postMessage(reply),
    (err: unknown) => {
      const e = err instanceof Error ? err : new Error(String(err));
      const ingest = e instanceof IngestError;
      port.postMessage({ id: task.id, ok: false, ingest, ...(ingest ? { code: e.code } : {}), name: e.name, message: e.message } satisfies PdfReply);
    },
  );
});
