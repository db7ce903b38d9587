// Phrase matching for vocabularies of hundreds of terms. Text is tokenised once; every token
// position is looked up in a map of term token sequences, longest first. This is linear in the
// text and independent of vocabulary size, unlike one regular expression with 500 alternatives.
// Hyphens and spaces are interchangeable ("follow-up" = "follow up", "x-ray" = "x ray"), and an
// apostrophe is dropped inside a word ("Spurling's" = "spurlings").

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

export class Lexicon<T> {
  private readonly folded = new Map<string, { value: T; term: string }>();
  private readonly exact = new Map<string, { value: T; term: string }>();
  private readonly regexes: { re: RegExp; value: T; term: string }[] = [];
  /** every proper prefix of a term, so a scan stops as soon as no term can continue */
  private readonly foldedPrefixes = new Set<string>();
  private readonly exactPrefixes = new Set<string>();

  constructor(entries: readonly LexiconEntry<T>[]) {
    for (const e of entries) {
      for (const term of e.terms ?? []) this.add(this.folded, this.foldedPrefixes, tokenize(term).map((t) => t.norm), e.value, term);
      for (const term of e.caseSensitive ?? []) this.add(this.exact, this.exactPrefixes, tokenize(term).map((t) => t.raw), e.value, term);
      for (const src of e.patterns ?? []) this.regexes.push({ re: new RegExp(src, 'giu'), value: e.value, term: src });
    }
  }

  private add(map: Map<string, { value: T; term: string }>, prefixes: Set<string>, tokens: string[], value: T, term: string): void {
    if (tokens.length === 0) return;
    const key = tokens.join(' ');
    // The first entry to claim a phrase keeps it: files list the more specific reading first.
    if (!map.has(key)) map.set(key, { value, term });
    for (let n = 1; n < tokens.length; n++) prefixes.add(tokens.slice(0, n).join(' '));
  }

  /** The longest term starting at token i, by either map. */
  private longestAt(tokens: readonly Token[], i: number): { n: number; hit: { value: T; term: string } } | null {
    let best: { n: number; hit: { value: T; term: string } } | null = null;
    let folded = '';
    let exact = '';
    let foldedAlive = true;
    let exactAlive = true;
    for (let j = i; j < tokens.length && (foldedAlive || exactAlive); j++) {
      const tok = tokens[j] as Token;
      if (foldedAlive) {
        folded = j === i ? tok.norm : `${folded} ${tok.norm}`;
        const hit = this.folded.get(folded);
        if (hit) best = { n: j - i + 1, hit };
        foldedAlive = this.foldedPrefixes.has(folded);
      }
      if (exactAlive) {
        exact = j === i ? tok.raw : `${exact} ${tok.raw}`;
        const hit = this.exact.get(exact);
        if (hit && (!best || best.n < j - i + 1)) best = { n: j - i + 1, hit };
        exactAlive = this.exactPrefixes.has(exact);
      }
    }
    return best;
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
    for (const { re, value, term } of this.regexes) {
      re.lastIndex = 0;
      for (let m = re.exec(text); m; m = re.exec(text)) {
        if (m[0].length === 0) {
          re.lastIndex++;
          continue;
        }
        out.push({ start: offset + m.index, end: offset + m.index + m[0].length, text: m[0], value, term });
      }
    }
    return out.sort((a, b) => a.start - b.start || b.end - a.end);
  }
}
