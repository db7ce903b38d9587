// A treating record's own visit: found from its labels and opening words, it dates the note's
// current sections (exam, assessment, plan) — never a date the history narrated.
import { describe, expect, it } from 'vitest';
import type { TimelineEvent } from '../../src/schema.js';
import { describeEvents, eventsOf, eventWith, ofType } from './support.js';

const note = (...lines: string[]): string => lines.join('\n');

/** The dates of the exam findings of a note, in order. */
function examDates(events: readonly TimelineEvent[]): (string | null)[] {
  return ofType(events, 'exam_finding').map((e) => e.date);
}

describe("the note's own visit dates its exam", () => {
  it.each<[label: string, text: string, visit: string | null, rule: string]>([
    [
      'a date of service label',
      note('DATE OF SERVICE: 04/18/2005', 'HISTORY OF PRESENT ILLNESS:', 'He hurt his back lifting boxes.', 'PHYSICAL EXAMINATION:', 'Straight leg raise is negative.'),
      '2005-04-18',
      'label.date-of-service',
    ],
    [
      '"examined today" with its date',
      note('HISTORY:', 'I examined him today, September 14, 2007, for neck pain.', 'PHYSICAL EXAMINATION:', 'Spurling test is negative.'),
      '2007-09-14',
      'note-visit.presenting',
    ],
    [
      'the day after "yesterday, <date>"',
      note('HISTORY OF PRESENT ILLNESS:', 'She twisted her ankle yesterday evening, 05/12/2022, stepping off a curb.', 'PHYSICAL EXAMINATION:', 'There is swelling over the lateral malleolus.'),
      '2022-05-13',
      'note-visit.yesterday',
    ],
    [
      'a dictation date when no date of service is given',
      note('HISTORY:', 'He presents for follow-up of knee pain.', 'PHYSICAL EXAMINATION:', 'The knee has a small effusion.', 'D: 03/02/2011 T: 03/04/2011'),
      '2011-03-02',
      'note-visit.dictation',
    ],
  ])('%s', async (_label, text, visit, rule) => {
    const events = await eventsOf(text);
    const own = ofType(events, 'encounter').find((e) => e.rule === rule);
    expect(own?.date, describeEvents(events).join('\n')).toBe(visit);
    expect(examDates(events)).toEqual([visit]);
  });

  it('a dictation date does not date the visit when a date of service is given', async () => {
    const events = await eventsOf(note('Date of Service: 02/01/2011', 'PHYSICAL EXAMINATION:', 'The knee has a small effusion.', 'D: 03/02/2011 T: 03/04/2011'));
    expect(examDates(events)).toEqual(['2011-02-01']);
    expect(events.some((e) => e.date === '2011-03-02')).toBe(false);
  });
});

describe('history dates stay in the history', () => {
  it('a history date does not date the admission exam', async () => {
    const events = await eventsOf(
      note(
        'HISTORY OF PRESENT ILLNESS:',
        'On 12/12/95 he went to see a local orthopedist. X-rays were taken.',
        'PHYSICAL EXAMINATION:',
        'Lungs are clear to auscultation.',
        'There is tenderness over the right greater trochanter.',
      ),
    );
    expect(ofType(events, 'encounter').map((e) => e.date)).toContain('1995-12-12');
    expect(examDates(events)).toEqual([null, null]);
  });

  it('"unchanged from <date>" in the exam does not move the visit', async () => {
    const events = await eventsOf(note('DOS: 06/01/2005', 'PHYSICAL EXAMINATION:', 'Her physical exam is unchanged from 03/21/05.', 'Reflexes are 2+ and symmetric.'));
    expect(examDates(events)).toEqual(['2005-06-01', '2005-06-01']);
  });

  it('a note with no date of its own keeps its exam undated', async () => {
    const events = await eventsOf(
      note('HISTORY OF PRESENT ILLNESS:', 'He injured his wrist on 01/03/2010 when he fell.', 'PHYSICAL EXAMINATION:', 'The wrist is swollen.', 'PLAN:', 'We will obtain an MRI of the wrist.'),
    );
    expect(examDates(events)).toEqual([null]);
    expect(eventWith(events, 'plan', 'MRI').date).toBeNull();
    expect(eventWith(events, 'injury', 'injured his wrist').date).toBe('2010-01-03');
  });
});

