// The analyst's CSV export of a filtered flag list (RFC 4180: CRLF, fields quoted when needed), the
// evidence cited by file name and page.
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
  'pages',
  'event_ids',
  'reviews',
  'rule',
  'updated_at',
] as const;

/** "exam: 07-ortho-spine-consult.pdf p.2 "quote" | discussion: …" — file names, not document ids */
function evidenceText(r: FlagRecord, names: ReadonlyMap<string, string>): string {
  return r.flag.evidence.map((e) => `${e.role}: ${names.get(`${r.bundleId}|${e.document}`) ?? e.document} p.${e.page} "${e.quote}"`).join(' | ');
}

function pagesText(r: FlagRecord, names: ReadonlyMap<string, string>): string {
  const byDoc = new Map<string, Set<number>>();
  for (const e of r.flag.evidence) {
    const name = names.get(`${r.bundleId}|${e.document}`) ?? e.document;
    (byDoc.get(name) ?? byDoc.set(name, new Set()).get(name))?.add(e.page);
  }
  return [...byDoc].map(([name, pages]) => `${name} p.${[...pages].sort((a, b) => a - b).join(',')}`).join('; ');
}

export function flagsToCsv(records: readonly FlagRecord[], names: ReadonlyMap<string, string> = new Map()): string {
  const lines = [FLAG_CSV_COLUMNS.join(',')];
  for (const r of records) {
    lines.push(
      [
        r.id,
        r.bundleId,
        r.bundleName,
        r.flag.id,
        r.flag.kind,
        r.flag.severity,
        r.status,
        r.flag.date,
        r.flag.summary,
        evidenceText(r, names),
        pagesText(r, names),
        r.flag.eventIds.join(' '),
        r.reviews,
        r.flag.rule,
        r.updatedAt,
      ]
        .map(csvField)
        .join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}
