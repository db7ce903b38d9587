// The chronology's exports and originals through the API (PostgreSQL, Redis): Word, Excel, CSV and JSON
// with the case header, page-cited rows, both sides of each flag with its review status and notes;
// filters carried into the file; the original page as an image with the quote's boxes; the original
// file; admins' token routes; `chartline export` on the command line.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChronologyExportSchema } from '../../src/export/json-export.js';
import { startApi, uploadForm, type ApiHarness } from './support/api-harness.js';
import { CONSULT, lumbarFiles, PAIN_NOTE } from './support/samples.js';
import { runCli } from '../queue/support/cli.js';
import { DATABASE_URL } from '../queue/support/services.js';

let api: ApiHarness;
const NOTE = 'Checked the 07/29/14 note: the blocks helped then; the consult describes the later ablation.';

beforeAll(async () => {
  api = await startApi();
  const res = await api.call('/api/bundles', { method: 'POST', role: 'intake', body: uploadForm(lumbarFiles([PAIN_NOTE, CONSULT]), { bundleId: 'two', referenceDate: '2020-01-01' }) });
  expect(res.status).toBe(202);
  await api.finished('two');
  const flags = (await (await api.call('/api/flags?kind=contradiction', { role: 'analyst' })).json()) as { items: { id: string }[] };
  const review = await api.call(`/api/flags/${flags.items[0]!.id}/reviews`, {
    method: 'POST',
    role: 'reviewer',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ decision: 'dismiss', note: NOTE }),
  });
  expect(review.status).toBe(201);
}, 120_000);
afterAll(async () => api?.close());

async function file(path: string): Promise<{ res: Response; body: Buffer }> {
  const res = await api.call(path, { role: 'reviewer' });
  expect(
    res.status,
    await res
      .clone()
      .text()
      .catch(() => ''),
  ).toBe(200);
  return { res, body: Buffer.from(await res.arrayBuffer()) };
}

