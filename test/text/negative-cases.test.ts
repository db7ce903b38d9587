// Text that must yield no event at all, through the whole per-document extraction: page furniture,
// birth dates, letterhead labels without a date, fax banners, administrative dates, guideline citations.
import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../src/extract/extract-document.js';
import { ingestDocument } from '../../src/ingest/ingest-document.js';
import { loadPatterns } from '../../src/patterns/load-patterns.js';
import { processDocument } from '../../src/pipeline.js';
import type { TimelineEvent } from '../../src/schema.js';

const patterns = loadPatterns();
const REFERENCE_DATE = new Date('2017-01-15T12:00:00Z');

/** A text file (form feeds separate pages) through ingest and extraction. */
async function eventsOf(text: string): Promise<TimelineEvent[]> {
  // (a text that is only page furniture cleans to nothing and is reported as having no text: that is fine)
  const doc = await ingestDocument({ name: 'record.txt', data: Buffer.from(text, 'utf8') });
  return extractDocument(doc, patterns, { referenceDate: REFERENCE_DATE }).events;
}

const describeEvents = (events: TimelineEvent[]): string[] => events.map((e) => `${e.type} ${e.date} (${e.rule}): ${e.source.quote}`);

// A letterhead repeated at the top of every page, with a "Date of Injury:" label and no date.
const LETTERHEAD_PAGES = [
  'Westside Orthopaedic Group\nRE: Jane Roe    Date of Injury:\nCorrespondence is enclosed for your records.\nPage 1 of 2',
  'Westside Orthopaedic Group\nRE: Jane Roe    Date of Injury:\nPlease direct any questions to our office.\nPage 2 of 2',
].join('\f');

// A footer line with the page number inside it, on every page.
const FOOTER_PAGES = [
  'Correspondence is enclosed for your records.\nWestside Orthopaedic Group · Page 1 of 3',
  'Please direct any questions to our office.\nWestside Orthopaedic Group · Page 2 of 3',
  'Thank you for your attention to this matter.\nWestside Orthopaedic Group · Page 3 of 3',
].join('\f');

describe('negative cases: no event', () => {
  it.each<[string, string]>([
    ['page number', 'Page 3 of 5'],
    ['page number in a footer line on every page', FOOTER_PAGES],
    ['centred page number', '- 4 -'],
    ['birth date, two-digit year', 'DOB: 01/01/60'],
    ['birth date, four-digit year', 'Date of Birth: 04/15/1971'],
    ['birth date in a demographics line', 'Patient: Jane Roe    DOB: 01/01/60    Sex: F'],
    ['letterhead "Date of Injury:" without a date, on every page', LETTERHEAD_PAGES],
    ['fax banner', '01/15/2015 10:32 AM FROM: 5551234 TO: 5559876 P. 3/12'],
    ['fax header with a label', 'Fax: 01/15/2015 10:32 AM'],
    ['print stamp', 'Printed: 01/20/2017 3:45 PM'],
    ['assignment date', 'Date Assigned: 12/16/2016'],
    ['received date', 'Received: 12/13/2016'],
    ['received date on the line below its label', 'Received:\n12/13/2016'],
    ['administrative header block', 'Date Assigned: 12/16/2016\nReceived: 12/13/2016\nCase Number: CM16-0000001'],
    ['guideline citation with a year', 'MTUS Chronic Pain Medical Treatment Guidelines 2016'],
    ['guideline citation with an update date', 'ODG Low Back, updated 08/22/2014'],
    ['guideline citation, long form', 'Official Disability Guidelines (ODG), Low Back Chapter, updated 08/22/2014'],
    ['guideline citation with an edition year', 'CA MTUS ACOEM Practice Guidelines, 2nd Edition (2004), Chapter 12, page 303'],
    ['case number', 'Case Number: CM16-0000001'],
    ['claim number', 'Claim Number: 123456789'],
    ['phone and fax numbers', 'Phone: (555) 123-4567    Fax: (555) 765-4321'],
    ['signature stamp', 'Electronically signed 12/20/2016'],
    ['employer', 'Employer: Acme Logistics'],
  ])('%s: %j', async (_label, text) => {
    expect(describeEvents(await eventsOf(text))).toEqual([]);
  });
});

describe('negative cases next to clinical text: only the clinical text yields events', () => {
  it.each<[string, string, string, string]>([
    ['a fax banner above a visit', '01/15/2015 10:32 AM FROM: 5551234 TO: 5559876 P. 3/12\nThe claimant was seen on 01/12/2015 for neck pain.', '2015-01-12', '2015-01-15'],
    ['a birth date above a visit', 'Patient: Jane Roe    DOB: 01/01/60\nThe claimant was seen on 03/04/2015 for neck pain.', '2015-03-04', '1960-01-01'],
    ['a received date above a visit', 'Received: 12/13/2016\nThe claimant was evaluated on 11/02/2016 for knee pain.', '2016-11-02', '2016-12-13'],
    ['a guideline update date after an MRI', 'On 08/25/14, an MRI of the lumbar spine showed a disc protrusion at L4-L5.\nODG Low Back, updated 08/22/2014', '2014-08-25', '2014-08-22'],
  ])('%s', async (_label, text, clinicalDate, noiseDate) => {
    const events = await eventsOf(text);
    expect(events.map((e) => e.date)).toContain(clinicalDate);
    expect(events.map((e) => e.date)).not.toContain(noiseDate);
    for (const e of events) expect(e.source.quote).not.toMatch(/FROM:|DOB|Received|updated/);
  });
});

// The harness above would pass vacuously if extraction yielded nothing at all; these must yield events.
describe('positive controls through the same harness', () => {
  it.each<[string, TimelineEvent['type'], string]>([
    ['The patient was evaluated on 07/29/14 for low back pain.', 'encounter', '2014-07-29'],
    ['Date of Injury: 10/17/2016', 'injury', '2016-10-17'],
    ['On 08/25/14, an MRI of the lumbar spine showed a disc protrusion at L4-L5.', 'imaging', '2014-08-25'],
    ['She underwent a right L5-S1 epidural steroid injection on 3/4/2015.', 'procedure', '2015-03-04'],
  ])('%j → %s on %s', async (text, type, date) => {
    const events = await eventsOf(text);
    expect(events).toContainEqual(expect.objectContaining({ type, date }));
  });
});

describe('negative cases through processDocument', () => {
  it.each(['Page 3 of 5', 'DOB: 01/01/60', '01/15/2015 10:32 AM FROM: 5551234 TO: 5559876 P. 3/12', 'Received: 12/13/2016', 'ODG Low Back, updated 08/22/2014', 'Case Number: CM16-0000001'])(
    '%j',
    async (text) => {
      const result = await processDocument({ name: 'record.txt', data: Buffer.from(text) }, { patterns, referenceDate: REFERENCE_DATE });
      expect(describeEvents(result.events)).toEqual([]);
    },
  );

  it('a positive control yields its event', async () => {
    const result = await processDocument({ name: 'record.txt', data: Buffer.from('The patient was evaluated on 07/29/14 for low back pain.') }, { patterns, referenceDate: REFERENCE_DATE });
    expect(result.events).toContainEqual(expect.objectContaining({ type: 'encounter', date: '2014-07-29' }));
  });
});
