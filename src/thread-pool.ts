// A pool of worker threads running one kind of task, for the PDF readers of `chartline process`
// (src/ingest/pdf-pool.ts) and the pipeline threads of the queue workers (src/queue/pipeline-thread-pool.ts).
// A thread script answers each posted { id, task } with { id, ok: true, value } or { id, ok: false,
// error }, one task at a time, in the order they came (serveTasks below does that side).
//
// - `depth` tasks are posted to a thread ahead of the one it runs: the pool's queue lives on the
//   calling thread, which may be busy for tens of ms, and a thread holding only its current task
//   would wait that long for the next one.
// - `timeoutMs` stops a thread whose task runs too long; the task fails with the pool's timeout error.
// - A thread that dies (out of memory, a crash in native code) fails the task it was running; the
//   tasks posted behind it go back to the front of the queue, and the next dispatch starts a new thread.
// - Idle threads are unref'd: they never keep a finished process alive.
import { parentPort, Worker as Thread, type WorkerOptions } from 'node:worker_threads';

export interface ThreadError {
  name: string;
  message: string;
  /** an error code the task's caller understands (e.g. an IngestError code) */
  code?: string;
}

export type ThreadReply<R> = { id: number; ok: true; value: R } | { id: number; ok: false; error: ThreadError };
/** A message a thread sends while it runs a task (e.g. "OCR page 3 of 12"); the task goes on. */
export interface ThreadProgress {
  id: number;
  progress: unknown;
}

export interface ThreadPoolOptions {
  size: number;
  /** the compiled thread entry */
  script: string | URL;
  threadOptions?: WorkerOptions;
  /** tasks posted to one thread ahead of the one it runs (default 1: none ahead) */
  depth?: number;
  /** stop a thread whose task runs longer; its task fails with timeoutError */
  timeoutMs?: number;
  /** the error of a task that failed in its thread */
  taskError: (error: ThreadError) => Error;
  /** the error of the task a thread was running when it died; code: e.g. ERR_WORKER_OUT_OF_MEMORY */
  lostError: (reason: string, code?: string) => Error;
  /** the error of a task that ran longer than timeoutMs */
  timeoutError?: (ms: number) => Error;
  /** what the pool says when used after close(), and to the tasks close() cancels */
  closedMessage?: string;
  /** a thread started earlier to use first (e.g. before the program loaded), if it is still alive */
  adopt?: () => Thread | undefined;
}

interface Pending<T, R> {
  id: number;
  task: T;
  resolve: (value: R) => void;
  reject: (err: Error) => void;
  onProgress?: (progress: unknown) => void;
}

interface Slot<T, R> {
  thread: Thread;
  /** posted to the thread, oldest first; it runs them one at a time, in that order */
  posted: Pending<T, R>[];
  timer: NodeJS.Timeout | null;
}

export class ThreadPool<T, R> {
  readonly size: number;
  readonly depth: number;
  private readonly slots: Slot<T, R>[] = [];
  private readonly queue: Pending<T, R>[] = [];
  private nextId = 1;
  private closed = false;

  constructor(private readonly options: ThreadPoolOptions) {
    this.size = Math.max(1, Math.floor(options.size));
    this.depth = Math.max(1, Math.floor(options.depth ?? 1));
  }

