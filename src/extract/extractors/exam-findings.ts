// Exam findings: signs the examiner observed or tested, read into a structured model (domain,
// normal/abnormal, side) that the discrepancy checks compare.
//   "His gait was nonantalgic."                             gait, normal
//   "He had equivocal weakness in the left leg ... 4+/5."   strength, abnormal, left
//   "There were no focal neurologic deficits noted on 06/18/14."  neurologic, normal, dated 06/18/14
// Symptoms the patient reports are not findings: "He denied weakness", "complains of spasms".
// Words that can be either ("weakness", "spasm", "paresthesias") count as findings only when the
// sentence is not the patient's report, or the sentence is an exam ("On exam, ...").
import type { LexiconMatch } from '../../patterns/lexicon.js';
import type { ExamValue, Patterns } from '../../patterns/load-patterns.js';
import type { Finding } from '../../schema.js';
import type { AnalyzedSentence } from '../../text/analyze.js';
import type { Extractor } from '../engine.js';
import { linkDate } from '../link-date.js';
import { linkedDate, newMention, type Mention } from '../mention.js';
import { isGuidelineVoice, isNoteExamSentence, isSilentSection, isTreatingRecord } from '../reading.js';
import { readFindings } from '../findings.js';
import { isOwnedNoun } from './encounter.js';
import { readDetermination } from './determination.js';

export const examFindingExtractor: Extractor<AnalyzedSentence> = {
  name: 'exam-finding',
  // goals ("Hip abduction strength 5/5 - progressing") are targets, not findings
  // a treating record's exam section is read clause by clause (exam-clauses.ts)
  pattern: (s, ctx) => ((s.exam.length > 0 || isBareExamReport(s)) && !isSilentSection(s) && !isGuidelineVoice(s) && s.section?.category !== 'goals' && !isNoteExamSentence(s, ctx) ? [s] : []),
  extract(ctx, s): Mention[] | null {
    const kept = examSigns(ctx.patterns, s, isTreatingRecord(ctx) && (s.section?.category === 'history' || s.section?.category === 'course'));
    if (kept.length === 0) {
      if (!isBareExamReport(s)) return null;
      const cue = s.cuesOf('exam_context')[0] as (typeof s.cues)[number];
      const link = precedingVisitDate(s, { start: s.end }) ?? linkDate(s, cue, { kinds: ['after', 'before', 'frame'] });
      return [
        newMention(s, {
          type: 'exam_finding',
          rule: 'exam.reported-without-sign',
          start: cue.start,
          end: s.end,
          assertion: s.assertion.at(cue.end, s.end).assertion === 'absent' ? 'absent' : 'present',
          ...(link ? { ...linkedDate(link), setsContext: true } : { dating: 'inherit' as const }),
        }),
      ];
    }
    const findings = readFindings(ctx.patterns, s, kept, isTreatingRecord(ctx));
    // Findings after a date belong to it: "performed on 11-9-16 and revealed tenderness ... and on
    // 11-18-16 and revealed limited, painful range of motion"; a date right after a finding dates
    // it: "no focal neurologic deficits noted on 06/18/14".
    const groups = new Map<string, { matches: LexiconMatch<ExamValue>[]; link: ReturnType<typeof linkDate> }>();
    for (const m of kept) {
      const link = linkDate(s, m, { kinds: ['frame', 'after'] }) ?? precedingVisitDate(s, m);
      const key = link ? link.date.value : '';
      const g = groups.get(key) ?? { matches: [], link };
      g.matches.push(m);
      groups.set(key, g);
    }
    const out: Mention[] = [];
    for (const { matches, link } of groups.values()) {
      const first = matches[0] as LexiconMatch<ExamValue>;
      const last = matches.at(-1) as LexiconMatch<ExamValue>;
      const own = groups.size === 1 ? findings : findings.filter((f) => f.rule === 'exam.coordinated-normal' || matches.some((m) => f.text === m.text));
      const allAbsent = matches.every((m) => s.assertion.at(m.start, m.end).assertion === 'absent');
      out.push(
        newMention(s, {
          type: 'exam_finding',
          rule: `exam.${first.value.id}`,
          start: first.start,
          end: last.end,
          findings: own,
          assertion: allAbsent ? 'absent' : 'present',
          ...(link ? { ...linkedDate(link), setsContext: true } : { dating: 'inherit' as const }),
        }),
      );
    }
    return out;
  },
};

