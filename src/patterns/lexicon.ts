// Phrase matching for vocabularies of hundreds of terms. Text is tokenised once; every token
// position is looked up in a map of term token sequences, longest first. This is linear in the
// text and independent of vocabulary size, unlike one regular expression with 500 alternatives.
// Hyphens and spaces are interchangeable ("follow-up" = "follow up", "x-ray" = "x ray"), and an
// apostrophe is dropped inside a word ("Spurling's" = "spurlings").

import { mayMatch, requiredLiterals } from './required-literals.js';

export interface Token {
  /** lowercase, apostrophes removed */
  norm: string;
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
}

interface Hit<T> {
  value: T;
  term: string;
}

/** A token trie: each level is keyed by the next token of a term. */
interface TrieNode<T> {
  next: Map<string, TrieNode<T>>;
  hit?: Hit<T>;
}

const trieNode = <T>(): TrieNode<T> => ({ next: new Map() });

export class Lexicon<T> {
  // A trie per spelling rule: a scan costs one map lookup per token that starts no term, which is
  // most of them, whatever the vocabulary size ("pain" starts "pain management"; "the" starts nothing).
  private readonly folded = trieNode<T>();
  private readonly exact = trieNode<T>();
  /** with the words each cannot match without, tested first (required-literals.ts) */
  private readonly regexes: { re: RegExp; value: T; term: string; required: string[][] }[] = [];

  constructor(entries: readonly LexiconEntry<T>[]) {
    for (const e of entries) {
      for (const term of e.terms ?? []) this.add(this.folded, tokenize(term).map((t) => t.norm), e.value, term);
      for (const term of e.caseSensitive ?? []) this.add(this.exact, tokenize(term).map((t) => t.raw), e.value, term);
      for (const src of e.patterns ?? []) this.regexes.push({ re: new RegExp(src, 'giu'), value: e.value, term: src, required: requiredLiterals(src) });
    }
  }

  private add(root: TrieNode<T>, tokens: string[], value: T, term: string): void {
    if (tokens.length === 0) return;
    let node = root;
    for (const tok of tokens) {
      let child = node.next.get(tok);
      if (!child) node.next.set(tok, (child = trieNode<T>()));
      node = child;
    }
    // The first entry to claim a phrase keeps it: files list the more specific reading first.
    node.hit ??= { value, term };
  }

  /** Tokens in the longest term through `first` (the node of token i), and its hit. */
  private static walk<T>(first: TrieNode<T>, tokens: readonly Token[], i: number, key: 'norm' | 'raw'): { n: number; hit: Hit<T> | undefined } {
    let node: TrieNode<T> | undefined = first;
    let n = 0;
    let hit: Hit<T> | undefined;
    for (let j = i + 1; node; j++) {
      if (node.hit) {
        n = j - i;
        hit = node.hit;
      }
      if (j >= tokens.length || node.next.size === 0) break;
      node = node.next.get((tokens[j] as Token)[key]);
    }
    return { n, hit };
  }

  /** The longest term starting at token i, by either spelling rule (folded wins a tie). */
  private longestAt(tokens: readonly Token[], i: number): { n: number; hit: Hit<T> } | null {
    const tok = tokens[i] as Token;
    const f = this.folded.next.get(tok.norm);
    const e = this.exact.next.size > 0 ? this.exact.next.get(tok.raw) : undefined;
    if (!f && !e) return null;
    const folded = f ? Lexicon.walk(f, tokens, i, 'norm') : null;
    const exact = e ? Lexicon.walk(e, tokens, i, 'raw') : null;
    const best = exact?.hit && (!folded?.hit || exact.n > folded.n) ? exact : folded;
    return best?.hit ? { n: best.n, hit: best.hit } : null;
  }

