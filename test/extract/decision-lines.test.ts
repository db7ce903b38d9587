// "Item: Upheld" lines of IMR and UR letters (src/extract/extractors/decision-lines.ts): each is a
// determination dated by the letter's "Decision Date:" header (letter-dates refiner).
import { describe, expect, it } from 'vitest';
import { eventsOf, ofType } from './support.js';

const ISSUES = 'IMR ISSUES, DECISIONS AND RATIONALES';

describe("decision lines take the letter's decision date", () => {
  it.each<[lines: string[], expected: { quote: string; date: string | null }[]]>([
    [
      ['Decision Date: 02/14/2017', ISSUES, 'MRI of the lumbar spine without contrast: Upheld', 'Physical therapy 8 sessions: Overturned'],
      [
        { quote: 'MRI of the lumbar spine without contrast: Upheld', date: '2017-02-14' },
        { quote: 'Physical therapy 8 sessions: Overturned', date: '2017-02-14' },
      ],
    ],
    [['Determination Date: March 3, 2016', ISSUES, 'Acupuncture 6 sessions: Upheld'], [{ quote: 'Acupuncture 6 sessions: Upheld', date: '2016-03-03' }]],
    [
      ['Decision Date: 02/14/2017', 'The remaining IMR eligible portion of the original request, Acupuncture 6 sessions is: Upheld'],
      [{ quote: 'The remaining IMR eligible portion of the original request, Acupuncture 6 sessions is: Upheld', date: '2017-02-14' }],
    ],
    // no decision date in the letter: the line is still a decision, undated
    [[ISSUES, 'MRI of the lumbar spine without contrast: Upheld'], [{ quote: 'MRI of the lumbar spine without contrast: Upheld', date: null }]],
  ])('%j', async (lines, expected) => {
    const decisions = ofType(await eventsOf(lines.join('\n')), 'determination');
    expect(decisions.map((d) => ({ quote: d.source.quote, date: d.date }))).toEqual(expected);
    for (const d of decisions) {
      expect(d.rule).toBe('determination.decision-line');
      expect(d.dateCertainty).toBe(d.date ? 'inherited' : null);
    }
  });

  it('the disputed item on an "Upheld" line is not a plan of its own', async () => {
    const events = await eventsOf(['Decision Date: 02/14/2017', ISSUES, 'MRI of the lumbar spine without contrast: Upheld'].join('\n'));
    expect(events.map((e) => e.type)).toEqual(['determination']);
  });
});
