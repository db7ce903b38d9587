// Which chronology rows a reviewer asked for: words or a date to find, a date range, kinds of row,
// a provider, a facility, flagged rows. The page filters as you type (its script applies the same
// rules) and the exports take the same query, so an export holds exactly the rows on screen.
//
// A query that reads as a date also finds the rows of that date, however it is written:
//   "08/25" → any year's Aug 25 · "08/25/14" and "8/25/2014" → 2014-08-25 · "2014-08" → Aug 2014
import type { ChronologyRow } from './chronology.js';

export const FLAG_FILTERS = ['flagged', 'open'] as const;
export type FlagFilterValue = (typeof FLAG_FILTERS)[number];

export interface ChronologyFilter {
  q?: string;
  /** rows dated on or after (overlapping), YYYY[-MM[-DD]] */
  from?: string;
  to?: string;
  /** row kinds ("Imaging", "Therapy"); empty: all */
  kinds?: readonly string[];
  provider?: string;
  facility?: string;
  flags?: FlagFilterValue;
}

/** two-digit years as chrono reads them: 00–50 → 20xx, 51–99 → 19xx */
function fullYear(y: string): string {
  if (y.length === 4) return y;
  const n = Number(y);
  return String(n <= 50 ? 2000 + n : 1900 + n);
}

const pad = (s: string) => s.padStart(2, '0');

/** the dates a query names: a test on a row's date, or null when the query is not a date */
export function dateQuery(q: string): ((date: string | null) => boolean) | null {
  const s = q.trim();
  let m = /^(\d{1,2})[/-](\d{1,2})[/-](\d{2}|\d{4})$/.exec(s);
  if (m) {
    const day = `${fullYear(m[3] as string)}-${pad(m[1] as string)}-${pad(m[2] as string)}`;
    return (d) => d === day;
  }
  m = /^(\d{1,2})\/(\d{1,2})$/.exec(s);
  if (m && Number(m[1]) <= 12) {
    const md = `-${pad(m[1] as string)}-${pad(m[2] as string)}`;
    return (d) => d !== null && d.length === 10 && d.endsWith(md);
  }
  m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(s);
  if (m) return (d) => d !== null && (d.startsWith(s) || s.startsWith(d));
  m = /^(\d{1,2})\/(\d{4})$/.exec(s);
  if (m) {
    const ym = `${m[2]}-${pad(m[1] as string)}`;
    return (d) => d !== null && (d.startsWith(ym) || ym.startsWith(d));
  }
  return null;
}

/** a partial date's first and last day, comparable as text */
function span(date: string): [string, string] {
  if (date.length === 4) return [`${date}-01-01`, `${date}-12-31`];
  if (date.length === 7) return [`${date}-01`, `${date}-31`];
  return [date, date];
}

export function rowMatches(row: ChronologyRow, f: ChronologyFilter, openFlagIds: ReadonlySet<string>): boolean {
  if (f.from || f.to) {
    if (!row.date) return false;
    const [start, end] = span(row.date);
    if (f.from && end < span(f.from)[0]) return false;
    if (f.to && start > span(f.to)[1]) return false;
  }
  if (f.kinds?.length && !f.kinds.includes(row.kind)) return false;
  if (f.provider && row.provider !== f.provider) return false;
  if (f.facility && row.facility !== f.facility) return false;
  if (f.flags === 'flagged' && row.flagIds.length === 0) return false;
  if (f.flags === 'open' && !row.flagIds.some((id) => openFlagIds.has(id))) return false;
  const q = f.q?.trim().toLowerCase();
  if (q) {
    const onDate = dateQuery(q);
    if (!(onDate?.(row.date) || row.searchText.includes(q))) return false;
  }
  return true;
}

export function filterRows(rows: readonly ChronologyRow[], f: ChronologyFilter, openFlagIds: ReadonlySet<string> = new Set()): ChronologyRow[] {
  return rows.filter((r) => rowMatches(r, f, openFlagIds));
}

export function isFiltered(f: ChronologyFilter): boolean {
  return Boolean(f.q?.trim() || f.from || f.to || f.kinds?.length || f.provider || f.facility || f.flags);
}

/** "“08/25” · from 2014-06 · Imaging, Therapy · open flags" — what a filtered export says it holds */
export function describeFilter(f: ChronologyFilter): string {
  const parts: string[] = [];
  if (f.q?.trim()) parts.push(`“${f.q.trim()}”`);
  if (f.from && f.to) parts.push(`${f.from} to ${f.to}`);
  else if (f.from) parts.push(`from ${f.from}`);
  else if (f.to) parts.push(`up to ${f.to}`);
  if (f.kinds?.length) parts.push(f.kinds.join(', '));
  if (f.provider) parts.push(f.provider);
  if (f.facility) parts.push(f.facility);
  if (f.flags === 'flagged') parts.push('flagged rows');
  if (f.flags === 'open') parts.push('rows with open flags');
  return parts.join(' · ');
}
