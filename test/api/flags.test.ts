// /api/flags (filters, paging, counts), the CSV export, one flag, its reviews (who and when), and
// the source pages their quotes point into.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Timeline } from '../../src/schema.js';
import { FlagPageSchema, FlagRecordSchema, FlagReviewSchema, PageRecordSchema, type FlagRecord } from '../../src/store/records.js';
import { FLAG_CSV_COLUMNS } from '../../src/api/flags-csv.js';
import { startApi, uploadForm, type ApiHarness } from './support/api-harness.js';
import { CONSULT, lumbarFiles, PAIN_NOTE } from './support/samples.js';

let api: ApiHarness;
let timeline: Timeline;
let all: FlagRecord[];

beforeAll(async () => {
  api = await startApi();
  const upload = async (bundleId: string, names: string[]) => {
    const res = await api.call('/api/bundles', { method: 'POST', role: 'intake', body: uploadForm(lumbarFiles(names), { bundleId, referenceDate: '2020-01-01' }) });
    expect(res.status).toBe(202);
  };
  await Promise.all([upload('lumbar-a', [PAIN_NOTE, CONSULT]), upload('lumbar-b', [CONSULT])]);
  await Promise.all([api.finished('lumbar-a'), api.finished('lumbar-b')]);
  timeline = (await (await api.call('/api/bundles/lumbar-a/timeline', { role: 'reviewer' })).json()) as Timeline;
  all = FlagPageSchema.parse(await (await api.call('/api/flags?limit=500', { role: 'analyst' })).json()).items;
}, 120_000);
afterAll(async () => api?.close());

const flagsOf = async (query: string) => {
  const res = await api.call(`/api/flags${query}`, { role: 'analyst' });
  expect(res.status).toBe(200);
  return FlagPageSchema.parse(await res.json());
};

async function message(res: Response, status: number): Promise<string> {
  expect(res.status).toBe(status);
  const body = (await res.json()) as { statusCode: number; error: string; message: string };
  expect(body.statusCode).toBe(status);
  return body.message;
}

describe('GET /api/flags', () => {
  it('lists flags across bundles, most severe first, with counts by kind and status', async () => {
    expect(all.length).toBe(timeline.flags.length + (await flagsOf('?bundle=lumbar-b')).total);
    expect(new Set(all.map((f) => f.bundleId))).toEqual(new Set(['lumbar-a', 'lumbar-b']));
    const rank = { high: 0, medium: 1, low: 2 };
    expect(all.map((f) => rank[f.flag.severity])).toEqual([...all.map((f) => rank[f.flag.severity])].sort());
    const page = await flagsOf('');
    expect(page.counts.byStatus).toEqual({ open: all.length });
    expect(Object.values(page.counts.byKind).reduce((a, b) => a + b, 0)).toBe(all.length);
    expect(page.counts.byKind.exam_plan_mismatch).toBe(2);
  });

  it('filters by kind, severity, status, bundle and date range, and pages', async () => {
    const mismatch = await flagsOf('?kind=exam_plan_mismatch');
    expect(mismatch.total).toBe(2);
    expect(mismatch.items.every((f) => f.flag.kind === 'exam_plan_mismatch')).toBe(true);
    // counts by kind ignore the kind filter (the analyst sees what else there is)
    expect(mismatch.counts.byKind.contradiction).toBeGreaterThan(0);
    expect((await flagsOf('?kind=exam_plan_mismatch&kind=contradiction')).total).toBe((await flagsOf('?kind=exam_plan_mismatch,contradiction')).total);
    expect((await flagsOf('?severity=high')).items.every((f) => f.flag.severity === 'high')).toBe(true);
    expect((await flagsOf('?bundle=lumbar-b')).items.every((f) => f.bundleId === 'lumbar-b')).toBe(true);
    expect((await flagsOf('?status=dismissed')).total).toBe(0);
    const aug = await flagsOf('?from=2014-08&to=2014-08-31');
    expect(aug.total).toBeGreaterThan(0);
    expect(aug.items.every((f) => f.flag.date?.startsWith('2014-08'))).toBe(true);
    expect((await flagsOf('?from=2015')).total).toBe(0);
    const first = await flagsOf('?limit=1');
    const second = await flagsOf('?limit=1&offset=1');
    expect(first.items).toHaveLength(1);
    expect(second.items[0]?.id).toBe(all[1]?.id);
    expect(first.total).toBe(all.length);
  });

  it('refuses bad filters with a 400 naming the field', async () => {
    const bad = (q: string) => api.call(`/api/flags${q}`, { role: 'analyst' });
    expect(await message(await bad('?kind=typo'), 400)).toMatch(/query\.kind\[0\]: Invalid option: expected one of "exam_plan_mismatch"/);
    expect(await message(await bad('?status=closed'), 400)).toMatch(/query\.status/);
    expect(await message(await bad('?from=08/25/2014'), 400)).toMatch(/query\.from: expected YYYY-MM-DD/);
    expect(await message(await bad('?limit=100000'), 400)).toMatch(/query\.limit/);
    expect(await message(await bad('?bundle=../x'), 400)).toMatch(/query\.bundle/);
  });
});

