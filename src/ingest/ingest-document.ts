// One input file → its pages of clean text, or a clear per-file error. Never throws for bad input:
// a corrupt PDF in a bundle is reported and the other documents still process.
import { createHash } from 'node:crypto';
import type { DocumentError, PageInfo } from '../schema.js';
import { cleanPages, type CleanPage } from './clean-pages.js';
import { decodeText } from './decode-text.js';
import { detectFormat } from './detect-format.js';
import { IngestError } from './ingest-error.js';
import { imagePages, readScannedPages, type OcrOptions, type PageWords } from './ocr-pages.js';
import { pageWorkOf } from './pdf-pool.js';
import { readDocxText } from './read-docx.js';
import { readPdfPages, type RawPage } from './read-pdf.js';
import { checkTextSize, DEFAULT_MAX_TEXT_CHARS } from './size-budget.js';

export interface InputFile {
  name: string;
  data: Uint8Array;
}

export interface PageSpan {
  num: number;
  /** offset of the page's first character in the document text */
  offset: number;
  length: number;
}

export interface IngestedDocument {
  /** short, stable id: the first 16 hex digits of the sha256 */
  id: string;
  name: string;
  sha256: string;
  /** all pages' clean text, each page followed by one separator (space when the sentence runs on) */
  text: string;
  pages: PageSpan[];
  errors: DocumentError[];
  /** per page: its text from the text layer or from OCR, with OCR's confidence */
  pageInfo: PageInfo[];
  /** text files: the encoding the bytes were read as (utf-8, utf-16le, windows-1252 …) */
  encoding?: string;
  /** what was done to the content on the way in ("3 NUL or control characters dropped") */
  notes?: string[];
  /** OCR'd pages' words, for each quote's OCR confidence (ocr-provenance.ts); absent when no page was OCR'd */
  ocrWords?: Map<number, PageWords>;
}

