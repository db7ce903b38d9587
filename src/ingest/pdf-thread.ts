// Worker-thread entry for the PDF reader pool (pdf-pool.ts): reads one PDF at a time with the same
// readPdfPages the main thread would use, so the page texts are the same; bad input comes back as
// the IngestError code and message readPdfPages gives.
import { parentPort } from 'node:worker_threads';
import { IngestError } from './ingest-error.js';
import { readPdfPages } from './read-pdf.js';

export interface PdfTask {
  id: number;
  data: Uint8Array;
}

export type PdfReply =
  | { id: number; ok: true; pages: { num: number; text: string }[]; ms: number }
  | { id: number; ok: false; ingest: boolean; code?: IngestError['code']; name: string; message: string };

const port = parentPort;
if (!port) throw new Error('pdf-thread.js runs as a worker thread, started by the PDF reader pool');
port.on('message', (task: PdfTask) => {
  const t0 = performance.now();
  readPdfPages(task.data).then(
    (pages) => port.postMessage({ id: task.id, ok: true, pages, ms: performance.now() - t0 } satisfies PdfReply),
    (err: unknown) => {
      const e = err instanceof Error ? err : new Error(String(err));
      const ingest = e instanceof IngestError;
      port.postMessage({ id: task.id, ok: false, ingest, ...(ingest ? { code: e.code } : {}), name: e.name, message: e.message } satisfies PdfReply);
    },
  );
});
