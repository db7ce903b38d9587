// contradiction: two statements in the record about the same fact disagree.
// 1. The response to the same treatment, reported at two visits:
//      07/29/14 "He had bilateral L5 and L6 medial branch blocks which helped ..."
//      08/25/14 "... had 3 spinal injections including nerve blocks without relief."
//    A response is tied to the treatment it is written against: "X which helped", "X did not help",
//    "did not respond to Y", "improvement with Z". A mixed report ("PT helped his strength but not
//    the pain") is never one side of a contradiction.
// 2. A decision on the same service stated both ways, the approval first:
//      12/09/16 "magnetic resonance imaging was approved for both the right shoulder and cervical spine"
//      12/12/16 "Utilization Review non-certified a request for MRI cervical spine"
//    A later approval after a denial is an appeal, not a contradiction; partial approvals
//    ("modified", "6 of 12 sessions authorized") and different requests ("additional PT") are left alone.
// 3. The side of a limb: a record about the left shoulder throughout ("left shoulder strain", "Hawkins
//    sign was positive on the left", ...) and one exam finding or diagnosis about the right shoulder
//    alone ("The right shoulder had decreased range of motion in all planes."). A record that ever says
//    bilateral, or names the other side twice, is about both sides and is left alone.
import type { TimelineEvent } from '../schema.js';
import { Lexicon, tokenize, type LexiconMatch } from '../patterns/lexicon.js';
import type { CueValue, Patterns, ServiceValue } from '../patterns/load-patterns.js';
import { DECISION_OUTCOME, isReviewCategory } from '../extract/reading.js';
import { withoutContainedOpposites } from '../text/analyze.js';
import { makeFlag, shortDate } from './flag.js';
import type { Check, CheckContext } from './check.js';

const TREATMENT_TYPES = new Set(['procedure', 'therapy']);
const LEADS_FORWARD = /^\s*(?:to|from|with|after|following)\b/i;

type Response = 'positive' | 'negative' | 'mixed';

interface TreatmentResponse {
  serviceId: string;
  term: string;
  response: Response;
  visit: string;
  event: TimelineEvent;
}

/** Cues of the given roles in a quote, read as extraction reads them. */
function cuesOf(patterns: Patterns, text: string, roles: readonly CueValue['role'][]): LexiconMatch<CueValue>[] {
  const tokens = tokenize(text);
  return withoutContainedOpposites(patterns.cues.find(text, tokens))
    .filter((c) => roles.includes(c.value.role))
    .sort((a, b) => a.start - b.start);
}

/** Each treatment in a sentence → the response the sentence reports for it. */
export function readResponses(patterns: Patterns, text: string): { service: LexiconMatch<ServiceValue>; response: Response }[] {
  const services = patterns.services.find(text).filter((s) => TREATMENT_TYPES.has(s.value.type));
  if (services.length === 0) return [];
  const outcomes = cuesOf(patterns, text, ['outcome_positive', 'outcome_negative']);
  const seen = new Map<LexiconMatch<ServiceValue>, Set<'positive' | 'negative'>>();
  let from = 0;
  let previous: LexiconMatch<ServiceValue>[] = [];
  for (const o of outcomes) {
    const polarity = o.value.role === 'outcome_positive' ? 'positive' : 'negative';
    let targets = LEADS_FORWARD.test(text.slice(o.end))
      ? services.filter((s) => s.start >= o.end && s.start - o.end <= 40).slice(0, 1)
      : services.filter((s) => s.start >= from && s.end <= o.start);
    // "improved his strength but did not help his pain": an outcome with no treatment of its own
    // speaks of the one before it, so that treatment's response is mixed
    if (targets.length === 0) targets = previous;
    for (const t of targets) seen.set(t, (seen.get(t) ?? new Set()).add(polarity));
    // "helped his strength but not the pain": the same treatment also did not help
    if (polarity === 'positive' && /^[^.;]{0,40}\bbut not\b/i.test(text.slice(o.end))) for (const t of targets) seen.get(t)?.add('negative');
    previous = targets;
    from = o.end;
  }
  return [...seen].map(([service, set]) => ({ service, response: set.size > 1 ? 'mixed' : ([...set][0] as Response) }));
}

function familyOf(families: Record<string, string | string[]>, term: string): string {
  const t = term.toLowerCase();
  for (const [name, members] of Object.entries(families)) if (Array.isArray(members) && members.includes(t)) return name;
  return t;
}

function sameTreatment(a: TreatmentResponse, b: TreatmentResponse, families: Record<string, string | string[]>): boolean {
  if (a.serviceId !== b.serviceId) return false;
  if (a.serviceId.startsWith('therapy.')) return true;
  const fa = familyOf(families, a.term);
  const fb = familyOf(families, b.term);
  return fa === fb;
}

