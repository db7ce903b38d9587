// Worker-thread entry for the OCR pool (ocr-pool.ts): one page per task — its picture taken from the
// PDF or image file, cleaned, and read by this thread's one Tesseract (created once, reused). The
// document's bytes come in shared memory (a SharedArrayBuffer), so a 200-page fax is not copied once
// per page; the open PDF is kept while the pages of the same document keep coming.
import { serveTasks } from '../thread-pool.js';
import type { ImageFormat } from './detect-format.js';
import { ocrPageImage, threadTesseract, type OcrPage } from './ocr-engine.js';
import type { PreprocessOptions } from './ocr-preprocess.js';
import { imageFilePage, PdfPages, type PageImage } from './page-image.js';

export interface OcrTask {
  /** identifies the document: pages of one document share an open PDF */
  key: string;
  format: 'pdf' | ImageFormat;
  data: Uint8Array;
  /** 1-based */
  page: number;
  preprocess?: PreprocessOptions;
}

export interface OcrResult extends OcrPage {
  page: number;
  /** ms taking the page's picture out of the file */
  imageMs: number;
}

let open: { key: string; pdf: Promise<PdfPages> } | undefined;

async function pageImage(task: OcrTask): Promise<PageImage> {
  if (task.format !== 'pdf') return imageFilePage(task.data, task.format, task.page);
  if (open?.key !== task.key) {
    const previous = open;
    open = { key: task.key, pdf: PdfPages.open(task.data) };
    // a failed open is this task's error; the next task opens it again
    open.pdf.catch(() => {
      open = undefined;
    });
    if (previous) void previous.pdf.then((p) => p.close()).catch(() => undefined);
  }
  return (await open.pdf).page(task.page);
}

async function run(task: OcrTask): Promise<OcrResult> {
  const t0 = performance.now();
  const image = await pageImage(task);
  const imageMs = performance.now() - t0;
  return { page: task.page, imageMs, ...(await ocrPageImage(image, task.preprocess)) };
}

serveTasks(run);
// Tesseract takes ~0.3 s to start: it starts with the thread, before the first page is ready
threadTesseract().catch(() => undefined);
