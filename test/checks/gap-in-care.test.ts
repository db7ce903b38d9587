// gap_in_care (src/checks/gap-in-care.ts): visits in the treating records more than
// patterns/checks.json gapInCare.minGapDays (180) apart; review letters are skipped.
import { describe, expect, it } from 'vitest';
import type { Flag } from '../../src/schema.js';
import { patterns, timelineOf } from '../extract/support.js';

async function gaps(...texts: string[]): Promise<Flag[]> {
  return (await timelineOf(...texts)).flags.filter((f) => f.kind === 'gap_in_care');
}

const visit = (date: string, complaint = 'left knee pain'): string => `Date of Exam: ${date}\nThe patient returns for follow-up of ${complaint}.`;

describe('gap_in_care', () => {
  it('uses the threshold from patterns/checks.json', () => {
    expect(patterns.data.checks.gapInCare.minGapDays).toBe(180);
  });

  it.each<[label: string, texts: string[], expected: { date: string; summary: string }[]]>([
    ['273 days between two visits', [visit('02/12/2015'), visit('11/12/2015')], [{ date: '2015-11-12', summary: 'No visit is recorded for 273 days, between 02/12/15 and 11/12/15.' }]],
    ['181 days', [visit('01/01/2016'), visit('06/30/2016')], [{ date: '2016-06-30', summary: 'No visit is recorded for 181 days, between 01/01/16 and 06/30/16.' }]],
    [
      'only the long gap of a regular series',
      [visit('01/05/2016'), visit('02/02/2016'), visit('03/01/2016'), visit('12/01/2016')],
      [{ date: '2016-12-01', summary: 'No visit is recorded for 275 days, between 03/01/16 and 12/01/16.' }],
    ],
    [
      'visits told in one note',
      ['The patient was seen on 03/02/2015 for neck pain. She returned on 01/15/2016 with the same complaints.'],
      [{ date: '2016-01-15', summary: 'No visit is recorded for 319 days, between 03/02/15 and 01/15/16.' }],
    ],
  ])('%s → flag', async (_label, texts, expected) => {
    const flags = await gaps(...texts);
    expect(flags.map((f) => ({ date: f.date, summary: f.summary }))).toEqual(expected);
    for (const f of flags) {
      expect({ rule: f.rule, severity: f.severity }).toEqual({ rule: 'gap-in-care.visits-apart', severity: patterns.data.checks.gapInCare.severity });
      expect(f.evidence.map((e) => e.role)).toEqual(['last visit before', 'next visit']);
      expect(f.eventIds).toHaveLength(2);
    }
  });

  it('the evidence quotes both visits', async () => {
    const [flag] = await gaps(visit('02/12/2015'), visit('11/12/2015'));
    expect(flag?.evidence.map((e) => e.quote)).toEqual(['Date of Exam: 02/12/2015', 'Date of Exam: 11/12/2015']);
  });

  it.each<[label: string, texts: string[]]>([
    ['exactly 180 days', [visit('01/01/2016'), visit('06/29/2016')]],
    ['monthly visits', [visit('01/05/2016'), visit('02/02/2016'), visit('03/01/2016'), visit('04/05/2016')]],
    [
      'a review letter summarising visits far apart',
      ['Decision Date: 05/01/2016\nUR Denial Date: 04/20/2016\nCLINICAL CASE SUMMARY\nThe patient was seen on 03/02/2015 for neck pain. She was seen again on 01/15/2016 with the same complaints.'],
    ],
    ['a single visit', [visit('02/12/2015')]],
  ])('no flag: %s', async (_label, texts) => {
    expect((await gaps(...texts)).map((f) => f.summary)).toEqual([]);
  });
});
