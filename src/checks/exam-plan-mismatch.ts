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
import type { Check, CheckContext } from './check.js';
import { makeFlag, shortDate } from './flag.js';
import { type Claim, conflict, covers, describeClaims as describe, sidesCompatible, visitClaims } from './visit-claims.js';

export const examPlanMismatchCheck: Check = {
  name: 'exam_plan_mismatch',
  run(ctx: CheckContext) {
    const flags = [];
    for (const claims of visitClaims(ctx)) {
        const exam = claims.filter((c) => c.role === 'exam');
        const discussion = claims.filter((c) => c.role === 'discussion');
        const conflicts: [Claim, Claim][] = [];
        for (const a of exam) {
          for (const b of discussion) {
            if (a.event === b.event || !conflict(a, b)) continue;
            // Only a part that is all one way contradicts the other: an exam with "hip abduction 4/5"
            // beside "hip flexion 5/5" agrees with an assessment of "decreased hip abduction strength".
            const normal = a.abnormal ? b : a;
            const agrees = claims.some((c) => c.role === normal.role && c.abnormal && covers(normal.finding.concept, c.finding.concept) && sidesCompatible(c.finding.side, normal.finding.side) && (c.region === null || normal.region === null || c.region === normal.region));
            if (!agrees) conflicts.push([a, b]);
          }
        }
        flags.push(...sideConflicts(claims));
        if (conflicts.length === 0) continue;
        const unique = (cs: Claim[]): Claim[] => cs.filter((c, i) => cs.findIndex((o) => o.finding === c.finding) === i);
        const examSide = unique(conflicts.map(([a]) => a));
        const discSide = unique(conflicts.map(([, b]) => b));
        const first = conflicts[0] as [Claim, Claim];
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
  const exam = claims.filter((c) => c.role === 'exam');
  const discussion = claims.filter((c) => c.role === 'discussion');
  // anything abnormal of that sign, or of that body part, on that side: "the left leg is really swollen"
  // in the exam answers "left leg swelling" in the assessment, whichever words each uses
  const onSide = (list: readonly Claim[], of: Claim, side: 'left' | 'right') =>
    list.some((c) => c.abnormal && (c.finding.concept === of.finding.concept || (c.finding.site !== null && c.finding.site === of.finding.site)) && (c.finding.side === side || c.finding.side === 'bilateral'));
  for (const a of exam.filter(sided)) {
    for (const b of discussion.filter(sided)) {
      if (b.finding.concept !== a.finding.concept || b.finding.side !== OPPOSITE[a.finding.side]) continue;
      if (a.region !== null && b.region !== null && a.region !== b.region) continue;
      if (a.finding.site !== null && b.finding.site !== null && a.finding.site !== b.finding.site) continue;
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
