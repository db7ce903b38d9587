// A page image → the cleaner picture Tesseract reads best. Each step is measured in the OCR bench
// (bench/ocr-bench.ts: accuracy and time with and without it) and kept because it pays:
//
// 1. binarise: a fax is already black and white; a grey scan or a photo is cut at Otsu's threshold.
// 2. erase rules: the header table of a letter ("Date of Injury: | 10/17/2016 |" in ruled cells)
//    makes Tesseract's layout analysis drop the cells' text, dates included; any black run longer
//    than RULE_INCHES across or down is a rule, never a glyph.
// 3. erase specks: a fax's speckle turns "01/11/2017" into "01/13/2017" and breaks words; connected
//    black blobs of a few pixels (smaller than a period at this resolution) go. A 3×3 median does
//    this too, but it also eats thin strokes (serifs, the stem of a 1) and costs accuracy.
// 4. orientation: a page fed sideways has its text lines running down the page; its column profile
//    then has the line rhythm its row profile lacks. Such a page is turned a quarter before OCR.
// Blank pages (no ink left after 2 and 3) are not sent to Tesseract at all.
import type { PageImage } from './page-image.js';

export interface PreprocessOptions {
  /** erase long horizontal and vertical rules (default true) */
  rules?: boolean;
  /** erase specks (default true) */
  specks?: boolean;
  /** detect pages turned a quarter (default true) */
  orientation?: boolean;
}

export interface Prepared {
  width: number;
  height: number;
  /** 0 or 255 per pixel */
  pixels: Uint8Array;
  /** black pixels left: 0 is a blank page */
  ink: number;
  /** the page's text lines run down the page: it should be turned a quarter before OCR */
  sideways: boolean;
}

/** a black run at least this long (inches) is a rule */
const RULE_INCHES = 0.4;
/** blobs up to this area (px² at 200 dpi) are specks */
const SPECK_AREA_200 = 4;

export function preprocess(image: PageImage, options: PreprocessOptions = {}): Prepared {
  const { width, height } = image;
  const bin = binarise(image.pixels);
  if (options.rules !== false) eraseRules(bin, width, height, Math.max(20, Math.round(RULE_INCHES * image.dpi)));
  if (options.specks !== false) eraseSpecks(bin, width, height, Math.max(1, Math.round(SPECK_AREA_200 * (image.dpi / 200) ** 2)));
  let ink = 0;
  for (let i = 0; i < bin.length; i++) if (bin[i] === 0) ink++;
  const sideways = options.orientation !== false && ink > 0 && looksSideways(bin, width, height);
  return { width, height, pixels: bin, ink, sideways };
}

/** A prepared page as PGM (P5) bytes: read by Tesseract's image loader without any decoding cost. */
export function toPgm(p: { width: number; height: number; pixels: Uint8Array }): Uint8Array {
  const head = Buffer.from(`P5\n${p.width} ${p.height}\n255\n`, 'latin1');
  const out = new Uint8Array(head.length + p.pixels.length);
  out.set(head, 0);
  out.set(p.pixels, head.length);
  return out;
}

/** 0/255 pixels: a two-level image as it is, anything else at Otsu's threshold. */
export function binarise(grey: Uint8Array): Uint8Array {
  const hist = new Float64Array(256);
  for (let i = 0; i < grey.length; i++) {
    const g = grey[i] as number;
    hist[g] = (hist[g] as number) + 1;
  }
  const threshold = otsu(hist, grey.length);
  const out = new Uint8Array(grey.length);
  for (let i = 0; i < grey.length; i++) out[i] = (grey[i] as number) <= threshold ? 0 : 255;
  return out;
}

function otsu(hist: Float64Array, total: number): number {
  let sum = 0;
  for (let t = 0; t < 256; t++) sum += t * (hist[t] as number);
  let sumB = 0;
  let wB = 0;
  let best = 0;
  let threshold = 127;
  for (let t = 0; t < 256; t++) {
    wB += hist[t] as number;
    if (wB === 0) continue;
    const wF = total - wB;
    if (wF === 0) break;
    sumB += t * (hist[t] as number);
    const mB = sumB / wB;
    const mF = (sum - sumB) / wF;
    const between = wB * wF * (mB - mF) ** 2;
    if (between > best) {
      best = between;
      threshold = t;
    }
  }
  return threshold;
}

