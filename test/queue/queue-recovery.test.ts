// Redis restarted without persistence (or keys evicted) mid-bundle: the bundle's jobs are gone and
// it sat at "processing" for ever. The reconciler finds it in the store, re-queues it from the stored
// originals with a note the user sees and a log line, and it completes with the same timeline as
// `chartline process`. And `chartline worker` warns at start about a Redis that can lose jobs.
import { Writable } from 'node:stream';
import { Redis } from 'ioredis';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { processBundle } from '../../src/pipeline.js';
import { BundleQueue } from '../../src/queue/bundle-queue.js';
import { reconcileBundles } from '../../src/queue/reconcile-bundles.js';
import { checkRedisDurability, durabilityWarnings, type RedisDurabilitySettings } from '../../src/queue/redis-durability.js';
import { startWorkers, type RunningWorkers } from '../../src/queue/start-workers.js';
import { openStore, type Store } from '../../src/store/store.js';
import { referenceDay } from '../../src/reference-day.js';
import { DATABASE_URL, deletePrefix, dropSchema, eventually, freshPrefix, freshSchema, REDIS_URL, tempDir } from './support/services.js';

const referenceDate = '2020-06-01';
const files = [1, 2, 3].map((day) => ({
  name: `visit-${day}.txt`,
  data: new Uint8Array(Buffer.from(`PROGRESS NOTE\nThe claimant was seen on 03/0${day}/2015 for low back pain.\nPlan: physical therapy.\n`)),
}));

function memoryLogger(): { logger: pino.Logger; lines: () => { msg: string; bundle?: string }[] } {
  const out: string[] = [];
  const logger = pino({ level: 'info' }, new Writable({ write: (c, _e, done) => (out.push(String(c)), done()) }));
  return { logger, lines: () => out.map((l) => JSON.parse(l) as { msg: string; bundle?: string }) };
}

describe('queue recovery after Redis lost its jobs', () => {
  const schema = freshSchema();
  const prefix = freshPrefix();
  const data = tempDir('recovery');
  const config = { redisUrl: REDIS_URL, prefix, concurrency: 1, attempts: 2, backoffMs: 200 };
  let store: Store;
  let queue: BundleQueue;
  let workers: RunningWorkers | undefined;

  beforeAll(async () => {
    store = await openStore({ databaseUrl: DATABASE_URL, schema, dataDir: data.path, blobsDir: `${data.path}/blobs` }, {});
    queue = await BundleQueue.connect(config);
  });
  afterAll(async () => {
    await workers?.close();
    await queue?.close();
    await store?.close();
    await deletePrefix(prefix);
    await dropSchema(schema);
    data.remove();
  });

  it('re-queues the bundle from the stored originals, notes it, and it completes with the same timeline as process', async () => {
    await queue.enqueue({ files, name: 'lost bundle', bundleId: 'lost-1', referenceDate }, { blobs: store.blobs, store });
    // what a Redis restart without persistence does: every key of the deployment gone
    await deletePrefix(prefix);
    expect(await queue.status('lost-1')).toBeNull();
    expect((await store.getBundle('lost-1'))?.status).toBe('queued');

    const { logger, lines } = memoryLogger();
    // a fresh bundle (the API records it a moment before it adds its flow) is left alone
    expect(await reconcileBundles({ store, queue, log: logger })).toEqual({ requeued: [], failed: [] });
    const later = new Date(Date.now() + 60_000);
    expect(await reconcileBundles({ store, queue, log: logger, now: () => later })).toEqual({ requeued: ['lost-1'], failed: [] });
    expect((await store.getBundle('lost-1'))?.error).toBe(`re-queued at ${later.toISOString()}: its jobs had vanished from Redis (restarted without persistence, or keys evicted)`);
    expect(lines()).toContainEqual(expect.objectContaining({ msg: 'bundle re-queued: its jobs had vanished from Redis', bundle: 'lost-1' }));
    // found again: a second pass re-queues nothing
    expect(await reconcileBundles({ store, queue, log: logger, now: () => later })).toEqual({ requeued: [], failed: [] });

    workers = await startWorkers({ store, config, logger, reconcileMs: 0 });
    const done = await eventually(
      async () => {
        const b = await store.getBundle('lost-1');
        return b?.status === 'completed' || b?.status === 'failed' ? b : undefined;
      },
      60_000,
      'the re-queued bundle to finish',
    );
    expect(done.status).toBe('completed');
    expect(done.error).toBeNull();
    const stored = await store.getTimeline('lost-1');
    const processed = await processBundle('lost bundle', files, { referenceDate: referenceDay(referenceDate) });
    expect(stored?.documents).toEqual(processed.documents);
    expect(stored?.events).toEqual(processed.events);
  }, 90_000);

  it('a lost bundle whose originals are gone too is failed with the reason, not left processing', async () => {
    await queue.enqueue({ files: files.slice(0, 1), name: 'gone', bundleId: 'lost-2', referenceDate }, { blobs: store.blobs, store });
    await workers?.close();
    workers = undefined;
    await deletePrefix(prefix);
    const { logger } = memoryLogger();
    const sha = (await store.listBundleDocuments('lost-2'))[0]?.sha256 as string;
    // the blob store lost it: another machine's folder, say
    const { rmSync } = await import('node:fs');
    rmSync(store.blobs.pathOf(sha));
    const r = await reconcileBundles({ store, queue, log: logger, graceMs: 0 });
    expect(r.failed.map((f) => f.bundleId)).toEqual(['lost-2']);
    const b = await store.getBundle('lost-2');
    expect(b?.status).toBe('failed');
    expect(b?.error).toMatch(/^lost from the queue \(Redis restarted without persistence\?\) and could not be re-queued: the original of document [0-9a-f]{16} is not in the blob store$/);
  }, 60_000);
});

