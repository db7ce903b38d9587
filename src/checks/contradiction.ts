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
import { isReviewKind } from '../model/document-kind.js';
import { isReviewCategory } from '../model/section-roles.js';
import type { Service, TimelineEvent } from '../schema.js';
import type { Check, CheckContext } from './check.js';
import { makeFlag, shortDate } from './flag.js';

const TREATMENT_TYPES = new Set(['procedure', 'therapy', 'medication']);

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
    // the visit the response was reported at; a note with no date of its own is its own visit
    const visit = e.reportedOn ?? e.date ?? `note:${e.source.document}`;
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
    if (helped.length === 0 || no_relief.length === 0) continue;
    // two visits, or two statements of one note (a response told both ways within it)
    const statements = new Set([...helped, ...no_relief].map((r) => `${r.event.source.document}:${r.event.source.start}`));
    if (statements.size < 2) continue;
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
        date: latest.visit.startsWith('note:') ? null : latest.visit,
        summary:
          first.visit === second.visit
            ? `${first.visit.startsWith('note:') ? 'The' : `${shortDate(first.visit)}: the`} same note says ${says(second)} and that ${says(first)}.`
            : `${shortDate(second.visit)}: the record says ${says(second)}, but the ${shortDate(first.visit)} note says ${says(first)}.`,
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

/**
 * A prior procedure denied in one place and described in another:
 *   "He denies any prior back surgery."  vs  "Status post L5-S1 microdiscectomy in 2012."
 * The denial's body part, when it names one, must be the procedure's; a denial with none
 * ("She has never had surgery") covers every procedure of its kind.
 */
function deniedProcedures(events: TimelineEvent[], generic: readonly string[]) {
  const denials = events.filter((e) => e.type === 'procedure' && e.assertion === 'absent' && (e.markers.includes('denied') || e.markers.includes('prior')) && !inReview(e));
  // told as done: a procedure report, or any statement that says it was done ("She underwent ACL reconstruction ...")
  const done = events.filter(
    (e) => e.assertion !== 'absent' && e.assertion !== 'hypothetical' && !inReview(e) && e.services.some((s) => s.type === 'procedure' && (s.status === 'done' || e.markers.includes('reported_done'))),
  );
  // done events by procedure id: a denial is compared only with events of a procedure it names (it
  // must be the same id), not with every event of the bundle — 5 MB of notes spent 17 s here
  const doneIndex = new Map<TimelineEvent, number>(done.map((e, i) => [e, i]));
  const doneById = new Map<string, TimelineEvent[]>();
  for (const e of done) {
    for (const id of new Set(e.services.map((s) => s.id))) {
      const list = doneById.get(id);
      if (list) list.push(e);
      else doneById.set(id, [e]);
    }
  }
  const flags = [];
  const describedBy = new Map<string, TimelineEvent[]>();
  for (const d of denials) {
    const denied = d.services.filter((s) => s.type === 'procedure');
    const ids = new Set(denied.map((s) => s.id));
    const named =
      ids.size === 1 ? (doneById.get([...ids][0] as string) ?? []) : [...new Set([...ids].flatMap((id) => doneById.get(id) ?? []))].sort((a, b) => (doneIndex.get(a) ?? 0) - (doneIndex.get(b) ?? 0));
    // a procedure done after the denial is no contradiction of it: it must be dated before it, be
    // told at a visit no later than it, or stand in the same note
    const deniedOn = d.date ?? d.reportedOn;
    const before = (e: TimelineEvent): boolean =>
      e.source.document === d.source.document
        ? e.date === null || deniedOn === null || e.date <= deniedOn
        : deniedOn !== null && ((e.date !== null && e.date < deniedOn) || (e.date === null && e.reportedOn !== null && e.reportedOn <= deniedOn));
    const parts = new Set([...d.anatomy.bodyParts, ...denied.map((s) => s.site).filter((x): x is string => x !== null)]);
    const describes = (e: TimelineEvent): boolean => {
      if (e.source.document === d.source.document && e.source.start === d.source.start) return false;
      // the same procedure, or any of its kind when the denial names it generically ("never had surgery")
      const same = (x: Service, s: Service): boolean => x.id === s.id && (x.family === s.family || generic.includes(x.term));
      if (!before(e) || !e.services.some((s) => denied.some((x) => same(x, s)))) return false;
      const theirs = new Set([...e.anatomy.bodyParts, ...e.services.map((s) => s.site).filter((x): x is string => x !== null)]);
      return parts.size === 0 || [...parts].some((p) => theirs.has(p));
    };
    // the flag cites the first three: stop there. A denial is never among the events told as done
    // (it is absent), so what it finds depends only on this key: many denials alike ("no prior
    // surgery" in every note of a 5 MB record) search once
    const key = `${d.source.document}|${deniedOn}|${denied.map((x) => `${x.id}/${x.family}/${x.term}`).join(',')}|${[...parts].join(',')}`;
    let described = describedBy.get(key);
    if (!described) {
      described = [];
      for (const e of named) if (describes(e) && described.push(e) >= 3) break;
      describedBy.set(key, described);
    }
    const first = described[0];
    if (!first) continue;
    const when = d.date ?? d.reportedOn;
    flags.push(
      makeFlag({
        kind: 'contradiction',
        rule: 'contradiction.denied-procedure',
        severity: 'medium',
        date: when,
        summary: `${when ? `${shortDate(when)}: ` : ''}the record says there was no prior ${denied[0]?.text ?? 'procedure'}${parts.size ? ` of the ${[...parts][0]}` : ''}, yet it describes ${first.services[0]?.text ?? 'one'} as done.`,
        evidence: [{ role: 'denied', source: d.source }, ...described.slice(0, 3).map((e) => ({ role: 'described', source: e.source }))],
        eventIds: [d.id, ...described.slice(0, 3).map((e) => e.id)],
      }),
    );
  }
  return flags;
}

