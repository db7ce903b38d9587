// Exam matches → findings: {concept, system, polarity, value, site, side, assertion}.
//   "4+/5 weakness of the left EHL"        → neuro.strength abnormal, value 4+/5, side left
//   "No wheezing."                          → lungs.wheeze absent (a negation turns a sign over)
//   "Lachman's is negative"                 → msk.test.lachman normal (a named test takes its
//                                             result from the words of its clause)
//   "full strength and normal sensation and reflexes" → a normal claim about each noun
// Side and site come from the clause the finding is in ("Strength is 4/5 on the right and 5/5 on
// the left"); the value is the grade or measure written in that clause.
import { type Correction, type LexiconMatch, tokenize } from '../patterns/lexicon.js';
import type { ExamValue, MeasuredSign, Patterns } from '../patterns/load-patterns.js';
import type { Finding } from '../schema.js';
import type { AnalyzedSentence } from '../text/analyze.js';
import type { FindingMention } from './mention.js';

const CLAUSE_BREAK = /[,;]|\b(?:and|but|with|while|whereas|as well as)\b/gi;

function clauseAround(s: AnalyzedSentence, start: number, end: number): { start: number; end: number } {
  let from = s.start;
  let to = s.end;
  CLAUSE_BREAK.lastIndex = 0;
  for (let m = CLAUSE_BREAK.exec(s.text); m; m = CLAUSE_BREAK.exec(s.text)) {
    const at = s.start + m.index;
    if (at + m[0].length <= start) from = at + m[0].length;
    else if (at >= end) {
      to = at;
      break;
    }
  }
  return { start: from, end: to };
}

function spanText(s: AnalyzedSentence, start: number, end: number): { text: string; tokens: AnalyzedSentence['tokens'] } {
  return { text: s.text.slice(start - s.start, end - s.start), tokens: s.tokens.filter((t) => t.start >= start && t.end <= end) };
}

function sideIn(patterns: Patterns, s: AnalyzedSentence, start: number, end: number, corrected?: Correction[]): Finding['side'] {
  const { text, tokens } = spanText(s, start, end);
  const found = patterns.sides.find(text, tokens, start);
  if (corrected) for (const m of found) if (m.corrected) corrected.push(...m.corrected);
  return oneSide(found.map((m) => m.value));
}

/** The side several side words make: left and right together are bilateral. */
function oneSide(values: readonly string[]): Finding['side'] {
  const sides = new Set(values);
  if (sides.has('bilateral') || (sides.has('left') && sides.has('right'))) return 'bilateral';
  return sides.has('left') ? 'left' : sides.has('right') ? 'right' : null;
}

/** The side a label's words name: "Right knee" → right. */
function sideOfWords(patterns: Patterns, words: string): Finding['side'] {
  return oneSide(patterns.sides.find(words, tokenize(words), 0).map((m) => m.value));
}

/** The body part (or spinal level) a clause names: "weakness in the left leg" → leg, "L5 dermatome" → L5. */
function siteIn(patterns: Patterns, s: AnalyzedSentence, start: number, end: number): string | null {
  const { text, tokens } = spanText(s, start, end);
  const part = patterns.bodyParts.find(text, tokens, start)[0];
  if (part) return part.value.name;
  patterns.levelPattern.lastIndex = 0;
  const level = patterns.levelPattern.exec(text);
  return level ? level[0].toUpperCase() : null;
}

// "4+/5", "2+", "1+", "2/6", "130/80", "40 degrees", "0/0": the grade or measure a clause gives
const VALUE = /(?<![\w/.])(?:\d{1,3}\s*(?:°|degrees?\b)|[0-5][+-]?\s?\/\s?5\b|[1-6]\s?\/\s?6\b|\d{2,3}\s?\/\s?\d{2,3}\b|[0-4]\s?\+|\+\s?[0-4]\b|[0-4]\s?\/\s?[0-4]\b|trace\b)/i;

function valueIn(s: AnalyzedSentence, start: number, end: number): string | null {
  const m = VALUE.exec(s.text.slice(start - s.start, end - s.start));
  return m ? m[0].replace(/\s+/g, '') : null;
}

