// A document's kind, as the model carries it (schema.ts DocumentKindSchema): which group each kind
// belongs to, and the kind of a document nothing classified.
import type { DocumentKind, TimelineEvent } from '../schema.js';

export const GROUP_OF: Record<DocumentKind['kind'], DocumentKind['group']> = {
  progress: 'treating_note',
  consult: 'treating_note',
  ime: 'treating_note',
  permanent_stationary: 'treating_note',
  discharge: 'treating_note',
  emergency: 'treating_note',
  imaging: 'report',
  emg: 'report',
  operative: 'report',
  lab: 'report',
  therapy: 'therapy_note',
  review_letter: 'review_letter',
  records_review: 'review_letter',
  rfa: 'administrative',
  fax_cover: 'administrative',
  legal_letter: 'administrative',
  other: 'other',
};

export const UNCLASSIFIED: DocumentKind = { kind: 'other', group: 'other', rule: null };

export function documentKind(kind: DocumentKind['kind'], rule: string | null): DocumentKind {
  return { kind, group: GROUP_OF[kind], rule };
}

/** UR and IMR letters and records reviews summarise selected visits: absences in them prove nothing. */
export function isReviewKind(kind: DocumentKind['kind'] | undefined): boolean {
  return kind === 'review_letter' || kind === 'records_review';
}

/** A document of a UR or IMR letter or a records review, by its events: it summarises selected visits, so absences in it prove nothing. */
export function isReviewLetter(events: readonly Pick<TimelineEvent, 'documentKind' | 'decision'>[]): boolean {
  return isReviewKind(events[0]?.documentKind) || events.some((e) => e.decision?.itemLine === true);
}
