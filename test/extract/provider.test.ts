// Provider and facility (src/extract/provider.ts, patterns/providers.json): who saw the patient where,
// from signatures, labels, letterheads and visit sentences; never from a referring doctor, an
// addressee, a follow-up appointment, a past visit told in a history, or a laboratory. Every text
// here is written for the test.
import { describe, expect, it } from 'vitest';
import { findProvider, parseName, parseOrg, type ProviderFacility } from '../../src/extract/provider.js';
import { ingestDocument } from '../../src/ingest/ingest-document.js';
import { analyzeDocument } from '../../src/text/analyze.js';
import { patterns, REFERENCE_DATE } from './support.js';

async function analyzed(text: string) {
  const doc = await ingestDocument({ name: 'note.txt', data: new TextEncoder().encode(text) });
  return analyzeDocument(doc, patterns, { referenceDate: REFERENCE_DATE });
}

async function found(text: string, options: { includeHistory?: boolean } = {}): Promise<Pick<ProviderFacility, 'provider' | 'facility' | 'rule'>> {
  const { provider, facility, rule } = findProvider(await analyzed(text), patterns, undefined, options);
  return { provider, facility, rule };
}

type Row = [label: string, text: string, provider: string | null, facility: string | null, rule: string];

describe('provider and facility: where a record names them', () => {
  it.each<Row>([
    [
      'an electronic signature with the practice after the name',
      'PROGRESS NOTE\nHe returns for follow-up.\nElectronically signed by John A. Smith, M.D., Fresno Orthopedic Medical Group',
      'John A. Smith, MD',
      'Fresno Orthopedic Medical Group',
      'signature.electronic',
    ],
    ['a dictation line', 'ASSESSMENT: Lumbar strain.\nDictated by: Karen Liu, D.O.', 'Karen Liu, DO', null, 'signature.dictated'],
    ['an EHR signature with the surname first', 'Electronically signed by: OKAFOR, JAMES T MD on 03/02/2019 14:22', 'JAMES T OKAFOR, MD', null, 'signature.electronic'],
    [
      "a letter's closing, the practice on the next line",
      'Dear Dr. Patel:\nThank you for referring Ms. Ray.\nSincerely,\n\nMaria Lopez, DC\nValley Chiropractic Center',
      'Maria Lopez, DC',
      'Valley Chiropractic Center',
      'signature.closing',
    ],
    ['a closing in a transcription run on one line', 'She will return in a month.,Sincerely,,Alan Brooks, MD', 'Alan Brooks, MD', null, 'signature.closing'],
    ['a labelled surgeon', 'PROCEDURE: Right knee arthroscopy.,SURGEON:, Ralph Ortiz, M.D.,ANESTHESIA:, General.', 'Ralph Ortiz, MD', null, 'label.provider'],
    [
      'a labelled examining physician with two credentials',
      'DATE OF EXAMINATION: 05/06/2019\nEXAMINING PHYSICIAN: Nadia Farouk, MD, PhD\nHISTORY: She slipped at work.',
      'Nadia Farouk, MD, PhD',
      null,
      'label.provider',
    ],
    [
      'a letterhead practice',
      'Sierra Spine and Pain Center\n2200 Oak Avenue, Suite 4\nPROGRESS REPORT\nHe returns for follow-up of his neck pain.',
      null,
      'Sierra Spine and Pain Center',
      'letterhead.facility',
    ],
    [
      'a letterhead physician and practice',
      'Coastal Orthopedics\nDaniel Kim, M.D.\nPROGRESS REPORT\nShe returns with less knee pain.',
      'Daniel Kim, MD',
      'Coastal Orthopedics',
      'letterhead.provider+letterhead.facility',
    ],
    [
      'a conformed signature under a declaration',
      'WORK STATUS: Modified duty.\nI declare under penalty of perjury that this report is true. /s/ Elena Marsh, M.D. License #: G 12345',
      'Elena Marsh, MD',
      null,
      'signature.electronic',
    ],
    ['a credentialed name alone on the last line', 'PLAN: Continue home exercises.\nReturn in four weeks.\nRebecca Stone, PA-C', 'Rebecca Stone, PA-C', null, 'signature.name-line'],
    ['a facility label', 'Facility: Riverside Surgery Center\nPROCEDURE: Left carpal tunnel release.', null, 'Riverside Surgery Center', 'label.facility'],
    ['the visit supervised by a doctor', 'REASON FOR VISIT: Follow-up of asthma, and the visit is supervised by Dr. Hale.', 'Dr. Hale', null, 'visit.current'],
    [
      'seen and examined by a doctor at a hospital',
      'ASSESSMENT: The patient was seen and examined by Dr. Lena Novak at Mercy General Hospital.',
      'Dr. Lena Novak',
      'Mercy General Hospital',
      'visit.current',
    ],
    ['presents to a hospital, in the history', 'HISTORY: This 52-year-old man presents to Lakeside Community Hospital with right foot pain.', null, 'Lakeside Community Hospital', 'facility.current'],
    [
      'the operating room of a hospital',
      'PROCEDURE: The patient was taken to operating room #3 at Lakeside Community Hospital and placed supine.',
      null,
      'Lakeside Community Hospital',
      'facility.operating-room',
    ],
    [
      'admitted to a hospital, in the history of this stay',
      'HISTORY OF PRESENT ILLNESS: He was admitted to Lakeside Community Hospital on 04/02/2019 after a fall from a ladder.',
      null,
      'Lakeside Community Hospital',
      'facility.admitted',
    ],
    ['a referral letter to a practice', 'HISTORY OF PRESENT ILLNESS: Thank you for referring Mr. Hill to Valley Nephrology. He has kidney stones.', null, 'Valley Nephrology', 'facility.current'],
    ['a hospital whose name has a saint and a possessive', "HISTORY: The patient presented to St. Agnes' Regional Hospital with a fever.", null, "St. Agnes' Regional Hospital", 'facility.admitted'],
  ])('%s', async (_label, text, provider, facility, rule) => {
    expect(await found(text)).toEqual({ provider, facility, rule });
  });
});