  /** Non-overlapping phrase matches, longest first at each position, plus every pattern match. */
  find(text: string, tokens: readonly Token[] = tokenize(text), offset = 0): LexiconMatch<T>[] {
    const out: LexiconMatch<T>[] = [];
    for (let i = 0; i < tokens.length; ) {
      const found = this.longestAt(tokens, i);
      if (!found) {
        i++;
        continue;
      }
      const first = tokens[i] as Token;
      const last = tokens[i + found.n - 1] as Token;
      out.push({ start: first.start, end: last.end, text: text.slice(first.start - offset, last.end - offset), value: found.hit.value, term: found.hit.term });
      i += found.n;
    }
    out.push(...this.patternMatches(text, offset));
    return out.sort((a, b) => a.start - b.start || b.end - a.end);
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

interface MemberHit<T> extends Hit<T> {
  member: number;
}

interface SetNode<T> {
  next: Map<string, SetNode<T>>;
  /** at most one per member: the first entry of a member to claim a phrase keeps it */
  hits?: MemberHit<T>[];
}

const setNode = <T>(): SetNode<T> => ({ next: new Map() });

/**
 * Several lexicons scanned as one: `find` gives exactly what `members.flatMap((l) => l.find(…))`
 * gives (each member's matches non-overlapping and longest first, members in order), but walks one
 * merged trie per token instead of one per member. The assertion and section cues are 19 lexicons
 * (one per role, since "no relief" is a negation and "relief" a response at once); scanning every
 * sentence 19 times was the analysis's largest cost.
 */
export class LexiconSet<T> {
  readonly members: readonly Lexicon<T>[];
  private readonly folded = setNode<T>();
  private readonly exact = setNode<T>();

  constructor(memberEntries: readonly (readonly LexiconEntry<T>[])[]) {
    this.members = memberEntries.map((entries) => new Lexicon(entries));
    memberEntries.forEach((entries, member) => {
      for (const e of entries) {
        for (const term of e.terms ?? []) LexiconSet.add(this.folded, tokenize(term).map((t) => t.norm), { member, value: e.value, term });
        for (const term of e.caseSensitive ?? []) LexiconSet.add(this.exact, tokenize(term).map((t) => t.raw), { member, value: e.value, term });
      }
    });
  }

  private static add<T>(root: SetNode<T>, tokens: string[], hit: MemberHit<T>): void {
    if (tokens.length === 0) return;
    let node = root;
    for (const tok of tokens) {
      let child = node.next.get(tok);
      if (!child) node.next.set(tok, (child = setNode<T>()));
      node = child;
    }
    node.hits ??= [];
    if (!node.hits.some((h) => h.member === hit.member)) node.hits.push(hit);
  }

  /** For each member still free at token i, its longest term along this path (deeper overwrites). */
  private static walk<T>(first: SetNode<T>, tokens: readonly Token[], i: number, key: 'norm' | 'raw', free: Int32Array, best: Map<number, { n: number; hit: Hit<T> }>): void {
    let node: SetNode<T> | undefined = first;
    for (let j = i + 1; node; j++) {
      for (const h of node.hits ?? []) if ((free[h.member] as number) <= i) best.set(h.member, { n: j - i, hit: h });
      if (j >= tokens.length || node.next.size === 0) break;
      node = node.next.get((tokens[j] as Token)[key]);
    }
  }

  find(text: string, tokens: readonly Token[] = tokenize(text), offset = 0): LexiconMatch<T>[] {
    const perMember: LexiconMatch<T>[][] = this.members.map(() => []);
    // the token index from which each member may match again (its last match ends before it)
    const free = new Int32Array(this.members.length);
    const folded = new Map<number, { n: number; hit: Hit<T> }>();
    const exact = new Map<number, { n: number; hit: Hit<T> }>();
    for (let i = 0; i < tokens.length; i++) {
      const tok = tokens[i] as Token;
      const f = this.folded.next.get(tok.norm);
      const e = this.exact.next.size > 0 ? this.exact.next.get(tok.raw) : undefined;
      if (!f && !e) continue;
      folded.clear();
      exact.clear();
      if (f) LexiconSet.walk(f, tokens, i, 'norm', free, folded);
      if (e) LexiconSet.walk(e, tokens, i, 'raw', free, exact);
      const emit = (member: number, best: { n: number; hit: Hit<T> }) => {
        const last = tokens[i + best.n - 1] as Token;
        (perMember[member] as LexiconMatch<T>[]).push({ start: tok.start, end: last.end, text: text.slice(tok.start - offset, last.end - offset), value: best.hit.value, term: best.hit.term });
        free[member] = i + best.n;
      };
      // as in Lexicon: the folded reading wins a tie, the case-sensitive one only when longer
      for (const [member, fb] of folded) {
        const eb = exact.get(member);
        emit(member, eb && eb.n > fb.n ? eb : fb);
      }
      for (const [member, eb] of exact) if (!folded.has(member)) emit(member, eb);
    }
    return this.members.flatMap((lexicon, m) => {
      const own = perMember[m] as LexiconMatch<T>[];
      const patterns = lexicon.patternMatches(text, offset);
      return patterns.length === 0 ? own : [...own, ...patterns].sort((a, b) => a.start - b.start || b.end - a.end);
    });
  }
}
