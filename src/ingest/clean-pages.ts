// Raw page text → the canonical page text every offset in chartline refers to.
// 1. Lines repeated at the top or bottom of most pages (letterheads, "Case Number: CM16-0239607",
//    "Page 2 of 5", fax banners) are removed, so they neither break sentences nor yield events.
// 2. Line wraps are joined into paragraphs ("...the claimant was\nevaluated on" → one line), while
//    short standalone lines (headings, "MRI lumbar spine: Upheld", "Date of Injury: 10/17/2016")
//    keep their line break.
// OCR'd pages (options.fuzzy): a running header read "Case Number: CM16-0239607" on one page and
// "Case Nurnber: CM16-0239607" on the next is still the same header: edge lines a character or two
// apart count as one (natural's Damerau-Levenshtein distance; "rn" read for "m" is two edits).
// 3. A hyphen at a line end is kept ("10-\n17-2016", "non-\ncertified" are real hyphens in record
//    text), unless the document elsewhere spells the joined word ("documen-\ntation").

import { DamerauLevenshteinDistance } from 'natural/lib/natural/distance/index.js';

export interface CleanPage {
  num: number;
  text: string;
  /** The last line wraps onto the next page: the sentence goes on there. */
  continuesOnNext: boolean;
  /**
   * With options.track: where the clean text came from. Each entry [cleanOffset, rawOffset] starts a
   * stretch of clean text copied from the raw page text at rawOffset (a kept line); see rawOffsetOf.
   */
  segments?: Array<[number, number]>;
}

export interface CleanOptions {
  /** edge lines a character or two apart are the same running header (OCR'd pages) */
  fuzzy?: boolean;
  /** record segments, to map clean offsets back to the raw page text (OCR word confidences) */
  track?: boolean;
}

const PAGE_NUMBER_LINE = /^\s*(?:page|pg\.?|p\.)\s*\d+(?:\s*(?:of|\/)\s*\d+)?\s*$|^\s*-?\s*\d{1,4}\s*-?\s*$|^\s*\d+\s*(?:of|\/)\s*\d+\s*$/i;
// "Page 2 of 5" inside a longer footer line: "Case CM16-0239607 · Page 2 of 5"
const PAGE_OF_PAGES = /\bpage\s+\d+\s+of\s+\d+\b/i;
const EDGE_LINES = 3;

export function cleanPages(raw: ReadonlyArray<{ num: number; text: string }>, options: CleanOptions = {}): CleanPage[] {
  const pagesLines = raw.map((p) => splitLines(p.text));
  const repeated = findRepeatedEdgeLines(pagesLines, options.fuzzy === true);
  const vocabulary = collectWords(raw);
  const keptIdx = pagesLines.map((lines) => lines.map((_, idx) => idx).filter((idx) => !isBoilerplateLine(lines[idx] ?? '', idx, lines, repeated)));
  const kept = keptIdx.map((idxs, i) => idxs.map((idx) => pagesLines[i]?.[idx] ?? ''));
  return raw.map((p, i) => {
    const lines = kept[i] ?? [];
    const last = lastNonEmpty(lines);
    const nextFirst = (kept[i + 1] ?? []).find((l) => l.trim() !== '');
    const continuesOnNext = last !== undefined && nextFirst !== undefined && isSoftWrap(last.trim(), nextFirst.trim(), wrapWidth(lines)) && !/[.!?:]["')\]]?$/.test(last.trim());
    if (!options.track) return { num: p.num, text: joinLines(lines, vocabulary), continuesOnNext };
    // each line's offset in the raw text (splitLines keeps every line's length, but for \r\n)
    const starts: number[] = [];
    let at = 0;
    for (const line of p.text.replace(/\r\n?/g, '\n').split('\n')) {
      starts.push(at);
      at += line.length + 1;
    }
    const segments: Array<[number, number]> = [];
    const text = joinLines(lines, vocabulary, (cleanOffset, lineIdx, lead) => segments.push([cleanOffset, (starts[keptIdx[i]?.[lineIdx] ?? 0] ?? 0) + lead]));
    return { num: p.num, text, continuesOnNext, segments };
  });
}

/** The raw page text offset a clean offset came from (cleanPages with track). */
export function rawOffsetOf(page: CleanPage, cleanOffset: number): number {
  const segs = page.segments ?? [];
  let lo = 0;
  let hi = segs.length - 1;
  if (hi < 0) return cleanOffset;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((segs[mid]?.[0] ?? 0) <= cleanOffset) lo = mid;
    else hi = mid - 1;
  }
  const [c, r] = segs[lo] ?? [0, 0];
  return r + Math.max(0, cleanOffset - c);
}

