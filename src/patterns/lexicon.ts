// Phrase matching for vocabularies of hundreds of terms. Text is tokenised once; every token
// position is looked up in a map of term token sequences, longest first. This is linear in the
// text and independent of vocabulary size, unlike one regular expression with 500 alternatives.
// Hyphens and spaces are interchangeable ("follow-up" = "follow up", "x-ray" = "x ray"), and an
// apostrophe is dropped inside a word ("Spurling's" = "spurlings").

import { mayMatch, requiredLiterals } from './required-literals.js';

/** A misspelled word read as a vocabulary word (src/patterns/fuzzy.ts). */
export interface Correction {
  /** the word as written, lowercase */
  from: string;
  /** the vocabulary word it is read as */
  to: string;
  /** "fuzzy.word", "fuzzy.long-word" or "fuzzy.ocr" */
  rule: string;
}

export interface Token {
  /** lowercase, apostrophes removed; for a corrected token, the vocabulary word it is read as */
  norm: string;
  /** set when `norm` is not the word as written but the vocabulary word a misspelling is read as */
  corrected?: Correction;
  /** as written, apostrophes removed */
  raw: string;
  start: number;
  end: number;
}

const TOKEN = /[A-Za-z0-9]+(?:['’][A-Za-z]+)*|[/+#&°%]|[.,;:()[\]"!?]/g;

export function tokenize(text: string, offset = 0): Token[] {
  const out: Token[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) {
    const raw = m[0].replace(/['’]/g, '');
    out.push({ norm: raw.toLowerCase(), raw, start: offset + m.index, end: offset + m.index + m[0].length });
  }
  return out;
}

export interface LexiconEntry<T> {
  value: T;
  terms?: readonly string[];
  caseSensitive?: readonly string[];
  patterns?: readonly string[];
}

export interface LexiconMatch<T> {
  start: number;
  end: number;
  text: string;
  value: T;
  /** the term or pattern that matched, for provenance ("rule") */
  term: string;
  /** the misspelled words of the text read as the term's words, when any were */
  corrected?: Correction[];
}

interface Hit<T> {
  /** which lexicon of a LexiconSet (0 for a Lexicon of its own) */
  member: number;
  value: T;
  term: string;
}

/** A token trie: each level is keyed by the next token of a term. */
interface TrieNode<T> {
  next: Map<string, TrieNode<T>>;
  /** at most one per member: the first entry of a member to claim a phrase keeps it */
  hits?: Hit<T>[];
}

const trieNode = <T>(): TrieNode<T> => ({ next: new Map() });

/**
 * The phrases of one or more lexicons in two token tries, one per spelling rule (case-folded terms,
 * case-sensitive terms). A scan costs one map lookup per token that starts no term, which is most of
 * them, whatever the vocabulary size ("pain" starts "pain management"; "the" starts nothing).
 */
class PhraseTries<T> {
  private readonly folded = trieNode<T>();
  private readonly exact = trieNode<T>();

  add(member: number, entries: readonly LexiconEntry<T>[]): void {
    for (const e of entries) {
      for (const term of e.terms ?? [])
        PhraseTries.insert(
          this.folded,
          tokenize(term).map((t) => t.norm),
          { member, value: e.value, term },
        );
      for (const term of e.caseSensitive ?? [])
        PhraseTries.insert(
          this.exact,
          tokenize(term).map((t) => t.raw),
          { member, value: e.value, term },
        );
    }
  }

  /** Every word of the case-folded terms. */
  words(into: Set<string>): void {
    const visit = (node: TrieNode<T>): void => {
      for (const [word, child] of node.next) {
        into.add(word);
        visit(child);
      }
    };
    visit(this.folded);
  }

  private static insert<T>(root: TrieNode<T>, tokens: string[], hit: Hit<T>): void {
    if (tokens.length === 0) return;
    let node = root;
    for (const tok of tokens) {
      let child = node.next.get(tok);
      if (!child) node.next.set(tok, (child = trieNode<T>()));
      node = child;
    }
    // The first entry to claim a phrase keeps it: files list the more specific reading first.
    node.hits ??= [];
    if (!node.hits.some((h) => h.member === hit.member)) node.hits.push(hit);
  }

  /** For each member still free at token i, its longest term along this path (deeper overwrites). */
  private static walk<T>(first: TrieNode<T>, tokens: readonly Token[], i: number, key: 'norm' | 'raw', free: Int32Array, best: Map<number, { n: number; hit: Hit<T> }>): void {
    let node: TrieNode<T> | undefined = first;
    for (let j = i + 1; node; j++) {
      for (const h of node.hits ?? []) if ((free[h.member] as number) <= i) best.set(h.member, { n: j - i, hit: h });
      if (j >= tokens.length || node.next.size === 0) break;
      node = node.next.get((tokens[j] as Token)[key]);
    }
  }

  // scratch state of scan, kept between calls: a sentence is scanned by a dozen lexicons, and new
  // arrays and maps for each scan were most of the analysis's garbage
  private free = new Int32Array(1);
  private readonly foldedBest = new Map<number, { n: number; hit: Hit<T> }>();
  private readonly exactBest = new Map<number, { n: number; hit: Hit<T> }>();

  /**
   * Each member's phrase matches (non-overlapping, longest first at each position, in text order),
   * by member index; a member with none may be missing (undefined).
   */
  scan(text: string, tokens: readonly Token[], offset: number, members: number): (LexiconMatch<T>[] | undefined)[] {
    const perMember: (LexiconMatch<T>[] | undefined)[] = [];
    // the token index from which each member may match again (its last match ends before it)
    if (this.free.length < members) this.free = new Int32Array(members);
    const free = this.free;
    free.fill(0, 0, members);
    const folded = this.foldedBest;
    const exact = this.exactBest;
    const emit = (i: number, member: number, best: { n: number; hit: Hit<T> }) => {
      const first = tokens[i] as Token;
      const last = tokens[i + best.n - 1] as Token;
      const match: LexiconMatch<T> = { start: first.start, end: last.end, text: text.slice(first.start - offset, last.end - offset), value: best.hit.value, term: best.hit.term };
      for (let k = i; k < i + best.n; k++) {
        const c = (tokens[k] as Token).corrected;
        if (c) (match.corrected ??= []).push(c);
      }
      (perMember[member] ??= []).push(match);
      free[member] = i + best.n;
    };
    for (let i = 0; i < tokens.length; i++) {
      const tok = tokens[i] as Token;
      const f = this.folded.next.get(tok.norm);
      const e = this.exact.next.size > 0 ? this.exact.next.get(tok.raw) : undefined;
      if (!f && !e) continue;
      folded.clear();
      exact.clear();
      if (f) PhraseTries.walk(f, tokens, i, 'norm', free, folded);
      if (e) PhraseTries.walk(e, tokens, i, 'raw', free, exact);
      // the folded reading wins a tie, the case-sensitive one only when longer
      for (const [member, fb] of folded) {
        const eb = exact.get(member);
        emit(i, member, eb && eb.n > fb.n ? eb : fb);
      }
      for (const [member, eb] of exact) if (!folded.has(member)) emit(i, member, eb);
    }
    return perMember;
  }
}

export class Lexicon<T> {
  private readonly phrases = new PhraseTries<T>();
  /** with the words each cannot match without, tested first (required-literals.ts) */
  private readonly regexes: { re: RegExp; value: T; term: string; required: string[][] }[] = [];

  constructor(entries: readonly LexiconEntry<T>[]) {
    this.phrases.add(0, entries);
    for (const e of entries) {
      for (const src of e.patterns ?? []) this.regexes.push({ re: new RegExp(src, 'giu'), value: e.value, term: src, required: requiredLiterals(src) });
    }
  }

  /** Every word of the case-folded terms (the vocabulary error-tolerant reading reads into). */
  words(into: Set<string> = new Set()): Set<string> {
    this.phrases.words(into);
    return into;
  }

  /** Non-overlapping phrase matches, longest first at each position, plus every pattern match. */
  find(text: string, tokens: readonly Token[] = tokenize(text), offset = 0): LexiconMatch<T>[] {
    const phrases = this.phrases.scan(text, tokens, offset, 1)[0] ?? [];
    return withPatterns(phrases, this.patternMatches(text, offset));
  }

  /** Every match of the entries' regular expressions. */
  patternMatches(text: string, offset = 0): LexiconMatch<T>[] {
    const out: LexiconMatch<T>[] = [];
    if (this.regexes.length === 0) return out;
    const lower = text.toLowerCase();
    for (const { re, value, term, required } of this.regexes) {
      if (!mayMatch(required, lower)) continue;
      re.lastIndex = 0;
      for (let m = re.exec(text); m; m = re.exec(text)) {
        if (m[0].length === 0) {
          re.lastIndex++;
          continue;
        }
        out.push({ start: offset + m.index, end: offset + m.index + m[0].length, text: m[0], value, term });
      }
    }
    return out;
  }
}

/** Phrase matches (in text order) and pattern matches together, by start, longer first. */
function withPatterns<T>(phrases: LexiconMatch<T>[], patterns: LexiconMatch<T>[]): LexiconMatch<T>[] {
  return patterns.length === 0 ? phrases : [...phrases, ...patterns].sort((a, b) => a.start - b.start || b.end - a.end);
}

/**
 * Several lexicons scanned as one: `find` gives exactly what `members.flatMap((l) => l.find(…))`
 * gives (each member's matches non-overlapping and longest first, members in order), but walks one
 * merged trie per token instead of one per member. The assertion and section cues are 19 lexicons
 * (one per role, since "no relief" is a negation and "relief" a response at once); scanning every
 * sentence 19 times was the analysis's largest cost.
 */
export class LexiconSet<T> {
  readonly members: readonly Lexicon<T>[];
  private readonly phrases = new PhraseTries<T>();

  constructor(memberEntries: readonly (readonly LexiconEntry<T>[])[]) {
    this.members = memberEntries.map((entries) => new Lexicon(entries));
    memberEntries.forEach((entries, member) => this.phrases.add(member, entries));
  }

  words(into: Set<string> = new Set()): Set<string> {
    this.phrases.words(into);
    return into;
  }

  find(text: string, tokens: readonly Token[] = tokenize(text), offset = 0): LexiconMatch<T>[] {
    const perMember = this.phrases.scan(text, tokens, offset, this.members.length);
    return this.members.flatMap((lexicon, m) => withPatterns(perMember[m] ?? [], lexicon.patternMatches(text, offset)));
  }
}
