// Makes faxes out of text PDFs, the way a fax machine or a cheap scanner does: every page rendered at
// 200 dpi, turned by up to ±0.4°, sprinkled with light speckle, cut to 1 bit at a threshold that
// varies a little from page to page (thinner or bolder strokes), CCITT G4-compressed, and wrapped into
// an image-only PDF (one full-page image per page, no text layer). The same input, seed and settings
// give the same bytes.
//
// Used by the fax eval (eval/sets/faxes.mjs), the OCR bench row (bench/ocr-bench.ts) and the OCR
// tests (a scan made in the test from a real text PDF).
//
//   node dist/bench/fax.js <in.pdf> <out.pdf> [--seed S] [--speckle 0.0008] [--dpi 200]
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PDFDocument, PDFName } from 'pdf-lib';
import sharp from 'sharp';
import { Rng } from './prng.js';

export interface FaxOptions {
  /** scan resolution (default 200, a fax's "fine" mode) */
  dpi?: number;
  /** the largest skew in degrees, either way (default 0.4) */
  maxSkewDegrees?: number;
  /** black specks per pixel (default 0.0008: a few thousand 1–3 px dots on a letter page) */
  speckle?: number;
  /** different seeds, different skew, speckle and threshold */
  seed?: string;
  /** a page turned by this many degrees (90: a landscape scan fed sideways), per 1-based page number */
  rotate?: Record<number, 90 | 180 | 270>;
}

/** One scanned page: 8-bit grey pixels (0 black, 255 white) after binarisation, so only 0 and 255. */
export interface FaxPage {
  width: number;
  height: number;
  dpi: number;
  /** width × height bytes, one per pixel */
  pixels: Uint8Array;
}

const require = createRequire(import.meta.url);

function standardFontDir(): string {
  // pdf.js draws the 14 standard fonts (Times, Helvetica ...) that a PDF names without embedding them
  // from these files; without them it falls back to a crude substitute
  return `${join(dirname(require.resolve('pdfjs-dist/package.json')), 'standard_fonts')}/`;
}

/** Renders every page of a PDF with pdf.js at `dpi`: PNG bytes per page (white background). */
export async function renderPdf(data: Uint8Array, dpi: number): Promise<Uint8Array[]> {
  const { PDFParse } = await import('pdf-parse');
  const parser = new PDFParse({ data: new Uint8Array(data), verbosity: 0, standardFontDataUrl: standardFontDir() });
  try {
    const shots = await parser.getScreenshot({ scale: dpi / 72, imageBuffer: true, imageDataUrl: false });
    return shots.pages.map((p) => p.data);
  } finally {
    await parser.destroy();
  }
}

/** A rendered page (any image sharp reads) → a fax page: skewed, speckled, 1-bit. */
export async function faxPage(image: Uint8Array, rng: Rng, options: FaxOptions = {}): Promise<FaxPage> {
  const dpi = options.dpi ?? 200;
  const maxSkew = options.maxSkewDegrees ?? 0.4;
  const angle = (rng.next() * 2 - 1) * maxSkew;
  const base = sharp(image).flatten({ background: '#ffffff' }).greyscale();
  const { width, height } = await base.metadata().then((m) => ({ width: m.width ?? 0, height: m.height ?? 0 }));
  // rotate() grows the canvas to hold the turned page; cut it back to the page's own size, centred
  const turned = await base.rotate(angle, { background: '#ffffff' }).raw().toBuffer({ resolveWithObject: true });
  const pixels = new Uint8Array(width * height).fill(255);
  const ox = Math.floor((turned.info.width - width) / 2);
  const oy = Math.floor((turned.info.height - height) / 2);
  for (let y = 0; y < height; y++) {
    const from = (y + oy) * turned.info.width + ox;
    pixels.set(turned.data.subarray(from, from + width), y * width);
  }
  // a fax machine's threshold: bolder or thinner strokes from page to page
  const threshold = 110 + Math.floor(rng.next() * 50);
  for (let i = 0; i < pixels.length; i++) pixels[i] = (pixels[i] as number) < threshold ? 0 : 255;
  // specks: mostly single pixels, some 2×2, a few 3×3; a few white holes in the strokes as well
  const specks = Math.round(width * height * (options.speckle ?? 0.0008));
  for (let i = 0; i < specks; i++) {
    const x = Math.floor(rng.next() * width);
    const y = Math.floor(rng.next() * height);
    const r = rng.next();
    const size = r < 0.7 ? 1 : r < 0.95 ? 2 : 3;
    const colour = rng.next() < 0.85 ? 0 : 255;
    for (let dy = 0; dy < size && y + dy < height; dy++) for (let dx = 0; dx < size && x + dx < width; dx++) pixels[(y + dy) * width + x + dx] = colour;
  }
  const page: FaxPage = { width, height, dpi, pixels };
  const quarter = options.rotate?.[0];
  return quarter ? rotatePage(page, quarter) : page;
}

