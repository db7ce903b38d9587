// The chronology: one row per encounter or report, everything reported at it folded underneath.
// Table-driven on small timelines built here, plus the lumbar sample read by the real pipeline.
import { describe, expect, it } from 'vitest';
import { buildChronology, isFormText, rowSummary } from '../../src/export/chronology.js';
import { longDate, usDate } from '../../src/export/format.js';
import { processBundle } from '../../src/pipeline.js';
import type { DocumentInfo, Flag, TimelineEvent } from '../../src/schema.js';
import { CONSULT, lumbarFiles, PAIN_NOTE } from '../api/support/samples.js';

let n = 0;
function ev(p: Partial<TimelineEvent> & { type: TimelineEvent['type']; quote: string; doc?: string; page?: number; start?: number }): TimelineEvent {
  const start = p.start ?? n * 100;
  const source = { document: p.doc ?? 'doc1', page: p.page ?? 1, start, end: start + p.quote.length, quote: p.quote };
  n++;
  return {
    id: p.id ?? `ev_${String(n).padStart(16, '0')}`,
    type: p.type,
    date: p.date ?? null,
    dateText: p.dateText ?? null,
    dateCertainty: p.date ? 'explicit' : null,
    reportedOn: p.reportedOn ?? null,
    summary: `X: ${p.quote}`,
    section: null,
    sectionCategory: p.sectionCategory ?? null,
    assertion: 'present',
    anatomy: { bodyParts: [], side: null, levels: [] },
    measures: [],
    findings: p.findings ?? [],
    services: [],
    decision: null,
    markers: [],
    documentKind: 'other',
    encounterId: p.encounterId ?? null,
    provider: p.provider ?? null,
    facility: p.facility ?? null,
    rule: 'test',
    source,
    sources: [source],
  };
}
const doc = (id: string, name: string, kind: DocumentInfo['kind']['kind'] = 'other'): DocumentInfo => ({
  id,
  name,
  pages: 3,
  sha256: id.padEnd(64, '0'),
  kind: { kind, group: 'other', rule: null },
  errors: [],
});

describe('rows without encounter links: document and reporting visit', () => {
  it('groups a note by the visit it reports, keeps an earlier study in it with its own date, and places undated statements where they are written', () => {
    const events = [
      ev({ type: 'encounter', date: '2014-08-25', quote: 'Date of Service: 08/25/14', start: 10 }),
      ev({ type: 'exam_finding', date: '2014-08-25', reportedOn: '2014-08-25', quote: 'Straight leg raise is positive on the left.', start: 200, sectionCategory: 'exam' }),
      ev({ type: 'imaging', date: '2014-02-12', reportedOn: '2014-08-25', quote: 'MRI dated 02/12/14 showed facet arthrosis.', start: 300 }),
      ev({ type: 'diagnosis', quote: 'Lumbar facet arthropathy, L5-S1.', start: 400, sectionCategory: 'assessment' }),
      ev({ type: 'plan', date: '2014-08-25', reportedOn: '2014-08-25', quote: 'Repeat MRI of the lumbar spine without contrast.', start: 500, sectionCategory: 'plan' }),
      ev({ type: 'imaging', date: '2014-02-12', quote: 'Exam date: 02/12/2014', doc: 'mri', start: 5 }),
      ev({ type: 'imaging', date: '2014-02-12', reportedOn: '2014-02-12', quote: 'No disc herniation at any lumbar level.', doc: 'mri', start: 90, sectionCategory: 'assessment' }),
    ];
    const c = buildChronology({ documents: [doc('mri', 'mri.pdf'), doc('doc1', 'consult.pdf')], events, flags: [] });
    expect(c.rows.map((r) => [r.date, r.document.name, r.items.length])).toEqual([
      ['2014-02-12', 'mri.pdf', 2],
      ['2014-08-25', 'consult.pdf', 5],
    ]);
    const visit = c.rows[1]!;
    expect(visit.items.find((i) => i.text.startsWith('MRI dated'))?.otherDate).toBe('2014-02-12');
    expect(visit.items.find((i) => i.text.startsWith('Lumbar facet'))).toMatchObject({ undated: true, group: 'diagnosis' });
    expect(visit.summary).toBe('Dx: Lumbar facet arthropathy, L5-S1 · Plan: Repeat MRI of the lumbar spine without contrast');
    expect(c.rows[0]!.kind).toBe('Imaging');
    expect(c.rows[0]!.summary).toMatch(/^Impression: No disc herniation/);
    expect(c).toMatchObject({ events: 7, from: '2014-02-12', to: '2014-08-25' });
  });

  it('folds a date a note merely mentions into the visit whose text it is in', () => {
    const events = [
      ev({ type: 'encounter', date: '2011-09-10', quote: 'Date of Exam: 09/10/11', start: 0 }),
      ev({ type: 'exam_finding', date: '2011-09-10', reportedOn: '2011-09-10', quote: 'Tenderness over the trapezius.', start: 100 }),
      ev({ type: 'exam_finding', date: '2011-09-10', reportedOn: '2011-09-10', quote: 'Spurling test negative.', start: 150 }),
      ev({ type: 'encounter', date: '2011-07-14', reportedOn: '2011-07-01', quote: '7-14-11: A follow-up visit for the neck took place.', start: 300 }),
    ];
    const c = buildChronology({ documents: [doc('doc1', 'consult.pdf')], events, flags: [] });
    expect(c.rows).toHaveLength(1);
    expect(c.rows[0]!.items.find((i) => i.text.startsWith('7-14-11'))?.otherDate).toBe('2011-07-14');
  });

  it('makes one undated row for a document with no date at all, last', () => {
    const c = buildChronology({
      documents: [doc('a', 'a.txt'), doc('b', 'b.txt')],
      events: [ev({ type: 'plan', quote: 'Continue therapy.', doc: 'b' }), ev({ type: 'encounter', date: '2015-01-02', quote: 'Seen 01/02/15', doc: 'a' })],
      flags: [],
    });
    expect(c.rows.map((r) => [r.date, r.document.name, r.summary])).toEqual([
      ['2015-01-02', 'a.txt', 'Seen 01/02/15'],
      [null, 'b.txt', 'Plan: Continue therapy'],
    ]);
  });
});

