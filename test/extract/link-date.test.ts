// Which date in a sentence belongs to which mention (src/extract/link-date.ts), seen through the
// events: a date after a mention, a date before it, a date opening the sentence or a clause, and
// relative dates computed from an anchor.
import { describe, expect, it } from 'vitest';
import type { EventType } from '../../src/schema.js';
import { eventsOf, eventWith, pick, type Expected } from './support.js';

type Row = [text: string, type: EventType, quotePart: string, expected: Expected];

describe('link-date: several dates in one sentence', () => {
  it.each<Row>([
    ['The injured worker had x-rays on 10/01/2016 and a CT scan (10-12-2016) of the cervical spine.', 'imaging', 'x-rays', { type: 'imaging', date: '2016-10-01', dateCertainty: 'explicit' }],
    ['CT scan (10-12-2016) of the cervical spine showed no fracture.', 'imaging', 'CT scan', { type: 'imaging', date: '2016-10-12', dateCertainty: 'explicit', dateText: '10-12-2016' }],
    [
      'A request for authorization on September 12, 2016 for chiropractic care 2x3 and September 20, 2016 for acupuncture.',
      'plan',
      'chiropractic',
      { type: 'plan', date: '2016-09-12', dateCertainty: 'explicit' },
    ],
  ])('%j → %s %j', async (text, type, quotePart, expected) => {
    const events = (await eventsOf(text)).filter((e) => e.date === expected.date);
    expect(pick(eventWith(events, type, quotePart), expected)).toEqual(expected);
  });

  it('x-rays and the CT of one sentence keep their own dates', async () => {
    const events = await eventsOf('The injured worker had x-rays on 10/01/2016 and a CT scan (10-12-2016) of the cervical spine.');
    expect(
      events
        .filter((e) => e.type === 'imaging')
        .map((e) => e.date)
        .sort(),
    ).toEqual(['2016-10-01', '2016-10-12']);
  });

  it('findings after each date of an exam sentence belong to that date', async () => {
    const events = await eventsOf('A physical exam was performed on 11-9-16 and revealed tenderness of the lumbar spine, and on 11-18-16 revealed limited range of motion.');
    const exams = events.filter((e) => e.type === 'exam_finding');
    expect(exams.map((e) => ({ date: e.date, domains: e.findings.map((f) => f.concept) }))).toEqual([
      { date: '2016-11-09', domains: ['msk.tenderness'] },
      { date: '2016-11-18', domains: expect.arrayContaining(['msk.rom']) },
    ]);
  });
});

describe('link-date: relative dates against an anchor', () => {
  it.each<Row>([
    [
      'The patient underwent a CT of the head on 03/11/16 in the emergency department. A repeat CT was performed the following day.',
      'imaging',
      'repeat CT',
      { type: 'imaging', date: '2016-03-12', dateCertainty: 'relative', dateText: 'the following day' },
    ],
    [
      'She fell from a ladder at home in June. She was seen on 06/02/2016. Two weeks later, she had an MRI of the right knee.',
      'imaging',
      'MRI of the right knee',
      { type: 'imaging', date: '2016-06-16', dateCertainty: 'relative' },
    ],
    [
      'She was seen on 10/03/2016 for knee pain. Three days later she underwent an arthroscopy of the left knee.',
      'procedure',
      'arthroscopy',
      { type: 'procedure', date: '2016-10-06', dateCertainty: 'relative', reportedOn: '2016-10-03' },
    ],
  ])('%j → %s %j', async (text, type, quotePart, expected) => {
    expect(pick(eventWith(await eventsOf(text), type, quotePart), expected)).toEqual(expected);
  });

  it('the anchor keeps its own explicit date', async () => {
    const events = await eventsOf('The patient underwent a CT of the head on 03/11/16 in the emergency department. A repeat CT was performed the following day.');
    expect(eventWith(events, 'imaging', 'CT of the head')).toMatchObject({ date: '2016-03-11', dateCertainty: 'explicit' });
  });
});

describe('link-date: "<n> weeks after the injury on <date>" dates the visit, never the injury', () => {
  it('the clinic visit takes the date; the injury stays undated', async () => {
    const events = await eventsOf('The injured worker had a clinic visit two weeks after the injury on 11/16/16.');
    expect(eventWith(events, 'encounter', 'clinic visit')).toMatchObject({ date: '2016-11-16', dateCertainty: 'explicit' });
    expect(eventWith(events, 'injury', 'injury')).toMatchObject({ date: null });
  });
});
