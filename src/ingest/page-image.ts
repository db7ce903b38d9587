// The picture of a page, for OCR and for the source viewer: a scanned PDF page, or a page of a TIFF,
// PNG or JPEG file. 8-bit grey pixels, upright as the page is shown (a PDF page's /Rotate and the
// image's own placement applied; a photo's EXIF orientation applied).
//
// A PDF page that is one full-page scan (a fax: one CCITT image filling the page) gives that image's
// own pixels, at its own resolution: nothing is resampled. Anything else (a page of drawn vector
// shapes, several images, a small logo) is rendered with pdf.js at RENDER_DPI.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import sharp from 'sharp';
import type { ImageFormat } from './detect-format.js';
import { IngestError } from './ingest-error.js';
import { loadPdfJs, restoreNatives } from './read-pdf.js';

export interface PageImage {
  width: number;
  height: number;
  /** pixels per inch of the page as printed (a guess of 200 when the file does not say) */
  dpi: number;
  /** width × height bytes: 0 black … 255 white */
  pixels: Uint8Array;
}

/** Pages without a usable resolution are rendered at this; also the resolution a vector page is drawn at. */
export const RENDER_DPI = 200;
/** An image covering at least this share of the page is "the scan of the page". */
const FULL_PAGE_SHARE = 0.85;

// ── image files ──────────────────────────────────────────────────────────────────────────────────

/** Pages in a TIFF (a fax server's multi-page file); 1 for PNG and JPEG. */
export async function imagePageCount(data: Uint8Array, format: ImageFormat): Promise<number> {
  try {
    const meta = await sharp(data).metadata();
    return format === 'tiff' ? Math.max(1, meta.pages ?? 1) : 1;
  } catch (err) {
    throw new IngestError('corrupt', `the ${format.toUpperCase()} image is damaged and cannot be read (${(err as Error).message})`);
  }
}

/** Page `num` (1-based) of an image file. */
export async function imageFilePage(data: Uint8Array, format: ImageFormat, num: number): Promise<PageImage> {
  try {
    const input = sharp(data, format === 'tiff' ? { page: num - 1 } : {});
    const meta = await input.metadata();
    // autoOrient: a phone photo's EXIF says which way is up
    const { data: pixels, info } = await input.autoOrient().flatten({ background: '#ffffff' }).greyscale().raw().toBuffer({ resolveWithObject: true });
    const dpi = meta.density && meta.density >= 50 && meta.density <= 1200 ? meta.density : RENDER_DPI;
    return { width: info.width, height: info.height, dpi, pixels: new Uint8Array(pixels.buffer, pixels.byteOffset, pixels.length) };
  } catch (err) {
    throw new IngestError('corrupt', `page ${num} of the ${format.toUpperCase()} image cannot be read (${(err as Error).message})`);
  }
}

// ── PDF pages ────────────────────────────────────────────────────────────────────────────────────

type PdfJs = Awaited<ReturnType<typeof loadPdfJs>>;
type PdfDocument = Awaited<ReturnType<PdfJs['getDocument']>['promise']>;

const require = createRequire(import.meta.url);
let fontDir: string | undefined;
function standardFontDataUrl(): string {
  // the 14 standard fonts (Times, Helvetica ...) a PDF may name without embedding them
  fontDir ??= `${join(dirname(require.resolve('pdfjs-dist/package.json')), 'standard_fonts')}/`;
  return fontDir;
}

/** An open PDF for taking page images; close it when done. */
export class PdfPages {
  private constructor(
    private readonly pdfjs: PdfJs,
    private readonly doc: PdfDocument,
  ) {}

  static async open(data: Uint8Array): Promise<PdfPages> {
    const pdfjs = await loadPdfJs();
    try {
      // pdf.js detaches the buffer it is given: a copy, so the caller's bytes survive
      const doc = await pdfjs.getDocument({ data: new Uint8Array(data), verbosity: 0, standardFontDataUrl: standardFontDataUrl(), isEvalSupported: false }).promise;
      return new PdfPages(pdfjs, doc);
    } catch (err) {
      throw new IngestError('unreadable', `the PDF could not be opened for OCR (${(err as Error).message})`);
    } finally {
      restoreNatives();
    }
  }

  get pageCount(): number {
    return this.doc.numPages;
  }

  async page(num: number): Promise<PageImage> {
    const page = await this.doc.getPage(num);
    try {
      return (await this.fullPageScan(page)) ?? (await this.render(page));
    } finally {
      page.cleanup();
      restoreNatives();
    }
  }

  async close(): Promise<void> {
    await this.doc.destroy().catch(() => undefined);
    restoreNatives();
  }

