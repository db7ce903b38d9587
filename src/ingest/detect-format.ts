// Decide what a file is from its bytes, not its name: intake uploads "scan.pdf" that is really a
// Word document, and "notes" with no extension that is plain text.
import { looksLikeText } from './decode-text.js';

export type FileFormat = 'pdf' | 'text' | 'docx' | ImageFormat | 'empty' | 'unknown';

const PDF_MAGIC = '%PDF-';
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

export function detectFormat(name: string, data: Uint8Array): FileFormat {
  if (data.length === 0 || isBlankText(data)) return 'empty';
  // Some producers write a few junk bytes before the header; PDF readers accept it within 1 KiB.
  const head = Buffer.from(data.subarray(0, 1024)).toString('latin1');
  if (head.includes(PDF_MAGIC)) return 'pdf';
  const image = imageFormat(data);
  if (image) return image;
  if (ZIP_MAGIC.every((b, i) => data[i] === b)) return /\.(docx|docm|dotx)$/i.test(name) || hasDocxPart(data) ? 'docx' : 'unknown';
  // text in any encoding (decode-text.ts), also when it is named .pdf: the content decides
  if (looksLikeText(data)) return 'text';
  return 'unknown';
}

function isBlankText(data: Uint8Array): boolean {
  if (data.length > 4096) return false;
  return Buffer.from(data).toString('utf8').trim().length === 0;
}

function hasDocxPart(data: Uint8Array): boolean {
  return Buffer.from(data.subarray(0, 4096)).toString('latin1').includes('word/');
}

// ── scanned pages as image files (OCR) ─────────────────────────────────────────────────────────────
/** Page images read by OCR: a fax server's multi-page TIFF, a phone photo (JPEG), a screenshot (PNG). */
export type ImageFormat = 'tiff' | 'png' | 'jpeg';

export function imageFormat(data: Uint8Array): ImageFormat | null {
  const b = (i: number) => data[i] ?? -1;
  // "II*\0" (little-endian) or "MM\0*" (big-endian)
  if ((b(0) === 0x49 && b(1) === 0x49 && b(2) === 0x2a && b(3) === 0x00) || (b(0) === 0x4d && b(1) === 0x4d && b(2) === 0x00 && b(3) === 0x2a)) return 'tiff';
  if (b(0) === 0x89 && b(1) === 0x50 && b(2) === 0x4e && b(3) === 0x47) return 'png';
  if (b(0) === 0xff && b(1) === 0xd8 && b(2) === 0xff) return 'jpeg';
  return null;
}
