// Document text → sections and sentences, each sentence read once for everything the extractors
// need: tokens, dates, cues, services, exam signs, assertion scopes. Pure; offsets are document offsets.
import { locate, type IngestedDocument } from '../ingest/ingest-document.js';
import type { LexiconMatch, Token } from '../patterns/lexicon.js';
import { tokenize } from '../patterns/lexicon.js';
import type { CueValue, ExamValue, Patterns, ServiceValue } from '../patterns/load-patterns.js';
import type { CueRole, LabelRole } from '../patterns/schemas.js';
import { assertionScopes, type AssertionScopes } from './assertion.js';
import { findDates, type DateMention } from './dates.js';
import { findRelativeDates } from './relative-dates.js';
import { findSections, findSystemLabels, sectionAt, systemLabelAt, type Section, type SystemLabel } from './sections.js';
import { splitSentences } from './sentences.js';

export interface SentenceDate extends DateMention {
  /** why this date is not a clinical date ("dob", "guideline", "fax"), or null when it is one */
  ignored: string | null;
  /** for a relative date ("the following day"), the explicit date it was computed from */
  relativeTo?: string;
}

export interface LabelDate {
  role: LabelRole;
  rule: string;
  label: LexiconMatch<{ id: string; role: LabelRole }>;
  date: SentenceDate;
}

export interface AnalyzedSentence {
  index: number;
  start: number;
  end: number;
  text: string;
  section: Section | null;
  /** the exam or review-of-systems label the sentence is under ("Lungs: clear"), if any */
  label: SystemLabel | null;
  tokens: Token[];
  dates: SentenceDate[];
  labelDates: LabelDate[];
  cues: LexiconMatch<CueValue>[];
  services: LexiconMatch<ServiceValue>[];
  exam: LexiconMatch<ExamValue>[];
  assertion: AssertionScopes;
  has(role: CueRole): boolean;
  cuesOf(role: CueRole): LexiconMatch<CueValue>[];
}

export interface AnalyzedDocument {
  doc: IngestedDocument;
  sections: Section[];
  labels: SystemLabel[];
  sentences: AnalyzedSentence[];
  referenceYear: number;
}

export interface AnalyzeOptions {
  /** "today" for two-digit years and future-date checks; tests pass a fixed one */
  referenceDate?: Date;
  /** adds the time spent here (ms): dates, and the rest of the analysis as text (the benchmark's stages) */
  timings?: AnalyzeTimings;
}

export interface AnalyzeTimings {
  text: number;
  dates: number;
}

const BULLET = /[\u2022\u25CF\u25AA\u25E6]\s*/g;

export function analyzeDocument(doc: IngestedDocument, patterns: Patterns, options: AnalyzeOptions = {}): AnalyzedDocument {
  const t0 = performance.now();
  const timings = options.timings;
  const datesBefore = timings?.dates ?? 0;
  // Two-digit years are read against today, not the document: a note whose only four-digit year is
  // the patient's birth year (1973) still means 2014 by "06/18/14".
  const referenceYear = (options.referenceDate ?? new Date()).getUTCFullYear();
  const sections = findSections(doc.text, patterns);
  const labels = findSystemLabels(doc.text, patterns);
  // A header ends the sentence before it. A header alone on its line is not part of any sentence;
  // an inline one ("Objective findings: no apparent distress, ...") opens the sentence it heads, so
  // quotes keep the words that say what the sentence is.
  const breaks = sections.flatMap((s) => (doc.text.slice(s.start, s.bodyStart).includes('\n') ? [s.start, s.bodyStart] : [s.start]));
  // "Lungs: Clear.,Heart: RRR": each label opens a sentence of its own
  for (const l of labels) breaks.push(l.start);
  // "… No murmurs. • Musculoskeletal: 1+ edema": a bullet ends the sentence before it and opens the next
  for (const m of doc.text.matchAll(BULLET)) breaks.push(m.index, m.index + m[0].length);
  // where each header's body starts, by header start (a lookup, not a scan of every section per sentence)
  const bodyStarts = new Map<number, number>();
  for (const sec of sections) bodyStarts.set(sec.start, Math.max(bodyStarts.get(sec.start) ?? -1, sec.bodyStart));
  // OCR'd pages (their short words may be read error-tolerantly: "lett" → left)
  const ocrPages = new Set((doc.pageInfo ?? []).filter((p) => p.text === 'ocr').map((p) => p.num));
  const sentences = splitSentences(doc.text, 0, doc.text.length, breaks)
    // "Decision rationale:" on its own is a header, not a sentence
    .filter((s) => !((bodyStarts.get(s.start) ?? -1) >= s.end))
    .map((s, index) => {
      const section = sectionAt(sections, s.start);
      const ocr = ocrPages.size > 0 && ocrPages.has(locate(doc.pages, s.start).page);
      return analyzeSentence(doc.text, s.start, s.end, index, section, referenceYear, patterns, timings, systemLabelAt(labels, section, s.start), ocr);
    });
  const t1 = performance.now();
  addRelativeDates(sentences, patterns);
  if (timings) {
    const t2 = performance.now();
    timings.dates += t2 - t1;
    timings.text += t2 - t0 - (timings.dates - datesBefore);
  }
  return { doc, sections, labels, sentences, referenceYear };
}

