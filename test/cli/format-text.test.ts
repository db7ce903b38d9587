// The text output's document lines (src/cli/format-text.ts): each document with its kind, in words.
import { describe, expect, it } from 'vitest';
import { formatText, KIND_LABEL } from '../../src/cli/format-text.js';
import { processBundle } from '../../src/pipeline.js';
import { documentKind, UNCLASSIFIED } from '../../src/model/document-kind.js';
import { DOCUMENT_KINDS, type DocumentInfo, type Timeline } from '../../src/schema.js';

const doc = (name: string, kind: DocumentInfo['kind'], errors: DocumentInfo['errors'] = []): DocumentInfo => ({ id: name.slice(0, 16), name, pages: 2, sha256: 'a'.repeat(64), kind, errors });

describe('formatText: documents', () => {
  it.each<[DocumentInfo['kind'], string]>([
    [documentKind('progress', 'progress.title'), '  05-pr2.pdf · 2 pages · progress note'],
    [documentKind('review_letter', 'review.title'), '  05-pr2.pdf · 2 pages · review letter (UR/IMR)'],
    [documentKind('operative', 'operative.headings'), '  05-pr2.pdf · 2 pages · operative/procedure report'],
    [UNCLASSIFIED, '  05-pr2.pdf · 2 pages · kind not recognised'],
  ])('a document of kind %j', (kind, line) => {
    const t: Timeline = { bundle: 'b', documents: [doc('05-pr2.pdf', kind)], events: [], flags: [] };
    expect(formatText(t).split('\n')).toContain(line);
  });

  it('a document that could not be read shows its error, not a kind', () => {
    const t: Timeline = { bundle: 'b', documents: [doc('scan.pdf', UNCLASSIFIED, [{ code: 'needs_ocr', message: 'scan.pdf: needs OCR' }])], events: [], flags: [] };
    const lines = formatText(t).split('\n');
    expect(lines).toContain('  scan.pdf · 2 pages');
    expect(lines).toContain('    ! scan.pdf: needs OCR');
  });

  it('every kind has words of its own', () => {
    const labels = DOCUMENT_KINDS.map((k) => KIND_LABEL[k]);
    expect(labels.every((l) => l.length > 0)).toBe(true);
    expect(new Set(labels).size).toBe(DOCUMENT_KINDS.length);
  });
});

describe('formatText: one heading per visit or report, its findings folded under it', () => {
  const note = [
    'PROGRESS REPORT',
    'DATE OF SERVICE: 03/04/2015',
    'Provider: Dana Whitfield, MD',
    'HISTORY: She fell at work on 01/12/2015 and had an MRI of the left knee on 02/02/2015.',
    'PHYSICAL EXAMINATION: Left knee: tenderness over the medial joint line. McMurray test positive on the left. Strength 4+/5 in the left quadriceps. No edema.',
    'PLAN: Physical therapy twice a week for 6 weeks.',
  ].join('\n');

  it.each<[string, RegExp]>([
    ['the visit heading carries its date, kind and clinician', /^2015-03-04 · Progress note · Dana Whitfield, MD \[knee-note\.txt p\.1\]$/m],
    ['a finding is shown in words under its visit', /^ {4}exam {7}abnormal strength 4\+\/5 left leg · Strength 4\+\/5 in the left quadriceps\. \[p\.1\]$/m],
    ['an absent sign says so', /^ {4}exam {7}absent edema · No edema\. \[p\.1\]$/m],
    ['a plan stays with the visit it was made at', /^ {4}plan {7}PLAN: Physical therapy twice a week for 6 weeks\. \[p\.1\]$/m],
  ])('%s', async (_, line) => {
    const t = await processBundle('b', [{ name: 'knee-note.txt', data: Buffer.from(note) }], { referenceDate: new Date('2020-01-01T00:00:00Z') });
    expect(formatText(t, { width: 200 })).toMatch(line);
  });

  it('an event told at the visit with a date of its own shows that date', async () => {
    const t = await processBundle('b', [{ name: 'knee-note.txt', data: Buffer.from(note) }], { referenceDate: new Date('2020-01-01T00:00:00Z') });
    expect(formatText(t, { width: 200 })).toMatch(/^ {4}imaging {4}HISTORY: She fell at work on 01\/12\/2015 and had an MRI of the left knee on 02\/02\/2015\. \(2015-02-02\) \[p\.1\]$/m);
  });

  it('a text with no dated event still lists what it found, under an undated heading', async () => {
    const t = await processBundle('b', [{ name: 'n.txt', data: Buffer.from('PHYSICAL EXAMINATION: No edema. Lungs clear to auscultation.') }], { referenceDate: new Date('2020-01-01T00:00:00Z') });
    const out = formatText(t, { width: 200 });
    expect(out).toMatch(/^undated/m);
    expect(out).toMatch(/absent edema · .*No edema\./);
  });
});
