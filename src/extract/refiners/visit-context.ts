// The visit being described carries its date to the sentences that follow, until another visit
// starts or the reviewer's own sections begin:
//   "He was evaluated on 07/29/14 for low back pain. ... His gait was nonantalgic."  → 2014-07-29
// A date that belongs to something mentioned in passing does not move the visit:
//   "He was status post coccygeal ligament injection on 07/21/14 ..."  (the visit stays 07/29/14)
// Undated reports keep the visit as reportedOn: "He had medial branch blocks which helped."
import type { Refiner } from '../engine.js';
import type { ExtractContext, Mention } from '../mention.js';
import { isReviewSection, isTreatingRecord } from '../reading.js';

export interface VisitSpan {
  /** the encounter mention that started the visit, if it was one */
  encounter?: Mention | null;
  date: string | null;
  dateText: string | null;
  /** increases each time a new visit starts or the context is reset */
  epoch: number;
  /** sentence index where the visit started */
  since?: number;
}

// how far a cited note carries its date in the reviewer's sections, at most (a guideline stops it sooner)
const REVIEW_CONTEXT_SENTENCES = 8;

const visitsByContext = new WeakMap<ExtractContext, VisitSpan[]>();

/** The visit in force at each sentence (by sentence index), for refiners that run later. */
export function visitsOf(ctx: ExtractContext): VisitSpan[] {
  return visitsByContext.get(ctx) ?? [];
}

export const visitContextRefiner: Refiner = {
  name: 'visit-context',
  refine(ctx, mentions): Mention[] {
    const bySentence = new Map<number, Mention[]>();
    for (const m of mentions) {
      const list = bySentence.get(m.sentence.index) ?? [];
      list.push(m);
      bySentence.set(m.sentence.index, list);
    }
    const visits: VisitSpan[] = [];
    let current: VisitSpan = { date: null, dateText: null, epoch: 0 };
    let lastSection: unknown;
    // "The provider stated in the summary that ...": the rest of this visit is its discussion
    let narrated: { part: string; epoch: number } | null = null;
    // A treating record's history dates what it narrates, section by section; its current sections
    // belong to the note's own visit (note-visit.ts dated them already).
    const note = isTreatingRecord(ctx);
    for (const s of ctx.analyzed.sentences) {
      // A new reviewer section (each "Decision rationale:") starts with no visit in force.
      if (s.section !== lastSection) {
        lastSection = s.section;
        if ((note || isReviewSection(s)) && current.date !== null) current = { date: null, dateText: null, epoch: current.epoch + 1 };
      }
      const here = bySentence.get(s.index) ?? [];
      const setters = here.filter((m) => m.setsContext && m.date);
      const setter = setters.at(-1);
      const before = current;
      if (setter && (setter.date !== current.date || setter.dateText !== current.dateText)) {
        const encounter = setters.find((m) => m.type === 'encounter') ?? null;
        current = { encounter, date: setter.date, dateText: setter.dateText, epoch: current.epoch + 1, since: s.index };
      }
      // In the reviewer's sections a cited note dates the sentences that go on reporting it ("Based on
      // progress report dated 11/29/16, the patient presents with ... The request for authorization
      // form is dated 12/02/16. ... Muscle strength 4/5."), up to a few; the reasoning that starts
      // with a guideline ("MTUS ... states", "is recommended for") is not about that visit.
      if (isReviewSection(s) && current.date !== null && current.since !== undefined && s.index > current.since) {
        const reasoning = s.has('guideline') || s.has('guideline_phrase');
        if (reasoning || s.index - current.since > REVIEW_CONTEXT_SENTENCES) current = { date: null, dateText: null, epoch: current.epoch + 1 };
      }
      visits[s.index] = current;
      if (narrated && narrated.epoch !== current.epoch) narrated = null;
      // only a narrative summary tells a visit's parts in one paragraph; headed sections say it themselves
      const narrative = !s.section || s.section.category === 'history';
      const opens = narrative ? ctx.patterns.narratedParts.find(s.text, s.tokens, s.start)[0] : undefined;
      if (opens && current.date) narrated = { part: opens.value, epoch: current.epoch };
      // "An undated request for authorization by the psychologist ...": the record says it has no date
      const saysUndated = /\bundated\b/i.test(s.text);
      for (const m of here) {
        if (m.facts.noteVisit) continue;
        if (narrated && narrative) m.narratedPart = narrated.part;
        if (!m.date && m.dating === 'inherit' && current.date && !saysUndated) {
          m.date = current.date;
          m.dateText = current.dateText;
          m.dateCertainty = 'inherited';
          m.dateRule = 'visit-context';
        }
        const visit = m.setsContext ? before : current;
        if (visit.date && m.reportedOn === null && !(m.type === 'encounter' && m.date === visit.date)) m.reportedOn = visit.date;
        if (m.encounter === undefined && m.type !== 'encounter' && visit.encounter) m.encounter = visit.encounter;
      }
    }
    visitsByContext.set(ctx, visits);
    return mentions;
  },
};
