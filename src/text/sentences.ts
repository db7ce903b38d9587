// Sentence boundaries with character offsets. Rule-based and linear: clinical text breaks general
// sentence splitters ("Dr. Smith", "L5-S1.", "rated 4+/5. He", "approx. 18 inches", "01/12/10. An"),
// and whole-document NLP is too slow for thousand-page bundles (see STACK.md).
// A sentence ends at a line break (line wraps were joined at ingest, so a remaining break ends a
// heading, a list item or a paragraph), at a section header, or at . ! ? followed by space and a
// capital letter, digit or opening quote — unless the word before the period is an abbreviation.

export interface Sentence {
  start: number;
  end: number;
  text: string;
}

const ABBREVIATIONS = new Set([
  'dr',
  'drs',
  'mr',
  'mrs',
  'ms',
  'jr',
  'sr',
  'vs',
  'approx',
  'appt',
  'e.g',
  'i.e',
  'eg',
  'ie',
  'cf',
  'fig',
  'no',
  'nos',
  'vol',
  'pp',
  'p',
  'pg',
  'inc',
  'co',
  'corp',
  'ltd',
  'dept',
  'univ',
  'm.d',
  'd.o',
  'ph.d',
  'r.n',
  'p.a',
  'n.p',
  'd.c',
  'u.s',
  'a.m',
  'p.m',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'ref',
  'ave',
  'blvd',
]);
// Abbreviations that usually end a sentence when a capitalised word follows ("... as needed, etc. He").
const ABBREVIATIONS_BEFORE_NUMBER_ONLY = new Set(['no', 'nos', 'p', 'pp', 'pg', 'vol', 'fig', 'ref']);

// ".,Vital Signs:" — one-line transcriptions separate their parts with a comma after the period
const BOUNDARY = /[.!?]+["')\]]*(?=\s+["'([]?[A-Z0-9])|[.!?]+,(?=\s*["'([]?[A-Z])|\n/g;
// A period with the space lost in extraction: "since at least October 2016.On 1-12-17, she ...",
// "spasms.The plan". Only after a number or a lowercase word (not "Dr.Smith", "e.g.The") and before
// a capitalised word (not "L4.5", "2.5mg").
const BOUNDARY_NO_SPACE = /(?<=\d{2}|[a-z]{3})[.!?](?=[A-Z][a-z])/g;

export function splitSentences(text: string, start = 0, end = text.length, breaks: readonly number[] = []): Sentence[] {
  const out: Sentence[] = [];
  const cuts = new Set<number>();
  for (const b of breaks) if (b > start && b < end) cuts.add(b);
  const region = text.slice(start, end);
  BOUNDARY.lastIndex = 0;
  for (let m = BOUNDARY.exec(region); m; m = BOUNDARY.exec(region)) {
    const at = start + m.index;
    if (m[0] === '\n') {
      cuts.add(at);
      continue;
    }
    // "Dr. X.,Thereafter": a comma right after the period is a one-line export's separator, whatever precedes
    if (!m[0].endsWith(',') && isAbbreviation(text, at, start)) continue;
    cuts.add(at + m[0].length);
  }
  BOUNDARY_NO_SPACE.lastIndex = 0;
  for (let m = BOUNDARY_NO_SPACE.exec(region); m; m = BOUNDARY_NO_SPACE.exec(region)) {
    const at = start + m.index;
    if (!isAbbreviation(text, at, start)) cuts.add(at + 1);
  }
  const points = [...cuts].sort((a, b) => a - b);
  let from = start;
  for (const to of [...points, end]) {
    push(out, text, from, to);
    from = to;
  }
  return out;
}

/**
 * The longest sentence kept whole. Every later stage works per sentence, and some of that work
 * grows with the square of a sentence's length (a date linked to each mention across the words
 * between them), so one 5 MB "sentence" — a form export that lost its periods and line breaks —
 * would take hours. Real sentences stay far below it: the longest among 97 IMR letters and the
 * samples is 1,545 characters, a list of findings separated by commas and semicolons.
 */
export const MAX_SENTENCE_CHARS = 1000;

function push(out: Sentence[], text: string, from: number, to: number): void {
  let s = from;
  let e = to;
  while (s < e && /\s/.test(text[s] ?? '')) s++;
  while (e > s && /\s/.test(text[e - 1] ?? '')) e--;
  // over-long: cut at clause punctuation, else at a space, else hard, and push the pieces
  while (e - s > MAX_SENTENCE_CHARS) {
    const cut = cutPoint(text, s, s + MAX_SENTENCE_CHARS);
    pushPiece(out, text, s, cut);
    s = cut;
    while (s < e && /\s/.test(text[s] ?? '')) s++;
  }
  pushPiece(out, text, s, e);
}

/**
 * Where to cut text[from, limit): after the last ";" (or ",", ":" before a space — not the comma of
 * "March 8, 2006") in the second half of the window; else at the last space there; else at limit.
 * Scans at most the window, so cutting a long text is linear.
 */
function cutPoint(text: string, from: number, limit: number): number {
  const floor = from + Math.floor((limit - from) / 2);
  let comma = -1;
  let space = -1;
  for (let i = limit - 1; i >= floor; i--) {
    const c = text[i];
    if (c === ';' && /\s/.test(text[i + 1] ?? '')) return i + 1;
    if (comma < 0 && (c === ',' || c === ':') && /\s/.test(text[i + 1] ?? '') && !/^\s\d{4}\b/.test(text.slice(i + 1, i + 7))) comma = i + 1;
    if (space < 0 && /\s/.test(c ?? '')) space = i;
  }
  if (comma > 0) return comma;
  if (space > 0) return space;
  return limit;
}

function pushPiece(out: Sentence[], text: string, s: number, e: number): void {
  while (e > s && /\s/.test(text[e - 1] ?? '')) e--;
  const body = text.slice(s, e);
  // "1." list markers and lone punctuation are not sentences
  if (!/[A-Za-z]{2}|\d{1,2}[/-]\d{1,2}/.test(body)) return;
  out.push({ start: s, end: e, text: body });
}

function isAbbreviation(text: string, periodAt: number, floor: number): boolean {
  if (text[periodAt] !== '.') return false;
  let i = periodAt;
  while (i > floor && /[A-Za-z.]/.test(text[i - 1] ?? '')) i--;
  const word = text.slice(i, periodAt).toLowerCase();
  if (word.length === 0) return false;
  const next = /\s+(\S)/.exec(text.slice(periodAt + 1, periodAt + 6))?.[1] ?? '';
  if (ABBREVIATIONS_BEFORE_NUMBER_ONLY.has(word)) return /\d/.test(next);
  if (ABBREVIATIONS.has(word)) return true;
  // A single capital initial: "J. Smith", "Dr. A. Jones" — not the end of "PA-C." or "Hepatitis-B."
  if (/^[a-z]$/.test(word) && /[A-Z]/.test(text[i] ?? '') && !/[-\w]/.test(text[i - 1] ?? '')) return true;
  // Dotted capital abbreviations: "M.D.", "U.S.", "D.C." (dosing "b.i.d." often ends a sentence)
  return /^([A-Z]\.)+[A-Z]$/.test(text.slice(i, periodAt));
}
