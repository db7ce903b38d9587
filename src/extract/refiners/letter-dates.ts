// Dates from the letter header for mentions that point at them:
//   "MRI lumbar spine without contrast: Upheld"            → the decision date
//   "The requested FCE was previously denied as ..."       → the UR denial date
//   "Mechanism of injury: lifting heavy boxes"             → the date of injury
// With no header date (a bare narrative), the first dated injury mention stands in for it.
import type { Refiner } from '../engine.js';
import type { Mention } from '../mention.js';

export const letterDatesRefiner: Refiner = {
  name: 'letter-dates',
  refine(ctx, mentions): Mention[] {
    const f = ctx.facts;
    const firstInjury = mentions.find((m) => m.type === 'injury' && m.date);
    const injury = f.injuryDate ? { date: f.injuryDate, text: f.injuryText } : firstInjury ? { date: firstInjury.date, text: firstInjury.dateText } : null;
    for (const m of mentions) {
      // "This claimant was injured in 2016." is the injury of the header, said less precisely
      if (m.type === 'injury' && m.date && injury?.date && m.date.length < injury.date.length && injury.date.startsWith(m.date)) {
        m.date = injury.date;
        m.dateText = injury.text;
        m.dateCertainty = 'inherited';
        m.dateRule = 'letter:injury_date';
        continue;
      }
      if (m.date) continue;
      const source =
        m.dating === 'decision_date'
          ? f.decisionDate
            ? { date: f.decisionDate, text: f.decisionText }
            : null
          : m.dating === 'ur_date'
            ? f.urDate
              ? { date: f.urDate, text: f.urText }
              : null
            : m.dating === 'injury_date'
              ? injury
              : null;
      if (!source?.date) continue;
      m.date = source.date;
      m.dateText = source.text;
      m.dateCertainty = 'inherited';
      m.dateRule = `letter:${m.dating}`;
    }
    return mentions;
  },
};