/**
 * Second pass: relative dates need the explicit dates before them. The anchor is the last explicit
 * full date earlier in the same section ("... on 10/27/16. A repeat CT was performed the following
 * day."); a phrase naming the injury is anchored on the labelled date of injury.
 */
function addRelativeDates(sentences: AnalyzedSentence[], patterns: Patterns): void {
  const injuryDate = sentences.flatMap((s) => s.labelDates).find((l) => l.role === 'injury' && !l.date.ignored)?.date.value ?? null;
  let anchors: { offset: number; value: string }[] = [];
  let section: unknown;
  for (const s of sentences) {
    if (s.section !== section) {
      section = s.section;
      anchors = [];
    }
    if (patterns.relativeCues.find(s.text, s.tokens, s.start).length > 0) {
      const explicit = s.dates.filter((d) => !d.ignored);
      const anchorBefore = (offset: number): string | null => {
        const inSentence = explicit.filter((d) => d.precision === 'day' && d.end <= offset).at(-1);
        return inSentence?.value ?? anchors.at(-1)?.value ?? null;
      };
      const found = findRelativeDates(s.text, s.start, anchorBefore, injuryDate)
        // "two weeks after the injury on 11/16/16": the written date says it
        .filter((r) => !explicit.some((d) => d.start >= r.end && d.start - r.end <= 6));
      if (found.length > 0) {
        s.dates.push(...found.map((r) => ({ start: r.start, end: r.end, text: r.text, value: r.value, precision: r.precision, ignored: null, relativeTo: r.anchor })));
        s.dates.sort((a, b) => a.start - b.start);
      }
    }
    for (const d of s.dates) if (!d.ignored && d.precision === 'day') anchors.push({ offset: d.start, value: d.value });
  }
}

