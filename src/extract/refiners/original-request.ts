// IMR letters restate what was first asked for: "Physical therapy two times a week for six weeks
// (12 sessions) was the original request." It is the request of the visit that asked for it, so
// it takes the date of the last dated plan for the same kind of service.
import type { Refiner } from '../engine.js';
import type { Mention } from '../mention.js';
import { ORIGINAL_REQUEST } from '../extractors/plans.js';

const kind = (serviceId: string): string => serviceId.split('.')[0] ?? serviceId;

export const originalRequestRefiner: Refiner = {
  name: 'original-request',
  refine(_ctx, mentions): Mention[] {
    for (const m of mentions) {
      if (m.type !== 'plan' || !ORIGINAL_REQUEST.test(m.sentence.text)) continue;
      const kinds = new Set(m.services.map(kind));
      const earlier = mentions.filter((o) => o !== m && o.type === 'plan' && o.date && o.sentence.index < m.sentence.index && o.services.some((id) => kinds.has(kind(id))));
      const source = earlier.at(-1);
      if (!source) continue;
      m.date = source.date;
      m.dateText = source.dateText;
      m.dateCertainty = 'inherited';
      m.dateRule = 'original-request';
    }
    return mentions;
  },
};
