// The OCR threads: a ThreadPool of ocr-thread.js, each thread with one Tesseract created once and
// reused for every page it reads. Pages of every document go into one queue, so a single 40-page fax
// keeps every core busy as well as a bundle of one-page faxes does; the calling thread only posts
// pages and collects text (a queue worker's job locks renew on time however long OCR takes).
//
// One pool serves the whole process (`ocrPool()`), started on the first page that needs OCR: a bundle
// of text PDFs never starts Tesseract. Its threads are unref'd when idle, so they never keep a
// finished process alive.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ThreadPool } from '../thread-pool.js';
import { IngestError } from './ingest-error.js';
import type { OcrResult, OcrTask } from './ocr-thread.js';

export type { OcrResult, OcrTask } from './ocr-thread.js';

export function ocrThreadScript(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const beside = join(here, 'ocr-thread.js');
  if (existsSync(beside)) return beside;
  let dir = here;
  for (let i = 0; i < 5; i++) {
    const candidate = join(dir, 'dist', 'src', 'ingest', 'ocr-thread.js');
    if (existsSync(candidate)) return candidate;
    dir = dirname(dir);
  }
  throw new Error('cannot find the compiled dist/src/ingest/ocr-thread.js: run `npm run build` first');
}

/** OCR threads: CHARTLINE_OCR_THREADS, else one per CPU. */
export function ocrThreadsFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.CHARTLINE_OCR_THREADS;
  if (raw === undefined || raw === '') return availableParallelism();
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new Error(`CHARTLINE_OCR_THREADS must be a positive whole number, not "${raw}"`);
  return n;
}

export class OcrPool {
  readonly size: number;
  private readonly pool: ThreadPool<OcrTask, OcrResult>;

  constructor(options: { size?: number; script?: string; timeoutMs?: number } = {}) {
    this.pool = new ThreadPool<OcrTask, OcrResult>({
      size: options.size ?? ocrThreadsFromEnv(),
      script: options.script ?? ocrThreadScript(),
      // one page queued behind the one being read: the next page's picture is ready when Tesseract is
      depth: 2,
      // a page Tesseract cannot finish in this time is given up (a thread stuck in native code)
      timeoutMs: options.timeoutMs ?? 120_000,
      taskError: (e) => (e.name === 'IngestError' && e.code ? new IngestError(e.code as IngestError['code'], e.message) : Object.assign(new Error(e.message), { name: e.name })),
      lostError: (reason) => new IngestError('unreadable', `OCR stopped on this page (${reason})`),
      timeoutError: (ms) => new IngestError('unreadable', `OCR gave up on this page after ${Math.round(ms / 1000)} s`),
      closedMessage: 'the OCR pool',
    });
    this.size = this.pool.size;
  }

  /** Starts the threads' Tesseracts now (~0.3 s each), before the first page is ready. */
  warm(): void {
    this.pool.warm();
  }

  read(task: OcrTask): Promise<OcrResult> {
    return this.pool.run(task);
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}

let shared: OcrPool | undefined;

/** The process's OCR pool, started on first use. */
export function ocrPool(): OcrPool {
  shared ??= new OcrPool();
  return shared;
}

/** Stops the process's OCR pool (tests, and a CLI command that wants its threads gone at once). */
export async function closeOcrPool(): Promise<void> {
  const p = shared;
  shared = undefined;
  await p?.close();
}