/** A named test's result from the words of its clause: "Lachman's negative", "positive Tinel's at the wrist". */
function testResult(patterns: Patterns, s: AnalyzedSentence, m: LexiconMatch<ExamValue>, clause: { start: number; end: number }): Finding['polarity'] | null {
  const { text, tokens } = spanText(s, clause.start, clause.end);
  const words = patterns.testWords.find(text, tokens, clause.start).filter((w) => w.end <= m.start || w.start >= m.end);
  if (words.length === 0) return null;
  // the result word nearest the test's name
  const distance = (w: { start: number; end: number }): number => (w.end <= m.start ? m.start - w.end : w.start - m.end);
  const nearest = words.reduce((a, b) => (distance(b) < distance(a) ? b : a));
  return nearest.value === 'positive' ? 'abnormal' : 'normal';
}

/** "Extension was normal" is about extension only: a range-of-motion finding naming one motion is that motion's. */
function refined(patterns: Patterns, s: AnalyzedSentence, concept: string, clause: { start: number; end: number }): string {
  if (concept !== 'msk.rom') return concept;
  const { text, tokens } = spanText(s, clause.start, clause.end);
  const motions = new Set(patterns.motions.find(text, tokens, clause.start).map((m) => m.value));
  return motions.size === 1 ? `${concept}.${[...motions][0]}` : concept;
}

/** The polarity a mention claims once its negation is read: "no wheezing" → absent, "no weakness" → normal. */
function turnOver(polarity: Finding['polarity']): Finding['polarity'] {
  return polarity === 'present' ? 'absent' : polarity === 'absent' ? 'present' : polarity === 'normal' ? 'abnormal' : 'normal';
}

// words that state their own negation, matched whole: "no tenderness", "without swelling"
const SELF_NEGATED = /^(?:no|non|not|without|negative)\b/i;

/**
 * `symptomsAreReports`: in a treating record, a word that is also a symptom ("tingling", "weakness",
 * "swelling") outside its exam, with no grade, is what the patient has, not what the examiner found
 * ("the nerves in his wrists ... causing the pain and tingling"); a letter's summaries are read by
 * their report cues instead.
 */