export function analyzeSentence(
  docText: string,
  start: number,
  end: number,
  index: number,
  section: Section | null,
  referenceYear: number,
  patterns: Patterns,
  timings?: AnalyzeTimings,
  label: SystemLabel | null = null,
  ocr = false,
): AnalyzedSentence {
  const text = docText.slice(start, end);
  // misspelled words read as the vocabulary's words; offsets and quotes stay the text's own
  const tokens = patterns.fuzzy.correct(tokenize(text, start), ocr);
  const t0 = timings ? performance.now() : 0;
  const dates = findDates(text, referenceYear, start).map((d) => ({ ...d, ignored: whyIgnored(docText, d, patterns, start, end) }));
  const labelDates = findLabelDates(text, tokens, start, dates, patterns);
  // "DOB: 01/01/60", "D: 04/18/05 T: 04/20/05": never an event's date (a dictation or signature date
  // may still date a note's own visit: src/extract/note-visit.ts reads the labels)
  for (const ld of labelDates) if (NOT_EVENT_DATES.has(ld.role) && !ld.date.ignored) ld.date.ignored = ld.rule;
  if (timings) timings.dates += performance.now() - t0;
  const cues = withoutContainedOpposites(patterns.cues.find(text, tokens, start)).sort((a, b) => a.start - b.start);
  const services = coalesce(withoutShadowed(patterns.services.find(text, tokens, start)), text, start);
  // "soft" is the abdomen's only beside "abdomen" or under an "Abdomen:" label (findings' context)
  const exam = patterns.exam.find(text, tokens, start).filter((m) => !m.value.context || label?.system === m.value.system || m.value.context.find(text, tokens, start).length > 0);
  let scopes: AssertionScopes | null = null;
  return {
    index,
    start,
    end,
    text,
    section,
    label,
    tokens,
    dates,
    labelDates,
    cues,
    services,
    exam,
    get assertion(): AssertionScopes {
      scopes ??= assertionScopes(text, tokens, start, patterns);
      return scopes;
    },
    has(role: CueRole): boolean {
      return cues.some((c) => c.value.role === role);
    },
    cuesOf(role: CueRole): LexiconMatch<CueValue>[] {
      return cues.filter((c) => c.value.role === role);
    },
  };
}

const NOT_EVENT_DATES: ReadonlySet<LabelRole> = new Set(['ignore', 'dictation', 'signature', 'report_date']);

const OPPOSITE: Partial<Record<CueRole, CueRole>> = {
  outcome_positive: 'outcome_negative',
  determination_favourable: 'determination_adverse',
};

/**
 * Cue roles are matched separately, so "no relief" is also found as "relief" and "non-certified" as
 * "certified". A cue inside a longer cue of its opposite role is that cue's word, not a cue of its own;
 * a cue inside a pseudo cue ("modification" in "activity modification") is no cue at all, and pseudo
 * cues themselves say nothing.
 */
export function withoutContainedOpposites(cues: LexiconMatch<CueValue>[]): LexiconMatch<CueValue>[] {
  const inside = (c: LexiconMatch<CueValue>, o: LexiconMatch<CueValue>) => o.start <= c.start && o.end >= c.end && o.end - o.start > c.end - c.start;
  const pseudo = cues.filter((c) => c.value.role === 'pseudo');
  return cues.filter((c) => {
    if (c.value.role === 'pseudo') return false;
    if (pseudo.some((p) => inside(c, p))) return false;
    const opposite = OPPOSITE[c.value.role];
    return !opposite || !cues.some((o) => o.value.role === opposite && inside(c, o));
  });
}

/**
 * A word read by two vocabulary entries is read once: "neurotomy" is the ablation the vocabulary names,
 * not also a surgery by its "-otomy" ending. A match inside (or equal to) a longer one is dropped; of
 * two equal spans, a listed term wins over a pattern.
 */
function withoutShadowed<T>(matches: LexiconMatch<T>[]): LexiconMatch<T>[] {
  const isPattern = (m: LexiconMatch<T>): boolean => /[\\()[\]?*+|]/.test(m.term);
  return matches.filter(
    (m) => !matches.some((o) => o !== m && o.start <= m.start && o.end >= m.end && (o.end - o.start > m.end - m.start || (o.end - o.start === m.end - m.start && isPattern(m) && !isPattern(o)))),
  );
}

/**
 * "transforaminal epidural steroid injection" is one service, though the vocabulary knows it as
 * "transforaminal epidural" followed by "steroid injection": neighbours of the same type with only
 * spaces between them are one mention.
 */
