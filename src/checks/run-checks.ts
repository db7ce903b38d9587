// All discrepancy checks over a bundle. A check returns flags as data; it never throws.
import type { Flag } from '../schema.js';
import { makeFlag } from './flag.js';
import type { CheckContext } from './check.js';
import { CHECKS } from './registry.js';

export type { Check, CheckContext } from './check.js';

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
