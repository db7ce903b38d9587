// Visits. A visit needs a date written against it; it then dates the findings that follow.
//   noun + date   "Per the doctor's note dated 12-21-16", "the progress report dated 10-26-2016",
//                 "November 21, 2016 follow up noted", "a 12/2016 progress note", "initial exam on 10/30/16"
//   verb + date   "He was evaluated on 07/29/14", "On 12/13/2016, the patient presented"
//   frame + report "On 11-9-16, the injured worker complained of ..."
// Not visits: "MRI report dated 02/12/14" (the study's report), "follow up in 4 weeks" (a plan).
import type { LexiconMatch } from '../../patterns/lexicon.js';
import type { CueValue } from '../../patterns/load-patterns.js';
import type { AnalyzedSentence } from '../../text/analyze.js';
import type { Extractor } from '../engine.js';
import { linkDate, type DateLink, type LinkKind } from '../link-date.js';
import { newMention, type ExtractContext, type Mention } from '../mention.js';
import { anatomyWords, isGuidelineVoice, isSilentSection, isTreatingRecord } from '../reading.js';

const KINDS_BY_ROLE: Partial<Record<CueValue['role'], readonly LinkKind[]>> = {
  encounter_noun: ['after', 'before', 'near'],
  encounter_verb: ['after', 'frame'],
  patient_report: ['frame'],
  // "On 12/09/2016, the patient continued to report pain ...": a dated sentence about the patient is a visit
  encounter_subject: ['frame'],
};

/** "MRI report", "UR report", "EMG study": the noun belongs to the thing before it, not to a visit ("PT re-evaluation" is one). */
export function isOwnedNoun(s: AnalyzedSentence, cue: { start: number; end: number }): boolean {
  // a therapist's or specialist's note is a visit ("PT re-evaluation", "neurology consultation report")
  const visitLike = (o: { value: { type?: string } }): boolean => o.value.type === 'therapy' || o.value.type === 'referral';
  if (s.services.some((sv) => sv.start < cue.end && sv.end > cue.start && !visitLike(sv))) return true;
  const owner = [...s.services, ...s.cuesOf('determination_agent')].find((o) => o.end <= cue.start && cue.start - o.end <= 2);
  return owner !== undefined && !visitLike(owner as { value: { type?: string } });
}

/**
 * "The physical therapy report reviewed by Utilization Review (UR) was dated 12-01-2016.": the date
 * of a "was dated" sentence belongs to its subject, the first visit noun, whatever stands between.
 */
function subjectWasDated(s: AnalyzedSentence, cue: LexiconMatch<CueValue>): DateLink | null {
  if (cue.value.role !== 'encounter_noun') return null;
  const first = s.cuesOf('encounter_noun').find((n) => !isOwnedNoun(s, n));
  if (first !== cue) return null;
  const date = s.dates.find((d) => !d.ignored && d.start > cue.end && /\b(?:was|were|is|are)\s+dated\s*$/i.test(s.text.slice(0, d.start - s.start)));
  return date ? { date, kind: 'after' } : null;
}

