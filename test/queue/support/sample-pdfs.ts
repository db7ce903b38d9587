// Small record PDFs made in the test (a clean checkout has no patient records): text-layer pages of
// clinical sentences, as a clinic's EHR would print them.
import { makePdf } from '../../support/make-pdf.js';
import type { InputFile } from '../../../src/ingest/ingest-document.js';

export { makePdf };

/** "%PDF-1.4" and garbage: detected as a PDF, unreadable as one */
export function corruptPdf(): Uint8Array {
  return new Uint8Array(Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.from('1 0 obj << /Garbage ] stream '.repeat(20))]));
}

const VISITS = [
  [
    '07/29/2014',
    'low back pain radiating to the left leg, rated 7/10',
    '4/5 weakness of the left EHL. Positive straight leg raise on the left.',
    'Referral to physical therapy for 12 sessions. Request MRI of the lumbar spine.',
  ],
  ['08/26/2014', 'persistent low back pain, rated 6/10', 'Tenderness over the lumbar paraspinals. Normal sensation in both legs.', 'Continue home exercise program. Follow up in four weeks.'],
  ['09/23/2014', 'low back pain improved, rated 4/10', 'Full strength in both lower extremities. Negative straight leg raise.', 'Request lumbar epidural steroid injection at L4-L5.'],
];

/** A progress note per page, one visit each, e.g. visit(0) → "PROGRESS NOTE / Date of service: 07/29/2014 …" */
export function visitPage(i: number): string[] {
  const [date, complaint, exam, plan] = VISITS[i % VISITS.length] as string[];
  return ['PROGRESS NOTE', `Date of service: ${date}`, 'The claimant injured his low back on 01/12/10 when he stepped into a hole.', `He reports ${complaint}.`, `Exam: ${exam}`, `Plan: ${plan}`];
}

export async function progressNotes(pages: number): Promise<Uint8Array> {
  return makePdf(Array.from({ length: pages }, (_, i) => visitPage(i)));
}

export async function mriReport(): Promise<Uint8Array> {
  return makePdf([
    ['RADIOLOGY REPORT', 'MRI of the lumbar spine dated 02/12/14 revealed no disc herniations.', 'There was moderate left and mild right facet arthrosis at L5-S1.'],
    ['Impression: facet arthrosis at L5-S1 only.', 'Electronically signed 02/13/2014.'],
  ]);
}

/** two readable documents and one corrupt one */
export async function sampleBundle(): Promise<InputFile[]> {
  return [
    { name: 'progress-notes.pdf', data: await progressNotes(3) },
    { name: 'mri-report.pdf', data: await mriReport() },
    { name: 'fax-scan.pdf', data: corruptPdf() },
  ];
}
