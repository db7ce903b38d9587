// Who saw the patient where: each encounter takes the provider and facility its record names — for
// a note's own visit, the visit's whole text (letterhead, "Dr. X at Y Hospital", the signature
// block "Electronically signed by John A. Smith, MD, Fresno Orthopedic Medical Group"); for a visit
// a history or a letter tells of, its own sentence ("She was seen by Dr. Lee at Valley Urgent Care").
import type { Refiner } from '../engine.js';
import type { Mention } from '../mention.js';
import { findProvider } from '../provider.js';
import { noteVisitsOf } from './note-visit.js';

export const encounterPeopleRefiner: Refiner = {
  name: 'encounter-people',
  refine(ctx, mentions): Mention[] {
    const visits = noteVisitsOf(ctx);
    const sentences = ctx.analyzed.sentences;
    const docEnd = ctx.analyzed.doc.text.length;
    for (const m of mentions) {
      if (m.type !== 'encounter') continue;
      let found;
      if (m.facts.ownVisit) {
        // the visit's part of the document: from its first sentence to the next visit's
        const i = visits.findIndex((v) => v.from <= m.sentence.index && (visits[visits.indexOf(v) + 1]?.from ?? Infinity) > m.sentence.index);
        const visit = visits[i];
        const next = visits[i + 1];
        const start = visit ? (sentences[visit.from]?.start ?? 0) : 0;
        const end = next ? (sentences[next.from]?.start ?? docEnd) : docEnd;
        found = findProvider(ctx.analyzed, ctx.patterns, { start: visits.length > 1 ? start : 0, end });
      } else {
        found = findProvider(ctx.analyzed, ctx.patterns, { start: m.sentence.start, end: m.sentence.end }, { includeHistory: true });
      }
      if (found.provider) m.facts.provider = found.provider;
      if (found.facility) m.facts.facility = found.facility;
    }
    return mentions;
  },
};
