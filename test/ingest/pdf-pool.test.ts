// The PDF reader pool gives what reading on the calling thread gives: the same page texts, the same
// IngestError codes for bad files, and — through processBundle with documents read ahead — the same
// timeline, in file order.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { makePdf } from '../support/make-pdf.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IngestError } from '../../src/ingest/ingest-error.js';
import { cleanPages } from '../../src/ingest/clean-pages.js';
import { PdfPool, pageWorkOf, prestartReader } from '../../src/ingest/pdf-pool.js';
import { fingerprintPage } from '../../src/ingest/fingerprint.js';
import { readPdfPages } from '../../src/ingest/read-pdf.js';
import { emptyTimings, processBundle } from '../../src/pipeline.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
const fixture = (name: string) => new Uint8Array(readFileSync(join(FIXTURES, name)));
const REFERENCE = new Date('2020-01-01T12:00:00Z');

async function rejection(p: Promise<unknown>): Promise<IngestError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof IngestError) return err;
    throw err;
  }
  throw new Error('expected the read to fail');
}

describe('PdfPool', () => {
  let pool: PdfPool;
  beforeAll(() => {
    pool = new PdfPool({ size: 2, fingerprintShingle: 5 });
  });
  afterAll(async () => {
    await pool.close();
  });

  it('reads the same page texts as readPdfPages; cleans and fingerprints them as this thread would', async () => {
    const data = fixture('good.pdf');
    const [inThread, here] = await Promise.all([pool.read(data), readPdfPages(data)]);
    expect(inThread).toEqual(here);
    const work = pageWorkOf(inThread);
    expect(work?.ms).toBeGreaterThan(0);
    expect(work?.clean).toEqual(cleanPages(here));
    expect(work?.shingle).toBe(5);
    expect(work?.fingerprints).toEqual(cleanPages(here).map((p) => fingerprintPage(p.num, p.text, 5)));
    expect(pageWorkOf(here)).toBeUndefined();
  });

  it('leaves the caller its bytes', async () => {
    const data = fixture('good.pdf');
    await pool.read(data);
    expect(data.byteLength).toBeGreaterThan(0);
  });

  it('fails bad files with the IngestError code readPdfPages gives', async () => {
    for (const name of ['corrupt.pdf', 'encrypted.pdf']) {
      const [inThread, here] = await Promise.all([rejection(pool.read(fixture(name))), rejection(readPdfPages(fixture(name)))]);
      expect({ name, code: inThread.code, message: inThread.message }).toEqual({ name, code: here.code, message: here.message });
    }
  });

  it('reads more documents than it has threads, each to its own caller', async () => {
    const docs = await Promise.all(Array.from({ length: 5 }, (_, i) => makePdf([[`Document ${i} page one.`], [`Document ${i} page two.`]])));
    const read = await Promise.all(docs.map((d) => pool.read(d)));
    read.forEach((pages, i) => expect(pages.map((p) => p.text.trim())).toEqual([`Document ${i} page one.`, `Document ${i} page two.`]));
  });

  it('gives processBundle the same timeline as reading on this thread, documents in file order', async () => {
    const files = await Promise.all(
      ['04/02/2015', '05/07/2015', '06/18/2015', '07/29/2015'].map(async (date, i) => ({
        name: `note-${i + 1}.pdf`,
        data: await makePdf([
          [`Date of Exam: ${date}`, 'SUBJECTIVE:', `The patient reports low back pain rated ${i + 4}/10.`],
          ['PLAN:', 'Continue physical therapy twice weekly.'],
        ]),
      })),
    );
    files.splice(2, 0, { name: 'broken.pdf', data: fixture('corrupt.pdf') });
    const progress: string[] = [];
    const seen: string[] = [];
    const timings = emptyTimings();
    const pooled = await processBundle('b', files, {
      referenceDate: REFERENCE,
      pdfReader: pool.read,
      concurrency: 3,
      timings,
      onProgress: (p) => progress.push(p.current),
      onDocument: (r) => void seen.push(r.info.name),
    });
    const plain = await processBundle('b', files, { referenceDate: REFERENCE });
    expect(pooled).toEqual(plain);
    expect(seen).toEqual(files.map((f) => f.name));
    expect(progress).toEqual([...files.map((f) => f.name), '']);
    expect(timings.ingest).toBeGreaterThan(0);
    expect(timings.text + timings.dates + timings.extract).toBeGreaterThan(0);
  });
});

