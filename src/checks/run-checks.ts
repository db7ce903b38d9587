// All discrepancy checks over a bundle. A check returns flags as data; it never throws.
import type { Flag } from '../schema.js';
import type { Patterns } from '../patterns/load-patterns.js';
import type { DocumentResult } from '../pipeline.js';
import { chronologyCheck } from './chronology.js';
import { contradictionCheck } from './contradiction.js';
import { duplicateCheck } from './duplicate.js';
import { examPlanMismatchCheck } from './exam-plan-mismatch.js';
import { gapInCareCheck } from './gap-in-care.js';

export interface CheckContext {
  patterns: Patterns;
  documents: readonly Pick<DocumentResult, 'info' | 'events' | 'fingerprints'>[];
  /** "today", for dates in the future */
  referenceDate: Date;
}

export interface Check {
  name: string;
  run(ctx: CheckContext): Flag[];
}

export const CHECKS: readonly Check[] = [examPlanMismatchCheck, contradictionCheck, chronologyCheck, duplicateCheck, gapInCareCheck];

export function runChecks(ctx: CheckContext): Flag[] {
  return CHECKS.flatMap((c) => c.run(ctx));
}