export function sha256Hex(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

export function documentId(sha256: string): string {
  return sha256.slice(0, 16);
}

export async function ingestDocument(
  file: InputFile,
  pdfReader: (data: Uint8Array) => Promise<RawPage[]> = readPdfPages,
  ocr: OcrOptions = {},
  /** characters of text one document may have (size-budget.ts) */
  maxTextChars: number = DEFAULT_MAX_TEXT_CHARS,
): Promise<IngestedDocument> {
  const sha256 = sha256Hex(file.data);
  const base = { id: documentId(sha256), name: file.name, sha256 };
  try {
    const read = await readRawPages(file, pdfReader, maxTextChars);
    const raw = read.pages;
    checkTextSize(
      raw.reduce((n, p) => n + p.text.length, 0),
      maxTextChars,
      'text',
    );
    const extra = { ...(read.encoding ? { encoding: read.encoding } : {}), ...(read.notes.length > 0 ? { notes: read.notes } : {}) };
    // pages without a text layer are read by OCR (ocr-pages.ts); the others keep their own text
    const scanned = await readScannedPages(file.name, file.data, raw, ocr);
    if (scanned.ocr) {
      const clean = cleanPages(scanned.pages, { fuzzy: true, track: true });
      const doc = assemble(clean, file.name, new Set(scanned.pages.filter((p) => p.origin === 'ocr').map((p) => p.num)));
      return { ...base, ...doc, errors: [...doc.errors, ...scanned.errors], pageInfo: scanned.pageInfo, ocrWords: scanned.words(clean), ...extra };
    }
    // a pool thread that read the pages has cleaned them already
    return { ...base, ...assemble(pageWorkOf(raw)?.clean ?? cleanPages(raw), file.name), pageInfo: scanned.pageInfo, ...extra };
  } catch (err) {
    if (!(err instanceof IngestError)) throw err;
    return { ...base, text: '', pages: [], errors: [{ code: err.code, message: `${file.name}: ${err.message}` }], pageInfo: [] };
  }
}

interface RawRead {
  pages: RawPage[];
  encoding?: string;
  notes: string[];
}

async function readRawPages(file: InputFile, pdfReader: (data: Uint8Array) => Promise<RawPage[]>, maxTextChars: number): Promise<RawRead> {
  const format = detectFormat(file.name, file.data);
  // the content decides, but a reader should know why "scan.pdf" has no page pictures
  const named = (what: string) => (/\.pdf$/i.test(file.name) ? [`named .pdf but is ${what}; read as such`] : []);
  switch (format) {
    case 'empty':
      throw new IngestError('empty', 'the file is empty');
    case 'docx': {
      const text = await readDocxText(file.data);
      if (!text.trim()) throw new IngestError('empty', 'the Word document has no text');
      return { pages: splitTextPages(text), notes: named('a Word document') };
    }
    case 'unknown':
      throw new IngestError(
        'unsupported',
        /\.pdf$/i.test(file.name) ? 'the file is named .pdf but is not a PDF' : 'unsupported file type: chartline reads PDF, Word (.docx), plain-text and image files',
      );
    case 'text': {
      // refused before decoding: a 200 MB file would be 400 MB as a string (UTF-16LE up to 2 bytes a character)
      checkTextSize(file.data.length, maxTextChars * 2, 'bytes');
      const decoded = decodeText(file.data);
      if (!decoded.text.trim()) throw new IngestError('empty', 'the file is empty');
      return { pages: splitTextPages(decoded.text), encoding: decoded.encoding, notes: [...named('plain text'), ...decoded.notes] };
    }
    case 'pdf':
      return { pages: await pdfReader(file.data), notes: [] };
    case 'tiff':
    case 'png':
    case 'jpeg':
      // scanned pages: all read by OCR
      return { pages: await imagePages(file.data, format), notes: [] };
  }
}

/** Plain text: a form feed separates pages (as `pdftotext` writes them); otherwise one page. */
export function splitTextPages(text: string): RawPage[] {
  const parts = text.replace(/^\uFEFF/, '').split('\f');
  if (parts.length > 1 && parts.at(-1)?.trim() === '') parts.pop();
  return parts.map((t, i) => ({ num: i + 1, text: t }));
}

function assemble(pages: CleanPage[], name: string, ocrPages: ReadonlySet<number> = new Set()): Pick<IngestedDocument, 'text' | 'pages' | 'errors'> {
  const spans: PageSpan[] = [];
  let text = '';
  for (const p of pages) {
    spans.push({ num: p.num, offset: text.length, length: p.text.length });
    text += p.text + (p.continuesOnNext ? ' ' : '\n');
  }
  const errors: DocumentError[] = [];
  // a scanned page OCR found blank is blank, not unread
  const blank = pages.filter((p) => p.text.trim().length === 0 && !ocrPages.has(p.num)).map((p) => p.num);
  if (pages.length === 0 || (blank.length === pages.length && ocrPages.size === 0)) {
    errors.push({ code: 'needs_ocr', message: `${name}: no text layer on any page (${pages.length} page${pages.length === 1 ? '' : 's'}): the document is scanned and needs OCR`, pages: blank });
  } else if (blank.length > 0) {
    errors.push({
      code: 'needs_ocr',
      message: `${name}: page${blank.length === 1 ? '' : 's'} ${blank.join(', ')} ha${blank.length === 1 ? 's' : 've'} no text layer and need${blank.length === 1 ? 's' : ''} OCR`,
      pages: blank,
    });
  }
  return { text, pages: spans, errors };
}

/** The page holding a document offset, and the offset within that page. */
export function locate(pages: readonly PageSpan[], offset: number): { page: number; pageOffset: number } {
  let lo = 0;
  let hi = pages.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((pages[mid]?.offset ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  const p = pages[lo];
  if (!p) return { page: 1, pageOffset: offset };
  return { page: p.num, pageOffset: offset - p.offset };
}
