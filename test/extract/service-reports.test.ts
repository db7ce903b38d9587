// Studies, procedures, therapies and tests reported as done (src/extract/extractors/service-reports.ts):
// dated by the date written against them, else undated with the visit they were reported at; a lab
// or drug screen reported with its result was done at the visit.
import { describe, expect, it } from 'vitest';
import type { EventType } from '../../src/schema.js';
import { describeEvents, eventsOf, eventWith, pick, type Expected } from './support.js';

type Row = [text: string, quotePart: string, expected: Expected];

describe('service reports: a service with its own date', () => {
  it.each<Row>([
    ['She underwent a right L5-S1 epidural steroid injection on 3/4/2015.', 'epidural', { type: 'procedure', date: '2015-03-04', dateCertainty: 'explicit', dateText: '3/4/2015' }],
    ['Nerve conduction studies on 9/14/2016 showed mild right carpal tunnel syndrome.', 'Nerve conduction', { type: 'test', date: '2016-09-14', dateCertainty: 'explicit' }],
    ['An x-ray of the right wrist on 01/15/2016 was normal.', 'x-ray', { type: 'imaging', date: '2016-01-15', dateCertainty: 'explicit' }],
    ['On 3/15/2017, he had an MRI of the lumbar spine.', 'MRI', { type: 'imaging', date: '2017-03-15', dateCertainty: 'explicit' }],
    ['The MRI report dated 02/12/14 was reviewed with the patient.', 'MRI report', { type: 'imaging', date: '2014-02-12', dateCertainty: 'explicit' }],
    ['She completed 12 sessions of physical therapy in 2015.', 'physical therapy', { type: 'therapy', date: '2015', dateCertainty: 'explicit' }],
  ])('%j', async (text, quotePart, expected) => {
    const events = await eventsOf(text);
    expect(pick(eventWith(events, expected.type, quotePart), expected)).toEqual(expected);
  });
});

describe('service reports: inside a visit', () => {
  it.each<[text: string, type: EventType, quotePart: string, expected: Expected]>([
    [
      'She was seen on 03/10/15 for neck pain. An MRI of the cervical spine dated 01/22/15 revealed a disc protrusion at C5-C6.',
      'imaging',
      'dated 01/22/15',
      { type: 'imaging', date: '2015-01-22', dateCertainty: 'explicit', reportedOn: '2015-03-10', assertion: 'present' },
    ],
    [
      'She was seen on 03/10/15 for neck pain. She had six sessions of chiropractic care which helped.',
      'therapy',
      'chiropractic',
      { type: 'therapy', date: null, dateCertainty: null, reportedOn: '2015-03-10' },
    ],
    ['He returned on 06/02/16. He has tried acupuncture and physical therapy without relief.', 'therapy', 'acupuncture', { type: 'therapy', date: null, reportedOn: '2016-06-02' }],
    [
      // a drug screen reported with its result was done at the visit
      'She was seen on 04/12/2016. A urine drug screen today was consistent with her current medications.',
      'test',
      'urine drug screen',
      { type: 'test', date: '2016-04-12', dateCertainty: 'inherited', reportedOn: '2016-04-12' },
    ],
    [
      // films taken at the visit, their reading in the next sentence: both are that visit's
      'On 02/03/2015, he was seen in urgent care for wrist pain. X-rays (3 views) were taken of the right wrist. The x-rays showed no fracture.',
      'imaging',
      'were taken',
      { type: 'imaging', date: '2015-02-03', dateCertainty: 'inherited' },
    ],
    [
      'On 02/03/2015, he was seen in urgent care for wrist pain. X-rays (3 views) were taken of the right wrist. The x-rays showed no fracture.',
      'imaging',
      'showed no fracture',
      { type: 'imaging', date: '2015-02-03' },
    ],
    [
      // an injection given at the visit being told
      'On 12/01/2016, he reported ongoing shoulder pain. A subacromial corticosteroid injection was administered.',
      'procedure',
      'injection was administered',
      { type: 'procedure', date: '2016-12-01', dateCertainty: 'inherited' },
    ],
    [
      // one given before, told at the visit, is not
      'On 12/01/2016, he reported ongoing shoulder pain. A previous corticosteroid injection was administered by his former doctor.',
      'procedure',
      'injection was administered',
      { type: 'procedure', date: null },
    ],
    [
      // earlier films mentioned at a visit are not taken at it
      'On 02/03/2015, he was seen in urgent care for wrist pain. Prior x-rays were taken at another facility.',
      'imaging',
      'Prior x-rays',
      { type: 'imaging', date: null },
    ],
  ])('%j → %s', async (text, type, quotePart, expected) => {
    expect(pick(eventWith(await eventsOf(text), type, quotePart), expected)).toEqual(expected);
  });
});

describe("service reports: an operative note's own procedure is done on its date", () => {
  it('the procedures listed under PROCEDURE PERFORMED take the date of surgery', async () => {
    const events = await eventsOf(['OPERATIVE REPORT', 'Date of Surgery: 02/06/2018', 'PROCEDURE PERFORMED:', 'Right carpal tunnel release.'].join('\n'));
    expect(pick(eventWith(events, 'procedure', 'Date of Surgery'), { type: 'procedure', date: '2018-02-06', dateCertainty: 'explicit' })).toEqual({
      type: 'procedure',
      date: '2018-02-06',
      dateCertainty: 'explicit',
    });
    const release = eventWith(events, 'procedure', 'carpal tunnel release');
    expect({ date: release.date, dateCertainty: release.dateCertainty, sectionCategory: release.sectionCategory }).toEqual({
      date: '2018-02-06',
      dateCertainty: 'inherited',
      sectionCategory: 'procedure_name',
    });
  });
});

describe('service reports: assertion', () => {
  it.each<[text: string, type: EventType, quotePart: string, assertion: Expected['assertion']]>([
    ['She is status post trigger point injection on 07/21/14.', 'procedure', 'trigger point', 'historical'],
    ['He had a previous MRI of the knee in 2013.', 'imaging', 'MRI', 'historical'],
    ['She had an ultrasound of the right shoulder on 05/04/2017 which showed a small effusion.', 'imaging', 'ultrasound', 'present'],
  ])('%j → %s %s', async (text, type, quotePart, assertion) => {
    expect(eventWith(await eventsOf(text), type, quotePart).assertion).toBe(assertion);
  });
});

describe('service reports: not a report of a service done', () => {
  it.each<[label: string, text: string]>([
    ['a generic word for medication', 'Her pain is better with rest and medication.'],
    ['the specialty of a visit', 'On 11-15-2016 (Orthopedics), the injured worker was seen for knee pain.'],
    ['a guideline about a service', 'The ODG state that repeat MRI is not routinely recommended without a significant change in symptoms.'],
  ])('%s: %j', async (_label, text) => {
    const events = await eventsOf(text);
    const reports = events.filter((e) => e.rule.startsWith('report.'));
    expect(describeEvents(reports)).toEqual([]);
  });
});
