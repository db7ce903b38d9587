// The extraction engine, in the manner of chrono-node: extractors find candidate matches in one
// sentence and turn each into a mention (or nothing); refiners then map the document's mentions to
// mentions (attach dates from context, merge, drop). The engine owns the looping and the order;
// units own one decision each.
import type { AnalyzedSentence } from '../text/analyze.js';
import type { ExtractContext, Mention } from './mention.js';

export interface Extractor<M = unknown> {
  name: string;
  /** candidate matches in a sentence (lexicon hits, dates, the sentence itself) */
  pattern(s: AnalyzedSentence, ctx: ExtractContext): readonly M[];
  /** one candidate → mentions, or null when it is not what this extractor reads */
  extract(ctx: ExtractContext, s: AnalyzedSentence, match: M): Mention | Mention[] | null;
}

export interface Refiner {
  name: string;
  refine(ctx: ExtractContext, mentions: Mention[]): Mention[];
}

export function runExtractors(ctx: ExtractContext, extractors: readonly Extractor<any>[], sentences: readonly AnalyzedSentence[]): Mention[] {
  const mentions: Mention[] = [];
  for (const s of sentences) {
    for (const ex of extractors) {
      for (const match of ex.pattern(s, ctx)) {
        const out = ex.extract(ctx, s, match);
        if (!out) continue;
        if (Array.isArray(out)) mentions.push(...out);
        else mentions.push(out);
      }
    }
  }
  return mentions;
}

export function runRefiners(ctx: ExtractContext, refiners: readonly Refiner[], mentions: Mention[]): Mention[] {
  let current = mentions;
  for (const r of refiners) current = r.refine(ctx, current);
  return current;
}
