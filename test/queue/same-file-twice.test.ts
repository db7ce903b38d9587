// The same bytes under two names in one bundle: `chartline process` and the queue's stored timeline
// list them alike — both names, the copy as "<id>-2" with a note naming the first and no events of
// its own, its error naming itself. Before, the stored timeline gave both one id and the copy's
// error named the first file.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { processBundle } from '../../src/pipeline.js';
import { BundleQueue } from '../../src/queue/bundle-queue.js';
import { silentLogger } from '../../src/queue/logger.js';
import { startWorkers, type RunningWorkers } from '../../src/queue/start-workers.js';
import { referenceDay } from '../../src/reference-day.js';
import { openStore, type Store } from '../../src/store/store.js';
import { corruptPdf } from './support/sample-pdfs.js';
import { DATABASE_URL, deletePrefix, dropSchema, eventually, freshPrefix, freshSchema, REDIS_URL, tempDir } from './support/services.js';

const referenceDate = '2020-06-01';
const note = new Uint8Array(Buffer.from('PROGRESS NOTE\nThe claimant was seen on 03/02/2015 for low back pain.\n'));
const broken = corruptPdf();
const files = [
  { name: 'a-visit.txt', data: note },
  { name: 'b-broken.pdf', data: broken },
  { name: 'c-visit-copy.txt', data: note },
  { name: 'd-broken-copy.pdf', data: broken },
];

describe('the same file under two names', () => {
  const schema = freshSchema();
  const prefix = freshPrefix();
  const data = tempDir('copies');
  const config = { redisUrl: REDIS_URL, prefix, concurrency: 1, attempts: 1, backoffMs: 100 };
  let store: Store;
  let queue: BundleQueue;
  let workers: RunningWorkers;
  beforeAll(async () => {
    store = await openStore({ databaseUrl: DATABASE_URL, schema, dataDir: data.path, blobsDir: `${data.path}/blobs` }, {});
    queue = await BundleQueue.connect(config);
    workers = await startWorkers({ store, config, logger: silentLogger(), reconcileMs: 0 });
  });
  afterAll(async () => {
    await workers?.close();
    await queue?.close();
    await store?.close();
    await deletePrefix(prefix);
    await dropSchema(schema);
    data.remove();
  });

  it('is listed alike by process and by the stored timeline', async () => {
    await queue.enqueue({ files, name: 'copies', bundleId: 'copies-1', referenceDate }, { blobs: store.blobs, store });
    await eventually(async () => ((await store.getBundle('copies-1'))?.hasTimeline ? true : undefined), 60_000, 'the timeline');
    const stored = await store.getTimeline('copies-1');
    const processed = await processBundle('copies', files, { referenceDate: referenceDay(referenceDate) });
    const view = (t: typeof processed) => t.documents.map((d) => ({ id: d.id, name: d.name, errors: d.errors.map((e) => e.message.split(':')[0]), notes: d.notes ?? [] }));
    expect(view(stored as typeof processed)).toEqual(view(processed));
    const [a, b, c, d] = processed.documents;
    expect(c?.id).toBe(`${a?.id}-2`);
    expect(d?.id).toBe(`${b?.id}-2`);
    expect(c?.notes).toEqual(['the same file as a-visit.txt: read once, its events are listed there']);
    expect(d?.errors[0]?.message).toMatch(/^d-broken-copy\.pdf: /);
    expect(stored?.events).toEqual(processed.events);
    expect(processed.events.every((e) => e.source.document === a?.id)).toBe(true);
  }, 90_000);
});
