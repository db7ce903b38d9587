// The chronology as a Word document (docx): landscape Letter, a header of the case, the chronology
// table (its heading row repeated on every page, one row per visit or report, page-cited), the flags
// with both sides quoted and their review status, and the reviewers' notes. With detail "full", every
// statement is listed under its visit.
import type { Paragraph as ParagraphT, Table as TableT, TableCell as TableCellT } from 'docx';
import type { ExportData } from './export-data.js';
import type { ExportOptions } from './formats.js';
import { flagText, headerFacts, itemCells, ROW_COLUMNS, rowCells } from './report-model.js';

// twentieths of a point; landscape Letter with 0.5 in margins leaves 10 in = 14400 twips
const WIDTHS = [1250, 1450, 2000, 6900, 2800];

export async function chronologyDocx(data: ExportData, options: ExportOptions): Promise<Uint8Array> {
  const d = await import('docx');
  const { AlignmentType, BorderStyle, Document, Footer, Header, HeadingLevel, Packer, PageNumber, PageOrientation, Paragraph, ShadingType, Table, TableCell, TableRow, TextRun, WidthType } = d;
  const small = (text: string, o: { bold?: boolean; italics?: boolean; color?: string } = {}) => new TextRun({ text, size: 18, ...o });
  const para = (runs: InstanceType<typeof TextRun>[], o: { spacingAfter?: number; indent?: number } = {}) =>
    new Paragraph({ children: runs, spacing: { after: o.spacingAfter ?? 60 }, ...(o.indent ? { indent: { left: o.indent } } : {}) });
  const cell = (children: ParagraphT[], o: { width?: number; shade?: string; span?: number } = {}): TableCellT =>
    new TableCell({
      children,
      ...(o.width ? { width: { size: o.width, type: WidthType.DXA } } : {}),
      ...(o.shade ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: o.shade } } : {}),
      ...(o.span ? { columnSpan: o.span } : {}),
      margins: { top: 40, bottom: 40, left: 80, right: 80 },
    });
  const border = { style: BorderStyle.SINGLE, size: 4, color: 'BFC6D1' };
  const borders = { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border };

  const facts: TableT = new Table({
    width: { size: 9000, type: WidthType.DXA },
    borders,
    rows: headerFacts(data).map(
      (f) =>
        new TableRow({
          children: [cell([para([small(f.label, { bold: true })], { spacingAfter: 0 })], { width: 2200, shade: 'EEF2F7' }), cell([para([small(f.value)], { spacingAfter: 0 })], { width: 6800 })],
        }),
    ),
  });

  const headRow = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: ROW_COLUMNS.map((c, i) => cell([para([small(c, { bold: true })], { spacingAfter: 0 })], { width: WIDTHS[i], shade: 'DDE4EE' })),
  });
  const bodyRows: InstanceType<typeof TableRow>[] = [];
  for (const row of data.rows) {
    const r = rowCells(row, data);
    const summary = [para([small(r.summary)], { spacingAfter: r.flags ? 20 : 0 })];
    if (r.flags) summary.push(para([small(`⚑ ${r.flags}`, { color: 'B3261E' })], { spacingAfter: 0 }));
    bodyRows.push(
      new TableRow({
        cantSplit: true,
        children: [
          cell([para([small(r.date, { bold: true })], { spacingAfter: 0 })], { width: WIDTHS[0] }),
          cell([para([small(r.type)], { spacingAfter: 0 })], { width: WIDTHS[1] }),
          cell([para([small(r.who || '—')], { spacingAfter: 0 })], { width: WIDTHS[2] }),
          cell(summary, { width: WIDTHS[3] }),
          cell([para([small(r.document)], { spacingAfter: 0 }), para([small(`p. ${r.pages}`, { color: '5B6475' })], { spacingAfter: 0 })], { width: WIDTHS[4] }),
        ],
      }),
    );
    if (options.detail === 'full' && row.items.length) {
      const lines = row.items.map((i) => {
        const c = itemCells(i);
        return para([small(`${c.group} · `, { color: '5B6475' }), ...(c.date ? [small(`${c.date} `, { bold: true })] : []), small(c.text), small(`  (${c.page})`, { color: '5B6475' })], {
          spacingAfter: 20,
        });
      });
      bodyRows.push(new TableRow({ children: [cell(lines, { span: 5, shade: 'FAFBFC' })] }));
    }
  }
  const chronology: TableT = new Table({ width: { size: WIDTHS.reduce((s, w) => s + w, 0), type: WidthType.DXA }, columnWidths: WIDTHS, borders, rows: [headRow, ...bodyRows] });

  const flagBlocks: (ParagraphT | TableT)[] = [];
  for (const f of data.flags) {
    const t = flagText(f, data);
    flagBlocks.push(
      new Paragraph({ heading: HeadingLevel.HEADING_3, children: [new TextRun({ text: `${t.title} — ${t.date} — ${t.status}` })], spacing: { before: 200, after: 60 } }),
      para([small(t.summary)]),
    );
    for (const side of t.sides) {
      flagBlocks.push(para([small(`${side.role}:`, { bold: true })], { spacingAfter: 20 }));
      for (const q of side.quotes) flagBlocks.push(para([small(`“${q.text}”`, { italics: true }), small(`  — ${q.cite}`, { color: '5B6475' })], { indent: 360, spacingAfter: 40 }));
    }
    flagBlocks.push(para([small('Review: ', { bold: true }), small(t.reviews.length ? '' : 'not reviewed yet')], { spacingAfter: 20 }));
    for (const r of t.reviews) flagBlocks.push(para([small(r.line, { bold: true }), ...(r.note ? [small(` — ${r.note}`)] : [])], { indent: 360, spacingAfter: 20 }));
  }

  const notes = data.flags.flatMap((f) => f.reviews.filter((r) => r.note.trim()).map((r) => ({ f, r }))).sort((a, b) => a.r.createdAt.localeCompare(b.r.createdAt));
  const noteBlocks = notes.length
    ? notes.map(({ f, r }) =>
        para([small(`${r.createdAt.slice(0, 10)} ${r.reviewer} (${r.decision}, ${f.flag.kind.replace(/_/g, ' ')} ${f.flag.date ?? 'undated'}): `, { bold: true }), small(r.note)]),
      )
    : [para([small('No reviewer notes yet.', { italics: true })])];

  const title = `Medical chronology — ${data.timeline.bundle}${data.facts.claimNumber ? ` — claim ${data.facts.claimNumber}` : ''}`;
  const doc = new Document({
    creator: 'chartline',
    title,
    description: 'Chronology of medical records with page citations, flagged discrepancies and reviewer notes',
    styles: { default: { document: { run: { font: 'Calibri', size: 20 } } } },
    sections: [
      {
        properties: { page: { size: { orientation: PageOrientation.LANDSCAPE, width: 12240, height: 15840 }, margin: { top: 720, bottom: 720, left: 720, right: 720 } } },
        headers: { default: new Header({ children: [new Paragraph({ alignment: AlignmentType.RIGHT, children: [small(title, { color: '5B6475' })] })] }) },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  small('Confidential: protected health information · page ', { color: '5B6475' }),
                  new TextRun({ children: [PageNumber.CURRENT], size: 18, color: '5B6475' }),
                  small(' of ', { color: '5B6475' }),
                  new TextRun({ children: [PageNumber.TOTAL_PAGES], size: 18, color: '5B6475' }),
                ],
              }),
            ],
          }),
        },
        children: [
          new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun({ text: 'Medical chronology' })] }),
          facts,
          new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun({ text: `Chronology (${data.rows.length} visits and reports)` })], spacing: { before: 300, after: 120 } }),
          para([small('Page numbers are the pages of each source document. Statements not dated in the record are listed under the visit they were reported at.', { color: '5B6475' })]),
          chronology,
          new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun({ text: `Flags (${data.flags.length})` })], spacing: { before: 300, after: 120 } }),
          ...(flagBlocks.length ? flagBlocks : [para([small('No discrepancies were flagged.', { italics: true })])]),
          new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun({ text: 'Reviewer notes' })], spacing: { before: 300, after: 120 } }),
          ...noteBlocks,
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
