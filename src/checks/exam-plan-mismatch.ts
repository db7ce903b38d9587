// exam_plan_mismatch: within one visit, the documented exam says a finding is normal (or absent)
// while the assessment, discussion or plan of the same visit cites it abnormal (or present), or the
// other way round — for any finding the model knows:
//   exam:       "He had full strength and normal sensation and reflexes."
//   discussion: "He had equivocal weakness in the left leg ... This was rated 4+/5."
//   exam:       "Extremities: No edema."          plan: "He does have 1+ edema in his legs."
//   exam:       "Lungs clear to auscultation."    assessment: "Slight expiratory wheezing bilaterally on exam."
// A normal claim about a concept covers everything under it ("neurologically intact" covers
// strength; "lungs clear" covers wheezing); an abnormal claim about a broad concept says nothing of
// a narrower one ("neurologic deficit" does not deny intact cranial nerves). Side and site must be
// compatible (normal left strength does not contradict right weakness; normal grip does not
// contradict a weak ankle). Negated findings are claims of absence; hypothetical, historical and
// patient-reported ones are not claims at all (extraction leaves them out or marks them).
import type { Finding, TimelineEvent } from '../schema.js';
import { isReviewKind } from '../model/document-kind.js';
import { isReviewCategory } from '../model/section-roles.js';
import type { Check, CheckContext } from './check.js';
import { eventOrder, listPhrases, makeFlag, shortDate } from './flag.js';

type Role = 'exam' | 'discussion';
const DISCUSSION_SECTIONS = new Set<string>(['assessment', 'plan', 'discussion']);

interface Claim {
  finding: Finding;
  abnormal: boolean;
  region: string | null;
  role: Role;
  event: TimelineEvent;
}

function isAbnormal(f: Finding): boolean {
  return f.polarity === 'abnormal' || f.polarity === 'present';
}

/** Concepts too broad or too vague to compare: "general", an unclassified clause, a test with no name. */
function comparable(concept: string, config: CheckContext['patterns']['data']['checks']['examPlanMismatch']): boolean {
  return !config.ignoredConcepts.includes(concept) && !concept.endsWith('.unclassified');
}

/** a ⊒ b: a is b or one of its ancestors ("lungs" ⊒ "lungs.wheeze"); "exam" (a normal physical examination) covers every finding. */
function covers(a: string, b: string): boolean {
  return a === 'exam' || a === b || b.startsWith(`${a}.`);
}

/** The exam claim and the discussion claim cannot both be true at one visit. */
function conflict(a: Claim, b: Claim): boolean {
  if (a.abnormal === b.abnormal) return false;
  const normal = a.abnormal ? b : a;
  const abnormal = a.abnormal ? a : b;
  if (!covers(normal.finding.concept, abnormal.finding.concept)) return false;
  return sidesCompatible(a.finding.side, b.finding.side) && (a.region === null || b.region === null || a.region === b.region);
}

function sidesCompatible(a: Finding['side'], b: Finding['side']): boolean {
  return a === null || b === null || a === b || a === 'bilateral' || b === 'bilateral';
}

const LEVEL_REGION: Record<string, string> = { C: 'cervical', T: 'thoracic', L: 'lumbar', S: 'lumbar' };

