// Studies, procedures, therapies and medications the record reports as done:
//   "An MRI dated 02/12/14 revealed no disc herniations."            → imaging, 2014-02-12
//   "He was status post coccygeal ligament injection on 07/21/14"    → procedure, 2014-07-21
//   "He had bilateral L5 and L6 medial branch blocks which helped"   → procedure, undated
//   "PT for 12 sessions and acupuncture for 6 sessions did not help." → therapy, undated
// A past treatment without its own date stays undated; the visit it was mentioned at is kept as
// reportedOn by the visit-context refiner.
import type { EventType } from '../../schema.js';
import type { Extractor } from '../engine.js';
import { newMention, type Mention } from '../mention.js';
import { anatomyWords, isReviewSection } from '../reading.js';
import { readServices, type ServiceReading } from '../service-roles.js';

export const serviceReportExtractor: Extractor<ServiceReading> = {
  name: 'service-report',
  pattern: (s, ctx) => readServices(s, anatomyWords(ctx.patterns)).filter((r) => r.role === 'report'),
  extract(_ctx, s, r): Mention | null {
    // The reviewer's discussion restates the record; keep only what it dates.
    if (isReviewSection(s) && !r.link) return null;
    // "better with rest and medication": a generic word is not a medication event; a named drug is
    if (r.service.value.id === 'medication.generic') return null;
    const { assertion } = s.assertion.at(r.service.start, r.service.end);
    const type: EventType = r.service.value.type;
    return newMention(s, {
      type,
      rule: `report.${r.service.value.id}`,
      start: r.service.start,
      end: r.service.end,
      services: [r.service.value.id],
      assertion: assertion === 'hypothetical' ? 'hypothetical' : assertion,
      facts: outcomeFacts(s.has('outcome_positive'), s.has('outcome_negative')),
      ...(r.link
        ? { date: r.link.date.value, dateText: r.link.date.text, dateCertainty: 'explicit' as const, dateRule: `linked:${r.link.kind}` }
        : { dating: 'undated' as const }),
    });
  },
};

function outcomeFacts(positive: boolean, negative: boolean): Record<string, boolean> {
  const facts: Record<string, boolean> = {};
  if (positive) facts.outcomePositive = true;
  if (negative) facts.outcomeNegative = true;
  return facts;
}
