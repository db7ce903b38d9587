// A document's kind, as the model carries it (schema.ts DocumentKindSchema): which group each kind
// belongs to, and the kind of a document nothing classified.
import type { DocumentKind } from '../schema.js';

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
