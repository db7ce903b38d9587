// A pool of worker threads reading PDFs, for `chartline process`: pdf-parse (pdf.js) is the
// costliest step and runs on one thread at a time, so with a pool several documents are read at
// once while the calling thread analyses the ones already read. `pool.read` is a drop-in
// PipelineOptions.pdfReader: same page texts, same IngestError codes as readPdfPages.
// The threads also clean the pages and, with `fingerprintShingle`, fingerprint them (pageWorkOf);
// ingestDocument and processDocument use that work instead of doing it again on the calling thread.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker as Thread } from 'node:worker_threads';
import type { PageFingerprint } from '../checks/fingerprint.js';
import type { CleanPage } from './clean-pages.js';
import { IngestError } from './ingest-error.js';
import type { PdfReply, PdfTask } from './pdf-thread.js';
import type { RawPage } from './read-pdf.js';

export interface PdfPoolOptions {
  /** threads; default: the number of CPUs */
  size?: number;
  /**
   * documents posted to one thread ahead of the one it reads (default 2). The pool's queue lives on the
   * calling thread, which may be busy analysing a document for tens of ms: a thread with only its
   * current document would wait that long for the next one after finishing.
   */
  depth?: number;
  /** the compiled thread entry; found beside this file, or in dist/ when running from sources */
  script?: string;
  /** also fingerprint the clean pages for the duplicate check, with this shingle size */
  fingerprintShingle?: number;
  /** clean the pages on the reader threads (default true); false leaves it to the caller */
  clean?: boolean;
}

/** What a pool thread did with a document's pages besides reading them. */
export interface PageWork {
  /** ms the thread spent on the document */
  ms: number;
  /** cleanPages of the raw pages, when the thread cleaned them */
  clean?: CleanPage[];
  fingerprints?: PageFingerprint[];
  /** the shingle size the fingerprints were made with */
  shingle?: number;
}

interface Pending {
  id: number;
  data: Uint8Array;
  resolve: (pages: RawPage[]) => void;
  reject: (err: Error) => void;
}

interface Slot {
  thread: Thread;
  /** posted to the thread, oldest first; it reads them one at a time, in that order */
  posted: Pending[];
}

const pageWork = new WeakMap<readonly RawPage[], PageWork>();

/** The thread's work on pages `pool.read` returned; undefined for pages read any other way. */
export function pageWorkOf(pages: readonly RawPage[]): PageWork | undefined {
  return pageWork.get(pages);
}

export function pdfThreadScript(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const beside = join(here, 'pdf-thread.js');
  if (existsSync(beside)) return beside;
  let dir = here;
  for (let i = 0; i < 5; i++) {
    const candidate = join(dir, 'dist', 'src', 'ingest', 'pdf-thread.js');
    if (existsSync(candidate)) return candidate;
    dir = dirname(dir);
  }
  throw new Error('cannot find the compiled dist/src/ingest/pdf-thread.js: run `npm run build` first');
}

// a larger young generation: pdf.js makes many short-lived objects per page (fewer scavenges)
const THREAD_OPTIONS = { resourceLimits: { maxYoungGenerationSizeMb: 64 } };

let prestarted: { script: string; thread: Thread } | undefined;

/**
 * Starts one reader thread before anything else is loaded: `chartline process` calls it first thing,
 * so pdf.js loads while the command line is parsed and the files are read (~40 ms sooner); the
 * first PdfPool takes it. Left untaken (a single text file), it is idle and unref'd.
 */
export function prestartReader(script = pdfThreadScript()): void {
  if (prestarted) return;
  const thread = new Thread(script, THREAD_OPTIONS);
  thread.unref();
  // an error before a pool takes it is the pool's to see (its 'error' and 'exit' listeners); until
  // then nothing may crash the process over a thread nobody uses yet
  thread.on('error', () => undefined);
  prestarted = { script, thread };
}

export class PdfPool {
  readonly size: number;
  readonly depth: number;
  private readonly script: string;
  /** fingerprint the clean pages with this shingle size (set it before the first read) */
  fingerprintShingle: number | undefined;
  /** clean the pages on the threads (set it before the first read) */
  clean: boolean;
  private readonly slots: Slot[] = [];
  private readonly queue: Pending[] = [];
  private nextId = 1;
  private closed = false;
  /** reads started by prefetch, handed out by read for the same bytes */
  private readonly prefetched = new Map<Uint8Array, Promise<RawPage[]>>();