/** A date earlier in the sentence that belongs to an exam or visit: "A physical exam was performed on 11-9-16 and revealed ..." */
function precedingVisitDate(s: AnalyzedSentence, m: { start: number }): ReturnType<typeof linkDate> {
  const visitWords = s.cues.filter((c) => (c.value.role === 'encounter_noun' || c.value.role === 'exam_context' || c.value.role === 'encounter_verb') && c.end <= m.start && !isOwnedNoun(s, c));
  for (const w of visitWords.reverse()) {
    const link = linkDate(s, w, { kinds: ['after', 'before'] });
    if (link && link.date.end <= m.start) return link;
  }
  return null;
}

/**
 * "Physical exam of the lumbar spine revealed no gross abnormality.", "The physical exam reveals the
 * worker is awake and alert.": the examiner reporting a result in words the vocabulary lacks.
 */
function isBareExamReport(s: AnalyzedSentence): boolean {
  const cue = s.cuesOf('exam_context')[0];
  if (!cue) return false;
  // the exam named, then a result verb after it, then something it found
  return s.cuesOf('result').some((r) => r.start >= cue.end) && s.end - cue.end > 12 && s.services.length === 0 && s.cuesOf('plan').length === 0;
}

/** Concepts only an examiner reports (exam.json examinerOnly): a positive Spurling's is a finding whoever's sentence it is in. */
function examinerOnly(patterns: Patterns, concept: string): boolean {
  return patterns.examinerOnly.some((c) => concept === c || concept.startsWith(`${c}.`));
}

/** The exam matches that are signs in this sentence, not symptoms or imaging results. */
export function examSigns(patterns: Patterns, s: AnalyzedSentence, noteNarrative = false): LexiconMatch<ExamValue>[] {
  const examContext = s.has('exam_context') || s.section?.category === 'exam';
  const patientReport = s.has('patient_report');
  // "X-rays showed loss of lordosis": an imaging result, unless the sentence is also an exam
  const imagingResult = !examContext && s.services.some((sv) => sv.value.type === 'imaging' || sv.value.type === 'test') && s.has('result');
  if (imagingResult) return [];
  // "UR denied the MRI based on the lack of neurological deficits": the reviewer's reasons, not an exam
  if (readDetermination(s)) return [];
  // "The patient states she has decreased strength": what the patient says, unless it is a test result
  const firstReport = s.cuesOf('patient_report')[0];
  const saidByPatient = (m: { start: number; value: ExamValue }): boolean =>
    !examContext && firstReport !== undefined && firstReport.start < m.start && !examinerOnly(patterns, m.value.concept) && !m.value.id.includes('grade');
  return s.exam.filter((m) => {
    if (s.services.some((sv) => sv.start <= m.start && sv.end >= m.end)) return false;
    // a treating record's history tells how the patient was ("uncomfortable on the drive here"); only
    // an examiner's test or a grade there is a finding of an earlier exam
    if (noteNarrative && !examContext && !examinerOnly(patterns, m.value.concept) && !m.value.id.includes('grade')) return false;
    if (saidByPatient(m)) return false;
    const { assertion } = s.assertion.at(m.start, m.end);
    if (assertion === 'hypothetical') return false;
    // "range of motion", "reflexes" alone: an exam sentence when it is neither a report nor a plan
    // (a treating record's history tells of "range of motion exercises" and "wound care": no exam there)
    if (m.value.neutral) return !noteNarrative && (examContext || !patientReport) && s.cuesOf('plan').length === 0 && !s.has('outcome_positive');
    if (!m.value.reportable) return true;
    return examContext || !patientReport;
  });
}

export type { Finding };
