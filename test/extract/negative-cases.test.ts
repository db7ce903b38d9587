// Clinical-looking text that must yield no event at all through the whole per-document pipeline:
// symptoms the patient reports, planned or missed visits, denials that are not decisions, negated and
// hypothetical services, history that is not this claim, attestations and social history.
// (Page furniture, birth dates, fax banners and guideline citations are in test/text/negative-cases.test.ts.)
import { describe, expect, it } from 'vitest';
import { describeEvents, eventsOf } from './support.js';

describe('negative cases: no event', () => {
  it.each<[label: string, text: string]>([
    ['a symptom the patient complains of', 'He complains of numbness in the left hand.'],
    ['weakness the patient states', 'The patient states she has decreased strength in the right arm.'],
    ['a denied symptom', 'He denies weakness.'],
    ['a denied symptom, plural', 'He denied numbness or tingling in the hands.'],
    ['instability the patient reports', 'She reports that her right knee gives way when she climbs stairs.'],
    ['a pain score alone', 'Her pain is 6/10 today.'],
    ['a planned follow-up', 'Follow up in 4 weeks.'],
    ['a planned return', 'Return to clinic in 6 weeks for re-evaluation.'],
    ['a missed appointment', 'He did not attend the appointment on 04/04/17.'],
    ['a work status change', 'Her work status was modified to light duty.'],
    ['work status', 'Temporarily totally disabled until the next visit.'],
    ['a rule-out', 'Rule out rotator cuff tear.'],
    ['a negated recommendation', 'Surgery is not recommended at this time.'],
    ['"the injured worker" as the patient', 'The injured worker is a 45-year-old cook.'],
    ['a prior injury', 'He has a history of a prior right knee injury in 2012.'],
    ['a denied new injury', 'He denies any new injury since the last visit.'],
    ['the report date', 'Date of Report: 08/27/2014'],
    ['the place and date of signing', 'Executed at Fresno, California, on 08/27/2014.'],
    ['an attestation', 'I declare under penalty of perjury that this report is true and correct.'],
    ['a courtesy line', 'Thank you for allowing me to participate in the care of this patient.'],
    ['demographics', 'She is a 38-year-old right-hand-dominant bus driver.'],
    ['allergies', 'No known drug allergies.'],
    ['social history', 'He smokes one pack per day.'],
    ['a negated history', 'There is no history of diabetes.'],
    ['a copy line', 'cc: Claims Administrator'],
    ["a reviewer's conclusion", 'Medical necessity for the requested treatment has not been established.'],
  ])('%s: %j', async (_label, text) => {
    expect(describeEvents(await eventsOf(text))).toEqual([]);
  });
});

// The table above would pass vacuously if extraction yielded nothing; these, next to it, must yield.
describe('positive controls beside the negative cases', () => {
  it.each<[text: string, types: string[]]>([
    ['He complains of numbness in the left hand. Sensation was decreased in the left ulnar distribution.', ['exam_finding']],
    ['Follow up in 4 weeks. He was evaluated on 07/29/14 for low back pain.', ['encounter']],
    ['Surgery is not recommended at this time. Physical therapy was recommended.', ['plan']],
  ])('%j → %j', async (text, types) => {
    expect((await eventsOf(text)).map((e) => e.type)).toEqual(types);
  });
});
