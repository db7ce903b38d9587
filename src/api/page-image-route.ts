// The picture of an OCR'd page, for the source viewer: taken from the original in the blob store (a
// PDF page's scan, or a TIFF/PNG/JPEG page), as PNG. Nothing is stored for it; it is made when asked.
import { readFileSync } from 'node:fs';
import { detectFormat } from '../ingest/detect-format.js';
import { imageFilePage, pageImagePng, PdfPages } from '../ingest/page-image.js';

/** PNG bytes of page `num` of the original, or null when the original is not a PDF or an image. */
export async function originalPagePng(blobPath: string, num: number): Promise<Buffer | null> {
  const data = new Uint8Array(readFileSync(blobPath));
  const format = detectFormat('', data);
  if (format === 'tiff' || format === 'png' || format === 'jpeg') return pageImagePng(await imageFilePage(data, format, num));
  if (format !== 'pdf') return null;
  const pdf = await PdfPages.open(data);
  try {
    if (num > pdf.pageCount) return null;
    return pageImagePng(await pdf.page(num));
  } finally {
    await pdf.close();
  }
}