type Side = 'left' | 'right';

function lateralityContradictions(ctx: CheckContext): ReturnType<typeof makeFlag>[] {
  const { minimumStatements, minimumStatementsInANote } = ctx.patterns.data.checks.contradiction.laterality;
  // the paired body parts: limbs, and the organs anatomy.json marks paired (groin, testicle, eye ...)
  const limbs = new Set(ctx.patterns.data.anatomy.bodyParts.filter((b) => b.paired ?? (b.region === 'upper_extremity' || b.region === 'lower_extremity')).map((b) => b.name));
  const flags = [];
  for (const doc of ctx.documents) {
    // a single treating note is one visit: two statements there weigh as much as three across a record's summaries
    const kind = doc.events[0]?.documentKind;
    const least = kind && !isReviewKind(kind) && new Set(doc.events.map((e) => e.encounterId).filter(Boolean)).size <= 1 ? minimumStatementsInANote : minimumStatements;
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
      for (const [odd, usual] of [
        ['left', 'right'],
        ['right', 'left'],
      ] as [Side, Side][]) {
        const [e] = bySide[odd];
        if (bySide[odd].length !== 1 || !e || bySide[usual].length < least) continue;
        // a finding or diagnosis about this limb alone, with a date to put the flag on
        if ((e.type !== 'exam_finding' && e.type !== 'diagnosis') || e.anatomy.bodyParts.length !== 1) continue;
        // "Left shoulder: Normal." is the comparison side of an exam, not a finding about it
        if (e.type === 'exam_finding' && !e.findings.some((f) => f.polarity === 'abnormal' || f.polarity === 'present')) continue;
        const when = e.date ?? e.reportedOn;
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
            summary: `${when ? `${shortDate(when)}: ` : ''}${article(e.type)} about the ${odd} ${part}, while the record's ${bySide[usual].length} other statements about the ${part} are all about the ${usual} one.`,
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
    return [
      ...treatmentContradictions(events),
      ...decisionContradictions(events),
      ...lateralityContradictions(ctx),
      ...deniedProcedures(events, ctx.patterns.data.checks.contradiction.genericProcedureTerms),
    ];
  },
};
