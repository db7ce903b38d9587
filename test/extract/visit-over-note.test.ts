// The visit-over-note refiner (src/extract/refiners/visit-over-note.ts): a note written on one day
// about a visit on another is dated by the visit, and only one visit comes out of the sentence.
import { describe, expect, it } from 'vitest';
import { eventsOf, ofType } from './support.js';

describe('visit over note', () => {
  it.each<[text: string, visits: string[]]>([
    ['The clinic notes dated 1-7-17 reported that the patient presented to the office on 12-28-16 for a hearing evaluation.', ['2016-12-28']],
    ['The progress report dated 02/03/2017 indicated that she was seen on 01/30/2017 for neck pain.', ['2017-01-30']],
    // note and visit on the same day: one visit
    ['The office note of 05/10/2016 states the patient was examined on 05/10/2016.', ['2016-05-10']],
    // a note with no visit verb is the visit
    ['The progress report dated 02/03/2017 documented neck pain.', ['2017-02-03']],
  ])('%j → visits %j', async (text, visits) => {
    const encounters = ofType(await eventsOf(text), 'encounter');
    expect(encounters.map((e) => e.date)).toEqual(visits);
    for (const e of encounters) expect(e.dateCertainty).toBe('explicit');
  });

  it('the findings after it take the visit date, not the note date', async () => {
    const events = await eventsOf('The progress report dated 02/03/2017 indicated that she was seen on 01/30/2017 for neck pain. There was tenderness over the right trapezius.');
    expect(ofType(events, 'exam_finding').map((e) => e.date)).toEqual(['2017-01-30']);
  });
});