describe('GET /api/bundles/:id/export', () => {
  it('writes JSON of the chronology: rows with page cites, flags with both sides, status and notes', async () => {
    const { res, body } = await file('/api/bundles/two/export?format=json&detail=full');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="06-pr2-pain-management-2014-07-29-1-chronology-\d{4}-\d{2}-\d{2}\.json"/);
    const out = ChronologyExportSchema.parse(JSON.parse(body.toString('utf8')));
    expect(out.case).toMatchObject({ claimNumber: '05-4471-WC', injuryDate: '2010-01-12' });
    const consult = out.rows.find((r) => r.date === '2014-08-25' && r.document.name === CONSULT)!;
    expect(consult.pages).toEqual(expect.arrayContaining([1, 2]));
    expect(consult.statements!.length).toBeGreaterThan(20);
    const timeline = (await (await api.call('/api/bundles/two/timeline', { role: 'reviewer' })).json()) as { events: unknown[] };
    expect(out.rows.reduce((n, r) => n + (r.statements?.length ?? 0), 0)).toBe(timeline.events.length);
    const contradiction = out.flags.find((f) => f.kind === 'contradiction')!;
    expect(contradiction.status).toBe('dismissed');
    expect(contradiction.reviews).toEqual([expect.objectContaining({ decision: 'dismiss', reviewer: 'Test reviewer', note: NOTE })]);
    expect(contradiction.sides.map((s) => s.role)).toEqual(['helped', 'no relief']);
    expect(contradiction.sides[1]!.quotes[0]).toMatchObject({ documentName: CONSULT });
  });

  it('writes Word and Excel files a reviewer can open', async () => {
    const docx = await file('/api/bundles/two/export?format=docx');
    expect(docx.res.headers.get('content-type')).toContain('wordprocessingml');
    const { default: mammoth } = await import('mammoth');
    const text = (await mammoth.extractRawText({ buffer: docx.body })).value;
    expect(text).toContain('Claim number\n\n05-4471-WC');
    const rows = ChronologyExportSchema.parse(await (await api.call('/api/bundles/two/export?format=json', { role: 'reviewer' })).json()).rows;
    const consultType = rows.find((r) => r.date === '2014-08-25' && r.document.name === CONSULT)!.type;
    expect(text).toMatch(new RegExp(`08/25/2014\\s+${consultType}\\s`));
    expect(text).toContain(NOTE);
    expect(text).toMatch(/MEDIUM · contradiction — 08\/25\/2014 — dismissed/);

    const xlsx = await file('/api/bundles/two/export?format=xlsx');
    const { default: ExcelJS } = await import('exceljs');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.body as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Chronology', 'Statements', 'Flags', 'Case', 'Documents']);
    const flags = wb.getWorksheet('Flags')!;
    const row = flags.getRows(2, flags.rowCount - 1)!.find((r) => r.getCell(2).value === 'contradiction')!;
    expect(row.getCell(4).value).toBe('dismissed');
    expect(String(row.getCell(8).value)).toContain(NOTE);
  });

  it("carries the page's filters into the file, and refuses unknown formats and impossible dates", async () => {
    const all = ((await (await api.call('/api/bundles/two/export?format=json', { role: 'reviewer' })).json()) as { rows: unknown[] }).rows.length;
    const search = await file('/api/bundles/two/export?format=csv&q=08%2F25%2F14');
    const lines = search.body.toString('utf8').trim().split('\r\n');
    expect(lines[0]).toBe('row_id,date,type,provider,facility,summary,document,pages,statements,flags');
    expect(lines.length - 1).toBeGreaterThan(0);
    expect(lines.length - 1).toBeLessThan(all);
    for (const l of lines.slice(1)) expect(l).toMatch(/^r-[0-9a-f]{10},08\/25\/2014,/);
    expect(search.res.headers.get('x-row-count')).toBe(String(lines.length - 1));
    const filtered = ChronologyExportSchema.parse(await (await api.call('/api/bundles/two/export?format=json&flags=open', { role: 'reviewer' })).json());
    expect(filtered.filter).toBe('rows with open flags');
    expect(filtered.flags.every((f) => f.kind !== 'contradiction' || f.rows.some((id) => filtered.rows.some((r) => r.id === id)))).toBe(true);
    expect((await api.call('/api/bundles/two/export?format=rtf', { role: 'reviewer' })).status).toBe(400);
    expect((await api.call('/api/bundles/two/export?format=csv&from=2014-02-30', { role: 'reviewer' })).status).toBe(400);
    expect((await api.call('/api/bundles/nothing/export?format=csv', { role: 'reviewer' })).status).toBe(404);
  });
});

