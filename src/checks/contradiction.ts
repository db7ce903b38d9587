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
import { isReviewCategory } from '../model/section-roles.js';
import type { Service, TimelineEvent } from '../schema.js';
import type { Check, CheckContext } from './check.js';
import { makeFlag, shortDate } from './flag.js';

const TREATMENT_TYPES = new Set(['procedure', 'therapy']);

interface TreatmentResponse {
  service: Service;
  response: 'helped' | 'no_relief';
  visit: string;
  event: TimelineEvent;
}

/** The same treatment: the same service, and for procedures the same family of terms ("medial branch blocks" are "nerve blocks"). */
function sameTreatment(a: Service, b: Service): boolean {
  if (a.id !== b.id) return false;
  return a.id.startsWith('therapy.') || a.family === b.family;
}

function inReview(e: TimelineEvent): boolean {
  return isReviewCategory(e.sectionCategory);
}

function treatmentContradictions(events: TimelineEvent[]) {
  const responses: TreatmentResponse[] = [];
  const seenQuotes = new Set<string>();
  for (const e of events) {
    if (!TREATMENT_TYPES.has(e.type) || inReview(e)) continue;
    const visit = e.reportedOn ?? e.date;
    if (!visit) continue;
    const key = `${e.source.document}:${e.source.page}:${e.source.start}`;
    if (seenQuotes.has(key)) continue;
    seenQuotes.add(key);
    for (const sv of e.services) if (sv.response === 'helped' || sv.response === 'no_relief') responses.push({ service: sv, response: sv.response, visit, event: e });
  }
  // one flag per treatment: every statement that it helped against every statement that it did not
  const groups: { helped: TreatmentResponse[]; no_relief: TreatmentResponse[] }[] = [];
  for (const r of responses) {
    let group = groups.find((g) => [...g.helped, ...g.no_relief].some((o) => sameTreatment(o.service, r.service)));
    if (!group) {
      group = { helped: [], no_relief: [] };
      groups.push(group);
    }
    group[r.response].push(r);
  }
  const flags = [];
  for (const { helped, no_relief } of groups) {
    const visits = new Set([...helped, ...no_relief].map((r) => r.visit));
    if (helped.length === 0 || no_relief.length === 0 || visits.size < 2) continue;
    const all = [...helped, ...no_relief].sort((a, b) => (a.visit < b.visit ? -1 : a.visit > b.visit ? 1 : 0));
    const latest = all.at(-1) as TreatmentResponse;
    const p = helped[helped.length - 1] as TreatmentResponse;
    const n = no_relief[no_relief.length - 1] as TreatmentResponse;
    const [first, second] = p.visit <= n.visit ? [p, n] : [n, p];
    const says = (r: TreatmentResponse): string => `${r.service.term} ${r.response === 'helped' ? 'helped' : 'gave no relief'}`;
    flags.push(
      makeFlag({
        kind: 'contradiction',
        rule: 'contradiction.treatment-response',
        severity: 'medium',
        date: latest.visit,
        summary: `${shortDate(second.visit)}: the record says ${says(second)}, but the ${shortDate(first.visit)} note says ${says(first)}.`,
        evidence: all.map((r) => ({ role: r.response === 'helped' ? 'helped' : 'no relief', source: r.event.source })),
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

function readDecision(e: TimelineEvent): Decision | null {
  const d = e.decision;
  // an IMR item's outcome line, a partial decision, a further request: none answers the same request both ways
  if (!d || d.itemLine || d.partial || d.further) return null;
  if (d.outcome !== 'approved' && d.outcome !== 'denied') return null;
  const services = [...new Set(e.services.map((s) => s.id))];
  if (services.length === 0) return null;
  const when = e.date ?? e.reportedOn;
  if (!when) return null;
  const parts = new Set([...e.anatomy.bodyParts, ...e.services.map((s) => s.site).filter((p): p is string => p !== null)]);
  return { favourable: d.outcome === 'approved', services, parts, when, event: e };
}

function decisionContradictions(events: TimelineEvent[]) {
  const decisions = events
    .filter((e) => e.type === 'determination' && !inReview(e))
    .map(readDecision)
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
          summary: `${shortDate(fav.event.reportedOn ?? fav.when)}: the record states the request for ${fav.event.services[0]?.text ?? 'the service'} was approved, yet on ${shortDate(adv.when)} it is reported as denied or non-certified.`,
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
    return [...treatmentContradictions(events), ...decisionContradictions(events), ...lateralityContradictions(ctx)];
  },
};