function inReview(e: TimelineEvent): boolean {
  return isReviewCategory(e.sectionCategory);
}

function treatmentContradictions(ctx: CheckContext, events: TimelineEvent[]) {
  const families = ctx.patterns.data.checks.contradiction.treatmentFamilies;
  const responses: TreatmentResponse[] = [];
  const seenQuotes = new Set<string>();
  for (const e of events) {
    if (!TREATMENT_TYPES.has(e.type) || inReview(e)) continue;
    const visit = e.reportedOn ?? e.date;
    if (!visit) continue;
    const key = `${e.source.document}:${e.source.page}:${e.source.start}`;
    if (seenQuotes.has(key)) continue;
    seenQuotes.add(key);
    for (const r of readResponses(ctx.patterns, e.source.quote)) {
      responses.push({ serviceId: r.service.value.id, term: r.service.term, response: r.response, visit, event: e });
    }
  }
  // one flag per treatment: every statement that it helped against every statement that it did not
  const byFamily = new Map<string, { positive: TreatmentResponse[]; negative: TreatmentResponse[] }>();
  for (const r of responses) {
    if (r.response === 'mixed') continue;
    const matches = [...byFamily.entries()].find(([, g]) => [...g.positive, ...g.negative].some((o) => sameTreatment(o, r, families)));
    const group = matches?.[1] ?? { positive: [], negative: [] };
    if (!matches) byFamily.set(`${r.serviceId}|${familyOf(families, r.term)}`, group);
    group[r.response].push(r);
  }
  const flags = [];
  for (const { positive, negative } of byFamily.values()) {
    const visits = new Set([...positive, ...negative].map((r) => r.visit));
    if (positive.length === 0 || negative.length === 0 || visits.size < 2) continue;
    const all = [...positive, ...negative].sort((a, b) => (a.visit < b.visit ? -1 : a.visit > b.visit ? 1 : 0));
    const latest = all.at(-1) as TreatmentResponse;
    const p = positive[positive.length - 1] as TreatmentResponse;
    const n = negative[negative.length - 1] as TreatmentResponse;
    const [first, second] = p.visit <= n.visit ? [p, n] : [n, p];
    const says = (r: TreatmentResponse): string => `${r.term} ${r.response === 'positive' ? 'helped' : 'gave no relief'}`;
    flags.push(
      makeFlag({
        kind: 'contradiction',
        rule: 'contradiction.treatment-response',
        severity: 'medium',
        date: latest.visit,
        summary: `${shortDate(second.visit)}: the record says ${says(second)}, but the ${shortDate(first.visit)} note says ${says(first)}.`,
        evidence: all.map((r) => ({ role: r.response === 'positive' ? 'helped' : 'no relief', source: r.event.source })),
        eventIds: all.map((r) => r.event.id),
      }),
    );
  }
  return flags;
}

interface Decision {
  favourable: boolean;
  services: string[];
  parts: Set<string>;
  when: string;
  event: TimelineEvent;
}

function readDecision(ctx: CheckContext, e: TimelineEvent, partial: Lexicon<true>, different: Lexicon<true>): Decision | null {
  const q = e.source.quote;
  if (DECISION_OUTCOME.test(q)) return null;
  const tokens = tokenize(q);
  if (partial.find(q, tokens).length > 0 || different.find(q, tokens).length > 0) return null;
  // "6 sessions were authorized", "approved for 8 visits": a quantity approved is a partial decision
  if (/\b(?:approved|authorized|certified)\s+(?:for\s+)?(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve)\b|\b\d+\s+(?:sessions?|visits?)\s+(?:was|were|is|are)\s+(?:approved|authorized|certified)/i.test(q)) return null;
  const cues = cuesOf(ctx.patterns, q, ['determination_adverse', 'determination_favourable']);
  const adverse = cues.some((c) => c.value.role === 'determination_adverse');
  const favourable = cues.some((c) => c.value.role === 'determination_favourable');
  if (adverse === favourable) return null;
  const services = [...new Set(ctx.patterns.services.find(q, tokens).map((s) => s.value.id))];
  if (services.length === 0) return null;
  const parts = new Set(ctx.patterns.bodyParts.find(q, tokens).map((b) => b.value.name));
  const when = e.date ?? e.reportedOn;
  if (!when) return null;
  return { favourable, services, parts, when, event: e };
}

