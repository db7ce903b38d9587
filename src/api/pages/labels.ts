// Words for codes: "exam_plan_mismatch" → "exam/plan mismatch", and the links pages share.
import type { FlagKind } from '../../schema.js';

const KIND_LABELS: Record<FlagKind, string> = {
  exam_plan_mismatch: 'exam/plan mismatch',
  contradiction: 'contradiction',
  chronology: 'chronology',
  duplicate: 'duplicate',
  gap_in_care: 'gap in care',
};

export function kindLabel(kind: string): string {
  return KIND_LABELS[kind as FlagKind] ?? kind.replace(/_/g, ' ');
}

export function typeLabel(type: string): string {
  return type.replace(/_/g, ' ');
}

export const DECISION_LABELS: Record<string, string> = { confirm: 'Confirmed', dismiss: 'Dismissed', 'needs-info': 'Needs info' };

/** the source page with a quote highlighted (built by hand: URLSearchParams is slow over 5,000 links) */
export function sourceHref(s: { document: string; page: number; start: number; end: number }, bundleId?: string): string {
  return `/documents/${encodeURIComponent(s.document)}/pages/${s.page}?start=${s.start}&end=${s.end}${bundleId ? `&bundle=${encodeURIComponent(bundleId)}` : ''}`;
}

export function shortTime(iso: string | null): string {
  return iso ? `${iso.replace('T', ' ').slice(0, 16)} UTC` : '';
}