describe('GET /api/flags.csv', () => {
  it('exports the filtered list as CSV', async () => {
    const res = await api.call('/api/flags.csv?kind=exam_plan_mismatch', { role: 'analyst' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="chartline-flags-\d{4}-\d{2}-\d{2}\.csv"$/);
    const text = await res.text();
    const lines = text.split('\r\n').filter(Boolean);
    expect(lines[0]).toBe(FLAG_CSV_COLUMNS.join(','));
    // summaries and quotes contain commas and quotes: each row still starts with its flag id
    const rows = lines.slice(1);
    expect(rows).toHaveLength(2);
    for (const row of rows) expect(row).toMatch(/^fl_[0-9a-f]{24},lumbar-[ab],/);
    const flag = all.find((f) => f.flag.kind === 'exam_plan_mismatch')!;
    expect(text).toContain(`"${flag.flag.summary.replace(/"/g, '""')}"`);
    const everything = await api.call('/api/flags.csv', { role: 'analyst' });
    expect((await everything.text()).split('\r\n').filter(Boolean)).toHaveLength(all.length + 1);
    expect(everything.headers.get('x-total-count')).toBe(String(all.length));
  });
});

describe('GET /api/flags/:id and its reviews', () => {
  it('shows one flag; 404 for an unknown id, 400 for a malformed one', async () => {
    const id = all[0]!.id;
    const res = await api.call(`/api/flags/${id}`, { role: 'reviewer' });
    expect(res.status).toBe(200);
    expect(FlagRecordSchema.parse(await res.json())).toEqual(all[0]);
    expect(await message(await api.call(`/api/flags/fl_${'0'.repeat(24)}`, { role: 'reviewer' }), 404)).toBe(`no flag fl_${'0'.repeat(24)}`);
    expect(await message(await api.call('/api/flags/F1', { role: 'reviewer' }), 400)).toMatch(/params\.id: not a flag id/);
    expect(await message(await api.call(`/api/flags/fl_${'0'.repeat(24)}/reviews`, { role: 'reviewer' }), 404)).toMatch(/no flag/);
  });

  it("records a decision with who and when, moves the flag's status, and keeps the whole trail", async () => {
    const flag = all.find((f) => f.bundleId === 'lumbar-a' && f.flag.kind === 'contradiction')!;
    const before = Date.now();
    const post = (role: 'reviewer' | 'analyst', body: unknown) =>
      api.call(`/api/flags/${flag.id}/reviews`, { method: 'POST', role, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    const first = await post('reviewer', { decision: 'needs-info', note: 'Need the 04/23/14 procedure note.' });
    expect(first.status).toBe(201);
    const review = FlagReviewSchema.parse(await first.json());
    expect(review).toMatchObject({
      flagId: flag.id,
      bundleId: 'lumbar-a',
      decision: 'needs-info',
      note: 'Need the 04/23/14 procedure note.',
      reviewer: 'Test reviewer',
      tokenId: api.tokenIds.reviewer,
    });
    expect(Date.parse(review.createdAt)).toBeGreaterThanOrEqual(before - 5000);
    expect((await (await api.call(`/api/flags/${flag.id}`, { role: 'reviewer' })).json()) as FlagRecord).toMatchObject({ status: 'needs-info', reviews: 1 });

    const second = await post('analyst', { decision: 'confirm' });
    expect(second.status).toBe(201);
    const trail = (await (await api.call(`/api/flags/${flag.id}/reviews`, { role: 'reviewer' })).json()) as { items: unknown[] };
    expect(
      FlagReviewSchema.array()
        .parse(trail.items)
        .map((r) => [r.decision, r.reviewer, r.note]),
    ).toEqual([
      ['needs-info', 'Test reviewer', 'Need the 04/23/14 procedure note.'],
      ['confirm', 'Test analyst', ''],
    ]);
    const counts = await flagsOf('');
    expect(counts.counts.byStatus).toEqual({ open: all.length - 1, confirmed: 1 });
    expect((await flagsOf('?status=confirmed')).items.map((f) => f.id)).toEqual([flag.id]);
  });

  it('refuses bad review bodies with a clear 400 and unknown flags with 404', async () => {
    const id = all[0]!.id;
    const post = (body: string | undefined, type = 'application/json', target = id) =>
      api.call(`/api/flags/${target}/reviews`, { method: 'POST', role: 'reviewer', headers: body === undefined ? {} : { 'Content-Type': type }, body });
    expect(await message(await post(JSON.stringify({ decision: 'maybe' })), 400)).toMatch(/body\.decision: Invalid option: expected one of "confirm"\|"dismiss"\|"needs-info"/);
    expect(await message(await post(JSON.stringify({ note: 'no decision' })), 400)).toMatch(/body\.decision/);
    expect(await message(await post(JSON.stringify({ decision: 'dismiss', note: 'x'.repeat(10_001) })), 400)).toMatch(/body\.note/);
    expect(await message(await post(JSON.stringify({ decision: 'dismiss', reviewer: 'someone else' })), 400)).toMatch(/Unrecognized key: "reviewer"/);
    expect(await message(await post('{"decision": '), 400)).toMatch(/not valid JSON/);
    expect(await message(await post(undefined), 400)).toMatch(/needs a JSON object as its body/);
    expect(await message(await post('decision=confirm', 'text/plain'), 400)).toMatch(/needs a JSON object as its body \(Content-Type: application\/json\)/);
    expect(await message(await post('<review/>', 'application/xml'), 415)).toMatch(/unsupported Content-Type/);
    expect(await message(await post(JSON.stringify({ decision: 'confirm' }), 'application/json', `fl_${'1'.repeat(24)}`), 404)).toMatch(/no flag/);
    // a dismissal says why: without a note (or with only spaces) it is refused and nothing is recorded
    for (const note of [undefined, '', '   ']) {
      expect(await message(await post(JSON.stringify({ decision: 'dismiss', ...(note === undefined ? {} : { note }) })), 400)).toMatch(/body\.note: a dismissal needs a note/);
    }
    expect((await (await api.call(`/api/flags/${id}/reviews`, { role: 'reviewer' })).json()) as { items: unknown[] }).toEqual({ items: [] });
  });
});

describe('GET /api/documents/:id/pages/:n', () => {
  it("serves the page text each quote's offsets point into", async () => {
    for (const e of timeline.events.slice(0, 40)) {
      const res = await api.call(`/api/documents/${e.source.document}/pages/${e.source.page}`, { role: 'reviewer' });
      expect(res.status).toBe(200);
      const page = PageRecordSchema.parse(await res.json());
      if (e.source.end <= page.text.length) expect(page.text.slice(e.source.start, e.source.end)).toBe(e.source.quote);
      else expect(e.source.quote.startsWith(page.text.slice(e.source.start))).toBe(true);
    }
    const doc = timeline.documents.find((d) => d.name === CONSULT)!;
    const byHash = PageRecordSchema.parse(await (await api.call(`/api/documents/${doc.sha256}/pages/1`, { role: 'reviewer' })).json());
    expect(byHash).toMatchObject({ documentId: doc.id, num: 1, pageCount: doc.pages });
  });

  it('answers 404 for a page or document that is not there and 400 for malformed ones', async () => {
    const doc = timeline.documents[0]!;
    expect(await message(await api.call(`/api/documents/${doc.id}/pages/${doc.pages + 1}`, { role: 'reviewer' }), 404)).toBe(`no page ${doc.pages + 1} of document ${doc.id}`);
    expect(await message(await api.call(`/api/documents/${'f'.repeat(16)}/pages/1`, { role: 'reviewer' }), 404)).toMatch(/no page 1/);
    expect(await message(await api.call(`/api/documents/${doc.id}/pages/0`, { role: 'reviewer' }), 400)).toMatch(/params\.n: pages are numbered from 1/);
    expect(await message(await api.call(`/api/documents/${doc.id}/pages/two`, { role: 'reviewer' }), 400)).toMatch(/params\.n/);
    expect(await message(await api.call('/api/documents/not-hex/pages/1', { role: 'reviewer' }), 400)).toMatch(/params\.id: not a document id/);
  });
});
