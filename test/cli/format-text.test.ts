// The text output's document lines (src/cli/format-text.ts): each document with its kind, in words.
import { describe, expect, it } from 'vitest';
import { formatText, KIND_LABEL } from '../../src/cli/format-text.js';
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
