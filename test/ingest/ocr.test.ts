// OCR end to end on real inputs made here: a text PDF rendered and faxed back into an image-only PDF,
// a multi-page G4 TIFF, a PNG, a blank scan and a page fed sideways. Few and small pages: OCR costs
// about a second a page.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { faxPages, faxPdf, faxPdfOf, faxTiff, rotatePage } from '../../bench/fax.js';
import { ingestDocument, type IngestedDocument } from '../../src/ingest/ingest-document.js';
import { closeOcrPool } from '../../src/ingest/ocr-pool.js';
import { processBundle } from '../../src/pipeline.js';
import type { Timeline } from '../../src/schema.js';
import { TimelineSchema } from '../../src/schema.js';
import { makePdf } from '../support/make-pdf.js';

const REFERENCE = new Date('2025-06-30T12:00:00Z');
const SAMPLE = join(import.meta.dirname, '..', '..', 'samples', 'knee-chronology', '02-mri-left-knee-2014-10-02.pdf');

afterAll(async () => {
  await closeOcrPool();
});

const dated = (t: Timeline) => [...new Set(t.events.filter((e) => e.date).map((e) => `${e.date} ${e.type}`))].sort();

describe('a scanned PDF made from a real text PDF', () => {
  let original: Timeline;
  let scanned: Timeline;

  beforeAll(async () => {
    const pdf = new Uint8Array(readFileSync(SAMPLE));
    const fax = await faxPdfOf(pdf, { seed: 'ocr-test' });
    [original, scanned] = await Promise.all([
      processBundle('original', [{ name: 'mri.pdf', data: pdf }], { referenceDate: REFERENCE }),
      processBundle('fax', [{ name: 'mri-fax.pdf', data: fax }], { referenceDate: REFERENCE }),
    ]);
  });

  it('is image-only: every page is read by OCR, with its confidence', () => {
    const info = scanned.documents[0]?.pageInfo ?? [];
    expect(info.map((p) => p.text)).toEqual(['ocr', 'ocr']);
    for (const p of info) expect(p.confidence).toBeGreaterThan(70);
    expect(original.documents[0]?.pageInfo?.map((p) => p.text)).toEqual(['layer', 'layer']);
    expect(scanned.documents[0]?.errors).toEqual([]);
  });

  it('yields the same dated events as the original', () => {
    expect(dated(original).length).toBeGreaterThan(0);
    expect(dated(scanned)).toEqual(dated(original));
  });

  it('marks every quote: null on the text layer, the OCR confidence of its words on the scan', () => {
    expect(TimelineSchema.parse(scanned)).toBeTruthy();
    for (const e of original.events) for (const s of e.sources) expect(s.ocr).toBeNull();
    for (const e of scanned.events) {
      for (const s of e.sources) {
        expect(s.ocr?.confidence).toBeGreaterThan(0);
        expect(s.ocr?.confidence).toBeLessThanOrEqual(100);
      }
    }
  });
});

describe('image files', () => {
  const first = ['Progress report dated 03/04/2015.', 'The patient reports low back pain rated 6/10.'];
  const second = ['Progress report dated 04/01/2015.', 'Plan: continue physical therapy twice weekly.'];
  let tiffDoc: IngestedDocument;
  let pngDoc: IngestedDocument;

  beforeAll(async () => {
    const pages = await faxPages(await makePdf([first, second]), { seed: 'tiff' });
    const png = await sharp((pages[0] as { pixels: Uint8Array }).pixels, { raw: { width: pages[0]?.width ?? 0, height: pages[0]?.height ?? 0, channels: 1 } })
      .png()
      .toBuffer();
    [tiffDoc, pngDoc] = await Promise.all([ingestDocument({ name: 'fax.tif', data: await faxTiff(pages) }), ingestDocument({ name: 'scan.png', data: new Uint8Array(png) })]);
  });

  it('a multi-page TIFF: one page per image, each read', () => {
    expect(tiffDoc.pages.map((p) => p.num)).toEqual([1, 2]);
    expect(tiffDoc.pageInfo.map((p) => p.text)).toEqual(['ocr', 'ocr']);
    expect(tiffDoc.text).toContain('Progress report dated 03/04/2015.');
    expect(tiffDoc.text).toContain('Progress report dated 04/01/2015.');
    expect(tiffDoc.errors).toEqual([]);
  });

  it('a PNG', () => {
    expect(pngDoc.pages).toHaveLength(1);
    expect(pngDoc.text).toContain('The patient reports low back pain rated 6/10.');
    expect(pngDoc.pageInfo[0]?.confidence).toBeGreaterThan(70);
  });
});

describe('pages OCR finds nothing on, or must turn', () => {
  it('a blank scanned page gives no events and no error', async () => {
    const blank = await faxPdf(await faxPages(await makePdf([[]]), { seed: 'blank' }));
    const t = await processBundle('blank', [{ name: 'blank.pdf', data: blank }], { referenceDate: REFERENCE });
    expect(t.events).toEqual([]);
    expect(t.documents[0]?.errors).toEqual([]);
    expect(t.documents[0]?.pageInfo).toEqual([{ num: 1, text: 'ocr', confidence: null }]);
  });

  it('a page fed sideways (turned 90°) is turned back and read', async () => {
    const [page] = await faxPages(await makePdf([['Date of Injury: 10/17/2016', 'The claimant was evaluated on 11/03/2016 for neck pain.']]), { seed: 'turned' });
    const doc = await ingestDocument({ name: 'sideways.pdf', data: await faxPdf([await rotatePage(page as never, 90)]) });
    expect(doc.text).toContain('evaluated on 11/03/2016');
    expect(doc.errors).toEqual([]);
  });

  it('a damaged image file is a clear error, not a crash', async () => {
    const doc = await ingestDocument({ name: 'bad.tif', data: new Uint8Array([0x49, 0x49, 0x2a, 0x00, 0xff, 0xff, 0xff, 0x7f, 1, 2, 3]) });
    expect(doc.errors[0]?.code).toBe('corrupt');
    expect(doc.errors[0]?.message).toMatch(/^bad\.tif: the TIFF image is damaged/);
  });
});
