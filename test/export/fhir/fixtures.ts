// Timelines built by hand for the mapping tests: events with every field the schema has (findings,
// services, decisions, markers, encounter links, provider and facility) on two short pages, each
// event's source cut out of the page text so that offsets are real.
import type { DocumentInfo, Finding, Flag, Service, Source, Timeline, TimelineEvent } from '../../../src/schema.js';

export const PAGE_1 = [
  'PROGRESS REPORT  Valley Pain Clinic  Michael Arroyo, M.D.',
  'Date of Exam: 06/18/2014.',
  'Exam: 4+/5 weakness of the left EHL. No edema. Lumbar flexion 40 degrees.',
  'Seen again in June 2014 for the same complaint.',
  'Impression: rule out lumbar radiculopathy.',
  'Plan: Request authorization for MRI lumbar spine without contrast.',
  'MRI of the lumbar spine in 2014 showed no herniation.',
  'No MRI has been done since the injury.',
  'Status post L5 medial branch block, which helped.',
  'May consider a course of chiropractic care.',
  'Refer to orthopedic spine surgery.',
  'Continue naproxen 550 mg twice daily.',
  'Denies taking opioids.',
  'Injured his low back on 01/12/2010 stepping into a hole.',
  'Work status: modified duty.',
  'Follow-up on 02/30/2014 as written in the note, and the MRI was',
].join('\n');

export const PAGE_2 = ['reviewed with the patient. MRI lumbar spine without contrast: Upheld.', 'Dr. Michael  Arroyo saw him at Valley Pain Clinic.'].join('\n');

export const DOC: DocumentInfo = {
  id: 'a1b2c3d4e5f60718',
  name: 'pr2-2014-06-18.pdf',
  pages: 2,
  sha256: 'a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90',
  kind: { kind: 'progress', group: 'treating_note', rule: 'kind.pr2' },
  errors: [],
};

/** a plain-text document with an unreadable page and no page texts given to the export */
export const TEXT_DOC: DocumentInfo = {
  id: 'ffee000011112222',
  name: 'fax/notes 2014.txt',
  pages: 1,
  sha256: 'ffee000011112222ffee000011112222ffee000011112222ffee000011112222',
  kind: { kind: 'review_letter', group: 'review_letter', rule: null },
  errors: [{ code: 'needs_ocr', message: 'page 1 has no text layer and needs OCR', pages: [1] }],
};

export const PAGES = new Map<string, string[]>([[DOC.id, [PAGE_1, PAGE_2]]]);

/** where `quote` is on the page (first occurrence), as a source of DOC */
export function sourceOf(quote: string, page: 1 | 2 = 1): Source {
  const text = page === 1 ? PAGE_1 : PAGE_2;
  const start = text.indexOf(quote);
  if (start < 0) throw new Error(`"${quote}" is not on page ${page}`);
  return { document: DOC.id, page, start, end: start + quote.length, quote };
}

/** a source running from the end of page 1 onto page 2 (pages joined by a newline) */
export function crossPageSource(fromPage1: string, onPage2: string): Source {
  const start = PAGE_1.lastIndexOf(fromPage1);
  if (start < 0 || start + fromPage1.length !== PAGE_1.length) throw new Error('not the end of page 1');
  if (!PAGE_2.startsWith(onPage2)) throw new Error('not the start of page 2');
  const quote = `${fromPage1}\n${onPage2}`;
  return { document: DOC.id, page: 1, start, end: start + quote.length, quote };
}

export function finding(partial: Partial<Finding> & Pick<Finding, 'concept' | 'polarity' | 'text'>, quoteOn1 = partial.text): Finding {
  const s = sourceOf(quoteOn1);
  return {
    system: 'neuro',
    value: null,
    site: null,
    side: null,
    assertion: 'present',
    reported: false,
    rule: 'exam.test',
    page: 1,
    span: { start: s.start, end: s.end },
    ...partial,
  };
}

export function service(partial: Partial<Service> & Pick<Service, 'id' | 'type'>): Service {
  return { term: partial.id.split('.').pop() ?? partial.id, text: partial.id, family: partial.id, status: null, response: null, site: null, side: null, ...partial };
}

/** the label the pipeline's summaries start with ("Exam: …", "Visit: …") */
const SUMMARY_LABEL: Record<TimelineEvent['type'], string> = {
  injury: 'Injury',
  encounter: 'Visit',
  procedure: 'Procedure',
  imaging: 'Imaging',
  test: 'Test',
  exam_finding: 'Exam',
  therapy: 'Therapy',
  medication: 'Medication',
  referral: 'Referral',
  plan: 'Plan',
  determination: 'Decision',
  diagnosis: 'Diagnosis',
  other: 'Other',
};

export function event(id: string, type: TimelineEvent['type'], source: Source, partial: Partial<TimelineEvent> = {}): TimelineEvent {
  return {
    id,
    type,
    date: null,
    dateText: null,
    dateCertainty: null,
    reportedOn: null,
    summary: `${SUMMARY_LABEL[type]}: ${source.quote}`,
    section: null,
    sectionCategory: null,
    assertion: 'present',
    anatomy: { bodyParts: [], side: null, levels: [] },
    measures: [],
    findings: [],
    services: [],
    decision: null,
    markers: [],
    documentKind: 'progress',
    encounterId: null,
    provider: null,
    facility: null,
    rule: `rule.${type}`,
    source,
    sources: [source],
    ...partial,
  };
}

export function flag(id: string, partial: Partial<Flag> & Pick<Flag, 'evidence'>): Flag {
  return { id, kind: 'exam_plan_mismatch', severity: 'medium', date: '2014-06-18', summary: `flag ${id}`, eventIds: [], rule: 'check.rule', ...partial };
}

export function timeline(events: TimelineEvent[], flags: Flag[] = [], documents: DocumentInfo[] = [DOC]): Timeline {
  return { bundle: 'hand-made', documents, events, flags };
}
