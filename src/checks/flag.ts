// Building flags: a discrepancy is data — {kind, rule, summary, evidence} — with a stable id, so the
// same finding on a re-run is the same flag (reviews attach to it).
import { createHash } from 'node:crypto';
import type { Evidence, Flag, Source, TimelineEvent } from '../schema.js';

export interface FlagInput {
  kind: Flag['kind'];
  rule: string;
  severity: Flag['severity'];
  date: string | null;
  summary: string;
  evidence: { role: string; source: Source }[];
  eventIds: string[];
}

export function makeFlag(input: FlagInput): Flag {
  const evidence: Evidence[] = [];
  for (const e of input.evidence) {
    if (!evidence.some((x) => x.document === e.source.document && x.start === e.source.start && x.page === e.source.page && x.role === e.role)) evidence.push({ ...e.source, role: e.role });
  }
  const key = [input.kind, input.rule, input.date ?? '', ...evidence.map((e) => `${e.document}:${e.page}:${e.start}:${e.end}`)].join('|');
  return {
    id: `fl_${createHash('sha1').update(key).digest('hex').slice(0, 16)}`,
    kind: input.kind,
    severity: input.severity,
    date: input.date,
    summary: input.summary,
    evidence,
    eventIds: [...new Set(input.eventIds)],
    rule: input.rule,
  };
}

/** "2014-08-25" → "08/25/14", the way reviewers write dates. */
export function shortDate(date: string | null): string {
  if (!date) return 'undated';
  const [y, m, d] = date.split('-');
  if (!m) return y ?? date;
  if (!d) return `${m}/${y}`;
  return `${m}/${d}/${(y ?? '').slice(2)}`;
}

export function listPhrases(items: readonly string[]): string {
  const unique = [...new Set(items)];
  if (unique.length <= 1) return unique[0] ?? '';
  return `${unique.slice(0, -1).join(', ')} and ${unique.at(-1)}`;
}

export function eventOrder(a: TimelineEvent, b: TimelineEvent): number {
  return a.source.document.localeCompare(b.source.document) || a.source.page - b.source.page || a.source.start - b.source.start;
}
