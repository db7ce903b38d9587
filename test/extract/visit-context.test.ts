// The visit-context refiner (src/extract/refiners/visit-context.ts): the visit being described dates
// the findings and plans that follow it, until the next visit or a reviewer's section; a date written
// against something mentioned in passing dates that thing and does not move the visit; undated past
// treatments keep the visit as reportedOn.
import { describe, expect, it } from 'vitest';
import { eventsOf, eventWith, pick, type Expected } from './support.js';
import type { EventType } from '../../src/schema.js';

type Row = [type: EventType, quotePart: string, expected: Expected];

describe('visit context: a date in passing does not move the visit', () => {
  // the injection of 07/21/14 sits between two exam sentences of the 07/29/14 visit
  const NOTE = [
    'She was examined on 07/29/14 for neck pain.',
    'There was tenderness over the left trapezius.',
    'She is status post trigger point injection on 07/21/14, with two days of relief.',
    "Spurling's test was positive on the left.",
    'Cervical range of motion was limited in rotation.',
  ].join(' ');

  it.each<Row>([
    ['encounter', 'examined on 07/29/14', { type: 'encounter', date: '2014-07-29', dateCertainty: 'explicit', reportedOn: null }],
    ['exam_finding', 'tenderness over the left trapezius', { type: 'exam_finding', date: '2014-07-29', dateCertainty: 'inherited', reportedOn: '2014-07-29' }],
    ['procedure', 'trigger point injection on 07/21/14', { type: 'procedure', date: '2014-07-21', dateCertainty: 'explicit', dateText: '07/21/14', reportedOn: '2014-07-29' }],
    ['exam_finding', 'Spurling', { type: 'exam_finding', date: '2014-07-29', dateCertainty: 'inherited', reportedOn: '2014-07-29' }],
    ['exam_finding', 'range of motion was limited', { type: 'exam_finding', date: '2014-07-29', dateCertainty: 'inherited', reportedOn: '2014-07-29' }],
  ])('%s %j', async (type, quotePart, expected) => {
    const events = await eventsOf(NOTE);
    expect(pick(eventWith(events, type, quotePart), expected)).toEqual(expected);
  });

  it('the note has one visit only', async () => {
    const events = await eventsOf(NOTE);
    expect(events.filter((e) => e.type === 'encounter').map((e) => e.date)).toEqual(['2014-07-29']);
  });
});

describe('visit context: findings inherit the visit in force, and a new visit takes over', () => {
  const NOTE = [
    'DOS: 02/10/2017',
    'PHYSICAL EXAMINATION:',
    'Gait was antalgic favoring the right leg.',
    'There was tenderness over the right medial joint line.',
    'PLAN:',
    'Physical therapy was recommended.',
    'Date of Service: 03/24/2017',
    'PHYSICAL EXAMINATION:',
    'Gait was nonantalgic.',
    'PLAN:',
    'She was referred to Dr. Nguyen for an orthopedic consultation.',
  ].join('\n');

  it.each<Row>([
    ['exam_finding', 'antalgic favoring', { type: 'exam_finding', date: '2017-02-10', dateCertainty: 'inherited', reportedOn: '2017-02-10' }],
    ['exam_finding', 'medial joint line', { type: 'exam_finding', date: '2017-02-10', dateCertainty: 'inherited' }],
    ['plan', 'Physical therapy was recommended', { type: 'plan', date: '2017-02-10', dateCertainty: 'inherited', reportedOn: '2017-02-10' }],
    ['encounter', 'Date of Service: 03/24/2017', { type: 'encounter', date: '2017-03-24', dateCertainty: 'explicit', reportedOn: null }],
    ['exam_finding', 'Gait was nonantalgic', { type: 'exam_finding', date: '2017-03-24', dateCertainty: 'inherited', reportedOn: '2017-03-24' }],
    ['referral', 'referred to Dr. Nguyen', { type: 'referral', date: '2017-03-24', dateCertainty: 'inherited', reportedOn: '2017-03-24' }],
  ])('%s %j', async (type, quotePart, expected) => {
    const events = await eventsOf(NOTE);
    expect(pick(eventWith(events, type, quotePart), expected)).toEqual(expected);
  });
});

