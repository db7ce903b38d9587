// Worker-thread entry for page images (page-image-cache.ts): renders one page of a PDF to PNG with
// pdf.js (pdf-parse's screenshot, on @napi-rs/canvas) and lists its text items with their boxes, so
// the main thread never blocks on pdf.js (a page takes 0.1–0.5 s).
import { PDFParse } from 'pdf-parse';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { serveTasks } from '../../thread-pool.js';
import type { PageLayout, PageTextItem } from './page-layout.js';

export interface RenderTask {
  data: Uint8Array;
  page: number;
  /** the image's width in pixels */
  width: number;
}

export interface RenderResult {
  png: Uint8Array;
  layout: PageLayout;
  pageCount: number;
}

interface TextItemLike {
  str?: string;
  transform?: number[];
  width?: number;
  height?: number;
}

async function textLayout(data: Uint8Array, pageNumber: number): Promise<{ items: PageTextItem[]; pageCount: number }> {
  const doc = await getDocument({ data: data.slice(), useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
  try {
    const page = await doc.getPage(pageNumber);
    const viewport = page.getViewport({ scale: 1 });
    const content = await page.getTextContent();
    const items: PageTextItem[] = [];
    for (const raw of content.items as TextItemLike[]) {
      if (!raw.str?.trim() || !raw.transform) continue;
      const [a, b, , d, e, f] = raw.transform as [number, number, number, number, number, number];
      const fontHeight = Math.hypot(b, d) || raw.height || 10;
      // PDF space: origin bottom-left, baseline at f; the box spans the font height above the baseline
      const [x1, y1] = viewport.convertToViewportPoint(e, f + fontHeight * 0.85) as [number, number];
      const [x2, y2] = viewport.convertToViewportPoint(e + (raw.width ?? Math.abs(a) * raw.str.length * 0.5), f - fontHeight * 0.25) as [number, number];
      items.push({
        text: raw.str,
        x: Math.min(x1, x2) / viewport.width,
        y: Math.min(y1, y2) / viewport.height,
        w: Math.abs(x2 - x1) / viewport.width,
        h: Math.abs(y2 - y1) / viewport.height,
      });
    }
    return { items, pageCount: doc.numPages };
  } finally {
    await doc.destroy();
  }
}

async function render(task: RenderTask): Promise<RenderResult> {
  const parser = new PDFParse({ data: task.data.slice() });
  try {
    const shot = await parser.getScreenshot({ partial: [task.page], desiredWidth: task.width, imageDataUrl: false, imageBuffer: true });
    const page = shot.pages[0];
    if (!page) throw Object.assign(new Error(`the document has no page ${task.page}`), { code: 'no_page' });
    const { items, pageCount } = await textLayout(task.data, task.page);
    return { png: page.data, layout: { width: Math.round(page.width), height: Math.round(page.height), items }, pageCount };
  } finally {
    await parser.destroy();
  }
}

serveTasks(render);
