// chronology (src/checks/chronology.ts): dates that cannot be right — in the future of the reference
// date, a procedure or study reported as done before its own date, care for this claim before the
// injury, a "repeat" study with no earlier one.
import { describe, expect, it } from 'vitest';
import type { Flag } from '../../src/schema.js';
import { timelineOf } from '../extract/support.js';

async function chronology(...texts: string[]): Promise<Flag[]> {
  return (await timelineOf(...texts)).flags.filter((f) => f.kind === 'chronology');
}

// today is 2020-06-01 (REFERENCE_DATE)
describe('chronology: dates in the future', () => {
  it.each<[text: string, rule: string, quote: string, summary: RegExp]>([
    [
      'A right carpal tunnel release was performed on 03/15/2027.',
      'chronology.future-date',
      'A right carpal tunnel release was performed on 03/15/2027.',
      /dated 03\/15\/2027, after the record could have been written \(today is 2020-06-01\)/,
    ],
    ['She was seen on 06/02/2020 for neck pain.', 'chronology.future-date', 'She was seen on 06/02/2020 for neck pain.', /dated 06\/02\/2020/],
    // the same day and month elsewhere in the record: most likely a typo for that year
    [
      'UR Denial Date: 12/09/2016\nThe request for acupuncture was denied on December 9, 3026.',
      'chronology.future-date-typo',
      'The request for acupuncture was denied on December 9, 3026.',
      /dated December 9, 3026, in the future; elsewhere the record dates it 12\/09\/2016/,
    ],
  ])('%j → %s', async (text, rule, quote, summary) => {
    const flags = await chronology(text);
    expect(flags.map((f) => f.rule)).toEqual([rule]);
    const [flag] = flags as [Flag];
    expect({ severity: flag.severity, date: flag.date }).toEqual({ severity: 'high', date: null });
    expect(flag.evidence[0]).toMatchObject({ role: 'future date', quote });
    expect(flag.summary).toMatch(summary);
  });

  it.each<string>([
    'She was seen on 06/01/2020 for neck pain.',
    // a month is in the future only if all of it is
    'A progress note in 06/2020 documented neck pain.',
    'She was seen on 05/30/2020 for neck pain.',
  ])('no flag: %j', async (text) => {
    expect((await chronology(text)).map((f) => f.summary)).toEqual([]);
  });
});

const OPERATIVE_REPORT = ['OPERATIVE REPORT', 'Date of Surgery: 02/06/2018', 'The patient underwent a right carpal tunnel release on 02/06/2018 under local anesthesia.'].join('\n');

describe('chronology: reported as done before it was done', () => {
  it('a visit reports a procedure as done; the operative report dates it after the visit', async () => {
    const visit = 'Date of Exam: 01/10/2018\nSUBJECTIVE:\nShe is three weeks status post right carpal tunnel release, performed at Valley Surgery Center.';
    const flags = await chronology(visit, OPERATIVE_REPORT);
    expect(flags).toHaveLength(1);
    const [flag] = flags as [Flag];
    expect({ rule: flag.rule, date: flag.date, severity: flag.severity }).toEqual({ rule: 'chronology.reported-before-done', date: '2018-01-10', severity: 'high' });
    expect(flag.summary).toBe('01/10/18: the visit reports the carpal tunnel release as already done, but the record dates it 02/06/18, after the visit.');
    expect(flag.evidence.map((e) => [e.role, e.quote])).toEqual([
      ['reported as done', 'She is three weeks status post right carpal tunnel release, performed at Valley Surgery Center.'],
      ['dated later', 'The patient underwent a right carpal tunnel release on 02/06/2018 under local anesthesia.'],
    ]);
  });

  it('a study reported at a visit with a date after the visit', async () => {
    const flags = await chronology('She was seen on 02/03/2017. She had an MRI of the right knee on 02/20/2017.');
    expect(flags.map((f) => [f.rule, f.date])).toEqual([['chronology.done-before-dated', '2017-02-03']]);
    expect(flags[0]?.evidence.map((e) => e.quote)).toEqual(['She had an MRI of the right knee on 02/20/2017.']);
    expect(flags[0]?.summary).toMatch(/^02\/03\/17: the visit reports .* as already done, but it is dated 02\/20\/17, after the visit\.$/);
  });

  it.each<[label: string, texts: string[]]>([
    ['the visit after the surgery', ['Date of Exam: 03/20/2018\nSUBJECTIVE:\nShe is six weeks status post right carpal tunnel release, performed at Valley Surgery Center.', OPERATIVE_REPORT]],
    ['the other side', ['Date of Exam: 01/10/2018\nSUBJECTIVE:\nShe is three weeks status post left carpal tunnel release.', OPERATIVE_REPORT]],
    ['a study scheduled for a later date', ['She was seen on 02/03/2017. An MRI of the right knee is scheduled for 02/20/2017.']],
  ])('no flag: %s', async (_label, texts) => {
    expect((await chronology(...texts)).map((f) => f.summary)).toEqual([]);
  });
});