export const encounterExtractor: Extractor<LexiconMatch<CueValue>> = {
  name: 'encounter',
  // a guideline quotation ("the MTUS ... notes that ...") describes no visit of this patient
  pattern: (s) => (isSilentSection(s) || isGuidelineVoice(s) ? [] : s.cues.filter((c) => c.value.role in KINDS_BY_ROLE)),
  extract(ctx, s, cue): Mention | null {
    const kinds = KINDS_BY_ROLE[cue.value.role];
    if (!kinds) return null;
    // In a letter, "On 12/09/2016, the patient reported pain" reports a visit of that day; in a
    // treating record's history the patient is telling this examiner about the past ("In 1985, he
    // had removal of a testicle, he states"), which is no visit.
    if ((cue.value.role === 'patient_report' || cue.value.role === 'encounter_subject') && isTreatingRecord(ctx)) return null;
    if (cue.value.role === 'encounter_noun') {
      if (isOwnedNoun(s, cue)) return null;
      // "Date of Exam: 10/09/14" is a label (label-dates.ts reads it), not a visit noun of its own
      if (s.labelDates.some((l) => l.label.start <= cue.start && l.label.end >= cue.end)) return null;
      // "follow up in 4 weeks", "return for re-evaluation" are plans
      if (s.cuesOf('plan').some((p) => p.start <= cue.start && p.end >= cue.end)) return null;
      if (/^(?:follow|return|recheck)/i.test(cue.text) && /^\s*(?:in|with|after)\b/i.test(s.text.slice(cue.end - s.start))) return null;
    }
    const blockers = [...s.services, ...s.cuesOf('determination_adverse'), ...s.cuesOf('determination_agent'), ...s.cuesOf('plan')];
    // "The documentation indicated the patient reported injury on 11/06/2016.": the date is the
    // injury's — unless the injury only measures time ("a clinic visit two weeks after the injury on 11/16/16")
    if (cue.value.role === 'encounter_noun') {
      const measuresTime = (c: { start: number }) => /\b(?:after|before|following|since)\s+(?:the|his|her|their)?\s*(?:[a-z-]+\s+)?$/i.test(s.text.slice(0, c.start - s.start));
      blockers.push(...s.cuesOf('injury').filter((c) => /injur/i.test(c.text) && !measuresTime(c)));
    }
    const link = linkDate(s, cue, { kinds, blockers, anatomyWords: anatomyWords(ctx.patterns) }) ?? subjectWasDated(s, cue);
    if (!link) return undatedPastVisit(ctx, s, cue);
    // "On 12-12-2016 Utilization Review non-certified ..." is a decision, not a visit
    if (link.kind === 'frame' && s.cues.some((c) => c.value.role === 'determination_agent' || c.value.role === 'determination_adverse')) return null;
    if (cue.value.role === 'encounter_subject') {
      // a fallback: only when no visit word or verb in the sentence dates the visit itself, with a
      // written date, and the clause is not about something done ("On 10/1, she underwent an MRI")
      if (link.date.relativeTo || s.has('past')) return null;
      const others = s.cues.filter((c) => c !== cue && c.value.role in KINDS_BY_ROLE && c.value.role !== 'encounter_subject');
      if (others.some((c) => linkDate(s, c, { kinds: KINDS_BY_ROLE[c.value.role] ?? [], blockers, anatomyWords: anatomyWords(ctx.patterns) }))) return null;
      // the subject must open the clause its date frames ("On 12/09/2016, the patient ..."), and the
      // sentence must not be a request ("On 11/21/16, the provider submitted a request for ...")
      if (!/^[\s,)]*$/.test(s.text.slice(link.date.end - s.start, cue.start - s.start))) return null;
      if (s.cuesOf('plan').some((p) => p.start > cue.end && /^(?:request|requested|submitted|ordered)/i.test(p.text))) return null;
    }
    const { assertion } = s.assertion.at(cue.start, cue.end);
    if (assertion === 'absent' || assertion === 'hypothetical') return null;
    return newMention(s, {
      type: 'encounter',
      rule: `${cue.value.id}:${link.kind}`,
      start: cue.start,
      end: cue.end,
      date: link.date.value,
      dateText: link.date.text,
      dateCertainty: 'explicit',
      dateRule: `linked:${link.kind}`,
      setsContext: true,
    });
  },
};

/**
 * A treating record's history tells of visits without their dates: "He was seen at Point May
 * Orthopedics", "She received treatment from Dr. X", "Notes of the Medina General Hospital were
 * reviewed". Each is a visit of its own, undated (never the note's own date).
 */
function undatedPastVisit(ctx: ExtractContext, s: AnalyzedSentence, cue: LexiconMatch<CueValue>): Mention | null {
  if (!isTreatingRecord(ctx)) return null;
  const category = s.section?.category;
  if (category !== 'history' && category !== 'course') return null;
  if (cue.value.role !== 'encounter_verb' && cue.value.role !== 'encounter_noun') return null;
  // "He presents for follow-up of knee pain": the note's own visit (note-visit.ts), not a past one
  if (s.has('own_visit')) return null;
  if (s.cuesOf('plan').length > 0 || s.has('guideline')) return null;
  const { assertion } = s.assertion.at(cue.start, cue.end);
  if (assertion !== 'present' && assertion !== 'historical') return null;
  return newMention(s, { type: 'encounter', rule: `${cue.value.id}:undated`, start: cue.start, end: cue.end, dating: 'undated' });
}
