// In a treating record's physical examination every clause is a finding; the vocabulary classifies
// it (system, concept, polarity) but does not decide whether it exists.
import { describe, expect, it } from 'vitest';
import type { TimelineEvent } from '../../src/schema.js';
import { describeEvents, eventsOf, ofType } from './support.js';

const exam = (...lines: string[]): string => ['DATE OF SERVICE: 03/04/2015', 'PHYSICAL EXAMINATION:', ...lines].join('\n');
const found = (events: readonly TimelineEvent[]): string[] =>
  ofType(events, 'exam_finding').map((e) => `${e.source.quote} | ${e.findings.map((f) => `${f.system}:${f.concept}:${f.polarity}`).join(' ')}`);

describe('exam clauses: every clause of the exam is a finding', () => {
  it.each<[string, string[]]>([
    [exam('Appeared uncomfortable.'), ['Appeared uncomfortable. | general:general.distress:present']],
    [exam('Unable to stand.'), ['Unable to stand. | neuro:neuro.gait:abnormal']],
    [exam('Lungs: Clear to auscultation bilaterally.'), ['Lungs: Clear to auscultation bilaterally. | lungs:lungs.auscultation:normal']],
    [exam('HEENT: Normocephalic, atraumatic.'), ['HEENT: Normocephalic, atraumatic. | heent:heent.head:normal']],
    [exam('Extremities: Trace pitting edema at the ankles.'), ['Extremities: Trace pitting edema at the ankles. | extremities:extremities.edema:present']],
    [exam('Abdomen: Normal.'), ['Abdomen: Normal. | abdomen:abdomen:normal']],
    // a clause the vocabulary does not know is still a finding, classified by the label it is under
    [exam('Lungs: Few scattered sounds at the bases.'), ['Lungs: Few scattered sounds at the bases. | lungs:lungs.unclassified:normal']],
    [exam('Skin: Blue fingernail polish flaking.'), ['Skin: Blue fingernail polish flaking. | skin:skin.unclassified:normal']],
    [exam('BP 130/56, HR 68.'), ['BP 130/56 | vitals:vitals.blood_pressure:normal', 'HR 68. | vitals:heart.rate:normal']],
    [exam('Straight leg raise is negative.'), ['Straight leg raise is negative. | neuro:neuro.tension_sign:normal']],
    [exam("Stable to Lachman's and drawer."), ["Stable to Lachman's and drawer. | musculoskeletal:msk.test.lachman:normal musculoskeletal:msk.test.drawer:normal"]],
  ])('%j', async (text, expected) => {
    const events = await eventsOf(text);
    expect(found(events), describeEvents(events).join('\n')).toEqual(expected);
    expect(ofType(events, 'exam_finding').every((e) => e.date === '2015-03-04')).toBe(true);
  });

  it.each<[string, string]>([
    ['a plan in the exam', exam('We will obtain x-rays of the knee.')],
    ['a measurement that is no finding', exam('Weight: 182 pounds.')],
    ['a label alone', exam('Vital Signs:')],
    ['an x-ray result in the exam', exam('X-rays taken today show no fracture.')],
  ])('%s: no exam finding', async (_label, text) => {
    expect(found(await eventsOf(text))).toEqual([]);
  });

  it('outside an exam section the vocabulary decides: a history sentence is no finding', async () => {
    const events = await eventsOf(['HISTORY OF PRESENT ILLNESS:', 'He was uncomfortable on the drive here.', 'PHYSICAL EXAMINATION:', 'Lungs are clear.'].join('\n'));
    expect(ofType(events, 'exam_finding').map((e) => e.source.quote)).toEqual(['Lungs are clear.']);
  });
});
