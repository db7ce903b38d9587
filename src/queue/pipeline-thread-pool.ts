// Runs the pure pipeline in worker threads. pdf-parse holds the event loop for the whole parse (a
// 200-page PDF: 0.7–2.3 s); on the worker's own thread that would stop BullMQ renewing its job
// locks, the job would count as stalled and a second worker would read the same document again.
// Here the worker's thread only moves messages, so locks renew on time however long a PDF takes.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker as Thread } from 'node:worker_threads';
import type { DocumentResult } from '../pipeline.js';

/** One document through the pipeline (the bundle's timeline is built on the worker's own thread). */
export interface PipelineTask {
  /** the original in the blob store; read inside the thread */
  blobPath: string;
  sha256: string;
  name: string;
  /** YYYY-MM-DD */
  referenceDate: string;
}

export type ThreadReply = { id: number; ok: true; value: DocumentResult } | { id: number; ok: false; error: { name: string; message: string } };

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

interface Pending {
  id: number;
  task: PipelineTask;
  resolve: (value: DocumentResult) => void;
  reject: (err: Error) => void;
}

interface Slot {
  thread: Thread;
  current: Pending | null;
  timer: NodeJS.Timeout | null;
}

export class PipelineThreadPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Pending[] = [];
  private nextId = 1;
  private closed = false;
  private readonly script: string;

  constructor(
    readonly size: number,
    private readonly options: { timeoutMs: number; script?: string },
  ) {
    this.script = options.script ?? pipelineThreadScript();
  }

  processDocument(task: PipelineTask): Promise<DocumentResult> {
    if (this.closed) return Promise.reject(new Error('the pipeline thread pool is closed'));
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, task, resolve, reject });
      this.dispatch();
    });
  }

  /** Stops every thread; tasks still queued or running are rejected. */
  async close(): Promise<void> {
    this.closed = true;
    for (const p of this.queue.splice(0)) p.reject(new Error('the pipeline thread pool closed'));
    await Promise.all(this.slots.splice(0).map((s) => this.stop(s, new Error('the pipeline thread pool closed'))));
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      let slot = this.slots.find((s) => s.current === null);
      if (!slot && this.slots.length < this.size) slot = this.spawn();
      if (!slot) return;
      const pending = this.queue.shift() as Pending;
      slot.current = pending;
      slot.thread.ref();
      slot.timer = setTimeout(() => {
        void this.stop(slot, new PipelineTimeoutError(`gave up after ${Math.round(this.options.timeoutMs / 1000)} s (CHARTLINE_DOCUMENT_TIMEOUT_MS)`));
      }, this.options.timeoutMs);
      slot.thread.postMessage({ id: pending.id, task: pending.task });
    }
  }

  private spawn(): Slot {
    const thread = new Thread(this.script);
    const slot: Slot = { thread, current: null, timer: null };
    thread.on('message', (reply: ThreadReply) => {
      const pending = slot.current;
      if (!pending || pending.id !== reply.id) return;
      this.finish(slot);
      if (reply.ok) pending.resolve(reply.value);
      else pending.reject(new PipelineTaskError(reply.error.name, reply.error.message));
      this.dispatch();
    });
    // a thread that dies (out of memory, a crash in native code) fails its task, which BullMQ retries
    const lost = (reason: string) => {
      const i = this.slots.indexOf(slot);
      if (i >= 0) this.slots.splice(i, 1);
      const pending = slot.current;
      this.finish(slot);
      pending?.reject(new Error(`the pipeline thread stopped: ${reason}`));
      if (!this.closed) this.dispatch();
    };
    thread.on('error', (err) => lost(err.message));
    thread.on('exit', (code) => lost(`exit code ${code}`));
    // an idle thread must not keep a finished process alive; a busy one does (ref() in dispatch)
    thread.unref();
    this.slots.push(slot);
    return slot;
  }

  private finish(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    slot.current = null;
    slot.thread.unref();
  }

  private async stop(slot: Slot, reason: Error): Promise<void> {
    const i = this.slots.indexOf(slot);
    if (i >= 0) this.slots.splice(i, 1);
    const pending = slot.current;
    this.finish(slot);
    slot.thread.removeAllListeners('exit');
    slot.thread.removeAllListeners('error');
    // a terminated thread may still report an error; nothing waits for it any more
    slot.thread.on('error', () => undefined);
    pending?.reject(reason);
    await slot.thread.terminate();
    if (!this.closed) this.dispatch();
  }
}