export function readFindings(patterns: Patterns, s: AnalyzedSentence, matches: readonly LexiconMatch<ExamValue>[], symptomsAreReports = false): FindingMention[] {
  const sentenceSide = sideIn(patterns, s, s.start, s.end);
  const labelSide = s.label ? sideOfWords(patterns, s.label.header) : null;
  // "tingling", "wheezing", "swelling" are symptoms too: a sign only in an exam
  const examContext = s.section?.category === 'exam' || s.has('exam_context');
  const out: FindingMention[] = [];
  // "stable to Lachman's and drawer": tests listed together share the result word
  let lastTest: { end: number; polarity: Finding['polarity'] } | null = null;
  for (const m of matches) {
    if (m.value.neutral) continue;
    // "All the muscles of the body appeared normal": a general word inside a finding of a domain is that finding's words
    if (m.value.concept === 'general' && matches.some((o) => o !== m && o.value.concept !== 'general' && !o.value.neutral && o.start <= m.start && o.end >= m.end)) continue;
    // a generic test finding ("positive Hawkins") that a named test reads more precisely
    if (m.value.concept === 'msk.test' && matches.some((o) => o.value.polarity === 'test' && o.start < m.end && o.end > m.start)) continue;
    // "Tension signs: Straight leg raise is positive ..." — a label, not a claim
    if (/^\s*:/.test(s.text.slice(m.end - s.start))) continue;
    const { assertion } = s.assertion.at(m.start, m.end);
    if (assertion === 'hypothetical' || assertion === 'historical') continue;
    const clause = clauseAround(s, m.start, m.end);
    let polarity: Finding['polarity'];
    if (m.value.polarity === 'test') {
      const listed: Finding['polarity'] | null =
        lastTest && /^\s*(?:,|and|or|\/|,\s*and|,\s*or)\s*(?:the\s+)?$/i.test(s.text.slice(lastTest.end - s.start, m.start - s.start)) ? lastTest.polarity : null;
      const result: Finding['polarity'] | null = testResult(patterns, s, m, clause) ?? listed;
      if (!result) continue;
      polarity = result;
      lastTest = { end: m.end, polarity };
    } else {
      polarity = m.value.polarity;
      // "no tenderness" is matched whole as a normal claim; "without significant tenderness" is not
      if (assertion === 'absent' && !SELF_NEGATED.test(m.text)) polarity = turnOver(polarity);
    }
    // the misspelled words read as the finding's or its side's words
    const corrected: Correction[] = [...(m.corrected ?? [])];
    const clauseSide = sideIn(patterns, s, clause.start, clause.end, corrected);
    // "Right knee: Normal. No effusion, no tenderness": a finding under a sided label is that side's
    const side = clauseSide ?? (sentenceSide === 'bilateral' ? null : sentenceSide) ?? labelSide;
    if (!clauseSide && side) sideIn(patterns, s, s.start, s.end, corrected);
    const value = valueIn(s, clause.start, clause.end);
    out.push({
      concept: refined(patterns, s, (s.label && m.value.underLabel[s.label.system]) ?? m.value.concept, clause),
      system: m.value.system,
      polarity,
      value,
      site: siteIn(patterns, s, clause.start, clause.end) ?? coordinatedSite(patterns, s, clause),
      side,
      assertion: 'present',
      reported:
        symptomsAreReports &&
        m.value.reportable &&
        !examContext &&
        value === null &&
        (s.has('patient_report') || s.cuesOf('symptom').some((c) => c.start >= clause.start - 40 && c.end <= clause.end + 40)),
      text: m.text,
      rule: `finding.${m.value.id}${corrected.length > 0 ? '>fuzzy' : ''}`,
      ...(corrected.length > 0 ? { corrected: unique(corrected) } : {}),
      start: m.start,
      end: m.end,
    });
  }
  out.push(...measuredSigns(patterns, s));
  for (const f of coordinatedNormals(patterns, s)) {
    if (!out.some((o) => o.concept === f.concept && o.polarity === 'normal' && o.text.includes(f.text)))
      out.push({ ...f, side: f.side ?? sentenceSide, site: f.site ?? siteIn(patterns, s, s.start, s.end) });
  }
  return out;
}

/**
 * "Edema and erythema of the right elbow": two findings joined by a bare "and" share the site the
 * second names. A list with commas does not ("jugular venous distention, crackles, and leg edema").
 */
function coordinatedSite(patterns: Patterns, s: AnalyzedSentence, clause: { start: number; end: number }): string | null {
  const joined = /^\s*and\s+/i.exec(s.text.slice(clause.end - s.start));
  if (!joined) return null;
  const from = clause.end + joined[0].length;
  const next = clauseAround(s, from, from);
  return siteIn(patterns, s, next.start, next.end);
}

/**
 * Signs judged by their number: "Blood pressure of 178/104" → vitals.blood_pressure abnormal,
 * "pulse is 90" → heart.rate normal, "T 101.2" → vitals.temperature abnormal. A reading between the
 * normal range and the abnormal bounds ("pulse 55") claims nothing; so does a goal ("goal BP below
 * 130/80" is hypothetical) or an earlier reading ("BP was 150/90 at the last visit" is historical).
 */
function measuredSigns(patterns: Patterns, s: AnalyzedSentence): FindingMention[] {
  const out: FindingMention[] = [];
  for (const sign of patterns.measured) {
    sign.re.lastIndex = 0;
    for (let m = sign.re.exec(s.text); m; m = sign.re.exec(s.text)) {
      const start = s.start + m.index;
      const end = start + m[0].length;
      if (s.assertion.at(start, end).assertion !== 'present') continue;
      const polarity = judge(sign, Number(m[1]), m[2] === undefined ? null : Number(m[2]));
      if (!polarity) continue;
      out.push({
        concept: sign.concept,
        system: sign.system,
        polarity,
        value: m[2] === undefined ? (m[1] as string) : `${m[1]}/${m[2]}`,
        site: null,
        side: null,
        assertion: 'present',
        reported: false,
        text: m[0],
        rule: `finding.${sign.id}`,
        measured: true,
        start,
        end,
      });
    }
  }
  return out;
}

