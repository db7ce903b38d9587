// An operative or procedure report names what was done under "PROCEDURE PERFORMED:", "OPERATION:",
// "TITLE OF OPERATION:": each item there is a procedure of the report's own date, whether or not the
// vocabulary knows its words ("1. Total thyroidectomy.", "Extraction of teeth #2, #5 and #12").
//   "2. Soft tissue debridement on 03/16/08 of right thigh" keeps its own date.
import type { Extractor } from '../engine.js';
import { linkDate } from '../link-date.js';
import { linkedDate, newMention, type Mention } from '../mention.js';
import { anatomyWords, isTreatingRecord } from '../reading.js';
import type { AnalyzedSentence } from '../../text/analyze.js';

export const procedureNameExtractor: Extractor<AnalyzedSentence> = {
  name: 'procedure-name',
  pattern: (s, ctx) => (s.section?.category === 'procedure_name' && isTreatingRecord(ctx) ? [s] : []),
  extract(ctx, s): Mention | null {
    // the header alone, a list number, "None."
    const body = s.text.slice(Math.max(0, s.section && s.section.bodyStart > s.start ? s.section.bodyStart - s.start : 0)).trim();
    if (!/[A-Za-z]{3}/.test(body) || /^(?:none|n\/a|not applicable)\b/i.test(body)) return null;
    const { assertion } = s.assertion.at(s.start, s.end);
    if (assertion === 'hypothetical') return null;
    const link = linkDate(s, { start: s.start, end: s.start }, { kinds: ['after', 'frame'], lenientGap: true, anatomyWords: anatomyWords(ctx.patterns) });
    return newMention(s, {
      type: 'procedure',
      rule: 'procedure.named-in-report',
      start: s.start,
      end: s.end,
      services: s.services.filter((sv) => sv.value.type === 'procedure').map((sv) => sv.value.id),
      ...(link ? linkedDate(link) : { dating: 'inherit' as const }),
    });
  },
};