/** The page turned clockwise by a quarter, half or three quarters. */
export async function rotatePage(page: FaxPage, degrees: 90 | 180 | 270): Promise<FaxPage> {
  const { data, info } = await sharp(page.pixels, { raw: { width: page.width, height: page.height, channels: 1 } })
    .rotate(degrees)
    .greyscale()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, dpi: page.dpi, pixels: new Uint8Array(data) };
}

/** The page as CCITT G4 data of one strip (what a fax PDF's image stream holds). */
export async function g4Strip(page: FaxPage): Promise<Uint8Array> {
  const rowsPerStrip = Math.ceil(page.height / 16) * 16;
  const tiff = await sharp(page.pixels, { raw: { width: page.width, height: page.height, channels: 1 } })
    .toColourspace('b-w')
    // tileHeight without tile: libvips writes RowsPerStrip = tileHeight, so the whole page is one strip
    .tiff({ compression: 'ccittfax4', bitdepth: 1, miniswhite: true, tileHeight: rowsPerStrip, xres: page.dpi / 25.4, yres: page.dpi / 25.4 })
    .toBuffer();
  const tags = readTiffTags(tiff);
  const offsets = tags.get(273);
  const counts = tags.get(279);
  if (!offsets || !counts || offsets.length !== 1 || counts.length !== 1) throw new Error('expected a one-strip TIFF from libvips');
  return new Uint8Array(tiff.subarray(offsets[0], (offsets[0] as number) + (counts[0] as number)));
}

/** The first IFD's tags of a little-endian TIFF: tag → values (SHORT or LONG). */
function readTiffTags(tiff: Buffer): Map<number, number[]> {
  if (tiff.toString('latin1', 0, 2) !== 'II') throw new Error('expected a little-endian TIFF');
  const ifd = tiff.readUInt32LE(4);
  const tags = new Map<number, number[]>();
  for (let i = 0; i < tiff.readUInt16LE(ifd); i++) {
    const e = ifd + 2 + i * 12;
    const type = tiff.readUInt16LE(e + 2);
    const count = tiff.readUInt32LE(e + 4);
    const size = type === 3 ? 2 : 4;
    const at = count * size <= 4 ? e + 8 : tiff.readUInt32LE(e + 8);
    const values: number[] = [];
    for (let k = 0; k < count; k++) values.push(type === 3 ? tiff.readUInt16LE(at + k * 2) : tiff.readUInt32LE(at + k * 4));
    tags.set(tiff.readUInt16LE(e), values);
  }
  return tags;
}

