// chronology: dates that cannot be right, or that a reviewer must question.
//   future      "The request was denied on December 9, 3026."   (after the document could exist)
//   done-before "status post arthroscopy on 03/14/15" in a note of 02/20/15 (reported before it happened)
//   pre-injury  a visit, exam or treatment for this claim dated before the date of injury
//   repeat      "Repeat MRI was recommended" with no earlier MRI anywhere in the record
// History is not a problem: "prior knee surgery in 2009" before a 2016 injury is not flagged.
import { isReviewKind, isReviewLetter } from '../model/document-kind.js';
import { isReviewCategory } from '../model/section-roles.js';
import type { TimelineEvent } from '../schema.js';
import { sortKey } from '../timeline/order.js';
import { makeFlag, shortDate } from './flag.js';
import type { Check, CheckContext } from './check.js';

const PRE_INJURY_TYPES = new Set<TimelineEvent['type']>(['encounter', 'exam_finding', 'therapy', 'plan', 'determination', 'procedure', 'referral']);

function isoOf(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** A partial date is in the future only if all of it is: "2026-11" is not after 2026-11-24. */
function after(date: string, limit: string): boolean {
  return sortKey(date) > sortKey(limit) && !limit.startsWith(date);
}

export const chronologyCheck: Check = {
  name: 'chronology',
  run(ctx: CheckContext) {
    const cfg = ctx.patterns.data.checks.chronology;
    const marked = (e: TimelineEvent, marker: TimelineEvent['markers'][number]): boolean => e.markers.includes(marker);
    const today = isoOf(new Date(ctx.referenceDate.getTime() + cfg.futureToleranceDays * 86_400_000));
    const events = ctx.documents.flatMap((d) => d.events);
    const flags = [];

    // future dates; the same day and month in another year is most likely what was meant
    // ("denied on December 9, 3026" beside "UR Denial Date: 12/09/2016")
    for (const e of events) {
      if (!e.date || !after(e.date, today)) continue;
      const meant = e.date.length === 10 ? events.find((o) => o !== e && o.type === e.type && o.date?.length === 10 && o.date.slice(4) === e.date!.slice(4) && !after(o.date, today)) : undefined;
      flags.push(
        makeFlag({
          kind: 'chronology',
          rule: meant ? 'chronology.future-date-typo' : 'chronology.future-date',
          severity: 'high',
          date: null,
          summary: meant
            ? `${article(e.type)} ${e.type.replace('_', ' ')} is dated ${e.dateText ?? e.date}, in the future; elsewhere the record dates it ${meant.dateText ?? meant.date}.`
            : `${article(e.type)} ${e.type.replace('_', ' ')} is dated ${e.dateText ?? e.date}, after the record could have been written (today is ${today}).`,
          evidence: [{ role: 'future date', source: e.source }, ...(meant ? [{ role: 'same day, other year', source: meant.source }] : [])],
          eventIds: [e.id, ...(meant ? [meant.id] : [])],
        }),
      );
    }

    // a dated procedure or study reported as already done at a visit before its date
    for (const e of events) {
      if (!['procedure', 'imaging', 'test'].includes(e.type) || !e.date || !e.reportedOn || e.dateCertainty !== 'explicit') continue;
      // a treating note's history and hospital course tell forward in time: a later date there is the story going on
      if (!isReviewKind(e.documentKind) && (e.sectionCategory === 'history' || e.sectionCategory === 'course')) continue;
      if (e.date.length < 10 || e.reportedOn.length < 10 || e.date <= e.reportedOn) continue;
      if (!marked(e, 'reported_done')) continue;
      flags.push(
        makeFlag({
          kind: 'chronology',
          rule: 'chronology.done-before-dated',
          severity: 'high',
          date: e.reportedOn,
          summary: `${shortDate(e.reportedOn)}: the visit reports ${article(e.type).toLowerCase()} ${e.type} as already done, but it is dated ${shortDate(e.date)}, after the visit.`,
          evidence: [{ role: 'reported as done', source: e.source }],
          eventIds: [e.id],
        }),
      );
    }

    // a visit reports a procedure as done, while the record dates that procedure after the visit
    // ("two weeks status post left knee arthroscopy" on 11/20/14; operative report: Date of Surgery
    // December 4, 2014), and no earlier dated instance of it exists
    const procedures = events
      .filter((e) => e.type === 'procedure')
      .map((e) => ({ e, terms: procedureTerms(e) }))
      .filter((p) => p.terms.size > 0);
    for (const r of procedures) {
      const visit = r.e.reportedOn;
      if (!visit || visit.length < 10 || !marked(r.e, 'reported_done')) continue;
      const same = procedures.filter((p) => p !== r && sameProcedure(r, p));
      // an operative report's procedure takes its date from "Date of Surgery:" (inherited) — that counts
      const dated = same.filter((p) => (p.e.dateCertainty === 'explicit' || (p.e.dateCertainty === 'inherited' && p.e.reportedOn === p.e.date)) && p.e.date && p.e.date.length === 10);
      const later = dated.filter((p) => (p.e.date as string) > visit);
      if (later.length === 0 || dated.some((p) => (p.e.date as string) <= visit)) continue;
      const first = later.sort((a, b) => ((a.e.date as string) < (b.e.date as string) ? -1 : 1))[0]!;
      flags.push(
        makeFlag({
          kind: 'chronology',
          rule: 'chronology.reported-before-done',
          severity: 'high',
          date: visit,
          summary: `${shortDate(visit)}: the visit reports the ${[...r.terms][0]} as already done, but the record dates it ${shortDate(first.e.date)}, after the visit.`,
          evidence: [
            { role: 'reported as done', source: r.e.source },
            { role: 'dated later', source: first.e.source },
          ],
          eventIds: [r.e.id, first.e.id],
        }),
      );
    }

    // the date of injury written two ways in one document ("Date of Injury: 10/10/2016" in the header,
    // "sustained an industrial injury on 10-18-2016" in the summary)
    for (const doc of ctx.documents) {
      const injuries = doc.events.filter((e) => e.type === 'injury' && e.date && e.date.length === 10 && e.assertion === 'present' && !marked(e, 'prior'));
      const dates = [...new Set(injuries.map((e) => e.date as string))];
      if (dates.length < 2) continue;
      // the encounter it concerns: the one visit whose record gives a date of injury ("According to the
      // 12/9/16 Doctor's First Report ... The date of injury was 12/1/16"), when there is just one
      const visits = [...new Set(injuries.map((e) => e.reportedOn).filter((d): d is string => d !== null))];
      flags.push(
        makeFlag({
          kind: 'chronology',
          rule: 'chronology.two-injury-dates',
          severity: 'medium',
          date: visits.length === 1 ? (visits[0] as string) : null,
          summary: `The date of injury is given as ${dates.map(shortDate).join(' and as ')} in the same document.`,
          evidence: injuries.map((e) => ({ role: `injury ${shortDate(e.date)}`, source: e.source })),
          eventIds: injuries.map((e) => e.id),
        }),
      );
    }

    // events of this claim dated before the injury
    for (const doc of ctx.documents) {
      const injury = doc.events.filter((e) => e.type === 'injury' && e.date && e.date.length === 10).sort((a, b) => b.sources.length - a.sources.length)[0];
      if (!injury?.date) continue;
      const injuredParts = new Set(doc.events.filter((e) => e.type === 'injury').flatMap((e) => e.anatomy.bodyParts));
      const early = doc.events.filter((e) => {
        if (!PRE_INJURY_TYPES.has(e.type) || !e.date || e.date.length < 10 || e.date >= injury.date!) return false;
        if (e.assertion === 'historical' || e.dateCertainty !== 'explicit') return false;
        if (isReviewCategory(e.sectionCategory)) return false;
        if (marked(e, 'prior')) return false;
        // care described as for this injury, or for the body part it injured
        return marked(e, 'about_injury') || e.anatomy.bodyParts.some((p) => injuredParts.has(p));
      });
      if (early.length === 0) continue;
      const dates = [...new Set(early.map((e) => e.date as string))].sort();
      flags.push(
        makeFlag({
          kind: 'chronology',
          rule: 'chronology.before-injury',
          severity: 'high',
          date: dates.length === 1 ? (dates[0] as string) : null,
          summary: `${dates.map(shortDate).join(', ')}: care for this claim is dated before the date of injury, ${shortDate(injury.date)}.`,
          evidence: [{ role: 'injury', source: injury.source }, ...early.map((e) => ({ role: 'before injury', source: e.source }))],
          eventIds: [injury.id, ...early.map((e) => e.id)],
        }),
      );
    }

    // a "repeat" study requested with no earlier study of that kind in the record (treating records only)
    // the bundle's studies with the services each names, read once (only when some plan says "repeat")
    let studies: { e: TimelineEvent; ids: Set<string> }[] | null = null;
    const studiesOnce = (): { e: TimelineEvent; ids: Set<string> }[] =>
      (studies ??= events.filter((e) => e.type === 'imaging' || e.type === 'test').map((e) => ({ e, ids: new Set(e.services.map((x) => x.id)) })));
    for (const doc of ctx.documents) {
      if (isReviewLetter(doc.events)) continue;
      for (const plan of doc.events.filter((e) => e.type === 'plan' && e.date)) {
        if (!marked(plan, 'repeat')) continue;
        const kinds = plan.services.filter((s) => s.type === 'imaging' || s.type === 'test');
        for (const k of kinds) {
          const earlier = studiesOnce().some((s) => s.ids.has(k.id) && (!s.e.date || sortKey(s.e.date) < sortKey(plan.date)));
          if (earlier) continue;
          flags.push(
            makeFlag({
              kind: 'chronology',
              rule: 'chronology.repeat-without-prior',
              severity: 'low',
              date: plan.date,
              summary: `${shortDate(plan.date)}: a repeat ${k.text} is requested, but no earlier ${k.text} appears in the record.`,
              evidence: [{ role: 'repeat requested', source: plan.source }],
              eventIds: [plan.id],
            }),
          );
        }
      }
    }
    return flags;
  },
};

function article(word: string): string {
  return /^[aeiou]/i.test(word) ? 'An' : 'A';
}

function procedureTerms(e: TimelineEvent): Set<string> {
  return new Set(e.services.filter((s) => s.type === 'procedure').map((s) => s.term));
}

/** The same procedure: a shared procedure term, on a shared body part, on the same side. */
function sameProcedure(a: { e: TimelineEvent; terms: Set<string> }, b: { e: TimelineEvent; terms: Set<string> }): boolean {
  if (![...a.terms].some((t) => b.terms.has(t))) return false;
  const partsA = a.e.anatomy.bodyParts;
  const partsB = b.e.anatomy.bodyParts;
  if (partsA.length === 0 || partsB.length === 0 || !partsA.some((p) => partsB.includes(p))) return false;
  const sa = a.e.anatomy.side;
  const sb = b.e.anatomy.side;
  return sa === null || sb === null || sa === sb || sa === 'bilateral' || sb === 'bilateral';
}
