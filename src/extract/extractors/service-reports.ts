// Studies, procedures, therapies and medications the record reports as done:
//   "An MRI dated 02/12/14 revealed no disc herniations."            → imaging, 2014-02-12
//   "He was status post coccygeal ligament injection on 07/21/14"    → procedure, 2014-07-21
//   "He had bilateral L5 and L6 medial branch blocks which helped"   → procedure, undated
//   "PT for 12 sessions and acupuncture for 6 sessions did not help." → therapy, undated
// A past treatment without its own date stays undated; the visit it was mentioned at is kept as
// reportedOn by the visit-context refiner.
import type { EventType } from '../../schema.js';
import type { Extractor } from '../engine.js';
import { linkedDate, newMention, type Mention } from '../mention.js';
import { anatomyWords } from '../reading.js';
import { readServices, type ServiceReading } from '../service-roles.js';

export const serviceReportExtractor: Extractor<ServiceReading> = {
  name: 'service-report',
  pattern: (s, ctx) => readServices(s, anatomyWords(ctx.patterns)).filter((r) => r.role === 'report'),
  extract(ctx, s, r): Mention | null {
    // "better with rest and medication": a generic word is not a medication event; a named drug is
    if (r.service.value.id === 'medication.generic') return null;
    // "On 11-15-2016 (Neurology), the injured worker was seen": the specialty of a visit, not a referral
    if (r.service.value.type === 'referral') return null;
    const { assertion } = s.assertion.at(r.service.start, r.service.end);
    // "an EMG is not needed", "we discussed the option of surgery": nothing was done — but "he denies
    // any prior back surgery" is a statement of the record the checks hold against a described one
    if (assertion === 'hypothetical') return null;
    if (assertion === 'absent' && !(r.service.value.type === 'procedure' && ctx.patterns.markers.find(s.text, s.tokens, s.start).some((m) => m.value === 'denied'))) return null;
    // "Date of Surgery: N/A" — a blank form field
    if (/\bdate\s+of\s+$/i.test(s.text.slice(Math.max(0, r.service.start - s.start - 9), r.service.start - s.start))) return null;
    // equipment mentioned in passing ("lifted a patient from a wheelchair") is not an event unless dated
    if (r.service.value.type === 'other' && !r.link) return null;
    const type: EventType = r.service.value.type;
    return newMention(s, {
      type,
      rule: `report.${r.service.value.id}`,
      start: r.service.start,
      end: r.service.end,
      services: [r.service.value.id],
      assertion,
      facts: outcomeFacts(s.has('outcome_positive'), s.has('outcome_negative')),
      ...(r.link ? { ...linkedDate(r.link) } : { dating: performedAtVisit(s, r) ? ('inherit' as const) : ('undated' as const) }),
    });
  },
};

// A lab, drug screen or functional test reported with its result at a visit was done at that visit
// ("Urine drug screen was consistent with prescribed medications", "pure tone air test revealed a
// sloping loss"); a study or procedure named without a date was done before it.
const DONE_AT_VISIT = new Set(['test.lab', 'test.drug-screen', 'test.function']);

// "radiographs of the cervical spine performed on this date", "x-rays taken in the office today"
const THIS_VISIT = /\b(?:on|at|during)\s+(?:this|that|the\s+same)\s+(?:date|day|visit|appointment)\b|\btoday\b|\bin\s+(?:the|this)\s+office\b/i;
// "X-rays were taken and revealed a type 2B acromion", "X-rays (2 view) were taken of the chest.":
// films taken at the visit being told (its results may follow in the next sentences)
const TAKEN = /\b(?:were|was)\s+(?:taken|obtained|performed)\b/i;
// "A shoulder corticosteroid injection was administered.": given at the visit being told (an
// injection is an office procedure; "surgery was performed" in a visit's summary is an earlier one)
const ADMINISTERED = /\b(?:were|was)\s+(?:administered|given|performed|injected)\b/i;

function performedAtVisit(s: Parameters<typeof serviceReportExtractor.extract>[1], r: ServiceReading): boolean {
  // an operative or procedure note's own procedure was done on its date
  if (r.service.value.type === 'procedure' && (s.section?.category === 'procedure' || s.section?.category === 'procedure_name')) return true;
  if (THIS_VISIT.test(s.text) && !/\b(?:last|previous|prior)\s+(?:visit|appointment)\b/i.test(s.text)) return true;
  const earlier = /\b(?:prior|previous|previously|old|last|history)\b/i.test(s.text);
  if (r.service.value.id === 'imaging.xray' && TAKEN.test(s.text) && !earlier) return true;
  if (r.service.value.id === 'procedure.injection' && ADMINISTERED.test(s.text) && !earlier) return true;
  return DONE_AT_VISIT.has(r.service.value.id) && s.has('result') && !s.has('past') && s.assertion.at(r.service.start, r.service.end).assertion === 'present';
}

function outcomeFacts(positive: boolean, negative: boolean): Record<string, boolean> {
  const facts: Record<string, boolean> = {};
  if (positive) facts.outcomePositive = true;
  if (negative) facts.outcomeNegative = true;
  return facts;
}
