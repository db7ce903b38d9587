// patterns/document-kinds.json compiled: one lexicon per cue set, scanned together (a LexiconSet), so
// a phrase can speak for two cue sets ("nerve conduction" in an EMG report's title and in its text).
import type { DocumentKind } from '../schema.js';
import { LexiconSet } from './lexicon.js';
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
  /** in file order; the member index of a cue in `lexicon` is its index here */
  cues: DocumentKindCue[];
  lexicon: LexiconSet<DocumentKindCue>;
}

export function compileDocumentKindCues(data: z.infer<typeof DocumentKindsFile>): DocumentKindCues {
  const cues = data.cues.map((c) => ({ id: c.id, kind: c.kind, scope: c.scope, weight: c.weight, maxTerms: c.maxTerms, minTerms: c.minTerms }));
  return {
    top: { lines: data.top.lines, chars: data.top.chars, boost: data.top.boost, titleLineChars: data.top.titleLineChars },
    minScore: data.minScore,
    cues,
    lexicon: new LexiconSet(data.cues.map((c, i) => [{ value: cues[i] as DocumentKindCue, terms: c.terms, caseSensitive: c.caseSensitive, patterns: c.patterns }])),
  };
}
