// Summaries end with the decision under review, sometimes written as if it were the request:
// "On 11-22-16, request for chiropractic treatment 2 times a week for 3 weeks." When that date is
// the letter's UR decision date, the sentence reports the decision, not a new request.
import type { Refiner } from '../engine.js';
import type { Mention } from '../mention.js';

export const requestOnDecisionDateRefiner: Refiner = {
  name: 'request-on-decision-date',
  refine(ctx, mentions): Mention[] {
    const ur = ctx.facts.urDate;
    if (!ur) return mentions;
    for (const m of mentions) {
      if (m.type !== 'plan' || m.date !== ur || m.dateRule !== 'linked:frame') continue;
      if (mentions.some((o) => o.sentence === m.sentence && o.type === 'encounter')) continue;
      m.type = 'determination';
      m.rule = `${m.rule}>determination.on-ur-date`;
    }
    return mentions;
  },
};