  /** The page's one image when it fills the page, upright; null otherwise. */
  private async fullPageScan(page: Awaited<ReturnType<PdfDocument['getPage']>>): Promise<PageImage | null> {
    const { OPS, ImageKind, Util } = this.pdfjs;
    const ops = await page.getOperatorList();
    let ctm = [1, 0, 0, 1, 0, 0];
    const stack: number[][] = [];
    let found: { name: string; matrix: number[] } | null = null;
    for (let i = 0; i < ops.fnArray.length; i++) {
      const fn = ops.fnArray[i];
      const args = ops.argsArray[i] as unknown[];
      if (fn === OPS.save) stack.push(ctm);
      else if (fn === OPS.restore) ctm = stack.pop() ?? [1, 0, 0, 1, 0, 0];
      else if (fn === OPS.transform) ctm = Util.transform(ctm, args as number[]);
      else if (fn === OPS.paintImageXObject) {
        if (found) return null; // two images: render the page
        found = { name: args[0] as string, matrix: ctm };
      } else if (fn === OPS.paintInlineImageXObject || fn === OPS.paintImageMaskXObject || fn === OPS.showText) return null;
    }
    if (!found) return null;
    const view = page.view; // [x0, y0, x1, y1] in points
    const pageW = (view[2] ?? 0) - (view[0] ?? 0);
    const pageH = (view[3] ?? 0) - (view[1] ?? 0);
    const [a = 0, b = 0, c = 0, d = 0] = found.matrix;
    const axisAligned = (Math.abs(b) < 1e-6 && Math.abs(c) < 1e-6) || (Math.abs(a) < 1e-6 && Math.abs(d) < 1e-6);
    if (!axisAligned) return null;
    const drawnW = Math.abs(a) + Math.abs(c);
    const drawnH = Math.abs(b) + Math.abs(d);
    if (drawnW * drawnH < FULL_PAGE_SHARE * pageW * pageH) return null;
    const img = (await new Promise((resolve) => {
      const objs = page.commonObjs.has(found.name) ? page.commonObjs : page.objs;
      objs.get(found.name, resolve);
    })) as { width: number; height: number; kind?: number; data?: Uint8Array | Uint8ClampedArray } | null;
    if (!img?.data || !img.kind) return null;
    const grey = toGrey(img.data, img.width, img.height, img.kind, ImageKind);
    if (!grey) return null;
    // the image's placement (flips, quarter turns) and the page's /Rotate: applied with sharp
    // PDF image space has y up, with the image's first row at the top of the unit square
    let s = sharp(grey, { raw: { width: img.width, height: img.height, channels: 1 } });
    const quarter = a === 0 && d === 0;
    if (quarter) {
      // [0 b c 0]: the image is drawn turned a quarter; b > 0 and c < 0 is a turn counter-clockwise
      s = s.rotate(b > 0 ? 270 : 90);
      if (b > 0 === c > 0) s = s.flop();
    } else {
      if (a < 0) s = s.flop();
      if (d < 0) s = s.flip();
    }
    const rotate = ((page.rotate % 360) + 360) % 360;
    if (rotate) s = s.rotate(rotate);
    const out = await s.greyscale().raw().toBuffer({ resolveWithObject: true });
    const dpi = Math.round((Math.max(img.width, img.height) / Math.max(drawnW, drawnH)) * 72);
    return { width: out.info.width, height: out.info.height, dpi: dpi >= 50 && dpi <= 1200 ? dpi : RENDER_DPI, pixels: new Uint8Array(out.data.buffer, out.data.byteOffset, out.data.length) };
  }

  private async render(page: Awaited<ReturnType<PdfDocument['getPage']>>): Promise<PageImage> {
    const viewport = page.getViewport({ scale: RENDER_DPI / 72 });
    const factory = (this.doc as unknown as { canvasFactory: { create(w: number, h: number): { canvas: unknown; context: unknown } } }).canvasFactory;
    const width = Math.ceil(viewport.width);
    const height = Math.ceil(viewport.height);
    const { canvas, context } = factory.create(width, height);
    const ctx = context as { fillStyle: string; fillRect(x: number, y: number, w: number, h: number): void; getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray } };
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, width, height);
    await page.render({ canvasContext: context as never, canvas: canvas as never, viewport }).promise;
    const rgba = ctx.getImageData(0, 0, width, height).data;
    const pixels = new Uint8Array(width * height);
    for (let i = 0, j = 0; i < pixels.length; i++, j += 4) pixels[i] = ((rgba[j] as number) * 77 + (rgba[j + 1] as number) * 150 + (rgba[j + 2] as number) * 29) >> 8;
    return { width, height, dpi: RENDER_DPI, pixels };
  }
}

/** pdf.js's decoded image data → one grey byte per pixel. 1-bit images come packed, 1 = white. */
function toGrey(data: Uint8Array | Uint8ClampedArray, width: number, height: number, kind: number, kinds: PdfJs['ImageKind']): Uint8Array | null {
  const out = new Uint8Array(width * height);
  if (kind === kinds.GRAYSCALE_1BPP) {
    const rowBytes = (width + 7) >> 3;
    for (let y = 0; y < height; y++) {
      const row = y * rowBytes;
      const o = y * width;
      for (let x = 0; x < width; x++) out[o + x] = ((data[row + (x >> 3)] as number) >> (7 - (x & 7))) & 1 ? 255 : 0;
    }
    return out;
  }
  const step = kind === kinds.RGB_24BPP ? 3 : kind === kinds.RGBA_32BPP ? 4 : 0;
  if (!step) return null;
  for (let i = 0, j = 0; i < out.length; i++, j += step) out[i] = ((data[j] as number) * 77 + (data[j + 1] as number) * 150 + (data[j + 2] as number) * 29) >> 8;
  return out;
}

/** A page image as PNG bytes (the source viewer's picture of an OCR'd page). */
export async function pageImagePng(image: PageImage, maxWidth = 1400): Promise<Buffer> {
  let s = sharp(image.pixels, { raw: { width: image.width, height: image.height, channels: 1 } });
  if (image.width > maxWidth) s = s.resize(maxWidth);
  return s.png({ compressionLevel: 6 }).toBuffer();
}
