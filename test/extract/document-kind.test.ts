// Document kinds (src/extract/document-kind.ts, patterns/document-kinds.json): a title in the opening
// weighs most, headings next, body vocabulary least; nothing speaking leaves the document "other".
// Every text here is written for the test.
import { describe, expect, it } from 'vitest';
import { classifyDocument, isHeading, isTitlePosition, openingEnd, scoreDocumentKinds } from '../../src/extract/document-kind.js';
import { ingestDocument } from '../../src/ingest/ingest-document.js';
import type { DocumentKind } from '../../src/schema.js';
import { analyzeDocument } from '../../src/text/analyze.js';
import { patterns, processText, REFERENCE_DATE } from './support.js';

async function analyzed(text: string) {
  const doc = await ingestDocument({ name: 'note.txt', data: new TextEncoder().encode(text) });
  return analyzeDocument(doc, patterns, { referenceDate: REFERENCE_DATE });
}

async function kindOf(text: string): Promise<DocumentKind> {
  return classifyDocument(await analyzed(text), patterns);
}

type Row = [label: string, text: string, kind: DocumentKind['kind'], group: DocumentKind['group'], rule: string];

describe('document kind: what the document says it is', () => {
  it.each<Row>([
    [
      'a PR-2 by its title',
      "PRIMARY TREATING PHYSICIAN'S PROGRESS REPORT (PR-2)\nDate of exam: 03/02/2019\nSUBJECTIVE: She returns for follow-up of low back pain, better with therapy.\nOBJECTIVE: Lumbar flexion 60 degrees.\nPLAN: Continue home exercises.",
      'progress',
      'treating_note',
      'progress.title',
    ],
    [
      'a SOAP note without a title',
      'SUBJECTIVE: He is here for a recheck of his right wrist.\nOBJECTIVE: Grip strength improved.\nASSESSMENT: Healing wrist sprain.\nPLAN: Return in four weeks.',
      'progress',
      'treating_note',
      'progress.headings',
    ],
    [
      'a consultation by its title',
      'ORTHOPEDIC CONSULTATION\nREASON FOR CONSULTATION: Right shoulder pain after lifting boxes at work.\nHISTORY: The pain began three months ago.\nIMPRESSION: Rotator cuff tendinopathy.',
      'consult',
      'treating_note',
      'consult.title',
    ],
    [
      'a consultation letter',
      'Dear Dr. Alvarez:\nThank you for referring Mr. Quinn, whom I saw today for neck pain radiating to the left arm. He has had symptoms for two months.\nSincerely,',
      'consult',
      'treating_note',
      'consult.text',
    ],
    [
      'a qualified medical evaluation',
      'QUALIFIED MEDICAL EVALUATION\nDate of examination: 05/06/2019\nHISTORY OF INJURY: The applicant slipped on a wet floor.\nCAUSATION: Within reasonable medical probability the injury arose out of employment.',
      'ime',
      'treating_note',
      'ime.title',
    ],
    [
      'an IME named only in its opening sentence',
      'This independent medical evaluation was requested by the carrier. No doctor-patient relationship exists.\nThe examinee reports low back pain since 2017.',
      'ime',
      'treating_note',
      'ime.text',
    ],
    [
      'a permanent and stationary report',
      "PRIMARY TREATING PHYSICIAN'S PERMANENT AND STATIONARY REPORT\nThe patient has reached maximum medical improvement.\nWhole person impairment is 8% under the AMA Guides.\nFuture medical care should include medication.",
      'permanent_stationary',
      'treating_note',
      'ps.title',
    ],
    [
      'an MRI report',
      'MRI OF THE LUMBAR SPINE WITHOUT CONTRAST\nCLINICAL INDICATION: Low back pain.\nTECHNIQUE: Sagittal and axial T1-weighted and T2-weighted images were obtained.\nFINDINGS: At L4-L5 there is a 3 mm disc protrusion.\nIMPRESSION: Mild degenerative disc disease.',
      'imaging',
      'report',
      'imaging.title',
    ],
    [
      'an imaging report run on one line, as transcriptions come',
      'EXAM:, MRI of the left knee.,FINDINGS:, There is a tear of the posterior horn of the medial meniscus.,IMPRESSION:, Medial meniscus tear.',
      'imaging',
      'report',
      'imaging.title',
    ],
    [
      'an imaging report known by its headings only',
      'CLINICAL HISTORY: Fall onto the right wrist.\nCOMPARISON: None.\nFINDINGS: No fracture or dislocation.\nIMPRESSION: Normal right wrist.',
      'imaging',
      'report',
      'imaging.report',
    ],
    [
      'an electrodiagnostic consultation is an EMG report',
      'ELECTRODIAGNOSTIC CONSULTATION: NERVE CONDUCTION STUDIES AND EMG\nThe right median distal latency is prolonged at 5.2 ms. Conduction velocity is normal in the ulnar nerves. Needle examination shows no fibrillation potentials.',
      'emg',
      'report',
      'emg.title',
    ],
    [
      'an operative report known by its headings',
      'PREOPERATIVE DIAGNOSIS: Left knee medial meniscus tear.\nPOSTOPERATIVE DIAGNOSIS: Same.\nPROCEDURE PERFORMED: Left knee arthroscopy with partial medial meniscectomy.\nANESTHESIA: General.\nESTIMATED BLOOD LOSS: Minimal.',
      'operative',
      'report',
      'operative.headings',
    ],
    [
      'a procedure note',
      'PROCEDURE NOTE\nProcedure: Right L5-S1 transforaminal epidural steroid injection under fluoroscopic guidance.\nThe skin was prepped and draped in the usual sterile fashion. He tolerated the procedure well.',
      'operative',
      'report',
      'operative.title',
    ],
    ['a laboratory report', 'LABORATORY REPORT\nTest Name: Hemoglobin A1c\nResult: 6.1 %\nReference Range: 4.0 - 5.6 %', 'lab', 'report', 'lab.title'],
    [
      'a physical therapy daily note',
      'PHYSICAL THERAPY DAILY NOTE\nVisit 6 of 12\nTreatment provided: therapeutic exercise (97110), manual therapy (97140), moist heat to the lumbar spine.\nPatient tolerated treatment well.',
      'therapy',
      'therapy_note',
      'therapy.title',
    ],
    [
      'a chiropractic treatment note',
      'CHIROPRACTIC TREATMENT NOTE\nSubluxation found at C5 and T4. Spinal manipulation performed with diversified technique. Electrical stimulation for 12 minutes.',
      'therapy',
      'therapy_note',
      'therapy.title',
    ],
    [
      'an acupuncture record',
      'Acupuncture Treatment Record\nTwelve acupuncture needles were inserted at the lumbar points and retained 30 minutes, with cupping to the paraspinals.',
      'therapy',
      'therapy_note',
      'therapy.title',
    ],
    [
      'a discharge summary by its title',
      'DISCHARGE SUMMARY\nDATE OF ADMISSION: 04/01/2019\nDATE OF DISCHARGE: 04/03/2019\nHOSPITAL COURSE: The patient underwent an uneventful fusion.',
      'discharge',
      'treating_note',
      'discharge.title',
    ],
    [
      'a discharge summary known by its headings',
      'ADMISSION DATE: 04/01/2019\nDISCHARGE DATE: 04/03/2019\nHOSPITAL COURSE: Pain was controlled with oral medication.\nDISCHARGE MEDICATIONS: Ibuprofen.',
      'discharge',
      'treating_note',
      'discharge.headings',
    ],
    [
      'an emergency department report',
      'EMERGENCY DEPARTMENT REPORT\nCHIEF COMPLAINT: Laceration of the left hand at work.\nED COURSE: The wound was irrigated and closed with four sutures.\nDISPOSITION: Home.',
      'emergency',
      'treating_note',
      'emergency.title',
    ],
    [
      'a utilization review letter',
      'NOTICE OF UTILIZATION REVIEW DETERMINATION\nRequested treatment: lumbar MRI.\nDetermination: Non-certified.\nThe request is not medically necessary under the MTUS.',
      'review_letter',
      'review_letter',
      'review.title',
    ],
    [
      'an IMR final determination',
      'Independent Medical Review Final Determination Letter\nThe expert reviewer found the disputed physical therapy medically necessary.\nThe determination of the claims administrator is overturned.',
      'review_letter',
      'review_letter',
      'review.title',
    ],
    [
      'a records review',
      'RECORDS REVIEW\nThe following records were reviewed:\n1. Progress report dated 01/02/2019.\n2. MRI of the lumbar spine dated 02/03/2019.',
      'records_review',
      'review_letter',
      'records.title',
    ],
    [
      'a request for authorization',
      'REQUEST FOR AUTHORIZATION\nDWC Form RFA\nRequesting Physician: Dana Wu, MD\nRequested treatment: Physical therapy 2 times a week for 6 weeks.',
      'rfa',
      'administrative',
      'rfa.title',
    ],
    [
      'a fax cover sheet',
      'FAX COVER SHEET\nTo: Claims Department\nNumber of pages including cover: 12\nCONFIDENTIALITY NOTICE: This fax is meant only for the intended recipient. If you have received this fax in error, please call us.',
      'fax_cover',
      'administrative',
      'fax.title',
    ],
    [
      "an attorney's letter",
      'LAW OFFICES OF PARK AND DIAZ\nRe: Applicant Maria Lopez\nPlease be advised that this office represents the applicant. Our client asks for a copy of all medical reports.',
      'legal_letter',
      'administrative',
      'legal.title',
    ],
  ])('%s', async (_label, text, kind, group, rule) => {
    expect(await kindOf(text)).toEqual({ kind, group, rule });
  });
});