  /**
   * Runs the task on a thread. The task is copied to the thread (structured clone). `onProgress` gets
   * what the thread reports while it runs the task (serveTasks' `progress`).
   */
  run(task: T, onProgress?: (progress: unknown) => void): Promise<R> {
    if (this.closed) return Promise.reject(new Error(this.closedMessage('is closed')));
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, task, resolve, reject, ...(onProgress ? { onProgress } : {}) });
      this.dispatch();
    });
  }

  /** Starts a thread now, if none runs yet (to load what it needs before the first task comes). */
  warm(): void {
    if (this.slots.length === 0 && !this.closed) this.spawn();
  }

  /** Stops the threads; tasks still queued or running are rejected. */
  async close(): Promise<void> {
    this.closed = true;
    const reason = () => new Error(this.closedMessage('closed'));
    for (const p of this.queue.splice(0)) p.reject(reason());
    await Promise.all(this.slots.splice(0).map((slot) => this.stop(slot, reason())));
  }

  private closedMessage(what: string): string {
    return `${this.options.closedMessage ?? 'the thread pool'} ${what}`;
  }

  private dispatch(): void {
    while (this.queue.length > 0 && !this.closed) {
      // an idle thread first, then a new one, then the least loaded below the depth
      let slot = this.slots.find((s) => s.posted.length === 0);
      if (!slot && this.slots.length < this.size) slot = this.spawn();
      slot ??= this.slots.filter((s) => s.posted.length < this.depth).sort((a, b) => a.posted.length - b.posted.length)[0];
      if (!slot) return;
      const pending = this.queue.shift() as Pending<T, R>;
      slot.posted.push(pending);
      slot.thread.ref();
      if (slot.posted.length === 1) this.startTimer(slot);
      slot.thread.postMessage({ id: pending.id, task: pending.task });
    }
  }

  /** The timeout counts from when the thread starts a task: when it becomes the first posted. */
  private startTimer(slot: Slot<T, R>): void {
    const { timeoutMs, timeoutError } = this.options;
    if (timeoutMs === undefined) return;
    slot.timer = setTimeout(() => {
      void this.stop(slot, timeoutError ? timeoutError(timeoutMs) : new Error(`gave up after ${timeoutMs} ms`));
    }, timeoutMs);
  }

  private spawn(): Slot<T, R> {
    const thread = this.options.adopt?.() ?? new Thread(this.options.script, this.options.threadOptions);
    const slot: Slot<T, R> = { thread, posted: [], timer: null };
    thread.on('message', (reply: ThreadReply<R> | ThreadProgress) => {
      const pending = slot.posted[0];
      if (!pending || pending.id !== reply.id) return;
      if ('progress' in reply) {
        pending.onProgress?.(reply.progress);
        return;
      }
      slot.posted.shift();
      if (slot.timer) clearTimeout(slot.timer);
      slot.timer = null;
      if (slot.posted.length === 0) thread.unref();
      else this.startTimer(slot);
      if (reply.ok) pending.resolve(reply.value);
      else pending.reject(this.options.taskError(reply.error));
      this.dispatch();
    });
    const lost = (reason: string, code?: string) => {
      this.remove(slot);
      const [running, ...waiting] = slot.posted.splice(0);
      running?.reject(this.options.lostError(reason, code));
      this.queue.unshift(...waiting);
      if (!this.closed) this.dispatch();
    };
    thread.on('error', (err: NodeJS.ErrnoException) => lost(err.message, typeof err.code === 'string' ? err.code : undefined));
    thread.on('exit', (code) => lost(`exit code ${code}`));
    thread.unref();
    this.slots.push(slot);
    return slot;
  }

  private remove(slot: Slot<T, R>): void {
    const i = this.slots.indexOf(slot);
    if (i >= 0) this.slots.splice(i, 1);
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
  }

  /** Terminates a slot's thread: its running task fails with `reason`; the ones behind it are queued again. */
  private async stop(slot: Slot<T, R>, reason: Error): Promise<void> {
    this.remove(slot);
    const [running, ...waiting] = slot.posted.splice(0);
    slot.thread.removeAllListeners('exit');
    slot.thread.removeAllListeners('error');
    // a terminated thread may still report an error; nothing waits for it any more
    slot.thread.on('error', () => undefined);
    running?.reject(reason);
    if (this.closed) for (const p of waiting) p.reject(new Error(this.closedMessage('closed')));
    else this.queue.unshift(...waiting);
    await slot.thread.terminate();
    if (!this.closed) this.dispatch();
  }
}

/**
 * The thread side: answers each task with `handle`'s value, or with its error (name, message, and
 * `code` when the error has a string one), one task at a time, in the order they came.
 */
export function serveTasks<T, R>(handle: (task: T, progress: (value: unknown) => void) => Promise<R> | R): void {
  const port = parentPort;
  if (!port) throw new Error('this script runs as a worker thread, started by a ThreadPool');
  let previous: Promise<void> = Promise.resolve();
  port.on('message', (msg: { id: number; task: T }) => {
    previous = previous.then(async () => {
      try {
        const progress = (value: unknown) => port.postMessage({ id: msg.id, progress: value } satisfies ThreadProgress);
        port.postMessage({ id: msg.id, ok: true, value: await handle(msg.task, progress) } satisfies ThreadReply<R>);
      } catch (err) {
        const e = err instanceof Error ? err : new Error(String(err));
        const code = (e as { code?: unknown }).code;
        port.postMessage({ id: msg.id, ok: false, error: { name: e.name, message: e.message, ...(typeof code === 'string' ? { code } : {}) } } satisfies ThreadReply<R>);
      }
    });
  });
}
