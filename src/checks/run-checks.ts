// All discrepancy checks over a bundle. A check returns flags as data; it never throws.
import type { Flag } from '../schema.js';
import type { Patterns } from '../patterns/load-patterns.js';
import type { DocumentResult } from '../pipeline.js';

export interface CheckContext {
  patterns: Patterns;
  documents: readonly DocumentResult[];
  /** "today", for dates in the future */
  referenceDate: Date;
}

export interface Check {
  name: string;
  run(ctx: CheckContext): Flag[];
}

export const CHECKS: Check[] = [];

export function runChecks(ctx: CheckContext): Flag[] {
  return CHECKS.flatMap((c) => c.run(ctx));
}
