// Section headers → spans. Headers are data (patterns/sections.json); a header counts at the start
// of a line, alone on it ("CLINICAL CASE SUMMARY") or before a colon ("Decision rationale: The ..."),
// and an all-capitals header also after a sentence end, as in one-line transcriptions
// ("... allergies. MEDICATIONS:, Claritin.").
import { normalizeHeader, type Patterns } from '../patterns/load-patterns.js';
import type { SectionCategory } from '../patterns/schemas.js';
import type { FindingSystem } from '../schema.js';

export interface Section {
  name: string;
  category: SectionCategory;
  /** where the header starts */
  start: number;
  /** where the section's text starts (after the header and its colon) */
  bodyStart: number;
  end: number;
  /** the header as written */
  header: string;
}

const MAX_HEADER = 70;
// ". PHYSICAL EXAMINATION:" inside a line; mixed case only for headers of two words or more
// (". Decision rationale: ..." after a wrapped citation), since "Plan:" inside a sentence is rare but
// one capitalised word before a colon is common.
const INLINE_CAPS_HEADER = /(?<=[.!?,]["')]?\s{0,4})([A-Z][A-Z0-9 /&'-]{1,68}[A-Z)]):/g;
const INLINE_MIXED_HEADER = /(?<=[.!?]["')]?(?:,\s{0,4}|\s{1,4}))([A-Z][A-Za-z/&'-]*(?:\s+[A-Za-z/&'-]+){1,5}):/g;

// "PREOPERATIVE DIAGNOSES,1.  Carious teeth ...": a one-line export drops the colon of a header
// that opens a numbered list
const HEADER_BEFORE_LIST = /(?:^|(?<=[.!?]["')]?,?\s{0,4}))([A-Z][A-Z0-9 /&'()-]{2,68}[A-Z)]),\s*(?=1\.\s)/gm;

export function findSections(text: string, patterns: Patterns): Section[] {
  const found: Omit<Section, 'end'>[] = [];
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const header = headerAtLineStart(text, lineStart, lineEnd, patterns);
    if (header) found.push(header);
    const line = text.slice(lineStart, lineEnd);
    for (const re of [INLINE_CAPS_HEADER, INLINE_MIXED_HEADER, HEADER_BEFORE_LIST]) {
      re.lastIndex = 0;
      for (let m = re.exec(line); m; m = re.exec(line)) {
        const value = patterns.sectionHeaders.get(normalizeHeader(m[1] ?? '')) ?? (re !== INLINE_MIXED_HEADER ? byHeaderWords(m[1] ?? '', patterns) : undefined);
        if (!value) continue;
        const start = lineStart + m.index;
        if (found.some((f) => f.start === start)) continue;
        found.push({ ...value, start, bodyStart: skipSpace(text, start + m[0].length), header: m[1] ?? '' });
      }
    }
    lineStart = lineEnd + 1;
  }
  found.sort((a, b) => a.start - b.start);
  return found.map((s, i) => ({ ...s, end: found[i + 1]?.start ?? text.length }));
}

function headerAtLineStart(text: string, lineStart: number, lineEnd: number, patterns: Patterns): Omit<Section, 'end'> | null {
  const line = text.slice(lineStart, lineEnd);
  const trimmed = line.trim();
  if (trimmed.length === 0) return null;
  const lead = line.length - line.trimStart().length;
  // "HEADER" or "Header:" alone on its line
  if (trimmed.length <= MAX_HEADER) {
    const bare = trimmed.replace(/:$/, '');
    const value = patterns.sectionHeaders.get(normalizeHeader(bare)) ?? (isCapitals(bare) ? byHeaderWords(bare, patterns) : undefined);
    if (value) return { ...value, start: lineStart + lead, bodyStart: Math.min(lineEnd + 1, text.length), header: trimmed.replace(/:$/, '') };
  }
  // "Header: text…" — the colon must come early, and "Received: 12/13/2016"-style labels are not headers
  const colon = trimmed.indexOf(':');
  if (colon > 0 && colon <= MAX_HEADER) {
    const head = trimmed.slice(0, colon);
    const value = patterns.sectionHeaders.get(normalizeHeader(head)) ?? (isCapitals(head) ? byHeaderWords(head, patterns) : undefined);
    if (value) {
      const start = lineStart + lead;
      let body = start + colon + 1;
      // "HISTORY OF PRESENT ILLNESS:, The patient" — a stray comma after the colon in some exports
      if (text[body] === ',') body++;
      return { ...value, start, bodyStart: skipSpace(text, body), header: head };
    }
  }
  return null;
}

/** "PERSONAL AND SOCIAL HISTORY", "RECOMMENDATIONS AND PLAN": capitals, letters and a few joiners only. */
function isCapitals(text: string): boolean {
  return /^[A-Z][A-Z /&,'()-]{2,60}$/.test(text) && /[A-Z]{4}/.test(text);
}

/** A header the vocabulary lacks, by the words in it (patterns/sections.json headerWords). */
function byHeaderWords(header: string, patterns: Patterns): { name: string; category: SectionCategory } | undefined {
  const text = header.toLowerCase();
  for (const g of patterns.headerWords) {
    if (g.words.find(text).length > 0) return { name: header.toUpperCase(), category: g.category };
  }
  return undefined;
}

function skipSpace(text: string, i: number): number {
  while (i < text.length && (text[i] === ' ' || text[i] === ',')) i++;
  return i;
}

/** An exam or review-of-systems label ("Lungs: clear", "HEENT: PERRLA"): the body system its clauses are about. */
export interface SystemLabel {
  system: FindingSystem;
  start: number;
  /** after the label and its colon */
  bodyStart: number;
  header: string;
}

// "Lungs:" at a line start, or after a sentence end or a list comma: "... distress.,Vital Signs:  Weight:"
const SYSTEM_LABEL = /(?:^|(?<=[.!?,;]["')]?\s{0,4})|(?<=\n[ \t]*))([A-Za-z][A-Za-z0-9 /&'-]{0,38}[A-Za-z0-9]|[A-Za-z]{1,2}):/gm;

/** The system labels of a text, in order; a label the section vocabulary names as a section is not one. */
export function findSystemLabels(text: string, patterns: Patterns): SystemLabel[] {
  const out: SystemLabel[] = [];
  SYSTEM_LABEL.lastIndex = 0;
  for (let m = SYSTEM_LABEL.exec(text); m; m = SYSTEM_LABEL.exec(text)) {
    const words = m[1] ?? '';
    const key = normalizeHeader(words);
    const system = patterns.systemLabels.get(key);
    if (!system || patterns.sectionHeaders.has(key)) continue;
    // "The pulse: 64" is a sentence; a label starts its clause
    if (/^(?:the|his|her|their|a|an)\s/i.test(words)) continue;
    out.push({ system, start: m.index, bodyStart: skipSpace(text, m.index + m[0].length), header: words });
  }
  return out;
}

/** The label a document offset falls under, within its section; null when none. */
export function systemLabelAt(labels: readonly SystemLabel[], section: Section | null, offset: number): SystemLabel | null {
  let lo = 0;
  let hi = labels.length - 1;
  let best: SystemLabel | null = null;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const l = labels[mid] as SystemLabel;
    if (l.start <= offset) {
      best = l;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  if (!best) return null;
  // a label does not reach across a section header
  if (section && best.start < section.start) return null;
  return best;
}

/** The section a document offset falls in, or null before the first header. */
export function sectionAt(sections: readonly Section[], offset: number): Section | null {
  let lo = 0;
  let hi = sections.length - 1;
  let best: Section | null = null;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = sections[mid] as Section;
    if (s.start <= offset) {
      best = s;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return best && offset < best.end ? best : null;
}