describe('visit context: undated past treatments stay undated, reported at the visit', () => {
  it.each<[text: string, type: EventType, quotePart: string, reportedOn: string]>([
    ['She was examined on 07/29/14 for neck pain. She had acupuncture in the past which did not help.', 'therapy', 'acupuncture', '2014-07-29'],
    ['She was seen on 03/10/15 for neck pain. She had six sessions of chiropractic care which helped.', 'therapy', 'chiropractic', '2015-03-10'],
    ['He returned on 9/9/16 for low back pain. He had bilateral L4-L5 facet injections which helped for a month.', 'procedure', 'facet injections', '2016-09-09'],
    ['Date of Exam: 01/10/2018\nHe has tried physical therapy and acupuncture without relief.', 'therapy', 'physical therapy', '2018-01-10'],
  ])('%j → %s undated, reported on %s', async (text, type, quotePart, reportedOn) => {
    const e = eventWith(await eventsOf(text), type, quotePart);
    expect({ date: e.date, dateCertainty: e.dateCertainty, reportedOn: e.reportedOn }).toEqual({ date: null, dateCertainty: null, reportedOn });
  });
});

describe('visit context: no visit in force', () => {
  it.each<[label: string, text: string, type: EventType, quotePart: string]>([
    ['a finding before the first visit date', 'There was tenderness over the left trapezius. She was examined on 07/29/14 for neck pain.', 'exam_finding', 'tenderness'],
    ['a finding with no visit at all', 'Range of motion of the right shoulder was limited in abduction.', 'exam_finding', 'Range of motion'],
  ])('%s stays undated', async (_label, text, type, quotePart) => {
    const e = eventWith(await eventsOf(text), type, quotePart);
    expect({ date: e.date, reportedOn: e.reportedOn }).toEqual({ date: null, reportedOn: null });
  });

  it("a request the record calls undated does not take the visit's date", async () => {
    const e = eventWith(await eventsOf('She was seen on 03/02/2016 for neck pain. An undated request for authorization asked for cervical traction.'), 'plan', 'undated request');
    expect({ date: e.date, reportedOn: e.reportedOn }).toEqual({ date: null, reportedOn: '2016-03-02' });
  });

  it("a reviewer's rationale section ends the visit: its restated findings are not dated by it", async () => {
    const events = await eventsOf(
      [
        'She was examined on 07/29/14 for neck pain. There was tenderness over the left trapezius.',
        'DECISION RATIONALE:',
        'The records do not describe the response to prior therapy. The guidelines support a short trial. Range of motion was decreased.',
      ].join('\n'),
    );
    expect(eventWith(events, 'exam_finding', 'tenderness over the left trapezius').date).toBe('2014-07-29');
    const restated = eventWith(events, 'exam_finding', 'Range of motion was decreased');
    expect({ date: restated.date, sectionCategory: restated.sectionCategory }).toEqual({ date: null, sectionCategory: 'rationale' });
  });
});

describe("visit context in the reviewer's sections: a cited note dates the report that follows, up to the reasoning", () => {
  const rationale = [
    'DECISION RATIONALE:',
    'According to the progress report dated 03/14/2016, the patient presents with neck pain radiating to the right arm.',
    'The request is for an MRI of the cervical spine.',
    'The request for authorization is dated 03/18/2016.',
    'The patient is status post anterior cervical discectomy at C5-C6 on 02/10/2015.',
    'Diagnoses include cervical radiculopathy.',
    "Spurling's test was positive on the right.",
    'Grip strength was 4/5 on the right.',
    'ACOEM guidelines state that imaging is recommended when red flags are present.',
    'Range of motion was decreased.',
  ].join('\n');

  it.each<[quotePart: string, date: string | null]>([
    // several sentences on, past a request's date and a dated earlier surgery, still the cited visit
    ["Spurling's test was positive", '2016-03-14'],
    ['Grip strength was 4/5', '2016-03-14'],
    // after the guideline the reviewer reasons; a restated finding is not dated by the note
    ['Range of motion was decreased', null],
  ])('%s → %s', async (quotePart, date) => {
    expect(eventWith(await eventsOf(rationale), 'exam_finding', quotePart).date).toBe(date);
  });
});
