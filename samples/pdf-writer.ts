// Renders record text as a printed-looking PDF: a running header (practice name, patient, claim
// number) and footer ("Page 2 of 5") on every page, an optional fax banner above the header, and
// body lines in Helvetica 10.5 pt wrapped at about 90 characters. Output is byte-for-byte
// deterministic: fixed metadata dates, no random ids. Used by samples/generate.ts and meant to be
// reused by other generators (benchmarks, test fixtures).
import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib';

export interface RecordPage {
  /** Lines at the top of the page; the first is drawn bold (the practice or facility name). */
  header: string[];
  /** Lines at the bottom of the page, e.g. "Page 2 of 5". */
  footer: string[];
  /** Body lines, already wrapped (see wrapText). All-caps lines are drawn bold as headings. */
  body: string[];
  /** A fax transmission banner in small type at the very top edge, if the page was faxed. */
  fax?: string;
}

export interface RenderOptions {
  title?: string;
  author?: string;
  subject?: string;
  /** Body font size in points (10-11 looks like a printed note). */
  fontSize?: number;
  /** Creation and modification date written into the metadata; fixed so output is reproducible. */
  date?: Date;
}

/** Metadata date for every generated PDF unless a caller gives its own. */
export const FIXED_PDF_DATE = new Date(Date.UTC(2017, 0, 2, 12, 0, 0));

export const PAGE_WIDTH = 612; // US Letter, points
export const PAGE_HEIGHT = 792;
const MARGIN_X = 54;
const BODY_TOP = PAGE_HEIGHT - 96;
const BODY_BOTTOM = 72;
/** Characters per wrapped line, like a dictated note printed from a practice system. */
export const WRAP_WIDTH = 90;

export function lineHeight(fontSize: number): number {
  return Math.round(fontSize * 1.3 * 10) / 10;
}

/** How many body lines fit on a page at this font size. */
export function linesPerPage(fontSize = 10.5): number {
  return Math.floor((BODY_TOP - BODY_BOTTOM) / lineHeight(fontSize)) + 1;
}

const HEADING = /^[A-Z0-9][A-Z0-9 &'/(),.#-]*[A-Z)][A-Z0-9 &'/(),.#-]*:?$/;

export function isHeadingLine(line: string): boolean {
  const t = line.trim();
  return t.length >= 3 && t.length <= 70 && HEADING.test(t) && /[A-Z]{3}/.test(t);
}

/**
 * Wraps text at `width` characters. Each input line is a paragraph; leading spaces are kept, and
 * list items ("1. ", "- ") continue under their text (hanging indent). Blank lines are kept.
 */
export function wrapText(text: string, width = WRAP_WIDTH): string[] {
  const out: string[] = [];
  for (const raw of text.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.replace(/\s+$/, '');
    if (line.length <= width) {
      out.push(line);
      continue;
    }
    const indent = /^\s*/.exec(line)?.[0] ?? '';
    const bullet = /^\s*(?:\d{1,2}[.)]|[-*\u2022]|[a-z][.)])\s+/.exec(line)?.[0];
    const hang = ' '.repeat((bullet ?? indent).length);
    const words = line.slice(indent.length).split(/ +/);
    let current = indent;
    for (const word of words) {
      const fresh = current.trim() === '';
      const candidate = fresh ? current + word : `${current} ${word}`;
      if (candidate.length > width && !fresh) {
        out.push(current);
        current = hang + word;
      } else {
        current = candidate;
      }
    }
    if (current.trim() !== '') out.push(current);
  }
  return out;
}

export interface RecordDocument {
  /** Header lines; "{page}" and "{pages}" are replaced per page. */
  header: string[];
  /** Footer lines; "{page}" and "{pages}" are replaced per page. */
  footer: string[];
  /** Optional fax banner; "{page}" and "{pages}" are replaced per page. */
  fax?: string;
  /** Body text, one paragraph per line; a line that is exactly PAGE_BREAK starts a new page. */
  text: string;
}

export const PAGE_BREAK = '@page';

