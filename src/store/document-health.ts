// Whether a document of a timeline could be read at all, from its errors: a file that is corrupt,
// encrypted, empty, of an unsupported type, or lost by its job is unreadable; so is a scan with no
// text layer on any page (needs_ocr on every page). Some pages needing OCR leave it readable.
//   { code: 'corrupt', message: 'a.pdf: the PDF is damaged…' }              → unreadable
//   { code: 'needs_ocr', pages: [1, 2, 3] } on a 3-page document          → unreadable
//   { code: 'needs_ocr', pages: [4] } on a 9-page document                → readable (page 4 missing)
import type { DocumentInfo } from '../schema.js';

export function unreadableReason(doc: Pick<DocumentInfo, 'pages' | 'errors'>): string | null {
  const fatal = doc.errors.find((e) => e.code !== 'needs_ocr');
  if (fatal) return fatal.message;
  const ocr = doc.errors.find((e) => e.code === 'needs_ocr');
  if (ocr && (doc.pages === 0 || (ocr.pages?.length ?? doc.pages) >= doc.pages)) return ocr.message;
  return null;
}

export function countUnreadable(documents: readonly Pick<DocumentInfo, 'pages' | 'errors'>[]): number {
  return documents.filter((d) => unreadableReason(d) !== null).length;
}
