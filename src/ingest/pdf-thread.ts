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
import { preloadPdfReader, readPdfPages, type RawPage } from './read-pdf.js';

export interface PdfTask {
  id: number;
  data: Uint8Array;
  /** fingerprint the clean pages with this shingle size */
  shingle?: number;
  /** clean the pages here (else the caller does) */
  clean: boolean;
}

export type PdfReply =
  | { id: number; ok: true; pages: RawPage[]; clean?: CleanPage[]; fingerprints?: PageFingerprint[]; shingle?: number; ms: number }
  | { id: number; ok: false; ingest: boolean; code?: IngestError['code']; name: string; message: string };

async function read(task: PdfTask): Promise<PdfReply> {
  const t0 = performance.now();
  const pages = await readPdfPages(task.data);
  const shingle = task.shingle;
  // fingerprints are of the clean text: asking for them means cleaning here too
  const clean = task.clean || shingle !== undefined ? cleanPages(pages) : undefined;
  const fingerprints = shingle === undefined || !clean ? undefined : clean.map((p) => fingerprintPage(p.num, p.text, shingle));
  return { id: task.id, ok: true, pages, ...(clean ? { clean } : {}), ...(fingerprints ? { fingerprints, shingle } : {}), ms: performance.now() - t0 };
}

const port = parentPort;
if (!port) throw new Error('pdf-thread.js runs as a worker thread, started by the PDF reader pool');
// pdf.js takes ~0.1 s to load; a thread starts before the caller has its first document ready
preloadPdfReader().catch(() => undefined);
// The pool posts documents ahead; they are read one at a time, in the order they came (the replies
// must come back in that order, and two documents interleaved in pdf.js would each take longer).
const handle = (task: PdfTask): Promise<void> =>
  read(task).then(
    (reply) => port.postMessage(reply),
    (err: unknown) => {
      const e = err instanceof Error ? err : new Error(String(err));
      const ingest = e instanceof IngestError;
      port.postMessage({ id: task.id, ok: false, ingest, ...(ingest ? { code: e.code } : {}), name: e.name, message: e.message } satisfies PdfReply);
    },
  );
let previous: Promise<void> = Promise.resolve();
port.on('message', (task: PdfTask) => {
  previous = previous.then(() => handle(task));
});
