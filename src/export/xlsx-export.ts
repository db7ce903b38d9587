// The chronology as an Excel workbook (exceljs) for analysts: "Chronology" (one row per visit or
// report, real dates, filters on, the heading frozen), "Statements" (every statement with its visit,
// date and page), "Flags" (both sides quoted, status, the review trail and notes), "Case" (the header
// facts) and "Documents".
import type { ExportData } from './export-data.js';
import type { ExportOptions } from './formats.js';
import { flagText, headerFacts, itemCells, rowCells } from './report-model.js';

/** a full day as an Excel date (shown MM/DD/YYYY); a partial one stays text ("08/2014") */
function excelDate(iso: string | null, fallback: string): Date | string {
  return iso && /^\d{4}-\d{2}-\d{2}$/.test(iso) ? new Date(`${iso}T00:00:00Z`) : fallback;
}

export async function chronologyXlsx(data: ExportData, _options: ExportOptions): Promise<Uint8Array> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'chartline';
  wb.created = new Date(data.generatedAt);
  wb.title = `Medical chronology — ${data.timeline.bundle}`;
  const head = { bold: true, color: { argb: 'FF1D2430' } };
  const fill = { type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb: 'FFDDE4EE' } };
  const style = (ws: import('exceljs').Worksheet) => {
    const h = ws.getRow(1);
    h.font = head;
    h.fill = fill;
    h.alignment = { vertical: 'middle', wrapText: true };
    ws.views = [{ state: 'frozen', ySplit: 1 }];
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: ws.columnCount } };
  };

  const chrono = wb.addWorksheet('Chronology', { pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 1 as never } });
  chrono.columns = [
    { header: 'Date', key: 'date', width: 12, style: { numFmt: 'mm/dd/yyyy' } },
    { header: 'Type', key: 'type', width: 16 },
    { header: 'Provider', key: 'provider', width: 22 },
    { header: 'Facility', key: 'facility', width: 24 },
    { header: 'Summary', key: 'summary', width: 80 },
    { header: 'Document', key: 'document', width: 34 },
    { header: 'Pages', key: 'pages', width: 10 },
    { header: 'Statements', key: 'statements', width: 11 },
    { header: 'Flags', key: 'flags', width: 28 },
    { header: 'Row id', key: 'id', width: 14 },
  ];
  for (const row of data.rows) {
    const r = rowCells(row, data);
    const added = chrono.addRow({
      date: excelDate(row.date, r.date),
      type: r.type,
      provider: row.provider ?? '',
      facility: row.facility ?? '',
      summary: r.summary,
      document: r.document,
      pages: r.pages,
      statements: row.items.length,
      flags: r.flags,
      id: row.id,
    });
    added.alignment = { vertical: 'top', wrapText: true };
    if (r.flags) added.getCell('flags').font = { color: { argb: 'FFB3261E' } };
  }
  style(chrono);

  const statements = wb.addWorksheet('Statements');
  statements.columns = [
    { header: 'Visit date', key: 'visit', width: 12, style: { numFmt: 'mm/dd/yyyy' } },
    { header: 'Visit type', key: 'type', width: 16 },
    { header: 'Document', key: 'document', width: 34 },
    { header: 'Group', key: 'group', width: 20 },
    { header: 'Own date', key: 'date', width: 12 },
    { header: 'Statement type', key: 'stype', width: 14 },
    { header: 'Statement', key: 'text', width: 90 },
    { header: 'Page', key: 'page', width: 7 },
    { header: 'Row id', key: 'row', width: 14 },
    { header: 'Event id', key: 'event', width: 22 },
  ];
  for (const row of data.rows) {
    const r = rowCells(row, data);
    for (const i of row.items) {
      const c = itemCells(i);
      const added = statements.addRow({
        visit: excelDate(row.date, r.date),
        type: r.type,
        document: row.document.name,
        group: c.group,
        date: c.date,
        stype: c.type,
        text: c.text,
        page: i.event.source.page,
        row: row.id,
        event: i.event.id,
      });
      added.alignment = { vertical: 'top', wrapText: true };
    }
  }
  style(statements);

  const flags = wb.addWorksheet('Flags');
  flags.columns = [
    { header: 'Severity', key: 'severity', width: 9 },
    { header: 'Kind', key: 'kind', width: 20 },
    { header: 'Date', key: 'date', width: 12 },
    { header: 'Status', key: 'status', width: 11 },
    { header: 'Summary', key: 'summary', width: 60 },
    { header: 'Side 1', key: 'a', width: 60 },
    { header: 'Side 2', key: 'b', width: 60 },
    { header: 'Review trail and notes', key: 'reviews', width: 50 },
    { header: 'Flag id', key: 'id', width: 28 },
  ];
  for (const f of data.flags) {
    const t = flagText(f, data);
    const side = (k: number) => {
      const s = t.sides[k];
      return s ? `${s.role}:\n${s.quotes.map((q) => `“${q.text}” (${q.cite})`).join('\n')}` : '';
    };
    const extra = t.sides
      .slice(2)
      .map((s) => `\n${s.role}: ${s.quotes.map((q) => `“${q.text}” (${q.cite})`).join(' ')}`)
      .join('');
    const added = flags.addRow({
      severity: f.flag.severity,
      kind: f.flag.kind.replace(/_/g, ' '),
      date: excelDate(f.flag.date, t.date),
      status: t.status,
      summary: t.summary,
      a: side(0),
      b: side(1) + extra,
      reviews: t.reviews.map((r) => `${r.line}${r.note ? `: ${r.note}` : ''}`).join('\n') || 'not reviewed yet',
      id: t.id,
    });
    added.alignment = { vertical: 'top', wrapText: true };
    added.getCell('date').numFmt = 'mm/dd/yyyy';
  }
  style(flags);

  const caseSheet = wb.addWorksheet('Case');
  caseSheet.columns = [
    { header: 'Fact', key: 'label', width: 18 },
    { header: 'Value', key: 'value', width: 90 },
  ];
  for (const f of headerFacts(data)) caseSheet.addRow(f);
  caseSheet.getRow(1).font = head;
  caseSheet.getRow(1).fill = fill;

  const docs = wb.addWorksheet('Documents');
  docs.columns = [
    { header: '#', key: 'n', width: 5 },
    { header: 'Document', key: 'name', width: 50 },
    { header: 'Kind', key: 'kind', width: 16 },
    { header: 'Pages', key: 'pages', width: 8 },
    { header: 'Problems', key: 'problems', width: 70 },
  ];
  data.timeline.documents.forEach(
    (d, i) =>
      (docs.addRow({ n: i + 1, name: d.name, kind: d.kind?.kind ?? 'other', pages: d.pages, problems: d.errors.map((e) => e.message).join('\n') }).alignment = { vertical: 'top', wrapText: true }),
  );
  style(docs);

  return new Uint8Array(await wb.xlsx.writeBuffer());
}
