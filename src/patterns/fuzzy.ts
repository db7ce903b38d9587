// Error-tolerant vocabulary matching. Transcribed notes and OCR'd faxes misspell clinical words
// ("parasthesias", "tenderess", "stenossis", "rigth"); a misspelled word misses its vocabulary entry,
// and a finding or a side is lost. The text is never rewritten (every quote stays the exact source
// text with its offsets): a sentence's tokens keep their offsets and their spelling as written
// (`raw`), and only the form the lexicons match on (`norm`) becomes the vocabulary word, with the
// correction recorded on the token (`corrected`) and on every match that used it.
//
// A word is read as a vocabulary word when (patterns/fuzzy.json):
//   - it is letters only and at least `words.minLength` long,
//   - it is no vocabulary word itself, no English word (an-array-of-english-words), not kept as
//     written (`keep`: drug names, clinical words the English list lacks),
//   - the vocabulary words nearest to it (natural's Damerau-Levenshtein distance, at most
//     `words.maxDistance`, `longWords.maxDistance` for long words) are exactly one word, or one word
//     and its plural ("paresthesis" is one edit from "paresthesia" and from "paresthesias": the one
//     ending as the word does).
// On an OCR'd page a shorter word may be read as one of a few short vocabulary words (`ocr.targets`,
// the sides): "lett" → left, "rigth" → right. Typed text keeps short words as written: "lest",
// "light", "fight" are one edit from a side too, and only OCR confuses glyphs that way.
//
// Candidates come from a deletion index (SymSpell): a word and a vocabulary word within d edits share
// a form with at most d letters deleted from each, so natural's distance (slow: an object per cell)
// is computed for a handful of candidates only. Results are memoised per word.
import { DamerauLevenshteinDistance } from 'natural/lib/natural/distance/index.js';
import type { Correction, Token } from './lexicon.js';
import type { FuzzyFile } from './schemas.js';
import type { z } from 'zod';

export type FuzzyConfig = z.infer<typeof FuzzyFile>;

