import { makePdf } from '../support/make-pdf.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { documentId, ingestDocument, locate, sha256Hex, splitTextPages, type IngestedDocument, type PageSpan } from '../../src/ingest/ingest-document.js';
import { IngestError } from '../../src/ingest/ingest-error.js';

const pageText = (doc: IngestedDocument, num: number): string => {
  const span = doc.pages.find((p) => p.num === num);
  if (!span) throw new Error(`no page ${num}`);
  return doc.text.slice(span.offset, span.offset + span.length);
};

describe('ingestDocument: a PDF built with pdf-lib', () => {
  const PAGES = [['Progress report dated 03/04/2015.', 'The patient reports low back pain rated 6/10.'], [], ['Plan: continue physical therapy twice weekly.']];
  let data: Uint8Array;
  let doc: IngestedDocument;

  beforeAll(async () => {
    data = await makePdf(PAGES);
    doc = await ingestDocument({ name: 'visit.pdf', data });
  });

  it('has one span per page, numbered from 1', () => {
    expect(doc.pages.map((p) => p.num)).toEqual([1, 2, 3]);
  });

  it.each<[number, string]>([
    [1, 'Progress report dated 03/04/2015.\nThe patient reports low back pain rated 6/10.'],
    [2, ''],
    [3, 'Plan: continue physical therapy twice weekly.'],
  ])('page %i reads %j', (num, text) => {
    expect(pageText(doc, num)).toBe(text);
  });

  it('reads the page with no text layer by OCR: blank, so no text and no error', () => {
    expect(doc.errors).toEqual([]);
    expect(doc.pageInfo).toEqual([
      { num: 1, text: 'layer', confidence: null },
      { num: 2, text: 'ocr', confidence: null },
      { num: 3, text: 'layer', confidence: null },
    ]);
  });

  it('with OCR off, reports the page with no text as needing OCR, naming the page', async () => {
    const off = await ingestDocument({ name: 'visit.pdf', data }, undefined, { enabled: false });
    expect(off.errors).toEqual([{ code: 'needs_ocr', message: expect.stringContaining('page 2 has no text layer'), pages: [2] }]);
    expect(off.pageInfo.map((p) => p.text)).toEqual(['layer', 'layer', 'layer']);
  });

  it('spans are contiguous: each page is followed by one separator', () => {
    let offset = 0;
    for (const p of doc.pages) {
      expect(p.offset).toBe(offset);
      offset += p.length + 1;
    }
    expect(doc.text.length).toBe(offset);
  });

  it('identifies the file by its bytes', () => {
    expect(doc.name).toBe('visit.pdf');
    expect(doc.sha256).toBe(sha256Hex(data));
    expect(doc.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(doc.id).toBe(documentId(doc.sha256));
    expect(doc.id).toBe(doc.sha256.slice(0, 16));
  });

  it("leaves the caller's bytes usable (pdf.js must not detach them)", async () => {
    const again = await ingestDocument({ name: 'visit.pdf', data });
    expect(again.text).toBe(doc.text);
    expect(data.byteLength).toBeGreaterThan(0);
  });
});

describe('ingestDocument: needs_ocr (OCR off)', () => {
  it.each<[string, string[][], number[], RegExp]>([
    ['every page blank', [[], []], [1, 2], /no text layer on any page \(2 pages\)/],
    ['a single blank page', [[]], [1], /no text layer on any page \(1 page\)/],
    ['two of three pages blank', [[], ['Assessment: lumbar strain.'], []], [1, 3], /pages 1, 3 have no text layer and need OCR/],
  ])('%s', async (_label, pages, blank, message) => {
    const doc = await ingestDocument({ name: 'scan.pdf', data: await makePdf(pages) }, undefined, { enabled: false });
    expect(doc.pages).toHaveLength(pages.length);
    expect(doc.errors).toHaveLength(1);
    expect(doc.errors[0]).toMatchObject({ code: 'needs_ocr', pages: blank });
    expect(doc.errors[0]?.message).toMatch(message);
  });

  it('a PDF with text on every page has no errors', async () => {
    const doc = await ingestDocument({ name: 'ok.pdf', data: await makePdf([['Neck pain.'], ['Back pain.']]) });
    expect(doc.errors).toEqual([]);
  });
});

describe('ingestDocument: files that cannot be read give a clear per-file error', () => {
  it.each<[string, string, () => Promise<Uint8Array> | Uint8Array, string, RegExp]>([
    ['empty', 'empty.pdf', () => new Uint8Array(0), 'empty', /^empty\.pdf: the file is empty$/],
    ['a damaged .docx', 'letter.docx', () => Buffer.from([0x50, 0x4b, 0x03, 0x04, ...Buffer.from('word/document.xml')]), 'corrupt', /^letter\.docx: the Word document is damaged and cannot be read/],
    [
      'a .pdf that is binary, not a PDF',
      'notes.pdf',
      () => Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 151 + 7) % 256)),
      'unsupported',
      /^notes\.pdf: the file is named \.pdf but is not a PDF$/,
    ],
    ['binary', 'image.bin', () => Buffer.from([1, 2, 3, 0, 5]), 'unsupported', /^image\.bin: unsupported file type/],
    ['garbage after a PDF header', 'garbage.pdf', () => Buffer.from('%PDF-1.4\nnot really a PDF at all\n%%EOF\n'), 'corrupt', /^garbage\.pdf: the PDF is damaged/],
    ['a truncated PDF', 'cut.pdf', async () => (await makePdf([['The claimant was seen on 03/04/2015.']])).slice(0, 400), 'corrupt', /^cut\.pdf: the PDF is damaged/],
  ])('%s', async (_label, name, make, code, message) => {
    const doc = await ingestDocument({ name, data: await make() });
    expect(doc.text).toBe('');
    expect(doc.pages).toEqual([]);
    expect(doc.errors).toHaveLength(1);
    expect(doc.errors[0]?.code).toBe(code);
    expect(doc.errors[0]?.message).toMatch(message);
    expect(doc.name).toBe(name);
    expect(doc.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('an error from the PDF reader is reported, not thrown', async () => {
    const reader = async (): Promise<never> => {
      throw new IngestError('encrypted', 'the PDF is encrypted (password-protected)');
    };
    const doc = await ingestDocument({ name: 'locked.pdf', data: Buffer.from('%PDF-1.6\n') }, reader);
    expect(doc.errors).toEqual([{ code: 'encrypted', message: 'locked.pdf: the PDF is encrypted (password-protected)' }]);
  });

  it('an unexpected error from the PDF reader is a bug and is thrown', async () => {
    const reader = async (): Promise<never> => {
      throw new TypeError('boom');
    };
    await expect(ingestDocument({ name: 'x.pdf', data: Buffer.from('%PDF-1.6\n') }, reader)).rejects.toThrow('boom');
  });
});

describe('ingestDocument: text files', () => {
  it('a text file is one page; form feeds separate pages', async () => {
    const doc = await ingestDocument({ name: 'note.txt', data: Buffer.from('Neck pain after a fall.\fReturn in two weeks.\f') });
    expect(doc.pages.map((p) => p.num)).toEqual([1, 2]);
    expect(pageText(doc, 1)).toBe('Neck pain after a fall.');
    expect(pageText(doc, 2)).toBe('Return in two weeks.');
    expect(doc.errors).toEqual([]);
  });

  it('a sentence running onto the next page is joined by a space, not a line break', async () => {
    const lines = [
      'The claimant was evaluated by the treating orthopedist who noted persistent',
      'pain in the lumbar spine radiating into the right leg with numbness in the',
      'foot, and the treating physician requested an epidural steroid injection at',
    ];
    const doc = await ingestDocument({ name: 'note.txt', data: Buffer.from(`${lines.join('\n')}\fL5-S1 on the right side.`) });
    expect(doc.text).toBe(`${lines.join(' ')} L5-S1 on the right side.\n`);
    expect(pageText(doc, 2)).toBe('L5-S1 on the right side.');
  });

  it.each<[string, string[]]>([
    ['One page.', ['One page.']],
    ['\ufeffWith a byte-order mark.', ['With a byte-order mark.']],
    ['A.\fB.\fC.', ['A.', 'B.', 'C.']],
    ['A.\fB.\f', ['A.', 'B.']],
    ['A.\f\fC.', ['A.', '', 'C.']],
  ])('splitTextPages(%j)', (text, pages) => {
    expect(splitTextPages(text)).toEqual(pages.map((t, i) => ({ num: i + 1, text: t })));
  });
});

describe('locate', () => {
  // pages 1..3 at offsets 0, 80, 81 (page 2 is empty), as ingestDocument lays them out
  const pages: PageSpan[] = [
    { num: 1, offset: 0, length: 79 },
    { num: 2, offset: 80, length: 0 },
    { num: 3, offset: 81, length: 45 },
  ];

  it.each<[number, number, number]>([
    [0, 1, 0],
    [40, 1, 40],
    [79, 1, 79],
    [80, 2, 0],
    [81, 3, 0],
    [100, 3, 19],
    [126, 3, 45],
  ])('offset %i → page %i at %i', (offset, page, pageOffset) => {
    expect(locate(pages, offset)).toEqual({ page, pageOffset });
  });

  it.each<[number, number, number]>([
    [0, 7, 0],
    [10, 7, 10],
    [25, 8, 5],
    [999, 12, 919],
  ])('pages that do not start at 1: offset %i → page %i at %i', (offset, page, pageOffset) => {
    const spans: PageSpan[] = [
      { num: 7, offset: 0, length: 19 },
      { num: 8, offset: 20, length: 20 },
      { num: 9, offset: 41, length: 19 },
      { num: 12, offset: 80, length: 30 },
    ];
    expect(locate(spans, offset)).toEqual({ page, pageOffset });
  });

  it('with no pages, everything is on page 1', () => {
    expect(locate([], 12)).toEqual({ page: 1, pageOffset: 12 });
  });

  it('round-trips every offset of an ingested PDF to its page text', async () => {
    const doc = await ingestDocument({ name: 'r.pdf', data: await makePdf([['First page line.'], ['Second page, a bit longer line.'], ['Third.']]) });
    for (const span of doc.pages) {
      for (let i = 0; i < span.length; i++) {
        const { page, pageOffset } = locate(doc.pages, span.offset + i);
        expect(page).toBe(span.num);
        expect(pageText(doc, page)[pageOffset]).toBe(doc.text[span.offset + i]);
      }
    }
  });
});
