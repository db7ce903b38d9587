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

// chrono takes milliseconds on a phrase such as "45 days after" (its duration patterns backtrack), and
// every PR-2 form says "required 45 days after last report". A count of days or weeks moves any anchor
// by the same number of days, so chrono reads each such phrase once and the offset it found is reused.
const DAYS_OR_WEEKS = /^(?:\d{1,2}|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(?:days?|weeks?)\s+(?:later|after|ago|before|earlier)$/i;
const DAY_MS = 86_400_000;
const dayOffsets = new Map<string, { days: number; dayCertain: boolean } | null>();

function readRelative(spoken: string, anchor: string): { date: Date; dayCertain: boolean } | null {
  const cached = dayOffsets.get(spoken);
  if (cached !== undefined) return cached && { date: new Date(toDate(anchor).getTime() + cached.days * DAY_MS), dayCertain: cached.dayCertain };
  const parsed = chrono.parse(spoken, { instant: toDate(anchor), timezone: 0 }, { forwardDate: false })[0];
  const read = parsed ? { date: parsed.start.date(), dayCertain: parsed.start.isCertain('day') } : null;
  if (DAYS_OR_WEEKS.test(spoken)) {
    const days = read && (read.date.getTime() - toDate(anchor).getTime()) / DAY_MS;
    // only a whole number of days is an offset to reuse (chrono keeps the anchor's time of day)
    if (days === null || Number.isInteger(days)) dayOffsets.set(spoken, read && { days: days as number, dayCertain: read.dayCertain });
  }
  return read;
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
