// Facts a letter states once in its header and the narrative relies on: the date of injury, the
// date of the utilization-review decision, the date of this decision.
//   Case Number: CM16-0239607
//   Date Assigned: 12/16/2016 Date of Injury: 10/17/2016
//   Decision Date: 01/17/2017 UR Denial Date: 12/12/2016
import type { AnalyzedDocument } from '../text/analyze.js';
import type { LetterFacts } from './mention.js';

export function readLetterFacts(analyzed: AnalyzedDocument): LetterFacts {
  const facts: LetterFacts = { injuryDate: null, injuryText: null, decisionDate: null, decisionText: null, urDate: null, urText: null };
  for (const s of analyzed.sentences) {
    for (const ld of s.labelDates) {
      if (ld.date.ignored || ld.date.precision !== 'day') continue;
      if (ld.role === 'injury' && !facts.injuryDate) [facts.injuryDate, facts.injuryText] = [ld.date.value, ld.date.text];
      if (ld.role === 'decision_date' && !facts.decisionDate) [facts.decisionDate, facts.decisionText] = [ld.date.value, ld.date.text];
      if (ld.role === 'ur_decision' && !facts.urDate) [facts.urDate, facts.urText] = [ld.date.value, ld.date.text];
    }
  }
  return facts;
}
