// The industrial injury:
//   "The claimant injured his low back on 01/12/10 when he stepped into a hole"   → 2010-01-12
//   "sustained an industrial injury on 10-17-2016", "an occupational claim from 10/12/2016"
//   "Mechanism of injury is detailed as occurring when the patient lifted a gas tank"
//      → no date of its own: the letter's date of injury
import type { LexiconMatch } from '../../patterns/lexicon.js';
import type { CueValue } from '../../patterns/load-patterns.js';
import type { Extractor } from '../engine.js';
import { linkDate } from '../link-date.js';
import { linkedDate, newMention, type Mention } from '../mention.js';
import { anatomyWords, isSilentSection } from '../reading.js';

export const injuryExtractor: Extractor<LexiconMatch<CueValue>> = {
  name: 'injury',
  pattern: (s) => (isSilentSection(s) || s.labelDates.some((l) => l.role === 'injury') ? [] : s.cuesOf('injury')),
  extract(ctx, s, cue): Mention | null {
    // "the first report of occupational injury or illness from 11/21/2016" names a visit's form
    if (s.cuesOf('encounter_noun').some((n) => n.start <= cue.start && n.end >= cue.end)) return null;
    if (/\breport\s+of\s+$/i.test(s.text.slice(Math.max(0, cue.start - s.start - 12), cue.start - s.start))) return null;
    // "the injured worker" is the patient, not the injury
    if (/^\s*(?:workers?|employees?|party|parties|patients?|individual|claimant|man|woman|person)\b/i.test(s.text.slice(cue.end - s.start))) return null;
    const { assertion } = s.assertion.at(cue.start, cue.end);
    if (assertion === 'absent' || assertion === 'hypothetical') return null;
    // "a prior injury in 2012" is history, not this claim's injury; keep it only with its own date
    // the mechanism may stand between the verb and the date ("fell from a ladder on 06/02/2016"), but
    // not another event ("injured ... and was seen on 10/1/16")
    const blockers = s.cues.filter((c) => c.value.role !== 'injury' && c.value.role !== 'past' && c.value.role !== 'result');
    const link = linkDate(s, cue, { kinds: ['after', 'before'], anatomyWords: anatomyWords(ctx.patterns), blockers: [...blockers, ...s.services], lenientGap: true });
    if (!link && assertion === 'historical') return null;
    // "Date of Injury:" with no date (a blank letterhead field, "N/A") says nothing
    if (!link && /^date of injury$/i.test(cue.term)) return null;
    return newMention(s, {
      type: 'injury',
      rule: `${cue.value.id}:${cue.term}`,
      start: cue.start,
      end: cue.end,
      assertion: 'present',
      ...(link ? { ...linkedDate(link) } : { dating: 'injury_date' as const }),
    });
  },
};
