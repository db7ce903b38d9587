// Utilization-review and IMR decisions in the narrative (src/extract/extractors/determination.ts) and
// the letter dates they fall back on (src/extract/refiners/letter-dates.ts): an explicit date wins; a
// denial or a reviewer's action with no date of its own is the decision the letter is about, dated by
// its "UR Denial Date:" header; with no header it stays undated.
import { describe, expect, it } from 'vitest';
import { describeEvents, eventsOf, eventWith, ofType, pick, type Expected } from './support.js';

type Row = [text: string, quotePart: string, expected: Expected];

describe('determinations with their own date', () => {
  it.each<Row>([
    ['On 10/05/16, Utilization Review non-certified the request for a lumbar MRI.', 'non-certified', { type: 'determination', date: '2016-10-05', dateCertainty: 'explicit', dateText: '10/05/16' }],
    ['The request for 12 sessions of physical therapy was denied by utilization review on 11/30/2016.', 'denied', { type: 'determination', date: '2016-11-30', dateCertainty: 'explicit' }],
    ['Utilization review certified the arthroscopy on 10/17/14.', 'certified', { type: 'determination', date: '2014-10-17', dateCertainty: 'explicit' }],
    ['On 11/30/2016, the claims administrator modified the request for physical therapy from 12 to 6 sessions.', 'modified', { type: 'determination', date: '2016-11-30', dateCertainty: 'explicit' }],
    // a pseudo cue elsewhere in the sentence does not cancel the determination's own word
    [
      'On 11/30/2016, utilization review modified the request to 6 sessions, noting prior activity modification.',
      'modified the request',
      { type: 'determination', date: '2016-11-30', dateCertainty: 'explicit' },
    ],
    // the explicit date wins over the letter's header
    ['UR Denial Date: 10/05/2016\nOn 09/20/2016, Utilization Review denied the request for acupuncture.', 'acupuncture', { type: 'determination', date: '2016-09-20', dateCertainty: 'explicit' }],
  ])('%j → %j', async (text, quotePart, expected) => {
    expect(pick(eventWith(await eventsOf(text), 'determination', quotePart), expected)).toEqual(expected);
  });

  it('an explicit UR date is not a visit', async () => {
    expect(ofType(await eventsOf('On 10/05/16, Utilization Review non-certified the request for a lumbar MRI.'), 'encounter')).toEqual([]);
  });
});

describe("determinations dated by the letter's UR date", () => {
  it.each<Row>([
    [
      'UR Denial Date: 10/05/2016\nThe requested lumbar MRI was previously denied as not medically necessary.',
      'previously denied',
      { type: 'determination', date: '2016-10-05', dateCertainty: 'inherited', dateText: '10/05/2016' },
    ],
    [
      'Utilization Review Date: 03/14/2017\nPhysical therapy 6 sessions was authorized by the claims administrator.',
      'authorized',
      { type: 'determination', date: '2017-03-14', dateCertainty: 'inherited' },
    ],
  ])('%j → %j', async (text, quotePart, expected) => {
    expect(pick(eventWith(await eventsOf(text), 'determination', quotePart), expected)).toEqual(expected);
  });

  it('the header itself is a determination on that date', async () => {
    const header = eventWith(await eventsOf('UR Denial Date: 10/05/2016\nThe requested lumbar MRI was previously denied.'), 'determination', 'UR Denial Date');
    expect({ date: header.date, dateCertainty: header.dateCertainty, rule: header.rule }).toEqual({ date: '2016-10-05', dateCertainty: 'explicit', rule: 'label.ur-denial-date' });
  });
});

describe('determinations with no date to take', () => {
  it.each<[label: string, text: string, quotePart: string, reportedOn: string | null]>([
    ['a denial with no header', 'The requested lumbar MRI was previously denied.', 'previously denied', null],
    // an approval reported at a visit is not the letter's decision: it stays undated, reported at the visit
    ['an approval reported at a visit', 'A follow-up exam on 12-09-2016 noted that the shoulder MRI was approved.', 'approved', '2016-12-09'],
  ])('%s: %j', async (_label, text, quotePart, reportedOn) => {
    const e = eventWith(await eventsOf(text), 'determination', quotePart);
    expect({ date: e.date, reportedOn: e.reportedOn }).toEqual({ date: null, reportedOn });
  });
});

describe('not a determination', () => {
  it.each<[label: string, text: string]>([
    ['a patient denying a symptom', 'He denied numbness or tingling in the hands.'],
    ['a work status change', 'Her work status was modified to light duty.'],
    ['a patient denying a symptom, with a date', 'On 06/02/2016, she denied any radiating pain.'],
    // a treatment named with a determination's word (a pseudo cue)
    ['activity modification as a treatment', 'Treatment to date has included activity modification and medications since March 2015.'],
    ['modified duty as work status', 'She has remained on modified duty with no lifting over 10 pounds.'],
  ])('%s: %j', async (_label, text) => {
    expect(describeEvents(ofType(await eventsOf(text), 'determination'))).toEqual([]);
  });
});
