// Words and dates as a US physician reads them in a chronology, shared by the web pages and every
// export: "08/25/2014", "Mon, Aug 25, 2014", "Aug 2014"; "Progress note", "UR / IMR letter".
import type { DocumentKind } from '../schema.js';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

function parts(date: string): [number, number | undefined, number | undefined] {
  const [y, m, d] = date.split('-').map(Number);
  return [y as number, m, d];
}

/** "08/25/2014", "08/2014", "2014" — never more precise than the record; "undated" for null */
export function usDate(date: string | null | undefined): string {
  if (!date) return 'undated';
  const [y, m, d] = parts(date);
  const mm = m === undefined ? undefined : String(m).padStart(2, '0');
  if (mm === undefined) return String(y);
  if (d === undefined) return `${mm}/${y}`;
  return `${mm}/${String(d).padStart(2, '0')}/${y}`;
}

/** "Mon, Aug 25, 2014", "Aug 2014", "2014", "Undated" — for headings */
export function longDate(date: string | null | undefined): string {
  if (!date) return 'Undated';
  const [y, m, d] = parts(date);
  if (m === undefined) return String(y);
  const month = MONTHS[m - 1] ?? String(m);
  if (d === undefined) return `${month} ${y}`;
  const weekday = WEEKDAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()];
  return `${weekday}, ${month} ${d}, ${y}`;
}

/** what a reviewer calls each kind of document */
export const DOCUMENT_KIND_LABELS: Record<DocumentKind['kind'], string> = {
  progress: 'Progress note',
  consult: 'Consultation',
  ime: 'IME / QME',
  permanent_stationary: 'P&S report',
  imaging: 'Imaging',
  emg: 'EMG / NCS',
  operative: 'Operative report',
  lab: 'Lab',
  therapy: 'Therapy',
  discharge: 'Discharge summary',
  emergency: 'Emergency visit',
  review_letter: 'UR / IMR letter',
  records_review: 'Records review',
  rfa: 'Request for authorization',
  fax_cover: 'Fax cover',
  legal_letter: 'Legal letter',
  other: 'Record',
};

/** the first `max` characters at a word boundary, with an ellipsis when cut */
export function clip(text: string, max: number): string {
  const s = text.replace(/\s+/g, ' ').trim();
  if (s.length <= max) return s;
  const cut = s.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.(–-]+$/, '')}…`;
}
