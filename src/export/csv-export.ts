// The chronology as CSV (RFC 4180: CRLF, quoted when needed, formulas defused): one line per visit or
// report; with detail "full", one line per statement, each carrying its visit's columns.
import { csvField } from './csv.js';
import type { ExportData } from './export-data.js';
import type { ExportOptions } from './formats.js';
import { itemCells, rowCells } from './report-model.js';

export const CHRONOLOGY_CSV_COLUMNS = ['row_id', 'date', 'type', 'provider', 'facility', 'summary', 'document', 'pages', 'statements', 'flags'] as const;
export const STATEMENT_CSV_COLUMNS = ['row_id', 'visit_date', 'visit_type', 'document', 'group', 'statement_date', 'statement_type', 'statement', 'page', 'event_id'] as const;

export function chronologyCsv(data: ExportData, options: ExportOptions): string {
  const lines: string[] = [];
  if (options.detail === 'full') {
    lines.push(STATEMENT_CSV_COLUMNS.join(','));
    for (const row of data.rows) {
      const r = rowCells(row, data);
      for (const i of row.items) {
        const c = itemCells(i);
        lines.push([row.id, r.date, r.type, row.document.name, c.group, c.date || r.date, c.type, c.text, i.event.source.page, i.event.id].map(csvField).join(','));
      }
    }
  } else {
    lines.push(CHRONOLOGY_CSV_COLUMNS.join(','));
    for (const row of data.rows) {
      const r = rowCells(row, data);
      lines.push([row.id, r.date, r.type, row.provider, row.facility, r.summary, r.document, r.pages, row.items.length, r.flags].map(csvField).join(','));
    }
  }
  return `${lines.join('\r\n')}\r\n`;
}
