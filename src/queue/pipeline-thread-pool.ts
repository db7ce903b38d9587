// Runs the pure pipeline in worker threads. pdf-parse holds the event loop for the whole parse (a
// 200-page PDF: 0.7–2.3 s); on the worker's own thread that would stop BullMQ renewing its job
// locks, the job would count as stalled and a second worker would read the same document again.
// Here the worker's thread only moves messages, so locks renew on time however long a PDF takes.
// A ThreadPool of workers/pipeline-thread.js, one document at a time per thread, with a time limit.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DocumentResult } from '../model/document-result.js';
import type { Timeline } from '../schema.js';
import { ThreadPool } from '../thread-pool.js';

/** One document through the pipeline (the bundle's timeline is built on the worker's own thread). */
export interface PipelineTask {
  /** the original in the blob store; read inside the thread */
  blobPath: string;
  sha256: string;
  name: string;
  /** YYYY-MM-DD */
  referenceDate: string;
}

/** A bundle's timeline (checks and merge) built on a pipeline thread: see BIG_BUNDLE_EVENTS in workers/bundle-job.ts. */
export interface TimelineTask {
  kind: 'timeline';
  bundle: string;
  documents: DocumentResult[];
  /** YYYY-MM-DD */
  referenceDate: string;
}

/** The task failed inside the pipeline; name tells what, e.g. "DamagedBlobError" or "PatternError". */
export class PipelineTaskError extends Error {
  constructor(name: string, message: string) {
    super(message);
    this.name = name;
  }
}

/** The task ran longer than allowed; its thread was stopped. */
export class PipelineTimeoutError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PipelineTimeoutError';
  }
}

/**
 * The thread ran out of memory on the document. The same bytes would do it again: BullMQ must not
 * retry it (a 95 MB upload was retried five times as "transient", 8 minutes, before it failed).
 */
export class PipelineOutOfMemoryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PipelineOutOfMemoryError';
  }
}

/** Where the compiled thread entry is: beside this file when built, dist/ when running from sources (vitest). */
export function pipelineThreadScript(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const built = resolve(here, '../../workers/pipeline-thread.js');
  if (existsSync(built)) return built;
  let dir = here;
  for (let i = 0; i < 5; i++) {
    const candidate = join(dir, 'dist', 'workers', 'pipeline-thread.js');
    if (existsSync(candidate)) return candidate;
    dir = dirname(dir);
  }
  throw new Error('cannot find the compiled dist/workers/pipeline-thread.js: run `npm run build` first');
}

export class PipelineThreadPool {
  private readonly pool: ThreadPool<PipelineTask | TimelineTask, DocumentResult | Timeline>;

  constructor(
    readonly size: number,
    options: { timeoutMs: number; script?: string | URL /** heap of each thread (V8 old generation), MB */; maxMemoryMb?: number },
  ) {
    this.pool = new ThreadPool<PipelineTask | TimelineTask, DocumentResult | Timeline>({
      size,
      script: options.script ?? pipelineThreadScript(),
      ...(options.maxMemoryMb ? { threadOptions: { resourceLimits: { maxOldGenerationSizeMb: options.maxMemoryMb } } } : {}),
      timeoutMs: options.timeoutMs,
      taskError: (e) => new PipelineTaskError(e.name, e.message),
      // out of memory: the document is too large, for good; any other death (a crash in native code)
      // fails the task, which BullMQ retries
      lostError: (reason, code) =>
        code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? new PipelineOutOfMemoryError(`too large to read: the pipeline thread ran out of memory on it (${reason})`)
          : new Error(`the pipeline thread stopped: ${reason}`),
      timeoutError: (ms) => new PipelineTimeoutError(`gave up after ${Math.round(ms / 1000)} s (CHARTLINE_DOCUMENT_TIMEOUT_MS)`),
      closedMessage: 'the pipeline thread pool',
    });
  }

  /** `onOcrPage` follows OCR of the document's scanned pages, a page at a time. */
  processDocument(task: PipelineTask, onOcrPage?: (done: number, total: number) => void): Promise<DocumentResult> {
    return this.pool.run(
      task,
      onOcrPage &&
        ((p) => {
          const { done, total } = p as { done: number; total: number };
          onOcrPage(done, total);
        }),
    ) as Promise<DocumentResult>;
  }

  /** buildTimeline on a pipeline thread, off the thread that renews job locks and answers HTTP. */
  buildTimeline(task: Omit<TimelineTask, 'kind'>): Promise<Timeline> {
    return this.pool.run({ kind: 'timeline', ...task }) as Promise<Timeline>;
  }

  /** Stops every thread; tasks still queued or running are rejected. */
  close(): Promise<void> {
    return this.pool.close();
  }
}