describe('document kind: words that must not decide it', () => {
  it.each<[label: string, text: string, kind: DocumentKind['kind']]>([
    [
      'an MRI told in a consultation',
      'ORTHOPEDIC CONSULTATION\nHISTORY: An MRI of the left knee on 02/02/2019 showed a meniscus tear. Findings were discussed.\nIMPRESSION: Meniscus tear.',
      'consult',
    ],
    ['an emergency room visit told in a progress note', 'PROGRESS NOTE\nHISTORY: She went to the emergency room last week for neck pain and was given ibuprofen.\nPLAN: Continue therapy.', 'progress'],
    ['a fax number in the letterhead', 'Valley Orthopedic Medical Group\nPhone (555) 555-0100 Fax (555) 555-0101\nPROGRESS REPORT\nThe patient returns for follow-up of his knee.', 'progress'],
    [
      'the claims administrator in a report header',
      "PRIMARY TREATING PHYSICIAN'S PROGRESS REPORT\nClaims Administrator: Example Insurance Services\nClaim Number: 12-345\nHe returns for follow-up.",
      'progress',
    ],
    [
      'a title phrase far from the opening',
      `PROGRESS NOTE\nHe returns for follow-up.\n${'The knee is better and he walks farther each week.\n'.repeat(12)}The operative report will be requested.`,
      'progress',
    ],
    ['a referral to therapy in a sentence', 'FOLLOW-UP VISIT\nHe was referred to physical therapy, chiropractic care and acupuncture last month.', 'progress'],
  ])('%s', async (_label, text, kind) => {
    expect((await kindOf(text)).kind).toBe(kind);
  });

  it.each<[label: string, text: string]>([
    ['text that names no kind', 'The weather was pleasant and the patient walked her dog to the park.'],
    ['a bare list of medications', 'Ibuprofen 800 mg three times a day.\nOmeprazole 20 mg daily.'],
  ])('%s stays other, with no rule', async (_label, text) => {
    expect(await kindOf(text)).toEqual({ kind: 'other', group: 'other', rule: null });
  });
});

