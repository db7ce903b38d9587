// Text per page from a PDF's text layer, via pdf-parse v2 (pdf.js).
import { IngestError } from './ingest-error.js';

// loaded on first use: a process whose PDFs are read by a pool of threads never loads pdf.js itself
let pdfParse: Promise<typeof import('pdf-parse')> | undefined;

/**
 * pdf.js's legacy build (pdf-parse loads it, and its worker half on the first document) brings core-js
 * polyfills that replace two built-ins for the whole thread: Array.prototype.push (for a V8 edge case:
 * pushing onto an array with a non-writable length) and JSON.parse (for the reviver source-text
 * proposal). The JavaScript versions are several times slower than the natives, for pdf.js itself and
 * for everything else on the thread (the analysis, when PDFs are read on the main thread). chartline
 * never meets those edge cases, so the natives are put back after loading and after each document.
 */
const NATIVE_PUSH = Object.getOwnPropertyDescriptor(Array.prototype, 'push');
const NATIVE_JSON_PARSE = Object.getOwnPropertyDescriptor(JSON, 'parse');

export function restoreNatives(): void {
  if (NATIVE_PUSH && Array.prototype.push !== NATIVE_PUSH.value) Object.defineProperty(Array.prototype, 'push', NATIVE_PUSH);
  if (NATIVE_JSON_PARSE && JSON.parse !== NATIVE_JSON_PARSE.value) Object.defineProperty(JSON, 'parse', NATIVE_JSON_PARSE);
}

async function loadPdfParse(): Promise<typeof import('pdf-parse')> {
  const mod = await import('pdf-parse');
  restoreNatives();
  return mod;
}

/** Loads pdf.js now (a reader thread does, while it waits for its first document). */
export function preloadPdfReader(): Promise<unknown> {
  return (pdfParse ??= loadPdfParse());
}

/** pdf.js itself (the copy pdf-parse uses), for page images (page-image.ts); natives restored after loading. */
export async function loadPdfJs(): Promise<typeof import('pdfjs-dist/legacy/build/pdf.mjs')> {
  await (pdfParse ??= loadPdfParse());
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  restoreNatives();
  return pdfjs;
}

export interface RawPage {
  num: number;
  text: string;
}

export type PdfReader = (data: Uint8Array) => Promise<RawPage[]>;

export async function readPdfPages(data: Uint8Array): Promise<RawPage[]> {
  const { PDFParse } = await (pdfParse ??= loadPdfParse());
  // pdf.js transfers (detaches) the buffer it is given; hand it a copy so the caller's bytes survive.
  const parser = new PDFParse({ data: new Uint8Array(data), verbosity: 0 });
  try {
    const result = await parser.getText({ pageJoiner: '' });
    return result.pages.map((p) => ({ num: p.num, text: p.text }));
  } catch (err) {
    throw classifyPdfError(err);
  } finally {
    await parser.destroy().catch(() => undefined);
    restoreNatives();
  }
}

function classifyPdfError(err: unknown): IngestError {
  const name = err instanceof Error ? err.name : '';
  const message = err instanceof Error ? err.message : String(err);
  if (name === 'PasswordException' || /password/i.test(message)) {
    return new IngestError('encrypted', 'the PDF is encrypted (password-protected); save an unprotected copy and upload that');
  }
  if (name === 'InvalidPDFException' || name === 'FormatError' || /invalid pdf|bad xref|xref|startxref|unexpected/i.test(message)) {
    return new IngestError('corrupt', `the PDF is damaged and cannot be read (${message})`);
  }
  return new IngestError('unreadable', `the PDF could not be read (${message})`);
}
