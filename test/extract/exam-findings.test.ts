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
    ["a sign in the patient's sentence is still the examiner's", "She reports neck pain, and Spurling's test was positive on the right.", ['msk.test.spurling abnormal right']],
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

describe('exam findings: measured signs judged by their number', () => {
  const signs = (events: readonly TimelineEvent[]): string[] =>
    [...new Set(ofType(events, 'exam_finding').flatMap((e) => e.findings.filter((f) => f.rule.startsWith('finding.measured')).map((f) => `${f.concept} ${f.polarity} ${f.value}`)))].sort();
  it.each<[text: string, expected: string[]]>([
    ['PHYSICAL EXAMINATION: Blood pressure 182/106, pulse 88.', ['heart.rate normal 88', 'vitals.blood_pressure abnormal 182/106']],
    [
      'PHYSICAL EXAMINATION: Vitals: T 101.6, HR 118, RR 16, BP: 124/76, SpO2 97%.',
      ['heart.rate abnormal 118', 'vitals.blood_pressure normal 124/76', 'vitals.oxygenation normal 97', 'vitals.respiration normal 16', 'vitals.temperature abnormal 101.6'],
    ],
    ['PHYSICAL EXAMINATION: Her Blood Pressure today in the clinic was 136/84 and temperature 36.8.', ['vitals.blood_pressure normal 136/84', 'vitals.temperature normal 36.8']],
    ['PHYSICAL EXAMINATION: Oxygen saturation 86% on room air.', ['vitals.oxygenation abnormal 86']],
    ['MENTAL STATUS: Her Mini-Mental State Exam score today was 28/30.', ['psych.cognition normal 28']],
    ['MENTAL STATUS: MoCA 19 out of 30.', ['psych.cognition abnormal 19']],
    // between the normal range and the abnormal bounds: no claim
    ['PHYSICAL EXAMINATION: Pulse 55, regular.', []],
    // a pulse graded, not counted; a goal; a spinal level after "T"
    ['PHYSICAL EXAMINATION: Radial pulses are 2+ bilaterally.', []],
    ['PLAN: Goal blood pressure is below 130/80.', []],
    ['PHYSICAL EXAMINATION: Tenderness at T 12 and L1.', []],
  ])('%j → %j', async (text, expected) => {
    expect(signs(await eventsOf(text))).toEqual(expected);
  });
});

describe('exam findings: the site of coordinated findings', () => {
  const sites = (events: readonly TimelineEvent[]): string[] => [...new Set(ofType(events, 'exam_finding').flatMap((e) => e.findings.map((f) => `${f.concept} ${f.site ?? '-'}`)))].sort();
  it.each<[text: string, expected: string[]]>([
    // "X and Y of the Z": both are the Z's
    ['PHYSICAL EXAMINATION: Swelling and warmth of the left ankle.', ['msk.swelling ankle and foot', 'skin.warmth ankle and foot']],
    // a list with commas keeps each item's own site
    ['PHYSICAL EXAMINATION: He has jugular venous distention, basilar crackles, and ankle edema.', ['extremities.edema ankle and foot', 'lungs.auscultation.crackles -', 'neck.jvd -']],
  ])('%j → %j', async (text, expected) => {
    expect(sites(await eventsOf(text))).toEqual(expected);
  });
});

describe('exam findings: a sided label', () => {
  it('a finding under "Right knee:" is the right side\'s, in the label\'s later sentences too', async () => {
    const events = await eventsOf('PHYSICAL EXAMINATION:\nLeft knee: Small effusion.\nRight knee: Normal. No effusion.');
    expect(claims(events)).toEqual(expect.arrayContaining(['msk.effusion absent right', 'msk.effusion present left']));
  });
});