describe('Redis durability warnings', () => {
  it.each<[label: string, settings: RedisDurabilitySettings, warnings: RegExp[]]>([
    ['noeviction with AOF', { 'maxmemory-policy': 'noeviction', appendonly: 'yes', save: '' }, []],
    ['noeviction with RDB snapshots only', { 'maxmemory-policy': 'noeviction', appendonly: 'no', save: '3600 1 300 100' }, []],
    ['an evicting policy', { 'maxmemory-policy': 'allkeys-lru', appendonly: 'yes', save: '' }, [/^Redis maxmemory-policy is allkeys-lru, not noeviction/]],
    ['no persistence at all', { 'maxmemory-policy': 'noeviction', appendonly: 'no', save: '' }, [/^Redis persistence is off \(appendonly no, no save rules\)/]],
    ['both', { 'maxmemory-policy': 'volatile-lru', appendonly: 'no', save: ' ' }, [/maxmemory-policy is volatile-lru/, /persistence is off/]],
  ])('%s', (_label, settings, warnings) => {
    const got = durabilityWarnings(settings);
    expect(got).toHaveLength(warnings.length);
    warnings.forEach((w, i) => expect(got[i]).toMatch(w));
  });

  it("reads the machine's Redis and warns as its settings say; the worker logs the same warnings at start", async () => {
    const redis = new Redis(REDIS_URL);
    const settings: RedisDurabilitySettings = {};
    for (const key of ['maxmemory-policy', 'appendonly', 'save'] as const) settings[key] = ((await redis.config('GET', key)) as string[])[1];
    redis.disconnect();
    const expected = durabilityWarnings(settings);
    expect(await checkRedisDurability(REDIS_URL)).toEqual(expected);

    const schema = freshSchema();
    const prefix = freshPrefix();
    const data = tempDir('durability');
    const store = await openStore({ databaseUrl: DATABASE_URL, schema, dataDir: data.path, blobsDir: `${data.path}/blobs` }, {});
    const { logger, lines } = memoryLogger();
    try {
      const w = await startWorkers({ store, config: { redisUrl: REDIS_URL, prefix, concurrency: 1 }, logger, reconcileMs: 0 });
      await w.close();
    } finally {
      await store.close();
      await deletePrefix(prefix);
      await dropSchema(schema);
      data.remove();
    }
    const warned = lines().map((l) => l.msg);
    for (const w of expected) expect(warned).toContain(w);
  }, 60_000);

  it('says so when Redis does not answer CONFIG', async () => {
    const [warning] = await checkRedisDurability('redis://127.0.0.1:1');
    expect(warning).toMatch(/^could not read Redis's persistence and eviction settings/);
  });
});
