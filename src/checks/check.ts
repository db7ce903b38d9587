// What a discrepancy check is: a name and a function from the bundle's documents (the model) to
// flags. A check reads events and what extraction recorded on them — findings, services, decision,
// markers, the document's kind — plus the thresholds of patterns/checks.json; it never re-reads
// quotes. Adding a check: one file exporting a Check, one line in registry.ts, its tests.
import type { DocumentResult } from '../model/document-result.js';
import type { Patterns } from '../patterns/load-patterns.js';
import type { Flag } from '../schema.js';

export interface CheckContext {
  /** the pattern configuration; checks read `patterns.data.checks` (thresholds), never the matchers */
  patterns: Patterns;
  documents: readonly Pick<DocumentResult, 'info' | 'events' | 'fingerprints'>[];
  /** "today", for dates in the future */
  referenceDate: Date;
}

export interface Check {
  name: string;
  run(ctx: CheckContext): Flag[];
}