function judge(sign: MeasuredSign, a: number, b: number | null): Finding['polarity'] | null {
  if (a < sign.plausible[0] || a > sign.plausible[1]) return null;
  const pair = (x: number | [number, number] | undefined): [number, number] | null => (x === undefined ? null : typeof x === 'number' ? [x, x] : x);
  const below = pair(sign.abnormal.below);
  const atLeast = pair(sign.abnormal.atLeast);
  if (sign.reading === 'pressure') {
    if (b === null) return null;
    const [[sMin, sMax], [dMin, dMax]] = sign.normal as [[number, number], [number, number]];
    if ((atLeast && (a >= atLeast[0] || b >= atLeast[1])) || (below && (a < below[0] || b < below[1]))) return 'abnormal';
    return a >= sMin && a <= sMax && b >= dMin && b <= dMax ? 'normal' : null;
  }
  const [min, max] = sign.normal as [number, number];
  if ((atLeast && a >= atLeast[0]) || (below && a < below[0])) return 'abnormal';
  return a >= min && a <= max ? 'normal' : null;
}

function unique(list: Correction[]): Correction[] {
  return list.filter((c, i) => list.findIndex((o) => o.from === c.from && o.to === c.to) === i);
}

/** "full strength and normal sensation and reflexes", "Deep tendon reflexes, motor strength, and sensation were intact" */
function coordinatedNormals(patterns: Patterns, s: AnalyzedSentence): FindingMention[] {
  const nouns = patterns.coordination.nouns.find(s.text, s.tokens, s.start);
  if (nouns.length === 0) return [];
  const before = patterns.coordination.normalBefore.find(s.text, s.tokens, s.start);
  const after = patterns.coordination.normalAfter.find(s.text, s.tokens, s.start);
  // chains of nouns joined by "and", "," or ", and"
  const chains: LexiconMatch<string>[][] = [];
  for (const n of nouns) {
    const chain = chains.at(-1);
    const prev = chain?.at(-1);
    if (chain && prev && /^\s*(?:,|and|,\s*and|&|\/|and\s+(?:normal|intact|full))\s*$/i.test(s.text.slice(prev.end - s.start, n.start - s.start))) chain.push(n);
    else chains.push([n]);
  }
  const out: FindingMention[] = [];
  for (const chain of chains) {
    const head = chain[0] as LexiconMatch<string>;
    const tail = chain.at(-1) as LexiconMatch<string>;
    const lead = before.find((b) => b.end <= head.start && /^\s*$/.test(s.text.slice(b.end - s.start, head.start - s.start)));
    const trail = after.find(
      (a) => a.start >= tail.end && /^\s*(?:(?:is|are|was|were|remain|remains|remained)\s+)?(?:grossly\s+|otherwise\s+|fully\s+)?$/i.test(s.text.slice(tail.end - s.start, a.start - s.start)),
    );
    if (!lead && !trail) continue;
    if (s.assertion.at(head.start, head.end).assertion === 'absent') continue;
    // the claim's words: "full strength and normal sensation", "Motor strength is full"
    const from = lead?.start ?? head.start;
    const to = trail?.end ?? tail.end;
    for (const n of chain) {
      out.push({
        concept: n.value,
        system: n.value.startsWith('msk') ? 'musculoskeletal' : 'neuro',
        polarity: 'normal',
        value: null,
        site: null,
        side: null,
        assertion: 'present',
        reported: false,
        text: chain.length === 1 ? s.text.slice(from - s.start, to - s.start) : n.text,
        rule: 'finding.coordinated-normal',
        start: n.start,
        end: n.end,
      });
    }
  }
  return out;
}
