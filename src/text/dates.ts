// Absolute dates as written in records, kept at the precision the text gives:
//   "07/29/14", "10-3-16", "(11-16-16)", "12/13/2016"      → YYYY-MM-DD
//   "June 3, 2014", "November 02, 2016", "3 June 2014"     → YYYY-MM-DD
//   "2014-06-03"                                            → YYYY-MM-DD
//   "12/2016", "June 2014"                                  → YYYY-MM (never invented to a day)
//   "in 2014", "since 2012"                                 → YYYY
// Two-digit years go to the century that does not put them after the document's own era
// ("01/12/10" in a 2014 record is 2010; "DOB 01/01/60" is 1960).
// Relative dates ("two weeks later") need an anchor and are resolved by the extractor.

export type DatePrecision = 'day' | 'month' | 'year';

export interface DateMention {
  start: number;
  end: number;
  text: string;
  /** YYYY-MM-DD | YYYY-MM | YYYY */
  value: string;
  precision: DatePrecision;
}

const MONTHS: Record<string, number> = {
  jan: 1,
  january: 1,
  feb: 2,
  february: 2,
  mar: 3,
  march: 3,
  apr: 4,
  april: 4,
  may: 5,
  jun: 6,
  june: 6,
  jul: 7,
  july: 7,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  oct: 10,
  october: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
};
const MONTH = '(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)';

const NUMERIC_DMY = /(?<![\d/.-])(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?![\d/]|[-.]\d)/g;
const ISO = /(?<![\d/-])(\d{4})-(\d{2})-(\d{2})(?![\d/-])/g;
const MONTH_DAY_YEAR = new RegExp(`\\b${MONTH}\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, 'gi');
const DAY_MONTH_YEAR = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH}\\.?,?\\s+(\\d{4})\\b`, 'gi');
const MONTH_YEAR = new RegExp(`\\b${MONTH}\\.?,?\\s+(?:of\\s+)?(\\d{4})\\b`, 'gi');
const NUMERIC_MONTH_YEAR = /(?<![\d/.-])(\d{1,2})[/-]((?:19|20)\d{2})(?![\d/-])/g;
const YEAR_ONLY = /\b(?:in|since|during|from|until|by|early|late|mid|year)\s+((?:19|20)\d{2})\b(?![-/]\d)/gi;

export function pivotYear(twoDigit: number, referenceYear: number): number {
  const century = Math.floor(referenceYear / 100) * 100;
  const candidate = century + twoDigit;
  return candidate > referenceYear + 1 ? candidate - 100 : candidate;
}

export function isValidDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= days;
}

const pad = (n: number): string => String(n).padStart(2, '0');

export function findDates(text: string, referenceYear: number, offset = 0): DateMention[] {
  const out: DateMention[] = [];
  const taken: [number, number][] = [];
  const overlaps = (s: number, e: number): boolean => taken.some(([a, b]) => s < b && e > a);
  const add = (s: number, e: number, value: string, precision: DatePrecision): void => {
    if (overlaps(s, e)) return;
    taken.push([s, e]);
    out.push({ start: offset + s, end: offset + e, text: text.slice(s, e), value, precision });
  };

  for (const m of text.matchAll(ISO)) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (y >= 1900 && y <= 2099 && isValidDay(y, mo, d)) add(m.index, m.index + m[0].length, `${y}-${pad(mo)}-${pad(d)}`, 'day');
  }
  for (const m of text.matchAll(NUMERIC_DMY)) {
    const mo = Number(m[1]);
    const d = Number(m[3]);
    const yText = m[4] ?? '';
    // "5.12.14" is a version number as often as a date; dotted dates need a four-digit year
    if (m[2] === '.' && yText.length !== 4) continue;
    const y = yText.length === 2 ? pivotYear(Number(yText), referenceYear) : Number(yText);
    if (y < 1900 || y > 2099 || !isValidDay(y, mo, d)) continue;
    add(m.index, m.index + m[0].length, `${y}-${pad(mo)}-${pad(d)}`, 'day');
  }
  for (const m of text.matchAll(MONTH_DAY_YEAR)) {
    const mo = MONTHS[(m[1] ?? '').toLowerCase()] ?? 0;
    const d = Number(m[2]);
    const y = Number(m[3]);
    if (isValidDay(y, mo, d)) add(m.index, m.index + m[0].length, `${y}-${pad(mo)}-${pad(d)}`, 'day');
  }
  for (const m of text.matchAll(DAY_MONTH_YEAR)) {
    const d = Number(m[1]);
    const mo = MONTHS[(m[2] ?? '').toLowerCase()] ?? 0;
    const y = Number(m[3]);
    if (isValidDay(y, mo, d)) add(m.index, m.index + m[0].length, `${y}-${pad(mo)}-${pad(d)}`, 'day');
  }
  for (const m of text.matchAll(MONTH_YEAR)) {
    const mo = MONTHS[(m[1] ?? '').toLowerCase()] ?? 0;
    const y = Number(m[2]);
    // "may 2014" in lower case is usually the verb; month names are capitalised
    if (!/^[A-Z]/.test(m[1] ?? '')) continue;
    if (mo && y >= 1900 && y <= 2099) add(m.index, m.index + m[0].length, `${y}-${pad(mo)}`, 'month');
  }
  for (const m of text.matchAll(NUMERIC_MONTH_YEAR)) {
    const mo = Number(m[1]);
    if (mo >= 1 && mo <= 12) add(m.index, m.index + m[0].length, `${m[2]}-${pad(mo)}`, 'month');
  }
  for (const m of text.matchAll(YEAR_ONLY)) {
    const yText = m[1] ?? '';
    const s = m.index + m[0].length - yText.length;
    add(s, s + yText.length, yText, 'year');
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Days between two full dates (b − a). */

export { daysBetween } from '../model/calendar.js';
