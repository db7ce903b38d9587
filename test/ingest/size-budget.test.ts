// A document with more text than the per-document budget is refused with `too_large` and a clear
// message, not read until the heap runs out (a 200 MB text file killed the process, exit 134).
import { describe, expect, it } from 'vitest';
import { ingestDocument } from '../../src/ingest/ingest-document.js';
import { maxTextCharsFromEnv, DEFAULT_MAX_TEXT_CHARS } from '../../src/ingest/size-budget.js';
import { processDocument } from '../../src/pipeline.js';
import { loadPatterns } from '../../src/patterns/load-patterns.js';

const note = (chars: number): Buffer => Buffer.from('Seen on 04/14/2015 for back pain. '.repeat(Math.ceil(chars / 34)).slice(0, chars));

describe('per-document size budget', () => {
  it.each<[label: string, data: Buffer, budget: number, code: string | null, message: RegExp | null]>([
    ['text under the budget', note(900), 1000, null, null],
    ['text over the budget', note(1500), 1000, 'too_large', /^big\.txt: too large to read: 0\.0 MB of text, over the 0\.0 MB per-document limit \(CHARTLINE_MAX_DOCUMENT_MB\)/],
    // refused before decoding: more bytes than even UTF-16 could need
    ['a file of more than twice the budget in bytes', note(2500), 1000, 'too_large', /^big\.txt: too large to read: .* of text file/],
    ['UTF-16 bytes under twice the budget, text under it', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(note(900).toString(), 'utf16le')]), 1000, null, null],
  ])('%s', async (_label, data, budget, code, message) => {
    const doc = await ingestDocument({ name: 'big.txt', data }, undefined, { enabled: false }, budget);
    if (code === null) {
      expect(doc.errors).toEqual([]);
      expect(doc.text.length).toBeGreaterThan(800);
    } else {
      expect(doc.errors).toHaveLength(1);
      expect(doc.errors[0]?.code).toBe(code);
      expect(doc.errors[0]?.message).toMatch(message as RegExp);
      expect(doc.text).toBe('');
    }
  });

  it('processDocument reports a too-large document with no events, it does not throw', async () => {
    const result = await processDocument({ name: 'big.txt', data: note(5000) }, { patterns: loadPatterns(), maxTextChars: 1000 });
    expect(result.info.errors.map((e) => e.code)).toEqual(['too_large']);
    expect(result.events).toEqual([]);
  });

  it.each<[env: string | undefined, chars: number | string]>([
    [undefined, DEFAULT_MAX_TEXT_CHARS],
    ['20', 20_000_000],
    ['0.5', 500_000],
    ['lots', 'CHARTLINE_MAX_DOCUMENT_MB must be a positive number, not "lots"'],
    ['0', 'CHARTLINE_MAX_DOCUMENT_MB must be a positive number, not "0"'],
  ])('CHARTLINE_MAX_DOCUMENT_MB=%s → %s', (env, chars) => {
    const read = () => maxTextCharsFromEnv(env === undefined ? {} : { CHARTLINE_MAX_DOCUMENT_MB: env });
    if (typeof chars === 'number') expect(read()).toBe(chars);
    else expect(read).toThrow(chars);
  });
});

describe('a PDF reader thread that runs out of memory', () => {
  it('gives the document a too_large error, not "unreadable"', async () => {
    const { PdfPool } = await import('../../src/ingest/pdf-pool.js');
    const { pathToFileURL } = await import('node:url');
    const { resolve } = await import('node:path');
    // a reader that runs out of heap on one PDF, as pdf.js does on one that expands to 1 GB of text
    const script = new URL(
      `data:text/javascript,${encodeURIComponent(`
        import { serveTasks } from ${JSON.stringify(pathToFileURL(resolve('dist/src/thread-pool.js')).href)};
        serveTasks(async () => {
          const hold = [];
          for (;;) hold.push(new Array(1e6).fill(hold.length));
        });
      `)}`,
    );
    const pool = new PdfPool({ size: 1, script, maxMemoryMb: 48, clean: false });
    try {
      const big = await ingestDocument({ name: 'bomb.pdf', data: Buffer.from('%PDF-1.4 bomb') }, pool.read, { enabled: false });
      expect(big.errors.map((e) => e.code)).toEqual(['too_large']);
      expect(big.errors[0]?.message).toMatch(/^bomb\.pdf: too large to read: the PDF reader ran out of memory on it/);
    } finally {
      await pool.close();
    }
  }, 60_000);
});
