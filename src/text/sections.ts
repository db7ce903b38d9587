// Section headers → spans. Headers are data (patterns/sections.json); a header counts at the start
// of a line, alone on it ("CLINICAL CASE SUMMARY") or before a colon ("Decision rationale: The ..."),
// and an all-capitals header also after a sentence end, as in one-line transcriptions
// ("... allergies. MEDICATIONS:, Claritin.").
import { normalizeHeader, type Patterns } from '../patterns/load-patterns.js';
import type { SectionCategory } from '../patterns/schemas.js';

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
const INLINE_MIXED_HEADER = /(?<=[.!?]["')]?\s{1,4})([A-Z][A-Za-z/&'-]*(?:\s+[A-Za-z/&'-]+){1,5}):/g;

export function findSections(text: string, patterns: Patterns): Section[] {
  const found: Omit<Section, 'end'>[] = [];
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const header = headerAtLineStart(text, lineStart, lineEnd, patterns);
    if (header) found.push(header);
    const line = text.slice(lineStart, lineEnd);
    for (const re of [INLINE_CAPS_HEADER, INLINE_MIXED_HEADER]) {
      re.lastIndex = 0;
      for (let m = re.exec(line); m; m = re.exec(line)) {
        const value = patterns.sectionHeaders.get(normalizeHeader(m[1] ?? ''));
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
    const value = patterns.sectionHeaders.get(normalizeHeader(trimmed.replace(/:$/, '')));
    if (value) return { ...value, start: lineStart + lead, bodyStart: Math.min(lineEnd + 1, text.length), header: trimmed.replace(/:$/, '') };
  }
  // "Header: text…" — the colon must come early, and "Received: 12/13/2016"-style labels are not headers
  const colon = trimmed.indexOf(':');
  if (colon > 0 && colon <= MAX_HEADER) {
    const head = trimmed.slice(0, colon);
    const value = patterns.sectionHeaders.get(normalizeHeader(head));
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

function skipSpace(text: string, i: number): number {
  while (i < text.length && (text[i] === ' ' || text[i] === ',')) i++;
  return i;
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
