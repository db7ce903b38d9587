// An exam sentence → the findings it lists, each with its own span:
//   "BP 130/56, HR 68, RR 16, afebrile"        → "BP 130/56" · "HR 68" · "RR 16, afebrile"
//   "Reflexes: 1/trace patellae, 0/0 Achilles" → two measures, two findings
//   "Reflexes 2+ at the knees; 1+ at the ankles" → two
// A comma splits only between two measured parts; prose lists share one head and stay whole:
// "no cyanosis, clubbing, or edema", "no swelling, crepitus or discoloration noted", "While seated,
// straight leg was negative". A part of one word, or one starting with "and", "or", "with", is never
// a finding of its own. Commas inside a date ("March 8, 2006") never split.
import type { AnalyzedSentence } from './analyze.js';

export interface Clause {
  start: number;
  end: number;
  text: string;
}

const JOINS_PREVIOUS = /^(?:and|or|nor|but|with|without|w\/o|including|especially|except|as well as|which|that|who|to|of|in|on|at|from|than|then)\b/i;

/** Words of a part, not counting punctuation. */
function wordCount(text: string): number {
  return (text.match(/[A-Za-z0-9][A-Za-z0-9+/'.-]*/g) ?? []).length;
}

export function findingClauses(s: AnalyzedSentence): Clause[] {
  const cuts: number[] = [];
  const inDate = (at: number): boolean => s.dates.some((d) => at >= d.start && at < d.end);
  for (let i = 0; i < s.text.length; i++) {
    const c = s.text[i];
    const at = s.start + i;
    if (c === ';' || (c === ',' && /\s/.test(s.text[i + 1] ?? '') && !inDate(at))) cuts.push(at);
  }
  const parts: Clause[] = [];
  let from = s.start;
  for (const cut of [...cuts, s.end]) {
    const raw = s.text.slice(from - s.start, cut - s.start);
    const lead = raw.length - raw.trimStart().length;
    const text = raw.trim();
    if (text) parts.push({ start: from + lead, end: from + lead + text.length, text });
    from = cut + 1;
  }
  const out: Clause[] = [];
  const measured = (text: string): boolean => /\d/.test(text);
  for (const p of parts) {
    const prev = out.at(-1);
    const bySemicolon = prev !== undefined && s.text[prev.end - s.start] === ';';
    const separate = bySemicolon || (prev !== undefined && measured(prev.text) && measured(p.text));
    const standsAlone = separate && wordCount(p.text) >= 2 && !JOINS_PREVIOUS.test(p.text);
    if (prev && !standsAlone) {
      out[out.length - 1] = { start: prev.start, end: p.end, text: s.text.slice(prev.start - s.start, p.end - s.start) };
      continue;
    }
    out.push(p);
  }
  // a first part of one word ("Neck, supple without adenopathy") joins the next
  const first = out[0];
  const second = out[1];
  if (first && second && wordCount(first.text) < 2) out.splice(0, 2, { start: first.start, end: second.end, text: s.text.slice(first.start - s.start, second.end - s.start) });
  return out;
}