describe('provider and facility: what is not this visit', () => {
  it.each<[label: string, text: string]>([
    ["the patient's own name", 'Patient: Maria Delgado\nDOB: 01/02/1970\nShe returns for follow-up of her wrist.'],
    ['a referring doctor', 'REASON FOR CONSULTATION: Neck pain, referred by Dr. Warren Holt.'],
    ['a labelled referring physician', 'REFERRING PHYSICIAN: Warren Holt, M.D.\nHISTORY: Neck pain for two months.'],
    ['a primary care physician', 'PRIMARY CARE PHYSICIAN: Grace Ames, MD\nHISTORY: Knee pain.'],
    ["a letter's addressee", 'Warren Holt, M.D.\n100 Main Street\nDear Dr. Holt:\nThank you for seeing Mr. Ray today.'],
    ['a doctor seen in the past, told in the history', 'HISTORY OF PRESENT ILLNESS: In 2017 he was seen by Dr. Park at Valley Orthopedics, who ordered an MRI.\nEXAM: Tender lumbar spine.'],
    ['a follow-up appointment', 'PLAN: She will follow up with Dr. Lee in two weeks.'],
    ['a doctor who will dictate another part', 'PROCEDURE: The approach will be dictated by Dr. Moss. The disc was removed.'],
    ['a consent form signed by the patient', 'PROCEDURE: The consent form was signed by the patient. The knee was prepped.'],
    ['a transcriptionist', 'ASSESSMENT: Sprain.\nTranscribed by: lmt 03/04/2019'],
    ['a laboratory alone', 'RESULTS: Blood was drawn at Quest Diagnostics Patient Service Center.'],
    ['a hospital named without a name of its own', 'HISTORY: She presented to Medical Center with chest pain.'],
    ['a past hospital stay in the past history', 'PAST MEDICAL HISTORY: Pneumonia, admitted to Bayview General Hospital in 2015.'],
    ['a dated entry of a records review', 'RECORDS: The records were reviewed.\nHISTORY: 12/11/2016: He presented to Valley Chiropractic Center with back pain.'],
    ['a transfer to come', 'PLAN: The patient will be transferred to Hillcrest Rehabilitation Hospital tomorrow.'],
    ['a law office and an insurer', 'Law Offices of Park and Diaz\nRe: Applicant\nCopy to Western Insurance Company'],
    ['text with no one named', 'The knee is better and he walks farther each week.'],
    [
      "a review letter's inside address, its salutation lines below",
      'P.O. Box 100, Sacramento, CA 95800 Phone (800) 555-0100 March 3, 2019\nElena Marsh, M.D.\nHarbor Spine Medical Group\n100 Bay Street\nOakland, CA 94600\nNOTICE OF UTILIZATION REVIEW DETERMINATION\nClaim Number: 12-345\nDate of Injury: 01/02/2019\nDear Dr. Marsh:\nThe requested MRI is certified.',
    ],
    ['a letter signed by a department', 'The requested MRI is certified.\nSincerely,\nUtilization Review Department\nExample Claims Administrators'],
    ["a report's title line", 'DIAGNOSTIC IMAGING REPORT\nExam: MRI of the left knee.\nIMPRESSION: Meniscus tear.'],
  ])('%s: nothing', async (_label, text) => {
    expect(await found(text)).toEqual({ provider: null, facility: null, rule: null });
  });

  it('a visit told in history counts when the caller asks for that visit', async () => {
    const text = 'HISTORY OF PRESENT ILLNESS: In 2017 he was seen by Dr. Park at Valley Orthopedics, who ordered an MRI.';
    expect(await found(text, { includeHistory: true })).toEqual({ provider: 'Dr. Park', facility: 'Valley Orthopedics', rule: 'visit.seen-by' });
  });
});

