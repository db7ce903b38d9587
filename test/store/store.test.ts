// The store against both engines it supports: PostgreSQL here (own schema per run) and embedded
// PGlite (own temp directory). Same queries, same answers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { processBundle, processDocument } from '../../src/pipeline.js';
import type { Flag, Timeline } from '../../src/schema.js';
import { openStore, type Store } from '../../src/store/store.js';
import { MIGRATIONS } from '../../src/store/migrations.js';
import { NotFoundError } from '../../src/store/store-errors.js';
import { sampleBundle } from '../queue/support/sample-pdfs.js';
import { DATABASE_URL, dropSchema, freshSchema, tempDir } from '../queue/support/services.js';

const referenceDate = new Date('2020-01-01T12:00:00Z');

function flag(id: string, over: Partial<Flag> = {}): Flag {
  return {
    id,
    kind: 'exam_plan_mismatch',
    severity: 'high',
    date: '2014-07-29',
    summary: `flag ${id}`,
    evidence: [{ document: 'aaaaaaaaaaaaaaaa', page: 1, start: 0, end: 4, quote: 'Exam', role: 'exam' }],
    eventIds: [],
    rule: 'test',
    ...over,
  } as Flag;
}

interface Engine {
  name: string;
  open(): Promise<Store>;
  cleanup(): Promise<void>;
}

function pgEngine(): Engine {
  const schema = freshSchema();
  const data = tempDir('store-pg');
  return {
    name: 'PostgreSQL',
    open: () => openStore({ databaseUrl: DATABASE_URL, schema, dataDir: data.path, blobsDir: `${data.path}/blobs` }, {}),
    cleanup: async () => {
      await dropSchema(schema);
      data.remove();
    },
  };
}

function pgliteEngine(): Engine {
  const data = tempDir('store-pglite');
  return {
    name: 'PGlite',
    open: () => openStore({ databaseUrl: undefined, schema: 'public', dataDir: data.path, blobsDir: `${data.path}/blobs` }, {}),
    cleanup: async () => data.remove(),
  };
}

