// The plain words every file export prints for a row, a flag and the header, so Word, Excel, PDF and
// CSV say the same thing in the same order.
import type { ChronologyItem, ChronologyRow } from './chronology.js';
import { ITEM_GROUP_LABELS } from './chronology.js';
import type { ExportData, ExportFlag } from './export-data.js';
import { flagSides, type FlagSide } from './flag-sides.js';
import { usDate } from './format.js';

export const ROW_COLUMNS = ['Date', 'Type', 'Provider / facility', 'Summary', 'Source'] as const;

export interface RowCells {
  id: string;
  date: string;
  type: string;
  who: string;
  summary: string;
  /** "07-ortho-spine-consult.pdf p. 1, 2, 4" */
  source: string;
  document: string;
  pages: string;
  flags: string;
}

export function rowCells(row: ChronologyRow, data: Pick<ExportData, 'flags'>): RowCells {
  const kinds = data.flags.filter((f) => row.flagIds.includes(f.flag.id)).map((f) => `${f.flag.kind.replace(/_/g, ' ')} (${f.record.status})`);
  return {
    id: row.id,
    date: usDate(row.date),
    type: row.account ? `${row.kind} (as summarised)` : row.kind,
    who: [row.provider, row.facility].filter(Boolean).join(' / '),
    summary: row.summary,
    source: `${row.document.name} p. ${row.pages.join(', ')}`,
    document: row.document.name,
    pages: row.pages.join(', '),
    flags: kinds.join('; '),
  };
}

export interface ItemCells {
  group: string;
  date: string;
  type: string;
  text: string;
  page: string;
}

export function itemCells(i: ChronologyItem): ItemCells {
  return {
    group: ITEM_GROUP_LABELS[i.group],
    date: i.otherDate ? usDate(i.otherDate) : i.undated ? 'undated' : '',
    type: i.event.type.replace(/_/g, ' '),
    text: i.text,
    page: `p. ${i.event.source.page}`,
  };
}

export interface HeaderFact {
  label: string;
  value: string;
}

export function headerFacts(data: ExportData): HeaderFact[] {
  const f = data.facts;
  const c = data.chronology;
  const pages = data.timeline.documents.reduce((s, d) => s + d.pages, 0);
  const open = data.flags.filter((x) => x.record.status === 'open' || x.record.status === 'needs-info').length;
  const facts: HeaderFact[] = [
    { label: 'Bundle', value: data.timeline.bundle },
    { label: 'Claimant', value: f.claimant ?? 'not stated in the records' },
    { label: 'Claim number', value: f.claimNumber ?? 'not stated in the records' },
    { label: 'Date of injury', value: f.injuryDate ? usDate(f.injuryDate) : 'not stated in the records' },
  ];
  if (f.employer) facts.push({ label: 'Employer', value: f.employer });
  facts.push(
    { label: 'Date range', value: c.from ? `${usDate(c.from)} – ${usDate(c.to)}` : 'no dated records' },
    { label: 'Documents', value: `${data.timeline.documents.length} documents, ${pages} pages` },
    {
      label: 'Chronology',
      value: data.filterText ? `${data.rows.length} of ${c.rows.length} visits and reports (${data.filterText})` : `${c.rows.length} visits and reports from ${c.events} statements`,
    },
    { label: 'Flags', value: `${data.flags.length} (${open} open)` },
    { label: 'Prepared', value: `${data.generatedAt.slice(0, 16).replace('T', ' ')} UTC by chartline${data.generatedBy ? ` for ${data.generatedBy}` : ''}` },
  );
  return facts;
}

export interface FlagText {
  id: string;
  title: string;
  status: string;
  date: string;
  summary: string;
  sides: { role: string; quotes: { text: string; cite: string }[] }[];
  reviews: { line: string; note: string }[];
}

export function flagText(f: ExportFlag, data: Pick<ExportData, 'timeline' | 'documentNames'>): FlagText {
  const sides: FlagSide[] = flagSides(f.flag, data.timeline.events);
  return {
    id: f.record.id,
    title: `${f.flag.severity.toUpperCase()} · ${f.flag.kind.replace(/_/g, ' ')}`,
    status: f.record.status,
    date: usDate(f.flag.date),
    summary: f.flag.summary,
    sides: sides.map((s) => ({
      role: s.derived ? `${s.role} (from the records)` : s.role,
      quotes: s.quotes.map((q) => ({ text: q.quote.replace(/\s+/g, ' ').trim(), cite: `${data.documentNames.get(q.document) ?? q.document} p. ${q.page}` })),
    })),
    reviews: f.reviews.map((r) => ({ line: `${r.decision} by ${r.reviewer}, ${r.createdAt.slice(0, 16).replace('T', ' ')} UTC`, note: r.note })),
  };
}