describe('document kind: the working shown', () => {
  it('every cue set that spoke, with its terms, and the totals per kind, best first', async () => {
    const scores = scoreDocumentKinds(await analyzed('OPERATIVE REPORT\nPREOPERATIVE DIAGNOSIS: Tear.\nPOSTOPERATIVE DIAGNOSIS: Same.\nThe skin was prepped and draped.'), patterns);
    expect(scores.kinds[0]?.kind).toBe('operative');
    const byId = new Map(scores.cues.map((c) => [c.cue.id, c]));
    expect(byId.get('operative.title')?.terms.map((t) => t.term)).toEqual(['operative report']);
    expect(byId.get('operative.headings')?.terms.map((t) => t.term)).toEqual(['preoperative diagnosis', 'postoperative diagnosis']);
    // the kind's total is the sum of its cue sets
    const operative = scores.cues.filter((c) => c.cue.kind === 'operative').reduce((s, c) => s + c.score, 0);
    expect(scores.kinds[0]?.score).toBe(operative);
  });

  it('the kind reaches documents[] of the pipeline and every event of the document', async () => {
    const result = await processText('DISCHARGE SUMMARY\nDATE OF ADMISSION: 04/01/2019\nHOSPITAL COURSE: He was seen on 04/02/2019 by physical therapy.');
    expect(result.info.kind).toEqual({ kind: 'discharge', group: 'treating_note', rule: 'discharge.title' });
    expect(result.events.length).toBeGreaterThan(0);
    for (const e of result.events) expect(e.documentKind).toBe('discharge');
  });
});