export const examPlanMismatchCheck: Check = {
  name: 'exam_plan_mismatch',
  run(ctx: CheckContext) {
    const config = ctx.patterns.data.checks.examPlanMismatch;
    // where a site is: "knee" → lower_extremity, "L5" → lumbar (anatomy.json regions)
    const regionOf = new Map(ctx.patterns.data.anatomy.bodyParts.map((b) => [b.name, b.region as string]));
    const region = (site: string | null): string | null => (site ? (regionOf.get(site) ?? LEVEL_REGION[site[0] ?? ''] ?? null) : null);
    const flags = [];
    for (const doc of ctx.documents) {
      // one visit: the encounter the statements were reported at, else the date they share
      const byVisit = new Map<string, TimelineEvent[]>();
      for (const e of doc.events) {
        if (e.type !== 'exam_finding' || e.findings.length === 0) continue;
        if (e.assertion === 'hypothetical' || e.assertion === 'historical') continue;
        // a treating note with no visit of its own on record is one visit
        const key = e.encounterId ?? (e.date ? `date:${e.date}` : isReviewKind(e.documentKind) ? null : 'note');
        if (!key) continue;
        // push, not a copy per event: a note read as one visit with 50,000 findings made this quadratic
        const visit = byVisit.get(key);
        if (visit) visit.push(e);
        else byVisit.set(key, [e]);
      }
      for (const events of byVisit.values()) {
        events.sort(eventOrder);
        const claims: Claim[] = [];
        for (const e of events) {
          const role = roleOf(e);
          if (!role) continue;
          for (const f of e.findings) {
            if (f.reported || f.assertion !== 'present' || !comparable(f.concept, config)) continue;
            claims.push({ finding: f, abnormal: isAbnormal(f), region: region(f.site), role, event: e });
          }
        }
        const exam = claims.filter((c) => c.role === 'exam');
        const discussion = claims.filter((c) => c.role === 'discussion');
        // Indexed, not all pairs: a discussion claim can conflict with an exam claim only when one's
        // concept covers the other's ("strength" covers "strength.weakness"), so each exam claim looks
        // up the discussion claims under its concept's ancestors and descendants. 5 MB of notes read as
        // one visit spent 17 s here comparing every pair.
        const byConcept = indexByAncestors(discussion);
        // by what it depends on, not by claim: many claims alike are judged once
        const agreesMemo = new Map<string, boolean>();
        const abnormalByRole = { exam: exam.filter((c) => c.abnormal), discussion: discussion.filter((c) => c.abnormal) };
        const agreesWithItsSide = (normal: Claim): boolean => {
          const key = `${normal.role}|${normal.finding.concept}|${normal.finding.side}|${normal.region}`;
          let v = agreesMemo.get(key);
          if (v === undefined) {
            v = abnormalByRole[normal.role].some((c) => covers(normal.finding.concept, c.finding.concept) && sidesCompatible(c.finding.side, normal.finding.side) && (c.region === null || normal.region === null || c.region === normal.region));
            agreesMemo.set(key, v);
          }
          return v;
        };
        // Whether exam claim a conflicts with discussion claim b depends only on a's concept, polarity,
        // side and region (its "signature") and on b — a claim's role is its event's, so the two never
        // share an event. So the discussion claims in conflict are found once per signature, and each
        // further exam claim with that signature adds itself and nothing else: thousands of identical
        // "full strength" claims no longer each walk every discussion claim.
        const validBySignature = new Map<string, Claim[]>();
        const examSide: Claim[] = [];
        const discSide: Claim[] = [];
        const examSeen = new Set<Finding>();
        const discSeen = new Set<Finding>();
        let first: [Claim, Claim] | undefined;
        for (const a of exam) {
          const signature = `${a.abnormal}|${a.finding.concept}|${a.finding.side}|${a.region}`;
          let valid = validBySignature.get(signature);
          const fresh = valid === undefined;
          // Only a part that is all one way contradicts the other: an exam with "hip abduction 4/5"
          // beside "hip flexion 5/5" agrees with an assessment of "decreased hip abduction strength".
          valid ??= candidates(a, byConcept, discussion).filter((b) => a.event !== b.event && conflict(a, b) && !agreesWithItsSide(a.abnormal ? b : a));
          if (fresh) validBySignature.set(signature, valid);
          if (valid.length === 0) continue;
          first ??= [a, valid[0] as Claim];
          if (!examSeen.has(a.finding)) {
            examSeen.add(a.finding);
            examSide.push(a);
          }
          if (fresh) {
            for (const b of valid) {
              if (discSeen.has(b.finding)) continue;
              discSeen.add(b.finding);
              discSide.push(b);
            }
          }
        }
        if (!first) continue;
        const visitDate = first[0].event.date ?? first[1].event.date ?? null;
        flags.push(
          makeFlag({
            kind: 'exam_plan_mismatch',
            rule: 'exam-plan-mismatch.finding-conflict',
            severity: 'high',
            date: visitDate,
            summary: `${visitDate ? `${shortDate(visitDate)}: ` : ''}the exam documents ${describe(examSide)}, but the ${discussionName(discSide)} of the same visit ${discSide.some((c) => c.abnormal) ? 'cites' : 'states'} ${describe(discSide)}.`,
            evidence: [...examSide.map((c) => ({ role: 'exam', source: c.event.source })), ...discSide.map((c) => ({ role: 'discussion', source: c.event.source }))],
            eventIds: [...examSide, ...discSide].map((c) => c.event.id),
          }),
        );
      }
    }
    return flags;
  },
};

