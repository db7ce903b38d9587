// Labelled header dates (src/extract/extractors/label-dates.ts): the label says what the date is.
import { describe, expect, it } from 'vitest';
import type { EventType } from '../../src/schema.js';
import { describeEvents, eventsOf } from './support.js';

describe('label dates: each label gives one event of its kind', () => {
  it.each<[text: string, type: EventType, date: string, rule: string]>([
    ['Date of Injury: 10/17/2016', 'injury', '2016-10-17', 'label.date-of-injury'],
    ['UR Denial Date: 12/12/2016', 'determination', '2016-12-12', 'label.ur-denial-date'],
    ['DOS: 03/04/2015', 'encounter', '2015-03-04', 'label.date-of-service'],
    ['Date of Surgery: 12/04/2014', 'procedure', '2014-12-04', 'label.procedure-date'],
    ['Date of Study: 02/12/2014', 'imaging', '2014-02-12', 'label.study-date'],
    ['Date of Exam: 11/20/14', 'encounter', '2014-11-20', 'label.date-of-service'],
  ])('%j → %s %s', async (text, type, date, rule) => {
    const events = await eventsOf(text);
    expect(events.map((e) => ({ type: e.type, date: e.date, dateCertainty: e.dateCertainty, rule: e.rule }))).toEqual([{ type, date, dateCertainty: 'explicit', rule }]);
    expect(events[0]?.source.quote).toBe(text);
  });
});

describe('label dates: administrative labels yield nothing', () => {
  it.each<string>(['Date of Report: 08/27/2014', 'Date Dictated: 03/05/2015', 'Date Transcribed: 03/06/2015', 'Decision Date: 01/17/2017', 'Date Signed: 01/18/2017'])('%j', async (text) => {
    expect(describeEvents(await eventsOf(text))).toEqual([]);
  });
});