  constructor(options: PdfPoolOptions = {}) {
    this.size = Math.max(1, options.size ?? availableParallelism());
    this.depth = Math.max(1, Math.floor(options.depth ?? 2));
    this.script = options.script ?? pdfThreadScript();
    this.fingerprintShingle = options.fingerprintShingle;
    this.clean = options.clean ?? true;
    // one thread starts now, loading pdf.js while the caller starts up; the others when there is work
    // for them (a single small document does not pay for threads it cannot use)
    this.spawn();
  }

  /**
   * Starts reading these documents now; `read` of the same bytes (the same Uint8Array) then returns
   * that read. `chartline process` prefetches the first documents of a bundle while it is still
   * loading the analysis (~0.1 s), so the reader thread starts at once.
   */
  prefetch(documents: readonly Uint8Array[]): void {
    for (const data of documents) {
      if (this.prefetched.has(data)) continue;
      const p = this.post(data);
      // a failure is the caller's when it reads these bytes, not an unhandled rejection meanwhile
      p.catch(() => undefined);
      this.prefetched.set(data, p);
    }
  }

  /** A PipelineOptions.pdfReader. The bytes are copied to the thread; the caller keeps its own. */
  readonly read = (data: Uint8Array): Promise<RawPage[]> => {
    const early = this.prefetched.get(data);
    if (early) {
      this.prefetched.delete(data);
      return early;
    }
    return this.post(data);
  };

  private post(data: Uint8Array): Promise<RawPage[]> {
    if (this.closed) return Promise.reject(new Error('the PDF reader pool is closed'));
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, data, resolve, reject });
      this.dispatch();
    });
  }

  /** Stops the threads; reads still queued or running are rejected. */
  async close(): Promise<void> {
    this.closed = true;
    this.prefetched.clear();
    for (const p of this.queue.splice(0)) p.reject(new Error('the PDF reader pool closed'));
    await Promise.all(
      this.slots.splice(0).map(async (slot) => {
        slot.thread.removeAllListeners();
        slot.thread.on('error', () => undefined);
        for (const p of slot.posted.splice(0)) p.reject(new Error('the PDF reader pool closed'));
        await slot.thread.terminate();
      }),
    );
  }

  private dispatch(): void {
    while (this.queue.length > 0 && !this.closed) {
      // an idle thread first, then a new one, then the least loaded below the depth
      let slot = this.slots.find((s) => s.posted.length === 0);
      if (!slot && this.slots.length < this.size) slot = this.spawn();
      slot ??= this.slots.filter((s) => s.posted.length < this.depth).sort((a, b) => a.posted.length - b.posted.length)[0];
      if (!slot) return;
      const pending = this.queue.shift() as Pending;
      slot.posted.push(pending);
      slot.thread.ref();
      slot.thread.postMessage({ id: pending.id, data: pending.data, clean: this.clean, ...(this.fingerprintShingle === undefined ? {} : { shingle: this.fingerprintShingle }) } satisfies PdfTask);
    }
  }

  private spawn(): Slot {
    const early = prestarted?.script === this.script && prestarted.thread.threadId >= 0 ? prestarted.thread : undefined;
    prestarted = undefined;
    const thread = early ?? new Thread(this.script, THREAD_OPTIONS);
    const slot: Slot = { thread, posted: [] };
    thread.on('message', (reply: PdfReply) => {
      const pending = slot.posted[0];
      if (!pending || pending.id !== reply.id) return;
      slot.posted.shift();
      if (slot.posted.length === 0) thread.unref();
      if (reply.ok) {
        pageWork.set(reply.pages, { ms: reply.ms, ...(reply.clean ? { clean: reply.clean } : {}), ...(reply.fingerprints ? { fingerprints: reply.fingerprints, shingle: reply.shingle } : {}) });
        pending.resolve(reply.pages);
      } else if (reply.ingest && reply.code) {
        pending.reject(new IngestError(reply.code, reply.message));
      } else {
        pending.reject(Object.assign(new Error(reply.message), { name: reply.name }));
      }
      this.dispatch();
    });
    // a thread that dies (out of memory, a crash in native code) fails the document it was reading,
    // like an unreadable PDF; the ones posted behind it go back to the front of the queue, and the
    // next read starts a fresh thread
    const lost = (reason: string) => {
      const i = this.slots.indexOf(slot);
      if (i >= 0) this.slots.splice(i, 1);
      const [reading, ...waiting] = slot.posted.splice(0);
      reading?.reject(new IngestError('unreadable', `the PDF could not be read (the reader stopped: ${reason})`));
      this.queue.unshift(...waiting);
      if (!this.closed) this.dispatch();
    };
    thread.on('error', (err) => lost(err.message));
    thread.on('exit', (code) => lost(`exit code ${code}`));
    // an idle thread must not keep a finished process alive
    thread.unref();
    this.slots.push(slot);
    return slot;
  }
}
