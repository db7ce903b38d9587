// Page by page, the pages that have no text layer are read by OCR: every page of a TIFF, PNG or JPEG,
// and each PDF page whose text layer is empty or next to it (a fax: one image per page). A PDF that
// mixes typed pages and scanned ones keeps the typed pages' own text.
//
// The OCR'd text then goes through repairOcrText (src/ingest/ocr-repair.ts): "O1/1 1/2O17" → "01/11/2017".
// The repaired text is the page text from then on: what cleanPages cleans, what quotes point into.
import type { DocumentError, PageInfo } from '../schema.js';
import { repairOcrText } from './ocr-repair.js';
import type { CleanPage } from './clean-pages.js';
import { detectFormat, type ImageFormat } from './detect-format.js';
import { IngestError } from './ingest-error.js';
import type { OcrWord } from './ocr-engine.js';
import type { PreprocessOptions } from './ocr-preprocess.js';
import { ocrPool, type OcrPool, type OcrResult } from './ocr-pool.js';
import { imagePageCount } from './page-image.js';
import type { RawPage } from './read-pdf.js';

/** A PDF page with fewer visible characters than this in its text layer is read by OCR. */
export const MIN_TEXT_LAYER_CHARS = 32;
/** An OCR'd page whose mean word confidence is below this is reported as hard to read. */
export const LOW_CONFIDENCE = 50;

export interface OcrOptions {
  /** read pages without a text layer by OCR (default true; false reports them as needs_ocr) */
  enabled?: boolean;
  /** default: the process's shared pool */
  pool?: OcrPool;
  /** after each OCR'd page: pages done of the document's pages that need OCR */
  onPage?: (done: number, total: number) => void;
  preprocess?: PreprocessOptions;
}

/** A page as read: its text, and where the text came from. */
export interface ReadPage extends RawPage {
  origin: 'layer' | 'ocr';
  /** OCR pages: mean word confidence (0–100), null when the page was blank */
  confidence: number | null;
  /** OCR pages: each word's place in `text` and its confidence */
  words?: OcrWord[];
}

/** An OCR'd page's words, with the clean page they ended up in (quote confidence: ocr-provenance.ts). */
export interface PageWords {
  words: OcrWord[];
  clean: CleanPage;
}

export interface OcrOutcome {
  pages: ReadPage[];
  /** some page was read by OCR */
  ocr: boolean;
  errors: DocumentError[];
  pageInfo: PageInfo[];
  /** ms of OCR work (summed over pages, on the OCR threads) */
  ms: number;
  /** the OCR'd pages' words, once the pages are cleaned (cleanPages with track) */
  words(clean: readonly CleanPage[]): Map<number, PageWords>;
}

/** An image file's pages, before OCR: one empty page per image (a TIFF has several). */
export async function imagePages(data: Uint8Array, format: ImageFormat): Promise<RawPage[]> {
  const n = await imagePageCount(data, format);
  return Array.from({ length: n }, (_, i) => ({ num: i + 1, text: '' }));
}

export function needsOcr(page: RawPage): boolean {
  return page.text.replace(/\s+/g, '').length < MIN_TEXT_LAYER_CHARS;
}

function info(pages: readonly ReadPage[]): PageInfo[] {
  return pages.map((p) => ({ num: p.num, text: p.origin, confidence: p.confidence }));
}

export async function readScannedPages(name: string, data: Uint8Array, raw: readonly RawPage[], options: OcrOptions = {}): Promise<OcrOutcome> {
  const layer = (p: RawPage): ReadPage => ({ ...p, origin: 'layer', confidence: null });
  const format = detectFormat(name, data);
  const wanted = format === 'pdf' || format === 'tiff' || format === 'png' || format === 'jpeg' ? raw.filter(needsOcr).map((p) => p.num) : [];
  if (options.enabled === false || wanted.length === 0 || !(format === 'pdf' || format === 'tiff' || format === 'png' || format === 'jpeg')) {
    const pages = raw.map(layer);
    return { pages, ocr: false, errors: [], pageInfo: info(pages), ms: 0, words: () => new Map() };
  }
  const pool = options.pool ?? ocrPool();
  // one copy of the file in shared memory: every page task refers to it, none copies it
  const shared = new Uint8Array(new SharedArrayBuffer(data.byteLength));
  shared.set(data);
  const key = `${name}:${data.byteLength}:${Math.random().toString(36).slice(2)}`;
  let done = 0;
  options.onPage?.(0, wanted.length);
  const results = new Map<number, OcrResult | Error>();
  await Promise.all(
    wanted.map(async (num) => {
      try {
        results.set(num, await pool.read({ key, format, data: shared, page: num, ...(options.preprocess ? { preprocess: options.preprocess } : {}) }));
      } catch (err) {
        if (!(err instanceof IngestError)) throw err;
        results.set(num, err);
      }
      options.onPage?.(++done, wanted.length);
    }),
  );
  const failed: string[] = [];
  const failedPages: number[] = [];
  const faint: number[] = [];
  let ms = 0;
  const pages = raw.map((p): ReadPage => {
    const r = results.get(p.num);
    if (r === undefined) return layer(p);
    if (r instanceof Error) {
      failedPages.push(p.num);
      failed.push(`page ${p.num}: ${r.message}`);
      return { ...p, origin: 'ocr', confidence: null };
    }
    ms += r.imageMs + r.ms.prepare + r.ms.recognize;
    if (r.confidence !== null && r.confidence < LOW_CONFIDENCE) faint.push(p.num);
    const repaired = repairOcrText(r.text, r.words);
    // the text layer's few characters (a fax server's banner line) stay, ahead of the OCR'd text
    const prefix = p.text.trim() ? `${p.text.trim()}\n` : '';
    const words = repaired.words.map((w) => ({ ...w, start: w.start + prefix.length, end: w.end + prefix.length }));
    return { num: p.num, text: prefix + repaired.text, origin: 'ocr', confidence: r.confidence === null ? null : Math.round(r.confidence * 10) / 10, words };
  });
  const errors: DocumentError[] = [];
  if (failedPages.length) errors.push({ code: 'ocr_unreadable', message: `${name}: OCR could not read ${failed.join('; ')}`, pages: failedPages });
  if (faint.length) {
    errors.push({
      code: 'ocr_unreadable',
      message: `${name}: OCR read little on page${faint.length === 1 ? '' : 's'} ${faint.join(', ')} (mean word confidence below ${LOW_CONFIDENCE}%): the scan may be faint, rotated or not text; check ${faint.length === 1 ? 'it' : 'them'} by eye`,
      pages: faint,
    });
  }
  const words = (clean: readonly CleanPage[]) => {
    const out = new Map<number, PageWords>();
    for (const c of clean) {
      const p = pages.find((x) => x.num === c.num);
      if (p?.words) out.set(c.num, { words: p.words, clean: c });
    }
    return out;
  };
  return { pages, ocr: true, errors, pageInfo: info(pages), ms, words };
}
