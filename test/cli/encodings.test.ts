// Records in every encoding a sender's system writes, made byte by byte here and read by
// `chartline process` as a user runs it: each gives its dated events, and its document says which
// encoding it was read as. Before, all but UTF-8 were refused as "unsupported file type".
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Document, Packer, Paragraph } from 'docx';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TimelineSchema, type Timeline } from '../../src/schema.js';

const BIN = resolve('bin/chartline.mjs');
const LINES = ['PROGRESS NOTE', 'Señor García was seen on 04/14/2015 for low back pain – “worse at night”.', 'Lumbar MRI was performed on 03/02/2015.'];
const NOTE = `${LINES.join('\n')}\n`;

let dir = '';
let timeline: Timeline;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'chartline-encodings-'));
  const docx = await Packer.toBuffer(new Document({ sections: [{ children: LINES.map((t) => new Paragraph(t)) }] }));
  const files: Record<string, Uint8Array> = {
    'windows-1252.txt': iconv.encode(NOTE, 'windows-1252'),
    'utf-16le-bom.txt': Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(NOTE, 'utf16le')]),
    'utf-16be-bom.txt': Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(NOTE, 'utf16be')]),
    'utf-16le-no-bom.txt': iconv.encode(NOTE, 'utf16le'),
    'nul-bytes.txt': Buffer.from(NOTE.replace('PROGRESS', 'PROG\0RESS').replace('pain', 'pain\0\0'), 'utf8'),
    'word.docx': docx,
    // the same Word file under a wrong name: the content decides
    'word-named.pdf': Buffer.concat([docx, Buffer.from([0])]),
  };
  for (const [name, data] of Object.entries(files)) writeFileSync(join(dir, name), data);
  const run = spawnSync(process.execPath, [BIN, 'process', dir, '--reference-date', '2020-06-01', '--no-ocr'], { encoding: 'utf8' });
  expect(run.status, run.stderr).toBe(0);
  timeline = TimelineSchema.parse(JSON.parse(run.stdout));
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('chartline process reads text in every encoding, and Word files', () => {
  it.each<[file: string, encoding: string | undefined, notes: string[]]>([
    ['windows-1252.txt', 'windows-1252', ['read as windows-1252 (no byte-order mark; detected from the bytes)']],
    ['utf-16le-bom.txt', 'utf-16le', ['read as utf-16le (byte-order mark)']],
    ['utf-16be-bom.txt', 'utf-16be', ['read as utf-16be (byte-order mark)']],
    ['utf-16le-no-bom.txt', 'utf-16le', ['read as utf-16le (no byte-order mark; detected from the bytes)']],
    ['nul-bytes.txt', 'utf-8', ['3 NUL or control characters dropped']],
    ['word.docx', undefined, []],
    ['word-named.pdf', undefined, ['named .pdf but is a Word document; read as such']],
  ])('%s: read as %s, with its dated events and "Señor" intact', (file, encoding, notes) => {
    const doc = timeline.documents.find((d) => d.name === file);
    expect(doc, file).toBeDefined();
    expect(doc?.errors).toEqual([]);
    expect(doc?.encoding).toBe(encoding);
    expect(doc?.notes ?? []).toEqual(notes);
    const events = timeline.events.filter((e) => e.sources.some((s) => s.document === doc?.id));
    expect(events.map((e) => e.date)).toEqual(expect.arrayContaining(['2015-04-14', '2015-03-02']));
    expect(events.some((e) => e.sources.some((s) => s.quote.includes('Señor García')))).toBe(true);
  });
});