/** Claims by every concept that covers theirs ("strength.weakness" under "strength.weakness" and "strength"). */
function indexByAncestors(claims: readonly Claim[]): Map<string, Claim[]> {
  const index = new Map<string, Claim[]>();
  for (const c of claims) {
    const parts = c.finding.concept.split('.');
    for (let n = 1; n <= parts.length; n++) {
      const key = parts.slice(0, n).join('.');
      const list = index.get(key);
      if (list) list.push(c);
      else index.set(key, [c]);
    }
  }
  return index;
}

/**
 * The discussion claims that may conflict with exam claim `a`, in their original order: those whose
 * concept `a`'s covers (under it in the index), and those whose concept covers `a`'s (an ancestor,
 * or "exam").
 */
function candidates(a: Claim, byConcept: Map<string, Claim[]>, all: readonly Claim[]): readonly Claim[] {
  if (a.finding.concept === 'exam') return all;
  const found = new Set<Claim>(byConcept.get(a.finding.concept) ?? []);
  const parts = a.finding.concept.split('.');
  const exact = exactIndex(all);
  for (let n = 1; n < parts.length; n++) for (const c of exact.get(parts.slice(0, n).join('.')) ?? []) found.add(c);
  for (const c of exact.get('exam') ?? []) found.add(c);
  if (found.size === 0) return [];
  // the original order, so flags list their evidence as before
  return [...found].sort((x, y) => order(x, all) - order(y, all));
}

const exactOf = new WeakMap<readonly Claim[], Map<string, Claim[]>>();
/** Claims by their own concept. */
function exactIndex(all: readonly Claim[]): Map<string, Claim[]> {
  let m = exactOf.get(all);
  if (!m) {
    m = new Map();
    for (const c of all) {
      const list = m.get(c.finding.concept);
      if (list) list.push(c);
      else m.set(c.finding.concept, [c]);
    }
    exactOf.set(all, m);
  }
  return m;
}

const orderOf = new WeakMap<readonly Claim[], Map<Claim, number>>();
function order(c: Claim, all: readonly Claim[]): number {
  let m = orderOf.get(all);
  if (!m) orderOf.set(all, (m = new Map(all.map((x, i) => [x, i]))));
  return m.get(c) ?? 0;
}

/**
 * Which side of the visit a statement is: its discussion (assessment, plan, discussion — or the part a
 * letter's summary says the provider "stated in the summary"), or its exam: a treating record's exam
 * section, or the rest of a letter's account of the visit. The reviewer's own sections are neither.
 */
function roleOf(e: TimelineEvent): Role | null {
  const category = e.sectionCategory;
  if (category && DISCUSSION_SECTIONS.has(category)) return 'discussion';
  if (category === 'exam') return 'exam';
  if (isReviewKind(e.documentKind) && !isReviewCategory(category)) return 'exam';
  return null;
}

/** "no edema", "4+/5 weakness (left)": a claim as the record words it, with its side when the words do not say it. */
function describe(claims: readonly Claim[]): string {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const c of claims) {
    const f = c.finding;
    const words = f.text.replace(/\s+/g, ' ').trim();
    // "edema" read under "No edema." is its absence
    const phrase = f.polarity === 'absent' && !/^(?:no|non|not|without|negative|absent)\b/i.test(words) ? `no ${words}` : words;
    const side = f.side && !words.toLowerCase().includes(f.side) ? ` (${f.side})` : '';
    const key = phrase.toLowerCase().replace(/s$/, '');
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(`${phrase}${side}`);
  }
  return listPhrases(out.map((p) => `"${p}"`));
}

function discussionName(claims: readonly Claim[]): string {
  const parts = new Set(claims.map((c) => c.event.sectionCategory));
  return parts.size === 1 && parts.has('assessment') ? 'assessment' : parts.size === 1 && parts.has('plan') ? 'plan' : 'discussion';
}