describe('a document of several visits', () => {
  it('each date of service owns the sections after it', async () => {
    const events = await eventsOf(note('DOS: 02/10/2017', 'PHYSICAL EXAMINATION:', 'Gait is antalgic.', 'DOS: 03/24/2017', 'PHYSICAL EXAMINATION:', 'Gait is normal.'));
    expect(examDates(events)).toEqual(['2017-02-10', '2017-03-24']);
  });

  it('a therapy log: each dated entry is a visit', async () => {
    const events = await eventsOf(note('Date: 12-15-14 Visit: 1 of 12', 'OBJECTIVE:', 'Mild effusion.', 'Date: 01-08-15 Visit: 6 of 12', 'OBJECTIVE:', 'Trace effusion.'));
    expect(examDates(events)).toEqual(['2014-12-15', '2015-01-08']);
  });
});

describe('a visit the note presents without a date', () => {
  it.each<[text: string, quotePart: string]>([
    ['She was seen for a recheck of her right wrist.', 'seen for a recheck'],
    [note('HISTORY OF PRESENT ILLNESS:', 'The patient is here today for follow-up of his diabetes.', 'PHYSICAL EXAMINATION:', 'Lungs are clear.'), 'here today for'],
  ])('%j: an undated encounter quoting %j', async (text, quotePart) => {
    const own = (await eventsOf(text)).filter((e) => e.type === 'encounter' && e.rule === 'note-visit.undated');
    expect(own.map((e) => ({ date: e.date, quoted: e.source.quote.includes(quotePart) }))).toEqual([{ date: null, quoted: true }]);
  });
});

describe('negative cases: no visit of its own', () => {
  it.each<[label: string, text: string]>([
    ['a letter with no sections', 'On 08/25/14, the claimant reported worsening neck pain after returning to full duty.'],
    ['a history only', note('HISTORY OF PRESENT ILLNESS:', 'He had knee surgery in 2009.')],
  ])('%s: no note-visit encounter', async (_label, text) => {
    const events = await eventsOf(text);
    expect(
      events
        .filter((e) => e.rule.startsWith('note-visit.'))
        .map((e) => e.date)
        .filter((d) => d !== null),
    ).toEqual([]);
  });
});

describe('who saw the patient where', () => {
  it.each<[label: string, text: string, provider: string | null, facility: string | null]>([
    [
      'a signature block names the provider and the practice',
      note('DATE OF SERVICE: 02/03/2016', 'PHYSICAL EXAMINATION:', 'Gait is normal.', 'Electronically signed by Maria L. Chen, M.D., Riverside Orthopedic Medical Group'),
      'Maria L. Chen, MD',
      'Riverside Orthopedic Medical Group',
    ],
    ['a note with no signature names nobody', note('DATE OF SERVICE: 02/03/2016', 'PHYSICAL EXAMINATION:', 'Gait is normal.'), null, null],
  ])('%s', async (_label, text, provider, facility) => {
    const own = (await eventsOf(text)).filter((e) => e.type === 'encounter' && e.date === '2016-02-03');
    expect(own.map((e) => ({ provider: e.provider, facility: e.facility }))).toEqual([{ provider, facility }]);
  });

  it('findings of the visit point at its encounter', async () => {
    const events = await eventsOf(note('DATE OF SERVICE: 02/03/2016', 'PHYSICAL EXAMINATION:', 'Gait is normal.', 'PLAN:', 'Physical therapy twice a week.'));
    const own = eventWith(events, 'encounter', 'DATE OF SERVICE');
    expect(events.filter((e) => e !== own).map((e) => e.encounterId)).toEqual(events.filter((e) => e !== own).map(() => own.id));
  });
});
