// /api/bundles: upload (multipart, limits, idempotence), status and progress, one bundle, and the
// timeline — exactly what `chartline process` makes of the same files.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { processBundle } from '../../src/pipeline.js';
import { TimelineSchema } from '../../src/schema.js';
import { BundleListSchema } from '../../src/store/records.js';
import { UploadResultSchema } from '../../src/api/api-schemas.js';
import { startApi, uploadForm, type ApiHarness } from './support/api-harness.js';
import { CONSULT, lumbarFiles, PAIN_NOTE } from './support/samples.js';

const referenceDate = '2020-01-01';
let api: ApiHarness;

beforeAll(async () => {
  api = await startApi({ limits: { maxFileBytes: 200_000, maxFiles: 5, maxTotalBytes: 400_000 } });
});
afterAll(async () => api?.close());

async function errorOf(res: Response, status: number): Promise<string> {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  const body = (await res.json()) as Record<string, unknown>;
  expect(Object.keys(body).sort()).toEqual(['error', 'message', 'statusCode']);
  expect(body.statusCode).toBe(status);
  expect(JSON.stringify(body)).not.toMatch(/\bat .*\.(ts|js):\d+/); // never a stack trace
  return String(body.message);
}

describe('POST /api/bundles', () => {
  const files = lumbarFiles([PAIN_NOTE, CONSULT]);

  it('stores and queues the files, and the bundle is processed into the same timeline `chartline process` prints', async () => {
    const res = await api.call('/api/bundles', { method: 'POST', role: 'intake', body: uploadForm(files, { name: 'lumbar two', bundleId: 'lumbar-two', referenceDate }) });
    expect(res.status).toBe(202);
    const body = UploadResultSchema.parse(await res.json());
    expect(body).toMatchObject({ bundleId: 'lumbar-two', name: 'lumbar two', referenceDate, added: true });
    expect(body.documents.map((d) => d.name)).toEqual([PAIN_NOTE, CONSULT]);
    expect(body.bundle).toMatchObject({ id: 'lumbar-two', status: 'queued', documentsTotal: 2, progress: 0 });
    for (const d of body.documents) expect(api.store.blobs.has(d.sha256)).toBe(true);

    await api.finished('lumbar-two');
    const timelineRes = await api.call('/api/bundles/lumbar-two/timeline', { role: 'reviewer' });
    expect(timelineRes.status).toBe(200);
    const text = await timelineRes.text();
    const expected = await processBundle('lumbar two', files, { referenceDate: new Date(`${referenceDate}T12:00:00Z`) });
    expect(text).toBe(JSON.stringify(expected)); // the same contract, byte for byte (key order included)
    const timeline = TimelineSchema.parse(JSON.parse(text));
    expect(timeline.flags.map((f) => f.kind)).toEqual(expect.arrayContaining(['exam_plan_mismatch', 'contradiction']));
  });

  it('lists bundles with status and progress, filters by status, pages', async () => {
    const res = await api.call('/api/bundles?status=completed&limit=10', { role: 'intake' });
    expect(res.status).toBe(200);
    const list = BundleListSchema.parse(await res.json());
    expect(list.items.find((b) => b.id === 'lumbar-two')).toMatchObject({ status: 'completed', progress: 100, documentsDone: 2, documentsTotal: 2, hasTimeline: true });
    const none = BundleListSchema.parse(await (await api.call('/api/bundles?status=failed', { role: 'intake' })).json());
    expect(none.items.every((b) => b.status === 'failed')).toBe(true);
    expect(await errorOf(await api.call('/api/bundles?limit=0', { role: 'intake' }), 400)).toMatch(/query\.limit/);
    expect(await errorOf(await api.call('/api/bundles?status=lost', { role: 'intake' }), 400)).toMatch(/query\.status/);
    expect(await errorOf(await api.call('/api/bundles?colour=red', { role: 'intake' }), 400)).toMatch(/colour/);
  });

  it("shows one bundle with its documents' state; 404 for an unknown one, 400 for a malformed id", async () => {
    const res = await api.call('/api/bundles/lumbar-two', { role: 'intake' });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { bundle: { status: string }; documents: { name: string; state: string; pages: number }[] };
    expect(body.bundle.status).toBe('completed');
    expect(body.documents.map((d) => [d.name, d.state])).toEqual([
      [PAIN_NOTE, 'done'],
      [CONSULT, 'done'],
    ]);
    expect(await errorOf(await api.call('/api/bundles/no-such-bundle', { role: 'intake' }), 404)).toBe('no bundle no-such-bundle');
    expect(await errorOf(await api.call('/api/bundles/no-such-bundle/timeline', { role: 'reviewer' }), 404)).toBe('no bundle no-such-bundle');
    expect(await errorOf(await api.call('/api/bundles/-bad%20id', { role: 'intake' }), 400)).toMatch(/params\.id: not a bundle id/);
  });

  it('answers 409 for a timeline that is not there yet', async () => {
    await api.store.createBundle({ id: 'waiting-one', name: 'waiting', documents: [{ name: 'a.pdf', sha256: 'a'.repeat(64) }] });
    expect(await errorOf(await api.call('/api/bundles/waiting-one/timeline', { role: 'reviewer' }), 409)).toMatch(/no timeline yet \(queued, 0%\)/);
  });

  it('adds nothing when the same files are uploaded again, and refuses other files under the same id (409)', async () => {
    const again = await api.call('/api/bundles', { method: 'POST', role: 'intake', body: uploadForm(files, { name: 'lumbar two', bundleId: 'lumbar-two', referenceDate }) });
    expect(again.status).toBe(202);
    expect(((await again.json()) as { added: boolean }).added).toBe(false);
    const other = await api.call('/api/bundles', { method: 'POST', role: 'intake', body: uploadForm(files.slice(0, 1), { bundleId: 'lumbar-two' }) });
    expect(await errorOf(other, 409)).toMatch(/already queued with other files/);
  });

  it('derives a name and id from the files when none is given', async () => {
    const res = await api.call('/api/bundles', {
      method: 'POST',
      role: 'analyst',
      body: uploadForm([{ name: 'note.txt', data: new TextEncoder().encode('PROGRESS NOTE\nDate of service: 07/29/2014\nHe reports low back pain.\n') }]),
    });
    expect(res.status).toBe(202);
    const body = UploadResultSchema.parse(await res.json());
    expect(body.name).toBe('note');
    // the name comes from the file; the id never does
    expect(body.bundleId).toMatch(/^bundle-[0-9a-f]{10}$/);
    await api.finished(body.bundleId);
  });

  it('refuses bad uploads with 400, 413 and 415', async () => {
    const small = [{ name: 'a.txt', data: new TextEncoder().encode('Visit on 01/02/2014.') }];
    const post = (body: BodyInit, headers?: Record<string, string>) => api.call('/api/bundles', { method: 'POST', role: 'intake', body, headers });
    expect(await errorOf(await post(uploadForm([], { name: 'empty' })), 400)).toMatch(/no files/);
    expect(await errorOf(await post(uploadForm(small, { referenceDate: '2020-13-45' })), 400)).toMatch(/form\.referenceDate/);
    expect(await errorOf(await post(uploadForm(small, { bundleId: '../etc' })), 400)).toMatch(/form\.bundleId: not a bundle id/);
    expect(await errorOf(await post(uploadForm(small, { colour: 'red' })), 400)).toMatch(/colour/);
    const wrongPart = new FormData();
    wrongPart.append('attachment', new Blob(['x']), 'x.txt');
    expect(await errorOf(await post(wrongPart), 400)).toMatch(/parts named "files"/);
    expect(await errorOf(await post(JSON.stringify({ files: [] }), { 'Content-Type': 'application/json' }), 415)).toMatch(/multipart\/form-data/);

    const big = new Uint8Array(250_000).fill(65);
    expect(await errorOf(await post(uploadForm([{ name: 'big.txt', data: big }])), 413)).toMatch(/larger than 195\.3 KB \(the limit per file\)/);
    const six = Array.from({ length: 6 }, (_, i) => ({ name: `n${i}.txt`, data: new TextEncoder().encode(`note ${i}`) }));
    expect(await errorOf(await post(uploadForm(six)), 413)).toMatch(/more than 5 files/);
    const three = Array.from({ length: 3 }, (_, i) => ({ name: `m${i}.txt`, data: new Uint8Array(150_000).fill(66 + i) }));
    expect(await errorOf(await post(uploadForm(three)), 413)).toMatch(/larger than 390\.6 KB in all/);
    // nothing of a refused upload was queued
    const list = BundleListSchema.parse(await (await api.call('/api/bundles?limit=200', { role: 'intake' })).json());
    expect(list.items.map((b) => b.name).filter((n) => /^(big|n0|m0)/.test(n))).toEqual([]);
  });

  it('logs ids and counts, never file names or record text', () => {
    const log = api.logs.join('');
    expect(log).toMatch(/"bundle":"lumbar-two","files":2/);
    for (const secret of [CONSULT, PAIN_NOTE, 'lumbar two', 'straight leg raise', 'paresthesias', api.tokens.intake]) expect(log.toLowerCase()).not.toContain(secret.toLowerCase());
  });
});
