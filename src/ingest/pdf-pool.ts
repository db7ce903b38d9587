// A pool of worker threads reading PDFs (a ThreadPool of pdf-thread.js), for `chartline process`:
// pdf-parse (pdf.js) is the costliest step and runs on one thread at a time, so with a pool several
// documents are read at once while the calling thread analyses the ones already read. `pool.read` is a drop-in
// PipelineOptions.pdfReader: same page texts, same IngestError codes as readPdfPages.
// The threads also clean the pages and, with `fingerprintShingle`, fingerprint them (pageWorkOf);
// ingestDocument and processDocument use that work instead of doing it again on the calling thread.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker as Thread } from 'node:worker_threads';
import type { PageFingerprint } from '../model/page-fingerprint.js';
import { ThreadPool } from '../thread-pool.js';
import type { CleanPage } from './clean-pages.js';
import { IngestError } from './ingest-error.js';
import type { PdfResult, PdfTask } from './pdf-thread.js';
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
  script?: string | URL;
  /** heap of each reader thread (V8 old generation, MB); default: V8's */
  maxMemoryMb?: number;
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

/** The prestarted thread, once, if it runs the same script and is still alive. */
function takePrestarted(script: string): Thread | undefined {
  const early = prestarted?.script === script && prestarted.thread.threadId >= 0 ? prestarted.thread : undefined;
  prestarted = undefined;
  return early;
}

export class PdfPool {
  readonly size: number;
  readonly depth: number;
  /** fingerprint the clean pages with this shingle size (set it before the first read) */
  fingerprintShingle: number | undefined;
  /** clean the pages on the threads (set it before the first read) */
  clean: boolean;
  private readonly pool: ThreadPool<PdfTask, PdfResult>;
  /** reads started by prefetch, handed out by read for the same bytes */
  private readonly prefetched = new Map<Uint8Array, Promise<RawPage[]>>();

  constructor(options: PdfPoolOptions = {}) {
    const script = options.script ?? pdfThreadScript();
    this.pool = new ThreadPool<PdfTask, PdfResult>({
      size: options.size ?? availableParallelism(),
      script,
      threadOptions: options.maxMemoryMb ? { resourceLimits: { ...THREAD_OPTIONS.resourceLimits, maxOldGenerationSizeMb: options.maxMemoryMb } } : THREAD_OPTIONS,
      depth: options.depth ?? 2,
      // bad input comes back as the IngestError readPdfPages gave
      taskError: (e) => (e.name === 'IngestError' && e.code ? new IngestError(e.code as IngestError['code'], e.message) : Object.assign(new Error(e.message), { name: e.name })),
      // a reader that dies fails its document like an unreadable PDF; one that runs out of memory on
      // it (a 1 MB PDF that expands to 1 GB of text) says the document is too large
      lostError: (reason, code) =>
        code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? new IngestError('too_large', `too large to read: the PDF reader ran out of memory on it (${reason})`)
          : new IngestError('unreadable', `the PDF could not be read (the reader stopped: ${reason})`),
      closedMessage: 'the PDF reader pool',
      adopt: () => (typeof script === 'string' ? takePrestarted(script) : undefined),
    });
    this.size = this.pool.size;
    this.depth = this.pool.depth;
    this.fingerprintShingle = options.fingerprintShingle;
    this.clean = options.clean ?? true;
    // one thread starts now, loading pdf.js while the caller starts up; the others when there is work
    // for them (a single small document does not pay for threads it cannot use)
    this.pool.warm();
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

  private async post(data: Uint8Array): Promise<RawPage[]> {
    const result = await this.pool.run({ data, clean: this.clean, ...(this.fingerprintShingle === undefined ? {} : { shingle: this.fingerprintShingle }) });
    pageWork.set(result.pages, { ms: result.ms, ...(result.clean ? { clean: result.clean } : {}), ...(result.fingerprints ? { fingerprints: result.fingerprints, shingle: result.shingle } : {}) });
    return result.pages;
  }

  /** Stops the threads; reads still queued or running are rejected. */
  async close(): Promise<void> {
    this.prefetched.clear();
    await this.pool.close();
  }
}
