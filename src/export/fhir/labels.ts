// Words and standard codes for chartline's codes in the FHIR export. A LOINC document type is given
// only where one says exactly what the kind is; every kind keeps chartline's own code beside it.
import type { Coding } from '@medplum/fhirtypes';
import type { DocumentKind, FlagKind } from '../../schema.js';
import { coding } from './elements.js';
import { CS } from './namespace.js';

export const DOCUMENT_KIND_LABELS: Record<DocumentKind['kind'], string> = {
  progress: 'Progress note',
  consult: 'Consultation',
  ime: 'Independent medical examination',
  permanent_stationary: 'Permanent and stationary report',
  imaging: 'Imaging report',
  emg: 'Electrodiagnostic (EMG/NCS) report',
  operative: 'Operative report',
  lab: 'Laboratory report',
  therapy: 'Therapy note',
  discharge: 'Discharge summary',
  emergency: 'Emergency department note',
  review_letter: 'Utilization review or IMR letter',
  records_review: 'Records review',
  rfa: 'Request for authorization',
  fax_cover: 'Fax cover sheet',
  legal_letter: 'Legal or claims letter',
  other: 'Other document',
};

const DOCUMENT_KIND_LOINC: Partial<Record<DocumentKind['kind'], Coding>> = {
  progress: coding(CS.loinc, '11506-3', 'Progress note'),
  consult: coding(CS.loinc, '11488-4', 'Consult note'),
  imaging: coding(CS.loinc, '18748-4', 'Diagnostic imaging study'),
  operative: coding(CS.loinc, '11504-8', 'Surgical operation note'),
  lab: coding(CS.loinc, '11502-2', 'Laboratory report'),
  discharge: coding(CS.loinc, '18842-5', 'Discharge summary'),
};

export const DOCUMENT_GROUP_LABELS: Record<DocumentKind['group'], string> = {
  treating_note: 'Treating note',
  report: 'Report',
  therapy_note: 'Therapy note',
  review_letter: 'Review letter',
  administrative: 'Administrative',
  other: 'Other',
};

/** chartline's code, then LOINC's when there is an exact one */
export function documentKindCodings(kind: DocumentKind['kind']): Coding[] {
  const own = coding(CS.documentKind, kind, DOCUMENT_KIND_LABELS[kind]);
  const loinc = DOCUMENT_KIND_LOINC[kind];
  return loinc ? [own, loinc] : [own];
}

export const FLAG_KIND_LABELS: Record<FlagKind, string> = {
  exam_plan_mismatch: 'Exam/plan mismatch',
  contradiction: 'Contradiction',
  chronology: 'Chronology',
  duplicate: 'Duplicate',
  gap_in_care: 'Gap in care',
};