describe("rows with encounter links (the model's encounterId, provider, facility)", () => {
  it('heads each row with its encounter, its provider and facility; findings fold under it, also from another page', () => {
    const enc = ev({ id: 'ev_enc0000000000001', type: 'encounter', date: '2016-03-07', quote: 'Date of visit: 03/07/16', provider: 'A. Ortiz, MD', facility: 'Valley Ortho' });
    const other = ev({ id: 'ev_enc0000000000002', type: 'encounter', date: '2016-03-07', quote: 'PT evaluation 03/07/16', provider: 'B. Lee, PT', facility: 'Stride Rehab', start: 5000 });
    const abnormal = {
      concept: 'neuro.strength',
      system: 'neuro' as const,
      polarity: 'abnormal' as const,
      value: '4/5',
      site: 'EHL',
      side: 'left' as const,
      assertion: 'present' as const,
      reported: false,
      text: '4/5',
      rule: 'x',
      page: 2,
      span: { start: 0, end: 3 },
    };
    const events = [
      enc,
      other,
      ev({ type: 'exam_finding', date: '2016-03-07', quote: 'Reflexes 2+ and symmetric.', encounterId: enc.id, page: 2 }),
      ev({ type: 'exam_finding', date: '2016-03-07', quote: '4/5 weakness of the left EHL.', encounterId: enc.id, page: 2, findings: [abnormal] }),
      ev({ type: 'plan', quote: 'Return in 4 weeks.', encounterId: enc.id, page: 3 }),
      ev({ type: 'therapy', date: '2016-03-07', quote: 'Therapeutic exercise 30 minutes.', encounterId: other.id, start: 5100 }),
    ];
    const flags: Flag[] = [
      { id: 'F1', kind: 'contradiction', severity: 'medium', date: '2016-03-07', summary: 's', evidence: [{ ...events[3]!.source, role: 'exam' }], eventIds: [events[3]!.id], rule: 'r' },
    ];
    const c = buildChronology({ documents: [doc('doc1', 'visit.pdf')], events, flags });
    expect(c.rows.map((r) => [r.encounterId, r.provider, r.facility, r.items.length])).toEqual([
      [enc.id, 'A. Ortiz, MD', 'Valley Ortho', 4],
      [other.id, 'B. Lee, PT', 'Stride Rehab', 2],
    ]);
    const first = c.rows[0]!;
    expect(first.pages).toEqual([1, 2, 3]);
    // abnormal findings come first, and the row knows its flag
    expect(first.items.filter((i) => i.group === 'finding').map((i) => i.text)).toEqual(['4/5 weakness of the left EHL.', 'Reflexes 2+ and symmetric.']);
    expect(first.flagIds).toEqual(['F1']);
    expect(first.summary).toBe('Exam: 4/5 weakness of the left EHL · Plan: Return in 4 weeks');
  });
});

describe('the lumbar sample', () => {
  it('has one row per visit or report, the 08/25/14 consult with its exam, impression and plan folded in', async () => {
    const timeline = await processBundle('lumbar', lumbarFiles([PAIN_NOTE, CONSULT]), { referenceDate: new Date('2020-01-01T12:00:00Z') });
    const c = buildChronology(timeline);
    expect(c.rows.length).toBeLessThan(timeline.events.length / 5);
    const consult = c.rows.find((r) => r.date === '2014-08-25' && r.document.name === CONSULT)!;
    expect(consult).toBeDefined();
    expect(consult.counts.finding).toBeGreaterThanOrEqual(10);
    expect(consult.items.some((i) => /Repeat MRI of the lumbar spine/.test(i.text))).toBe(true);
    expect(consult.summary).toMatch(/Dx: .*facet arthropathy/i);
    expect(consult.flagIds.length).toBeGreaterThan(0);
    // every event is in exactly one row
    const seen = c.rows.flatMap((r) => r.items.map((i) => i.event.id));
    expect(seen.sort()).toEqual(timeline.events.map((e) => e.id).sort());
    // rows are in date order, undated last
    const dates = c.rows.map((r) => r.date ?? '9999');
    expect(dates).toEqual([...dates].sort());
  });
});

describe('words and dates', () => {
  it.each([
    ['2014-08-25', '08/25/2014', 'Mon, Aug 25, 2014'],
    ['2014-08', '08/2014', 'Aug 2014'],
    ['2014', '2014', '2014'],
    [null, 'undated', 'Undated'],
  ] as const)('%s → %s, %s', (d, us, long) => {
    expect(usDate(d)).toBe(us);
    expect(longDate(d)).toBe(long);
  });

  it.each([
    ['Date of Service: 2011-05-26 Visit: 1 of 8 Therapist: Howard H. Mendelsohn, MPT', true],
    ['[X] Periodic Report (required 45 days after last report) [ ] Change in work status', true],
    ['Lumbar spine: Tenderness over the bilateral L4-L5 facets.', false],
    ['Impression: No disc herniation.', false],
    ['6780 N. Palm Avenue, Suite 110, Fresno, CA 93704 Tel (559) 555-0133 Fax (559) 555-0134', true],
  ] as const)('isFormText(%s) is %s', (text, form) => expect(isFormText(text)).toBe(form));

  it('says "Undated record" rather than nothing', () => expect(rowSummary([], null)).toBe('Undated record'));
});