describe('provider and facility: spans and provenance', () => {
  const text = ['RECORDS REVIEWED', '03/02/2018: Seen at Valley Spine Center by Dr. Amy Cho for neck pain.', 'Electronically signed by Sam Reed, MD, Harbor Occupational Medicine'].join('\n');

  it('the whole document: the signer; each value with its own quote', async () => {
    const a = await analyzed(text);
    const r = findProvider(a, patterns);
    expect(r).toMatchObject({ provider: 'Sam Reed, MD', facility: 'Harbor Occupational Medicine', rule: 'signature.electronic' });
    expect(r.evidence.map((e) => [e.field, a.doc.text.slice(e.start, e.end)])).toEqual([
      ['provider', 'Sam Reed, MD'],
      ['facility', 'Harbor Occupational Medicine'],
    ]);
    expect(a.doc.text.slice(r.start, r.end)).toBe('Sam Reed, MD, Harbor Occupational Medicine');
  });

  it('one visit of a records review, asked for as a visit told in history', async () => {
    const a = await analyzed(text);
    const start = a.doc.text.indexOf('03/02/2018');
    const end = a.doc.text.indexOf('Electronically');
    const r = findProvider(a, patterns, { start, end }, { includeHistory: true });
    expect(r).toMatchObject({ provider: 'Dr. Amy Cho', facility: 'Valley Spine Center', rule: 'facility.admitted' });
  });

  it('nothing found: an empty span at the span start', async () => {
    const a = await analyzed('The knee is better.');
    expect(findProvider(a, patterns, { start: 4, end: 10 })).toEqual({ provider: null, facility: null, rule: null, start: 4, end: 4, evidence: [] });
  });
});

describe('names and organisations', () => {
  const cues = patterns.providers;
  it.each<[text: string, normal: string | null]>([
    ['John A. Smith, M.D., Fresno', 'John A. Smith, MD'],
    ['Dr. Lena Novak at Mercy', 'Dr. Lena Novak'],
    ['Dr. X.', 'Dr. X'],
    ['Mary-Kate O’Neil, PA-C', 'Mary-Kate O’Neil, PA-C'],
    ['Joe Smith DC', 'Joe Smith, DC'],
    ['SMITH, JOHN A MD', 'JOHN A SMITH, MD'],
    ['Ann Lee, Ph.D.', 'Ann Lee, PhD'],
    ['Physical Therapy staff', null],
    ['the patient', null],
  ])('%j → %j', (text, normal) => {
    expect(parseName(text, 0, text.length, cues)?.normal ?? null).toBe(normal);
  });

  it.each<[text: string, name: string | null]>([
    ['ABCD General Hospital Emergency Department', 'ABCD General Hospital'],
    ['the Fresno Orthopedic Medical Group, Inc.', 'Fresno Orthopedic Medical Group'],
    ["Children's Hospital on Monday", "Children's Hospital"],
    ['Sierra Spine and Pain Center', 'Sierra Spine and Pain Center'],
    ['Medical Center', null],
    ['Quest Diagnostics Patient Service Center', null],
    ['Western Insurance Company Health Center', null],
    ['General surgery clinic', null],
  ])('%j → %j', (text, name) => {
    expect(parseOrg(text, 0, text.length, cues)?.name ?? null).toBe(name);
  });
});
