// Labelled dates in letter and note headers:
//   "Date of Injury: 10/17/2016"  → injury        "UR Denial Date: 12/12/2016" → determination
//   "DOS: 03/04/2015"             → encounter     "Date Assigned: 12/16/2016"  → nothing
// The decision date ("Decision Date: 01/17/2017") is a letter fact, read by letter-facts.ts.
import type { Extractor } from '../engine.js';
import { newMention, type Mention } from '../mention.js';
import type { LabelDate } from '../../text/analyze.js';
import type { EventType } from '../../schema.js';
import type { LabelRole } from '../../patterns/schemas.js';

const TYPE_OF: Partial<Record<LabelRole, EventType>> = {
  injury: 'injury',
  ur_decision: 'determination',
  encounter: 'encounter',
  procedure: 'procedure',
  imaging: 'imaging',
};

export const labelDateExtractor: Extractor<LabelDate> = {
  name: 'label-date',
  pattern: (s) => s.labelDates,
  extract(_ctx, s, ld): Mention | null {
    const type = TYPE_OF[ld.role];
    if (!type || ld.date.ignored) return null;
    return newMention(s, {
      type,
      rule: ld.rule,
      start: ld.label.start,
      end: ld.date.end,
      quoteStart: ld.label.start,
      quoteEnd: ld.date.end,
      date: ld.date.value,
      dateText: ld.date.text,
      dateCertainty: 'explicit',
      dateRule: 'label',
      // "Date of Surgery: December 4, 2014" dates the operative report's procedure the way a
      // date of service dates a visit's findings
      setsContext: type === 'encounter' || type === 'procedure',
      facts: { label: ld.label.text },
    });
  },
};