describe('PdfPool without cleaning, and prefetching', () => {
  let pool: PdfPool;
  beforeAll(() => {
    pool = new PdfPool({ size: 1, clean: false });
  });
  afterAll(async () => {
    await pool.close();
  });

  it('leaves cleaning to the caller when asked, with the same result in the end', async () => {
    const data = fixture('good.pdf');
    const pages = await pool.read(data);
    expect(pages).toEqual(await readPdfPages(data));
    expect(pageWorkOf(pages)?.clean).toBeUndefined();
    expect(pageWorkOf(pages)?.ms).toBeGreaterThan(0);
    const files = [
      { name: 'good.pdf', data },
      { name: 'other.pdf', data: await makePdf([['Date of Exam: 04/02/2015', 'Lumbar MRI was reviewed.']]) },
    ];
    expect(await processBundle('b', files, { referenceDate: REFERENCE, pdfReader: pool.read, concurrency: 3 })).toEqual(await processBundle('b', files, { referenceDate: REFERENCE }));
  });

  it('hands a prefetched read to the first read of the same bytes, failures included', async () => {
    const good = fixture('good.pdf');
    const corrupt = fixture('corrupt.pdf');
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      pool.prefetch([good, corrupt]);
      await new Promise((r) => setTimeout(r, 300));
      expect(await pool.read(good)).toEqual(await readPdfPages(good));
      expect((await rejection(pool.read(corrupt))).code).toBe('corrupt');
      // once handed out, the same bytes are read again
      expect(await pool.read(good)).toEqual(await readPdfPages(good));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });
});

describe('a reader started before its pool', () => {
  it('is taken by the first pool and reads as any other', async () => {
    prestartReader();
    prestartReader(); // a second call does not start a second thread
    const pool = new PdfPool({ size: 1 });
    try {
      const data = fixture('good.pdf');
      expect(await pool.read(data)).toEqual(await readPdfPages(data));
    } finally {
      await pool.close();
    }
  });
});

describe('process: default reader threads', () => {
  const pdf = (name: string, kib: number) => ({ name, data: new Uint8Array(kib * 1024).fill(32).map((b, i) => (i < 5 ? '%PDF-'.charCodeAt(i) : b)) });
  it('one less than the CPUs, at least one, for several PDFs over 256 KiB', async () => {
    const { defaultThreads } = await import('../../src/cli/commands/process.js');
    const big = [pdf('a.pdf', 200), pdf('b.pdf', 200), pdf('c.pdf', 200)];
    expect(defaultThreads(big, 2)).toBe(1);
    expect(defaultThreads(big, 8)).toBe(3);
    expect(defaultThreads(big, 1)).toBe(1);
  });
  it('none for a single PDF, a small bundle, or text files', async () => {
    const { defaultThreads } = await import('../../src/cli/commands/process.js');
    expect(defaultThreads([pdf('a.pdf', 5000)], 8)).toBe(0);
    expect(defaultThreads([pdf('a.pdf', 100), pdf('b.pdf', 100)], 8)).toBe(0);
    expect(
      defaultThreads(
        [
          { name: 'a.txt', data: new TextEncoder().encode('x'.repeat(300 * 1024)) },
          { name: 'b.txt', data: new TextEncoder().encode('y'.repeat(300 * 1024)) },
        ],
        8,
      ),
    ).toBe(0);
  });
});