const LETTERS = /^[a-z]+$/;
// "Keflex", "Prograf": a name; a sentence's or a clause's first word is capitalised anyway
const CAPITALIZED = /^[A-Z][a-z]+$/;
const OPENS = /^[.:;!?(["/#&+-]$/;
// "Dr. Diener": the word after a title is a name, though a full stop comes before it
const TITLES = new Set(['dr', 'mr', 'mrs', 'ms', 'prof']);

/** A list of words to ask about. */
export interface WordList {
  readonly size: number;
  has(word: string): boolean;
}

/** A word list held as a sorted array (sorted here when it is not), looked up by binary search. */
export class SortedWordList implements WordList {
  private readonly words: readonly string[];
  constructor(words: string[]) {
    let sorted = true;
    for (let i = 1; i < words.length && sorted; i++) sorted = (words[i - 1] as string) < (words[i] as string);
    this.words = sorted ? words : [...new Set(words)].sort();
  }
  get size(): number {
    return this.words.length;
  }
  has(word: string): boolean {
    let lo = 0;
    let hi = this.words.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const w = this.words[mid] as string;
      if (w === word) return true;
      if (w < word) lo = mid + 1;
      else hi = mid - 1;
    }
    return false;
  }
}
const MEMO_LIMIT = 50_000;

export class FuzzyReader {
  private readonly vocabulary: ReadonlySet<string>;
  private readonly keep: ReadonlySet<string>;
  private index: Map<string, string[]> | null = null;
  private readonly memo = new Map<string, Correction | null>();
  private readonly ocrMemo = new Map<string, Correction | null>();

  /**
   * `english` is called the first time a word needs it (loading the list costs a few hundred
   * milliseconds and tens of megabytes, once per process or thread).
   */
  constructor(
    readonly config: FuzzyConfig,
    vocabulary: Iterable<string>,
    private readonly english: () => WordList,
  ) {
    this.vocabulary = new Set(vocabulary);
    this.keep = new Set(config.keep);
  }

  /** The sentence's tokens with misspelled words read as vocabulary words (the same array when none is). */
  correct(tokens: Token[], ocr = false): Token[] {
    if (!this.config.enabled) return tokens;
    let out: Token[] | null = null;
    const shortest = ocr ? Math.min(this.config.ocr.minLength, this.config.words.minLength) : this.config.words.minLength;
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i] as Token;
      // most tokens: too short to read, or a word read before and kept as written
      if (t.norm.length < shortest || this.memo.get(t.norm) === null) continue;
      if (this.config.skipCapitalized && CAPITALIZED.test(t.raw) && i > 0 && (!OPENS.test((tokens[i - 1] as Token).raw) || TITLES.has(tokens[i - 2]?.norm ?? ''))) continue;
      const c = this.read(t.norm, ocr);
      if (!c) continue;
      out ??= tokens.slice();
      out[i] = { ...t, norm: c.to, corrected: c };
    }
    return out ?? tokens;
  }

  /** How one lowercase word is read: its correction, or null when it is read as written. */
  read(word: string, ocr = false): Correction | null {
    const { words, ocr: short } = this.config;
    if (word.length < words.minLength) return ocr && word.length >= short.minLength ? this.readShort(word) : null;
    let c = this.memo.get(word);
    if (c === undefined) {
      c = this.readLong(word);
      if (this.memo.size >= MEMO_LIMIT) this.memo.clear();
      this.memo.set(word, c);
    }
    return c;
  }

  private readLong(word: string): Correction | null {
    if (!LETTERS.test(word) || this.vocabulary.has(word) || this.keep.has(word)) return null;
    const long = word.length >= this.config.longWords.minLength;
    const max = long ? this.config.longWords.maxDistance : this.config.words.maxDistance;
    const candidates = new Set<string>();
    const index = this.deletionIndex();
    for (const key of deletions(word, max)) for (const w of index.get(key) ?? []) candidates.add(w);
    if (this.config.sameFirstLetter) for (const c of candidates) if (c[0] !== word[0]) candidates.delete(c);
    if (this.config.skipLastLetter) for (const c of candidates) if (c.length === word.length && c.slice(0, -1) === word.slice(0, -1)) candidates.delete(c);
    if (candidates.size === 0) return null;
    const to = nearest(word, candidates, max);
    // the English list last: most words near no vocabulary word never need it
    if (!to || this.english().has(word)) return null;
    const distance = DamerauLevenshteinDistance(word, to);
    return { from: word, to, rule: distance > this.config.words.maxDistance ? 'fuzzy.long-word' : 'fuzzy.word' };
  }

  private readShort(word: string): Correction | null {
    let c = this.ocrMemo.get(word);
    if (c !== undefined) return c;
    c = null;
    if (LETTERS.test(word) && !this.vocabulary.has(word) && !this.keep.has(word)) {
      const to = nearest(word, this.config.ocr.targets, this.config.ocr.maxDistance);
      if (to && !this.english().has(word)) c = { from: word, to, rule: 'fuzzy.ocr' };
    }
    if (this.ocrMemo.size >= MEMO_LIMIT) this.ocrMemo.clear();
    this.ocrMemo.set(word, c);
    return c;
  }

  /** Every vocabulary word a long enough word may be read as, by each form with up to d letters deleted. */
  private deletionIndex(): Map<string, string[]> {
    if (this.index) return this.index;
    const { words, longWords } = this.config;
    const never = new Set(this.config.neverTargets);
    const index = new Map<string, string[]>();
    for (const w of this.vocabulary) {
      // a short vocabulary word is too near too many words ("plans": "planus"); the OCR targets are read on OCR'd pages only
      if (!LETTERS.test(w) || never.has(w) || w.length < words.minLength) continue;
      const d = w.length >= longWords.minLength - longWords.maxDistance ? longWords.maxDistance : words.maxDistance;
      for (const key of deletions(w, d)) {
        const list = index.get(key);
        if (list) list.push(w);
        else index.set(key, [w]);
      }
    }
    this.index = index;
    return index;
  }
}

/** The word and every form of it with 1..d letters deleted. */
function deletions(word: string, d: number): Set<string> {
  const out = new Set([word]);
  let frontier = [word];
  for (let k = 0; k < d; k++) {
    const next: string[] = [];
    for (const w of frontier) {
      for (let i = 0; i < w.length; i++) {
        const del = w.slice(0, i) + w.slice(i + 1);
        if (!out.has(del)) {
          out.add(del);
          next.push(del);
        }
      }
    }
    frontier = next;
  }
  return out;
}

/**
 * The one candidate nearest to the word within `max` edits, or null when none is or several are.
 * A word and its plural at the same distance count as one: the one ending as the word does.
 */
export function nearest(word: string, candidates: Iterable<string>, max: number): string | null {
  let best: string[] = [];
  let bestDistance = max + 1;
  for (const c of candidates) {
    if (Math.abs(c.length - word.length) > max) continue;
    const d = DamerauLevenshteinDistance(word, c);
    if (d > max) continue;
    if (d < bestDistance) {
      best = [c];
      bestDistance = d;
    } else if (d === bestDistance) best.push(c);
  }
  if (best.length === 1) return best[0] as string;
  if (best.length === 2) {
    const [a, b] = [...best].sort((x, y) => x.length - y.length) as [string, string];
    if (b === `${a}s` || b === `${a}es`) return word.endsWith('s') ? b : a;
  }
  return null;
}
