// exam_plan_mismatch: within one visit, the documented exam says a domain is normal while the
// assessment, discussion or plan of the same visit cites it as abnormal (or the other way round).
//   exam:       "He had full strength and normal sensation and reflexes."
//   discussion: "He had equivocal weakness in the left leg ... This was rated 4+/5. He had
//                paresthesias and dysesthesias and tension signs in the left leg."
// Side and region matter: normal left strength does not contradict right weakness, and normal
// upper-extremity strength does not contradict a weak ankle. "no weakness" is a normal claim, and
// hypothetical or historical findings are not claims at all (they never reach `findings`).
import type { Finding, TimelineEvent } from '../schema.js';
import { isReviewCategory } from '../model/section-roles.js';
import { eventOrder, listPhrases, makeFlag, shortDate } from './flag.js';
import type { Check, CheckContext } from './check.js';

type Role = 'exam' | 'discussion';
const COMPARED = new Set<string>(['neuro.strength', 'neuro.sensation', 'neuro.reflexes', 'neuro.tension_sign', 'neuro.gait', 'msk.rom', 'msk.tenderness']);
// "neurologically intact", "nonfocal" are claims about each of these
const NEURO_DOMAINS: string[] = ['neuro.strength', 'neuro.sensation', 'neuro.reflexes'];
const DISCUSSION_SECTIONS = new Set<string>(['assessment', 'plan', 'discussion']);

// how a reviewer would say the exam found a domain normal
const NORMAL_WORDS: Record<string, string> = {
  'neuro.strength': 'full strength',
  'neuro.sensation': 'normal sensation',
  'neuro.reflexes': 'normal reflexes',
  'neuro.tension_sign': 'no tension signs',
  'neuro.gait': 'a normal gait',
  'msk.rom': 'full range of motion',
  'msk.tenderness': 'no tenderness',
};

interface Claim {
  domain: string;
  polarity: Finding['polarity'];
  side: Finding['side'];
  region: string | null;
  text: string;
  role: Role;
  event: TimelineEvent;
}

function claimsOf(e: TimelineEvent, role: Role): Claim[] {
  const out: Claim[] = [];
  for (const f of e.findings) {
    const domains = f.concept === 'neuro' ? NEURO_DOMAINS : COMPARED.has(f.concept) ? [f.concept] : [];
    const polarity = f.polarity === 'present' ? 'abnormal' : f.polarity === 'absent' ? 'normal' : f.polarity;
    for (const domain of domains) out.push({ domain, polarity, side: f.side, region: f.site, text: f.text, role, event: e });
  }
  return out;
}

function sidesCompatible(a: Finding['side'], b: Finding['side']): boolean {
  return a === null || b === null || a === b || a === 'bilateral' || b === 'bilateral';
}

function regionsCompatible(a: string | null, b: string | null): boolean {
  return a === null || b === null || a === b;
}

export const examPlanMismatchCheck: Check = {
  name: 'exam_plan_mismatch',
  run(ctx: CheckContext) {
    const flags = [];
    for (const doc of ctx.documents) {
      // one visit = one document and one date; the reviewer's own sections are not the visit
      const byVisit = new Map<string, TimelineEvent[]>();
      for (const e of doc.events) {
        if (!e.date || e.type === 'diagnosis') continue;
        if (isReviewCategory(e.sectionCategory)) continue;
        const list = byVisit.get(e.date) ?? [];
        list.push(e);
        byVisit.set(e.date, list);
      }
      for (const [date, events] of byVisit) {
        events.sort(eventOrder);
        const claims: Claim[] = [];
        const planSentences = new Set(events.filter((e) => e.type === 'plan' || e.type === 'referral').map((e) => `${e.source.page}:${e.source.start}`));
        for (const e of events) {
          if (e.type !== 'exam_finding' || e.assertion === 'hypothetical' || e.assertion === 'historical') continue;
          const role: Role = (e.sectionCategory && DISCUSSION_SECTIONS.has(e.sectionCategory)) || planSentences.has(`${e.source.page}:${e.source.start}`) ? 'discussion' : 'exam';
          claims.push(...claimsOf(e, role));
        }
        const compatible = (a: Claim, b: Claim): boolean => a.domain === b.domain && sidesCompatible(a.side, b.side) && regionsCompatible(a.region, b.region);
        const conflicts: [Claim, Claim][] = [];
        for (const exam of claims.filter((c) => c.role === 'exam')) {
          for (const disc of claims.filter((c) => c.role === 'discussion')) {
            if (exam.polarity === disc.polarity || exam.event === disc.event || !compatible(exam, disc)) continue;
            // Only a part that is all one way contradicts the other: an exam with "hip abduction 4/5"
            // beside "hip flexion 5/5" agrees with an assessment of "decreased hip abduction strength".
            const normal = exam.polarity === 'normal' ? exam : disc;
            const agrees = claims.some((c) => c.role === normal.role && c.polarity === 'abnormal' && compatible(c, normal));
            if (agrees) continue;
            conflicts.push([exam, disc]);
          }
        }
        if (conflicts.length === 0) continue;
        const unique = (cs: Claim[]): Claim[] => cs.filter((c, i) => cs.findIndex((o) => o.text === c.text && o.event === c.event && o.domain === c.domain) === i);
        const examSide = unique(conflicts.map(([a]) => a));
        const discSide = unique(conflicts.map(([, b]) => b));
        const normals = (cs: Claim[]): string => listPhrases(cs.filter((c) => c.polarity === 'normal').map((c) => NORMAL_WORDS[c.domain] ?? `normal ${c.domain}`));
        // "paresthesias (left)" and "paresthesia" are one finding to a reader
        const stem = (t: string): string => t.toLowerCase().replace(/s$/, '');
        const abnormals = (cs: Claim[]): string => {
          const seen = new Set<string>();
          const out: string[] = [];
          for (const c of cs.filter((x) => x.polarity === 'abnormal')) {
            if (seen.has(stem(c.text))) continue;
            seen.add(stem(c.text));
            out.push(`${c.text}${c.side && !c.text.toLowerCase().includes(c.side) ? ` (${c.side})` : ''}`);
          }
          return listPhrases(out);
        };
        const examSaysNormal = examSide.some((c) => c.polarity === 'normal');
        const summary = examSaysNormal
          ? `${shortDate(date)}: the exam documents ${normals(examSide)}, but the discussion of the same visit cites ${abnormals(discSide)}.`
          : `${shortDate(date)}: the exam documents ${abnormals(examSide)}, but the discussion of the same visit states ${normals(discSide)}.`;
        flags.push(
          makeFlag({
            kind: 'exam_plan_mismatch',
            rule: 'exam-plan-mismatch.domain-conflict',
            severity: 'high',
            date,
            summary,
            evidence: [...examSide.map((c) => ({ role: 'exam', source: c.event.source })), ...discSide.map((c) => ({ role: 'discussion', source: c.event.source }))],
            eventIds: [...examSide, ...discSide].map((c) => c.event.id),
          }),
        );
      }
    }
    return flags;
  },
};