/** Fax pages → an image-only PDF: one CCITT G4 image filling each page, nothing else. */
export async function faxPdf(pages: readonly FaxPage[]): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  for (const p of pages) {
    const strip = await g4Strip(p);
    const image = doc.context.register(
      doc.context.stream(strip, {
        Type: 'XObject',
        Subtype: 'Image',
        Width: p.width,
        Height: p.height,
        BitsPerComponent: 1,
        ColorSpace: 'DeviceGray',
        Filter: 'CCITTFaxDecode',
        DecodeParms: { K: -1, Columns: p.width, Rows: p.height },
      }),
    );
    const w = (p.width / p.dpi) * 72;
    const h = (p.height / p.dpi) * 72;
    const page = doc.addPage([w, h]);
    page.node.setXObject(PDFName.of('Im0'), image);
    page.node.set(PDFName.of('Contents'), doc.context.register(doc.context.stream(`q ${w.toFixed(3)} 0 0 ${h.toFixed(3)} 0 0 cm /Im0 Do Q`)));
  }
  // fixed dates: the same input gives the same bytes
  doc.setCreationDate(new Date('2020-01-01T00:00:00Z'));
  doc.setModificationDate(new Date('2020-01-01T00:00:00Z'));
  return doc.save({ useObjectStreams: false });
}

/** A text PDF → its fax pages. */
export async function faxPages(pdf: Uint8Array, options: FaxOptions = {}): Promise<FaxPage[]> {
  const dpi = options.dpi ?? 200;
  const rendered = await renderPdf(pdf, dpi);
  const out: FaxPage[] = [];
  for (const [i, png] of rendered.entries()) {
    const rng = new Rng(`${options.seed ?? 'fax'}:${i + 1}`);
    const turn = options.rotate?.[i + 1];
    out.push(await faxPage(png, rng, { ...options, rotate: turn ? { 0: turn } : undefined }));
  }
  return out;
}

/** A text PDF → an image-only fax PDF. */
export async function faxPdfOf(pdf: Uint8Array, options: FaxOptions = {}): Promise<Uint8Array> {
  return faxPdf(await faxPages(pdf, options));
}

/** Fax pages → one multi-page CCITT G4 TIFF (what fax servers store). */
export async function faxTiff(pages: readonly FaxPage[]): Promise<Uint8Array> {
  const first = pages[0];
  if (!first) throw new Error('no pages');
  const frames = pages.map((p) => sharp(p.pixels, { raw: { width: p.width, height: p.height, channels: 1 } }).toColourspace('b-w'));
  const buffers = await Promise.all(frames.map((f) => f.png().toBuffer()));
  // joined frames come out as RGB: keep one band, or libvips refuses the 1-bit G4 encoding
  const tiff = await sharp(buffers, { join: { animated: true } })
    .extractChannel(0)
    .toColourspace('b-w')
    .tiff({ compression: 'ccittfax4', bitdepth: 1, miniswhite: true, xres: first.dpi / 25.4, yres: first.dpi / 25.4 })
    .toBuffer();
  return new Uint8Array(tiff);
}

async function main(argv: string[]): Promise<void> {
  const [input, output, ...rest] = argv;
  if (!input || !output || input === '--help') {
    process.stdout.write('usage: node dist/bench/fax.js <in.pdf> <out.pdf|out.tif> [--seed S] [--speckle 0.0008] [--dpi 200] [--skew 0.4]\n');
    process.exit(input === '--help' ? 0 : 2);
  }
  const options: FaxOptions = { seed: input };
  for (let i = 0; i < rest.length; i += 2) {
    const [flag, value] = [rest[i], rest[i + 1]];
    if (value === undefined) throw new Error(`${flag} needs a value`);
    if (flag === '--seed') options.seed = value;
    else if (flag === '--speckle') options.speckle = Number(value);
    else if (flag === '--dpi') options.dpi = Number(value);
    else if (flag === '--skew') options.maxSkewDegrees = Number(value);
    else throw new Error(`unknown option ${flag}`);
  }
  const pages = await faxPages(new Uint8Array(readFileSync(input)), options);
  writeFileSync(output, /\.tiff?$/i.test(output) ? await faxTiff(pages) : await faxPdf(pages));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main(process.argv.slice(2)).catch((err: unknown) => {
    process.stderr.write(`fax: ${(err as Error).message}\n`);
    process.exit(1);
  });
}
