// A pipeline thread that runs out of memory on a document: the task fails as out-of-memory, the job
// fails with UnrecoverableError (BullMQ does not retry it: the same bytes would do it again), and the
// pool goes on with the next document on a new thread.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { UnrecoverableError, type Job } from 'bullmq';
import { afterAll, describe, expect, it } from 'vitest';
import { createDocumentJobProcessor } from '../../workers/document-job.js';
import { PipelineOutOfMemoryError, PipelineThreadPool, type PipelineTask } from '../../src/queue/pipeline-thread-pool.js';
import type { Store } from '../../src/store/store.js';

// a thread that answers "small.txt" and runs out of heap on anything else
const script = new URL(
  `data:text/javascript,${encodeURIComponent(`
    import { serveTasks } from ${JSON.stringify(pathToFileURL(resolve('dist/src/thread-pool.js')).href)};
    serveTasks(async (t) => {
      if (t.name === 'small.txt') return { info: { id: 'x', name: t.name, pages: 1, sha256: t.sha256, errors: [] }, events: [], fingerprints: [], pages: [], stageMs: { ingest: 0, extract: 0 } };
      const hold = [];
      for (;;) hold.push(new Array(1e6).fill(hold.length));
    });
  `)}`,
);

const dir = mkdtempSync(join(tmpdir(), 'chartline-oom-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const task = (name: string): PipelineTask => ({ blobPath: join(dir, name), sha256: 'a'.repeat(64), name, referenceDate: '2020-06-01' });

describe('out of memory in a pipeline thread', () => {
  it('fails the task as PipelineOutOfMemoryError ("too large to read"), and the next task runs on a new thread', async () => {
    const pool = new PipelineThreadPool(1, { timeoutMs: 60_000, script, maxMemoryMb: 48 });
    try {
      const failed = await pool.processDocument(task('huge.txt')).catch((e: unknown) => e);
      expect(failed).toBeInstanceOf(PipelineOutOfMemoryError);
      expect((failed as Error).message).toMatch(/^too large to read: the pipeline thread ran out of memory/);
      await expect(pool.processDocument(task('small.txt'))).resolves.toMatchObject({ info: { name: 'small.txt' } });
    } finally {
      await pool.close();
    }
  }, 60_000);

  it('fails the document job with UnrecoverableError, so BullMQ does not retry it', async () => {
    const pool = new PipelineThreadPool(1, { timeoutMs: 60_000, script, maxMemoryMb: 48 });
    writeFileSync(join(dir, 'huge.txt'), 'x');
    // the store as far as the job uses it before the pipeline runs
    const store = { beginDocument: async () => undefined, blobs: { pathOf: () => join(dir, 'huge.txt') } } as unknown as Store;
    const job = {
      id: 'doc-1',
      data: { v: 1, bundleId: 'b', bundleName: 'b', documentsTotal: 1, referenceDate: '2020-06-01', sha256: 'a'.repeat(64), name: 'huge.txt', ordinal: 0 },
      updateProgress: async () => undefined,
    } as unknown as Job;
    try {
      const err = await createDocumentJobProcessor({ store, pool })(job).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(UnrecoverableError);
      expect((err as Error).message).toMatch(/too large to read/);
    } finally {
      await pool.close();
    }
  }, 60_000);
});
