// What kind of document this is — a progress note, an operative report, an IMR letter, a fax cover —
// from weighted cue sets in patterns/document-kinds.json. A cue set counts in one scope:
//   title    in the opening lines only  ("OPERATIVE REPORT", "Independent Medical Evaluation")
//   heading  as a heading anywhere      ("HOSPITAL COURSE:", ",ESTIMATED BLOOD LOSS:,")
//   text     anywhere                   ("prepped and draped", "distal latency")
// Only the first `scanChars` characters' sentences are read, and every section header.
// Each distinct term a cue set finds adds its weight (up to its maxTerms); a heading or text cue met
// in the opening counts `top.boost` times. The kind with the highest total wins if it reaches
// `minScore`; the document carries the id of the winner's strongest cue set (a title before
// headings before vocabulary); nothing speaking leaves it `other` with rule null.
import type { DocumentKindCue } from '../patterns/document-kind-cues.js';
import type { LexiconMatch } from '../patterns/lexicon.js';
import { tokenize } from '../patterns/lexicon.js';
import type { Patterns } from '../patterns/load-patterns.js';
import { documentKind, UNCLASSIFIED } from '../model/document-kind.js';
import type { DocumentKind } from '../schema.js';
import type { AnalyzedDocument } from '../text/analyze.js';

export interface KindCueScore {
  cue: DocumentKindCue;
  /** the distinct terms found, each with its first place (document offsets) and whether it was in the opening */
  terms: { term: string; start: number; end: number; top: boolean }[];
  score: number;
}

export interface KindScores {
  /** every cue set that found something, best first */
  cues: KindCueScore[];
  /** total per kind, best first */
  kinds: { kind: DocumentKind['kind']; score: number }[];
}

const SCOPE_RANK: Record<DocumentKindCue['scope'], number> = { title: 0, heading: 1, text: 2 };

export function classifyDocument(analyzed: AnalyzedDocument, patterns: Patterns): DocumentKind {
  const { cues, kinds } = scoreDocumentKinds(analyzed, patterns);
  const best = kinds[0];
  if (!best || best.score < patterns.documentKinds.minScore) return UNCLASSIFIED;
  // the rule is the winner's strongest evidence: a title says what a document is more plainly than
  // its headings, and headings more plainly than its vocabulary, whatever they add up to
  const decider = cues.filter((c) => c.cue.kind === best.kind).sort((a, b) => SCOPE_RANK[a.cue.scope] - SCOPE_RANK[b.cue.scope] || b.score - a.score)[0] as KindCueScore;
  return documentKind(best.kind, decider.cue.id);
}

/** Every cue set's score and the totals per kind (the classifier's working, for eval and explain). */
export function scoreDocumentKinds(analyzed: AnalyzedDocument, patterns: Patterns): KindScores {
  const config = patterns.documentKinds;
  const text = analyzed.doc.text;
  const topEnd = openingEnd(text, config.top.lines, config.top.chars);
  const found = new Map<DocumentKindCue, Map<string, { start: number; end: number; top: boolean }>>();
  const take = (matches: LexiconMatch<DocumentKindCue[]>[]): void => {
    for (const m of matches)
      for (const cue of m.value) {
        const top = m.start < topEnd;
        if (cue.scope === 'title' && !(top && isTitlePosition(text, m.start, config.top.titleLineChars))) continue;
        if (cue.scope === 'heading' && !isHeading(text, m.start, m.end)) continue;
        const terms = found.get(cue) ?? new Map();
        const key = m.term.toLowerCase();
        const seen = terms.get(key);
        if (!seen || (top && !seen.top)) terms.set(key, { start: m.start, end: m.end, top });
        found.set(cue, terms);
      }
  };
  // Sentences hold every word of the document but the headers alone on their lines: those come
  // from the sections ("HOSPITAL COURSE" on its own line is a section, not a sentence).
  for (const s of analyzed.sentences) {
    if (s.start >= config.scanChars) break;
    take(config.lexicon.find(s.text, s.tokens, s.start));
  }
  for (const sec of analyzed.sections) take(config.lexicon.find(sec.header, tokenize(sec.header, sec.start), sec.start));

  const order = new Map(config.cues.map((c, i) => [c, i]));
  const cues: KindCueScore[] = [];
  for (const [cue, terms] of found) {
    if (terms.size < cue.minTerms) continue;
    // the terms met in the opening first: they are the ones that count more
    const list = [...terms].map(([term, at]) => ({ term, ...at })).sort((a, b) => Number(b.top) - Number(a.top) || a.start - b.start);
    const counted = list.slice(0, cue.maxTerms);
    const boost = cue.scope === 'title' ? 1 : config.top.boost;
    const score = counted.reduce((sum, t) => sum + cue.weight * (t.top ? boost : 1), 0);
    cues.push({ cue, terms: list, score });
  }
  cues.sort((a, b) => b.score - a.score || (order.get(a.cue) ?? 0) - (order.get(b.cue) ?? 0));
  const totals = new Map<DocumentKind['kind'], number>();
  for (const c of cues) totals.set(c.cue.kind, (totals.get(c.cue.kind) ?? 0) + c.score);
  // ties go to the kind whose best cue set comes first in the file (cues are sorted that way)
  const firstSeen = new Map<DocumentKind['kind'], number>();
  cues.forEach((c, i) => firstSeen.has(c.cue.kind) || firstSeen.set(c.cue.kind, i));
  const kinds = [...totals].map(([kind, score]) => ({ kind, score })).sort((a, b) => b.score - a.score || (firstSeen.get(a.kind) ?? 0) - (firstSeen.get(b.kind) ?? 0));
  return { cues, kinds };
}

