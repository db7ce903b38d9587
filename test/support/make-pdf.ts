// A text-layer PDF made in a test: one page per entry, one line of text per string, 16 pt apart. An
// empty entry is a page with no text layer (what a scan looks like to the ingest).
import { PDFDocument, StandardFonts } from 'pdf-lib';

export async function makePdf(pages: readonly (readonly string[])[]): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (const lines of pages) {
    const page = doc.addPage([612, 792]);
    let y = 740;
    for (const line of lines) {
      page.drawText(line, { x: 50, y, size: 11, font });
      y -= 16;
    }
  }
  // a fixed date keeps the bytes (and so the sha256) the same on every run
  doc.setCreationDate(new Date('2020-01-01T00:00:00Z'));
  doc.setModificationDate(new Date('2020-01-01T00:00:00Z'));
  return new Uint8Array(await doc.save({ useObjectStreams: false }));
}
