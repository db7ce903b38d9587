// patterns/providers.json compiled: the cue lexicons and the word lists of src/extract/provider.ts.
import type { z } from 'zod';
import { Lexicon, LexiconSet, tokenize } from './lexicon.js';
import type { IN_HISTORY, PROVIDER_CUE_KINDS, ProvidersFile } from './schemas.js';

export interface AuthorCue {
  id: string;
  kind: (typeof PROVIDER_CUE_KINDS)[number];
}
export interface NarrativeCue {
  id: string;
  inHistory: (typeof IN_HISTORY)[number];
}

export interface ProviderCues {
  titles: Set<string>;
  /** credential as compared (dots removed, as written otherwise) → as shown */
  credentials: Map<string, string>;
  notNameWords: Set<string>;
  notAuthor: Lexicon<true>;
  /** one member: pseudo cues claim their words first ("will be dictated by" is no dictation line) */
  authorCues: Lexicon<AuthorCue>;
  /** the first token of every signature and closing cue ("signed", "sincerely", "/" of "/s/"), lower case: a sentence without one and without a colon holds no author cue */
  authorWords: string[];
  visitCues: LexiconSet<NarrativeCue>;
  facilityCues: LexiconSet<NarrativeCue>;
  facilityLabels: Lexicon<true>;
  /** suffix phrases as lower-case word lists (a word's last period dropped), longest first */
  facilitySuffixes: string[][];
  notFacilityWords: Lexicon<true>;
  genericWords: Set<string>;
  futureBefore: Lexicon<true>;
  pastMarkers: Lexicon<true>;
  /** section headers as written in the file (provider.ts compares them as section headers are) */
  pastSections: readonly string[];
  salutations: Lexicon<true>;
  salutationLines: number;
  /** the first word of each salutation, lower case */
  salutationFirstWords: Set<string>;
  letterhead: { lines: number; maxLineChars: number };
}

export function compileProviderCues(data: z.infer<typeof ProvidersFile>): ProviderCues {
  return {
    titles: new Set(data.titles.map((t) => t.toLowerCase())),
    credentials: new Map(data.credentials.map((c) => [c, c])),
    notNameWords: new Set(data.notNameWords.map((w) => w.toLowerCase())),
    notAuthor: new Lexicon([{ value: true as const, terms: data.notAuthor }]),
    authorCues: new Lexicon(data.authorCues.map((c) => ({ value: { id: c.id, kind: c.kind }, terms: c.terms, caseSensitive: c.caseSensitive, patterns: c.patterns }))),
    authorWords: [...new Set(data.authorCues.filter((c) => c.kind === 'signature' || c.kind === 'closing').flatMap((c) => c.terms.map((t) => tokenize(t)[0]?.norm ?? '')))],
    visitCues: new LexiconSet(data.visitCues.map((c) => [{ value: { id: c.id, inHistory: c.inHistory }, terms: c.terms, caseSensitive: c.caseSensitive, patterns: c.patterns }])),
    facilityCues: new LexiconSet(data.facilityCues.map((c) => [{ value: { id: c.id, inHistory: c.inHistory }, terms: c.terms, caseSensitive: c.caseSensitive, patterns: c.patterns }])),
    facilityLabels: new Lexicon([{ value: true as const, terms: data.facilityLabels }]),
    facilitySuffixes: data.facilitySuffixes
      .map((s) =>
        s
          .toLowerCase()
          .split(/\s+/)
          .map((w) => w.replace(/\.$/, '')),
      )
      .sort((a, b) => b.length - a.length),
    notFacilityWords: new Lexicon([{ value: true as const, terms: data.notFacilityWords }]),
    genericWords: new Set(data.genericWords.map((w) => w.toLowerCase())),
    futureBefore: new Lexicon([{ value: true as const, terms: data.futureBefore }]),
    pastMarkers: new Lexicon([{ value: true as const, terms: data.pastMarkers }]),
    pastSections: data.pastSections,
    salutations: new Lexicon([{ value: true as const, terms: data.salutations }]),
    salutationLines: data.salutationLines,
    salutationFirstWords: new Set(data.salutations.map((t) => tokenize(t)[0]?.norm ?? '')),
    letterhead: { lines: data.letterhead.lines, maxLineChars: data.letterhead.maxLineChars },
  };
}
