// What a chronology's header says about the case, read from the records themselves: the claimant, the
// claim number and the date of injury as the pages write them most often, the employer. Labels are the
// ones claims paperwork uses ("Claim Number: 05-4471-WC", "Patient: M., R.", "Date of Injury:
// 01/12/2010"); a value no page states stays null rather than guessed.
import type { Timeline } from '../schema.js';

export interface CaseFacts {
  claimant: string | null;
  claimNumber: string | null;
  /** YYYY-MM-DD (or less precise), from the injury events, else the pages' "Date of Injury" */
  injuryDate: string | null;
  employer: string | null;
}

const CLAIM = /\bclaim\s*(?:no\.?|number|num\.?|#)\s*[:#]?\s*([A-Z0-9][A-Z0-9-]{3,24})\b/gi;
const PERSON =
  /\b(?:patient(?:'s)? name|patient|claimant|injured worker|employee name|applicant)\s*:\s*([A-Z][A-Za-z.,'’ -]{0,40}?)(?=\s{2,}|\s+(?:sex|dob|d\.o\.b\.|date|claim|age|employer|mrn|ssn|chart|account)\b|[\n\r;|]|$)/gi;
const EMPLOYER = /\bemployer\s*:\s*([A-Z][A-Za-z0-9&.,'’ -]{1,60}?)(?=\s{2,}|\s+(?:claim|date|insurer|carrier|adjuster|referring|address)\b|[\n\r;|]|$)/gi;

function mostCommon(values: readonly string[]): string | null {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: string | null = null;
  let n = 0;
  for (const [v, c] of counts) if (c > n) [best, n] = [v, c];
  return best;
}

function clean(s: string): string {
  return s
    .replace(/\s+/g, ' ')
    .replace(/[\s,;:.-]+$/, '')
    .trim();
}

export function readCaseFacts(timeline: Pick<Timeline, 'events'>, pageTexts: Iterable<string>): CaseFacts {
  const claims: string[] = [];
  const people: string[] = [];
  const employers: string[] = [];
  for (const text of pageTexts) {
    for (const m of text.matchAll(CLAIM)) if (/\d/.test(m[1] as string)) claims.push((m[1] as string).toUpperCase());
    for (const m of text.matchAll(PERSON)) {
      const v = clean(m[1] as string);
      // "the patient: he …" and lone words are not names
      if (v.length >= 2 && /[A-Z]/.test(v) && !/^(?:he|she|the|this|is|was|a|an)\b/i.test(v)) people.push(v);
    }
    for (const m of text.matchAll(EMPLOYER)) employers.push(clean(m[1] as string));
  }
  const injuries = timeline.events.filter((e) => e.type === 'injury' && e.date && e.assertion === 'present').map((e) => e.date as string);
  return { claimant: mostCommon(people), claimNumber: mostCommon(claims), injuryDate: mostCommon(injuries), employer: mostCommon(employers) };
}