describe('chronology: care for this claim before the injury', () => {
  it.each<[label: string, text: string, quote: string]>([
    [
      'a visit tied to the work injury',
      'Date of Injury: 06/01/2017\nThe patient was evaluated on 05/20/2017 for right shoulder pain from the work injury.',
      'The patient was evaluated on 05/20/2017 for right shoulder pain from the work injury.',
    ],
    [
      'a visit for the injured body part',
      'Date of Injury: 06/01/2017\nMechanism of injury: she fell from a ladder and landed on her right shoulder.\nShe was seen on 05/20/2017 for a right shoulder injection.',
      'She was seen on 05/20/2017 for a right shoulder injection.',
    ],
  ])('%s → flag', async (_label, text, quote) => {
    const flags = await chronology(text);
    expect(flags.map((f) => [f.rule, f.date])).toEqual([['chronology.before-injury', '2017-05-20']]);
    const [flag] = flags as [Flag];
    expect(flag.summary).toBe('05/20/17: care for this claim is dated before the date of injury, 06/01/17.');
    expect(flag.evidence.map((e) => [e.role, e.quote])).toEqual([
      ['injury', 'Date of Injury: 06/01/2017'],
      ['before injury', quote],
    ]);
  });

  it.each<[label: string, text: string]>([
    ['prior history of the same part', 'Date of Injury: 06/01/2017\nHe was seen on 05/20/2017 for a prior right shoulder strain.'],
    ['a visit after the injury', 'Date of Injury: 06/01/2017\nThe patient was evaluated on 07/20/2017 for right shoulder pain from the work injury.'],
    [
      'an unrelated visit before the injury',
      'Date of Injury: 06/01/2017\nMechanism of injury: she fell from a ladder and landed on her right shoulder.\nShe was seen on 05/20/2017 for a sore throat.',
    ],
  ])('no flag: %s', async (_label, text) => {
    expect((await chronology(text)).map((f) => f.summary)).toEqual([]);
  });
});

describe('chronology: a repeat study with no earlier one', () => {
  const REPEAT = 'She was seen on 04/10/2018. A repeat MRI of the lumbar spine is requested.';

  it('flags the request, dated at the visit', async () => {
    const flags = await chronology(REPEAT);
    expect(flags.map((f) => [f.rule, f.date, f.severity])).toEqual([['chronology.repeat-without-prior', '2018-04-10', 'low']]);
    expect(flags[0]?.summary).toBe('04/10/18: a repeat MRI is requested, but no earlier MRI appears in the record.');
  });

  it.each<[label: string, texts: string[]]>([
    ['an earlier MRI in another document', [REPEAT, 'An MRI of the lumbar spine dated 01/05/2018 showed a disc bulge at L4-L5.']],
    [
      'a review letter (it summarises selected visits)',
      ['Decision Date: 05/01/2018\nUR Denial Date: 04/20/2018\nCLINICAL CASE SUMMARY\nShe was seen on 04/10/2018. A repeat MRI of the lumbar spine was requested.'],
    ],
  ])('no flag: %s', async (_label, texts) => {
    expect((await chronology(...texts)).map((f) => f.summary)).toEqual([]);
  });
});

describe('chronology: the date of injury written two ways in one document', () => {
  it('the header and the summary disagree: a flag about the injury, no visit', async () => {
    const flags = await chronology(['Date of Injury: 03/14/2018', 'CLINICAL CASE SUMMARY', 'The injured worker sustained an industrial injury on 03/18/2018 while lifting a pallet.'].join('\n'));
    expect(flags.map((f) => ({ rule: f.rule, date: f.date, summary: f.summary }))).toEqual([
      { rule: 'chronology.two-injury-dates', date: null, summary: 'The date of injury is given as 03/14/18 and as 03/18/18 in the same document.' },
    ]);
  });

  it("one of the dates is given by a dated visit's report: the flag concerns that visit", async () => {
    const flags = await chronology(
      ['Date of Injury: 03/14/2018', 'DECISION RATIONALE:', "According to the 04/02/2018 Doctor's First Report, he had low back pain after lifting.", 'The date of injury was 03/18/2018.'].join('\n'),
    );
    expect(flags.map((f) => ({ rule: f.rule, date: f.date }))).toEqual([{ rule: 'chronology.two-injury-dates', date: '2018-04-02' }]);
  });

  it('the same date written two ways: no flag', async () => {
    expect(await chronology(['Date of Injury: 03/14/2018', 'The injured worker sustained an industrial injury on March 14, 2018.'].join('\n'))).toEqual([]);
  });
});
