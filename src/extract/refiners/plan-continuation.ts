// A plan often runs on into a fragment with no verb of its own:
//   "Treatment plan included diagnostic studies, ibuprofen and Flexeril. Hand therapy and physical therapy."
// The fragment's services are part of the plan before it, not therapy that was done.
import type { Refiner } from '../engine.js';
import type { Mention } from '../mention.js';

const PLAN_TYPES = new Set(['plan', 'referral', 'medication']);

export const planContinuationRefiner: Refiner = {
  name: 'plan-continuation',
  refine(ctx, mentions): Mention[] {
    const sentences = ctx.analyzed.sentences;
    const bySentence = new Map<number, Mention[]>();
    for (const m of mentions) bySentence.set(m.sentence.index, [...(bySentence.get(m.sentence.index) ?? []), m]);
    for (const s of sentences) {
      const here = bySentence.get(s.index) ?? [];
      if (here.length === 0 || s.cues.length > 0 || s.dates.length > 0 || s.tokens.length > 16) continue;
      if (!here.every((m) => m.rule.startsWith('report.') && !m.date)) continue;
      const before = bySentence.get(s.index - 1) ?? [];
      const plan = before.find((m) => m.type === 'plan' && m.facts.requested === true) ?? before.find((m) => PLAN_TYPES.has(m.type) && m.facts.requested === true);
      if (!plan || plan.sentence.section !== s.section) continue;
      for (const m of here) {
        m.type = m.type === 'medication' ? 'medication' : 'plan';
        m.rule = `${m.rule}>plan.continued`;
        m.dating = 'inherit';
        m.facts = { ...m.facts, requested: true };
        if (plan.date && plan.dateRule !== 'visit-context') {
          m.date = plan.date;
          m.dateText = plan.dateText;
          m.dateCertainty = 'inherited';
          m.dateRule = 'plan-continued';
        }
      }
    }
    return mentions;
  },
};
