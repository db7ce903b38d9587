// Error-tolerant reading of OCR'd text: the glyphs OCR confuses, put right where the context says what
// they must be. Only dates are touched, and only where the whole token, once repaired, is a real date:
//
//   "O1/11/2O17" → "01/11/2017"     O read for 0 (also o, D, Q)
//   "0l/1l/2017" → "01/11/2017"     l read for 1 (also I, |, i, !)
//   "11/2S/2016" → "11/25/2016"     S read for 5 (s), B for 8, Z for 2
//   "01/1 1/2017" → "01/11/2017"    a stray space inside a number (speckle, or a wide glyph gap)
//   "01/11/.2017" → "01/11/2017"    a speck read as a dot beside a separator
//
// A word is never changed outside such a token: "Oct", "Ill", "SI joint", "1 1/2 tablets" stay.
//
// Before that, specks that Tesseract read as words of their own are dropped: a token with no letter
// or digit ("|", ".", ":", "’", "©", "~~" between two words, where a fax's speckle sat), and a poorly
// read (confidence < 30) token of one or two characters at either end of a line ("Co CLINICAL CASE
// SUMMARY": a speck before a heading, which would stop it reading as a heading).
// The repaired text replaces the OCR'd text as the page text, so every offset after this (quotes,
// provenance) points into the repaired text; the OCR words' spans are moved along with it.
import type { OcrWord } from './ocr-engine.js';

const TO_DIGIT: Record<string, string> = { O: '0', o: '0', D: '0', Q: '0', l: '1', I: '1', '|': '1', i: '1', '!': '1', S: '5', s: '5', B: '8', Z: '2', z: '2' };
const G = '[0-9OoDQlI|i!SsBZz]';
// a group of 1–4 glyphs that may have one stray space inside ("1 1", "20 17")
const GROUP = `${G}(?: ?${G}){0,3}`;
// month / day / year, one kind of separator, maybe a stray dot or space beside it
const CANDIDATE = new RegExp(`(?<![0-9A-Za-z/.-])(${GROUP})( ?\\.?([/-])\\.? ?)(${GROUP})( ?\\.?\\3\\.? ?)(${GROUP})(?![0-9A-Za-z/-])`, 'g');

export interface Edit {
  start: number;
  end: number;
  text: string;
}

/** The repaired text, and the OCR words' spans moved to match it. */
export function repairOcrText(text: string, words: readonly OcrWord[] = []): { text: string; words: OcrWord[] } {
  const junk = junkEdits(text, words);
  const dropped = new Set(junk.map((e) => e.word));
  const first = apply(
    text,
    junk,
    words.filter((_, i) => !dropped.has(i)),
  );
  return apply(first.text, dateEdits(first.text), first.words);
}

function apply(text: string, edits: readonly Edit[], words: readonly OcrWord[]): { text: string; words: OcrWord[] } {
  if (edits.length === 0) return { text, words: [...words] };
  let out = '';
  let at = 0;
  for (const e of edits) {
    out += text.slice(at, e.start) + e.text;
    at = e.end;
  }
  out += text.slice(at);
  const map = (pos: number, side: 'start' | 'end') => mapOffset(edits, pos, side);
  return { text: out, words: words.map((w) => ({ ...w, start: map(w.start, 'start'), end: map(w.end, 'end') })) };
}

const NOT_A_WORD = /^[^\p{L}\p{N}&#%$@*§]+$/u;

/** Deletions of speck tokens (with the space after them, or before them at a line's end). */
function junkEdits(text: string, words: readonly OcrWord[]): Array<Edit & { word: number }> {
  const edits: Array<Edit & { word: number }> = [];
  for (const [i, w] of words.entries()) {
    const token = text.slice(w.start, w.end);
    const prev = words[i - 1];
    const next = words[i + 1];
    const lineStart = !prev || text.slice(prev.end, w.start).includes('\n');
    const lineEnd = !next || text.slice(w.end, next.start).includes('\n');
    const speck = NOT_A_WORD.test(token) || (token.length <= 2 && w.confidence < 30 && (lineStart || lineEnd) && !/^\d+$/.test(token));
    if (!speck) continue;
    const last = edits.at(-1);
    if (text[w.end] === ' ') edits.push({ start: w.start, end: w.end + 1, text: '', word: i });
    else if (w.start > 0 && text[w.start - 1] === ' ' && (!last || last.end < w.start - 1)) edits.push({ start: w.start - 1, end: w.end, text: '', word: i });
    else edits.push({ start: w.start, end: w.end, text: '', word: i });
  }
  return edits;
}

/** Where an offset of the original text lands in the edited text. */
export function mapOffset(edits: readonly Edit[], pos: number, side: 'start' | 'end'): number {
  let shift = 0;
  for (const e of edits) {
    if (pos <= e.start) break;
    if (pos < e.end) return e.start + shift + (side === 'end' ? e.text.length : 0);
    shift += e.text.length - (e.end - e.start);
  }
  return pos + shift;
}

function dateEdits(text: string): Edit[] {
  const edits: Edit[] = [];
  for (const m of text.matchAll(CANDIDATE)) {
    const [whole, a = '', , sep = '', b = '', , c = ''] = m;
    const fixed = repairDate(a, sep, b, c);
    if (fixed && fixed !== whole) edits.push({ start: m.index, end: m.index + whole.length, text: fixed });
  }
  return edits;
}

/** month, day, year as OCR read them → "MM/DD/YYYY" as written (separator kept), or null when not a date. */
function repairDate(a: string, sep: string, b: string, c: string): string | null {
  const raw = `${a}${b}${c}`;
  // mostly digits already: at least 4 real digits, and at most 3 glyphs to reinterpret
  const digits = (raw.match(/[0-9]/g) ?? []).length;
  const letters = (raw.match(/[^0-9 ]/g) ?? []).length;
  if (digits < 4 || letters > 3) return null;
  const fix = (g: string) => g.replace(/ /g, '').replace(/[^0-9]/g, (ch) => TO_DIGIT[ch] ?? ch);
  const month = fix(a);
  const day = fix(b);
  const year = fix(c);
  if (!/^\d{1,2}$/.test(month) || !/^\d{1,2}$/.test(day) || !/^(\d{2}|\d{4})$/.test(year)) return null;
  const m = Number(month);
  const d = Number(day);
  if (m < 1 || m > 12 || d < 1 || d > 31) return null;
  if (year.length === 4 && (Number(year) < 1900 || Number(year) > 2099)) return null;
  // a space inside a group is only taken out when the group then reads as a date part; a space
  // between whole numbers ("1 1/2") is not a date at all, and was rejected above
  return `${month}${sep}${day}${sep}${year}`;
}