/** Where the opening ends: after `lines` non-empty lines, and at most `chars` characters in. */
export function openingEnd(text: string, lines: number, chars: number): number {
  let at = 0;
  let counted = 0;
  while (at < text.length && at < chars) {
    let end = text.indexOf('\n', at);
    if (end < 0) end = text.length;
    if (text.slice(at, end).trim()) counted++;
    if (counted >= lines) return Math.min(end, chars);
    at = end + 1;
  }
  return Math.min(text.length, chars);
}

/**
 * A title cue in the opening counts where a title stands: on a title line (short, in capitals or
 * Title Case: "PRIMARY TREATING PHYSICIAN'S INITIAL EVALUATION (PR-2 NARRATIVE)", "Orthopedic Spine
 * Consultation"), or opening its line or a clause after a label's colon or a sentence end ("Re:
 * Independent Medical Evaluation", "EXAM:, MRI of the left knee.," in a transcription run on one
 * line); not inside a sentence ("She presented to the emergency room with ...", "Evaluation of an
 * abnormal renal ultrasound.").
 */
export function isTitlePosition(text: string, start: number, titleLineChars: number): boolean {
  const before = lineBefore(text, start);
  if (/(?:^|[:.;],?)[\s\d)(#*•-]*$/.test(before)) return true;
  const line = before + lineAfter(text, start, titleLineChars + 1);
  return line.trim().length <= titleLineChars && isTitleCase(line.trim());
}

// Bounded looks along the line: one-line transcriptions are a whole note long, and a phrase met
// hundreds of times must not copy the note each time.
const LOOK = 240;

/** The text from the line's start to `at`, at most LOOK characters of it. */
function lineBefore(text: string, at: number): string {
  const from = Math.max(0, at - LOOK);
  const nl = text.lastIndexOf('\n', at - 1);
  return text.slice(Math.max(from, nl + 1), at);
}

/** The text from `at` to the line's end, at most `max` characters of it. */
function lineAfter(text: string, at: number, max = LOOK): string {
  const to = Math.min(text.length, at + max);
  const nl = text.indexOf('\n', at);
  return text.slice(at, nl >= 0 && nl < to ? nl : to);
}

const MINOR_WORDS = new Set(['of', 'and', 'the', 'for', 'to', 'in', 'on', 'with', 'a', 'an', 'or', 'by', 'at', 'from', 'as', 'per', 're', 'vs']);

/** "OPERATIVE REPORT", "Physical Therapy Daily Note": every word but the small ones capitalised. */
function isTitleCase(line: string): boolean {
  const words = line.match(/[A-Za-z][A-Za-z'’-]*/g) ?? [];
  return words.length > 0 && words.every((w) => /^[A-Z]/.test(w) || MINOR_WORDS.has(w.toLowerCase()));
}

/**
 * A phrase standing as a heading: at the start of its line (after list numbering) and alone on it or
 * before a colon ("HOSPITAL COURSE", "Estimated blood loss: 50 mL"), or in capitals after a sentence
 * end and before a colon, as one-line transcriptions run their headings (".,ESTIMATED BLOOD LOSS:,").
 */
export function isHeading(text: string, start: number, end: number): boolean {
  const before = lineBefore(text, start);
  const after = lineAfter(text, end);
  const colonAfter = /^\s*:/.test(after);
  // a window that reached back LOOK characters without a line break is no line start
  const atLineStart = /^[\s\d.)(#*•-]*$/.test(before) && (before.length < LOOK || start - LOOK <= 0 || text[start - LOOK - 1] === '\n');
  if (atLineStart) return colonAfter || (after.trim() === '' && (after.length < LOOK || text[end + LOOK] === '\n' || end + LOOK >= text.length));
  const phrase = text.slice(start, end);
  return colonAfter && /[.,;]["')]?\s*$/.test(before) && phrase === phrase.toUpperCase();
}
