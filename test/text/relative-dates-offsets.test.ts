// findRelativeDates counts a phrase of days or weeks ("45 days after", "two weeks ago") itself instead
// of asking chrono: the dates must be exactly those chrono gives, for every anchor.
import * as chrono from 'chrono-node/en';
import { describe, expect, it } from 'vitest';
import { findRelativeDates } from '../../src/text/relative-dates.js';

const COUNTS = ['0', '1', '3', '07', '14', '45', '99', 'a', 'an', 'A', 'one', 'five', 'twelve', 'Two', 'TEN'];
const UNITS = ['day', 'days', 'week', 'weeks'];
const SUFFIXES = ['later', 'after', 'ago', 'before', 'earlier', 'prior', 'thereafter', 'afterwards', 'afterward', 'status post', 's/p', 'post-op', 'after the injury', 'Later', 'AGO'];

/** What chrono itself says for the phrase, read as findRelativeDates reads it. */
function expected(phrase: string, anchor: string): { value: string; precision: string } | null {
  const spoken = phrase
    .replace(/\s+(?:the\s+)?(?:date\s+of\s+)?(?:injury|accident)$/i, '')
    .replace(/\b(?:thereafter|afterwards?)\b/i, 'later')
    .replace(/\s+(?:status\s+post|s\/p|post-?op(?:erative(?:ly)?)?)$/i, ' ago')
    .replace(/\bprior\b/i, 'before');
  const parsed = chrono.parse(spoken, { instant: new Date(`${anchor}T12:00:00Z`), timezone: 0 }, { forwardDate: false })[0];
  if (!parsed) return null;
  const iso = parsed.start.date().toISOString().slice(0, 10);
  return parsed.start.isCertain('day') ? { value: iso, precision: 'day' } : { value: iso.slice(0, 7), precision: 'month' };
}

describe('findRelativeDates: counts of days and weeks', () => {
  it("gives chrono's date for every anchor", () => {
    const anchors: string[] = [];
    // month ends, leap days, year ends, and an ordinary day, 1998-2031
    for (let y = 1998; y <= 2031; y += 8) {
      for (const m of [1, 2, 12]) {
        const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
        for (const d of [1, 15, last]) anchors.push(`${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
      }
    }
    anchors.push('2016-02-29', '2020-02-29', '2024-02-29');
    let compared = 0;
    for (const count of COUNTS) {
      for (const unit of UNITS) {
        for (const suffix of SUFFIXES) {
          const phrase = `${count} ${unit} ${suffix}`;
          const text = `Seen ${phrase}.`;
          for (const anchor of anchors) {
            const injury = suffix.includes('injury');
            const found = findRelativeDates(text, 0, () => (injury ? null : anchor), injury ? anchor : null);
            const want = expected(phrase, anchor);
            const got = found[0] ? { value: found[0].value, precision: found[0].precision } : null;
            if (JSON.stringify(got) !== JSON.stringify(want)) expect({ phrase, anchor, got }).toEqual({ phrase, anchor, got: want });
            compared++;
          }
        }
      }
    }
    expect(compared).toBeGreaterThan(20_000);
  });
});
