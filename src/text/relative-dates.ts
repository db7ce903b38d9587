// Relative dates, resolved against a known anchor with chrono-node:
//   "CT of the head on 10/27/16 ... A repeat CAT scan was performed the following day." → 2016-10-28
//   "She returned two weeks later."      → anchor + 14 days
//   "one month later"                    → anchor + 1 month, kept as YYYY-MM (chrono is not certain of the day)
//   "two weeks after the injury"         → the date of injury + 14 days
// The anchor is the last explicit full date written before the phrase in the same section. With no
// anchor there is no date: an unanchored "two weeks later" is left undated, never guessed.
// the English locale alone: the full package builds every locale's parsers at import (~0.4 s)
import * as chrono from 'chrono-node/en';
import type { DateMention } from './dates.js';

const NUMBER = '(?:\\d{1,2}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a few|few|several)';
const UNIT = '(?:days?|weeks?|months?|years?)';
const RELATIVE = new RegExp(
  [
    `\\b(?:the\\s+)?(?:next|following|subsequent)\\s+(?:day|morning|evening|week|month)\\b`,
    `\\bthe\\s+day\\s+(?:after|before)\\b`,
    `\\b${NUMBER}\\s+${UNIT}\\s+(?:later|afterwards?|thereafter|earlier|ago|after|before|prior)\\b(?:\\s+(?:the\\s+)?(?:date\\s+of\\s+)?(?:injury|accident))?`,
    // "He is two weeks status post left knee arthroscopy": the procedure was two weeks before
    `\\b${NUMBER}\\s+${UNIT}\\s+(?:status\\s+post|s/p|post-?op(?:erative(?:ly)?)?)\\b`,
  ].join('|'),
  'gi',
);
const SEVERAL = /^(?:a few|few|several)\b/i;

export interface RelativeDate extends DateMention {
  /** the explicit date it was computed from */
  anchor: string;
}

function toDate(value: string): Date {
  return new Date(`${value}T12:00:00Z`);
}

// A count of days or weeks before or after ("45 days after", "two weeks ago") moves the anchor by a
// whole number of days; it is counted here, giving chrono's dates (test/text/relative-dates-offsets),
// because chrono can take 100 ms on such a phrase ("45 days after": its duration patterns backtrack)
// and every PR-2 form says "required 45 days after last report".
const DAYS_OR_WEEKS = /^(\d{1,2}|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(days?|weeks?)\s+(later|after|ago|before|earlier)$/i;
const COUNTS: Record<string, number> = { a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12 };
const DAY_MS = 86_400_000;

function readRelative(spoken: string, anchor: string): { date: Date; dayCertain: boolean } | null {
  const m = DAYS_OR_WEEKS.exec(spoken);
  if (m) {
    const [, count = '', unit = '', direction = ''] = m;
    const n = /^\d/.test(count) ? Number(count) : (COUNTS[count.toLowerCase()] ?? 0);
    const days = n * (/^w/i.test(unit) ? 7 : 1) * (/^(?:later|after)$/i.test(direction) ? 1 : -1);
    return { date: new Date(toDate(anchor).getTime() + days * DAY_MS), dayCertain: true };
  }
  const parsed = chrono.parse(spoken, { instant: toDate(anchor), timezone: 0 }, { forwardDate: false })[0];
  return parsed ? { date: parsed.start.date(), dayCertain: parsed.start.isCertain('day') } : null;
}

/**
 * Relative expressions in a sentence → dates. `anchorBefore(offset)` gives the last explicit full date
 * before a document offset (in the sentence or earlier in the section); `injuryDate` anchors phrases
 * that name the injury.
 */
export function findRelativeDates(text: string, offset: number, anchorBefore: (docOffset: number) => string | null, injuryDate: string | null): RelativeDate[] {
  const out: RelativeDate[] = [];
  RELATIVE.lastIndex = 0;
  for (let m = RELATIVE.exec(text); m; m = RELATIVE.exec(text)) {
    const phrase = m[0];
    // "several days later" has no number to count with
    if (SEVERAL.test(phrase)) continue;
    const namesInjury = /\b(?:injury|accident)\b/i.test(phrase);
    const anchor = namesInjury ? injuryDate : anchorBefore(offset + m.index);
    if (!anchor) continue;
    const spoken = phrase
      .replace(/\b(?:the\s+)?(?:following|subsequent)\s+/i, 'next ')
      .replace(/\s+(?:the\s+)?(?:date\s+of\s+)?(?:injury|accident)$/i, '')
      .replace(/\b(?:thereafter|afterwards?)\b/i, 'later')
      .replace(/\s+(?:status\s+post|s\/p|post-?op(?:erative(?:ly)?)?)$/i, ' ago')
      .replace(/\bprior\b/i, 'before');
    const read = readRelative(spoken, anchor);
    if (!read) continue;
    const iso = read.date.toISOString().slice(0, 10);
    const dayCertain = read.dayCertain && !/\b(?:months?|years?)\b/i.test(phrase);
    const yearOnly = /\byears?\b/i.test(phrase);
    out.push({
      start: offset + m.index,
      end: offset + m.index + phrase.length,
      text: phrase,
      value: yearOnly ? iso.slice(0, 4) : dayCertain ? iso : iso.slice(0, 7),
      precision: yearOnly ? 'year' : dayCertain ? 'day' : 'month',
      anchor,
    });
  }
  return out;
}