function coalesce<T extends { type: string }>(matches: LexiconMatch<T>[], text: string, offset: number): LexiconMatch<T>[] {
  const out: LexiconMatch<T>[] = [];
  for (const m of matches) {
    const prev = out.at(-1);
    if (prev && prev.value.type === m.value.type && m.start >= prev.end && /^[\s-]*$/.test(text.slice(prev.end - offset, m.start - offset))) {
      const corrected = [...(prev.corrected ?? []), ...(m.corrected ?? [])];
      out[out.length - 1] = { ...prev, end: m.end, text: text.slice(prev.start - offset, m.end - offset), ...(corrected.length ? { corrected } : {}) };
      continue;
    }
    out.push(m);
  }
  return out;
}

/**
 * The line around a date, looked for only within [floor, ceiling): the callers use it clipped to
 * the sentence and to the 40 characters before the date. Unbounded, a text with no line breaks
 * (5 MB of one "line") made every date scan back to the start of the document: quadratic.
 */
function lineAround(text: string, start: number, end: number, floor: number, ceiling: number): { lineStart: number; line: string } {
  const back = newlineBefore(text, start - 1, floor);
  let lineStart = back >= floor ? back + 1 : floor;
  // "Received:\n12/13/2016" — a label alone on the line above names the date below it
  if (back >= floor && lineStart > 0 && text.slice(Math.max(0, lineStart - 2), lineStart - 1).endsWith(':')) {
    lineStart = Math.max(floor, newlineBefore(text, lineStart - 2, floor) + 1);
  }
  let lineEnd = end;
  while (lineEnd < ceiling && text[lineEnd] !== '\n') lineEnd++;
  return { lineStart, line: text.slice(lineStart, lineEnd) };
}

/** The last line break at or before `from` and not before `floor`, else -1 (lastIndexOf, bounded). */
function newlineBefore(text: string, from: number, floor: number): number {
  for (let i = from; i >= floor; i--) if (text[i] === '\n') return i;
  return -1;
}

function whyIgnored(text: string, d: DateMention, patterns: Patterns, sentenceStart: number, sentenceEnd: number): string | null {
  const { lineStart, line } = lineAround(text, d.start, d.end, Math.max(0, Math.min(sentenceStart, d.start - 40) - 1), Math.min(text.length, sentenceEnd + 1));
  // the line as far as it is this sentence: a fax banner is its own line, a citation its own sentence
  const lineEnd = lineStart + line.length;
  const own = text.slice(Math.max(lineStart, sentenceStart), Math.min(lineEnd, sentenceEnd));
  for (const re of patterns.dateIgnoreLine) if (re.test(own)) return `line:${re.source}`;
  const beforeFrom = Math.max(lineStart, d.start - 40);
  const before = text.slice(beforeFrom, d.start);
  const beforeMatches = patterns.dateIgnoreBefore.find(before, tokenize(before, beforeFrom), beforeFrom);
  // only the words right before the date count: "DOB: 01/01/60", "updated 08/22/2014"
  const last = beforeMatches.at(-1);
  if (last && /^[\s:#,.()-]*(?:of|on|is|was|dated)?[\s:#,.()-]*$/i.test(text.slice(last.end, d.start))) return `before:${last.term}`;
  const afterEnd = Math.min(text.length, d.end + 30);
  const after = text.slice(d.end, afterEnd);
  const afterMatches = patterns.dateIgnoreAfter.find(after, tokenize(after, d.end), d.end);
  const first = afterMatches[0];
  if (first && /^[\s,)]*$/.test(text.slice(d.end, first.start))) return `after:${first.term}`;
  return null;
}

/** "Date of Injury: 10/17/2016", "UR Denial Date:  12/20/2016", "DOS: 3/4/15" */
function findLabelDates(text: string, tokens: Token[], offset: number, dates: SentenceDate[], patterns: Patterns): LabelDate[] {
  if (dates.length === 0 || !text.includes(':')) return [];
  const out: LabelDate[] = [];
  for (const label of patterns.labels.find(text, tokens, offset)) {
    const gap = (d: SentenceDate): string => text.slice(label.end - offset, d.start - offset);
    const date = dates.find((d) => d.start >= label.end && /^\s*:\s*$/.test(gap(d)));
    if (date) out.push({ role: label.value.role, rule: label.value.id, label, date });
  }
  return out;
}