describe.each([
  { name: 'PostgreSQL', makeEngine: pgEngine },
  { name: 'PGlite', makeEngine: pgliteEngine },
])('store on $name', ({ makeEngine }) => {
  const engine = makeEngine();
  let store: Store;
  let timeline: Timeline;

  beforeAll(async () => {
    store = await engine.open();
    const files = await sampleBundle();
    const processed = await processBundle('sample bundle', files, { referenceDate });
    // real documents and events; flags made here so every filter has something to find
    timeline = {
      ...processed,
      flags: [flag('F1'), flag('F2', { kind: 'chronology', severity: 'low', date: '2014-06' }), flag('F3', { kind: 'contradiction', severity: 'medium', date: null })],
    };
  }, 120_000);

  afterAll(async () => {
    await store?.close();
    await engine.cleanup();
  });

  it('reads a timeline back exactly as it was written: same order, same keys', async () => {
    await store.saveTimeline({ bundleId: 'bundle-1', timeline, referenceDate: '2020-01-01' });
    const back = await store.getTimeline('bundle-1');
    expect(JSON.stringify(back)).toBe(JSON.stringify(timeline));
    const bundle = await store.getBundle('bundle-1');
    expect(bundle).toMatchObject({ id: 'bundle-1', name: 'sample bundle', status: 'completed', progress: 100, hasTimeline: true, referenceDate: '2020-01-01' });
    expect(await store.getTimeline('no-such-bundle')).toBeNull();
  });

  it('replaces a timeline whole when it is written again, keeping flag statuses and reviews', async () => {
    await store.saveTimeline({ bundleId: 'bundle-2', timeline });
    const f1 = (await store.listFlags({ bundleId: 'bundle-2', kind: ['exam_plan_mismatch'] })).items[0];
    expect(f1).toBeDefined();
    await store.addFlagReview({ flagId: f1!.id, decision: 'confirm', note: 'plan ignores the exam', reviewer: 'dr-a' });
    const shorter: Timeline = { ...timeline, events: timeline.events.slice(1), flags: [timeline.flags[0]!, timeline.flags[2]!] };
    await store.saveTimeline({ bundleId: 'bundle-2', timeline: shorter });
    expect(JSON.stringify(await store.getTimeline('bundle-2'))).toBe(JSON.stringify(shorter));
    const again = await store.getFlag(f1!.id);
    expect(again).toMatchObject({ status: 'confirmed', reviews: 1 });
    const rows = await store.db.query<{ n: number }>('select count(*) as n from events where bundle_id = $1', ['bundle-2']);
    expect(Number(rows[0]?.n)).toBe(shorter.events.length);
  });

  it('lists flags across bundles with filters, counts and paging', async () => {
    const all = await store.listFlags({ bundleId: 'bundle-1' });
    expect(all.total).toBe(3);
    // most severe first
    expect(all.items.map((f) => f.flag.id)).toEqual(['F1', 'F3', 'F2']);
    expect(all.items[0]).toMatchObject({ bundleId: 'bundle-1', bundleName: 'sample bundle', status: 'open', reviews: 0 });
    const june = await store.listFlags({ bundleId: 'bundle-1', dateFrom: '2014-06-15', dateTo: '2014-06-30' });
    expect(june.items.map((f) => f.flag.id)).toEqual(['F2']);
    const kinds = await store.listFlags({ bundleId: 'bundle-1', kind: ['chronology'] });
    expect(kinds.total).toBe(1);
    expect(kinds.counts.byKind).toEqual({ exam_plan_mismatch: 1, chronology: 1, contradiction: 1 });
    const page2 = await store.listFlags({ bundleId: 'bundle-1', limit: 2, offset: 2 });
    expect(page2.items.map((f) => f.flag.id)).toEqual(['F2']);
    expect(page2.total).toBe(3);
    const across = await store.listFlags({ severity: ['high'] });
    expect(new Set(across.items.map((f) => f.bundleId))).toEqual(new Set(['bundle-1', 'bundle-2']));
  });

  it('keeps reviews as an append-only audit trail', async () => {
    const target = (await store.listFlags({ bundleId: 'bundle-1', kind: ['contradiction'] })).items[0]!;
    const token = await store.createApiToken({ name: 'analyst-1', role: 'analyst' });
    await store.addFlagReview({ flagId: target.id, decision: 'needs-info', note: 'ask for the 08/26 note', reviewer: 'analyst-1', tokenId: token.record.id });
    await store.addFlagReview({ flagId: target.id, decision: 'dismiss', note: 'explained by the addendum', reviewer: 'analyst-1', tokenId: token.record.id });
    const trail = await store.listFlagReviews(target.id);
    expect(trail.map((r) => [r.decision, r.note, r.reviewer, r.tokenId])).toEqual([
      ['needs-info', 'ask for the 08/26 note', 'analyst-1', token.record.id],
      ['dismiss', 'explained by the addendum', 'analyst-1', token.record.id],
    ]);
    expect(trail[0]!.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect((await store.getFlag(target.id))?.status).toBe('dismissed');
    const dismissed = await store.listFlags({ bundleId: 'bundle-1', status: ['dismissed'] });
    expect(dismissed.items.map((f) => f.id)).toEqual([target.id]);
    await expect(store.db.query('update flag_reviews set note = $1', ['rewritten'])).rejects.toThrow(/append-only/);
    await expect(store.db.query('delete from flag_reviews')).rejects.toThrow(/append-only/);
    await expect(store.addFlagReview({ flagId: 'fl_unknown', decision: 'confirm', reviewer: 'x' })).rejects.toBeInstanceOf(NotFoundError);
  });

  it('stores API tokens hashed, verifies and revokes them', async () => {
    const created = await store.createApiToken({ name: 'intake desk', role: 'intake' });
    expect(created.token).toMatch(/^clt_/);
    const raw = await store.db.query<{ token_hash: string }>('select token_hash from api_tokens where id = $1', [created.record.id]);
    expect(raw[0]?.token_hash).not.toContain(created.token);
    expect(await store.verifyApiToken(created.token)).toMatchObject({ id: created.record.id, role: 'intake', name: 'intake desk' });
    expect(await store.verifyApiToken('clt_wrong')).toBeNull();
    expect(await store.revokeApiToken(created.record.id)).toBe(true);
    expect(await store.verifyApiToken(created.token)).toBeNull();
    expect((await store.listApiTokens()).find((t) => t.id === created.record.id)?.revokedAt).not.toBeNull();
  });

  it('tracks a bundle through queued, processing and its documents, and serves source pages', async () => {
    const files = await sampleBundle();
    const results = await Promise.all(files.map((f) => processDocument(f, { referenceDate })));
    const documents = results.map((r) => ({ sha256: r.info.sha256, name: r.info.name }));
    const created = await store.createBundle({ id: 'bundle-3', name: 'three', documents, referenceDate: '2020-01-01' });
    expect(created).toMatchObject({ status: 'queued', documentsTotal: 3, documentsDone: 0, progress: 0, hasTimeline: false });
    // idempotent
    await store.createBundle({ id: 'bundle-3', name: 'three', documents });
    expect((await store.listBundleDocuments('bundle-3')).map((d) => [d.name, d.state])).toEqual(documents.map((d) => [d.name, 'queued']));

    const first = results[0]!;
    await store.beginDocument({ bundleId: 'bundle-3', bundleName: 'three', documentsTotal: 3, referenceDate: '2020-01-01', sha256: first.info.sha256, name: first.info.name, ordinal: 0 });
    await store.saveDocumentResult('bundle-3', first);
    // a retry writes the same row again
    await store.saveDocumentResult('bundle-3', first);
    // a document that was never started is refused, and none of its pages are kept
    const unstarted = { ...results[1]!, info: { ...results[1]!.info, sha256: 'f'.repeat(64), id: 'ffffffffffffffff' } };
    await expect(store.saveDocumentResult('bundle-3', unstarted)).rejects.toThrow(/was not started/);
    expect(await store.getPage('ffffffffffffffff', 1)).toBeNull();
    // a document job of a bundle queued without this store creates the bundle
    await store.beginDocument({ bundleId: 'bundle-x', bundleName: 'x', documentsTotal: 1, referenceDate: '2020-01-01', sha256: first.info.sha256, name: first.info.name, ordinal: 0 });
    expect(await store.getBundle('bundle-x')).toMatchObject({ name: 'x', status: 'processing', documentsTotal: 1 });
    expect((await store.listBundleDocuments('bundle-x')).map((d) => d.state)).toEqual(['processing']);
    const bundle = await store.getBundle('bundle-3');
    expect(bundle).toMatchObject({ status: 'processing', documentsDone: 1 });
    expect(bundle!.progress).toBeGreaterThan(0);
    const docs = await store.listBundleDocuments('bundle-3');
    expect(docs[0]).toMatchObject({ state: 'done', pages: first.info.pages, documentId: first.info.id, errors: [] });
    expect(docs).toHaveLength(3);

    const page = await store.getPage(first.info.id, 2);
    expect(page).toEqual({ documentId: first.info.id, sha256: first.info.sha256, num: 2, pageCount: first.pages.length, text: first.pages[1]!.text });
    expect((await store.getPage(first.info.sha256, 1))?.text).toBe(first.pages[0]!.text);
    expect(await store.getPage(first.info.id, 99)).toBeNull();

    const stored = await store.loadDocumentResults('bundle-3');
    expect(stored.get(first.info.sha256)?.result).toEqual({ info: first.info, events: first.events, fingerprints: first.fingerprints, stageMs: first.stageMs });

    await store.recordDocumentFailure('bundle-3', results[2]!.info.sha256, 'corrupt: the PDF is damaged');
    expect((await store.listBundleDocuments('bundle-3'))[2]).toMatchObject({ state: 'failed', error: 'corrupt: the PDF is damaged' });
    const list = await store.listBundles({ limit: 10 });
    expect(list.items.map((b) => b.id)).toContain('bundle-3');
    expect((await store.listBundles({ status: 'processing' })).items.map((b) => b.id).sort()).toEqual(['bundle-3', 'bundle-x']);
  });

  it('never shows a reader half a timeline while one is rewritten', async () => {
    const big = (tag: string): Timeline => ({
      ...timeline,
      bundle: `big ${tag}`,
      events: Array.from({ length: 1500 }, (_, i) => ({ ...timeline.events[0]!, id: `${tag}${i}`, summary: `${tag} ${i}` })),
      flags: [],
    });
    await store.saveTimeline({ bundleId: 'bundle-4', timeline: big('A') });
    const writes = (async () => {
      for (const tag of ['B', 'C', 'D']) await store.saveTimeline({ bundleId: 'bundle-4', timeline: big(tag) });
    })();
    const seen = new Set<string>();
    let done = false;
    void writes.finally(() => {
      done = true;
    });
    let reads = 0;
    while (!done) {
      reads++;
      const t = await store.getTimeline('bundle-4');
      expect(t!.events).toHaveLength(1500);
      const tags = new Set(t!.events.map((e) => e.id[0]));
      expect(tags.size).toBe(1);
      expect(t!.bundle).toBe(`big ${[...tags][0]}`);
      seen.add([...tags][0]!);
    }
    await writes;
    expect(reads).toBeGreaterThan(0);
    expect((await store.getTimeline('bundle-4'))!.bundle).toBe('big D');
  });

  it('records each migration once', async () => {
    const rows = await store.db.query<{ version: number }>('select version from schema_migrations order by version');
    expect(rows.map((r) => r.version)).toEqual(MIGRATIONS.map((m) => m.version));
  });
});
