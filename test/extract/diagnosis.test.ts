// Diagnoses (src/extract/extractors/diagnosis.ts): stated diagnoses and the lines of an assessment
// section; a hypothetical one is not asserted.
import { describe, expect, it } from 'vitest';
import { describeEvents, eventsOf, ofType } from './support.js';

describe('diagnosis: stated, or listed under an assessment header', () => {
  it.each<[text: string, quotes: string[]]>([
    ['The diagnosis has been lumbar sprain/strain.', ['The diagnosis has been lumbar sprain/strain.']],
    ['She is being treated for right lateral epicondylitis.', ['She is being treated for right lateral epicondylitis.']],
    ['DIAGNOSES:\n1. Right shoulder impingement syndrome.\n2. Cervical strain.', ['Right shoulder impingement syndrome.', 'Cervical strain.']],
  ])('%j', async (text, quotes) => {
    const diagnoses = ofType(await eventsOf(text), 'diagnosis');
    expect(diagnoses.map((d) => d.source.quote)).toEqual(quotes);
    for (const d of diagnoses) expect(d.assertion).toBe('present');
  });

  it('a diagnosis at a visit stays undated and is reported at it', async () => {
    const [d] = ofType(await eventsOf('She was seen on 06/06/2017. She is being treated for right lateral epicondylitis.'), 'diagnosis');
    expect({ date: d?.date, reportedOn: d?.reportedOn }).toEqual({ date: null, reportedOn: '2017-06-06' });
  });
});

describe('diagnosis: not a diagnosis', () => {
  it.each<[label: string, text: string]>([
    ['a rule-out', 'Rule out rotator cuff tear.'],
    ['an exam line under the assessment header', 'ASSESSMENT:\nStrength is 5/5 in both upper extremities.'],
  ])('%s: %j', async (_label, text) => {
    expect(describeEvents(ofType(await eventsOf(text), 'diagnosis'))).toEqual([]);
  });
});