function decisionContradictions(ctx: CheckContext, events: TimelineEvent[]) {
  const cfg = ctx.patterns.data.checks.contradiction;
  const partial = new Lexicon([{ value: true as const, terms: cfg.partial }]);
  const different = new Lexicon([{ value: true as const, terms: cfg.differentRequest }]);
  const decisions = events
    .filter((e) => e.type === 'determination' && !inReview(e))
    .map((e) => readDecision(ctx, e, partial, different))
    .filter((d): d is Decision => d !== null);
  const flags = [];
  for (const fav of decisions.filter((d) => d.favourable)) {
    for (const adv of decisions.filter((d) => !d.favourable)) {
      if (fav.when > adv.when) continue; // approved after a denial: an appeal
      if (!fav.services.some((s) => adv.services.includes(s))) continue;
      if (fav.parts.size > 0 && adv.parts.size > 0 && ![...fav.parts].some((p) => adv.parts.has(p))) continue;
      flags.push(
        makeFlag({
          kind: 'contradiction',
          rule: 'contradiction.decision-both-ways',
          severity: 'medium',
          date: fav.event.reportedOn ?? fav.when,
          summary: `${shortDate(fav.event.reportedOn ?? fav.when)}: the record states the request was approved, yet on ${shortDate(adv.when)} it is reported as denied or non-certified.`,
          evidence: [
            { role: 'approved', source: fav.event.source },
            { role: 'denied', source: adv.event.source },
          ],
          eventIds: [fav.event.id, adv.event.id],
        }),
      );
    }
  }
  return flags;
}

type Side = 'left' | 'right';

function lateralityContradictions(ctx: CheckContext): ReturnType<typeof makeFlag>[] {
  const { minimumStatements } = ctx.patterns.data.checks.contradiction.laterality;
  // the paired body parts: arms and legs (anatomy.json regions)
  const limbs = new Set(ctx.patterns.data.anatomy.bodyParts.filter((b) => b.region === 'upper_extremity' || b.region === 'lower_extremity').map((b) => b.name));
  const flags = [];
  for (const doc of ctx.documents) {
    const statements = new Map<string, Record<'left' | 'right' | 'bilateral', TimelineEvent[]>>();
    for (const e of doc.events) {
      const { side, bodyParts } = e.anatomy;
      if (!side || e.assertion !== 'present') continue;
      for (const part of bodyParts) {
        if (!limbs.has(part)) continue;
        const bySide = statements.get(part) ?? { left: [], right: [], bilateral: [] };
        bySide[side].push(e);
        statements.set(part, bySide);
      }
    }
    for (const [part, bySide] of statements) {
      if (bySide.bilateral.length > 0) continue;
      for (const [odd, usual] of [['left', 'right'], ['right', 'left']] as [Side, Side][]) {
        const [e] = bySide[odd];
        if (bySide[odd].length !== 1 || !e || bySide[usual].length < minimumStatements) continue;
        // a finding or diagnosis about this limb alone, with a date to put the flag on
        if ((e.type !== 'exam_finding' && e.type !== 'diagnosis') || e.anatomy.bodyParts.length !== 1 || !(e.date ?? e.reportedOn)) continue;
        // "Left shoulder: Normal." is the comparison side of an exam, not a finding about it
        if (e.type === 'exam_finding' && !e.findings.some((f) => f.polarity === 'abnormal' || f.polarity === 'present')) continue;
        const when = (e.date ?? e.reportedOn) as string;
        // the other side's statements: the diagnoses (what the record is about) and those of the same
        // visit first, then the other findings
        const sameVisit = bySide[usual].filter((o) => (o.date ?? o.reportedOn) === when && o.type !== 'diagnosis');
        const diagnoses = bySide[usual].filter((o) => o.type === 'diagnosis');
        const rest = bySide[usual].filter((o) => !sameVisit.includes(o) && !diagnoses.includes(o));
        const others = [...diagnoses.slice(0, 2), ...sameVisit.slice(0, 3), ...rest].slice(0, 6);
        flags.push(
          makeFlag({
            kind: 'contradiction',
            rule: 'contradiction.laterality',
            severity: 'medium',
            date: when,
            summary: `${shortDate(when)}: ${article(e.type)} about the ${odd} ${part}, while the record's ${bySide[usual].length} other statements about the ${part} are all about the ${usual} one.`,
            evidence: [{ role: `${odd} ${part}`, source: e.source }, ...others.map((o) => ({ role: `${usual} ${part}`, source: o.source }))],
            eventIds: [e.id, ...others.map((o) => o.id)],
          }),
        );
      }
    }
  }
  return flags;
}

function article(type: TimelineEvent['type']): string {
  return type === 'exam_finding' ? 'an exam finding' : 'a diagnosis';
}

export const contradictionCheck: Check = {
  name: 'contradiction',
  run(ctx) {
    const events = ctx.documents.flatMap((d) => d.events);
    return [...treatmentContradictions(ctx, events), ...decisionContradictions(ctx, events), ...lateralityContradictions(ctx)];
  },
};
