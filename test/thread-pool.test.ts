// The worker-thread pool under the PDF readers and the queue's pipeline threads (src/thread-pool.ts):
// results to their callers, failures as the caller's errors, a thread that dies or runs too long
// replaced without losing the tasks queued behind it, nothing left running after close.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ThreadPool, type ThreadError } from '../src/thread-pool.js';

type Task = { kind: 'echo'; value: number } | { kind: 'fail' } | { kind: 'die' } | { kind: 'spin'; ms: number };

const COMPILED = resolve('dist/src/thread-pool.js');

// a thread script of its own: serveTasks from the compiled pool, and tasks that succeed, fail, die or hang
const script = (): URL =>
  new URL(
    `data:text/javascript,${encodeURIComponent(`
      import { serveTasks } from ${JSON.stringify(pathToFileURL(COMPILED).href)};
      serveTasks(async (t) => {
        if (t.kind === 'echo') return t.value * 2;
        if (t.kind === 'fail') throw Object.assign(new Error('the input is damaged'), { name: 'BadInput', code: 'corrupt' });
        if (t.kind === 'die') process.exit(3);
        const end = Date.now() + t.ms;
        while (Date.now() < end);
        return -1;
      });
    `)}`,
  );

class TaskFailed extends Error {
  constructor(readonly detail: ThreadError) {
    super(detail.message);
  }
}

let pool: ThreadPool<Task, number> | undefined;

function makePool(options: { size: number; depth?: number; timeoutMs?: number }): ThreadPool<Task, number> {
  pool = new ThreadPool<Task, number>({
    ...options,
    script: script(),
    taskError: (e) => new TaskFailed(e),
    lostError: (reason) => new Error(`lost: ${reason}`),
    timeoutError: (ms) => new Error(`timed out after ${ms} ms`),
    closedMessage: 'the test pool',
  });
  return pool;
}

beforeAll(() => {
  if (!existsSync(COMPILED)) throw new Error('dist/ is missing: run `npx tsc -p tsconfig.json` first (npm test does)');
});

afterEach(async () => {
  await pool?.close();
  pool = undefined;
});

describe('ThreadPool', () => {
  it.each([
    { size: 1, depth: 1 },
    { size: 2, depth: 1 },
    { size: 2, depth: 3 },
  ])('gives each caller its own result, more tasks than threads (%o)', async (options) => {
    const p = makePool(options);
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => p.run({ kind: 'echo', value: i })));
    expect(results).toEqual(Array.from({ length: 12 }, (_, i) => i * 2));
  });

  it('fails a task with the error its thread threw, name and code kept; the thread goes on', async () => {
    const p = makePool({ size: 1 });
    const failed = await p.run({ kind: 'fail' }).catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(TaskFailed);
    expect((failed as TaskFailed).detail).toEqual({ name: 'BadInput', message: 'the input is damaged', code: 'corrupt' });
    expect(await p.run({ kind: 'echo', value: 4 })).toBe(8);
  });

  it('a thread that dies fails its task; the tasks posted behind it run on a new thread', async () => {
    const p = makePool({ size: 1, depth: 3 });
    const [died, after1, after2] = await Promise.allSettled([p.run({ kind: 'die' }), p.run({ kind: 'echo', value: 1 }), p.run({ kind: 'echo', value: 2 })]);
    expect(died).toMatchObject({ status: 'rejected', reason: { message: 'lost: exit code 3' } });
    expect([after1, after2]).toEqual([
      { status: 'fulfilled', value: 2 },
      { status: 'fulfilled', value: 4 },
    ]);
  });

  it('stops a task that runs too long, counting from when its thread starts it, and goes on', async () => {
    // margins wide enough for a loaded 2-core machine: each task well within the limit, the two
    // together well over it
    const p = makePool({ size: 1, depth: 2, timeoutMs: 2_000 });
    // the second task waits behind a 1.2 s one: its own 1.2 s is within the limit
    const [first, second, hung] = await Promise.allSettled([p.run({ kind: 'spin', ms: 1_200 }), p.run({ kind: 'spin', ms: 1_200 }), p.run({ kind: 'spin', ms: 20_000 })]);
    expect([first.status, second.status]).toEqual(['fulfilled', 'fulfilled']);
    expect(hung).toMatchObject({ status: 'rejected', reason: { message: 'timed out after 2000 ms' } });
    expect(await p.run({ kind: 'echo', value: 5 })).toBe(10);
  });

  it('close() rejects what is queued or running, and later tasks', async () => {
    const p = makePool({ size: 1 });
    const running = p.run({ kind: 'spin', ms: 2_000 }).catch((e: Error) => e.message);
    const queued = p.run({ kind: 'echo', value: 1 }).catch((e: Error) => e.message);
    await new Promise((r) => setTimeout(r, 50));
    await p.close();
    expect([await running, await queued]).toEqual(['the test pool closed', 'the test pool closed']);
    await expect(p.run({ kind: 'echo', value: 1 })).rejects.toThrow('the test pool is closed');
  });
});
