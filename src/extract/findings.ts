// Exam matches → structured findings for the checks. Polarity turns over under negation
// ("without tenderness" → tenderness normal), side comes from the clause the finding is in
// ("Strength is 4/5 on the right and 5/5 on the left"), and a normal word shared by a list of
// domains is a claim about each ("full strength and normal sensation and reflexes").
import type { LexiconMatch } from '../patterns/lexicon.js';
import { DOMAIN_CONCEPTS, type ExamValue, type Patterns } from '../patterns/load-patterns.js';
import type { Finding } from '../schema.js';
import type { FindingMention } from './mention.js';
import type { AnalyzedSentence } from '../text/analyze.js';

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

function sideIn(patterns: Patterns, s: AnalyzedSentence, start: number, end: number): Finding['side'] {
  const text = s.text.slice(start - s.start, end - s.start);
  const tokens = s.tokens.filter((t) => t.start >= start && t.end <= end);
  const sides = new Set(patterns.sides.find(text, tokens, start).map((m) => m.value));
  if (sides.has('bilateral') || (sides.has('left') && sides.has('right'))) return 'bilateral';
  if (sides.has('left')) return 'left';
  if (sides.has('right')) return 'right';
  return null;
}

/** The one body region a clause names ("weakness in the left leg" → lower_extremity), or null. */
function regionIn(patterns: Patterns, s: AnalyzedSentence, start: number, end: number): string | null {
  const text = s.text.slice(start - s.start, end - s.start);
  const tokens = s.tokens.filter((t) => t.start >= start && t.end <= end);
  const regions = new Set(patterns.bodyParts.find(text, tokens, start).map((m) => m.value.region));
  return regions.size === 1 ? ([...regions][0] as string) : null;
}

export function readFindings(patterns: Patterns, s: AnalyzedSentence, matches: readonly LexiconMatch<ExamValue>[]): FindingMention[] {
  const sentenceSides = sideIn(patterns, s, s.start, s.end);
  const out: FindingMention[] = [];
  for (const m of matches) {
    if (m.value.neutral) continue;
    // "All the muscles of the body appeared normal": the general "appeared normal" inside a finding of
    // a domain is that finding's words, not a claim of its own
    if (m.value.domain === 'other' && matches.some((o) => o !== m && o.value.domain !== 'other' && !o.value.neutral && o.start <= m.start && o.end >= m.end)) continue;
    // "Tension signs: Straight leg raise is positive for low back pain ..." — a label, not a claim
    if (/^\s*:/.test(s.text.slice(m.end - s.start))) continue;
    const { assertion } = s.assertion.at(m.start, m.end);
    if (assertion === 'hypothetical' || assertion === 'historical') continue;
    let polarity = m.value.polarity;
    // "no tenderness" is matched whole as a normal claim; "without significant tenderness" is not
    if (assertion === 'absent' && !/^(?:no|non|not|without|negative)\b/i.test(m.text)) polarity = polarity === 'normal' ? 'abnormal' : 'normal';
    const clause = clauseAround(s, m.start, m.end);
    const side = sideIn(patterns, s, clause.start, clause.end) ?? (sentenceSides === 'bilateral' ? null : sentenceSides);
    out.push(finding(m.value, polarity, side, regionIn(patterns, s, clause.start, clause.end), m, `exam.${m.value.id}`));
  }
  for (const f of coordinatedNormals(patterns, s)) {
    if (!out.some((o) => o.concept === f.concept && o.polarity === 'normal' && o.text.includes(f.text))) out.push({ ...f, side: f.side ?? sentenceSides, site: f.site ?? regionIn(patterns, s, s.start, s.end) });
  }
  return out;
}

/** "full strength and normal sensation and reflexes", "Deep tendon reflexes, motor strength, and sensation were intact" */
function coordinatedNormals(patterns: Patterns, s: AnalyzedSentence): FindingMention[] {
  const nouns = patterns.coordination.nouns.find(s.text, s.tokens, s.start);
  if (nouns.length === 0) return [];
  const before = patterns.coordination.normalBefore.find(s.text, s.tokens, s.start);
  const after = patterns.coordination.normalAfter.find(s.text, s.tokens, s.start);
  // chains of nouns joined by "and", "," or ", and"
  const chains: LexiconMatch<ExamValue['domain']>[][] = [];
  for (const n of nouns) {
    const chain = chains.at(-1);
    const prev = chain?.at(-1);
    if (chain && prev && /^\s*(?:,|and|,\s*and|&|\/|and\s+(?:normal|intact|full))\s*$/i.test(s.text.slice(prev.end - s.start, n.start - s.start))) chain.push(n);
    else chains.push([n]);
  }
  const out: FindingMention[] = [];
  for (const chain of chains) {
    const head = chain[0] as LexiconMatch<ExamValue['domain']>;
    const tail = chain.at(-1) as LexiconMatch<ExamValue['domain']>;
    const lead = before.find((b) => b.end <= head.start && /^\s*$/.test(s.text.slice(b.end - s.start, head.start - s.start)));
    const trail = after.find((a) => a.start >= tail.end && /^\s*(?:(?:is|are|was|were|remain|remains|remained)\s+)?(?:grossly\s+|otherwise\s+|fully\s+)?$/i.test(s.text.slice(tail.end - s.start, a.start - s.start)));
    if (!lead && !trail) continue;
    const negated = s.assertion.at(head.start, head.end).assertion === 'absent';
    if (negated) continue;
    for (const n of chain) out.push(finding({ ...DOMAIN_CONCEPTS[n.value] }, 'normal', null, null, n, 'exam.coordinated-normal'));
  }
  return out;
}

function finding(
  value: Pick<ExamValue, 'concept' | 'system'>,
  polarity: Finding['polarity'],
  side: Finding['side'],
  site: string | null,
  m: { start: number; end: number; text: string },
  rule: string,
): FindingMention {
  return { concept: value.concept, system: value.system, polarity, value: null, site, side, assertion: 'present', reported: false, text: m.text, rule, start: m.start, end: m.end };
}
