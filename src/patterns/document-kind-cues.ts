// patterns/document-kinds.json compiled into one lexicon: each phrase carries every cue set it is a
// term of ("nerve conduction" speaks for an EMG report's title and its text), so a document is
// scanned once, not once per cue set.
import type { DocumentKind } from '../schema.js';
import { Lexicon, tokenize } from './lexicon.js';
import type { DocumentKindsFile, DOCUMENT_KIND_SCOPES } from './schemas.js';
import type { z } from 'zod';

export interface DocumentKindCue {
  /** the rule id a decided document carries ("operative.headings") */
  id: string;
  kind: Exclude<DocumentKind['kind'], 'other'>;
  scope: (typeof DOCUMENT_KIND_SCOPES)[number];
  weight: number;
  maxTerms: number;
  minTerms: number;
}

export interface DocumentKindCues {
  top: { lines: number; chars: number; boost: number; titleLineChars: number };
  minScore: number;
  scanChars: number;
  /** in file order */
  cues: DocumentKindCue[];
  /** each phrase or pattern with the cue sets it belongs to */
  lexicon: Lexicon<DocumentKindCue[]>;
}

export function compileDocumentKindCues(data: z.infer<typeof DocumentKindsFile>): DocumentKindCues {
  const cues = data.cues.map((c) => ({ id: c.id, kind: c.kind, scope: c.scope, weight: c.weight, maxTerms: c.maxTerms, minTerms: c.minTerms }));
  return {
    top: { lines: data.top.lines, chars: data.top.chars, boost: data.top.boost, titleLineChars: data.top.titleLineChars },
    minScore: data.minScore,
    scanChars: data.scanChars,
    cues,
    lexicon: new Lexicon(mergeTerms(data.cues, cues)),
  };
}

/** One entry per distinct phrase (as the lexicon compares it) and per pattern, with its cue sets. */
function mergeTerms(data: z.infer<typeof DocumentKindsFile>['cues'], cues: DocumentKindCue[]): { value: DocumentKindCue[]; terms?: string[]; caseSensitive?: string[]; patterns?: string[] }[] {
  const folded = new Map<string, { value: DocumentKindCue[]; terms: string[] }>();
  const exact = new Map<string, { value: DocumentKindCue[]; caseSensitive: string[] }>();
  const patterns = new Map<string, { value: DocumentKindCue[]; patterns: string[] }>();
  data.forEach((c, i) => {
    const cue = cues[i] as DocumentKindCue;
    const add = <E extends { value: DocumentKindCue[] }>(map: Map<string, E>, key: string, make: () => E) => {
      const e = map.get(key) ?? make();
      if (!e.value.includes(cue)) e.value.push(cue);
      map.set(key, e);
    };
    for (const t of c.terms)
      add(
        folded,
        tokenize(t)
          .map((k) => k.norm)
          .join(' '),
        () => ({ value: [], terms: [t] }),
      );
    for (const t of c.caseSensitive)
      add(
        exact,
        tokenize(t)
          .map((k) => k.raw)
          .join(' '),
        () => ({ value: [], caseSensitive: [t] }),
      );
    for (const p of c.patterns) add(patterns, p, () => ({ value: [], patterns: [p] }));
  });
  return [...folded.values(), ...exact.values(), ...patterns.values()];
}