describe('document kind: where a phrase stands', () => {
  const at = (text: string, phrase: string): [number, number] => {
    const start = text.indexOf(phrase);
    return [start, start + phrase.length];
  };

  it.each<[text: string, phrase: string, heading: boolean]>([
    ['HOSPITAL COURSE\nHe did well.', 'HOSPITAL COURSE', true],
    ['Hospital course: he did well.', 'Hospital course', true],
    ['2. FINDINGS: normal', 'FINDINGS', true],
    ['No change.,ESTIMATED BLOOD LOSS:, Minimal.', 'ESTIMATED BLOOD LOSS', true],
    ['His hospital course was smooth.', 'hospital course', false],
    ['No change, estimated blood loss: minimal.', 'estimated blood loss', false],
    ['PHYSICAL EXAM: normal', 'EXAM', false],
  ])('%j: %s is a heading: %s', (text, phrase, heading) => {
    const [start, end] = at(text, phrase);
    expect(isHeading(text, start, end)).toBe(heading);
  });

  it.each<[text: string, phrase: string, title: boolean]>([
    ['OPERATIVE REPORT\nPatient: J. Doe', 'OPERATIVE REPORT', true],
    ["PRIMARY TREATING PHYSICIAN'S INITIAL EVALUATION (PR-2 NARRATIVE)", 'PR-2', true],
    ['Orthopedic Spine Consultation', 'Consultation', true],
    ['Re: Independent Medical Evaluation of J. Doe, a long line that goes on past any title length for sure', 'Independent Medical Evaluation', true],
    ['EXAM:, MRI of the left knee.,FINDINGS:, normal and more words to make this a long line of transcription text', 'MRI of', true],
    ['She presented to the emergency room with pain that began at work while lifting heavy boxes onto a pallet.', 'emergency room', false],
    ['Evaluation of an abnormal renal ultrasound.', 'ultrasound', false],
  ])('%j: %s stands as a title: %s', (text, phrase, title) => {
    expect(isTitlePosition(text, text.indexOf(phrase), 100)).toBe(title);
  });

  it.each<[text: string, lines: number, chars: number, end: number]>([
    ['A\nB\nC\nD', 2, 300, 3],
    ['A\n\n\nB\nC', 2, 300, 5],
    ['one long line with no breaks at all', 8, 10, 10],
    ['short', 8, 300, 5],
  ])('the opening of %j (%i lines, %i chars) ends at %i', (text, lines, chars, end) => {
    expect(openingEnd(text, lines, chars)).toBe(end);
  });
});
