// One ingested document → its events. Pure: no I/O, no clock (the reference date is passed in).
import type { Patterns } from '../patterns/load-patterns.js';
import type { IngestedDocument } from '../ingest/ingest-document.js';
import type { DocumentKind, TimelineEvent } from '../schema.js';
import { analyzeDocument, type AnalyzeOptions } from '../text/analyze.js';
import { classifyDocument } from './document-kind.js';
import { runExtractors, runRefiners } from './engine.js';
import { readLetterFacts } from './letter-facts.js';
import type { ExtractContext, Mention } from './mention.js';
import { EXTRACTORS, REFINERS } from './registry.js';
import { mentionToEvent } from './to-event.js';

export interface ExtractResult {
  kind: DocumentKind;
  events: TimelineEvent[];
  mentions: Mention[];
  context: ExtractContext;
}

export function extractDocument(doc: IngestedDocument, patterns: Patterns, options: AnalyzeOptions = {}): ExtractResult {
  const analyzed = analyzeDocument(doc, patterns, options);
  const kind = classifyDocument(analyzed, patterns);
  const ctx: ExtractContext = { analyzed, patterns, facts: readLetterFacts(analyzed), kind };
  const mentions = runRefiners(ctx, REFINERS, runExtractors(ctx, EXTRACTORS, analyzed.sentences));
  const events = mentions.map((m) => mentionToEvent(ctx, m));
  // an encounter a refiner turned into something else (a radiology report's "Exam Date:") is no visit to point at
  const encounters = new Set(events.filter((e) => e.type === 'encounter').map((e) => e.id));
  for (const e of events) if (e.encounterId && !encounters.has(e.encounterId)) e.encounterId = null;
  return { kind, events, mentions, context: ctx };
}