describe('the originals', () => {
  it('renders a PDF page once as an image, places a quote on it, and serves the original file', async () => {
    const timeline = (await (await api.call('/api/bundles/two/timeline', { role: 'reviewer' })).json()) as {
      documents: { id: string; name: string }[];
      events: { source: { document: string; page: number; start: number; end: number; quote: string } }[];
    };
    const consult = timeline.documents.find((d) => d.name === CONSULT)!;
    const quoted = timeline.events.find((e) => e.source.document === consult.id && e.source.quote.includes('4+/5 weakness'))!.source;
    const image = await file(`/api/documents/${consult.id}/pages/${quoted.page}/image`);
    expect(image.res.headers.get('content-type')).toBe('image/png');
    expect(image.body.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(image.body.readUInt32BE(16)).toBe(1100); // IHDR width
    const again = await file(`/api/documents/${consult.id}/pages/${quoted.page}/image`);
    expect(again.body.equals(image.body)).toBe(true);
    const boxes = (await (await api.call(`/api/documents/${consult.id}/pages/${quoted.page}/boxes?start=${quoted.start}&end=${quoted.end}`, { role: 'reviewer' })).json()) as {
      found: boolean;
      boxes: { x: number; y: number; w: number; h: number }[];
    };
    expect(boxes.found).toBe(true);
    for (const b of boxes.boxes) {
      expect(b.x).toBeGreaterThanOrEqual(0);
      expect(b.x + b.w).toBeLessThanOrEqual(1.0001);
      expect(b.y).toBeGreaterThan(0.2); // the discussion, not the letterhead
      expect(b.y + b.h).toBeLessThanOrEqual(1);
    }
    expect((await api.call(`/api/documents/${consult.id}/pages/99/image`, { role: 'reviewer' })).status).toBe(404);
    const original = await file(`/api/documents/${consult.id}/original?bundle=two`);
    expect(original.res.headers.get('content-type')).toBe('application/pdf');
    expect(original.res.headers.get('content-disposition')).toContain(`filename="${CONSULT}"`);
    expect(original.body.equals(lumbarFiles([CONSULT])[0]!.data as unknown as Buffer) || Buffer.compare(original.body, Buffer.from(lumbarFiles([CONSULT])[0]!.data)) === 0).toBe(true);
  }, 60_000);

  it('answers 404 for the page image of a text file, whose text is the original', async () => {
    const res = await api.call('/api/bundles', {
      method: 'POST',
      role: 'intake',
      body: uploadForm([{ name: 'note.txt', data: new TextEncoder().encode('Date of exam: 03/02/2015. Lumbar tenderness. Plan: physical therapy.') }], {
        bundleId: 'text-only',
        referenceDate: '2020-01-01',
      }),
    });
    expect(res.status).toBe(202);
    await api.finished('text-only');
    const t = (await (await api.call('/api/bundles/text-only/timeline', { role: 'reviewer' })).json()) as { documents: { id: string }[] };
    const img = await api.call(`/api/documents/${t.documents[0]!.id}/pages/1/image`, { role: 'reviewer' });
    expect(img.status).toBe(404);
    expect(((await img.json()) as { message: string }).message).toMatch(/not a PDF/);
  });
});

describe('tokens for admins', () => {
  it('creates, lists and revokes a token; a revoked token and its sessions stop at once', async () => {
    const created = await api.call('/api/tokens', { method: 'POST', role: 'admin', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ name: 'Dr. Web', role: 'reviewer' }) });
    expect(created.status).toBe(201);
    const { token, record } = (await created.json()) as { token: string; record: { id: string } };
    const list = (await (await api.call('/api/tokens', { role: 'admin' })).json()) as { items: { id: string; name: string; sessions: number }[] };
    expect(list.items.find((t) => t.id === record.id)).toMatchObject({ name: 'Dr. Web', sessions: 0 });
    expect(JSON.stringify(list)).not.toContain(token);
    expect((await api.call('/api/me', { token })).status).toBe(200);
    expect((await api.call(`/api/tokens/${record.id}/revoke`, { method: 'POST', role: 'admin' })).status).toBe(200);
    expect((await api.call('/api/me', { token })).status).toBe(401);
    expect((await api.call(`/api/tokens/${record.id}/revoke`, { method: 'POST', role: 'admin' })).status).toBe(404);
    expect((await api.call('/api/tokens', { method: 'POST', role: 'admin', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ name: ' ', role: 'reviewer' }) })).status).toBe(400);
  });
});

describe('chartline export', () => {
  it('writes the chronology file from the command line, and says what it wrote', async () => {
    const env = { DATABASE_URL, CHARTLINE_DB_SCHEMA: api.store.config.schema, CHARTLINE_DATA: api.store.config.dataDir };
    const out = `${api.store.config.dataDir}/two.csv`;
    const r = await runCli(['export', 'two', '--format', 'csv', '--search', '08/25/14', '-o', out], env, 60_000);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/^chartline: \d+ of \d+ visits and reports, \d+ flags? → /);
    expect(readFileSync(out, 'utf8').split('\r\n')[0]).toBe('row_id,date,type,provider,facility,summary,document,pages,statements,flags');
    const bad = await runCli(['export', 'two', '--format', 'rtf'], env);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--format must be one of docx, xlsx, pdf, csv, json, fhir, not "rtf"/);
    expect((await runCli(['export', 'two', '--format', 'csv', '--from', '2016-02-31'], env)).code).toBe(2);
  }, 90_000);
});
