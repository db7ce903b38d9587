// Requested, recommended and ordered services, and referrals:
//   "Repeat MRI was recommended."                          → plan, the visit's date
//   "The Request for Authorization dated 11-16-16 is for a MRI of the left hip." → plan, 2016-11-16
//   "The request for authorization was signed on 11/21/2016."   → plan (a request is a plan event)
//   "He was referred to Ortho Spine."                      → referral
//   "a request for authorization November 14, 2016 chiropractic services 2x3 requested and
//    November 21, 2016 for acupuncture"                    → two plans, one per date
// A plan of medications only is a medication event ("His medications were continued."), unless they
// are requested or ordered ("the request for Cyclobenzaprine 7.5 mg #60", "Norco was prescribed").
import type { EventType } from '../../schema.js';
import type { AnalyzedSentence } from '../../text/analyze.js';
import type { Extractor } from '../engine.js';
import { linkDate, type DateLink } from '../link-date.js';
import { linkedDate, newMention, type Mention } from '../mention.js';
import { anatomyWords, DECISION_OUTCOME, isGuidelineVoice, isReviewSection, isSelfStandingPlanCue, isSilentSection, planCues, strongPlanCues } from '../reading.js';
import { readServices, type ServiceReading } from '../service-roles.js';
import { readDetermination } from './determination.js';

// "referred to Dr. Lee", "referral to Kaiser Orthopedics"
const IMR_RESTATEMENT = /\b(?:IMR|independent medical review)\b|\beligible portion\b/i;
export const ORIGINAL_REQUEST = /\b(?:was|were|is|are)\s+the\s+original\s+request|\boriginal(?:ly)?\s+requested\b/i;
const REFERRAL_TO_NAMED = /\brefer(?:red|ral)?\s+(?:him|her|them|the patient)?\s*(?:back\s+)?to\s+(?:Dr\.?\s|[A-Z][a-z]+\s+[A-Z])/;

export const planExtractor: Extractor<AnalyzedSentence> = {
  name: 'plan',
  pattern: (s) => (!isSilentSection(s) && !isGuidelineVoice(s) && (planCues(s).length > 0 || s.has('referral')) ? [s] : []),
  extract(ctx, s): Mention[] | null {
    const anatomy = anatomyWords(ctx.patterns);
    const planned = readServices(s, anatomy).filter((r) => r.role === 'plan');
    const cues = planCues(s).filter((p) => s.assertion.at(p.start, p.end).assertion !== 'absent');
    const cueLinks = cues.map((p) => ({ cue: p, link: linkDate(s, p, { kinds: ['after', 'before', 'frame'], anatomyWords: anatomy }) }));
    const cueLink = cueLinks.find((c) => c.link !== null)?.link ?? null;
    // "a request dated 09/12/16 was for physical therapy and a request dated 09/20/16 was for
    // acupuncture": a service takes the date of the nearest dated request before it
    const nearestCueLink = (at: number): typeof cueLink => cueLinks.filter((c) => c.link && c.cue.end <= at).at(-1)?.link ?? cueLink;
    const determination = readDetermination(s);
    if (determination && (!cueLink || cueLink.date.value === determination.link?.date.value)) return null;
    // The dispute restated ("The remaining IMR eligible portion of the original request, ...") is
    // not a new request; in the reviewer's sections only a dated request or "X was the original
    // request" (dated by the original-request refiner) is one.
    if (DECISION_OUTCOME.test(s.text)) return null;
    const restatesDispute = IMR_RESTATEMENT.test(s.text) && !ORIGINAL_REQUEST.test(s.text);
    if (restatesDispute && !cueLink) return null;
    if (isReviewSection(s) && !cueLink && !ORIGINAL_REQUEST.test(s.text) && !planned.some((r) => r.link)) return null;

    // "appointments were scheduled on the last visit": a plan of an earlier, unnamed visit
    const earlierVisit = /\b(?:on|at|during)\s+the\s+(?:last|previous|prior)\s+(?:visit|appointment|evaluation)\b/i.test(s.text);
    // "continued", "refilled" keep taking a medication; "requested", "prescribed" order it
    const ordered = strongPlanCues(s).some((c) => s.assertion.at(c.start, c.end).assertion !== 'absent');
    const groups = new Map<string, { type: EventType; readings: ServiceReading[]; link: DateLink | null }>();
    for (const r of planned) {
      const link = r.link ?? nearestCueLink(r.service.start);
      const type: EventType = r.service.value.type === 'referral' ? 'referral' : r.service.value.type === 'medication' && !ordered ? 'medication' : 'plan';
      const key = `${type}|${link?.date.value ?? ''}`;
      const g = groups.get(key) ?? { type, readings: [], link };
      g.readings.push(r);
      groups.set(key, g);
    }
    // a medication plan beside other planned services is part of the plan
    const hasPlan = [...groups.values()].some((g) => g.type === 'plan');
    if (hasPlan)
      for (const [key, g] of groups)
        if (g.type === 'medication') {
          const target = [...groups.values()].find((o) => o.type === 'plan' && o.link?.date.value === g.link?.date.value);
          if (target) {
            target.readings.push(...g.readings);
            groups.delete(key);
          }
        }
    if (groups.size === 0) {
      const selfStanding = cues.find(isSelfStandingPlanCue);
      if (selfStanding) groups.set('self', { type: 'plan', readings: [], link: cueLink });
      else if (REFERRAL_TO_NAMED.test(s.text)) groups.set('referral', { type: 'referral', readings: [], link: cueLink });
      else return null;
    }
    const anchor = cues[0] ?? s.cuesOf('referral')[0];
    const out: Mention[] = [];
    for (const g of groups.values()) {
      const first = g.readings[0]?.service ?? anchor;
      const last = g.readings.at(-1)?.service ?? anchor;
      out.push(
        newMention(s, {
          type: g.type,
          rule: g.readings.length ? `plan.${g.readings[0]?.service.value.id}` : g.type === 'referral' ? 'referral.named' : 'plan.request',
          start: first?.start ?? s.start,
          end: last?.end ?? s.end,
          services: [...new Set(g.readings.map((r) => r.service.value.id))],
          assertion: 'present',
          facts: { requested: true },
          ...(g.link ? { ...linkedDate(g.link) } : { dating: earlierVisit ? ('undated' as const) : ('inherit' as const) }),
        }),
      );
    }
    return out;
  },
};
