// The industrial injury (src/extract/extractors/injury.ts, the injury label of label-dates.ts and the
// letter-dates refiner): dated by its own date or the letter's "Date of Injury:"; the same injury
// stated in the header and the narrative is one timeline event with several sources.
import { describe, expect, it } from 'vitest';
import { describeEvents, eventsOf, eventWith, ofType, timelineOf } from './support.js';

const LETTER = [
  'Date of Injury: 05/03/2015',
  'CLINICAL CASE SUMMARY',
  'The injured worker is a 52-year-old warehouse clerk who sustained an industrial injury on 05/03/2015 while lifting a pallet.',
  'Mechanism of injury was a twisting fall from a loading dock.',
].join('\n');

describe('injury: dated by its own date or the letter header', () => {
  it.each<[text: string, quotePart: string, date: string, certainty: 'explicit' | 'inherited']>([
    [LETTER, 'Date of Injury: 05/03/2015', '2015-05-03', 'explicit'],
    [LETTER, 'sustained an industrial injury', '2015-05-03', 'explicit'],
    [LETTER, 'Mechanism of injury', '2015-05-03', 'inherited'],
    ['She has an occupational claim from 10/12/2016 for her right wrist.', 'occupational claim', '2016-10-12', 'explicit'],
    ['She injured her right wrist on 3/3/2016 while lifting a box.', 'injured her right wrist', '2016-03-03', 'explicit'],
    ['DOI: 09/08/14', 'DOI', '2014-09-08', 'explicit'],
  ])('%j: %j → %s (%s)', async (text, quotePart, date, certainty) => {
    const e = eventWith(await eventsOf(text), 'injury', quotePart);
    expect({ date: e.date, dateCertainty: e.dateCertainty, assertion: e.assertion }).toEqual({ date, dateCertainty: certainty, assertion: 'present' });
  });

  it('a mechanism of injury with no date anywhere stays undated', async () => {
    expect(ofType(await eventsOf('Mechanism of injury was a fall from a loading dock.'), 'injury').map((e) => e.date)).toEqual([null]);
  });
});

describe('injury: header and narrative are one event in the timeline', () => {
  it('one injury event, with a source for each statement of it', async () => {
    const timeline = await timelineOf(LETTER);
    const injuries = timeline.events.filter((e) => e.type === 'injury');
    expect(injuries).toHaveLength(1);
    const [injury] = injuries;
    expect(injury?.date).toBe('2015-05-03');
    expect(injury?.dateCertainty).toBe('explicit');
    expect(injury?.sources.map((s) => s.quote)).toEqual([
      'Date of Injury: 05/03/2015',
      'The injured worker is a 52-year-old warehouse clerk who sustained an industrial injury on 05/03/2015 while lifting a pallet.',
      'Mechanism of injury was a twisting fall from a loading dock.',
    ]);
  });

  it('the same injury in two documents is one event with sources in both', async () => {
    const timeline = await timelineOf('Date of Injury: 05/03/2015', 'The patient sustained an industrial injury on 05/03/2015 at work.');
    const [injury, ...rest] = timeline.events.filter((e) => e.type === 'injury');
    expect(rest).toEqual([]);
    expect(new Set(injury?.sources.map((s) => s.document)).size).toBe(2);
  });
});

describe("injury: not this claim's injury", () => {
  it.each<[label: string, text: string]>([
    ['"the injured worker" is the patient', 'The injured worker is a 45-year-old cook.'],
    ['a prior injury in the history', 'He has a history of a prior right knee injury in 2012.'],
    ['a denied new injury', 'He denies any new injury since the last visit.'],
  ])('%s: %j', async (_label, text) => {
    expect(describeEvents(ofType(await eventsOf(text), 'injury'))).toEqual([]);
  });
});
