// IMR and UR letters list each disputed item with its outcome on a line of its own:
//   "MRI lumbar spine without contrast:  Upheld"
//   "The remaining IMR eligible portion of the original request, Physical therapy 6 sessions is: Upheld"
// Each is a determination dated by the letter's decision date.
import type { Extractor } from '../engine.js';
import { newMention, type Mention } from '../mention.js';

const DECISION_LINE = /^(.{3,400}?)\s*(?:is|are)?:\s*(upheld|overturned|certified|non-?certified|approved|denied|modified|partially certified)\s*\.?$/i;

export const decisionLineExtractor: Extractor<RegExpExecArray> = {
  name: 'decision-line',
  pattern: (s) => {
    const m = DECISION_LINE.exec(s.text);
    return m ? [m] : [];
  },
  extract(_ctx, s, m): Mention {
    const outcome = (m[2] ?? '').toLowerCase();
    return newMention(s, {
      type: 'determination',
      rule: 'determination.decision-line',
      start: s.start,
      end: s.end,
      dating: 'decision_date',
      facts: { item: (m[1] ?? '').replace(/^.*original request,\s*/i, '').trim(), outcome, adverse: /upheld|non|denied|modified/.test(outcome) },
    });
  },
};
