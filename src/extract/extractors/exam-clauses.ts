// In a treating record's physical examination, every clause is a finding the examiner recorded —
// the vocabulary classifies it (system, concept, polarity), it does not decide whether it exists:
//   "Appeared uncomfortable."  "Unable to stand."  "Healed arthroscopic scars."  "Stable to Lachman's and drawer."
// A sentence listing several findings gives one event per finding ("BP 130/56, HR 68, RR 16").
// Outside exam sections (letters, narrative) the vocabulary still decides (exam-findings.ts).
import type { LexiconMatch } from '../../patterns/lexicon.js';
import type { ExamValue } from '../../patterns/load-patterns.js';
import type { Finding, FindingSystem } from '../../schema.js';
import type { AnalyzedSentence } from '../../text/analyze.js';
import { findingClauses, type Clause } from '../../text/clauses.js';
import type { Extractor } from '../engine.js';
import { readFindings } from '../findings.js';
import { newMention, type ExtractContext, type FindingMention, type Mention } from '../mention.js';
import { isNoteExamSentence } from '../reading.js';

// the concept an unclassified clause is about, by the label it is under ("Lungs: ..." → lungs.unclassified):
// shown and exported, but no check compares it (only concepts the vocabulary names)
const SYSTEM_ROOT: Record<FindingSystem, string> = {
  general: 'general',
  vitals: 'vitals',
  heent: 'heent',
  neck: 'neck',
  lungs: 'lungs',
  heart: 'heart',
  abdomen: 'abdomen',
  skin: 'skin',
  extremities: 'extremities',
  musculoskeletal: 'msk',
  neuro: 'neuro',
  psych: 'psych',
  other: 'general',
};

// "Weight: 121.4", "Height 5'6\"": measurements, not findings
const NOT_A_FINDING = /^(?:weight|wt|height|ht|bmi|body mass index)\b/i;

function within(c: Clause, m: { start: number; end: number }): boolean {
  return m.start >= c.start && m.end <= c.end;
}

/** The polarity of a clause the vocabulary does not classify: an abnormal word wins; an opening negation is normal. */
function clausePolarity(ctx: ExtractContext, s: AnalyzedSentence, c: Clause): Finding['polarity'] {
  const tokens = s.tokens.filter((t) => within(c, t));
  const words = ctx.patterns.clauseWords.find(c.text, tokens, c.start);
  const negatedAt = (m: { start: number; end: number }): boolean => s.assertion.at(m.start, m.end).assertion === 'absent';
  if (words.some((w) => w.value === 'abnormal' && !negatedAt(w))) return 'abnormal';
  return 'normal';
}

/** "Abdomen: Normal.", "HEENT: Negative.": nothing but a normal word under a system's label. */
function claimsWholeSystem(ctx: ExtractContext, s: AnalyzedSentence, c: Clause): boolean {
  if (!s.label || s.label.system === 'general' || s.label.system === 'vitals') return false;
  const from = Math.max(c.start, s.label.bodyStart);
  const rest = s.text
    .slice(from - s.start, c.end - s.start)
    .replace(/[\s.,;:]+$/, '')
    .trim();
  if (!rest) return false;
  const tokens = s.tokens.filter((t) => t.start >= from && t.end <= c.end);
  const words = ctx.patterns.systemNormal.find(rest, tokens, from + (s.text.slice(from - s.start).length - s.text.slice(from - s.start).trimStart().length));
  return words.length === 1 && (words[0] as { end: number; start: number }).end - (words[0] as { start: number }).start === rest.length;
}

export const examClauseExtractor: Extractor<Clause> = {
  name: 'exam-clause',
  pattern: (s, ctx) => (isNoteExamSentence(s, ctx) ? findingClauses(s) : []),
  extract(ctx, s, c): Mention | null {
    if (!/[A-Za-z]{2}/.test(c.text) || NOT_A_FINDING.test(c.text)) return null;
    // "DOS: 03/24/2017", "Date: 01-08-15 Visit: 6 of 12": the next visit's heading, not a finding
    if (s.labelDates.some((l) => within(c, l.label))) return null;
    // a label with nothing after it: "Vital Signs:"
    if (/^[^:]{1,40}:\s*$/.test(c.text)) return null;
    // "We will obtain x-rays of the knee." — a plan written in the exam
    if (s.cuesOf('plan').some((p) => within(c, p))) return null;
    // "X-rays taken today show ..." — a study's result, read as such by service reports
    if (s.services.some((sv) => within(c, sv) && (sv.value.type === 'imaging' || sv.value.type === 'test')) && s.cuesOf('result').some((r) => within(c, r))) return null;
    const matches = s.exam.filter((m: LexiconMatch<ExamValue>) => within(c, m) && !s.services.some((sv) => sv.start <= m.start && sv.end >= m.end));
    let findings: FindingMention[] = readFindings(ctx.patterns, s, matches).filter((f) => f.start >= c.start && f.end <= c.end);
    const system: FindingSystem = s.label?.system ?? 'general';
    if (findings.length === 0) {
      findings = [
        {
          concept: claimsWholeSystem(ctx, s, c) ? SYSTEM_ROOT[system] : `${SYSTEM_ROOT[system]}.unclassified`,
          system,
          polarity: clausePolarity(ctx, s, c),
          value: null,
          site: null,
          side: null,
          assertion: 'present',
          reported: false,
          text: c.text,
          rule: 'exam.clause',
          start: c.start,
          end: c.end,
        },
      ];
    }
    const first = matches[0];
    const allAbsent = matches.length > 0 && matches.every((m) => s.assertion.at(m.start, m.end).assertion === 'absent');
    return newMention(s, {
      type: 'exam_finding',
      rule: first ? `exam.${first.value.id}` : 'exam.clause',
      start: c.start,
      end: c.end,
      quoteStart: c.start,
      quoteEnd: c.end,
      findings,
      assertion: allAbsent ? 'absent' : 'present',
      dating: 'inherit',
    });
  },
};
