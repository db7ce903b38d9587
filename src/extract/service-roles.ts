// What a sentence does with each service it names: requests it (plan), decides on it
// (determination), or reports it (a study, procedure or therapy that happened).
//   "Repeat MRI was recommended."                                  → plan
//   "Utilization Review non-certified a request for MRI"           → determination (no plan of its own)
//   "On December 08, 2016 a request was made for physical therapy ... that were modified by
//    Utilization Review on December 20, 2016"                      → plan on 12-08 and a decision on 12-20
//   "She had an MRI on 10/1/16 which showed a tear and surgery was recommended"
//                                                                  → MRI reported, surgery planned
//   "He had bilateral L5 and L6 medial branch blocks which helped" → reported
import type { LexiconMatch } from '../patterns/lexicon.js';
import type { ServiceValue } from '../patterns/load-patterns.js';
import type { AnalyzedSentence } from '../text/analyze.js';
import { readDetermination } from './extractors/determination.js';
import { linkDate, type DateLink } from './link-date.js';
import { DECISION_OUTCOME, isGuidelineVoice, isSilentSection, planCues, strongPlanCues } from './reading.js';

export type ServiceRole = 'plan' | 'determination' | 'report' | 'ignore';

export interface ServiceReading {
  service: LexiconMatch<ServiceValue>;
  role: ServiceRole;
  /** the date written against the service itself, if any */
  link: DateLink | null;
}

const cache = new WeakMap<AnalyzedSentence, ServiceReading[]>();

export function readServices(s: AnalyzedSentence, anatomy: ReadonlySet<string>): ServiceReading[] {
  const cached = cache.get(s);
  if (cached) return cached;
  const result = read(s, anatomy);
  cache.set(s, result);
  return result;
}

function read(s: AnalyzedSentence, anatomy: ReadonlySet<string>): ServiceReading[] {
  if (s.services.length === 0) return [];
  if (isSilentSection(s)) return s.services.map((service) => ({ service, role: 'ignore', link: null }));
  // "MRI of the lumbar spine without contrast: Upheld" — the item a decision is about
  if (DECISION_OUTCOME.test(s.text)) return s.services.map((service) => ({ service, role: 'determination', link: null }));
  const guideline = isGuidelineVoice(s);
  const determination = readDetermination(s);
  const plans = [...planCues(s), ...s.cuesOf('referral')].filter((p) => s.assertion.at(p.start, p.end).assertion !== 'absent');
  const strong = strongPlanCues(s);
  // "had", "underwent" anywhere, or a result verb after a service ("MRI on 10/1/16 showed a tear");
  // "It was noted that ..." before it only reports the sentence
  const past = s.has('past');
  const resultAfter = (at: number): boolean => s.cuesOf('result').some((r) => r.start >= at);
  const outcome = s.has('outcome_positive') || s.has('outcome_negative');
  // A plan inside a decision sentence stands on its own only when it has a date of its own.
  const planLink = plans.map((p) => linkDate(s, p, { kinds: ['after', 'before', 'frame'], anatomyWords: anatomy })).find((l) => l !== null) ?? null;
  const planSeparateFromDecision = determination !== null && planLink !== null && planLink.date.value !== determination.link?.date.value;
  const isPlanSentence = plans.length > 0 && (!outcome || strong.length > 0) && (determination === null || planSeparateFromDecision);

  return s.services.map((service) => {
    if (guideline) return { service, role: 'ignore' as const, link: null };
    // "On 11-18-16, reports vast improvement with chiropractic treatment": the visit's date, not the
    // treatment's — a frame dates a service only when no visit or report verb stands between them
    const visitVerbs = [...s.cuesOf('patient_report'), ...s.cuesOf('encounter_verb')];
    const link = linkDate(s, service, { kinds: ['after', 'before', 'frame'], anatomyWords: anatomy, blockers: s.services.filter((o) => o !== service) });
    const frameBlocked = link?.kind === 'frame' && visitVerbs.some((v) => v.start > link.date.end && v.end <= service.start);
    if (frameBlocked) return serviceRole(s, service, null, determination, planSeparateFromDecision, isPlanSentence, past || resultAfter(service.end));
    return serviceRole(s, service, link, determination, planSeparateFromDecision, isPlanSentence, past || resultAfter(service.end));
  });
}

function serviceRole(
  _s: AnalyzedSentence,
  service: LexiconMatch<ServiceValue>,
  link: DateLink | null,
  determination: ReturnType<typeof readDetermination>,
  planSeparateFromDecision: boolean,
  isPlanSentence: boolean,
  reported: boolean,
): ServiceReading {
  if (determination && (!planSeparateFromDecision || service.start >= determination.start)) return { service, role: 'determination', link };
  // its own date plus "had"/"showed": a past study or procedure, even in a sentence that also plans
  if (isPlanSentence && !(link?.kind === 'after' && reported)) return { service, role: 'plan', link };
  return { service, role: 'report', link };
}
