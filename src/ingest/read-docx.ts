// A Word document (.docx) → its text, through mammoth. A .docx has no fixed pages (they depend on
// the printer), so its text is one page, as a plain-text note is; paragraphs stay apart.
import mammoth from 'mammoth';
import { IngestError } from './ingest-error.js';

export async function readDocxText(data: Uint8Array): Promise<string> {
  try {
    const { value } = await mammoth.extractRawText({ buffer: Buffer.from(data) });
    return value;
  } catch (err) {
    // mammoth reports a damaged zip or a zip without word/document.xml by throwing, e.g.
    // "Could not find file in options" or "End of data reached (data length = 20, asked index = 22)"
    throw new IngestError('corrupt', `the Word document is damaged and cannot be read (${err instanceof Error ? err.message.split('\n')[0] : String(err)})`);
  }
}
