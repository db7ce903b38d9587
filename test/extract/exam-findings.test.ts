// Exam findings (src/extract/extractors/exam-findings.ts and src/extract/findings.ts): signs the
// examiner observed, read into structured claims (domain, normal/abnormal, side) for the checks.
// What the patient reports is a symptom, not a finding.
import { describe, expect, it } from 'vitest';
import type { TimelineEvent } from '../../src/schema.js';
import { describeEvents, eventsOf, ofType } from './support.js';

/** The distinct structured claims of a sentence's exam findings: "domain polarity side". */
function claims(events: readonly TimelineEvent[]): string[] {
  const out = new Set<string>();
  for (const e of ofType(events, 'exam_finding')) for (const f of e.findings) out.add(`${f.concept} ${f.polarity} ${f.side ?? '-'}`);
  return [...out].sort();
}

describe('exam findings: signs, with domain, polarity and side', () => {
  it.each<[text: string, expected: string[]]>([
    ["Spurling's test was positive on the right.", ['msk.test.spurling abnormal right']],
    ['There was tenderness over the right lateral epicondyle.', ['msk.tenderness abnormal right']],
    ['Gait was antalgic favoring the left leg.', ['neuro.gait abnormal left']],
    ['Sensation was decreased in the left L5 dermatome.', ['neuro.sensation abnormal left']],
    ['Deep tendon reflexes were 1+ at the right Achilles.', ['neuro.reflexes abnormal right']],
    ['Straight leg raise was positive on the left at 45 degrees.', ['neuro.tension_sign abnormal left']],
    ['There was no tenderness to palpation of the lumbar paraspinals.', ['msk.tenderness normal -']],
    ['Negative straight leg raise bilaterally.', ['neuro.tension_sign normal bilateral']],
    ['Her gait was nonantalgic.', ['neuro.gait normal -']],
    // side per clause: weakness on the right, full strength on the left
    ['Motor strength was 4/5 in the right deltoid and 5/5 on the left.', ['neuro.strength abnormal right', 'neuro.strength normal left']],
    // one normal word shared by a list of domains is a claim about each
    ['He has full strength and normal sensation and reflexes in both arms.', ['neuro.reflexes normal bilateral', 'neuro.sensation normal -', 'neuro.strength normal -']],
    ['All the muscles of the body appeared normal.', ['neuro.strength normal -']],
    // range of motion written measured/normal
    ['The lumbar spine had flexion of 40/90 degrees.', ['msk.rom.flexion abnormal -']],
    ['There was hyposensorium about the left thumb and index finger.', ['neuro.sensation abnormal left']],
  ])('%j → %j', async (text, expected) => {
    const events = await eventsOf(text);
    expect(ofType(events, 'exam_finding'), describeEvents(events).join('\n')).toHaveLength(1);
    expect(claims(events)).toEqual(expected);
  });
});

describe('exam findings: one sentence, one event per date', () => {
  it('two signs in one sentence are one event with two claims', async () => {
    const events = await eventsOf('Tenderness and spasm were noted in the paracervical and trapezius muscles.');
    const exam = ofType(events, 'exam_finding');
    expect(exam).toHaveLength(1);
    expect(exam[0]?.findings.map((f) => f.concept).sort()).toEqual(['msk.spasm', 'msk.tenderness']);
  });

  it('a date written against a finding dates it, and it sets the visit for what follows', async () => {
    const events = await eventsOf('There were no focal motor deficits noted on 05/16/16. Reflexes were 2+ and symmetric.');
    const [first, second] = ofType(events, 'exam_finding');
    expect(first).toMatchObject({ date: '2016-05-16', dateCertainty: 'explicit' });
    expect(second).toMatchObject({ date: '2016-05-16', dateCertainty: 'inherited' });
  });
});

describe('exam findings: weakness words count as signs in an exam', () => {
  it.each<[label: string, text: string, expected: string[]]>([
    ['after "On examination,"', 'On examination, there was weakness of the left grip.', ['neuro.strength abnormal left']],
    ['in a PHYSICAL EXAMINATION section', 'PHYSICAL EXAMINATION:\nWeakness of the right hip flexors.', ['neuro.strength abnormal right']],
    ["a sign in the patient's sentence is still the examiner's", 'She reports neck pain, and Spurling\'s test was positive on the right.', ['msk.test.spurling abnormal right']],
  ])('%s: %j', async (_label, text, expected) => {
    expect(claims(await eventsOf(text))).toEqual(expected);
  });
});

describe('exam findings: patient-reported symptoms are not exam findings', () => {
  it.each<string>([
    'He complains of numbness in the left hand.',
    'The patient states she has decreased strength in the right arm.',
    'He denies weakness.',
    'She complains of spasms in the neck.',
    'The patient reports tingling in the fingers.',
    'He feels weak in the left leg.',
    'She reports that her right knee gives way when she climbs stairs.',
  ])('%j', async (text) => {
    expect(describeEvents(ofType(await eventsOf(text), 'exam_finding'))).toEqual([]);
  });
});

describe('exam findings: not claims about this exam', () => {
  it.each<[label: string, text: string]>([
    ['a hypothetical finding', 'An EMG was requested to rule out radiculopathy.'],
    ['an imaging result', 'X-rays of the cervical spine showed loss of the normal lordosis.'],
    ['a goal', 'GOALS:\nHip abduction strength 5/5 in 4 weeks.'],
    ["a reviewer's reasons for a denial", 'Utilization review denied the MRI because of the lack of neurologic deficits.'],
  ])('%s: %j', async (_label, text) => {
    expect(describeEvents(ofType(await eventsOf(text), 'exam_finding'))).toEqual([]);
  });
});
