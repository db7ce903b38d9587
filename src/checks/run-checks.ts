// All discrepancy checks over a bundle. A check returns flags as data; it never throws.
import type { Flag } from '../schema.js';
import { makeFlag } from './flag.js';
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
  return mergeSameFinding(CHECKS.flatMap((c) => c.run(ctx)));
}

/**
 * The same discrepancy found in two documents of a bundle (the visit note and a review letter that
 * summarises it) is one flag for the reviewer, with the evidence of both.
 */
function mergeSameFinding(flags: Flag[]): Flag[] {
  const groups = new Map<string, Flag[]>();
  for (const f of flags) {
    const key = f.date === null ? f.id : `${f.kind}|${f.rule}|${f.date}`;
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  return [...groups.values()].map((group) => {
    const first = group[0] as Flag;
    if (group.length === 1) return first;
    return makeFlag({
      kind: first.kind,
      rule: first.rule,
      severity: first.severity,
      date: first.date,
      summary: first.summary,
      evidence: group.flatMap((f) => f.evidence.map(({ role, ...source }) => ({ role, source }))),
      eventIds: group.flatMap((f) => f.eventIds),
    });
  });
}
