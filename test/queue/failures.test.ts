// How jobs fail: a transient error (the database briefly away) is retried with backoff and the
// bundle completes; bad input fails at once — a job with malformed data, a file whose original is
// missing — and the bundle still completes, listing that file's error.
import { rmSync } from 'node:fs';
import { Queue } from 'bullmq';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { processBundle } from '../../src/pipeline.js';
import { BundleQueue } from '../../src/queue/bundle-queue.js';
import { DOCUMENTS_QUEUE, documentJobId } from '../../src/queue/job-ids.js';
import { silentLogger } from '../../src/queue/logger.js';
import { startWorkers, type RunningWorkers } from '../../src/queue/start-workers.js';
import { openStore, type Store } from '../../src/store/store.js';
import { mriReport, progressNotes } from './support/sample-pdfs.js';
import { DATABASE_URL, deletePrefix, dropSchema, eventually, freshPrefix, freshSchema, REDIS_URL, tempDir } from './support/services.js';

const prefix = freshPrefix();
const schema = freshSchema();
const data = tempDir('failures');
const config = { redisUrl: REDIS_URL, prefix, concurrency: 2, backoffMs: 100, attempts: 3 };
let store: Store;
let queue: BundleQueue;
let workers: RunningWorkers | undefined;
let documentsQueue: Queue;

beforeAll(async () => {
  store = await openStore({ databaseUrl: DATABASE_URL, schema, dataDir: data.path, blobsDir: `${data.path}/blobs` }, {});
  queue = await BundleQueue.connect(config);
  documentsQueue = new Queue(DOCUMENTS_QUEUE, { connection: { url: REDIS_URL }, prefix });
});

afterAll(async () => {
  await workers?.close();
  await queue?.close();
  await documentsQueue?.close();
  await store?.close();
  await deletePrefix(prefix);
  await dropSchema(schema);
  data.remove();
});

it('retries a transient error with backoff, fails a missing original at once, and completes the bundle', async () => {
  const files = [
    { name: 'notes.pdf', data: await progressNotes(2) },
    { name: 'mri.pdf', data: await mriReport() },
  ];
  const enqueued = await queue.enqueue({ files, name: 'flaky', bundleId: 'flaky-1', referenceDate: '2020-01-01' }, { blobs: store.blobs, store });
  const [notes, mri] = enqueued.documents;
  // the MRI's original vanishes before any worker runs (a blob volume not shared, say)
  rmSync(store.blobs.pathOf(mri!.sha256));

  // the database "drops the connection" on the first write of the notes' job
  let failuresLeft = 1;
  const flaky = new Proxy(store, {
    get(target, prop, receiver) {
      if (prop === 'beginDocument') {
        return async (start: Parameters<Store['beginDocument']>[0]) => {
          if (start.sha256 === notes!.sha256 && failuresLeft-- > 0) throw new Error('Connection terminated unexpectedly');
          return target.beginDocument(start);
        };
      }
      const value = Reflect.get(target, prop, receiver) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
  workers = await startWorkers({ store: flaky, config, logger: silentLogger() });

  const status = await eventually(
    async () => {
      const s = await queue.status('flaky-1');
      return s?.state === 'completed' || s?.state === 'failed' ? s : undefined;
    },
    60_000,
    'the bundle to finish',
  );
  expect(status.state).toBe('completed');
  const [notesJob, mriJob] = status.documents;
  expect(notesJob).toMatchObject({ state: 'completed', attempts: 2 });
  expect(mriJob).toMatchObject({ state: 'failed', attempts: 1 });
  expect(mriJob?.error).toMatch(/not in the blob store/);

  const timeline = await store.getTimeline('flaky-1');
  const expected = await processBundle('flaky', files.slice(0, 1), { referenceDate: new Date('2020-01-01T12:00:00Z') });
  expect(timeline!.events).toEqual(expected.events);
  expect(timeline!.documents[0]).toEqual(expected.documents[0]);
  expect(timeline!.documents[1]).toMatchObject({ name: 'mri.pdf', pages: 0, sha256: mri!.sha256, errors: [{ code: 'unreadable' }] });
  expect(timeline!.documents[1]!.errors[0]!.message).toMatch(/^mri\.pdf: could not be processed: the original is not in the blob store/);
  expect((await store.listBundleDocuments('flaky-1')).map((d) => d.state)).toEqual(['done', 'failed']);
});

it('fails a job whose data is malformed at once, without retrying it', async () => {
  const job = await documentsQueue.add('document', { v: 1, bundleId: 'x', sha256: 'not-a-sha' }, { jobId: documentJobId('bad-data', '0'.repeat(64)), attempts: 3 });
  const failed = await eventually(async () => ((await job.getState()) === 'failed' ? await documentsQueue.getJob(job.id!) : undefined), 30_000, 'the job to fail');
  expect(failed?.attemptsMade).toBe(1);
  expect(failed?.failedReason).toMatch(/^invalid document job d-bad-data-0+: /);
});
