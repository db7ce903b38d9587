import { describe, expect, it } from 'vitest';
import { detectFormat, type FileFormat } from '../../src/ingest/detect-format.js';

const bytes = (...parts: (string | number[] | Uint8Array)[]): Uint8Array => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))));

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const PDF_HEAD = '%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n';

describe('detectFormat', () => {
  it.each<[string, string, Uint8Array, FileFormat]>([
    // empty
    ['a file with no bytes', 'notes.txt', new Uint8Array(0), 'empty'],
    ['only whitespace', 'notes.txt', bytes('  \n\t\r\n  '), 'empty'],
    ['a zero-byte .pdf', 'scan.pdf', new Uint8Array(0), 'empty'],
    // pdf, by magic bytes whatever the name
    ['a PDF header', 'visit.pdf', bytes(PDF_HEAD), 'pdf'],
    ['a PDF named .txt', 'visit.txt', bytes(PDF_HEAD), 'pdf'],
    ['a PDF with no extension', 'visit', bytes(PDF_HEAD), 'pdf'],
    ['junk bytes before the PDF header', 'visit.pdf', bytes([0x0d, 0x0a, 0x00, 0x20], PDF_HEAD), 'pdf'],
    // docx and other zips
    ['a zip named .docx', 'letter.docx', bytes(ZIP, '\x14\x00\x06\x00[Content_Types].xml'), 'docx'],
    ['a Word zip named .pdf', 'scan.pdf', bytes(ZIP, '\x14\x00\x06\x00word/document.xml'), 'docx'],
    ['a zip that is not a Word file', 'archive.zip', bytes(ZIP, '\x14\x00\x06\x00images/xray.png'), 'unknown'],
    // text
    ['a plain text note', 'note.txt', bytes('PROGRESS NOTE\nThe claimant was seen on 03/04/2015.\n'), 'text'],
    ['text with no extension', 'note', bytes('Date of Injury: 10/17/2016\n'), 'text'],
    ['UTF-8 text with accents and a byte-order mark', 'note.txt', bytes('\ufeffNote from Dr. Muñoz: café-au-lait spots, 5°.\n'), 'text'],
    ['text with a form feed between pages', 'note.txt', bytes('Page one.\fPage two.\n'), 'text'],
    // text in other encodings
    ['UTF-16LE with a byte-order mark', 'note.txt', bytes([0xff, 0xfe], Buffer.from('Seen on 04/14/2015.\n', 'utf16le')), 'text'],
    ['UTF-16LE without a mark (every other byte NUL)', 'note.txt', bytes(Buffer.from('Seen on 04/14/2015.\n', 'utf16le')), 'text'],
    ['UTF-16BE with a byte-order mark', 'note.txt', bytes([0xfe, 0xff], Buffer.from('Seen on 04/14/2015.\n', 'utf16le').swap16()), 'text'],
    ['Latin-1 bytes that are not UTF-8', 'note.txt', bytes('Caf', [0xe9], ' au lait'), 'text'],
    ['Windows-1252 curly quotes', 'note.txt', bytes('Se', [0xf1], 'or said ', [0x93], 'better', [0x94], ' on 04/14/2015.'), 'text'],
    ['UTF-8 text with a stray NUL', 'note.txt', bytes('Pat', [0x00], 'ient seen on 04/14/2015 for low back pain.'), 'text'],
    // the content decides, not the name: a text named .pdf is text
    ['text named .pdf', 'report.pdf', bytes('This is a progress note saved with the wrong name.'), 'text'],
    // binary
    ['bytes with NUL', 'data.bin', bytes([0x01, 0x02, 0x00, 0x03, 0x41]), 'unknown'],
    ['many control characters', 'data.txt', bytes('a\x01b\x02c\x03d\x04e\x05f\x06'), 'unknown'],
    ['random bytes named .pdf', 'scan.pdf', bytes(Array.from({ length: 512 }, (_, i) => (i * 151 + 7) % 256)), 'unknown'],
    // scanned pages, read by OCR, whatever their name says
    ['a PNG image', 'xray.png', bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]), 'png'],
    ['a little-endian TIFF', 'fax.tif', bytes([0x49, 0x49, 0x2a, 0x00, 0x08, 0x00, 0x00, 0x00]), 'tiff'],
    ['a big-endian TIFF with no extension', 'fax', bytes([0x4d, 0x4d, 0x00, 0x2a, 0x00, 0x00, 0x00, 0x08]), 'tiff'],
    ['a JPEG photo', 'IMG_0001.JPG', bytes([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46]), 'jpeg'],
    ['"II" text is not a TIFF', 'notes.txt', bytes('II am fine'), 'text'],
  ])('%s (%s) → %s', (_label, name, data, format) => {
    expect(detectFormat(name, data)).toBe(format);
  });

  it('reads only a sample of long text, even when the sample cuts a multi-byte character', () => {
    // 65535 ASCII bytes then "é" (2 bytes): the 64 KiB sample ends inside the character
    const data = bytes('a'.repeat(64 * 1024 - 1), 'é and more text after the cut.');
    expect(data.length).toBeGreaterThan(64 * 1024);
    expect(detectFormat('long.txt', data)).toBe('text');
  });

  it('a PDF header past the first KiB does not count: the bytes are text, whatever the name', () => {
    expect(detectFormat('late.pdf', bytes('x'.repeat(2048), PDF_HEAD))).toBe('text');
    expect(detectFormat('late.txt', bytes('x'.repeat(2048), PDF_HEAD))).toBe('text');
  });
});
