import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeText, detectTextEncoding } from '../../src/ingest/decode-text.js';

const NOTE = 'Señor García was seen on 04/14/2015 — “worse at night”, 5°.\n';
const bytes = (...parts: (Buffer | number[])[]): Uint8Array => Buffer.concat(parts.map((p) => Buffer.from(p)));

describe('decodeText: every encoding a record arrives in', () => {
  it.each<[label: string, data: Uint8Array, encoding: string, notes: string[]]>([
    ['UTF-8 without a mark', Buffer.from(NOTE, 'utf8'), 'utf-8', []],
    ['UTF-8 with a byte-order mark', bytes([0xef, 0xbb, 0xbf], Buffer.from(NOTE, 'utf8')), 'utf-8', []],
    ['UTF-16LE with a byte-order mark', bytes([0xff, 0xfe], iconv.encode(NOTE, 'utf16le')), 'utf-16le', ['read as utf-16le (byte-order mark)']],
    ['UTF-16BE with a byte-order mark', bytes([0xfe, 0xff], iconv.encode(NOTE, 'utf16be')), 'utf-16be', ['read as utf-16be (byte-order mark)']],
    ['UTF-16LE without a mark', iconv.encode(NOTE, 'utf16le'), 'utf-16le', ['read as utf-16le (no byte-order mark; detected from the bytes)']],
    ['UTF-16BE without a mark', iconv.encode(NOTE, 'utf16be'), 'utf-16be', ['read as utf-16be (no byte-order mark; detected from the bytes)']],
    // curly quotes and the dash are 0x93 0x94 0x97 in Windows-1252, C1 controls in ISO-8859-1
    ['Windows-1252', iconv.encode(NOTE, 'windows-1252'), 'windows-1252', ['read as windows-1252 (no byte-order mark; detected from the bytes)']],
  ])('%s', (_label, data, encoding, notes) => {
    const decoded = decodeText(data);
    expect(decoded).toEqual({ text: NOTE, encoding, notes });
    expect(detectTextEncoding(data)).toBe(encoding);
  });

  it('Latin-1 (no curly quotes) reads as ISO-8859-1 and keeps its accents', () => {
    const latin = 'Señor Muñoz was seen on 03/04/2015. Él está bien; niño de 5 años.\n';
    const decoded = decodeText(iconv.encode(latin, 'latin1'));
    expect(decoded.text).toBe(latin);
    expect(decoded.encoding).toBe('iso-8859-1');
  });

  it('a Windows-1252 byte past the first 64 KiB still makes the whole file Windows-1252, not U+FFFD', () => {
    const text = `${'The patient was seen. '.repeat(4000)}Señor García.\n`;
    const decoded = decodeText(iconv.encode(text, 'windows-1252'));
    expect(decoded.text).toBe(text);
    expect(decoded.text).not.toContain('\ufffd');
  });

  it.each<[label: string, input: string, text: string, note: string]>([
    ['a NUL inside a word', 'Pat\0ient seen on 04/14/2015.\n', 'Patient seen on 04/14/2015.\n', '1 NUL or control character dropped'],
    ['NUL padding and a bell', 'Seen 04/14/2015.\0\0\0\x07\nPlan: PT.\n', 'Seen 04/14/2015.\nPlan: PT.\n', '4 NUL or control characters dropped'],
  ])('%s: control characters are dropped with a note; tab, newline, form feed stay', (_label, input, text, note) => {
    const decoded = decodeText(Buffer.from(input, 'utf8'));
    expect(decoded.text).toBe(text);
    expect(decoded.notes).toEqual([note]);
  });

  it('tabs, carriage returns and form feeds are kept', () => {
    expect(decodeText(Buffer.from('a\tb\r\nc\fd', 'utf8'))).toEqual({ text: 'a\tb\r\nc\fd', encoding: 'utf-8', notes: [] });
  });
});
