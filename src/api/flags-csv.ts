// The analyst's CSV export of a filtered flag list (RFC 4180: CRLF, fields quoted when needed).
// Text that a spreadsheet would run as a formula (=, +, -, @ at the start) is prefixed with '.
import { csvField } from '../export/csv.js';
import type { FlagRecord } from '../store/records.js';

export { csvField };

export const FLAG_CSV_COLUMNS = [
  'id',
  'bundle_id',
  'bundle_name',
  'flag_id',
  'kind',
  'severity',
  'status',
  'date',
  'summary',
  'evidence',
  'event_ids',
  'reviews',
  'rule',
  'updated_at',
] as const;

function evidenceText(r: FlagRecord): string {
  return r.flag.evidence.map((e) => `${e.role}: ${e.document} p.${e.page} "${e.quote}"`).join(' | ');
}

export function flagsToCsv(records: readonly FlagRecord[]): string {
  const lines = [FLAG_CSV_COLUMNS.join(',')];
  for (const r of records) {
    lines.push(
      [r.id, r.bundleId, r.bundleName, r.flag.id, r.flag.kind, r.flag.severity, r.status, r.flag.date, r.flag.summary, evidenceText(r), r.flag.eventIds.join(' '), r.reviews, r.flag.rule, r.updatedAt]
        .map(csvField)
        .join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}