function lastNonEmpty(lines: string[]): string | undefined {
  for (let i = lines.length - 1; i >= 0; i--) if ((lines[i] ?? '').trim() !== '') return lines[i];
  return undefined;
}

function splitLines(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/\u00a0/g, ' ')
    .replace(/[\t\f\v]/g, ' ')
    .split('\n')
    .map((l) => l.replace(/\s+$/, ''));
}

/**
 * Digits vary from page to page ("Page 3 of 7", fax times); compare lines with digits masked. A date
 * stays as written unless the line is a time stamp: "Date of Service: 03/04/2015" at the top of one
 * note and "Date of Service: 04/01/2015" at the top of the next are two visits, not a running header.
 */
function edgeKey(line: string): string {
  const key = line.trim().toLowerCase().replace(/\s+/g, ' ');
  if (/\d:\d{2}/.test(key)) return key.replace(/\d+/g, '#');
  return key.replace(/(?<!\d)(\d{1,2}([/.-])\d{1,2}\2(?:\d{4}|\d{2}))(?!\d)|\d+/g, (_m, date: string | undefined) => date ?? '#');
}

function findRepeatedEdgeLines(allPages: string[][], fuzzy: boolean): Set<string> {
  // A page that is in the document twice is a duplicate, not evidence of a running header: count
  // each distinct page once, or its first and last lines would be stripped as letterhead.
  const seen = new Set<string>();
  const pages = allPages.filter((lines) => {
    const key = lines.join('\n').replace(/\s+/g, ' ').trim();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const counts = new Map<string, number>();
  for (const lines of pages) {
    const nonEmpty = lines.filter((l) => l.trim() !== '');
    const edges = new Set([...nonEmpty.slice(0, EDGE_LINES), ...nonEmpty.slice(-EDGE_LINES)].map(edgeKey));
    for (const key of edges) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const repeated = new Set<string>();
  if (pages.length < 2) return repeated;
  // On a 2-page document a line must be on both; on longer ones on at least half the pages.
  const needed = Math.max(2, Math.ceil(pages.length / 2));
  for (const [key, n] of counts) if (n >= needed && key.length > 0) repeated.add(key);
  if (fuzzy) addNearRepeats(counts, needed, repeated);
  return repeated;
}

/**
 * OCR'd edge lines a character or two apart are one running header: a group of such keys on enough
 * pages together is repeated, every spelling of it. Lines under 8 characters are left alone ("Page 1"
 * and "Page 7" differ by a character but are handled as page numbers anyway).
 */
function addNearRepeats(counts: Map<string, number>, needed: number, repeated: Set<string>): void {
  const keys = [...counts.keys()].filter((k) => k.length >= 8);
  if (keys.length > 2000) return; // a long document: the exact match above is the affordable one
  for (const key of keys) {
    if (repeated.has(key)) continue;
    // the numbers must agree: "Date of Service: 03/04/2015" and "... 04/01/2015" are two visits
    const digits = key.replace(/\D/g, '');
    const near = keys.filter(
      (other) =>
        Math.abs(other.length - key.length) <= 2 &&
        other.replace(/\D/g, '') === digits &&
        (other === key || DamerauLevenshteinDistance(key, other) <= (key.length >= 16 ? 2 + Math.floor(key.length / 40) : 1)),
    );
    const total = near.reduce((n, k) => n + (counts.get(k) ?? 0), 0);
    if (total >= needed && near.length > 1) for (const k of near) repeated.add(k);
  }
}

function isBoilerplateLine(line: string, idx: number, all: string[], repeated: Set<string>): boolean {
  if (line.trim() === '') return false;
  if (PAGE_NUMBER_LINE.test(line)) return true;
  const key = edgeKey(line);
  if (!repeated.has(key)) return false;
  // Only strip a repeated line where it sits at the page edge; the same text in the body stays.
  const nonEmptyIdx = all.slice(0, idx).filter((l) => l.trim() !== '').length;
  const nonEmptyTotal = all.filter((l) => l.trim() !== '').length;
  return nonEmptyIdx < EDGE_LINES || nonEmptyIdx >= nonEmptyTotal - EDGE_LINES || PAGE_OF_PAGES.test(line);
}

function collectWords(raw: ReadonlyArray<{ text: string }>): Set<string> {
  const words = new Set<string>();
  for (const p of raw) for (const m of p.text.matchAll(/[A-Za-z]{4,}/g)) words.add(m[0].toLowerCase());
  return words;
}

/**
 * Typical width of a wrapped line on this page. Lines near it reached the right margin and wrapped;
 * shorter ones ended their paragraph. Text files with one paragraph per line have no wrap width.
 */
function wrapWidth(lines: string[]): number | null {
  const lengths = lines
    .map((l) => l.trim().length)
    .filter((n) => n > 0 && n <= 160)
    .sort((a, b) => a - b);
  if (lengths.length < 3) return null;
  return lengths[Math.floor(lengths.length * 0.9)] ?? null;
}

const LEADING_DATE = /^\(?(?:\d{1,2}[/-]\d{1,2}[/-]\d{2,4}|\d{4}-\d{2}-\d{2}|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4})\b/i;
const HEADING_LINE = /^[^a-z]*[A-Z]{3,}[^a-z]*:?$/;

function joinLines(lines: string[], vocabulary: Set<string>, onLine?: (cleanOffset: number, lineIdx: number, lead: number) => void): string {
  const width = wrapWidth(lines);
  const out: string[] = [];
  let length = 0;
  let prev: string | null = null;
  const push = (s: string) => {
    out.push(s);
    length += s.length;
  };
  for (const [idx, rawLine] of lines.entries()) {
    const line = rawLine.trim();
    if (line === '') continue; // blank lines do not decide anything: some exports double-space every line
    if (prev === null) {
      // nothing before it
    } else if (isSoftWrap(prev, line, width)) {
      if (/[A-Za-z]-$/.test(prev) && joinsAsWord(prev, line, vocabulary)) {
        out[out.length - 1] = prev.slice(0, -1);
        length -= 1;
      } else if (!/-$/.test(prev)) {
        push(' ');
      }
    } else {
      push('\n');
    }
    onLine?.(length, idx, rawLine.length - rawLine.trimStart().length);
    push(line);
    prev = line;
  }
  return out.join('');
}

function isSoftWrap(prev: string, next: string, width: number | null): boolean {
  // a short label whose value sits on the next line belongs with it: "Date of Exam:" / "11/20/14"
  if (/:$/.test(prev) && prev.length <= 40 && LEADING_DATE.test(next)) return true;
  if (width === null) return false;
  if (HEADING_LINE.test(prev) || HEADING_LINE.test(next)) return false;
  // "MRI lumbar spine without contrast: Upheld" — a decision line stands alone however long it is.
  if (/:\s*(upheld|overturned)\s*$/i.test(prev)) return false;
  // "... set forth below:" introduces what follows on its own line
  if (/:$/.test(prev)) return /^(?:upheld|overturned)\b/i.test(next);
  return prev.length >= width * 0.6 && prev.length <= width * 1.25;
}

function joinsAsWord(prev: string, next: string, vocabulary: Set<string>): boolean {
  const head = /([A-Za-z]+)-$/.exec(prev)?.[1];
  const tail = /^([a-z]+)/.exec(next)?.[1];
  if (!head || !tail) return false;
  return vocabulary.has((head + tail).toLowerCase());
}
