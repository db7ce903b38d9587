// A note written on one day about a visit on another is dated by the visit:
//   "Audiological hearing evaluation notes dated 1-7-17, reported the injured worker presented to
//    the office on 12-28-16 for a hearing evaluation"   → the visit is 12-28-16
// When a sentence dates a visit verb ("presented on", "was seen on") and a note noun differently,
// the note's date is dropped as a visit.
import type { Refiner } from '../engine.js';
import type { Mention } from '../mention.js';

export const visitOverNoteRefiner: Refiner = {
  name: 'visit-over-note',
  refine(_ctx, mentions): Mention[] {
    const verbVisits = mentions.filter((m) => m.type === 'encounter' && m.rule.startsWith('encounter.verb') && m.dateRule === 'linked:after');
    if (verbVisits.length === 0) return mentions;
    return mentions.filter((m) => {
      if (m.type !== 'encounter' || !m.rule.startsWith('encounter.noun')) return true;
      const verb = verbVisits.find((v) => v.sentence === m.sentence);
      return !verb || verb.date === m.date;
    });
  },
};
