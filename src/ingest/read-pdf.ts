// Text per page from a PDF's text layer, via pdf-parse v2 (pdf.js).
import { IngestError } from './ingest-error.js';

// loaded on first use: a process whose PDFs are read by a pool of threads never loads pdf.js itself
let pdfParse: Promise<typeof import('pdf-parse')> | undefined;

export interface RawPage {
  num: number;
  text: string;
}

export type PdfReader = (data: Uint8Array) => Promise<RawPage[]>;

export async function readPdfPages(data: Uint8Array): Promise<RawPage[]> {
  const { PDFParse } = await (pdfParse ??= import('pdf-parse'));
  // pdf.js transfers (detaches) the buffer it is given; hand it a copy so the caller's bytes survive.
  const parser = new PDFParse({ data: new Uint8Array(data), verbosity: 0 });
  try {
    const result = await parser.getText({ pageJoiner: '' });
    return result.pages.map((p) => ({ num: p.num, text: p.text }));
  } catch (err) {
    throw classifyPdfError(err);
  } finally {
    await parser.destroy().catch(() => undefined);
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