/** Black runs of at least `min` pixels, across and down, become white. */
export function eraseRules(px: Uint8Array, width: number, height: number, min: number): void {
  // marks first, erasing after: a vertical rule must still be found where it crosses a horizontal one
  const erase = new Uint8Array(px.length);
  for (let y = 0; y < height; y++) {
    const row = y * width;
    let x = 0;
    while (x < width) {
      if (px[row + x] !== 0) {
        x++;
        continue;
      }
      let end = x;
      while (end < width && px[row + end] === 0) end++;
      if (end - x >= min) erase.fill(1, row + x, row + end);
      x = end;
    }
  }
  for (let x = 0; x < width; x++) {
    let y = 0;
    while (y < height) {
      if (px[y * width + x] !== 0) {
        y++;
        continue;
      }
      let end = y;
      while (end < height && px[end * width + x] === 0) end++;
      if (end - y >= min) for (let k = y; k < end; k++) erase[k * width + x] = 1;
      y = end;
    }
  }
  for (let i = 0; i < px.length; i++) if (erase[i]) px[i] = 255;
}

/**
 * Connected black blobs (8-connected) of at most `maxArea` pixels become white. Labels runs, not
 * pixels: a page has ~100k runs against 3.7M pixels, so this takes a few ms.
 */
export function eraseSpecks(px: Uint8Array, width: number, height: number, maxArea: number): void {
  // runs of the current and previous row: start, end (exclusive), union-find id
  let runStart = new Int32Array(1024);
  let runEnd = new Int32Array(1024);
  let runRow = new Int32Array(1024);
  let parent = new Int32Array(1024);
  let area = new Int32Array(1024);
  let n = 0;
  const find = (a: number): number => {
    while (parent[a] !== a) {
      parent[a] = parent[parent[a] as number] as number;
      a = parent[a] as number;
    }
    return a;
  };
  let prevFirst = 0;
  let prevLast = 0;
  for (let y = 0; y < height; y++) {
    const row = y * width;
    const first = n;
    let x = 0;
    let p = prevFirst;
    while (x < width) {
      if (px[row + x] !== 0) {
        x++;
        continue;
      }
      let end = x;
      while (end < width && px[row + end] === 0) end++;
      if (n === runStart.length) {
        const grow = (a: Int32Array) => {
          const b = new Int32Array(a.length * 2);
          b.set(a);
          return b;
        };
        runStart = grow(runStart);
        runEnd = grow(runEnd);
        runRow = grow(runRow);
        parent = grow(parent);
        area = grow(area);
      }
      runStart[n] = x;
      runEnd[n] = end;
      runRow[n] = y;
      parent[n] = n;
      area[n] = end - x;
      // 8-connected: a run of the row above touching [x - 1, end]
      while (p < prevLast && (runEnd[p] as number) < x) p++;
      for (let q = p; q < prevLast && (runStart[q] as number) <= end; q++) {
        const a = find(q);
        const b = find(n);
        if (a !== b) {
          parent[b] = a;
          area[a] = (area[a] as number) + (area[b] as number);
        }
      }
      n++;
      x = end;
    }
    prevFirst = first;
    prevLast = n;
  }
  for (let r = 0; r < n; r++) {
    if ((area[find(r)] as number) <= maxArea) px.fill(255, (runRow[r] as number) * width + (runStart[r] as number), (runRow[r] as number) * width + (runEnd[r] as number));
  }
}

/**
 * Text lines make the row profile (black pixels per row) jump from line to gap and back; turned a
 * quarter, the column profile does. Compared on a page shrunk 4× (cheap, and specks average out).
 */
export function looksSideways(px: Uint8Array, width: number, height: number): boolean {
  const f = 4;
  const w = Math.floor(width / f);
  const h = Math.floor(height / f);
  if (w < 20 || h < 20) return false;
  const rows = new Float64Array(h);
  const cols = new Float64Array(w);
  for (let y = 0; y < h * f; y++) {
    const row = y * width;
    const ry = (y / f) | 0;
    for (let x = 0; x < w * f; x++) {
      if (px[row + x] === 0) {
        rows[ry] = (rows[ry] as number) + 1;
        cols[(x / f) | 0] = (cols[(x / f) | 0] as number) + 1;
      }
    }
  }
  const energy = (a: Float64Array) => {
    let e = 0;
    let total = 0;
    for (let i = 1; i < a.length; i++) e += ((a[i] as number) - (a[i - 1] as number)) ** 2;
    for (const v of a) total += v;
    return total > 0 ? e / total : 0;
  };
  return energy(cols) > 1.5 * energy(rows);
}
