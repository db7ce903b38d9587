// Visits (src/extract/extractors/encounter.ts and the encounter labels of label-dates.ts): a visit
// needs a date written against it — a visit verb, a visit noun, a date framing the sentence, or a
// "DOS:" style label — and it is always explicit.
import { describe, expect, it } from 'vitest';
import { describeEvents, eventsOf, ofType } from './support.js';

type Row = [text: string, date: string, dateText: string];

describe('encounter: a visit verb with its date', () => {
  it.each<Row>([
    ['He was evaluated on 07/29/14 for low back pain.', '2014-07-29', '07/29/14'],
    ['She presented on 11/03/2015 with right knee pain after a fall.', '2015-11-03', '11/03/2015'],
    ['The patient was seen on 5/5/18 for shoulder pain.', '2018-05-05', '5/5/18'],
    ['Mr. Ortiz was examined on March 2, 2017 for a follow-up of his wrist sprain.', '2017-03-02', 'March 2, 2017'],
    ['On 12/13/2016, the patient presented with worsening neck pain.', '2016-12-13', '12/13/2016'],
  ])('%j → visit %s', async (text, date, dateText) => {
    const visits = ofType(await eventsOf(text), 'encounter');
    expect(visits.map((v) => ({ date: v.date, dateText: v.dateText, dateCertainty: v.dateCertainty, reportedOn: v.reportedOn }))).toEqual([
      { date, dateText, dateCertainty: 'explicit', reportedOn: null },
    ]);
    expect(visits[0]?.source.quote).toBe(text);
  });
});

describe("encounter: a date framing the patient's report", () => {
  it.each<Row>([
    ['On 08/25/14, the claimant reported worsening neck pain after returning to full duty.', '2014-08-25', '08/25/14'],
    ['On 3/15/2017, the injured worker complained of constant aching in the right shoulder.', '2017-03-15', '3/15/2017'],
  ])('%j → visit %s', async (text, date, dateText) => {
    const visits = ofType(await eventsOf(text), 'encounter');
    expect(visits).toHaveLength(1);
    expect(visits[0]).toMatchObject({ date, dateText, dateCertainty: 'explicit', rule: 'report.patient:frame' });
  });
});

describe('encounter: a visit noun with its date', () => {
  it.each<[text: string, date: string, rule: string]>([
    ['Per the progress report dated 10-26-2016, the patient continued to have right hip pain.', '2016-10-26', 'encounter.noun:after'],
    ['The reviewer relied on a 12/2016 progress note from the treating physician.', '2016-12', 'encounter.noun:before'],
    ['November 21, 2016 follow up noted persistent neck pain.', '2016-11-21', 'encounter.noun:before'],
    ['The patient returned for follow-up on January 6, 2016.', '2016-01-06', 'encounter.noun:after'],
    ['A progress note in 2015 documented intermittent neck pain.', '2015', 'encounter.noun:after'],
    ['His initial orthopedic evaluation on 9/2/2016 documented a swollen left ankle.', '2016-09-02', 'encounter.noun:after'],
  ])('%j → visit %s (%s)', async (text, date, rule) => {
    const visits = ofType(await eventsOf(text), 'encounter');
    expect(visits).toHaveLength(1);
    // a month or a year stays a month or a year: never invented to a day
    expect(visits[0]).toMatchObject({ date, dateCertainty: 'explicit', rule });
  });
});

describe('encounter: a "date of service" label', () => {
  it.each<Row>([
    ['DOS: 3/4/15', '2015-03-04', '3/4/15'],
    ['Date of Service: June 14, 2017', '2017-06-14', 'June 14, 2017'],
    ['Date of Exam: 9/9/19', '2019-09-09', '9/9/19'],
    ['Visit Date: 2018-02-27', '2018-02-27', '2018-02-27'],
  ])('%j → visit %s', async (text, date, dateText) => {
    const visits = ofType(await eventsOf(text), 'encounter');
    expect(visits).toHaveLength(1);
    expect(visits[0]).toMatchObject({ date, dateText, dateCertainty: 'explicit', rule: 'label.date-of-service', source: expect.objectContaining({ quote: text }) });
  });
});

describe('encounter: two-digit years are read against the reference date (2020-06-01)', () => {
  it.each<Row>([
    ['She was seen on 04/02/19 for a follow-up.', '2019-04-02', '04/02/19'],
    ['She was seen on 04/02/98 for a follow-up.', '1998-04-02', '04/02/98'],
  ])('%j → %s', async (text, date, dateText) => {
    expect(ofType(await eventsOf(text), 'encounter')).toEqual([expect.objectContaining({ date, dateText })]);
  });
});

describe('encounter: not a visit', () => {
  it.each<[label: string, text: string]>([
    ['a follow-up that is planned', 'Follow up in 4 weeks.'],
    ['a return that is planned', 'Return to clinic in 6 weeks for re-evaluation.'],
    ['the report of a study', 'The MRI report dated 02/12/14 was reviewed with the patient.'],
    ['a utilization review decision on a date', 'On 10/05/16, Utilization Review non-certified the request for a lumbar MRI.'],
    ['a visit that did not happen', 'He did not attend the appointment on 04/04/17.'],
    ['a visit noun with no date', 'The progress note documents neck pain and headaches.'],
    ["the injury's date beside a record noun", 'The medical record indicated the claimant reported an injury on 05/14/2015.'],
    ["the injury's date beside a report noun", 'Per the first report, he was injured on 3/2/16 while lifting boxes.'],
    ['a note by the attorney', "On 10-14-2016 a note by the applicant's attorney asked for a second opinion."],
  ])('%s: %j', async (_label, text) => {
    const events = await eventsOf(text);
    expect(describeEvents(ofType(events, 'encounter'))).toEqual([]);
  });
});
