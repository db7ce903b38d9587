// One Tesseract (tesseract.js) per thread, created on first use and reused for every page after it.
// Offline: the English LSTM model comes from the @tesseract.js-data/eng package in node_modules; it
// is never downloaded, and nothing is cached to disk (cacheMethod 'none' — otherwise tesseract.js
// writes a 23 MB eng.traineddata into the working directory).
//
// The page text is built here from Tesseract's words (TSV output), so each word's place in the text
// is known exactly: a quote's OCR confidence is the mean of the words it covers.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createWorker, OEM, type Worker as Tesseract } from 'tesseract.js';
import { preprocess, toPgm, type PreprocessOptions, type Prepared } from './ocr-preprocess.js';
import type { PageImage } from './page-image.js';

/** One OCR'd word: where it sits in the page text, and how sure Tesseract was (0–100). */
export interface OcrWord {
  start: number;
  end: number;
  confidence: number;
}

export interface OcrPage {
  /** the page's text as read: words joined by spaces, lines by "\n", blocks by a blank line */
  text: string;
  words: OcrWord[];
  /** mean word confidence (0–100); null for a blank page */
  confidence: number | null;
  /** degrees the page was turned (clockwise) before it could be read */
  rotated: 0 | 90 | 180 | 270;
  /** no ink on the page after cleaning: not sent to Tesseract */
  blank: boolean;
  /** ms spent preparing the image and recognising it */
  ms: { prepare: number; recognize: number };
}

const require = createRequire(import.meta.url);

/** The folder of the integer LSTM model tesseract.js's own default points at (on the web). */
export function englishModelDir(): string {
  return join(dirname(require.resolve('@tesseract.js-data/eng/package.json')), '4.0.0_best_int');
}

let tesseract: Promise<Tesseract> | undefined;

/** This thread's Tesseract, started once. */
export function threadTesseract(): Promise<Tesseract> {
  tesseract ??= createWorker('eng', OEM.LSTM_ONLY, {
    langPath: englishModelDir(),
    cacheMethod: 'none',
    gzip: true,
    // tesseract.js logs warnings ("Estimating resolution as 204") to the console otherwise
    logger: () => undefined,
    errorHandler: () => undefined,
  }).then(async (worker) => {
    // no second reading of a poorly read line as white-on-black: records are black on white, and the
    // retry costs time on every noisy line of a fax
    await worker.setParameters({ tessedit_do_invert: '0' } as never);
    return worker;
  });
  return tesseract;
}

/** Stops this thread's Tesseract (a thread that is closing). */
export async function stopThreadTesseract(): Promise<void> {
  const t = tesseract;
  tesseract = undefined;
  if (t) await (await t).terminate().catch(() => undefined);
}

/** A page whose mean word confidence is below this is tried the other way up (turned 180°, or the other quarter). */
const UPSIDE_DOWN_CONFIDENCE = 45;

export async function ocrPageImage(image: PageImage, options: PreprocessOptions = {}): Promise<OcrPage> {
  const t0 = performance.now();
  const prepared = preprocess(image, options);
  const t1 = performance.now();
  if (prepared.ink === 0) return { text: '', words: [], confidence: null, rotated: 0, blank: true, ms: { prepare: t1 - t0, recognize: 0 } };
  const worker = await threadTesseract();
  const tries: (0 | 90 | 180 | 270)[] = prepared.sideways ? [90, 270] : [0, 180];
  let best: Omit<OcrPage, 'ms'> | undefined;
  for (const turn of tries) {
    const read = await recognize(worker, turn ? rotate(prepared, turn) : prepared, turn);
    if (!best || (read.confidence ?? 0) > (best.confidence ?? 0)) best = read;
    // readable enough this way up: the other way is not tried (it costs a second recognition)
    if ((best.confidence ?? 0) >= UPSIDE_DOWN_CONFIDENCE || best.words.length < 5) break;
  }
  const t2 = performance.now();
  return { ...(best as Omit<OcrPage, 'ms'>), ms: { prepare: t1 - t0, recognize: t2 - t1 } };
}

async function recognize(worker: Tesseract, page: Prepared, rotated: 0 | 90 | 180 | 270): Promise<Omit<OcrPage, 'ms'>> {
  const { data } = await worker.recognize(Buffer.from(toPgm(page)), {}, { text: false, tsv: true } as never);
  return { ...fromTsv((data as { tsv?: string | null }).tsv ?? ''), rotated, blank: false };
}

/**
 * Tesseract's TSV (level, page, block, paragraph, line, word, left, top, width, height, conf, text)
 * → the page text and its words. Words of a line are joined by one space, lines by "\n", and
 * blocks by a blank line, as Tesseract's own text output does.
 */
export function fromTsv(tsv: string): { text: string; words: OcrWord[]; confidence: number | null } {
  let text = '';
  const words: OcrWord[] = [];
  let lineKey = '';
  let block = '';
  for (const line of tsv.split('\n')) {
    const cols = line.split('\t');
    if (cols[0] !== '5' || cols.length < 12) continue;
    const word = (cols.slice(11).join('\t') ?? '').trim();
    if (!word) continue;
    const key = `${cols[2]}.${cols[3]}.${cols[4]}`;
    if (text) {
      if (cols[2] !== block) text += '\n\n';
      else if (key !== lineKey) text += '\n';
      else text += ' ';
    }
    block = cols[2] ?? '';
    lineKey = key;
    const confidence = Math.max(0, Math.min(100, Number(cols[10])));
    words.push({ start: text.length, end: text.length + word.length, confidence: Number.isFinite(confidence) ? confidence : 0 });
    text += word;
  }
  const confidence = words.length ? words.reduce((s, w) => s + w.confidence, 0) / words.length : null;
  return { text, words, confidence };
}

/** The prepared page turned clockwise by `degrees`. */
function rotate(p: Prepared, degrees: 90 | 180 | 270): Prepared {
  const { width: w, height: h, pixels } = p;
  if (degrees === 180) return { ...p, pixels: pixels.slice().reverse() };
  const out = new Uint8Array(pixels.length);
  // 90 clockwise: (x, y) → (h - 1 - y, x) in a h-wide image; 270: (x, y) → (y, w - 1 - x)
  for (let y = 0; y < h; y++) {
    const row = y * w;
    for (let x = 0; x < w; x++) {
      const to = degrees === 90 ? x * h + (h - 1 - y) : (w - 1 - x) * h + y;
      out[to] = pixels[row + x] as number;
    }
  }
  return { ...p, width: h, height: w, pixels: out };
}