/** Wraps and paginates a document's text into pages ready for renderRecordPdf. */
export function layoutDocument(doc: RecordDocument, options: { fontSize?: number; width?: number } = {}): RecordPage[] {
  const perPage = linesPerPage(options.fontSize ?? 10.5);
  const chunks: string[][] = [[]];
  for (const para of doc.text.replace(/\r\n?/g, '\n').split('\n')) {
    if (para.trim() === PAGE_BREAK) {
      chunks.push([]);
      continue;
    }
    for (const line of wrapText(para, options.width ?? WRAP_WIDTH)) {
      let current = chunks[chunks.length - 1]!;
      if (current.length >= perPage) {
        current = [];
        chunks.push(current);
      }
      // a page never starts with blank lines
      if (current.length === 0 && line.trim() === '') continue;
      current.push(line);
    }
  }
  const bodies = chunks.map(trimBlankEnd).filter((b) => b.length > 0);
  const fill = (s: string, page: number) => s.replaceAll('{page}', String(page)).replaceAll('{pages}', String(bodies.length));
  return bodies.map((body, i) => ({
    header: doc.header.map((h) => fill(h, i + 1)),
    footer: doc.footer.map((f) => fill(f, i + 1)),
    ...(doc.fax !== undefined ? { fax: fill(doc.fax, i + 1) } : {}),
    body,
  }));
}

function trimBlankEnd(lines: string[]): string[] {
  let end = lines.length;
  while (end > 0 && (lines[end - 1] ?? '').trim() === '') end--;
  return lines.slice(0, end);
}

/** Renders pages to PDF bytes. Deterministic: the same pages and options give the same bytes. */
export async function renderRecordPdf(pages: readonly RecordPage[], options: RenderOptions = {}): Promise<Uint8Array> {
  const fontSize = options.fontSize ?? 10.5;
  const date = options.date ?? FIXED_PDF_DATE;
  const pdf = await PDFDocument.create({ updateMetadata: false });
  pdf.setCreator('chartline samples/pdf-writer.ts');
  pdf.setProducer('pdf-lib');
  pdf.setCreationDate(date);
  pdf.setModificationDate(date);
  if (options.title !== undefined) pdf.setTitle(options.title);
  if (options.author !== undefined) pdf.setAuthor(options.author);
  if (options.subject !== undefined) pdf.setSubject(options.subject);
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const maxWidth = PAGE_WIDTH - 2 * MARGIN_X;

  for (const p of pages) {
    const page = pdf.addPage([PAGE_WIDTH, PAGE_HEIGHT]);
    if (p.fax !== undefined) drawLine(page, p.fax, MARGIN_X - 18, PAGE_HEIGHT - 20, regular, 7.5, PAGE_WIDTH - 2 * (MARGIN_X - 18));

    let y = PAGE_HEIGHT - 46;
    p.header.forEach((h, i) => {
      const size = i === 0 ? 12 : 9;
      drawLine(page, h, MARGIN_X, y, i === 0 ? bold : regular, size, maxWidth);
      y -= i === 0 ? 14 : 11.5;
    });
    page.drawLine({ start: { x: MARGIN_X, y: y + 4 }, end: { x: PAGE_WIDTH - MARGIN_X, y: y + 4 }, thickness: 0.6, color: rgb(0.3, 0.3, 0.3) });

    let by = Math.min(BODY_TOP, y - 12);
    for (const line of p.body) {
      if (line.trim() !== '') drawLine(page, line, MARGIN_X, by, isHeadingLine(line) ? bold : regular, fontSize, maxWidth);
      by -= lineHeight(fontSize);
    }

    let fy = 30 + 11 * (p.footer.length - 1);
    page.drawLine({ start: { x: MARGIN_X, y: fy + 14 }, end: { x: PAGE_WIDTH - MARGIN_X, y: fy + 14 }, thickness: 0.4, color: rgb(0.5, 0.5, 0.5) });
    for (const f of p.footer) {
      const size = 8.5;
      const w = regular.widthOfTextAtSize(f, size);
      drawLine(page, f, Math.max(MARGIN_X, (PAGE_WIDTH - w) / 2), fy, regular, size, maxWidth);
      fy -= 11;
    }
  }
  return pdf.save({ useObjectStreams: false });
}

/** Draws one line; a line too wide for the text area is set smaller rather than running off the page. */
function drawLine(page: PDFPage, text: string, x: number, y: number, font: PDFFont, size: number, maxWidth: number): void {
  const width = font.widthOfTextAtSize(text, size);
  const fitted = width > maxWidth ? (size * maxWidth) / width : size;
  page.drawText(text, { x, y, size: fitted, font, color: rgb(0.08, 0.08, 0.08) });
}
