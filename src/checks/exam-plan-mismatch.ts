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
import type { Finding } from '../schema.js';
import type { Check, CheckContext } from './check.js';
import { makeFlag, shortDate } from './flag.js';
import { type Claim, conflict, covers, describeClaims as describe, distinctClaims, samePlace, sidesCompatible, visitClaims } from './visit-claims.js';

export const examPlanMismatchCheck: Check = {
  name: 'exam_plan_mismatch',
  run(ctx: CheckContext) {
    const flags = [];
    for (const claims of visitClaims(ctx)) {
      flags.push(...sideConflicts(claims));
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
          v = abnormalByRole[normal.role].some(
            (c) =>
              covers(normal.finding.concept, c.finding.concept) && sidesCompatible(c.finding.side, normal.finding.side) && (c.region === null || normal.region === null || c.region === normal.region),
          );
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
        const signature = `${a.abnormal}|${a.finding.concept}|${a.finding.side}|${a.region}|${a.finding.measured === true}`;
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
    return flags;
  },
};

function discussionName(claims: readonly Claim[]): string {
  const parts = new Set(claims.map((c) => c.event.sectionCategory));
  return parts.size === 1 && parts.has('assessment') ? 'assessment' : parts.size === 1 && parts.has('plan') ? 'plan' : 'discussion';
}

const OPPOSITE = { left: 'right', right: 'left' } as const;

/**
 * The same sign found on one side in the exam and cited on the other side in the assessment or plan
 * of the same visit, with nothing on that side in the exam:
 *   exam: "There is a soft lymph node in the left groin."  assessment: "a right inguinal lymph node on examination today"
 * The site must agree where both name one ("left knee effusion" and "right ankle effusion" are two joints).
 */
function sideConflicts(claims: readonly Claim[]) {
  const sided = (c: Claim): c is Claim & { finding: { side: 'left' | 'right' } } => c.abnormal && (c.finding.side === 'left' || c.finding.side === 'right');
  // one claim per signature: thousands of alike claims are compared once
  type Sided = Claim & { finding: { side: 'left' | 'right' } };
  const distinct = (role: Claim['role']) =>
    distinctClaims(
      claims.filter((c): c is Sided => c.role === role && sided(c)),
      (c) => `${c.finding.concept}|${c.finding.side}|${c.region}|${c.finding.site}`,
    );
  const exam = claims.filter((c) => c.role === 'exam');
  const discussion = claims.filter((c) => c.role === 'discussion');
  const examSided = distinct('exam');
  const discussionSided = distinct('discussion');
  // anything abnormal of that sign, or of that body part, on that side: "the left leg is really swollen"
  // in the exam answers "left leg swelling" in the assessment, whichever words each uses
  const onSide = (list: readonly Claim[], of: Claim, side: 'left' | 'right') =>
    list.some(
      (c) => c.abnormal && (c.finding.concept === of.finding.concept || (c.finding.site !== null && c.finding.site === of.finding.site)) && (c.finding.side === side || c.finding.side === 'bilateral'),
    );
  for (const a of examSided) {
    for (const b of discussionSided) {
      if (b.finding.concept !== a.finding.concept || b.finding.side !== OPPOSITE[a.finding.side]) continue;
      if (!samePlace(a, b)) continue;
      if (onSide(exam, a, b.finding.side) || onSide(exam, b, b.finding.side) || onSide(discussion, a, a.finding.side)) continue;
      const date = a.event.date ?? b.event.date ?? null;
      return [
        makeFlag({
          kind: 'exam_plan_mismatch',
          rule: 'exam-plan-mismatch.side-conflict',
          severity: 'high',
          date,
          summary: `${date ? `${shortDate(date)}: ` : ''}the exam finds ${describe([a])} on the ${a.finding.side}, but the ${discussionName([b])} of the same visit cites it on the ${b.finding.side}: ${describe([b])}.`,
          evidence: [
            { role: 'exam', source: a.event.source },
            { role: 'discussion', source: b.event.source },
          ],
          eventIds: [a.event.id, b.event.id],
        }),
      ];
    }
  }
  return [];
}

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
