// contradiction within one exam: the same visit's examination records a finding both ways, in two
// statements about the same part of the body:
//   "Vital signs: heart rate is 72."          …  "Heart: Slight tachycardia."
//   "Extremities: No edema."                  …  "Pulses could not be palpated due to leg swelling."
// Only the same concept counts, and only one a visit has a single state of (patterns/checks.json
// withinExam: a heart rate, edema, a murmur — not sensation, which varies by dermatome), on compatible
// sides and the same region when both name one:
// "Right knee: no effusion. Left knee: moderate effusion." is two knees, not a contradiction.
import type { Finding } from '../schema.js';
import type { Check, CheckContext } from './check.js';
import { makeFlag, shortDate } from './flag.js';
import { type Claim, describeClaims, distinctClaims, samePlace, sidesCompatible, visitClaims } from './visit-claims.js';

const isMeasured = (f: Finding): boolean => f.measured === true;

export const examSelfContradictionCheck: Check = {
  name: 'exam_self_contradiction',
  run(ctx: CheckContext) {
    const concepts = new Set(ctx.patterns.data.checks.withinExam.concepts);
    const flags = [];
    for (const claims of visitClaims(ctx)) {
      // one claim per signature (concept, polarity, side, region, site, measured): a note read as one
      // visit with thousands of alike claims compares each kind once, not every pair
      const exam = distinctClaims(
        claims.filter((c) => c.role === 'exam' && concepts.has(c.finding.concept)),
        (c) => `${c.finding.concept}|${c.abnormal}|${c.finding.side}|${c.region}|${c.finding.site}|${c.finding.measured === true}`,
      );
      const pairs: [Claim, Claim][] = [];
      for (const [i, a] of exam.entries()) {
        for (const b of exam.slice(i + 1)) {
          if (a.event === b.event || a.abnormal === b.abnormal || a.finding.concept !== b.finding.concept) continue;
          // "edema of the right knee" and "no ankle edema" are two places
          if (!sidesCompatible(a.finding.side, b.finding.side) || !samePlace(a, b)) continue;
          // two readings of a measured sign are two measurements ("BP 149/66 … recheck blood pressure was 132/72")
          if (isMeasured(a.finding) && isMeasured(b.finding)) continue;
          pairs.push([a, b]);
          break;
        }
        if (pairs.length > 0) break;
      }
      const first = pairs[0];
      if (!first) continue;
      const [a, b] = first;
      const date = a.event.date ?? b.event.date ?? null;
      flags.push(
        makeFlag({
          kind: 'contradiction',
          rule: 'contradiction.within-exam',
          severity: 'low',
          date,
          summary: `${date ? `${shortDate(date)}: ` : ''}the same examination records ${describeClaims([a])} and ${describeClaims([b])}.`,
          evidence: [
            { role: a.abnormal ? 'abnormal' : 'normal', source: a.event.source },
            { role: b.abnormal ? 'abnormal' : 'normal', source: b.event.source },
          ],
          eventIds: [a.event.id, b.event.id],
        }),
      );
    }
    return flags;
  },
};
