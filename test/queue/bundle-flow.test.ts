// A bundle through the real queue (Redis here) into each store engine: the timeline read back equals
// what processBundle (`chartline process`) makes of the same files; the same bundle enqueued twice is
// one result; a corrupt file is recorded as that document's error while the bundle completes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InputFile } from '../../src/ingest/ingest-document.js';
import { processBundle, processDocument } from '../../src/pipeline.js';
import { BundleQueue, type BundleStatus } from '../../src/queue/bundle-queue.js';
import { DOCUMENTS_QUEUE } from '../../src/queue/job-ids.js';
import { silentLogger } from '../../src/queue/logger.js';
import { startWorkers, type RunningWorkers } from '../../src/queue/start-workers.js';
import type { Timeline } from '../../src/schema.js';
import { openStore, type Store } from '../../src/store/store.js';
import { Queue } from 'bullmq';
import { sampleBundle } from './support/sample-pdfs.js';
import { DATABASE_URL, deletePrefix, dropSchema, eventually, freshPrefix, freshSchema, REDIS_URL, tempDir } from './support/services.js';

const referenceDate = '2020-01-01';

const engines = [
  {
    name: 'PostgreSQL',
    setup: () => {
      const schema = freshSchema();
      const data = tempDir('flow-pg');
      return {
        open: () => openStore({ databaseUrl: DATABASE_URL, schema, dataDir: data.path, blobsDir: `${data.path}/blobs` }, {}),
        cleanup: async () => {
          await dropSchema(schema);
          data.remove();
        },
      };
    },
  },
  {
    name: 'PGlite',
    setup: () => {
      const data = tempDir('flow-pglite');
      return {
        open: () => openStore({ databaseUrl: undefined, schema: 'public', dataDir: data.path, blobsDir: `${data.path}/blobs` }, {}),
        cleanup: async () => data.remove(),
      };
    },
  },
];

describe.each(engines)('a bundle through the queue into $name', ({ setup }) => {
  const engine = setup();
  const prefix = freshPrefix();
  let store: Store;
  let workers: RunningWorkers;
  let queue: BundleQueue;
  let files: InputFile[];
  let expected: Timeline;

  const finished = (bundleId: string) =>
    eventually(
      async () => {
        const s = await queue.status(bundleId);
        return s && (s.state === 'completed' || s.state === 'failed') ? s : undefined;
      },
      60_000,
      `bundle ${bundleId} to finish`,
    );

  beforeAll(async () => {
    store = await engine.open();
    const config = { redisUrl: REDIS_URL, prefix, concurrency: 2 };
    workers = await startWorkers({ store, config, logger: silentLogger() });
    queue = await BundleQueue.connect(config);
    files = await sampleBundle();
    expected = await processBundle('sample bundle', files, { referenceDate: new Date(`${referenceDate}T12:00:00Z`) });
  }, 120_000);

  afterAll(async () => {
    await queue?.close();
    await workers?.close();
    await store?.close();
    await deletePrefix(prefix);
    await engine.cleanup();
  });

  it("stores the same timeline as processBundle, with the corrupt file's error recorded", async () => {
    const enqueued = await queue.enqueue({ files, name: 'sample bundle', bundleId: 'sample-1', referenceDate }, { blobs: store.blobs, store });
    expect(enqueued).toMatchObject({ bundleId: 'sample-1', added: true });
    const status: BundleStatus = await finished('sample-1');
    expect(status.state).toBe('completed');
    expect(status.percent).toBe(100);

    const timeline = await store.getTimeline('sample-1');
    expect(timeline).toEqual(expected);
    expect(JSON.stringify(timeline)).toBe(JSON.stringify(expected));
    expect(timeline!.events.length).toBeGreaterThan(5);

    // the corrupt file: a document with its error, its job failed without retries
    const corrupt = timeline!.documents.find((d) => d.name === 'fax-scan.pdf');
    expect(corrupt?.errors.map((e) => e.code)).toEqual(['corrupt']);
    const corruptJob = status.documents.find((d) => d.name === 'fax-scan.pdf');
    expect(corruptJob).toMatchObject({ state: 'failed', attempts: 1 });
    expect(corruptJob?.error).toMatch(/^corrupt: /);
    expect(status.documents.filter((d) => d.state === 'completed').map((d) => d.percent)).toEqual([100, 100]);
    const documents = await store.listBundleDocuments('sample-1');
    expect(documents.map((d) => [d.name, d.state])).toEqual([
      ['progress-notes.pdf', 'done'],
      ['mri-report.pdf', 'done'],
      ['fax-scan.pdf', 'failed'],
    ]);
    expect(await store.getBundle('sample-1')).toMatchObject({ status: 'completed', progress: 100, documentsDone: 3, documentsTotal: 3, hasTimeline: true });

    // provenance: originals kept, page texts served
    for (const f of enqueued.documents) expect(store.blobs.has(f.sha256)).toBe(true);
    const notes = await processDocument(files[0]!, {});
    expect((await store.getPage(notes.info.id, 2))?.text).toBe(notes.pages[1]!.text);
  });

  it('gives one result when the same bundle is enqueued twice, at once and again later', async () => {
    const input = { files, name: 'sample bundle', bundleId: 'twice', referenceDate };
    await Promise.all([queue.enqueue(input, { blobs: store.blobs, store }), queue.enqueue(input, { blobs: store.blobs, store })]);
    expect((await finished('twice')).state).toBe('completed');
    const again = await queue.enqueue(input, { blobs: store.blobs, store });
    expect(again.added).toBe(false);
    // and a different set of files cannot reuse the id
    await expect(queue.enqueue({ ...input, files: files.slice(0, 1) }, { blobs: store.blobs })).rejects.toThrow(/already queued with other files/);

    expect(await store.getTimeline('twice')).toEqual(expected);
    const count = async (sql: string) => Number((await store.db.query<{ n: number }>(sql, ['twice']))[0]?.n);
    expect(await count('select count(*) as n from bundles where id = $1')).toBe(1);
    expect(await count('select count(*) as n from document_results where bundle_id = $1')).toBe(3);
    expect(await count('select count(*) as n from documents where bundle_id = $1')).toBe(3);
    expect(await count('select count(*) as n from events where bundle_id = $1')).toBe(expected.events.length);

    const documentsQueue = new Queue(DOCUMENTS_QUEUE, { connection: { url: REDIS_URL }, prefix });
    try {
      const jobs = await documentsQueue.getJobs(['completed', 'failed', 'active', 'waiting', 'delayed']);
      expect(jobs.filter((j) => j.id?.startsWith('d-twice-'))).toHaveLength(3);
    } finally {
      await documentsQueue.close();
    }
  });

  it('derives the same bundle id from the same files when none is given', async () => {
    const a = await queue.enqueue({ files, name: 'unnamed', referenceDate }, { blobs: store.blobs });
    const b = await queue.enqueue({ files, name: 'unnamed', referenceDate }, { blobs: store.blobs });
    expect(a.bundleId).toMatch(/^bundle-[0-9a-f]{10}$/);
    expect(b).toMatchObject({ bundleId: a.bundleId, added: false });
    expect((await finished(a.bundleId)).state).toBe('completed');
  });
});
